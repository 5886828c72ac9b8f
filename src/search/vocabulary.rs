//! The words of every title and name field, with the records each appears in: a misspelt word
//! is looked up here, among words starting with the same letter, instead of in every record.

use std::collections::HashMap;

use nucleo_matcher::chars::graphemes;

use super::{
    fields::for_each_own_field,
    query::{typo_allowance, typo_distance},
};
use crate::data::Catalog;

/// The shortest word kept: a typo needs four letters, and a candidate one less.
const SHORTEST: usize = 3;

/// Words of title and name fields and the records (slots) holding each.
#[derive(Debug, Default)]
pub struct Vocabulary {
    /// Each word, lowercased, as its letters.
    words: Vec<Box<[char]>>,
    /// The words starting with each letter.
    by_first: HashMap<char, Vec<u32>>,
    /// Where each word's records start in `postings`; one more entry than words.
    offsets: Vec<u32>,
    /// The slots of the records holding each word, grouped by word, ascending.
    postings: Vec<u32>,
}

/// The words of `text` as typo matching sees them: runs of letters and digits over the first
/// character of each grapheme, lowercased; those of three or more characters (a shorter word
/// is never within typo distance of a word of four letters or more).
pub fn words_of(text: &str, mut visit: impl FnMut(&[char])) {
    let mut word: Vec<char> = Vec::new();
    let mut flush = |word: &mut Vec<char>| {
        if word.len() >= SHORTEST {
            visit(word);
        }
        word.clear();
    };
    for c in graphemes(text) {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else {
            flush(&mut word);
        }
    }
    flush(&mut word);
}

impl Vocabulary {
    /// The vocabulary of every record's title and name fields.
    pub fn new(catalog: &Catalog) -> Self {
        let mut ids: HashMap<Box<[char]>, u32> = HashMap::new();
        let mut words: Vec<Box<[char]>> = Vec::new();
        // (word, slot) pairs, one per word a record holds.
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        let mut scratch = String::new();
        let mut seen: Vec<u32> = Vec::new();
        for (slot, record) in catalog.records().enumerate() {
            let slot = u32::try_from(slot).unwrap_or(u32::MAX);
            seen.clear();
            for_each_own_field(catalog, record, &mut scratch, |_, weight, text| {
                if !weight.allows_typos() {
                    return;
                }
                words_of(text.as_str(), |word| {
                    let id = match ids.get(word) {
                        Some(&id) => id,
                        None => {
                            let id = u32::try_from(words.len()).unwrap_or(u32::MAX);
                            ids.insert(word.into(), id);
                            words.push(word.into());
                            id
                        }
                    };
                    if !seen.contains(&id) {
                        seen.push(id);
                    }
                });
            });
            pairs.extend(seen.iter().map(|&id| (id, slot)));
        }
        pairs.sort_unstable();
        let mut offsets = vec![0u32; words.len() + 1];
        for &(id, _) in &pairs {
            offsets[id as usize + 1] += 1;
        }
        for i in 1..offsets.len() {
            offsets[i] += offsets[i - 1];
        }
        let postings = pairs.into_iter().map(|(_, slot)| slot).collect();
        let mut by_first: HashMap<char, Vec<u32>> = HashMap::new();
        for (id, word) in words.iter().enumerate() {
            if let Some(&first) = word.first() {
                by_first
                    .entry(first)
                    .or_default()
                    .push(u32::try_from(id).unwrap_or(u32::MAX));
            }
        }
        Self {
            words,
            by_first,
            offsets,
            postings,
        }
    }

    /// The slots of every record holding a word within typo distance of `needle` (lowercased
    /// letters), sorted and without repeats.
    pub fn typo_candidates(&self, needle: &[char]) -> Vec<u32> {
        let Some(allowed) = typo_allowance(needle.len()) else {
            return Vec::new();
        };
        let Some(first) = needle.first() else {
            return Vec::new();
        };
        let mut slots: Vec<u32> = Vec::new();
        for &id in self.by_first.get(first).map_or(&[][..], Vec::as_slice) {
            let word = &self.words[id as usize];
            if typo_distance(needle, word).is_some_and(|distance| distance <= allowed) {
                let range =
                    self.offsets[id as usize] as usize..self.offsets[id as usize + 1] as usize;
                slots.extend_from_slice(&self.postings[range]);
            }
        }
        slots.sort_unstable();
        slots.dedup();
        slots
    }
}
