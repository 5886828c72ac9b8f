//! What a citation cites, taken from the catalog: a record's title and particulars, its id,
//! each paragraph it rests on with the verbatim quote, and the plain one-line citation `y` has
//! always copied; or a paragraph of the source, whole.

use super::{Cited, work::Work};
use crate::{
    data::{Catalog, Record, RecordRef},
    format::{format_period, format_usd, with_aside},
};

/// A citation of `record`: its title and particulars, each source paragraph with its quote,
/// and the dataset and id it comes from. One line, ready to paste into a report.
pub fn citation_text(catalog: &Catalog, record: RecordRef) -> String {
    record_cited(catalog, record).plain
}

/// `record` as a citation cites it: its title and particulars, its id, its paragraphs and
/// quotes, and its plain citation.
pub fn record_cited(catalog: &Catalog, record: RecordRef) -> Cited {
    let Some(view) = catalog.get(record) else {
        return Cited {
            heading: None,
            id: None,
            passages: Vec::new(),
            plain: String::new(),
        };
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
        text = with_aside(&text, &particulars.join(", "));
    }
    let heading = text.clone();
    let sources: Vec<String> = view
        .sources()
        .iter()
        .map(|citation| format!("paragraph {}: “{}”", citation.paragraph, citation.quote))
        .collect();
    text.push_str(&format!(". Source, {}.", sources.join("; ")));
    // The work as every style names it: in brackets where its title is a reading.
    text.push_str(&format!(
        " {}, record {}.",
        Work::of(catalog).title.bracketed(),
        view.id()
    ));
    Cited {
        heading: Some(heading),
        id: Some(view.id().to_string()),
        passages: view
            .sources()
            .iter()
            .map(|citation| (citation.paragraph, citation.quote.to_string()))
            .collect(),
        plain: one_line(&text),
    }
}

/// `text` on one line: a line break a title, a place or a quote holds (which the catalog
/// keeps, for running text to wrap at) becomes a space, as the plain citation is one line.
fn one_line(text: &str) -> String {
    text.split('\n')
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A paragraph of the source as `y` cites it: the paragraph whole as its quote, where it is,
/// which document.
pub fn paragraph_cited(catalog: &Catalog, number: u32) -> Cited {
    let text = catalog
        .source()
        .and_then(|source| source.paragraph(number))
        .unwrap_or("");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = crate::data::display::escaped(&text).into_owned();
    let plain = format!(
        "“{text}” Source, paragraph {number}: {}. {}",
        catalog.source_note(),
        Work::of(catalog).title.bracketed()
    );
    Cited {
        heading: None,
        id: None,
        passages: vec![(number, text)],
        plain,
    }
}
