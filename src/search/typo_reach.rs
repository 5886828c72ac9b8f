//! Looking for typos, after the scan when it found little: the records a misspelt word could
//! reach are those whose titles and names hold a word near it (from the vocabulary's lists),
//! those that show such a record's name (its events, its proposers), and those whose running
//! text holds a near word (one pass over all the text for every near word at once). Scoring
//! with typos allowed then decides which match.

use aho_corasick::AhoCorasick;

use super::{
    SearchIndex,
    plan::{Plan, could_match},
    prepared::Prepared,
    record_match::{RecordText, Scorer},
    results::{Hit, Rank},
};
use crate::data::Catalog;

/// The most near words of the running text looked for at once: enough for any misspelling,
/// few enough that the pass over the text stays one pass.
const MOST_CORRECTIONS: usize = 256;

/// The slots a typo of `letters` (lowercased) could match in, sorted and without repeats.
pub(super) fn typo_slots(
    catalog: &Catalog,
    prepared: &Prepared,
    letters: &[char],
    parallel: bool,
) -> Vec<u32> {
    let named = prepared.vocabulary(catalog).typo_candidates(letters);
    let mut slots = named.clone();
    for &slot in &named {
        let Some(record) = catalog.record_at(slot as usize) else {
            continue;
        };
        for relation in catalog.relations(record) {
            if relation.role.reverse().is_searched() {
                slots.push(u32::try_from(catalog.slot(relation.target)).unwrap_or(u32::MAX));
            }
        }
    }
    let corrections = prepared
        .running_words(catalog)
        .corrections(letters, MOST_CORRECTIONS);
    if let (Some(running), false) = (&prepared.running, corrections.is_empty()) {
        match AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&corrections)
        {
            Ok(automaton) => {
                let found = running.find_any(
                    catalog.text_arena().as_bytes(),
                    &automaton,
                    catalog.record_count(),
                    parallel,
                );
                for (word, bits) in found.iter().enumerate() {
                    let mut bits = *bits;
                    while bits != 0 {
                        let bit = bits.trailing_zeros() as usize;
                        bits &= bits - 1;
                        slots.push(u32::try_from(word * 64 + bit).unwrap_or(u32::MAX));
                    }
                }
            }
            // Too large an automaton cannot be built: every record is then within reach, and
            // scoring decides.
            Err(_) => slots.extend(0..u32::try_from(catalog.record_count()).unwrap_or(u32::MAX)),
        }
    }
    slots.sort_unstable();
    slots.dedup();
    slots
}

impl SearchIndex {
    /// Looks for the query's words with typos, among the records a typo can reach (see
    /// [`typo_slots`]) that are not hits already, and adds those that match.
    pub(super) fn score_typo_reach(&self, plan: &Plan<'_>, hits: &mut Vec<(Rank, Hit)>) {
        let catalog = &*self.catalog;
        let typo_slots: Vec<Vec<u32>> = plan
            .query
            .words()
            .iter()
            .filter(|word| !word.is_negative())
            .take(64)
            .map(|word| {
                if word.allows_typos() {
                    typo_slots(
                        catalog,
                        self.prepared(),
                        &word.typo_letters(),
                        catalog.record_count() > self.single_up_to,
                    )
                } else {
                    Vec::new()
                }
            })
            .collect();
        if typo_slots.iter().all(Vec::is_empty) {
            return;
        }
        let mut found: Vec<u32> = hits
            .iter()
            .map(|(_, hit)| u32::try_from(catalog.slot(hit.record)).unwrap_or(u32::MAX))
            .collect();
        found.sort_unstable();
        let mut extra: Vec<u32> = typo_slots.iter().flatten().copied().collect();
        extra.sort_unstable();
        extra.dedup();
        extra.retain(|slot| found.binary_search(slot).is_err());
        let mut scorer = Scorer::default();
        let mut text = RecordText::new(catalog);
        for slot in extra {
            let Some(record) = catalog.record_at(slot as usize) else {
                continue;
            };
            if !plan.scopes.admits(catalog, record) {
                continue;
            }
            text.load(record);
            let related = plan.related_flags(record, plan.all_flags);
            let years = plan.year_flags(record);
            let flags = text.prefilter_own(&plan.needles, (plan.all_flags, 0, 0), &plan.spelled)
                | related
                | years.covered;
            if could_match(&typo_slots, slot, flags)
                && let Some(hit) = Self::hit(
                    &mut scorer,
                    &mut text,
                    (record, slot),
                    plan,
                    &typo_slots,
                    related,
                    years,
                )
            {
                hits.push(hit);
            }
        }
    }
}
