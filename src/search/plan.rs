//! The work of one search, worked out before any record is read: the query's prefilter
//! needles, its scopes and years, and the bit sets that answer "is this word in that record's
//! name" without reading it. Scanning reads it; nothing here scans.

use super::{
    ScopeFilter, prefilter,
    query::Query,
    results::{Hit, Rank},
    running_text::RunningText,
    scope::own_years,
    spelled::SpelledAnswers,
};
use crate::data::{Catalog, RecordRef};

/// The work of one search: the query, its needles, scopes and years.
pub(super) struct Plan<'q> {
    pub(super) catalog: &'q Catalog,
    pub(super) query: &'q Query,
    /// The prefilter needles of the words that find records (at most 64 are checked).
    pub(super) needles: Vec<&'q prefilter::Needle>,
    pub(super) scopes: ScopeFilter,
    /// The words read as years, by their needle's bit.
    pub(super) years: Vec<(usize, i32)>,
    /// For each needle, a bit per slot: whether the needle occurs in what that record shows
    /// to those referring to it. A record's related names then need not be read to know.
    pub(super) named: Vec<Vec<u64>>,
    /// For each needle found by one pass over all running text, a bit per slot: whether the
    /// record's running text holds it (see [`RunningText::find`]); `None` for the others.
    pub(super) in_running_text: Vec<Option<Vec<u64>>>,
    pub(super) all_flags: u64,
    /// What the other spellings of each name answer to the query, worked out once per name.
    pub(super) spelled: SpelledAnswers<'q>,
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

    /// The bits of the words that are years `record`'s own dates cover (an event's, a
    /// programme's period): all of them, and those that are its only year.
    pub(super) fn year_flags(&self, record: RecordRef) -> YearFlags {
        if self.years.is_empty() {
            return YearFlags::default();
        }
        let Some((first, last)) = own_years(self.catalog, record) else {
            return YearFlags::default();
        };
        let mut flags = YearFlags::default();
        for &(bit, year) in &self.years {
            if first <= year && year <= last {
                flags.covered |= 1 << bit;
                if first == last {
                    flags.only |= 1 << bit;
                }
            }
        }
        flags
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
}

/// Whether a record whose words pass the prefilter as `flags` say could match: each word
/// passes the prefilter or could match with a typo (`typo_slots`: for each word that finds
/// records, the slots a typo of it could match in, sorted).
pub(super) fn could_match(typo_slots: &[Vec<u32>], slot: u32, flags: u64) -> bool {
    typo_slots
        .iter()
        .enumerate()
        .all(|(bit, slots)| flags & (1 << bit) != 0 || slots.binary_search(&slot).is_ok())
}

/// Which of a query's years a record's dates cover, a bit per word.
#[derive(Clone, Copy, Debug, Default)]
pub struct YearFlags {
    /// Years within its dates.
    pub covered: u64,
    /// Years that are all its dates (an event of that year, not a programme of several).
    pub only: u64,
}

/// The hits and survivors of one chunk of slots.
#[derive(Default)]
pub(super) struct ChunkResult {
    pub(super) hits: Vec<(Rank, Hit)>,
    pub(super) survivors: Vec<u32>,
}
