//! The records each tab lists, in display order, and where each record sits.

use std::cmp::Reverse;

use crate::{
    data::{Catalog, EventKind, RecordRef, Role},
    tab::Tab,
};

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

/// A tab's records in display order, with a sorted index to find a record's row.
#[derive(Clone, Debug, Default)]
pub struct TabRows {
    rows: Vec<RecordRef>,
    /// `(record, row)` sorted by record, for binary search.
    positions: Vec<(RecordRef, u32)>,
    /// For the timeline: the month (`year * 12 + month - 1`) each dated row starts in, in row
    /// order, which is date order.
    month_keys: Vec<i64>,
}

fn refs(length: usize, make: fn(u32) -> RecordRef) -> impl Iterator<Item = RecordRef> {
    (0..length).map(move |i| make(u32::try_from(i).unwrap_or(u32::MAX)))
}

impl TabRows {
    /// The rows of `tab`: events by date (undated last), each programme followed by its
    /// projects, initiatives and participants in dataset order.
    pub fn new(catalog: &Catalog, tab: Tab, options: &RowOptions) -> Self {
        let data = catalog.dataset();
        let mut month_keys = Vec::new();
        let rows: Vec<RecordRef> = match tab {
            Tab::Timeline => {
                let mut order: Vec<usize> = (0..data.events.len())
                    .filter(|&i| {
                        options
                            .kind_filter
                            .is_none_or(|kind| data.events[i].kind == kind)
                    })
                    .collect();
                order.sort_by_key(|&i| (data.events[i].date.is_none(), data.events[i].date, i));
                month_keys = order
                    .iter()
                    .filter_map(|&i| data.events[i].date)
                    .map(|date| date.month_key())
                    .collect();
                order
                    .into_iter()
                    .map(|i| RecordRef::Event(u32::try_from(i).unwrap_or(u32::MAX)))
                    .collect()
            }
            Tab::Funding => refs(data.programmes.len(), RecordRef::Programme)
                .flat_map(|programme| {
                    let mut projects: Vec<RecordRef> = catalog
                        .relations(programme)
                        .iter()
                        .filter(|relation| relation.role == Role::Project)
                        .map(|relation| relation.target)
                        .collect();
                    sort_projects(catalog, &mut projects, options.funding_sort);
                    std::iter::once(programme).chain(projects)
                })
                .collect(),
            Tab::Initiatives => refs(data.initiatives.len(), RecordRef::Initiative).collect(),
            Tab::Participants => refs(data.participants.len(), RecordRef::Participant).collect(),
        };
        let mut positions: Vec<(RecordRef, u32)> = rows
            .iter()
            .enumerate()
            .map(|(row, &record)| (record, u32::try_from(row).unwrap_or(u32::MAX)))
            .collect();
        positions.sort_unstable();
        Self {
            rows,
            positions,
            month_keys,
        }
    }

    /// How many rows there are.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether the tab has no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The record at `row`.
    pub fn get(&self, row: usize) -> Option<RecordRef> {
        self.rows.get(row).copied()
    }

    /// The rows from `start`, at most `count` of them.
    pub fn window(&self, start: usize, count: usize) -> &[RecordRef] {
        let start = start.min(self.rows.len());
        let end = start.saturating_add(count).min(self.rows.len());
        &self.rows[start..end]
    }

    /// The row where `record` is listed.
    pub fn position_of(&self, record: RecordRef) -> Option<usize> {
        let found = self
            .positions
            .binary_search_by_key(&record, |&(r, _)| r)
            .ok()?;
        Some(self.positions[found].1 as usize)
    }

    /// For the timeline: the start month of each dated row, in date order.
    pub fn month_keys(&self) -> &[i64] {
        &self.month_keys
    }
}

fn sort_projects(catalog: &Catalog, projects: &mut [RecordRef], order: FundingSort) {
    let amount = |record: RecordRef| match record {
        RecordRef::Project(i) => catalog
            .dataset()
            .projects
            .get(i as usize)
            .map_or(0, |p| p.amount_usd),
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
