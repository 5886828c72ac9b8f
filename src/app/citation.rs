//! What `y` and `Y` copy: a record's citation, and the command line that reopens a view.

use crate::{
    data::{Catalog, Record, RecordRef},
    format::{format_period, format_usd},
    tab::Tab,
};

/// A citation of `record`: its title and particulars, each source paragraph with its quote,
/// and the dataset and id it comes from. One line, ready to paste into a report.
pub fn citation_text(catalog: &Catalog, record: RecordRef) -> String {
    let Some(view) = catalog.get(record) else {
        return String::new();
    };
    let particulars: Vec<String> = match view {
        Record::Event(event) => [
            event.date().map(|date| date.long_label()),
            event.place().map(str::to_string),
        ]
        .into_iter()
        .flatten()
        .collect(),
        Record::Programme(programme) => vec![format_period(programme.period())],
        Record::Project(project) => vec![format_usd(project.amount_usd().into())],
        Record::Initiative(initiative) => vec![initiative.kind().label().to_string()],
        Record::Participant(participant) => participant
            .office()
            .map(str::to_string)
            .into_iter()
            .collect(),
    };
    let mut text = view.title().to_string();
    if !particulars.is_empty() {
        text.push_str(&format!(" ({})", particulars.join(", ")));
    }
    let sources: Vec<String> = view
        .sources()
        .iter()
        .map(|citation| format!("paragraph {}: “{}”", citation.paragraph, citation.quote))
        .collect();
    text.push_str(&format!(". Source, {}.", sources.join("; ")));
    text.push_str(&format!(
        " {}, record {}.",
        catalog.title_of_dataset(),
        view.id()
    ));
    text
}

fn quoted(word: &str) -> String {
    shlex::try_quote(word).map_or_else(
        |_| format!("'{}'", word.replace(['\'', '\0'], "")),
        |q| q.into_owned(),
    )
}

/// The command line that opens the explorer on `tab` with `id` selected and `query`'s results
/// ready for `n`/`N`.
pub fn command_line(tab: Tab, id: Option<&str>, query: Option<&str>) -> String {
    let mut line = format!("oic-explorer --tab {}", tab.title().to_lowercase());
    if let Some(id) = id {
        line.push_str(&format!(" --select {}", quoted(id)));
    }
    if let Some(query) = query {
        line.push_str(&format!(" --query {}", quoted(query)));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load_embedded;

    #[test]
    fn an_event_citation_names_date_place_paragraph_and_quote() {
        let catalog = load_embedded().unwrap();
        let record = catalog.find("ev-1997-12-summit-8").unwrap();
        assert_eq!(
            citation_text(&catalog, record),
            "8th OIC Summit (December 1997, Tehran). Source, paragraph 3: “8th OIC Summit in \
             December 1997 in Tehran”. Kazakhstan and the Organization of the Islamic \
             Conference, record ev-1997-12-summit-8."
        );
    }

    #[test]
    fn command_lines_quote_what_the_shell_would_split() {
        assert_eq!(
            command_line(Tab::Funding, Some("proj-x"), None),
            "oic-explorer --tab funding --select proj-x"
        );
        assert_eq!(
            command_line(Tab::Timeline, None, Some("baku summit's")),
            r#"oic-explorer --tab timeline --query "baku summit's""#
        );
    }
}
