//! Which records have a word starting with given letters in a title-weight field (the title,
//! its other spellings, the plural naming the record's kind): worked out once per catalog, so
//! a broad query scores only the records that can reach its first screen (`first_screen`).
//!
//! Records are numbered by title order (shortest title first, then by slot), and each list
//! holds those numbers ascending: reading a list in order reads its records shortest title
//! first, which is how hits of equal score rank.

use std::collections::HashMap;

use foldhash::fast::FixedState;
use nucleo_matcher::chars::graphemes;

use super::{
    fields::{FieldValue, for_each_title_field},
    text_form::folded_char,
    word_match::is_word_char,
};
use crate::data::{Catalog, SpelledName};

/// The most letters a key holds: a word's first one, two or three.
pub(super) const KEY_LETTERS: usize = 3;

/// A name whose spellings give more keys than this makes its records candidates for every
/// word (see [`Postings::everyone`]) rather than listing them under each key.
const MOST_KEYS_PER_NAME: usize = 256;

/// The lists, by key: word starts of ASCII letters and digits in a table, others by
/// [`packed`] key.
pub(super) struct Postings {
    /// By position in title order: the slot.
    by_title: Vec<u32>,
    /// By position in title order: the title's length, as ranking measures it.
    lengths: Vec<u32>,
    /// Every list, one after the other: the positions (in title order, ascending) of the
    /// records that have its key.
    positions: Vec<u32>,
    /// By list: where it starts in `positions` (and, one further, where it ends). The lists
    /// of [`dense`] keys come first, by number; then those of the other keys.
    starts: Vec<u32>,
    /// By [`packed`] key, for the letters [`dense`] cannot number: its list's number.
    other: HashMap<u64, u32, FixedState>,
    /// The positions of records bearing a name with too many spellings to list: candidates
    /// for any word, as if under every key.
    everyone: Box<[u32]>,
}

/// How many letters and digits [`dense`] numbers, with one for "no letter".
const DENSE_LETTERS: usize = 37;

/// The size of the table [`dense`] numbers into: every one to three letters, whole or not.
const DENSE_KEYS: usize = 2 * DENSE_LETTERS * DENSE_LETTERS * DENSE_LETTERS;

/// The number of `letters` (folded, one to [`KEY_LETTERS`]) in the table, when each is an
/// ASCII letter or digit: a table is read faster than a map, and nearly all words are such.
fn dense(letters: &[char], whole: bool) -> Option<usize> {
    if letters.is_empty() || letters.len() > KEY_LETTERS {
        return None;
    }
    let mut number = usize::from(whole);
    for &c in letters {
        let code = match c {
            'a'..='z' => c as usize - 'a' as usize + 1,
            '0'..='9' => c as usize - '0' as usize + 27,
            _ => return None,
        };
        number = number * DENSE_LETTERS + code;
    }
    // Shorter keys are padded with "no letter" at the end, so no two collide.
    for _ in letters.len()..KEY_LETTERS {
        number *= DENSE_LETTERS;
    }
    Some(number)
}

/// The key of `letters` (folded, at most [`KEY_LETTERS`]) at the start of a word; `whole`
/// when they are the whole word.
fn packed(letters: &[char], whole: bool) -> u64 {
    let packed = letters
        .iter()
        .take(KEY_LETTERS)
        .fold(0u64, |key, &c| (key << 21) | (u64::from(c) + 1));
    packed | (u64::from(whole) << 63)
}

/// Where the keys of one record go while it is read.
#[derive(Default)]
struct Keys {
    dense: Vec<usize>,
    other: Vec<u64>,
}

impl Keys {
    fn clear(&mut self) {
        self.dense.clear();
        self.other.clear();
    }

    fn push(&mut self, letters: &[char], whole: bool) {
        match dense(letters, whole) {
            Some(number) => self.dense.push(number),
            None => self.other.push(packed(letters, whole)),
        }
    }

    fn extend(&mut self, more: &Keys) {
        self.dense.extend_from_slice(&more.dense);
        self.other.extend_from_slice(&more.other);
    }

    fn len(&self) -> usize {
        self.dense.len() + self.other.len()
    }

    fn dedup(&mut self) {
        self.dense.sort_unstable();
        self.dense.dedup();
        self.other.sort_unstable();
        self.other.dedup();
    }
}

/// A text's characters as matching reads them: its bytes when ASCII, else its graphemes.
fn matched_chars(text: &str, chars: &mut Vec<char>) {
    chars.clear();
    if text.is_ascii() {
        chars.extend(text.bytes().map(char::from));
    } else {
        chars.extend(graphemes(text));
    }
}

/// The length of a title as ranking measures it (see `RecordText::title_length`).
pub(super) fn title_length(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        graphemes(text).count()
    }
}

/// Adds to `keys` the key of the first one, two and three letters at each place a word can
/// start in `text`, and the whole-word key where those letters end a word.
fn text_keys(text: &str, chars: &mut Vec<char>, keys: &mut Keys) {
    matched_chars(text, chars);
    let mut letters = [' '; KEY_LETTERS];
    for start in 0..chars.len() {
        if start > 0 && is_word_char(chars[start - 1]) {
            continue;
        }
        // A query word's letters fold to letters and digits: nothing else starts its match.
        if !folded_char(chars[start]).is_alphanumeric() {
            continue;
        }
        for length in 1..=KEY_LETTERS.min(chars.len() - start) {
            letters[length - 1] = folded_char(chars[start + length - 1]);
            keys.push(&letters[..length], false);
            let ends = chars.get(start + length).is_none_or(|&c| !is_word_char(c));
            if ends {
                keys.push(&letters[..length], true);
            }
        }
    }
}

impl Postings {
    /// The lists of `catalog`: each record's keys read in slot order (the catalog's order),
    /// then written out by title order into lists of exactly their length.
    pub(super) fn new(catalog: &Catalog) -> Self {
        let mut titled: Vec<(u32, u32)> = catalog
            .records()
            .enumerate()
            .map(|(slot, record)| {
                let length = catalog
                    .get(record)
                    .map_or(0, |view| title_length(view.title()));
                (
                    u32::try_from(length).unwrap_or(u32::MAX),
                    u32::try_from(slot).unwrap_or(u32::MAX),
                )
            })
            .collect();
        titled.sort_unstable();
        let (lengths, by_title): (Vec<u32>, Vec<u32>) = titled.into_iter().unzip();
        let read = read_keys(catalog);
        let mut starts = Vec::with_capacity(read.counts.len() + 1);
        let mut total = 0u32;
        starts.push(0);
        for &count in &read.counts {
            total = total.saturating_add(count);
            starts.push(total);
        }
        let mut positions = vec![0u32; total as usize];
        let mut next: Vec<u32> = starts.clone();
        let mut everyone = Vec::new();
        for (position, &slot) in by_title.iter().enumerate() {
            let position = u32::try_from(position).unwrap_or(u32::MAX);
            let slot = slot as usize;
            if read.unlisted.get(slot).copied().unwrap_or(true) {
                everyone.push(position);
                continue;
            }
            let from = slot
                .checked_sub(1)
                .map_or(Some(0), |before| read.ends.get(before).copied());
            let (Some(from), Some(&to)) = (from, read.ends.get(slot)) else {
                continue;
            };
            for &list in read
                .lists
                .get(from as usize..to as usize)
                .unwrap_or_default()
            {
                if let Some(at) = next.get_mut(list as usize) {
                    if let Some(cell) = positions.get_mut(*at as usize) {
                        *cell = position;
                    }
                    *at += 1;
                }
            }
        }
        Self {
            by_title,
            lengths,
            positions,
            starts,
            other: read.other,
            everyone: everyone.into_boxed_slice(),
        }
    }

    /// The positions (ascending) of the records with a title-weight word starting with
    /// `letters` (folded, at most [`KEY_LETTERS`]), or that is them when `whole`.
    pub(super) fn list(&self, letters: &[char], whole: bool) -> &[u32] {
        let number = match dense(letters, whole) {
            Some(number) => Some(number),
            None => self
                .other
                .get(&packed(letters, whole))
                .map(|&list| list as usize),
        };
        number
            .and_then(|number| {
                let (&from, &to) = (self.starts.get(number)?, self.starts.get(number + 1)?);
                self.positions.get(from as usize..to as usize)
            })
            .unwrap_or_default()
    }

    /// The positions of the records that are candidates for every word.
    pub(super) fn everyone(&self) -> &[u32] {
        &self.everyone
    }

    /// The slot of the record at `position` in title order.
    pub(super) fn slot(&self, position: u32) -> Option<u32> {
        self.by_title.get(position as usize).copied()
    }

    /// The title length of the record at `position` in title order.
    pub(super) fn length(&self, position: u32) -> u32 {
        self.lengths
            .get(position as usize)
            .copied()
            .unwrap_or(u32::MAX)
    }
}

/// Every record's keys, by slot, as list numbers (see [`Postings::starts`]).
struct ReadKeys {
    /// The list numbers of every record, one record after the other.
    lists: Vec<u32>,
    /// By slot: where its list numbers end in `lists`.
    ends: Vec<u32>,
    /// By slot: whether it bears a name with too many spellings to list.
    unlisted: Vec<bool>,
    /// By list number: how many records have it.
    counts: Vec<u32>,
    /// The numbers given to the keys [`dense`] cannot number.
    other: HashMap<u64, u32, FixedState>,
}

/// Reads every record's title-weight fields, in slot order, for their keys.
fn read_keys(catalog: &Catalog) -> ReadKeys {
    let count = catalog.record_count();
    let mut read = ReadKeys {
        lists: Vec::with_capacity(count * 16),
        ends: Vec::with_capacity(count),
        unlisted: Vec::with_capacity(count),
        counts: vec![0; DENSE_KEYS],
        other: HashMap::default(),
    };
    let mut chars = Vec::new();
    // Each name's keys once: a name may have many spellings and many records bearing it.
    let mut named: Vec<Option<Option<Keys>>> = Vec::new();
    named.resize_with(catalog.spelled_name_count(), || None);
    let mut keys = Keys::default();
    let mut scratch = String::new();
    for record in catalog.records() {
        keys.clear();
        let mut unlisted = false;
        for_each_title_field(catalog, record, &mut scratch, |_, _, value| match value {
            FieldValue::Text(text) => text_keys(text.as_str(), &mut chars, &mut keys),
            FieldValue::Spellings(id) => {
                match named
                    .get_mut(id as usize)
                    .map(|cell| cell.get_or_insert_with(|| name_keys(catalog, id, &mut chars)))
                {
                    Some(Some(more)) => keys.extend(more),
                    _ => unlisted = true,
                }
            }
        });
        if !unlisted {
            keys.dedup();
            for &number in &keys.dense {
                read.lists.push(u32::try_from(number).unwrap_or(u32::MAX));
                if let Some(count) = read.counts.get_mut(number) {
                    *count += 1;
                }
            }
            for &key in &keys.other {
                let fresh = u32::try_from(read.counts.len()).unwrap_or(u32::MAX);
                let number = *read.other.entry(key).or_insert(fresh);
                if number == fresh {
                    read.counts.push(0);
                }
                read.lists.push(number);
                if let Some(count) = read.counts.get_mut(number as usize) {
                    *count += 1;
                }
            }
        }
        read.unlisted.push(unlisted);
        read.ends
            .push(u32::try_from(read.lists.len()).unwrap_or(u32::MAX));
    }
    read
}

/// The keys of every spelling of name `id`, or `None` when they are too many to list.
fn name_keys(catalog: &Catalog, id: SpelledName, chars: &mut Vec<char>) -> Option<Keys> {
    let mut keys = Keys::default();
    for spelling in catalog.spellings_by_id(id) {
        text_keys(spelling, chars, &mut keys);
        keys.dedup();
        if keys.len() > MOST_KEYS_PER_NAME {
            return None;
        }
    }
    Some(keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_of_up_to_three_letters_and_digits_has_its_own_number() {
        let alphabet: Vec<char> = ('a'..='z').chain('0'..='9').collect();
        let mut seen = std::collections::HashSet::new();
        for &a in &alphabet {
            for second in std::iter::once(None).chain(alphabet.iter().map(Some)) {
                for third in std::iter::once(None).chain(alphabet.iter().map(Some)) {
                    let letters: Vec<char> = std::iter::once(a)
                        .chain(second.copied())
                        .chain(second.and(third).copied())
                        .collect();
                    for whole in [false, true] {
                        let number = dense(&letters, whole).unwrap_or(usize::MAX);
                        assert!(number < DENSE_KEYS);
                        seen.insert((number, letters.clone(), whole));
                    }
                }
            }
        }
        let numbers: std::collections::HashSet<usize> = seen.iter().map(|k| k.0).collect();
        assert_eq!(numbers.len(), seen.len());
        assert_eq!(dense(&['é'], false), None);
        assert_eq!(dense(&['A'], false), None, "keys are folded first");
    }

    #[test]
    fn a_word_start_is_listed_under_its_first_letters_and_a_short_word_whole() {
        let mut keys = Keys::default();
        text_keys("17 Karul of Zadja-b", &mut Vec::new(), &mut keys);
        keys.dedup();
        let has = |letters: &str, whole| {
            let letters: Vec<char> = letters.chars().collect();
            keys.dense
                .contains(&dense(&letters, whole).unwrap_or(usize::MAX))
        };
        for start in [
            "1", "17", "k", "ka", "kar", "o", "of", "z", "za", "zad", "b",
        ] {
            assert!(has(start, false), "{start}");
        }
        for whole in ["17", "of", "b"] {
            assert!(has(whole, true), "{whole}");
        }
        assert!(!has("ar", false), "not a word's start");
        assert!(!has("ka", true), "not the whole word");
        assert!(!has("7", false), "inside a number");
    }
}
