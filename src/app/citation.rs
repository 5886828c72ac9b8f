//! What `y` and `Y` copy: a record's (or a paragraph's) citation in the style the reader
//! chose, and the command line that reopens a view.

use std::path::PathBuf;

use strum::IntoEnumIterator;

use super::App;
use crate::{
    action::{Action, Command, Mode, bindings::HintWhen},
    cite::{CiteStyle, cite, paragraph_cited, record_cited},
    data::{EventKind, Tab},
    overlay::LastSearch,
    overlay::{CiteStyles, Overlay},
    tabs::FundingSort,
};

impl App {
    /// Copies the citation of what is selected in `style`, or in the style set
    /// (`cite_style`) when it is `None`.
    pub(super) fn copy_citation(&mut self, style: Option<CiteStyle>) {
        let style = style.unwrap_or(self.cite_style);
        let (cited, what) = if let Some(number) = self.view(self.tab).selected_paragraph() {
            (
                paragraph_cited(&self.catalog, number),
                format!("paragraph {number} with its citation"),
            )
        } else if let Some(record) = self.view(self.tab).selected() {
            (
                record_cited(&self.catalog, record),
                format!("the citation of “{}”", self.catalog.title(record)),
            )
        } else {
            self.message = Some("Nothing to copy: this tab has no records.".to_string());
            return;
        };
        match cite(&self.catalog, &cited, style) {
            Ok(text) => {
                self.effects.clipboard = Some(text);
                // Plain text says what it always said; another style is named first, where a
                // narrow status bar still shows it.
                self.message = Some(match style {
                    CiteStyle::Plain => format!("Sent {what} to the terminal's clipboard"),
                    other => format!(
                        "Sent as {} to the terminal's clipboard: {what}",
                        other.label()
                    ),
                });
            }
            Err(why) => {
                self.message = Some(format!(
                    "Not copied: the citation could not be written as {}: {why}",
                    style.label()
                ));
            }
        }
    }

    /// Opens the chooser of the style a citation is copied in, when there is something to
    /// cite.
    pub(super) fn open_cite_styles(&mut self) {
        let view = self.view(self.tab);
        let what = match (view.selected_paragraph(), view.selected()) {
            (Some(number), _) => format!("paragraph {number}"),
            (None, Some(record)) => format!("“{}”", self.catalog.title(record)),
            (None, None) => {
                self.message = Some("Nothing to cite: this tab has no records.".to_string());
                return;
            }
        };
        let styles = CiteStyle::all()
            .map(|style| {
                let command = Command::iter()
                    .find(|command| command.action(Mode::Cite) == Action::CopyCitationAs(style));
                let key =
                    command.and_then(|command| self.bindings.keys_for(&[command], Mode::Cite));
                (style, key)
            })
            .collect();
        let keys = self
            .bindings
            .reminder(Mode::Cite, HintWhen::Always, Command::Quit);
        self.overlay = Some(Overlay::Cite(CiteStyles::new(
            what,
            styles,
            self.cite_style,
            keys,
            self.theme,
        )));
    }

    pub(super) fn copy_command_line(&mut self) {
        if let Some(piped) = &self.origin.piped {
            self.message = Some(format!(
                "Not copied: {} was read from a pipe, which a command line cannot open again; \
                 save it to a file first (export --format json -o FILE)",
                crate::quoted::quoted_path(piped)
            ));
            return;
        }
        let record = self.view(self.tab).selected();
        let id = record
            .and_then(|record| self.catalog.get(record))
            .map(|record| record.id());
        // A search left behind is not part of the view (see `LastSearch::in_view`).
        let query = (self.last_search.as_ref())
            .filter(|last| last.in_view())
            .map(LastSearch::text);
        let options = self.row_options();
        self.effects.clipboard = Some(command_line(&ViewLine {
            origin: &self.origin,
            tab: self.tab,
            id,
            query,
            kind: options.kind_filter,
            sort: options.funding_sort,
            by_category: self.grouped(),
            paragraph: self.view(self.tab).selected_paragraph(),
        }));
        self.message = Some(
            "Sent the command line that reopens this view to the terminal's clipboard".to_string(),
        );
    }
}

/// ` --option value`, or ` --option=value` when the value starts with `-` and would be read
/// as an option of its own.
fn option(name: &str, value: &[u8]) -> String {
    let word = crate::data::display::shell_word(value);
    if value.starts_with(b"-") {
        format!(" {name}={word}")
    } else {
        format!(" {name} {word}")
    }
}

#[cfg(unix)]
fn path_bytes(path: &std::path::Path) -> &[u8] {
    use std::os::unix::ffi::OsStrExt;
    path.as_os_str().as_bytes()
}

#[cfg(not(unix))]
fn path_bytes(path: &std::path::Path) -> &[u8] {
    path.to_str().map_or(b"", str::as_bytes)
}

/// The files the explorer was opened on, as absolute paths, so the command line that reopens
/// a view works from any folder. Empty for the embedded dataset.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DataOrigin {
    /// The dataset file (`--data`).
    pub data: Option<PathBuf>,
    /// The source text (`--source`).
    pub source: Option<PathBuf>,
    /// Which of them is no file but a pipe or a device, read once, that no command line can
    /// open again.
    pub piped: Option<PathBuf>,
}

/// A view, as the command line that reopens it names it.
#[derive(Clone, Copy, Debug)]
pub struct ViewLine<'a> {
    /// The files it is on.
    pub origin: &'a DataOrigin,
    /// The tab on screen.
    pub tab: Tab,
    /// The selected record's id.
    pub id: Option<&'a str>,
    /// The search `n`/`N` step through.
    pub query: Option<&'a str>,
    /// The Timeline's kind filter.
    pub kind: Option<EventKind>,
    /// The Funding tab's order.
    pub sort: FundingSort,
    /// Whether the Funding tab shows its totals by category.
    pub by_category: bool,
    /// On the Source tab, the paragraph on screen.
    pub paragraph: Option<u32>,
}

/// The command line that opens the explorer on `view`: its files, its tab, its filter, order
/// and grouping, its selected record and its search; options left at their defaults are left
/// out.
pub fn command_line(view: &ViewLine) -> String {
    let mut line = String::from("oic-explorer");
    for (name, path) in [
        ("--data", &view.origin.data),
        ("--source", &view.origin.source),
    ] {
        if let Some(path) = path {
            line.push_str(&option(name, path_bytes(path)));
        }
    }
    line.push_str(&format!(" --tab {}", view.tab.title().to_lowercase()));
    if let Some(kind) = view.kind {
        line.push_str(&format!(" --kind {}", kind.name()));
    }
    if view.sort != FundingSort::default() {
        line.push_str(&format!(" --sort {}", view.sort.name()));
    }
    if view.by_category {
        line.push_str(" --by-category");
    }
    if let Some(id) = view.id {
        line.push_str(&option("--select", id.as_bytes()));
    }
    if let Some(paragraph) = view.paragraph.filter(|&n| n > 1) {
        line.push_str(&format!(" --paragraph {paragraph}"));
    }
    if let Some(query) = view.query {
        line.push_str(&option("--query", query.as_bytes()));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{cite::citation_text, data::load_embedded};

    #[test]
    fn an_event_citation_names_date_place_paragraph_and_quote() {
        let catalog = load_embedded().unwrap();
        let record = catalog.find("ev-1997-12-summit-8").unwrap();
        assert_eq!(
            citation_text(&catalog, record),
            "8th OIC Summit (December 1997, Tehran). Source, paragraph 3: “8th OIC Summit in \
             December 1997 in Tehran”. Kazakhstan and the Organization of Islamic \
             Conference, record ev-1997-12-summit-8."
        );
    }

    fn view<'a>(origin: &'a DataOrigin, tab: Tab) -> ViewLine<'a> {
        ViewLine {
            origin,
            tab,
            id: None,
            query: None,
            kind: None,
            sort: FundingSort::default(),
            by_category: false,
            paragraph: None,
        }
    }

    #[test]
    fn command_lines_quote_what_the_shell_would_split() {
        let embedded = DataOrigin::default();
        assert_eq!(
            command_line(&ViewLine {
                id: Some("proj-x"),
                ..view(&embedded, Tab::Funding)
            }),
            "oic-explorer --tab funding --select proj-x"
        );
        assert_eq!(
            command_line(&ViewLine {
                query: Some("baku summit's"),
                ..view(&embedded, Tab::Timeline)
            }),
            r#"oic-explorer --tab timeline --query "baku summit's""#
        );
    }

    #[test]
    fn a_dataset_read_from_a_pipe_is_never_offered_as_a_command_line() {
        let catalog = std::sync::Arc::new(crate::data::load_embedded().expect("loads"));
        let mut app = crate::app::App::new(catalog, ratatui::layout::Size::new(100, 30))
            .with_origin(DataOrigin {
                data: Some(PathBuf::from("/dev/stdin")),
                source: None,
                piped: Some(PathBuf::from("/dev/stdin")),
            });
        app.update(crate::action::Action::CopyCommandLine);
        let message = app.message().unwrap_or_default().to_string();
        assert!(
            message.starts_with("Not copied: /dev/stdin was read from a pipe"),
            "{message}"
        );
        assert_eq!(app.take_clipboard(), None);
    }

    #[test]
    fn words_a_shell_would_misread_are_written_so_it_reads_them_back() {
        let embedded = DataOrigin::default();
        let line = |query: &str| {
            command_line(&ViewLine {
                query: Some(query),
                ..view(&embedded, Tab::Timeline)
            })
        };
        assert_eq!(line("-h"), "oic-explorer --tab timeline --query=-h");
        assert_eq!(
            line("a\u{1b}[201~b\u{202e}'c"),
            "oic-explorer --tab timeline --query $'a\\x1b[201~b\\U0000202e\\'c'"
        );
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let origin = DataOrigin {
                data: Some(PathBuf::from(std::ffi::OsStr::from_bytes(
                    b"/d/bad\xff.json",
                ))),
                source: None,
                piped: None,
            };
            assert_eq!(
                command_line(&view(&origin, Tab::Timeline)),
                "oic-explorer --data $'/d/bad\\xff.json' --tab timeline"
            );
        }
    }

    #[test]
    fn command_lines_name_the_files_the_filter_the_order_and_the_grouping() {
        let origin = DataOrigin {
            data: Some(PathBuf::from("/data/my set.json")),
            source: Some(PathBuf::from("/data/source.txt")),
            piped: None,
        };
        assert_eq!(
            command_line(&ViewLine {
                kind: Some(EventKind::ForeignMinisters),
                sort: FundingSort::AmountDescending,
                by_category: true,
                paragraph: None,
                ..view(&origin, Tab::Funding)
            }),
            "oic-explorer --data '/data/my set.json' --source /data/source.txt --tab funding \
             --kind foreign_ministers --sort largest --by-category"
        );
    }
}
