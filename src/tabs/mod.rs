//! The six tabs. Each is a type that owns its list, its detail pane and what is its own (the
//! Timeline's filter, the Funding tab's order and grouping), with the intent methods that
//! change them and the widget that draws them. What every tab shares is here: [`TabView`], a
//! list of records with its selection and the detail pane with its links. A tab reads the
//! catalog and its own state; it never reads the app, another tab or an overlay, and it is
//! told the sizes it needs (a page of rows, the detail pane's width) rather than the screen.
//! `Tabs::page` is the one place a tab is found by its name.

pub mod detail;
mod detail_builder;
pub mod funding;
pub mod initiatives;
pub mod list;
pub mod map;
pub mod participants;
pub mod source;
mod source_document;
mod table;
pub mod timeline;
pub mod timeline_strip;

use std::sync::Arc;

use ratatui::{buffer::Buffer, layout::Rect, widgets::Widget};

pub use detail::{DetailKey, DetailText, link_label};
pub use funding::FundingTab;
pub use initiatives::InitiativesTab;
pub use list::{
    FilterMatches, FundingSort, ListControls, ListPosition, Orders, RecordKind, RowOptions,
    SavedFilters, SortKey, TabRows,
};
pub use map::MapTab;
pub use participants::ParticipantsTab;
pub use source::SourceTab;
pub use timeline::TimelineTab;

use crate::{
    action::{Command, Mode, Movement, bindings::Bindings},
    chrome::{
        layout::{Panes, TabExtras},
        theme::Theme,
    },
    data::{Catalog, RecordRef, Tab},
};

/// The keys the tabs' own texts name, as the bindings in force give them: written once, when
/// the bindings are set, not per frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TabHints {
    /// The detail pane's border: `J/K scroll`.
    pub detail_scroll: String,
    /// The Funding tab's title: `c totals by category`.
    pub funding_categories: String,
}

impl TabHints {
    /// The texts as `bindings` name their keys; a text whose action has no key is left out.
    pub fn of(bindings: &Bindings) -> Self {
        let said = |commands: &[Command], what: &str| {
            bindings
                .keys_for(commands, Mode::Browse)
                .map_or_else(String::new, |keys| format!("{keys} {what}"))
        };
        Self {
            detail_scroll: said(
                &[Command::ScrollDetailDown, Command::ScrollDetailUp],
                "scroll",
            ),
            funding_categories: said(&[Command::ToggleGrouped], "totals by category"),
        }
    }
}

impl Default for TabHints {
    fn default() -> Self {
        Self::of(&Bindings::built_in())
    }
}

/// Which pane of a tab takes the movement keys.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Focus {
    /// The list: `j`/`k` move the selection.
    #[default]
    List,
    /// The detail pane's links: `j`/`k` pick a link, `Enter` follows it.
    Links,
}

/// One tab's rows, selection, detail scroll and focus, kept across frames, and the detail
/// text laid out for the selected record.
#[derive(Debug, Default)]
pub struct TabView {
    /// The records listed, in order.
    pub rows: TabRows,
    /// The kind, filter and order the rows were built with.
    pub controls: ListControls,
    /// The selection and the first row on screen.
    pub list: ListPosition,
    /// The first line of the detail pane on screen.
    pub detail_scroll: usize,
    /// Whether the list or the detail pane's links take the movement keys.
    pub focus: Focus,
    /// The link picked in the detail pane.
    pub link: usize,
    /// The selected record's detail text, laid out for the last width asked for.
    detail: Option<DetailText>,
    /// How many rows the list has with no filter: what it asks the layout for.
    unfiltered: usize,
    /// What the list holds when it is not records: the Source tab's paragraphs, the Map
    /// tab's places.
    entries: Entries,
    /// Whether the rows wait for an order being built (see [`Self::reshape_with`]).
    ordering: bool,
}

/// What a list holds.
#[derive(Debug, Default)]
enum Entries {
    /// The records in [`TabView::rows`].
    #[default]
    Records,
    /// This many paragraphs of the source, in order.
    Paragraphs(usize),
    /// Places (their numbers in [`crate::data::PlaceTable`]), in the order shown.
    Places(Vec<u32>),
}

impl TabView {
    /// A view of `tab`'s records in the tab's own order, the first selected.
    pub fn of_tab(orders: &Arc<Orders>, catalog: &Arc<Catalog>, tab: Tab) -> Self {
        let controls = ListControls::new(catalog, tab);
        let rows = TabRows::shaped_with(orders, catalog, tab, controls.shape())
            .unwrap_or_else(|| TabRows::shaped(catalog, tab, controls.shape()));
        Self {
            unfiltered: rows.len(),
            rows,
            controls,
            ..Self::default()
        }
    }

    /// Builds the rows again from the controls (after `f`, `o`, a filter), keeping the
    /// selected record where it is still listed.
    pub fn reshape(&mut self, catalog: &Catalog, tab: Tab, page: usize) {
        if let Entries::Places(_) = self.entries {
            let shape = self.controls.shape();
            let order = map::place_order(shape.sort);
            self.set_places(catalog.places().ordered(order, shape.reversed), page);
            return;
        }
        let rows = TabRows::shaped(catalog, tab, self.controls.shape());
        self.set_rows(rows, page);
        self.ordering = false;
    }

    /// [`Self::reshape`] with the order taken from `orders`; while a thread builds it, the
    /// rows stay as they were and [`Self::is_ordering`] says so (call again when it is built).
    pub fn reshape_with(
        &mut self,
        orders: &Arc<Orders>,
        catalog: &Arc<Catalog>,
        tab: Tab,
        page: usize,
    ) {
        // Places are ordered from the catalog's place table at once: there are few of them.
        if let Entries::Places(_) = self.entries {
            return self.reshape(catalog, tab, page);
        }
        match TabRows::shaped_with(orders, catalog, tab, self.controls.shape()) {
            Some(rows) => {
                self.set_rows(rows, page);
                self.ordering = false;
            }
            None => self.ordering = true,
        }
    }

    /// What the title says of the list (see [`ListControls::describe`]), and `ordering…`
    /// while the order asked for is being built.
    pub fn describe(&self, total: usize, noun: &str) -> String {
        let described = self.controls.describe(self.rows.len(), total, noun);
        if self.ordering {
            format!("{described} · ordering…")
        } else {
            described
        }
    }

    /// Whether the rows still wait for an order a thread builds: the title says "ordering…".
    pub fn is_ordering(&self) -> bool {
        self.ordering
    }

    /// A view of `catalog`'s places in the Map tab's own order, the first selected.
    pub fn of_places(catalog: &Catalog) -> Self {
        let controls = ListControls::new(catalog, Tab::Map);
        let shape = controls.shape();
        let order = catalog
            .places()
            .ordered(map::place_order(shape.sort), shape.reversed);
        Self {
            unfiltered: order.len(),
            entries: Entries::Places(order),
            controls,
            ..Self::default()
        }
    }

    /// Lists the places `order` gives, keeping the selected place where it is.
    fn set_places(&mut self, order: Vec<u32>, page: usize) {
        let selected = self.selected_place();
        let row = selected
            .and_then(|place| order.iter().position(|&p| p == place))
            .unwrap_or(0);
        let kept = selected.is_some() && order.get(row).copied() == selected;
        self.entries = Entries::Places(order);
        self.list.selected = row;
        if !kept {
            self.detail_scroll = 0;
            self.focus = Focus::List;
        }
        self.list.scroll_into_view(self.len(), page);
    }

    /// The selected place (its number in [`crate::data::PlaceTable`]), on the Map tab.
    pub fn selected_place(&self) -> Option<u32> {
        match &self.entries {
            Entries::Places(order) => order.get(self.list.selected).copied(),
            _ => None,
        }
    }

    /// The row that lists place `place`, on the Map tab.
    pub fn row_of_place(&self, place: u32) -> Option<usize> {
        match &self.entries {
            Entries::Places(order) => order.iter().position(|&p| p == place),
            _ => None,
        }
    }

    /// The places listed, in the order shown (empty but on the Map tab).
    pub fn places(&self) -> &[u32] {
        match &self.entries {
            Entries::Places(order) => order,
            _ => &[],
        }
    }

    /// A view of the source's `count` paragraphs, the first selected.
    pub fn of_paragraphs(count: usize) -> Self {
        Self {
            entries: Entries::Paragraphs(count),
            unfiltered: count,
            controls: ListControls::fixed(Tab::Source),
            ..Self::default()
        }
    }

    /// The selected record.
    pub fn selected(&self) -> Option<RecordRef> {
        self.rows.get(self.list.selected)
    }

    /// How many rows the list has: records, paragraphs or places.
    pub fn len(&self) -> usize {
        match &self.entries {
            Entries::Records => self.rows.len(),
            Entries::Paragraphs(count) => *count,
            Entries::Places(order) => order.len(),
        }
    }

    /// The rows the list asks the layout for: all it has with no filter, so the panes stay
    /// where they are while a filter is typed on the list's border.
    pub fn layout_rows(&self) -> u16 {
        u16::try_from(self.unfiltered.max(1)).unwrap_or(u16::MAX)
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The selected paragraph (counting from 1), on the Source tab.
    pub fn selected_paragraph(&self) -> Option<u32> {
        let Entries::Paragraphs(count) = self.entries else {
            return None;
        };
        (self.list.selected < count).then(|| u32::try_from(self.list.selected + 1).unwrap_or(0))
    }

    /// What the detail pane shows: the selected record, paragraph or place.
    pub fn detail_key(&self) -> Option<DetailKey> {
        match self.entries {
            Entries::Records => self.selected().map(DetailKey::Record),
            Entries::Paragraphs(_) => self.selected_paragraph().map(DetailKey::Paragraph),
            Entries::Places(_) => self.selected_place().map(DetailKey::Place),
        }
    }

    /// The record the picked link leads to.
    pub fn link_target(&self, catalog: &Catalog) -> Option<RecordRef> {
        match self.detail_key()? {
            DetailKey::Record(record) => catalog
                .relations(record)
                .get(self.link)
                .map(|relation| relation.target),
            DetailKey::Paragraph(number) => catalog
                .passages()?
                .paragraph(number)?
                .link(self.link)
                .map(|(_, record)| record),
            DetailKey::Place(place) => catalog
                .places()
                .get(place)?
                .events
                .get(self.link)
                .map(|&event| RecordRef::Event(event)),
        }
    }

    /// The picked link, when the links have the focus.
    pub fn picked_link(&self) -> Option<usize> {
        (self.focus == Focus::Links).then_some(self.link)
    }

    /// The detail text laid out for the selected record at `width`, if it is the one kept.
    pub fn detail_text(&self, width: u16) -> Option<&DetailText> {
        let key = self.detail_key()?;
        self.detail
            .as_ref()
            .filter(|detail| detail.fits(key, width))
    }

    /// Lays the selected record's detail text out for `width`, unless it already is.
    pub fn refresh_detail(&mut self, catalog: &Catalog, width: u16) {
        match self.detail_key() {
            Some(key) if self.detail_text(width).is_none() => {
                self.detail = Some(detail_text_of(catalog, key, width));
            }
            Some(_) => {}
            None => self.detail = None,
        }
    }

    /// Moves the selection; a new record's detail starts at its top.
    pub fn move_selection(&mut self, movement: Movement, page: usize) {
        if self.list.apply(movement, self.len(), page) {
            self.detail_scroll = 0;
            self.link = 0;
        }
    }

    /// Selects row `row`; a new record's detail starts at its top.
    pub fn select_row(&mut self, row: usize, page: usize) {
        if self.list.select(row, self.len(), page) {
            self.detail_scroll = 0;
            self.link = 0;
        }
    }

    /// Replaces the rows (a new filter or order), keeping the selected record where it is
    /// still listed.
    pub fn set_rows(&mut self, rows: TabRows, page: usize) {
        let selected = self.selected();
        let row = selected
            .and_then(|record| rows.position_of(record))
            .unwrap_or(0);
        let kept = selected.is_some() && rows.get(row) == selected;
        self.rows = rows;
        self.list.selected = row;
        if !kept {
            self.detail_scroll = 0;
            self.focus = Focus::List;
        }
        self.list.scroll_into_view(self.rows.len(), page);
    }

    /// Scrolls the detail pane by `lines` (negative: up), within its text of `width` shown
    /// `height` lines at a time.
    pub fn scroll_detail(&mut self, lines: i32, width: u16, height: usize) {
        let limit = self
            .detail_text(width)
            .map_or(0, |text| text.lines.len().saturating_sub(height));
        self.detail_scroll = offset_by(self.detail_scroll, lines).min(limit);
    }

    /// How many links the selected record (or paragraph) has.
    pub fn link_count(&self, catalog: &Catalog) -> usize {
        match self.detail_key() {
            Some(DetailKey::Record(record)) => catalog.relations(record).len(),
            Some(DetailKey::Paragraph(number)) => catalog
                .passages()
                .and_then(|map| map.paragraph(number))
                .map_or(0, |entry| entry.link_count()),
            Some(DetailKey::Place(place)) => catalog
                .places()
                .get(place)
                .map_or(0, |entry| entry.events.len()),
            None => 0,
        }
    }

    /// Keeps the picked link among the record's links; with none, the focus goes back to
    /// the list.
    pub fn clamp_link(&mut self, catalog: &Catalog) {
        match self.link_count(catalog) {
            0 => {
                self.focus = Focus::List;
                self.link = 0;
            }
            count => self.link = self.link.min(count - 1),
        }
    }

    /// Picks another link, half a pane at a time for a page.
    pub fn move_link(&mut self, movement: Movement, catalog: &Catalog, detail: Rect) {
        let count = self.link_count(catalog);
        if count == 0 {
            return;
        }
        let page = usize::from(detail.height.max(1)) / 2;
        self.link = movement.apply(self.link, count - 1, page.max(1));
        self.keep_link_visible(detail);
    }

    /// Scrolls the detail pane (text area `detail`) so the picked link is on screen.
    pub fn keep_link_visible(&mut self, detail: Rect) {
        let height = usize::from(detail.height);
        let Some(text) = self.detail_text(detail.width) else {
            return;
        };
        let Some(&start) = text.link_lines.get(self.link) else {
            return;
        };
        let last = (start..text.lines.len())
            .take_while(|&line| text.link_at(line) == Some(self.link))
            .last()
            .unwrap_or(start);
        // On the Source tab a link is read under its passage's quote: both are kept on screen
        // when they fit.
        let first = match self.entries {
            Entries::Paragraphs(_) => {
                let quote = (0..start)
                    .rev()
                    .find(|&line| text.lines[line].width() == 0)
                    .map_or(start, |blank| blank + 1);
                if last + 1 - quote <= height {
                    quote
                } else {
                    start
                }
            }
            Entries::Records | Entries::Places(_) => start,
        };
        let limit = text.lines.len().saturating_sub(height);
        if first < self.detail_scroll {
            self.detail_scroll = first;
        } else if last >= self.detail_scroll + height {
            self.detail_scroll = (last + 1).saturating_sub(height);
        }
        self.detail_scroll = self.detail_scroll.min(limit);
    }

    /// Which link is drawn on screen row `row` of the detail text area `detail`, if any.
    pub fn link_at_row(&self, row: u16, detail: Rect) -> Option<usize> {
        let text = self.detail_text(detail.width)?;
        let line = self.detail_scroll + usize::from(row.checked_sub(detail.y)?);
        text.link_at(line)
    }
}

/// Draws `view`'s detail pane in `panes`: its kept text when it was laid out for this width,
/// else text laid out for this frame alone (the terminal changed size since the last update).
fn render_detail(
    panes: &Panes,
    buf: &mut Buffer,
    catalog: &Catalog,
    view: &TabView,
    theme: &Theme,
    hints: &TabHints,
) {
    let width = panes.detail_text().width;
    let built;
    let text = match view.detail_key() {
        None => None,
        Some(key) => match view.detail_text(width) {
            Some(text) => Some(text),
            None => {
                built = detail_text_of(catalog, key, width);
                Some(&built)
            }
        },
    };
    detail::DetailPane {
        text,
        scroll: view.detail_scroll,
        picked: view.picked_link(),
        theme,
        scroll_hint: &hints.detail_scroll,
    }
    .render(panes.detail, buf);
}

/// What a list of `columns` asks of the layout: the widths at which its titles read whole
/// and at which every column shows, and where its header row starts.
fn column_extras(columns: &list::columns::Columns, view: &TabView) -> TabExtras {
    TabExtras {
        list_readable: columns.readable_width(),
        list_full: columns.full_width(),
        column_header_from: columns.header_from(),
        list_rows: view.layout_rows(),
        ..TabExtras::default()
    }
}

/// The longest name of a state (in bytes, never less than its width), for a column of them.
fn longest_state_name(catalog: &Catalog) -> usize {
    let participants = u32::try_from(catalog.counts().participants).unwrap_or(u32::MAX);
    (0..participants)
        .filter_map(|i| catalog.participant(i))
        .filter(|participant| participant.kind() == crate::data::ParticipantKind::State)
        .map(|participant| participant.name().len())
        .max()
        // Room for the mark of a state the source does not name (see `Catalog::tied_name`).
        .map_or(0, |longest| longest + 1 + crate::data::READING_MARK.len())
}

/// The detail text of a record or a paragraph at `width`.
fn detail_text_of(catalog: &Catalog, key: DetailKey, width: u16) -> DetailText {
    match key {
        DetailKey::Record(record) => DetailText::new(catalog, record, width),
        DetailKey::Paragraph(number) => source::paragraph_text(catalog, number, width),
        DetailKey::Place(place) => map::place_text(catalog, place, width),
    }
}

/// `value` moved by `delta`, stopping at 0.
fn offset_by(value: usize, delta: i32) -> usize {
    if delta >= 0 {
        value.saturating_add(delta.unsigned_abs() as usize)
    } else {
        value.saturating_sub(delta.unsigned_abs() as usize)
    }
}

/// The six tabs.
pub struct Tabs {
    /// Events in date order.
    pub timeline: TimelineTab,
    /// The programmes and their projects, as a chart.
    pub funding: FundingTab,
    /// Initiatives.
    pub initiatives: InitiativesTab,
    /// Participants.
    pub participants: ParticipantsTab,
    /// The source document.
    pub source: SourceTab,
    /// The places on a map.
    pub map: MapTab,
    /// The whole orders the lists take their rows from, built once each.
    pub orders: Arc<Orders>,
}

impl Tabs {
    /// The tabs of `catalog`, each at its first record.
    pub fn new(catalog: &Arc<Catalog>) -> Self {
        let orders = Arc::new(Orders::default());
        Self {
            timeline: TimelineTab::new(Arc::clone(catalog), &orders),
            funding: FundingTab::new(Arc::clone(catalog)),
            initiatives: InitiativesTab::new(Arc::clone(catalog), &orders),
            participants: ParticipantsTab::new(Arc::clone(catalog), &orders),
            orders,
            source: SourceTab::new(Arc::clone(catalog)),
            map: MapTab::new(Arc::clone(catalog)),
        }
    }

    /// The one place a tab is found by its name: every other step reaches a tab through this.
    fn page(&self, tab: Tab) -> &dyn Page {
        match tab {
            Tab::Timeline => &self.timeline,
            Tab::Funding => &self.funding,
            Tab::Initiatives => &self.initiatives,
            Tab::Participants => &self.participants,
            Tab::Source => &self.source,
            Tab::Map => &self.map,
        }
    }

    /// [`Tabs::page`], to change.
    fn page_mut(&mut self, tab: Tab) -> &mut dyn Page {
        match tab {
            Tab::Timeline => &mut self.timeline,
            Tab::Funding => &mut self.funding,
            Tab::Initiatives => &mut self.initiatives,
            Tab::Participants => &mut self.participants,
            Tab::Source => &mut self.source,
            Tab::Map => &mut self.map,
        }
    }

    /// Draws every tab with `theme`.
    pub fn set_theme(&mut self, theme: Theme) {
        for tab in Tab::ALL {
            *self.page_mut(tab).theme_mut() = theme;
        }
    }

    /// Names in every tab's texts the keys `hints` give.
    pub fn set_hints(&mut self, hints: &Arc<TabHints>) {
        for tab in Tab::ALL {
            *self.page_mut(tab).hints_mut() = Arc::clone(hints);
        }
    }

    /// The shared part of `tab`.
    pub fn view(&self, tab: Tab) -> &TabView {
        self.page(tab).view()
    }

    /// The shared part of `tab`, to change.
    pub fn view_mut(&mut self, tab: Tab) -> &mut TabView {
        self.page_mut(tab).view_mut()
    }

    /// What `tab` adds to the plain list-and-detail layout.
    pub fn extras(&self, tab: Tab) -> TabExtras {
        self.page(tab).extras()
    }

    /// Draws `tab` in `area`.
    pub fn render(&self, tab: Tab, area: Rect, buf: &mut Buffer) {
        self.page(tab).render(area, buf);
    }
}

/// What every tab is to the tabs around it: its shared view, its look, what it adds to the
/// plain layout and how it is drawn. A new tab implements this and is named in [`Tabs::page`].
trait Page {
    /// Its list and detail pane.
    fn view(&self) -> &TabView;
    /// [`Page::view`], to change.
    fn view_mut(&mut self) -> &mut TabView;
    /// The styles it is drawn with.
    fn theme_mut(&mut self) -> &mut Theme;
    /// The keys its texts name.
    fn hints_mut(&mut self) -> &mut Arc<TabHints>;
    /// What it adds to the plain list-and-detail layout: required, and the very method its
    /// own drawing lays out by, so keys, clicks and drawing never reckon with two layouts.
    fn extras(&self) -> TabExtras;
    /// Draws it in `area`.
    fn render(&self, area: Rect, buf: &mut Buffer);
}

/// Implements [`Page`] for tabs with the usual fields (`view`, `theme`, `hints`) and an
/// inherent `extras`, the one their `Widget` lays itself out by.
macro_rules! pages {
    ($($tab:ty),* $(,)?) => {$(
        impl Page for $tab {
            fn view(&self) -> &TabView {
                &self.view
            }
            fn view_mut(&mut self) -> &mut TabView {
                &mut self.view
            }
            fn theme_mut(&mut self) -> &mut Theme {
                &mut self.theme
            }
            fn hints_mut(&mut self) -> &mut Arc<TabHints> {
                &mut self.hints
            }
            fn extras(&self) -> TabExtras {
                <$tab>::extras(self)
            }
            fn render(&self, area: Rect, buf: &mut Buffer) {
                Widget::render(self, area, buf);
            }
        }
    )*};
}

pages!(
    TimelineTab,
    FundingTab,
    InitiativesTab,
    ParticipantsTab,
    SourceTab,
    MapTab,
);
