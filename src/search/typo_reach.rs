//! The records a misspelt word could reach, worked out before the scan: those whose titles and
//! names hold a word near it (from the vocabulary's lists), those that show such a record's
//! name (its events, its proposers), and those whose running text holds a near word (one pass
//! over all the text for every near word at once). Scoring then decides; this only narrows.

use aho_corasick::AhoCorasick;

use super::prepared::Prepared;
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
    let named = prepared.vocabulary.typo_candidates(letters);
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
