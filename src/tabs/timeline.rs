//! The Timeline tab: events in date order (or by kind, or by place), labelled by year, with
//! the strip of the months they fall in above them, and columns for the place and the country
//! they were held in when the list is wide enough.

use std::sync::Arc;

use ratatui::{
    buffer::Buffer,
    layout::Rect,
    text::{Line, Span},
    widgets::{Cell, Row, Widget},
};

use super::TabHints;
use super::{
    TabView,
    list::{
        ListLook, Orders, RecordKind,
        columns::{Column, Columns},
        render_record_list, title_with_suffix,
    },
    timeline_strip::{STRIP_LINES, TimelineStrip},
};
use crate::{
    chrome::{
        layout::{Panes, TabExtras},
        text,
        theme::Theme,
    },
    data::{Catalog, EventKind, EventView, RecordRef, Role, Tab, event_place},
};

/// The longest a place or a country's name is given before it is cut.
const PLACE_CAP: usize = 20;
/// The same for a country, with room for its reading mark, which is never cut.
const COUNTRY_CAP: usize = PLACE_CAP + 1 + crate::data::READING_MARK.len();

/// The Timeline tab.
pub struct TimelineTab {
    /// Its list and detail pane.
    pub view: TabView,
    /// The list's columns, their widths worked out from every event once.
    columns: Columns,
    catalog: Arc<Catalog>,
    /// The styles it is drawn with.
    pub theme: Theme,
    /// The keys its texts name.
    pub hints: Arc<TabHints>,
}

impl TimelineTab {
    /// Every event of `catalog`, by date.
    pub fn new(catalog: Arc<Catalog>, orders: &Arc<Orders>) -> Self {
        Self {
            view: TabView::of_tab(orders, &catalog, Tab::Timeline),
            columns: columns(&catalog),
            catalog,
            theme: Theme::default(),
            hints: Arc::default(),
        }
    }

    /// The kind of event shown, or `None` for all.
    pub fn filter(&self) -> Option<EventKind> {
        match self.view.controls.shape().kind {
            Some(RecordKind::Event(kind)) => Some(kind),
            _ => None,
        }
    }

    /// Shows only events of `filter` (all for `None`), keeping the selection where it can.
    pub fn set_filter(&mut self, filter: Option<EventKind>, page: usize) {
        self.view.controls.set_kind(filter.map(RecordKind::Event));
        self.view.reshape(&self.catalog, Tab::Timeline, page);
    }

    /// The strip above the list, when any event is dated, and the widths of the columns.
    pub fn extras(&self) -> TabExtras {
        TabExtras {
            header_lines: if self.view.rows.month_keys().is_empty() {
                0
            } else {
                STRIP_LINES
            },
            ..super::column_extras(&self.columns, &self.view)
        }
    }
}

/// The columns: year, date (months right-aligned, so they line up) and kind, then the title,
/// then the place and the country where the width allows.
fn columns(catalog: &Catalog) -> Columns {
    let events = u32::try_from(catalog.counts().events).unwrap_or(u32::MAX);
    let (mut date, mut title, mut place) = (0, 0, 0);
    for (i, event) in (0..events).filter_map(|i| Some((i, catalog.event(i)?))) {
        date = date.max(event.date().map_or(0, |d| d.label_within_year_width()));
        // Bytes, not cells: cheap over a million titles, and never less than the width.
        title = title.max(event.title().len());
        place = place.max(event_place(catalog, i).map_or(0, str::len));
    }
    let kind = catalog
        .event_kinds()
        .iter()
        .map(|kind| text::width(kind.label()))
        .max()
        .unwrap_or(0);
    Columns::new(
        vec![
            Column::text("year", 4),
            Column::right("date", date),
            Column::text("kind", kind),
        ],
        "event",
        title,
        vec![
            Column::text("place", place).capped(PLACE_CAP),
            Column::text("country", super::longest_state_name(catalog)).capped(COUNTRY_CAP),
        ],
    )
}

impl Widget for &TimelineTab {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let panes = Panes::new(area, self.extras());
        render_timeline(&panes, buf, self);
        super::render_detail(
            &panes,
            buf,
            &self.catalog,
            &self.view,
            &self.theme,
            &self.hints,
        );
    }
}

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

/// The country an event was held in, by name, marked when the tie is a reading.
fn country_of(catalog: &Catalog, record: RecordRef) -> Option<String> {
    catalog.tied_name(record, Role::Country)
}

/// Draws the timeline strip and list.
fn render_timeline(panes: &Panes, buf: &mut Buffer, tab: &TimelineTab) {
    let (catalog, view, theme) = (&*tab.catalog, &tab.view, &tab.theme);
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
    let widths = tab.columns.allocate(panes.rows.width);
    let shown = widths.shown;
    let title = Line::from(format!(
        " Timeline · {} ",
        view.describe(catalog.counts().events, "events")
    ));
    let columns = &tab.columns;
    let look = ListLook {
        title,
        columns,
        widths: &widths,
        theme,
    };
    render_record_list(panes, buf, look, view, |window, offset, _| {
        let title_width = usize::from(widths.title);
        // The year is written where it changes, and on the first row on screen; sorted by
        // kind or place, it is written on every row, where it changes from row to row.
        let mut previous_year: Option<String> = (offset > 0)
            .then(|| view.rows.get(offset - 1))
            .flatten()
            .and_then(|record| event(catalog, record))
            .map(year_label);
        window
            .iter()
            .filter_map(|&record| Some((record, event(catalog, record)?)))
            .enumerate()
            .map(|(index, (record, event))| {
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
                let place_column = shown >= 1;
                // Where the source names only the country (`in Turkey`), the country is the
                // place, as the map and the order by place take it, unless its column shows.
                let place = match (event.place(), shown >= 2) {
                    (Some(place), _) => Some(place),
                    (None, false) => match record {
                        RecordRef::Event(i) => event_place(catalog, i),
                        _ => None,
                    },
                    (None, true) => None,
                };
                let suffix = if place_column { None } else { place };
                let title = title_with_suffix(event.title(), suffix, title_width, theme);
                let mut cells = vec![
                    year_cell,
                    columns.leading[1].cell(date, ratatui::style::Style::default()),
                    Cell::from(Span::styled(event.kind().label(), theme.kind)),
                    Cell::from(title),
                ];
                if place_column {
                    let place = place.unwrap_or_default();
                    cells.push(Cell::from(text::truncate(place, widths.of_optional(0))));
                }
                if shown >= 2 {
                    let country = country_of(catalog, record).unwrap_or_default();
                    let country = country.as_str();
                    cells.push(Cell::from(Span::styled(
                        text::truncate(country, widths.of_optional(1)),
                        theme.dim,
                    )));
                }
                Row::new(cells)
            })
            .collect()
    });
}
