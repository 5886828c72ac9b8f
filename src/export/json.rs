//! JSON export: the dataset's own schema, so an export opens again with `--data`.

use std::collections::HashSet;

use super::Selection;
use crate::data::{Catalog, Dataset, RecordRef};

/// The dataset narrowed to `selection`, plus every record a selected one refers to, so that
/// the file still loads; all of it, unchanged, when everything is selected.
pub fn subset(catalog: &Catalog, selection: &Selection) -> Dataset {
    let mut kept: HashSet<RecordRef> = HashSet::new();
    let mut queue: Vec<RecordRef> = selection.records().collect();
    while let Some(record) = queue.pop() {
        if !kept.insert(record) {
            continue;
        }
        let stored = catalog
            .relations(record)
            .iter()
            .filter(|r| r.role.is_stored());
        queue.extend(stored.map(|relation| relation.target));
    }
    let data = catalog.to_dataset();
    fn filtered<T>(items: Vec<T>, keep: impl Fn(u32) -> bool) -> Vec<T> {
        items
            .into_iter()
            .enumerate()
            .filter(|&(position, _)| keep(u32::try_from(position).unwrap_or(u32::MAX)))
            .map(|(_, item)| item)
            .collect()
    }
    let kept = &kept;
    let keep = |make: fn(u32) -> RecordRef| move |position: u32| kept.contains(&make(position));
    Dataset {
        events: filtered(data.events, keep(RecordRef::Event)),
        programmes: filtered(data.programmes, keep(RecordRef::Programme)),
        projects: filtered(data.projects, keep(RecordRef::Project)),
        initiatives: filtered(data.initiatives, keep(RecordRef::Initiative)),
        participants: filtered(data.participants, keep(RecordRef::Participant)),
        ..data
    }
}
