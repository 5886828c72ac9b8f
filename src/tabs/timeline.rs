//! The Timeline tab: events in date order, labelled by year, with the strip of years above
//! them, and its one choice, the kind filter (`f`) that shows one kind of event at a time.

use std::sync::Arc;

use ratatui::{
    buffer::Buffer,
    layout::{Constraint, Rect},
    text::{Line, Span},
    widgets::{Cell, Row, Widget},
};

use super::{
    TabView,
    list::{render_record_list, title_with_suffix},
    timeline_strip::{STRIP_LINES, TimelineStrip},
};
use crate::{
    chrome::{
        layout::{Panes, TabExtras},
        text,
        theme::Theme,
    },
    data::{Catalog, EventKind, EventView, RecordRef, RowOptions, Tab, TabRows},
};

/// The Timeline tab.
pub struct TimelineTab {
    /// Its list and detail pane.
    pub view: TabView,
    /// Only events of this kind, or all.
    filter: Option<EventKind>,
    /// The kinds the data has, in the order `f` steps through them.
    kinds: Vec<EventKind>,
    catalog: Arc<Catalog>,
    /// The styles it is drawn with.
    pub theme: Theme,
}

impl TimelineTab {
    /// Every event of `catalog`, by date.
    pub fn new(catalog: Arc<Catalog>) -> Self {
        Self {
            view: TabView::new(rows(&catalog, None)),
            filter: None,
            kinds: catalog.event_kinds(),
            catalog,
            theme: Theme::default(),
        }
    }

    /// The kind of event shown, or `None` for all.
    pub fn filter(&self) -> Option<EventKind> {
        self.filter
    }

    /// Shows the next kind of event, after the last kind all of them again.
    pub fn cycle_filter(&mut self, page: usize) {
        let next = match self.filter {
            None => self.kinds.first().copied(),
            Some(kind) => {
                let at = self.kinds.iter().position(|&k| k == kind);
                at.and_then(|at| self.kinds.get(at + 1).copied())
            }
        };
        self.set_filter(next, page);
    }

    /// Shows only events of `filter` (all for `None`), keeping the selection where it can.
    pub fn set_filter(&mut self, filter: Option<EventKind>, page: usize) {
        self.filter = filter;
        self.view.set_rows(rows(&self.catalog, filter), page);
    }

    /// The strip above the list, when any event is dated.
    pub fn extras(&self) -> TabExtras {
        TabExtras {
            header_lines: if self.view.rows.month_keys().is_empty() {
                0
            } else {
                STRIP_LINES
            },
            ..TabExtras::default()
        }
    }
}

/// The events shown with `filter`, by date.
fn rows(catalog: &Catalog, filter: Option<EventKind>) -> TabRows {
    let options = RowOptions {
        kind_filter: filter,
        ..RowOptions::default()
    };
    TabRows::new(catalog, Tab::Timeline, &options)
}

impl Widget for &TimelineTab {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let panes = Panes::new(area, self.extras());
        render_timeline(
            &panes,
            buf,
            &self.catalog,
            &self.view,
            &self.theme,
            self.filter,
        );
        super::render_detail(&panes, buf, &self.catalog, &self.view, &self.theme);
    }
}

const KIND_WIDTH: u16 = 13;

fn event(catalog: &Catalog, record: RecordRef) -> Option<EventView<'_>> {
    match record {
        RecordRef::Event(i) => catalog.event(i),
        _ => None,
    }
}

fn year_label(event: EventView<'_>) -> String {
    event
        .date()
        .map_or_else(|| "n.d.".to_string(), |date| date.year().to_string())
}

/// The list's title: the filter, and how many events it shows.
fn title(filter: Option<EventKind>, shown: usize, total: usize) -> Line<'static> {
    match filter {
        None if total == 0 => Line::from(" Timeline · no events "),
        None if total == 1 => Line::from(" Timeline · 1 event "),
        None => Line::from(format!(
            " Timeline · all {total} events · f filters by kind "
        )),
        Some(kind) => Line::from(format!(
            " Timeline · {}: {shown} of {total} · f next kind ",
            kind.plural()
        )),
    }
}

/// Draws the timeline strip and list.
fn render_timeline(
    panes: &Panes,
    buf: &mut Buffer,
    catalog: &Catalog,
    view: &TabView,
    theme: &Theme,
    filter: Option<EventKind>,
) {
    let selected = view
        .selected()
        .and_then(|record| event(catalog, record))
        .and_then(|event| event.date())
        .map(|date| date.month_key());
    TimelineStrip {
        month_keys: view.rows.month_keys(),
        selected,
        theme,
    }
    .render(panes.header, buf);
    let window_start = view.list.offset;
    let date_width = view
        .rows
        .window(window_start, usize::from(panes.rows.height))
        .iter()
        .filter_map(|&record| event(catalog, record)?.date())
        .map(|date| text::width(&date.label_within_year()))
        .max()
        .unwrap_or(0)
        .max(3);
    let date_width = u16::try_from(date_width).unwrap_or(12);
    let widths = [
        Constraint::Length(4),
        Constraint::Length(date_width),
        Constraint::Length(KIND_WIDTH),
        Constraint::Fill(1),
    ];
    let title = title(filter, view.rows.len(), catalog.counts().events);
    render_record_list(
        panes,
        buf,
        title,
        view,
        &widths,
        theme,
        |window, offset, width| {
            let title_width = width.saturating_sub(usize::from(4 + date_width + KIND_WIDTH + 3));
            let mut previous_year: Option<String> = (offset > 0)
                .then(|| view.rows.get(offset - 1))
                .flatten()
                .and_then(|record| event(catalog, record))
                .map(year_label);
            window
                .iter()
                .filter_map(|&record| event(catalog, record))
                .enumerate()
                .map(|(index, event)| {
                    let year = year_label(event);
                    let show_year = index == 0 || previous_year.as_deref() != Some(year.as_str());
                    previous_year = Some(year.clone());
                    let year_cell = if show_year {
                        Cell::from(Span::styled(year, theme.year))
                    } else {
                        Cell::from("")
                    };
                    let date = event
                        .date()
                        .map(|d| d.label_within_year())
                        .unwrap_or_default();
                    let title = title_with_suffix(event.title(), event.place(), title_width, theme);
                    Row::new([
                        year_cell,
                        Cell::from(date),
                        Cell::from(Span::styled(event.kind().label(), theme.kind)),
                        Cell::from(title),
                    ])
                })
                .collect()
        },
    );
}
