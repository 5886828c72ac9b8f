//! Every record's ties, both ways, in one packed table: each stored tie as the file lists it
//! and its reverse on the other record, grouped by record and sorted by role. Four bytes a tie,
//! whatever the dataset's size.

use super::{
    catalog::Catalog,
    record::{RecordRef, Relation},
};

/// Where each record's ties are in one packed table.
#[derive(Debug, Default)]
pub(super) struct Edges {
    /// Where each slot's ties start in `edges`; one more entry than there are records.
    offsets: Vec<u32>,
    /// Every record's ties, packed by [`Relation::pack`], grouped by slot and in display order.
    edges: Vec<u32>,
}

/// A record's ties to other records, in display order.
#[derive(Clone, Copy, Debug)]
pub struct Relations<'a> {
    edges: &'a [u32],
}

impl<'a> Relations<'a> {
    /// How many ties there are.
    pub fn len(&self) -> usize {
        self.edges.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.edges.is_empty()
    }

    /// The tie at `position`.
    pub fn get(&self, position: usize) -> Option<Relation> {
        self.edges
            .get(position)
            .map(|&packed| Relation::unpack(packed))
    }

    /// Every tie in order.
    pub fn iter(&self) -> impl Iterator<Item = Relation> + use<'a> {
        self.edges.iter().map(|&packed| Relation::unpack(packed))
    }
}

impl<'a> IntoIterator for Relations<'a> {
    type Item = Relation;
    type IntoIter = std::iter::Map<std::slice::Iter<'a, u32>, fn(&u32) -> Relation>;

    fn into_iter(self) -> Self::IntoIter {
        self.edges.iter().map(|&packed| Relation::unpack(packed))
    }
}

impl Edges {
    /// Lays out every record's ties: each stored tie in the order the file lists it, and its
    /// reverse on the other record, grouped by slot and sorted by role (stably).
    pub(super) fn new(catalog: &Catalog, ties: &[(u32, Relation)]) -> Self {
        let slots = catalog.record_count();
        let mut counts = vec![0u32; slots + 1];
        for &(from, relation) in ties {
            counts[from as usize] += 1;
            counts[catalog.slot(relation.target)] += 1;
        }
        let mut offsets = Vec::with_capacity(slots + 1);
        let mut running = 0u32;
        for count in &counts[..slots] {
            offsets.push(running);
            running += count;
        }
        offsets.push(running);
        let mut cursor = offsets.clone();
        let mut edges = vec![0u32; running as usize];
        let mut place = |slot: usize, relation: Relation, edges: &mut Vec<u32>| {
            edges[cursor[slot] as usize] = relation.pack();
            cursor[slot] += 1;
        };
        for &(from, relation) in ties {
            place(from as usize, relation, &mut edges);
        }
        let records: Vec<RecordRef> = (0..slots)
            .filter_map(|slot| catalog.record_at(slot))
            .collect();
        for &(from, relation) in ties {
            let Some(&source) = records.get(from as usize) else {
                continue;
            };
            let reverse = Relation {
                role: relation.role.reverse(),
                target: source,
            };
            place(catalog.slot(relation.target), reverse, &mut edges);
        }
        for slot in 0..slots {
            let range = offsets[slot] as usize..offsets[slot + 1] as usize;
            edges[range].sort_by_key(|&packed| packed >> 27);
        }
        Self { offsets, edges }
    }

    /// The ties of the record at `slot`.
    pub(super) fn of(&self, slot: usize) -> Relations<'_> {
        let (Some(&start), Some(&end)) = (self.offsets.get(slot), self.offsets.get(slot + 1))
        else {
            return Relations { edges: &[] };
        };
        Relations {
            edges: self.edges.get(start as usize..end as usize).unwrap_or(&[]),
        }
    }
}
