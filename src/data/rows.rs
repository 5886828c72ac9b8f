//! The records each tab lists, in display order, and where each record sits.

use std::cmp::Reverse;

use super::{Catalog, EventDate, EventKind, RecordRef, Role, Tab};

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

/// The choices that shape the rows: the timeline's kind filter and the funding order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RowOptions {
    /// Only events of this kind on the timeline; all when `None`.
    pub kind_filter: Option<EventKind>,
    /// The order of projects on the Funding tab.
    pub funding_sort: FundingSort,
}

/// A tab's records in display order, and where each record sits. Compact at any size: the
/// timeline keeps four bytes per event for its order, four for positions, four for the strip;
/// the Initiatives and Participants tabs list their collection as it is and keep nothing.
#[derive(Clone, Debug, Default)]
pub struct TabRows {
    order: Order,
    /// For the timeline: the month (`year * 12 + month - 1`) each dated row starts in, in row
    /// order, which is date order.
    month_keys: Vec<i32>,
}

#[derive(Clone, Debug)]
enum Order {
    /// Every record of one collection in dataset order.
    Identity {
        length: u32,
        make: fn(u32) -> RecordRef,
    },
    /// Some events in date order, with each event's row (`u32::MAX` when not listed).
    Events { events: Vec<u32>, rows: Vec<u32> },
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
    /// The rows of `tab`: events by date (undated last), each programme followed by its
    /// projects, initiatives and participants in dataset order.
    pub fn new(catalog: &Catalog, tab: Tab, options: &RowOptions) -> Self {
        let counts = catalog.counts();
        let identity = |length: usize, make: fn(u32) -> RecordRef| Self {
            order: Order::Identity {
                length: index(length),
                make,
            },
            month_keys: Vec::new(),
        };
        match tab {
            Tab::Timeline => Self::timeline(catalog, options.kind_filter),
            Tab::Funding => Self::funding(catalog, options.funding_sort),
            Tab::Initiatives => identity(counts.initiatives, RecordRef::Initiative),
            Tab::Participants => identity(counts.participants, RecordRef::Participant),
            // The Source tab lists paragraphs, not records.
            Tab::Source => identity(0, RecordRef::Participant),
        }
    }

    /// The events of `filter`'s kind (all for `None`) by date, undated last.
    fn timeline(catalog: &Catalog, filter: Option<EventKind>) -> Self {
        let count = catalog.counts().events;
        let dates: Vec<Option<EventDate>> = (0..index(count))
            .map(|i| catalog.event(i).and_then(|event| event.date()))
            .collect();
        let mut events: Vec<u32> = (0..index(count))
            .filter(|&i| {
                filter.is_none_or(|kind| catalog.event(i).is_some_and(|event| event.kind() == kind))
            })
            .collect();
        events.sort_by_key(|&i| (dates[i as usize].is_none(), dates[i as usize], i));
        let month_keys = events
            .iter()
            .filter_map(|&i| dates[i as usize])
            .map(|date| i32::try_from(date.month_key()).unwrap_or(i32::MAX))
            .collect();
        let rows = positions(events.iter().copied(), count);
        Self {
            order: Order::Events { events, rows },
            month_keys,
        }
    }

    /// Each programme followed by its projects in `sort` order.
    fn funding(catalog: &Catalog, sort: FundingSort) -> Self {
        let counts = catalog.counts();
        let rows: Vec<RecordRef> = (0..index(counts.programmes))
            .map(RecordRef::Programme)
            .flat_map(|programme| {
                let mut projects: Vec<RecordRef> = catalog
                    .relations(programme)
                    .iter()
                    .filter(|relation| relation.role == Role::Project)
                    .map(|relation| relation.target)
                    .collect();
                sort_projects(catalog, &mut projects, sort);
                std::iter::once(programme).chain(projects)
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
            Order::Events { events, .. } => events.len(),
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
            Order::Events { events, .. } => events.get(row).map(|&i| RecordRef::Event(i)),
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
            (Order::Events { rows, .. }, RecordRef::Event(i)) => rows.get(i as usize),
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
