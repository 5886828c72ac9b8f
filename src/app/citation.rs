//! What `y` and `Y` copy: a record's (or a paragraph's) citation in the style the reader
//! chose, and the command line that reopens a view.

use std::path::PathBuf;

use strum::IntoEnumIterator;

use super::App;
use crate::{
    action::{Action, Command, Mode, bindings::HintWhen},
    cite::{CiteStyle, cite, paragraph_cited, record_cited},
    data::display::quoted,
    data::{EventKind, Tab},
    overlay::LastSearch,
    overlay::{CiteStyles, Overlay},
    tabs::{
        FundingSort,
        list::{ListShape, SortKey},
    },
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
            self.message = Some(
                match self.tab == Tab::Map && !self.view(self.tab).is_empty() {
                    true => {
                        "Nothing to copy: a place is not a record and cites nothing of its \
                             own; open one of its events to copy that event's citation"
                    }
                    false => "Nothing to copy: this tab has no records.",
                }
                .to_string(),
            );
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
        // `--sort` names Funding's orders forwards only: a reversed one is not said wrongly.
        let funding = self.view(Tab::Funding).controls.shape();
        let sort = match funding.reversed {
            false => options.funding_sort,
            true => FundingSort::default(),
        };
        self.effects.clipboard = Some(command_line(&ViewLine {
            origin: &self.origin,
            tab: self.tab,
            id,
            query,
            kind: options.kind_filter,
            sort,
            by_category: self.grouped(),
            paragraph: self.view(self.tab).selected_paragraph(),
        }));
        let mut left_out = left_out(self.tab, self.view(self.tab).controls.shape());
        // A place is no record: `--select` cannot name it.
        if self.tab == Tab::Map
            && let Some(place) = self
                .tabs()
                .map
                .place_name(self.view(Tab::Map).list.selected)
        {
            left_out.push(format!("the place selected ({})", quoted(place)));
        }
        self.message = Some(match left_out.as_slice() {
            [] => "Sent the command line that reopens this view to the terminal's clipboard"
                .to_string(),
            [.., last] => {
                let but_last = &left_out[..left_out.len() - 1];
                let said = match but_last {
                    [] => last.clone(),
                    _ => format!("{} and {last}", but_last.join(", ")),
                };
                format!(
                    "Copied the command line without {said}: no option sets {}",
                    if left_out.len() == 1 { "it" } else { "them" }
                )
            }
        });
    }
}

/// What of `tab`'s list, shaped as `shape` says, no command-line option can set, so the
/// command line `Y` copies cannot carry it: a text filter (`&`), an order other than the
/// tab's own (on Funding, one `--sort` names forwards), a kind shown beyond the Timeline's
/// (`--kind` is the Timeline's).
fn left_out(tab: Tab, shape: &ListShape) -> Vec<String> {
    let mut left = Vec::new();
    if let Some(matches) = &shape.matches {
        // Cut short, so what else is left out still shows in the status bar.
        let text = crate::chrome::text::truncate(matches.text(), 24);
        left.push(format!("the filter {}", quoted(&text)));
    }
    let own = SortKey::for_tab(tab).first().copied().unwrap_or_default();
    let said_by_sort = tab == Tab::Funding && !shape.reversed;
    if (shape.sort != own || shape.reversed) && !said_by_sort {
        left.push(format!(
            "the order ({})",
            shape.sort.label(tab, shape.reversed)
        ));
    }
    if let Some(kind) = shape.kind
        && tab != Tab::Timeline
    {
        left.push(format!("the kind shown ({})", kind.plural()));
    }
    left
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
             December 1997 in Tehran”. [Kazakhstan and the Organization of Islamic \
             Conference], record ev-1997-12-summit-8."
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

    /// What shapes a list beyond what an option can set is named, so `Y` never claims a
    /// command line reopens what it cannot: a filter, a reversed order, another tab's order, a
    /// kind beyond the Timeline's. Funding's orders forwards, the Timeline's kind and each
    /// tab's own order are carried, and leave nothing out.
    #[test]
    fn what_no_option_sets_is_named_as_left_out() {
        use crate::{
            data::{ParticipantKind, RecordRef},
            tabs::list::{FilterMatches, RecordKind},
        };
        let shape = |tab: Tab| ListShape::of_tab(tab);
        for tab in [
            Tab::Timeline,
            Tab::Funding,
            Tab::Initiatives,
            Tab::Participants,
        ] {
            assert!(left_out(tab, &shape(tab)).is_empty(), "{tab:?}");
        }
        let mut funding = shape(Tab::Funding);
        funding.sort = SortKey::Amount;
        assert!(left_out(Tab::Funding, &funding).is_empty());
        funding.reversed = true;
        assert_eq!(
            left_out(Tab::Funding, &funding),
            ["the order (smallest first)"]
        );
        let mut timeline = shape(Tab::Timeline);
        timeline.reversed = true;
        timeline.matches = Some(FilterMatches::new("baku", vec![RecordRef::Event(0)]));
        timeline.kind = Some(RecordKind::Event(EventKind::Summit));
        assert_eq!(
            left_out(Tab::Timeline, &timeline),
            ["the filter \"baku\"", "the order (latest first)"]
        );
        let mut people = shape(Tab::Participants);
        people.sort = SortKey::Title;
        people.kind = Some(RecordKind::Participant(ParticipantKind::Person));
        assert_eq!(
            left_out(Tab::Participants, &people),
            ["the order (by name)", "the kind shown (people)"]
        );
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
