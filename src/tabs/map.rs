//! The Map tab: the places the events were held in, drawn on a world map above their list
//! (name, country, events, years), ordered by `o` (name, most events, first year). The
//! detail pane lists the selected place's events as links to follow into the Timeline. The
//! places are gathered once per catalog ([`crate::data::PlaceTable`]); this tab keeps only
//! their order (in its [`TabView`]) and their labels, and draws. Every coordinate is from
//! outside the source, and the map and the detail pane say so. Drawing the map is
//! `map/world.rs`'s.

use std::sync::Arc;

use ratatui::{
    buffer::Buffer,
    layout::{Constraint, Layout, Rect},
    text::{Line, Span},
    widgets::{Block, Cell, Paragraph, Row, Widget, Wrap},
};

mod world;

use super::{
    TabHints, TabView,
    detail::{DetailKey, DetailText, link_label},
    detail_builder::DetailBuilder,
    list::{SELECTION_MARKER, SortKey, render_rows},
};
use crate::{
    chrome::{
        layout::{Panes, TabExtras},
        styled::Role,
        text,
        theme::Theme,
    },
    data::{Catalog, Mark, PlaceEntry, PlaceOrder, Precision, RecordRef},
    plural::counted,
};

/// The share of the tab's height the map takes, above the list and the detail pane.
const MAP_SHARE: u16 = 55;

/// The Map tab.
pub struct MapTab {
    /// Its list of places and detail pane.
    pub view: TabView,
    catalog: Arc<Catalog>,
    /// Each place's label on the map (its name, and how many events when more than one), by
    /// place number: made once, not per frame.
    labels: Vec<String>,
    /// The styles it is drawn with.
    pub theme: Theme,
    /// The keys its texts name.
    pub hints: Arc<TabHints>,
}

/// The order of the places a list order stands for on the Map tab.
pub fn place_order(sort: SortKey) -> PlaceOrder {
    match sort {
        SortKey::Events => PlaceOrder::Events,
        SortKey::Date => PlaceOrder::FirstYear,
        _ => PlaceOrder::Name,
    }
}

impl MapTab {
    /// The places of `catalog`'s events, by name, the first selected.
    pub fn new(catalog: Arc<Catalog>) -> Self {
        let labels = catalog.places().iter().map(world::label).collect();
        Self {
            view: TabView::of_places(&catalog),
            catalog,
            labels,
            theme: Theme::default(),
            hints: Arc::default(),
        }
    }

    /// Selects place `place` with the list focused; whether it is listed.
    pub fn show_place(&mut self, place: u32, page: usize) -> bool {
        let Some(row) = self.view.row_of_place(place) else {
            return false;
        };
        self.view.select_row(row, page);
        self.view.focus = super::Focus::List;
        true
    }

    /// The name of the place on row `row`, for the trail of places visited.
    pub fn place_name(&self, row: usize) -> Option<&str> {
        let place = *self.view.places().get(row)?;
        Some(&self.catalog.places().get(place)?.name)
    }

    /// The map above the list and the detail pane.
    pub fn extras(&self) -> TabExtras {
        TabExtras {
            band_share: MAP_SHARE,
            ..TabExtras::default()
        }
    }
}

/// The place `record` names, when it names one: an event's place, or a state whose name is a
/// place (an event held in a country the records give without a city).
pub fn place_of(catalog: &Catalog, record: RecordRef) -> Option<u32> {
    let places = catalog.places();
    match record {
        RecordRef::Event(event) => places.of_event(event),
        other => places.find(catalog.title(other)),
    }
}

/// The detail pane of place `place`: its name, country and years, where it lies and where
/// that comes from, then its events as links.
pub fn place_text(catalog: &Catalog, place: u32, width: u16) -> DetailText {
    let mut out = DetailBuilder::new(width);
    let mut link_lines = Vec::new();
    let key = DetailKey::Place(place);
    let Some(entry) = catalog.places().get(place) else {
        return DetailText::built(key, width, out, link_lines);
    };
    out.wrapped(&entry.name, 0, Role::Title);
    let what = match &entry.country {
        Some(country) if *country != entry.name => format!("place · {country}"),
        _ => "place".to_string(),
    };
    out.wrapped(&what, 0, Role::Dim);
    out.blank();
    out.field("Events", &counted(entry.events.len(), "event"));
    out.field("Years", &entry.years_label());
    out.field("On the map", &location_words(entry));
    if let Some(note) = &entry.note {
        out.heading(&format!("Note · {}", Mark::Outside.text()));
        out.wrapped(note, 2, Role::Note);
    }
    out.heading(&format!("Held here ({})", entry.events.len()));
    for &event in &entry.events {
        link_lines.push(out.lines.len());
        out.link(&link_label(catalog, RecordRef::Event(event)));
    }
    DetailText::built(key, width, out, link_lines)
}

/// Where a place is on the map, in words, marked as from outside the source.
fn location_words(entry: &PlaceEntry) -> String {
    let Some(location) = entry.location else {
        return match entry.note {
            Some(_) => "not on the map: its entry gives no coordinates".to_string(),
            None => "not on the map: the dataset's places give no coordinates for it".to_string(),
        };
    };
    let (lat, lon) = (location.latitude, location.longitude);
    let north = if lat < 0.0 { "S" } else { "N" };
    let east = if lon < 0.0 { "W" } else { "E" };
    let at = match location.precision {
        Precision::City => "the city",
        Precision::Country => "the middle of the country, no city given",
    };
    format!(
        "{:.2} {north} {:.2} {east}, {at} ({})",
        lat.abs(),
        lon.abs(),
        Mark::Outside.text()
    )
}

impl Widget for &MapTab {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let panes = Panes::new(area, self.extras());
        if let Some(band) = panes.band {
            world::WorldMap {
                places: self.catalog.places(),
                labels: &self.labels,
                selected: self.view.selected_place(),
                theme: &self.theme,
            }
            .render(band, buf);
        }
        self.render_list(&panes, buf);
        if self.view.is_empty() {
            let message = if self.catalog.counts().events == 0 {
                "This dataset has no events, so no places."
            } else {
                "No event names where it was held: there is no place to show."
            };
            Paragraph::new(message)
                .style(self.theme.dim)
                .wrap(Wrap { trim: true })
                .render(panes.rows, buf);
            Block::bordered()
                .border_style(self.theme.border)
                .title(Line::from(" Details ").style(self.theme.pane_title))
                .render(panes.detail, buf);
            return;
        }
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

/// Columns of the country, the events and the years, beside the name.
const COUNTRY_WIDTH: u16 = 16;
const EVENTS_WIDTH: u16 = 10;
const YEARS_WIDTH: u16 = 9;

impl MapTab {
    /// The list of places: name, country, number of events and years, as wide as it allows.
    fn render_list(&self, panes: &Panes, buf: &mut Buffer) {
        let places = self.catalog.places();
        let described = self
            .view
            .controls
            .describe(self.view.len(), places.len(), "places");
        let off_map = places.len() - places.located();
        let title = match off_map {
            0 => format!(" Places · {described} "),
            n => format!(" Places · {described} · {n} not on the map "),
        };
        let order = self.view.places();
        let width = panes.rows.width;
        let extra_columns = if width >= 60 {
            3
        } else if width >= 36 {
            2
        } else {
            0
        };
        let widths: Vec<Constraint> = [
            Constraint::Fill(1),
            Constraint::Length(COUNTRY_WIDTH),
            Constraint::Length(EVENTS_WIDTH),
            Constraint::Length(YEARS_WIDTH),
        ]
        .into_iter()
        .take(1 + extra_columns)
        .collect();
        let theme = &self.theme;
        render_rows(
            panes,
            buf,
            Line::from(text::truncate(&title, usize::from(panes.list.width))),
            &self.view,
            &widths,
            None,
            theme,
            |_, offset, rows_width| {
                let height = usize::from(panes.rows.height);
                let name_width = first_column_width(&widths, rows_width);
                order
                    .iter()
                    .skip(offset)
                    .take(height)
                    .filter_map(|&place| places.get(place))
                    .map(|place| place_row(place, extra_columns, name_width, theme))
                    .collect()
            },
        );
    }
}

/// The columns the first of `widths` gets in rows `rows_width` wide, as the list's table lays
/// them out (after the selection marker, a column apart).
fn first_column_width(widths: &[Constraint], rows_width: u16) -> usize {
    let marker = u16::try_from(text::width(SELECTION_MARKER)).unwrap_or(0);
    let area = Rect::new(0, 0, rows_width.saturating_sub(marker), 1);
    let columns = Layout::horizontal(widths.iter().copied())
        .spacing(1)
        .split(area);
    columns
        .first()
        .map_or(0, |column| usize::from(column.width))
}

/// One place's row: its name (marked when it is not on the map) cut to `name_width` with `…`
/// when longer, then as many of country, events and years as fit.
fn place_row(place: &PlaceEntry, columns: usize, name_width: usize, theme: &Theme) -> Row<'static> {
    let aside = if place.location.is_none() {
        " · not on the map"
    } else if place
        .location
        .is_some_and(|location| location.precision == Precision::Country)
    {
        " · country's middle"
    } else {
        ""
    };
    let shown = text::truncate(&place.name, name_width);
    let room = name_width.saturating_sub(text::width(&shown));
    let name = vec![
        Span::raw(shown),
        Span::styled(text::truncate(aside, room), theme.dim),
    ];
    let mut cells = vec![Cell::from(Line::from(name))];
    let country = place
        .country
        .clone()
        .filter(|country| *country != place.name)
        .unwrap_or_default();
    let rest = [
        Cell::from(text::truncate(&country, usize::from(COUNTRY_WIDTH))),
        Cell::from(Line::from(counted(place.events.len(), "event")).right_aligned()),
        Cell::from(Span::styled(place.years_label(), theme.year)),
    ];
    cells.extend(rest.into_iter().take(columns));
    Row::new(cells)
}
