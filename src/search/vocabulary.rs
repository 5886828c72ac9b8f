//! The words of the records, for typos: those of every title and name field with the records
//! each appears in, and those of the running text (summaries, notes, quotes) without. A
//! misspelt word is looked up here, among words starting with the same letter, instead of in
//! every record. The words of a name's other spellings are held once for the name, which
//! lists the records bearing it: not once per record, as a name may have tens of thousands of
//! spellings and thousands of records bearing it.

use std::collections::HashMap;

use foldhash::fast::FixedState;
use hashbrown::HashTable;
use std::hash::BuildHasher;
use std::sync::atomic::{AtomicUsize, Ordering};

use nucleo_matcher::chars::graphemes;

use super::{
    COUNT_EVERY,
    fields::{FieldValue, Weight, for_each_own_field},
    query::{typo_allowance, typo_distance},
};
use crate::data::{Catalog, SpelledName};

/// The shortest word kept: a typo needs five letters, and a candidate one less.
const SHORTEST: usize = 4;

/// Which fields a vocabulary holds the words of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fields {
    /// Titles and names, with the records holding each word.
    Names,
    /// Running text, the words alone: their records are found by one pass over the text (a
    /// list of records for every word of every summary would cost hundreds of MB at 1M).
    Running,
}

/// Words of some fields and the records (slots) holding each. Words sit end to end
/// in one string: a million records have over a million distinct words, and an allocation
/// each would cost more than the words.
#[derive(Debug, Default)]
pub struct Vocabulary {
    /// Every word, lowercased, one after another.
    letters: String,
    /// Where each word starts in `letters`; one more entry than words.
    starts: Vec<u32>,
    /// The words starting with each letter.
    by_first: HashMap<char, Vec<u32>>,
    /// Where each word's records start in `postings`; one more entry than words.
    offsets: Vec<u32>,
    /// The slots of the records holding each word, grouped by word, ascending. A word of a
    /// name's other spellings is held by `spelled_from` plus the name's number instead.
    postings: Vec<u32>,
    /// The first number in `postings` that stands for a name, not a slot (the record count).
    spelled_from: u32,
    /// Where each name's bearers start in `bearers`; one more entry than names.
    bearer_offsets: Vec<u32>,
    /// The slots of the records bearing each name with other spellings in their titles and
    /// names, grouped by name, ascending.
    bearers: Vec<u32>,
}

/// The words of `text` as typo matching sees them: runs of letters and digits over the first
/// character of each grapheme, lowercased; those of four or more characters (a shorter word
/// is never within typo distance of a word of five letters or more).
pub fn words_of(text: &str, mut visit: impl FnMut(&[char])) {
    let mut word: Vec<char> = Vec::new();
    let mut flush = |word: &mut Vec<char>| {
        if word.len() >= SHORTEST {
            visit(word);
        }
        word.clear();
    };
    if text.is_ascii() {
        // Each ASCII character is a grapheme of its own (a CR LF pair is neither a letter nor
        // a digit, so it ends a word either way), and splitting graphemes is the slow part.
        for byte in text.bytes() {
            if byte.is_ascii_alphanumeric() {
                word.push(char::from(byte.to_ascii_lowercase()));
            } else {
                flush(&mut word);
            }
        }
    } else {
        for c in graphemes(text) {
            if c.is_alphanumeric() {
                word.extend(c.to_lowercase());
            } else {
                flush(&mut word);
            }
        }
    }
    flush(&mut word);
}

/// The `(word, slot)` pairs grouped by word: where each word's slots start, and the slots.
fn postings(word_count: usize, mut pairs: Vec<(u32, u32)>) -> (Vec<u32>, Vec<u32>) {
    pairs.sort_unstable();
    // The spellings of one name may share a word.
    pairs.dedup();
    let mut offsets = vec![0u32; word_count + 1];
    for &(id, _) in &pairs {
        offsets[id as usize + 1] += 1;
    }
    for i in 1..offsets.len() {
        offsets[i] += offsets[i - 1];
    }
    (offsets, pairs.into_iter().map(|(_, slot)| slot).collect())
}

/// Catalogs from this many records on have their words read on two threads.
const SPLIT_FROM: usize = 50_000;

/// The words of some records, each stored once, numbered in the order first found.
struct WordList {
    /// Every word, lowercased, one after another.
    letters: String,
    /// Where each word starts in `letters`; one more entry than words.
    starts: Vec<u32>,
    /// Word ids by the hash of their letters; the letters themselves stay in `letters`.
    ids: HashTable<u32>,
    /// (word, slot) pairs, one per word a record holds (titles and names only), by slot.
    pairs: Vec<(u32, u32)>,
    /// (name, slot) pairs, one per name with other spellings a record bears in its titles and
    /// names, by slot: the spellings' words are read once, for the name.
    spelled: Vec<(u32, u32)>,
    hasher: FixedState,
}

impl WordList {
    fn empty() -> Self {
        Self {
            letters: String::new(),
            starts: vec![0],
            ids: HashTable::new(),
            pairs: Vec::new(),
            spelled: Vec::new(),
            hasher: FixedState::default(),
        }
    }

    /// The words of the records in `slots`, adding to `done` as they are read.
    fn read(
        catalog: &Catalog,
        fields: Fields,
        slots: std::ops::Range<usize>,
        done: &AtomicUsize,
    ) -> Self {
        let wanted = |weight: Weight| match fields {
            Fields::Names => weight.is_naming(),
            Fields::Running => !weight.is_naming(),
        };
        let mut list = Self::empty();
        let mut scratch = String::new();
        let mut seen: Vec<u32> = Vec::new();
        let records = catalog.records().enumerate().skip(slots.start);
        for (slot, record) in records.take(slots.len()) {
            if slot % COUNT_EVERY == COUNT_EVERY - 1 {
                done.fetch_add(COUNT_EVERY, Ordering::Relaxed);
            }
            let slot = u32::try_from(slot).unwrap_or(u32::MAX);
            seen.clear();
            for_each_own_field(catalog, record, &mut scratch, |_, weight, value| {
                if !wanted(weight) {
                    return;
                }
                let text = match value {
                    FieldValue::Text(text) => text,
                    FieldValue::Spellings(id) => {
                        if fields == Fields::Names {
                            list.spelled.push((id, slot));
                        }
                        return;
                    }
                };
                words_of(text.as_str(), |word| {
                    let start = list.letters.len();
                    list.letters.extend(word);
                    let id = list.keep_last(start);
                    if fields == Fields::Names && !seen.contains(&id) {
                        seen.push(id);
                    }
                });
            });
            list.pairs.extend(seen.iter().map(|&id| (id, slot)));
        }
        list
    }

    /// The letters of word `id`.
    fn word(&self, id: u32) -> &str {
        let id = id as usize;
        &self.letters[self.starts[id] as usize..self.starts[id + 1] as usize]
    }

    /// The id of the word just added to `letters` from `start` on: a new one, or the one it
    /// already had, whose letters are then taken off again.
    fn keep_last(&mut self, start: usize) -> u32 {
        let hash = self.hasher.hash_one(&self.letters[start..]);
        let found = self
            .ids
            .find(hash, |&id| self.word(id) == &self.letters[start..])
            .copied();
        if let Some(id) = found {
            self.letters.truncate(start);
            return id;
        }
        let id = u32::try_from(self.starts.len() - 1).unwrap_or(u32::MAX);
        self.starts
            .push(u32::try_from(self.letters.len()).unwrap_or(u32::MAX));
        let (starts, letters, hasher) = (&self.starts, &self.letters, &self.hasher);
        self.ids.insert_unique(hash, id, |&id| {
            let id = id as usize;
            hasher.hash_one(&letters[starts[id] as usize..starts[id + 1] as usize])
        });
        id
    }

    /// Adds the words of `later`, read from the records after these: each new one gets the
    /// next id, as it would have had in one reading, and its records follow these'.
    fn append(&mut self, later: WordList) {
        let renumbered: Vec<u32> = (0..later.starts.len() - 1)
            .map(|id| {
                let start = self.letters.len();
                self.letters
                    .push_str(later.word(u32::try_from(id).unwrap_or(u32::MAX)));
                self.keep_last(start)
            })
            .collect();
        self.pairs.extend(
            later
                .pairs
                .iter()
                .map(|&(id, slot)| (renumbered[id as usize], slot)),
        );
        self.spelled.extend(later.spelled);
    }

    /// Adds the words of every name's other spellings, each held by `from` plus the name's
    /// number: after all the records' words, so that one reading or two give the same.
    fn add_spellings(&mut self, catalog: &Catalog, from: u32) {
        for id in 0..catalog.spelled_name_count() {
            let id = SpelledName::try_from(id).unwrap_or(SpelledName::MAX);
            let holder = from.saturating_add(id);
            for spelling in catalog.spellings_by_id(id) {
                words_of(spelling, |word| {
                    let start = self.letters.len();
                    self.letters.extend(word);
                    let word = self.keep_last(start);
                    self.pairs.push((word, holder));
                });
            }
        }
    }
}

impl Vocabulary {
    /// The vocabulary of every record's title and name fields, or of its running text.
    pub fn new(catalog: &Catalog, fields: Fields) -> Self {
        Self::counting(catalog, fields, &AtomicUsize::new(0))
    }

    /// [`Vocabulary::new`], adding to `done` as records are read (a batch at a time). A
    /// large catalog is read in two halves on two threads, their words then joined in the
    /// order one reading would have found them, so the result is the same either way.
    pub fn counting(catalog: &Catalog, fields: Fields, done: &AtomicUsize) -> Self {
        let count = catalog.record_count();
        let spelled_from = u32::try_from(count).unwrap_or(u32::MAX);
        let mut list = if count < SPLIT_FROM {
            WordList::read(catalog, fields, 0..count, done)
        } else {
            let middle = count / 2;
            let (mut first, later) = std::thread::scope(|scope| {
                let later = scope.spawn(|| WordList::read(catalog, fields, middle..count, done));
                let first = WordList::read(catalog, fields, 0..middle, done);
                let later = later
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                (first, later)
            });
            first.append(later);
            first
        };
        if fields == Fields::Names {
            list.add_spellings(catalog, spelled_from);
        }
        let WordList {
            mut letters,
            starts,
            pairs,
            spelled,
            ..
        } = list;
        let word_count = starts.len() - 1;
        let (bearer_offsets, bearers) = postings(catalog.spelled_name_count(), spelled);
        let (offsets, postings) = postings(word_count, pairs);
        let mut by_first: HashMap<char, Vec<u32>> = HashMap::new();
        for id in 0..word_count {
            if let Some(first) = letters[starts[id] as usize..].chars().next() {
                by_first
                    .entry(first)
                    .or_default()
                    .push(u32::try_from(id).unwrap_or(u32::MAX));
            }
        }
        letters.shrink_to_fit();
        Self {
            letters,
            starts,
            by_first,
            offsets,
            postings,
            spelled_from,
            bearer_offsets,
            bearers,
        }
    }

    /// The letters of word `id`.
    fn word(&self, id: u32) -> &str {
        let id = id as usize;
        &self.letters[self.starts[id] as usize..self.starts[id + 1] as usize]
    }

    /// The ids of the words within typo distance of `needle` (lowercased letters).
    fn near(&self, needle: &[char], mut visit: impl FnMut(u32)) {
        let Some(allowed) = typo_allowance(needle.len()) else {
            return;
        };
        let Some(first) = needle.first() else {
            return;
        };
        let mut word: Vec<char> = Vec::new();
        for &id in self.by_first.get(first).map_or(&[][..], Vec::as_slice) {
            let letters = self.word(id);
            // A word (or a beginning of it) more letters short than the typos allowed is too
            // far; for ASCII its length in bytes is its length in letters.
            if letters.is_ascii() && letters.len() + allowed < needle.len() {
                continue;
            }
            word.clear();
            word.extend(letters.chars());
            if typo_distance(needle, &word).is_some_and(|distance| distance <= allowed) {
                visit(id);
            }
        }
    }

    /// The slots of every record holding a word within typo distance of `needle` (lowercased
    /// letters), sorted and without repeats (empty for a vocabulary of running text).
    pub fn typo_candidates(&self, needle: &[char]) -> Vec<u32> {
        let mut slots: Vec<u32> = Vec::new();
        let mut names: Vec<u32> = Vec::new();
        self.near(needle, |id| {
            let range = self.offsets[id as usize] as usize..self.offsets[id as usize + 1] as usize;
            for &holder in self.postings.get(range).unwrap_or(&[]) {
                match holder.checked_sub(self.spelled_from) {
                    Some(name) => names.push(name),
                    None => slots.push(holder),
                }
            }
        });
        // Each name's bearers once, however many of its spellings are near.
        names.sort_unstable();
        names.dedup();
        for name in names {
            let at = name as usize;
            if let (Some(&start), Some(&end)) =
                (self.bearer_offsets.get(at), self.bearer_offsets.get(at + 1))
            {
                slots.extend_from_slice(
                    self.bearers
                        .get(start as usize..end as usize)
                        .unwrap_or(&[]),
                );
            }
        }
        slots.sort_unstable();
        slots.dedup();
        slots
    }

    /// The words within typo distance of `needle` (lowercased letters) that do not hold it as
    /// written (those are found without typos), at most `limit` of them.
    pub fn corrections(&self, needle: &[char], limit: usize) -> Vec<&str> {
        let written: String = needle.iter().collect();
        let mut found = Vec::new();
        self.near(needle, |id| {
            let word = self.word(id);
            if found.len() < limit && !word.contains(written.as_str()) {
                found.push(word);
            }
        });
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synthetic;

    #[test]
    fn words_read_in_two_halves_are_those_of_one_reading() {
        let catalog = Catalog::new(synthetic::generate(3_000, 9), None).expect("valid");
        let count = catalog.record_count();
        let done = AtomicUsize::new(0);
        for fields in [Fields::Names, Fields::Running] {
            let whole = WordList::read(&catalog, fields, 0..count, &done);
            for middle in [0, 1, count / 3, count - 1, count] {
                let mut first = WordList::read(&catalog, fields, 0..middle, &done);
                first.append(WordList::read(&catalog, fields, middle..count, &done));
                assert_eq!(first.letters, whole.letters, "{fields:?} split at {middle}");
                assert_eq!(first.starts, whole.starts, "{fields:?} split at {middle}");
                assert_eq!(first.pairs, whole.pairs, "{fields:?} split at {middle}");
                assert_eq!(first.spelled, whole.spelled, "{fields:?} split at {middle}");
            }
            assert!(whole.starts.len() > 100, "{fields:?}: a real vocabulary");
        }
    }
}
