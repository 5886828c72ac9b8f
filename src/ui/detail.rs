//! The detail pane: every field of one record, its ties to other records by name, and its
//! source paragraphs and quotes.

use ratatui::{
    buffer::Buffer,
    layout::{Margin, Rect},
    style::Style,
    text::{Line, Span},
    widgets::{
        Block, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
    },
};

use crate::chrome::{text, theme::Theme};
use crate::{
    data::{Catalog, Record, RecordRef},
    format::{format_period, format_share, format_usd},
};

/// Columns given to field labels; values wrap to the right of them.
const LABEL_WIDTH: usize = 11;
/// Below this width labels go on their own line.
const NARROW: usize = 32;

struct DetailBuilder<'a> {
    lines: Vec<Line<'static>>,
    width: usize,
    theme: &'a Theme,
}

impl<'a> DetailBuilder<'a> {
    fn new(width: u16, theme: &'a Theme) -> Self {
        Self {
            lines: Vec::new(),
            width: usize::from(width).max(1),
            theme,
        }
    }

    fn wrapped(&mut self, text: &str, indent: usize, style: Style) {
        let pad = " ".repeat(indent.min(self.width.saturating_sub(1)));
        for line in text::wrap(text, self.width.saturating_sub(pad.len())) {
            self.lines.push(Line::from(vec![
                Span::raw(pad.clone()),
                Span::styled(line, style),
            ]));
        }
    }

    fn blank(&mut self) {
        self.lines.push(Line::default());
    }

    fn heading(&mut self, text: &str) {
        self.blank();
        self.lines.push(Line::styled(
            text::truncate(text, self.width),
            self.theme.heading,
        ));
    }

    /// A label and a value; the value wraps with a hanging indent.
    fn field(&mut self, label: &str, value: &str, style: Style) {
        if self.width < NARROW {
            self.lines.push(Line::styled(
                text::truncate(label, self.width),
                self.theme.label,
            ));
            self.wrapped(value, 2, style);
            return;
        }
        let value_width = self.width - LABEL_WIDTH;
        for (number, line) in text::wrap(value, value_width).into_iter().enumerate() {
            let label = if number == 0 {
                text::fit(label, LABEL_WIDTH)
            } else {
                " ".repeat(LABEL_WIDTH)
            };
            self.lines.push(Line::from(vec![
                Span::styled(label, self.theme.label),
                Span::styled(line, style),
            ]));
        }
    }

    /// A link to another record; the picked one is marked and reversed.
    fn link(&mut self, text: &str, picked: bool) {
        let lines = text::wrap(text, self.width.saturating_sub(4));
        let (marker, style) = if picked {
            ("  ▶ ", self.theme.selected)
        } else {
            ("  • ", Style::new())
        };
        for (number, line) in lines.into_iter().enumerate() {
            let lead = if number == 0 { marker } else { "    " };
            let lead_style = if picked {
                self.theme.selected
            } else {
                self.theme.dim
            };
            self.lines.push(Line::from(vec![
                Span::styled(lead, lead_style),
                Span::styled(line, style),
            ]));
        }
    }
}

/// The detail pane's text: its lines, and the line where each link starts.
pub struct DetailText {
    /// The wrapped lines.
    pub lines: Vec<Line<'static>>,
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
            Some(date) => format!("{} ({})", event.title(), date.long_label()),
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

/// The pane's text for `record`, wrapped to `width` columns, with link `picked` marked.
pub fn detail_text(
    catalog: &Catalog,
    record: RecordRef,
    width: u16,
    theme: &Theme,
    picked: Option<usize>,
) -> DetailText {
    let mut out = DetailBuilder::new(width, theme);
    let mut link_lines = Vec::new();
    let Some(view) = catalog.get(record) else {
        return DetailText {
            lines: out.lines,
            link_lines,
        };
    };
    out.wrapped(view.title(), 0, theme.detail_title);
    match view {
        Record::Event(event) => {
            out.wrapped(
                &format!("event · {}", event.kind().description()),
                0,
                theme.dim,
            );
            out.blank();
            let date = event
                .date()
                .map_or_else(|| "not given in the source".to_string(), |d| d.long_label());
            out.field("Date", &date, Style::new());
            if let Some(place) = &event.place() {
                out.field("Place", place, Style::new());
            }
        }
        Record::Programme(programme) => {
            out.wrapped("funding programme", 0, theme.dim);
            out.blank();
            out.field("Period", &format_period(programme.period()), Style::new());
            if let RecordRef::Programme(i) = record {
                out.field(
                    "Total",
                    &format_usd(catalog.programme_total(i).into()),
                    Style::new(),
                );
            }
        }
        Record::Project(project) => {
            out.wrapped("funded project", 0, theme.dim);
            out.blank();
            out.field(
                "Amount",
                &format_usd(project.amount_usd().into()),
                Style::new(),
            );
            if let Some(RecordRef::Programme(programme)) =
                Some(RecordRef::Programme(project.programme()))
            {
                let total = catalog.programme_total(programme);
                let share = format!(
                    "{} of the programme total ({})",
                    format_share(project.amount_usd().into(), total.into()),
                    format_usd(total.into())
                );
                out.field("Share", &share, Style::new());
                if let Some(data) = catalog.programme(programme) {
                    out.field("Period", &format_period(data.period()), Style::new());
                }
            }
            if let Some(category) = &project.category() {
                let category = format!("{category} (a classification, not from the source)");
                out.field("Category", &category, Style::new());
            }
        }
        Record::Initiative(initiative) => {
            out.wrapped(initiative.kind().label(), 0, theme.dim);
            out.blank();
            out.field("Outcome", initiative.outcome(), Style::new());
        }
        Record::Participant(participant) => {
            out.wrapped(participant.kind().label(), 0, theme.dim);
            out.blank();
            if let Some(office) = &participant.office() {
                out.field("Office", office, Style::new());
            }
        }
    }
    out.field("Summary", view.summary(), Style::new());

    let mut current_role = None;
    for (number, relation) in catalog.relations(record).iter().enumerate() {
        if current_role != Some(relation.role) {
            current_role = Some(relation.role);
            out.heading(relation.role.heading());
        }
        link_lines.push(out.lines.len());
        out.link(
            &link_label(catalog, relation.target),
            picked == Some(number),
        );
    }

    if let Some(note) = view.note() {
        out.heading("Note · from outside the source");
        out.wrapped(note, 2, theme.note);
    }

    out.heading(if view.sources().len() == 1 {
        "Source"
    } else {
        "Sources"
    });
    for citation in view.sources() {
        let lead = format!("¶{} ", citation.paragraph);
        let quote = format!("“{}”", citation.quote);
        let indent = text::width(&lead).min(8);
        for (number, line) in text::wrap(&quote, out.width.saturating_sub(indent))
            .into_iter()
            .enumerate()
        {
            let lead = if number == 0 {
                text::fit(&lead, indent)
            } else {
                " ".repeat(indent)
            };
            out.lines.push(Line::from(vec![
                Span::styled(lead, theme.label),
                Span::styled(line, theme.quote),
            ]));
        }
    }
    out.blank();
    out.wrapped(&format!("id {}", view.id()), 0, theme.dim);
    DetailText {
        lines: out.lines,
        link_lines,
    }
}

/// What the detail pane shows: a record, from a line, with a link picked or not.
pub struct DetailView {
    /// The record, if the tab has any.
    pub record: Option<RecordRef>,
    /// The first line on screen.
    pub scroll: usize,
    /// The picked link, when the links have the focus.
    pub picked: Option<usize>,
}

/// Draws the detail pane.
pub fn render_detail(
    area: Rect,
    buf: &mut Buffer,
    catalog: &Catalog,
    detail: &DetailView,
    theme: &Theme,
) {
    let DetailView {
        record,
        scroll,
        picked,
    } = *detail;
    let (title, border) = if picked.is_some() {
        (" Details · links ", theme.pane_title)
    } else {
        (" Details ", theme.border)
    };
    let block = Block::bordered()
        .border_style(border)
        .title(Line::styled(title, theme.pane_title));
    let inner = block.inner(area);
    let Some(record) = record else {
        block.render(area, buf);
        Paragraph::new("Nothing to show: this tab has no records.")
            .style(theme.dim)
            .render(inner, buf);
        return;
    };
    let lines = detail_text(catalog, record, inner.width, theme, picked).lines;
    let total = lines.len();
    let height = usize::from(inner.height);
    let scroll = scroll.min(lines.len().saturating_sub(height));
    let scrollable = lines.len() > height;
    let block = if scrollable {
        let last = (scroll + height).min(lines.len());
        block.title_bottom(
            Line::from(format!(
                " {}–{} of {} · J/K scroll ",
                scroll + 1,
                last,
                lines.len()
            ))
            .right_aligned(),
        )
    } else {
        block
    };
    block.render(area, buf);
    let visible: Vec<Line<'static>> = lines.into_iter().skip(scroll).take(height).collect();
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
