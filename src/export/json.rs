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
    let data = catalog.dataset();
    let keep = |make: fn(u32) -> RecordRef, position: usize| {
        kept.contains(&make(u32::try_from(position).unwrap_or(u32::MAX)))
    };
    fn filtered<T: Clone>(items: &[T], keep: impl Fn(usize) -> bool) -> Vec<T> {
        items
            .iter()
            .enumerate()
            .filter(|&(position, _)| keep(position))
            .map(|(_, item)| item.clone())
            .collect()
    }
    Dataset {
        schema: data.schema.clone(),
        title: data.title.clone(),
        description: data.description.clone(),
        source: data.source.clone(),
        events: filtered(&data.events, |i| keep(RecordRef::Event, i)),
        programmes: filtered(&data.programmes, |i| keep(RecordRef::Programme, i)),
        projects: filtered(&data.projects, |i| keep(RecordRef::Project, i)),
        initiatives: filtered(&data.initiatives, |i| keep(RecordRef::Initiative, i)),
        participants: filtered(&data.participants, |i| keep(RecordRef::Participant, i)),
    }
}
