//! Finding a word in every record's running text (summary, outcome, note, quotes) in one pass
//! over the catalog's text, instead of record by record: the text is scanned for the word's
//! rarest letter, and a record is done with at its first occurrence.

use aho_corasick::{AhoCorasick, Input};
use memchr::memchr2;

use crate::data::{Catalog, RunningBounds};

/// Where each record's running text lies in the catalog's text.
#[derive(Debug, Default)]
pub struct RunningText {
    /// Each record's stretch as (start, end, slot), by start; stretches do not overlap.
    stretches: Vec<(u32, u32, u32)>,
    /// A bit per slot: whether the record's stretch is all ASCII (or it has none), so a byte
    /// scan finds the word exactly where matching would (text beyond ASCII folds accents, so
    /// is checked record by record).
    ascii: Vec<u64>,
}

/// Letters from most to least common in English text: a word is looked for by its rarest.
const COMMONEST_FIRST: &[u8] = b" etaoinshrdlcumwfgypbvkjxqz";

impl RunningText {
    /// The stretches of `catalog`'s records; `None` when they overlap, and a scan could not
    /// tell whose text an occurrence is in.
    pub fn new(catalog: &Catalog) -> Option<Self> {
        let arena = catalog.text_arena().as_bytes();
        let count = catalog.record_count();
        let mut stretches = Vec::with_capacity(count);
        let mut ascii = vec![0u64; count.div_ceil(64)];
        for (slot, record) in catalog.records().enumerate() {
            let (start, end) = match catalog.running_text_bounds(record) {
                RunningBounds::Stretch(start, end) => (start, end),
                // No running text: a scan rightly finds nothing in it.
                RunningBounds::None => {
                    ascii[slot / 64] |= 1 << (slot % 64);
                    continue;
                }
                // Not what the arena holds: left to matching, record by record, as a stretch
                // beyond ASCII is (its bit stays clear, so no scan rules it out).
                RunningBounds::Shown => continue,
            };
            if arena
                .get(start as usize..end as usize)
                .is_some_and(|bytes| bytes.is_ascii())
            {
                ascii[slot / 64] |= 1 << (slot % 64);
            }
            stretches.push((start, end, u32::try_from(slot).ok()?));
        }
        stretches.sort_unstable();
        let disjoint = stretches.windows(2).all(|pair| pair[0].1 <= pair[1].0);
        disjoint.then_some(Self { stretches, ascii })
    }

    /// Whether the running text of the record at `slot` is all ASCII.
    pub fn is_ascii(&self, slot: usize) -> bool {
        self.ascii
            .get(slot / 64)
            .is_some_and(|word| word & (1 << (slot % 64)) != 0)
    }

    /// A bit per slot (of `slots` in all): whether `word` (lowercase ASCII letters) occurs in
    /// the record's stretch, ignoring ASCII case. Reliable for records whose stretch is ASCII;
    /// it may also say yes for a word running from one field into the next, which matching
    /// then turns down. Two threads when `parallel`.
    pub fn find(&self, arena: &[u8], word: &[u8], slots: usize, parallel: bool) -> Vec<u64> {
        let mut found = vec![0u64; slots.div_ceil(64)];
        if word.is_empty() {
            found.fill(u64::MAX);
            return found;
        }
        self.in_halves(&mut found, parallel, |stretches, bits| {
            self.scan(arena, word, stretches, bits)
        });
        found
    }

    /// A bit per slot (of `slots` in all): whether any of `automaton`'s words occurs in the
    /// record's stretch, ASCII letters in either case. Text beyond ASCII is scanned as bytes
    /// too: a near word is found there as the vocabulary holds it (lowercase), and only one
    /// written with capitals beyond ASCII ("ÉCOLE" for "école") is missed. Saying yes to every
    /// such record instead would score a whole catalog with accents. Two threads when
    /// `parallel`.
    pub fn find_any(
        &self,
        arena: &[u8],
        automaton: &AhoCorasick,
        slots: usize,
        parallel: bool,
    ) -> Vec<u64> {
        let mut found = vec![0u64; slots.div_ceil(64)];
        self.in_halves(&mut found, parallel, |stretches, bits| {
            self.scan_any(arena, automaton, stretches, bits)
        });
        found
    }

    /// Runs `scan` over all the stretches into `found`: over each half on a thread of its own
    /// when `parallel`, the two halves' bits then joined.
    fn in_halves(
        &self,
        found: &mut [u64],
        parallel: bool,
        scan: impl Fn(&[(u32, u32, u32)], &mut [u64]) + Sync,
    ) {
        if !parallel || self.stretches.len() < 2 {
            scan(&self.stretches, found);
            return;
        }
        let (first, later) = self.stretches.split_at(self.stretches.len() / 2);
        let mut other = vec![0u64; found.len()];
        std::thread::scope(|scope| {
            scope.spawn(|| scan(later, &mut other));
            scan(first, found);
        });
        for (mine, theirs) in found.iter_mut().zip(other) {
            *mine |= theirs;
        }
    }

    /// Scans the text of `stretches` (consecutive, by start) for any of `automaton`'s words.
    fn scan_any(
        &self,
        arena: &[u8],
        automaton: &AhoCorasick,
        stretches: &[(u32, u32, u32)],
        found: &mut [u64],
    ) {
        let (Some(&(from, ..)), Some(&(.., to, _))) = (stretches.first(), stretches.last()) else {
            return;
        };
        let text = arena.get(from as usize..to as usize).unwrap_or(&[]);
        let mut at = 0;
        let mut next = 0;
        while at < text.len() {
            let Some(hit) = automaton.find(Input::new(text).range(at..)) else {
                break;
            };
            let absolute = from as usize + hit.start();
            next += stretches[next..].partition_point(|s| (s.1 as usize) <= absolute);
            let Some(&(stretch_start, stretch_end, slot)) = stretches.get(next) else {
                break;
            };
            if (stretch_start as usize) <= absolute
                && from as usize + hit.end() <= stretch_end as usize
            {
                let slot = slot as usize;
                if let Some(bits) = found.get_mut(slot / 64) {
                    *bits |= 1 << (slot % 64);
                }
                // One occurrence is enough: go on from the next record's text.
                next += 1;
                at = stretches
                    .get(next)
                    .map_or(text.len(), |s| (s.0 - from) as usize);
            } else {
                at = hit.start() + 1;
            }
        }
    }

    /// Scans the text of `stretches` (consecutive, by start) for `word`.
    fn scan(&self, arena: &[u8], word: &[u8], stretches: &[(u32, u32, u32)], found: &mut [u64]) {
        let (Some(&(from, ..)), Some(&(.., to, _))) = (stretches.first(), stretches.last()) else {
            return;
        };
        let rarity = |byte: &u8| {
            COMMONEST_FIRST
                .iter()
                .position(|c| c == byte)
                .unwrap_or(COMMONEST_FIRST.len())
        };
        let (offset, &rare) = word
            .iter()
            .enumerate()
            .max_by_key(|(_, byte)| rarity(byte))
            .unwrap_or((0, &word[0]));
        let upper = rare.to_ascii_uppercase();
        let text = arena.get(from as usize..to as usize).unwrap_or(&[]);
        let mut at = 0;
        let mut next = 0; // the first stretch that can hold what is found from `at` on
        while let Some(hit) = memchr2(rare, upper, text.get(at..).unwrap_or(&[])) {
            let position = at + hit;
            at = position + 1;
            let Some(start) = position.checked_sub(offset) else {
                continue;
            };
            let end = start + word.len();
            if end > text.len() || !text[start..end].eq_ignore_ascii_case(word) {
                continue;
            }
            let absolute = from as usize + start;
            next += stretches[next..].partition_point(|s| (s.1 as usize) <= absolute);
            let Some(&(stretch_start, stretch_end, slot)) = stretches.get(next) else {
                break;
            };
            if (stretch_start as usize) <= absolute && absolute + word.len() <= stretch_end as usize
            {
                let slot = slot as usize;
                if let Some(bits) = found.get_mut(slot / 64) {
                    *bits |= 1 << (slot % 64);
                }
                // One occurrence is enough: go on from the next record's text.
                next += 1;
                at = stretches
                    .get(next)
                    .map_or(text.len(), |s| (s.0 - from) as usize + offset);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        data::load_embedded,
        search::fields::{FieldValue, Weight},
        search::for_each_own_field,
    };

    /// The records whose running text holds `word`, found record by record.
    fn by_record(catalog: &Catalog, word: &str) -> Vec<usize> {
        let needle = super::super::prefilter::Needle::new(word);
        let mut scratch = String::new();
        catalog
            .records()
            .enumerate()
            .filter(|(_, record)| {
                let mut holds = false;
                for_each_own_field(catalog, *record, &mut scratch, |_, weight, value| {
                    holds |= weight == Weight::Text
                        && matches!(value, FieldValue::Text(text) if needle.occurs_in(text.as_str()));
                });
                holds
            })
            .map(|(slot, _)| slot)
            .collect()
    }

    #[test]
    fn one_pass_finds_what_a_record_by_record_search_finds() {
        let catalog = load_embedded().expect("embedded data");
        let running = RunningText::new(&catalog).expect("stretches are disjoint");
        let arena = catalog.text_arena().as_bytes();
        for word in ["kazakhstan", "summit", "idb", "the", "1995", "zq", "e"] {
            for parallel in [false, true] {
                let found = running.find(arena, word.as_bytes(), catalog.record_count(), parallel);
                if word == "zq" {
                    assert!(found.iter().all(|&bits| bits == 0), "nothing holds zq");
                }
                for slot in by_record(&catalog, word) {
                    assert!(
                        !running.is_ascii(slot) || found[slot / 64] & (1 << (slot % 64)) != 0,
                        "{word:?} in slot {slot}"
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod shown_tests {
    use std::sync::Arc;

    use proptest::prelude::*;

    use crate::{
        Query, SearchIndex,
        data::{Catalog, Dataset, EMBEDDED_DATASET},
    };

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        /// A record whose running text is shown escaped (a control, an invisible or bidi
        /// character, a joiner between letters, anywhere in it) is still found by every word
        /// of it, as every other record is: the scan of all text at once leaves it to matching.
        #[test]
        fn text_shown_escaped_is_still_found(
            escaped in prop::sample::select(vec![
                '\u{200B}', '\u{200D}', '\u{7}', '\u{202E}', '\u{AD}', '\u{1B}', '\u{FEFF}',
            ]),
            field in 0usize..3,
            at in 0usize..3,
        ) {
            let mut data: Dataset = serde_json::from_str(EMBEDDED_DATASET).expect("embedded");
            let words = ["alphaword", "middleword", "omegaword"];
            let mut text: Vec<String> = words.iter().map(|w| (*w).to_string()).collect();
            text[at].push(escaped);
            text[at].push('x');
            let text = text.join(" ");
            let event = &mut data.events[0];
            match field {
                0 => event.summary = text,
                1 => event.note = Some(text),
                _ => event.summary = format!("{} {text}", event.summary),
            }
            let id = event.id.clone();
            let catalog = Arc::new(Catalog::new(data, None).expect("valid"));
            let index = SearchIndex::new(&catalog);
            for word in words {
                let hits = index.search(&Query::parse(word));
                let found = hits
                    .hits()
                    .iter()
                    .any(|hit| catalog.get(hit.record).is_some_and(|r| r.id() == id));
                prop_assert!(found, "{word} in {:?}", catalog.get(catalog.find(&id).expect("id")).map(|r| r.summary()));
            }
        }
    }
}
