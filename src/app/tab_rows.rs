//! The records each tab lists, in display order, and where each record sits.

use crate::{
    data::{Catalog, RecordRef, Role},
    tab::Tab,
};

/// A tab's records in display order, with a sorted index to find a record's row.
#[derive(Clone, Debug, Default)]
pub struct TabRows {
    rows: Vec<RecordRef>,
    /// `(record, row)` sorted by record, for binary search.
    positions: Vec<(RecordRef, u32)>,
}

fn refs(length: usize, make: fn(u32) -> RecordRef) -> impl Iterator<Item = RecordRef> {
    (0..length).map(move |i| make(u32::try_from(i).unwrap_or(u32::MAX)))
}

impl TabRows {
    /// The rows of `tab`: events by date (undated last), each programme followed by its
    /// projects, initiatives and participants in dataset order.
    pub fn new(catalog: &Catalog, tab: Tab) -> Self {
        let data = catalog.dataset();
        let rows: Vec<RecordRef> = match tab {
            Tab::Timeline => {
                let mut order: Vec<usize> = (0..data.events.len()).collect();
                order.sort_by_key(|&i| (data.events[i].date.is_none(), data.events[i].date, i));
                order
                    .into_iter()
                    .map(|i| RecordRef::Event(u32::try_from(i).unwrap_or(u32::MAX)))
                    .collect()
            }
            Tab::Funding => refs(data.programmes.len(), RecordRef::Programme)
                .flat_map(|programme| {
                    let projects = catalog
                        .relations(programme)
                        .iter()
                        .filter(|relation| relation.role == Role::Project)
                        .map(|relation| relation.target);
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
        Self { rows, positions }
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
}
