//! Every record's ties, both ways, in one packed table: each stored tie as the file lists it
//! and its reverse on the other record, grouped by record and sorted by role and kind; and the
//! ties through a representative (a state's delegations' events, on the state). Four bytes a
//! tie, and four more where a dataset gives ties their kinds and quotes.

use std::collections::HashMap;

use super::{
    record::{DetailIndex, NO_DETAIL, RecordCounts, RecordRef, Relation, Role},
    store::Store,
    tie::TieKind,
};

/// Where each record's ties are in one packed table.
#[derive(Clone, Debug, Default)]
pub(super) struct Edges {
    /// Where each slot's ties start in `edges`; one more entry than there are records.
    offsets: Vec<u32>,
    /// Every record's ties, packed by [`Relation::pack`], grouped by slot and in display order.
    edges: Vec<u32>,
    /// The details of each tie in `edges`; empty when no tie has any (a file of bare ids).
    details: Vec<DetailIndex>,
}

/// A record's ties to other records, in display order.
#[derive(Clone, Copy, Debug)]
pub struct Relations<'a> {
    edges: &'a [u32],
    /// Parallel to `edges`, or empty.
    details: &'a [DetailIndex],
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
        let detail = self.details.get(position).copied().unwrap_or(NO_DETAIL);
        self.edges
            .get(position)
            .map(|&packed| Relation::unpack(packed, detail))
    }

    /// Every tie in order.
    pub fn iter(&self) -> impl Iterator<Item = Relation> + use<'a> {
        let details = self.details;
        self.edges.iter().enumerate().map(move |(n, &packed)| {
            Relation::unpack(packed, details.get(n).copied().unwrap_or(NO_DETAIL))
        })
    }
}

impl<'a> IntoIterator for Relations<'a> {
    type Item = Relation;
    type IntoIter = Box<dyn Iterator<Item = Relation> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

impl Edges {
    /// Lays out every record's ties: each stored tie in the order the file lists it, the ties
    /// through representatives, and the reverse of each on the other record, grouped by slot
    /// and sorted by role and kind (stably).
    pub(super) fn new(counts: &RecordCounts, store: &Store, stored: &[(u32, Relation)]) -> Self {
        let through = through_ties(counts, store, stored);
        let ties = || stored.iter().chain(&through);
        let slots = counts.total();
        let mut per_slot = vec![0u32; slots + 1];
        for &(from, relation) in ties() {
            per_slot[from as usize] += 1;
            per_slot[counts.slot(relation.target)] += 1;
        }
        let mut offsets = Vec::with_capacity(slots + 1);
        let mut running = 0u32;
        for count in &per_slot[..slots] {
            offsets.push(running);
            running += count;
        }
        offsets.push(running);
        let detailed = ties().any(|(_, relation)| relation.detail != NO_DETAIL);
        let mut cursor = offsets.clone();
        let mut edges = vec![0u32; running as usize];
        let mut details = if detailed {
            vec![NO_DETAIL; running as usize]
        } else {
            Vec::new()
        };
        let mut place = |slot: usize, relation: Relation| {
            let at = cursor[slot] as usize;
            edges[at] = relation.pack();
            if let Some(detail) = details.get_mut(at) {
                *detail = relation.detail;
            }
            cursor[slot] += 1;
        };
        for &(from, relation) in ties() {
            place(from as usize, relation);
        }
        let records: Vec<RecordRef> = (0..slots)
            .filter_map(|slot| counts.record_at(slot))
            .collect();
        for &(from, relation) in ties() {
            let Some(&source) = records.get(from as usize) else {
                continue;
            };
            // A tie through a representative shows its quotes on the state, not twice on the
            // event, which has them under the representative.
            let reverse = Relation {
                role: relation.role.reverse(),
                target: source,
                detail: if relation.role.is_through() {
                    NO_DETAIL
                } else {
                    relation.detail
                },
            };
            place(counts.slot(relation.target), reverse);
        }
        for slot in 0..slots {
            let range = offsets[slot] as usize..offsets[slot + 1] as usize;
            if detailed {
                let mut pairs: Vec<(u32, DetailIndex)> =
                    range.clone().map(|at| (edges[at], details[at])).collect();
                pairs.sort_by_key(|&(packed, detail)| {
                    (packed >> 27, store.tie_kind_of(detail) as u8)
                });
                for (at, (packed, detail)) in range.zip(pairs) {
                    edges[at] = packed;
                    details[at] = detail;
                }
            } else {
                edges[range].sort_by_key(|&packed| packed >> 27);
            }
        }
        Self {
            offsets,
            edges,
            details,
        }
    }

    /// The ties of the record at `slot`.
    pub(super) fn of(&self, slot: usize) -> Relations<'_> {
        let (Some(&start), Some(&end)) = (self.offsets.get(slot), self.offsets.get(slot + 1))
        else {
            return Relations {
                edges: &[],
                details: &[],
            };
        };
        let range = start as usize..end as usize;
        Relations {
            edges: self.edges.get(range.clone()).unwrap_or(&[]),
            details: self.details.get(range).unwrap_or(&[]),
        }
    }
}

/// The events each participant took part in through those who represent it: for every group
/// that `represents` a participant and every event it took part in, a tie from the
/// participant to the event with the group's quote, grouped by participant and group.
fn through_ties(
    counts: &RecordCounts,
    store: &Store,
    stored: &[(u32, Relation)],
) -> Vec<(u32, Relation)> {
    let represented: HashMap<RecordRef, RecordRef> = stored
        .iter()
        .filter(|(_, relation)| relation.role == Role::Represents)
        .filter_map(|&(from, relation)| Some((counts.record_at(from as usize)?, relation.target)))
        .collect();
    if represented.is_empty() {
        return Vec::new();
    }
    let mut through: Vec<(RecordRef, RecordRef, u32, Relation)> = stored
        .iter()
        .filter(|(_, relation)| {
            relation.role == Role::Participant
                && store.tie_kind_of(relation.detail) == TieKind::TookPart
        })
        .filter_map(|&(event_slot, relation)| {
            let state = *represented.get(&relation.target)?;
            let event = counts.record_at(event_slot as usize)?;
            let tie = Relation {
                role: Role::TookPartThrough,
                target: event,
                detail: relation.detail,
            };
            Some((state, relation.target, event_slot, tie))
        })
        .collect();
    through.sort_by_key(|&(state, group, event_slot, _)| (state, group, event_slot));
    through
        .into_iter()
        .map(|(state, _, _, tie)| {
            let slot = u32::try_from(counts.slot(state)).unwrap_or(u32::MAX);
            (slot, tie)
        })
        .collect()
}
