//! The records each tab lists, in display order, and where each record sits: built from a
//! [`ListShape`] (the reader's kind, filter and order) or the command line's [`RowOptions`].

use std::cmp::Reverse;

use super::{Catalog, EventKind, ListShape, RecordKind, RecordRef, Role, SortKey, Tab, row_order};

/// How the Funding tab orders the projects within each programme.
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
    /// The order of projects on the Funding tab.
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
    month_keys: Vec<i32>,
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
        items: Vec<u32>,
        rows: Vec<u32>,
        make: fn(u32) -> RecordRef,
    },
    /// Programmes and their projects, with each one's row.
    Funding {
        rows: Vec<RecordRef>,
        programme_rows: Vec<u32>,
        project_rows: Vec<u32>,
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

fn index(position: usize) -> u32 {
    u32::try_from(position).unwrap_or(u32::MAX)
}

/// Each item's position in `items`, indexed by the item.
fn positions(items: impl Iterator<Item = u32>, length: usize) -> Vec<u32> {
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

    /// The rows of `tab` shaped by `shape`: its kind, its filter, its order.
    pub fn shaped(catalog: &Catalog, tab: Tab, shape: &ListShape) -> Self {
        let counts = catalog.counts();
        let (count, make): (usize, fn(u32) -> RecordRef) = match tab {
            Tab::Timeline => (counts.events, RecordRef::Event),
            Tab::Funding => return Self::funding(catalog, shape),
            Tab::Initiatives => (counts.initiatives, RecordRef::Initiative),
            Tab::Participants => (counts.participants, RecordRef::Participant),
            // The Source tab lists paragraphs, not records.
            Tab::Source => (0, RecordRef::Participant),
        };
        let as_stored = shape.sort == SortKey::Listed && !shape.reversed;
        if tab != Tab::Timeline && as_stored && !shape.is_filtered() {
            return Self {
                order: Order::Identity {
                    length: index(count),
                    make,
                },
                month_keys: Vec::new(),
            };
        }
        let mut items: Vec<u32> = (0..index(count))
            .filter(|&i| {
                let record = make(i);
                !shape.is_filtered() || shape.keeps(record, RecordKind::of(catalog, record))
            })
            .collect();
        row_order::sort(catalog, tab, shape, make, &mut items);
        let mut month_keys: Vec<i32> = if tab == Tab::Timeline {
            items
                .iter()
                .filter_map(|&i| catalog.event(i)?.date())
                .map(|date| i32::try_from(date.month_key()).unwrap_or(i32::MAX))
                .collect()
        } else {
            Vec::new()
        };
        if shape.sort != SortKey::Date || shape.reversed {
            month_keys.sort_unstable();
        }
        let rows = positions(items.iter().copied(), count);
        Self {
            order: Order::Listed { items, rows, make },
            month_keys,
        }
    }

    /// Each programme followed by its projects in `shape`'s order; with a filter, the
    /// projects it kept under their programmes, and the programmes it kept.
    fn funding(catalog: &Catalog, shape: &ListShape) -> Self {
        let counts = catalog.counts();
        let sort = FundingSort::from_key(shape.sort).unwrap_or_default();
        let kept = |record: RecordRef| {
            shape
                .matches
                .as_ref()
                .is_none_or(|matches| matches.contains(record))
        };
        let rows: Vec<RecordRef> = (0..index(counts.programmes))
            .map(RecordRef::Programme)
            .flat_map(|programme| {
                let mut projects: Vec<RecordRef> = catalog
                    .relations(programme)
                    .iter()
                    .filter(|relation| relation.role == Role::Project)
                    .map(|relation| relation.target)
                    .filter(|&project| kept(project))
                    .collect();
                sort_projects(catalog, &mut projects, sort);
                if shape.reversed {
                    projects.reverse();
                }
                let listed = kept(programme) || !projects.is_empty();
                listed
                    .then_some(programme)
                    .into_iter()
                    .chain(projects)
                    .collect::<Vec<_>>()
            })
            .collect();
        let mut programme_rows = vec![u32::MAX; counts.programmes];
        let mut project_rows = vec![u32::MAX; counts.projects];
        for (row, &record) in rows.iter().enumerate() {
            match record {
                RecordRef::Programme(i) => programme_rows[i as usize] = index(row),
                RecordRef::Project(i) => project_rows[i as usize] = index(row),
                _ => {}
            }
        }
        Self {
            order: Order::Funding {
                rows,
                programme_rows,
                project_rows,
            },
            month_keys: Vec::new(),
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
            projects.sort_by_cached_key(|&record| (catalog.title(record).to_lowercase(), record));
        }
    }
}
