//! The work of one search, worked out before any record is read: the query's prefilter
//! needles, its scopes, the records its typos could reach, and the bit sets that answer "is
//! this word in that record's name" without reading it. Scanning reads it; nothing here scans.

use super::{
    ScopeFilter, prefilter,
    query::Query,
    results::{Hit, Rank},
    running_text::RunningText,
};
use crate::data::{Catalog, RecordRef};

/// The work of one search: the query, its scopes and typo candidates.
pub(super) struct Plan<'q> {
    pub(super) catalog: &'q Catalog,
    pub(super) query: &'q Query,
    /// The prefilter needles of the words that find records (at most 64 are checked).
    pub(super) needles: Vec<&'q prefilter::Needle>,
    pub(super) scopes: ScopeFilter,
    /// For each word that passes the prefilter (the `needles`), the slots a typo could match in,
    /// sorted; empty when the word allows no typos.
    pub(super) typo_slots: Vec<Vec<u32>>,
    /// For each needle, a bit per slot: whether the needle occurs in what that record shows
    /// to those referring to it. A record's related names then need not be read to know.
    pub(super) named: Vec<Vec<u64>>,
    /// For each needle found by one pass over all running text, a bit per slot: whether the
    /// record's running text holds it (see [`RunningText::find`]); `None` for the others.
    pub(super) in_running_text: Vec<Option<Vec<u64>>>,
    pub(super) all_flags: u64,
}

impl Plan<'_> {
    /// Where a record stands in its tab when only scopes rank it: an event's start month, 0 for
    /// the rest (which keep dataset order).
    pub(super) fn display_order(&self, record: RecordRef) -> i64 {
        match record {
            RecordRef::Event(i) => self
                .catalog
                .event(i)
                .and_then(|event| event.date())
                .map_or(i64::MAX, |date| date.month_key()),
            _ => 0,
        }
    }

    /// For the record at `slot`: which needles were looked for in all running text at once,
    /// and which of those its running text holds.
    pub(super) fn running_flags(&self, slot: usize, running: Option<&RunningText>) -> (u64, u64) {
        if !running.is_some_and(|running| running.is_ascii(slot)) {
            return (0, 0);
        }
        let (mut known, mut found) = (0u64, 0u64);
        for (bit, set) in self.in_running_text.iter().enumerate() {
            if let Some(set) = set {
                known |= 1 << bit;
                if set
                    .get(slot / 64)
                    .is_some_and(|w| w & (1 << (slot % 64)) != 0)
                {
                    found |= 1 << bit;
                }
            }
        }
        (known, found)
    }

    /// Which of the needles in `wanted` occur in the name of a record `record` refers to.
    pub(super) fn related_flags(&self, record: RecordRef, wanted: u64) -> u64 {
        let mut found = 0;
        for relation in self.catalog.relations(record) {
            if !relation.role.is_searched() {
                continue;
            }
            let target = self.catalog.slot(relation.target);
            let mut bits = wanted & !found;
            while bits != 0 {
                let bit = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                if self.named[bit]
                    .get(target / 64)
                    .is_some_and(|word| word & (1 << (target % 64)) != 0)
                {
                    found |= 1 << bit;
                }
            }
            if found == wanted {
                break;
            }
        }
        found
    }

    /// Whether `record`, whose words pass the prefilter as `flags` say, could match: each word
    /// passes the prefilter or could match with a typo.
    pub(super) fn could_match(&self, slot: u32, flags: u64) -> bool {
        self.typo_slots
            .iter()
            .enumerate()
            .all(|(bit, slots)| flags & (1 << bit) != 0 || slots.binary_search(&slot).is_ok())
    }
}

/// The hits and survivors of one chunk of slots.
#[derive(Default)]
pub(super) struct ChunkResult {
    pub(super) hits: Vec<(Rank, Hit)>,
    pub(super) survivors: Vec<u32>,
}
