//! The records each tab lists, in display order, and where each record sits: built from a
//! [`ListShape`] (the reader's kind, filter and order) or the command line's [`RowOptions`].
//! Each order works out one key per record once, then sorts; records without the key (an
//! undated event, an event held nowhere named) go last in either direction, and ties fall
//! back to date and to the dataset's order, so an order is stable.

use std::{
    cmp::{Ordering, Reverse},
    sync::Arc,
};

use super::{
    ListShape, RecordKind, SortKey,
    orders::{self, Built, FundingOrder, OrderKey, Orders, UNDATED, WholeOrder},
};
use crate::data::{Catalog, EventDate, EventKind, RecordRef, Role, Tab, name_order_key};

/// How the Funding tab orders its programmes and the projects within each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FundingSort {
    /// As the source lists them.
    #[default]
    Source,
    /// Largest amount first.
    AmountDescending,
    /// By name, A to Z.
    Name,
}

impl FundingSort {
    /// The next order in the cycle `o` steps through.
    pub fn next(self) -> Self {
        match self {
            Self::Source => Self::AmountDescending,
            Self::AmountDescending => Self::Name,
            Self::Name => Self::Source,
        }
    }

    /// How the order is named on the command line (`--sort largest`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Source => "source",
            Self::AmountDescending => "largest",
            Self::Name => "name",
        }
    }

    /// How the order is named on screen.
    pub fn label(self) -> &'static str {
        match self {
            Self::Source => "source order",
            Self::AmountDescending => "largest first",
            Self::Name => "by name",
        }
    }
}

/// The choices the command line makes: the timeline's kind filter and the funding order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RowOptions {
    /// Only events of this kind on the timeline; all when `None`.
    pub kind_filter: Option<EventKind>,
    /// The order of programmes and projects on the Funding tab.
    pub funding_sort: FundingSort,
}

impl RowOptions {
    /// The shape these choices give `tab`'s list.
    pub fn shape_of(&self, tab: Tab) -> ListShape {
        let mut shape = ListShape::of_tab(tab);
        match tab {
            Tab::Timeline => shape.kind = self.kind_filter.map(RecordKind::Event),
            Tab::Funding => shape.sort = self.funding_sort.key(),
            _ => {}
        }
        shape
    }
}

impl FundingSort {
    /// The list order this is.
    pub fn key(self) -> SortKey {
        match self {
            Self::Source => SortKey::Listed,
            Self::AmountDescending => SortKey::Amount,
            Self::Name => SortKey::Title,
        }
    }

    /// The funding order a list order is, if it is one.
    pub fn from_key(key: SortKey) -> Option<Self> {
        match key {
            SortKey::Listed => Some(Self::Source),
            SortKey::Amount => Some(Self::AmountDescending),
            SortKey::Title => Some(Self::Name),
            _ => None,
        }
    }
}

/// A tab's records in display order, and where each record sits. Compact at any size: a
/// shaped list keeps four bytes per record for its order and four for positions, the
/// timeline four more for the strip; a list as the dataset has it keeps nothing.
#[derive(Clone, Debug, Default)]
pub struct TabRows {
    order: Order,
    /// For the timeline: the month (`year * 12 + month - 1`) each dated row starts in, sorted.
    month_keys: Arc<[i32]>,
}

#[derive(Clone, Debug)]
enum Order {
    /// Every record of one collection in dataset order.
    Identity {
        length: u32,
        make: fn(u32) -> RecordRef,
    },
    /// Some records of one collection in some order, with each record's row (`u32::MAX`
    /// when not listed).
    Listed {
        items: Arc<[u32]>,
        rows: Arc<[u32]>,
        make: fn(u32) -> RecordRef,
    },
    /// Programmes and their projects, with each one's row (`u32::MAX` when not listed).
    Funding {
        rows: Arc<[RecordRef]>,
        programme_rows: Arc<[u32]>,
        project_rows: Arc<[u32]>,
    },
}

impl Default for Order {
    fn default() -> Self {
        Self::Identity {
            length: 0,
            make: RecordRef::Event,
        }
    }
}

pub(super) fn index(position: usize) -> u32 {
    u32::try_from(position).unwrap_or(u32::MAX)
}

/// Each item's position in `items`, indexed by the item.
pub(super) fn positions(items: impl Iterator<Item = u32>, length: usize) -> Vec<u32> {
    let mut rows = vec![u32::MAX; length];
    for (row, item) in items.enumerate() {
        if let Some(slot) = rows.get_mut(item as usize) {
            *slot = index(row);
        }
    }
    rows
}

impl TabRows {
    /// The rows of `tab` as the command line's `options` shape them.
    pub fn new(catalog: &Catalog, tab: Tab, options: &RowOptions) -> Self {
        Self::shaped(catalog, tab, &options.shape_of(tab))
    }

    /// The rows of `tab` shaped by `shape`: its kind, its filter, its order (sorted here,
    /// for a caller that shapes a list once; a list reshaped often reads [`Orders`]).
    pub fn shaped(catalog: &Catalog, tab: Tab, shape: &ListShape) -> Self {
        if tab == Tab::Funding {
            let whole = funding_order(catalog, shape.sort, shape.reversed);
            return Self::from_funding_order(catalog, &whole, shape);
        }
        let key = OrderKey {
            tab,
            sort: shape.sort,
            reversed: shape.reversed,
        };
        let whole = orders::build(catalog, key);
        Self::from_order(catalog, tab, shape, Some(&whole))
    }

    /// The rows of `tab` shaped by `shape`, its order taken from `orders`; `None` while a
    /// thread builds that order.
    pub fn shaped_with(
        orders: &Arc<Orders>,
        catalog: &Arc<Catalog>,
        tab: Tab,
        shape: &ListShape,
    ) -> Option<Self> {
        if tab != Tab::Funding && Self::as_stored(tab, shape) {
            return Some(Self::from_order(catalog, tab, shape, None));
        }
        let key = OrderKey {
            tab,
            sort: shape.sort,
            reversed: shape.reversed,
        };
        Some(match orders.get(catalog, key)? {
            Built::Funding(whole) => Self::from_funding_order(catalog, &whole, shape),
            Built::List(whole) => Self::from_order(catalog, tab, shape, Some(&whole)),
        })
    }

    /// Whether `shape` lists `tab`'s records as the dataset has them, all of them.
    fn as_stored(tab: Tab, shape: &ListShape) -> bool {
        tab != Tab::Timeline
            && shape.sort == SortKey::Listed
            && !shape.reversed
            && !shape.is_filtered()
    }

    /// The rows of `tab` that `shape` keeps, in the `whole` order (which is `shape`'s): the
    /// whole order itself, shared, when nothing is hidden; one pass over it otherwise.
    fn from_order(
        catalog: &Catalog,
        tab: Tab,
        shape: &ListShape,
        whole: Option<&WholeOrder>,
    ) -> Self {
        // The Source tab lists paragraphs, not records: no rows here.
        let make = tab.collection().unwrap_or(RecordRef::Participant);
        let count = catalog.records_of(tab).count();
        let whole = match whole {
            Some(whole) if !Self::as_stored(tab, shape) => whole,
            _ => {
                return Self {
                    order: Order::Identity {
                        length: index(count),
                        make,
                    },
                    month_keys: Arc::from([]),
                };
            }
        };
        if !shape.is_filtered() {
            return Self {
                order: Order::Listed {
                    items: Arc::clone(&whole.items),
                    rows: Arc::clone(&whole.rows),
                    make,
                },
                month_keys: Arc::clone(&whole.month_keys),
            };
        }
        let mut items = Vec::new();
        let mut months = Vec::new();
        for (row, &i) in whole.items.iter().enumerate() {
            let kind = whole.kinds.get(row).copied().flatten();
            if shape.keeps(make(i), kind) {
                items.push(i);
                if let Some(&month) = whole.months.get(row).filter(|&&m| m != UNDATED) {
                    months.push(month);
                }
            }
        }
        let date_order = shape.sort == SortKey::Date && !shape.reversed;
        let month_keys = sorted_months(months, date_order);
        let rows = positions(items.iter().copied(), count);
        Self {
            order: Order::Listed {
                items: items.into(),
                rows: rows.into(),
                make,
            },
            month_keys: month_keys.into(),
        }
    }

    /// The Funding rows `shape` keeps, from `whole` (which is in `shape`'s order): the whole
    /// order itself, shared, when nothing is filtered; otherwise one pass keeping the projects
    /// the filter kept under their programmes, and each programme the filter kept or that
    /// keeps a project.
    fn from_funding_order(catalog: &Catalog, whole: &FundingOrder, shape: &ListShape) -> Self {
        let Some(matches) = shape.matches.as_ref() else {
            return Self {
                order: Order::Funding {
                    rows: Arc::clone(&whole.rows),
                    programme_rows: Arc::clone(&whole.programme_rows),
                    project_rows: Arc::clone(&whole.project_rows),
                },
                month_keys: Arc::from([]),
            };
        };
        let mut rows: Vec<RecordRef> = Vec::new();
        // The programme whose projects come next, not yet listed.
        let mut waiting: Option<RecordRef> = None;
        for &record in whole.rows.iter() {
            match record {
                RecordRef::Programme(_) if matches.contains(record) => {
                    rows.push(record);
                    waiting = None;
                }
                RecordRef::Programme(_) => waiting = Some(record),
                _ if matches.contains(record) => {
                    rows.extend(waiting.take());
                    rows.push(record);
                }
                _ => {}
            }
        }
        let (programme_rows, project_rows) = funding_positions(catalog, &rows);
        Self {
            order: Order::Funding {
                rows: rows.into(),
                programme_rows: programme_rows.into(),
                project_rows: project_rows.into(),
            },
            month_keys: Arc::from([]),
        }
    }

    /// How many rows there are.
    pub fn len(&self) -> usize {
        match &self.order {
            Order::Identity { length, .. } => *length as usize,
            Order::Listed { items, .. } => items.len(),
            Order::Funding { rows, .. } => rows.len(),
        }
    }

    /// Whether the tab has no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The record at `row`.
    pub fn get(&self, row: usize) -> Option<RecordRef> {
        match &self.order {
            Order::Identity { length, make } => (row < *length as usize).then(|| make(index(row))),
            Order::Listed { items, make, .. } => items.get(row).map(|&i| make(i)),
            Order::Funding { rows, .. } => rows.get(row).copied(),
        }
    }

    /// The rows from `start`, at most `count` of them.
    pub fn window(&self, start: usize, count: usize) -> Vec<RecordRef> {
        let end = start.saturating_add(count).min(self.len());
        (start.min(end)..end)
            .filter_map(|row| self.get(row))
            .collect()
    }

    /// The row where `record` is listed.
    pub fn position_of(&self, record: RecordRef) -> Option<usize> {
        let row = match (&self.order, record) {
            (Order::Identity { length, make }, record) => {
                let i = record.index();
                return (i < *length && make(i) == record).then_some(i as usize);
            }
            (Order::Listed { rows, make, .. }, record) if make(record.index()) == record => {
                rows.get(record.index() as usize)
            }
            (Order::Funding { programme_rows, .. }, RecordRef::Programme(i)) => {
                programme_rows.get(i as usize)
            }
            (Order::Funding { project_rows, .. }, RecordRef::Project(i)) => {
                project_rows.get(i as usize)
            }
            _ => None,
        }?;
        (*row != u32::MAX).then_some(*row as usize)
    }

    /// For the timeline: the start month of each dated row, in date order.
    pub fn month_keys(&self) -> &[i32] {
        &self.month_keys
    }
}

/// Every programme followed by all its projects, the programmes and the projects within each
/// ordered by `sort` (both turned round when `reversed`): the whole Funding order a list takes
/// its rows from.
pub(super) fn funding_order(catalog: &Catalog, sort: SortKey, reversed: bool) -> FundingOrder {
    let sort = FundingSort::from_key(sort).unwrap_or_default();
    let programmes = catalog.counts().programmes;
    let mut rows: Vec<RecordRef> = Vec::with_capacity(programmes + catalog.counts().projects);
    let mut order: Vec<RecordRef> = (0..index(programmes)).map(RecordRef::Programme).collect();
    sort_programmes(catalog, &mut order, sort);
    if reversed {
        order.reverse();
    }
    for programme in order {
        let mut projects: Vec<RecordRef> = catalog
            .relations(programme)
            .iter()
            .filter(|relation| relation.role == Role::Project)
            .map(|relation| relation.target)
            .collect();
        sort_projects(catalog, &mut projects, sort);
        if reversed {
            projects.reverse();
        }
        rows.push(programme);
        rows.extend(projects);
    }
    let (programme_rows, project_rows) = funding_positions(catalog, &rows);
    FundingOrder {
        rows: rows.into(),
        programme_rows: programme_rows.into(),
        project_rows: project_rows.into(),
    }
}

/// Each programme's and each project's row in `rows` (`u32::MAX` when not there).
fn funding_positions(catalog: &Catalog, rows: &[RecordRef]) -> (Vec<u32>, Vec<u32>) {
    let counts = catalog.counts();
    let mut programme_rows = vec![u32::MAX; counts.programmes];
    let mut project_rows = vec![u32::MAX; counts.projects];
    for (row, &record) in rows.iter().enumerate() {
        let slot = match record {
            RecordRef::Programme(i) => programme_rows.get_mut(i as usize),
            RecordRef::Project(i) => project_rows.get_mut(i as usize),
            _ => None,
        };
        if let Some(slot) = slot {
            *slot = index(row);
        }
    }
    (programme_rows, project_rows)
}

/// Orders programmes as `order` orders their projects: by their projects' sum, largest
/// first, or by name; as the source lists them otherwise.
fn sort_programmes(catalog: &Catalog, programmes: &mut [RecordRef], order: FundingSort) {
    let total = |record: RecordRef| match record {
        RecordRef::Programme(i) => catalog.programme_total(i),
        _ => 0,
    };
    match order {
        FundingSort::Source => programmes.sort(),
        FundingSort::AmountDescending => {
            programmes.sort_by_key(|&record| (Reverse(total(record)), record));
        }
        FundingSort::Name => {
            programmes
                .sort_by_cached_key(|&record| (name_order_key(catalog.title(record)), record));
        }
    }
}

fn sort_projects(catalog: &Catalog, projects: &mut [RecordRef], order: FundingSort) {
    let amount = |record: RecordRef| match record {
        RecordRef::Project(i) => catalog.project(i).map_or(0, |p| p.amount_usd()),
        _ => 0,
    };
    match order {
        FundingSort::Source => projects.sort(),
        FundingSort::AmountDescending => {
            projects.sort_by_key(|&record| (Reverse(amount(record)), record));
        }
        FundingSort::Name => {
            projects.sort_by_cached_key(|&record| (name_order_key(catalog.title(record)), record));
        }
    }
}

/// `keys` (months), sorted; `in_order` when they are already. Months span a narrow range,
/// so they are counted into place rather than sorted.
pub(super) fn sorted_months(mut keys: Vec<i32>, in_order: bool) -> Vec<i32> {
    if in_order {
        return keys;
    }
    let (Some(&low), Some(&high)) = (keys.iter().min(), keys.iter().max()) else {
        return keys;
    };
    let span = usize::try_from(i64::from(high) - i64::from(low) + 1).unwrap_or(usize::MAX);
    if span > keys.len().max(1 << 16) {
        keys.sort_unstable();
        return keys;
    }
    let mut counts = vec![0usize; span];
    for &key in &keys {
        counts[(i64::from(key) - i64::from(low)) as usize] += 1;
    }
    keys.clear();
    for (offset, &count) in counts.iter().enumerate() {
        let month = low.saturating_add(i32::try_from(offset).unwrap_or(i32::MAX));
        keys.extend(std::iter::repeat_n(month, count));
    }
    keys
}

/// Sorts `items` (indices into the collection `make` names) as `sort` orders `tab`, the
/// other way round when `reversed`.
pub(super) fn sort(
    catalog: &Catalog,
    tab: Tab,
    sort: SortKey,
    reversed: bool,
    make: fn(u32) -> RecordRef,
    items: &mut Vec<u32>,
) {
    let date = |i: u32| match make(i) {
        RecordRef::Event(i) => catalog.event(i).and_then(|event| event.date()),
        record @ RecordRef::Initiative(_) => first_event(catalog, record),
        _ => None,
    };
    // An event's date breaks ties on the timeline; elsewhere the dataset's order does.
    let then_date = |i: u32| (tab == Tab::Timeline).then(|| date(i)).flatten();
    match sort {
        SortKey::Listed | SortKey::Amount => by(items, Some, |_| None::<u8>, reversed),
        SortKey::Date => by(items, date, |_| None::<u8>, reversed),
        SortKey::Kind => by(
            items,
            |i| RecordKind::of(catalog, make(i)),
            then_date,
            reversed,
        ),
        SortKey::Place => by(
            items,
            |i| {
                let RecordRef::Event(event) = make(i) else {
                    return None;
                };
                // The country where the source names no other place, as the map takes it.
                let place = crate::data::event_place(catalog, event)?;
                Some(name_order_key(place))
            },
            then_date,
            reversed,
        ),
        SortKey::Title => by(
            items,
            |i| Some(name_order_key(catalog.title(make(i)))),
            |_| None::<u8>,
            reversed,
        ),
        // The most first: that is what a reader sorting by a count looks for.
        SortKey::Ties => by(
            items,
            |i| Some(std::cmp::Reverse(catalog.relations(make(i)).len())),
            |_| None::<u8>,
            reversed,
        ),
        SortKey::Events => by(
            items,
            |i| Some(std::cmp::Reverse(events_of(catalog, make(i)))),
            |_| None::<u8>,
            reversed,
        ),
    }
}

/// The earliest date of the events `record` is tied to.
pub fn first_event(catalog: &Catalog, record: RecordRef) -> Option<EventDate> {
    catalog
        .relations(record)
        .iter()
        .filter_map(|relation| match relation.target {
            RecordRef::Event(i) => catalog.event(i)?.date(),
            _ => None,
        })
        .min()
}

/// How many events `record` is tied to: took part in, or hosted.
pub fn events_of(catalog: &Catalog, record: RecordRef) -> usize {
    catalog
        .relations(record)
        .iter()
        .filter(|relation| matches!(relation.target, RecordRef::Event(_)))
        .count()
}

/// Sorts `items` by `key` (missing last, the order of present keys flipped when
/// `reversed`), then by `then`, then by index.
fn by<K: Ord, T: Ord>(
    items: &mut Vec<u32>,
    key: impl Fn(u32) -> Option<K>,
    then: impl Fn(u32) -> Option<T>,
    reversed: bool,
) {
    let mut keyed: Vec<(Option<K>, Option<T>, u32)> =
        items.iter().map(|&i| (key(i), then(i), i)).collect();
    keyed.sort_by(|a, b| {
        let primary = match (&a.0, &b.0) {
            (Some(x), Some(y)) if reversed => y.cmp(x),
            (Some(x), Some(y)) => x.cmp(y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        primary
            .then_with(|| missing_last(&a.1, &b.1))
            .then(a.2.cmp(&b.2))
    });
    items.clear();
    items.extend(keyed.into_iter().map(|(_, _, i)| i));
}

fn missing_last<T: Ord>(a: &Option<T>, b: &Option<T>) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}
