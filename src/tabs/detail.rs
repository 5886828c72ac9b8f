//! The detail pane, shared by every tab: every field of one record, its ties to other records
//! by name, and its source paragraphs and quotes. The text is laid out once per record and
//! width, without a theme ([`DetailText`]), and kept by the tab: scrolling and following links
//! read it in `update`, and the pane draws it with the theme. It reads the catalog only.

use ratatui::{
    buffer::Buffer,
    layout::{Margin, Rect},
    text::Line,
    widgets::{
        Block, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
    },
};

use super::detail_builder::DetailBuilder;
use crate::{
    chrome::{
        styled::{Role, StyledLine},
        theme::Theme,
    },
    data::{Catalog, Mark, Record, RecordRef},
    format::{format_usd, with_aside},
};

/// What a detail pane shows: a record, a paragraph of the source (the Source tab), or a
/// place (the Map tab).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DetailKey {
    /// A record.
    Record(RecordRef),
    /// Paragraph `n` of the source, counting from 1.
    Paragraph(u32),
    /// Place `n` of [`crate::data::PlaceTable`].
    Place(u32),
}

/// The detail pane's text for one record or paragraph at one width: its lines, and the line
/// where each link starts.
#[derive(Clone, Debug)]
pub struct DetailText {
    /// What it is the text of.
    pub key: DetailKey,
    /// The width it is wrapped to.
    pub width: u16,
    /// The wrapped lines.
    pub lines: Vec<StyledLine>,
    /// For each link, in [`Catalog::relations`] order, its first line.
    pub link_lines: Vec<usize>,
}

impl DetailText {
    /// The link shown on `line`, if any.
    pub fn link_at(&self, line: usize) -> Option<usize> {
        let after = self.link_lines.partition_point(|&start| start <= line);
        let link = after.checked_sub(1)?;
        let end = self.link_lines.get(link + 1).copied().unwrap_or(usize::MAX);
        // A link ends where the next begins or at the blank line before the next heading.
        let blank = (self.link_lines[link]..end.min(self.lines.len()))
            .find(|&l| self.lines[l].width() == 0)
            .unwrap_or(end);
        (line < blank.min(end)).then_some(link)
    }
}

/// How a tied record is named in the detail pane: events with their date, projects with
/// their amount.
pub fn link_label(catalog: &Catalog, target: RecordRef) -> String {
    match catalog.get(target) {
        Some(Record::Event(event)) => match event.date() {
            Some(date) => with_aside(event.title(), &date.long_label()),
            None => event.title().to_string(),
        },
        Some(Record::Project(project)) => {
            format!(
                "{} – {}",
                project.title(),
                format_usd(project.amount_usd().into())
            )
        }
        Some(record) => record.title().to_string(),
        None => String::new(),
    }
}

impl DetailText {
    /// The text of `record`, wrapped to `width` columns.
    pub fn new(catalog: &Catalog, record: RecordRef, width: u16) -> Self {
        let mut out = DetailBuilder::new(width);
        let link_lines = match catalog.get(record) {
            Some(view) => write_record(&mut out, catalog, record, view),
            None => Vec::new(),
        };
        Self {
            key: DetailKey::Record(record),
            width,
            lines: out.lines,
            link_lines,
        }
    }

    /// Text built elsewhere (the Source tab's paragraphs, the Map tab's places) from `out`'s
    /// lines.
    pub(super) fn built(
        key: DetailKey,
        width: u16,
        out: DetailBuilder,
        link_lines: Vec<usize>,
    ) -> Self {
        Self {
            key,
            width,
            lines: out.lines,
            link_lines,
        }
    }

    /// Whether this is the text of `key` at `width`.
    pub fn fits(&self, key: DetailKey, width: u16) -> bool {
        self.key == key && self.width == width
    }
}

/// Writes every part of `view` into `out`; returns the line each link starts on.
fn write_record(
    out: &mut DetailBuilder,
    catalog: &Catalog,
    record: RecordRef,
    view: Record<'_>,
) -> Vec<usize> {
    out.wrapped(view.title(), 0, Role::Title);
    write_particulars(out, catalog, record);
    out.field("Summary", view.summary());
    let link_lines = write_links(out, catalog, record);
    if let Some(note) = view.note() {
        out.heading(&format!("Note · {}", Mark::Outside.text()));
        out.wrapped(note, 2, Role::Note);
    }
    write_sources(out, view);
    out.blank();
    out.wrapped(&format!("id {}", view.id()), 0, Role::Dim);
    link_lines
}

/// What kind of record it is, and the fields of its kind its layout lists.
fn write_particulars(out: &mut DetailBuilder, catalog: &Catalog, record: RecordRef) {
    out.wrapped(&catalog.what_it_is(record, " · "), 0, Role::Dim);
    out.blank();
    for item in catalog.layout(record).detail {
        let (value, mark) = match catalog.field_string(record, item.value) {
            Some(value) => (value, catalog.mark(record, item.value)),
            None => match item.absent {
                Some(words) => (words.to_string(), None),
                None => continue,
            },
        };
        match mark {
            Some(mark) => out.field(item.label, &with_aside(&value, mark.text())),
            None => out.field(item.label, &value),
        }
    }
}

/// The record's ties, under a heading for each role and kind of tie, each with the quotes that
/// establish it and its reading; returns the line each link starts on.
fn write_links(out: &mut DetailBuilder, catalog: &Catalog, record: RecordRef) -> Vec<usize> {
    let mut link_lines = Vec::new();
    let mut current_heading = String::new();
    for relation in catalog.relations(record).iter() {
        let heading = catalog.tie_heading(record, &relation);
        if heading != current_heading {
            out.heading(&heading);
            current_heading = heading;
        }
        link_lines.push(out.lines.len());
        out.link(&link_label(catalog, relation.target));
        for citation in catalog.tie_quotes(record, &relation) {
            let lead = format!("¶{} ", citation.paragraph);
            out.quote(&lead, &format!("“{}”", citation.quote), TIE_INDENT);
        }
        for reading in catalog.tie_readings(record, &relation) {
            out.wrapped(&format!("reading: {reading}"), TIE_INDENT, Role::Dim);
        }
    }
    link_lines
}

/// How far a tie's quotes and reading are indented under its link.
const TIE_INDENT: usize = 4;

/// Each source paragraph with its quote, the quote wrapped under its `¶n` lead.
fn write_sources(out: &mut DetailBuilder, view: Record<'_>) {
    out.heading(if view.sources().len() == 1 {
        "Source"
    } else {
        "Sources"
    });
    for citation in view.sources() {
        let lead = format!("¶{} ", citation.paragraph);
        out.quote(&lead, &format!("“{}”", citation.quote), 0);
    }
}

/// The detail pane as drawn: a record's text from a line, with a link picked or not.
pub struct DetailPane<'a> {
    /// The text, or `None` when the tab has no records.
    pub text: Option<&'a DetailText>,
    /// The first line on screen.
    pub scroll: usize,
    /// The picked link, when the links have the focus.
    pub picked: Option<usize>,
    /// The styles.
    pub theme: &'a Theme,
    /// The keys that scroll it and what they do (`J/K scroll`), empty when none.
    pub scroll_hint: &'a str,
}

impl Widget for DetailPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Self {
            text,
            scroll,
            picked,
            theme,
            scroll_hint,
        } = self;
        let (title, border) = if picked.is_some() {
            (" Details · links ", theme.pane_title)
        } else {
            (" Details ", theme.border)
        };
        let block = Block::bordered()
            .border_style(border)
            .title(Line::styled(title, theme.pane_title));
        let inner = block.inner(area);
        let Some(text) = text else {
            block.render(area, buf);
            Paragraph::new("Nothing to show: this tab has no records.")
                .style(theme.dim)
                .render(inner, buf);
            return;
        };
        let total = text.lines.len();
        let height = usize::from(inner.height);
        let scroll = scroll.min(total.saturating_sub(height));
        let scrollable = total > height;
        let block = if scrollable {
            let last = (scroll + height).min(total);
            let title = if scroll_hint.is_empty() {
                format!(" {}–{} of {} ", scroll + 1, last, total)
            } else {
                format!(" {}–{} of {} · {scroll_hint} ", scroll + 1, last, total)
            };
            block.title_bottom(Line::from(title).right_aligned())
        } else {
            block
        };
        block.render(area, buf);
        let picked_link = picked.and_then(|link| {
            let first = *text.link_lines.get(link)?;
            Some((first, link))
        });
        let visible: Vec<Line<'static>> = (scroll..(scroll + height).min(total))
            .map(|number| {
                let picked = picked_link.is_some_and(|(first, link)| {
                    number >= first && text.link_at(number) == Some(link)
                });
                text.lines[number].to_line(theme, picked)
            })
            .collect();
        Paragraph::new(visible).render(inner, buf);
        if scrollable {
            let mut state = ScrollbarState::new(total - height + 1)
                .viewport_content_length(height)
                .position(scroll);
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None)
                .style(theme.dim)
                .render(area.inner(Margin::new(0, 1)), buf, &mut state);
        }
    }
}
