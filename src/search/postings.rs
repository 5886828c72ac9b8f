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
    fields::{FieldValue, Weight, for_each_own_field},
    text_form::folded_char,
    word_match::is_word_char,
};
use crate::data::{Catalog, SpelledName};

/// The most letters a key holds: a word's first one, two or three.
pub(super) const KEY_LETTERS: usize = 3;

/// A name whose spellings give more keys than this makes its records candidates for every
/// word (see [`Postings::everyone`]) rather than listing them under each key.
const MOST_KEYS_PER_NAME: usize = 256;

/// The lists, by key (see [`key`]).
pub(super) struct Postings {
    /// By position in title order: the slot.
    by_title: Vec<u32>,
    /// By position in title order: the title's length, as ranking measures it.
    lengths: Vec<u32>,
    /// By key: the positions (in title order, ascending) of the records that have it.
    lists: HashMap<u64, Box<[u32]>, FixedState>,
    /// The positions of records bearing a name with too many spellings to list: candidates
    /// for any word, as if under every key.
    everyone: Box<[u32]>,
}

/// The key of `letters` (folded, at most [`KEY_LETTERS`]) at the start of a word; `whole`
/// when they are the whole word.
pub(super) fn key(letters: &[char], whole: bool) -> u64 {
    let packed = letters
        .iter()
        .take(KEY_LETTERS)
        .fold(0u64, |key, &c| (key << 21) | (u64::from(c) + 1));
    packed | (u64::from(whole) << 63)
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
fn text_keys(text: &str, chars: &mut Vec<char>, keys: &mut Vec<u64>) {
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
            keys.push(key(&letters[..length], false));
            let ends = chars.get(start + length).is_none_or(|&c| !is_word_char(c));
            if ends {
                keys.push(key(&letters[..length], true));
            }
        }
    }
}

impl Postings {
    /// The lists of `catalog`.
    pub(super) fn new(catalog: &Catalog) -> Self {
        let count = catalog.record_count();
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
        let mut chars = Vec::new();
        // Each name's keys once: a name may have many spellings and many records bearing it.
        let mut named: Vec<Option<Option<Vec<u64>>>> = vec![None; catalog.spelled_name_count()];
        let mut name_keys = |id: SpelledName, chars: &mut Vec<char>| -> Option<Vec<u64>> {
            let cell = named.get_mut(id as usize)?;
            cell.get_or_insert_with(|| {
                let mut keys = Vec::new();
                for spelling in catalog.spellings_by_id(id) {
                    text_keys(spelling, chars, &mut keys);
                    keys.sort_unstable();
                    keys.dedup();
                    if keys.len() > MOST_KEYS_PER_NAME {
                        return None;
                    }
                }
                Some(keys)
            })
            .clone()
        };
        let mut lists: HashMap<u64, Vec<u32>, FixedState> = HashMap::default();
        let mut everyone = Vec::new();
        let mut keys = Vec::new();
        let mut scratch = String::new();
        for (position, &slot) in by_title.iter().enumerate() {
            let position = u32::try_from(position).unwrap_or(u32::MAX);
            let Some(record) = catalog.record_at(slot as usize) else {
                continue;
            };
            keys.clear();
            let mut unlisted = false;
            for_each_own_field(catalog, record, &mut scratch, |_, weight, value| {
                if weight != Weight::Title {
                    return;
                }
                match value {
                    FieldValue::Text(text) => text_keys(text.as_str(), &mut chars, &mut keys),
                    FieldValue::Spellings(id) => match name_keys(id, &mut chars) {
                        Some(more) => keys.extend(more),
                        None => unlisted = true,
                    },
                }
            });
            if unlisted {
                everyone.push(position);
                continue;
            }
            keys.sort_unstable();
            keys.dedup();
            for &key in &keys {
                lists.entry(key).or_default().push(position);
            }
        }
        debug_assert_eq!(by_title.len(), count);
        Self {
            by_title,
            lengths,
            lists: lists
                .into_iter()
                .map(|(key, list)| (key, list.into_boxed_slice()))
                .collect(),
            everyone: everyone.into_boxed_slice(),
        }
    }

    /// The positions listed under `key`, ascending.
    pub(super) fn list(&self, key: u64) -> &[u32] {
        self.lists.get(&key).map_or(&[], |list| list)
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
