//! How well one query word matched one field, and finding a word in a field as written: as a
//! whole word, at the start of a word, or inside one. These kinds, with the field's weight, are
//! what results are ranked by (see [`points`]).

use nucleo_matcher::{
    Utf32Str,
    chars::{normalize, to_lower_case},
};

use super::fields::Weight;

/// How a word matched a field, from worst to best.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchKind {
    /// Letters in order that start words: initials (`icfm`).
    Fuzzy,
    /// A word two edits away.
    TwoTypos,
    /// A word one edit away (a swap of two neighbouring letters is one).
    OneTypo,
    /// As written, inside a word (`akhstan`).
    Inside,
    /// As written, at the start of a word (`semipal`).
    Prefix,
    /// A whole word as written.
    Whole,
}

impl MatchKind {
    /// Whether the word is in the text as written (no typo, no letters left out).
    pub fn is_as_written(self) -> bool {
        self >= Self::Inside
    }

    /// The kind for a match `distance` edits away.
    pub fn typo(distance: usize) -> Self {
        if distance <= 1 {
            Self::OneTypo
        } else {
            Self::TwoTypos
        }
    }
}

/// What a word's match in a field counts for ranking. A match as written beats any typo or
/// initials wherever it is (a word spelt right should not lose to one spelt wrong); then a
/// title above a name above running text above a related record's name; then the kind.
pub fn points(kind: MatchKind, weight: Weight) -> u32 {
    let as_written = if kind.is_as_written() { AS_WRITTEN } else { 0 };
    as_written + weight.factor() * 1_000 + (kind as u32 + 1) * 10
}

/// The least a match as written scores: below it, a word matched only with typos or as
/// initials, and typos are still worth looking for.
pub const AS_WRITTEN: u32 = 10_000;

/// The most a word can score in a field of `weight`: a whole word there.
pub fn best_possible(weight: Weight) -> u32 {
    points(MatchKind::Whole, weight)
}

/// Whether `c` belongs to a word: letters and digits.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// A word's letters as matched against text: folded to lowercase unless the word has capitals
/// (smart case), and matched against text with its accents dropped when the word has none.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Letters {
    chars: Vec<char>,
    respect_case: bool,
    drop_accents: bool,
    /// Whether they are all digits: a number starts a number, never continues one.
    numeric: bool,
}

impl Letters {
    /// The letters of `word`.
    pub fn new(word: &str) -> Self {
        let respect_case = word.chars().any(char::is_uppercase);
        let chars: Vec<char> = if respect_case {
            word.chars().collect()
        } else {
            word.chars().map(to_lower_case).collect()
        };
        Self {
            numeric: !chars.is_empty() && chars.iter().all(char::is_ascii_digit),
            drop_accents: word.is_ascii(),
            respect_case,
            chars,
        }
    }

    /// The letters.
    pub fn chars(&self) -> &[char] {
        &self.chars
    }

    /// Whether the word has capitals and so matches only text with them.
    pub fn respects_case(&self) -> bool {
        self.respect_case
    }

    /// Whether the word is a number.
    pub fn is_numeric(&self) -> bool {
        self.numeric
    }

    /// A character of the text as these letters compare with it.
    pub fn fold(&self, c: char) -> char {
        let c = if self.drop_accents { normalize(c) } else { c };
        if self.respect_case {
            c
        } else {
            to_lower_case(c)
        }
    }

    /// The best place the word is in `haystack` as written, filling `indices` with its
    /// positions: a whole word rather than the start of one, rather than inside one. A number
    /// never matches in the middle of a number (`005` is not in `2005`).
    pub fn find(&self, haystack: Utf32Str<'_>, indices: &mut Vec<u32>) -> Option<MatchKind> {
        indices.clear();
        let n = self.chars.len();
        let length = haystack.len();
        if n == 0 || n > length {
            return None;
        }
        let first = self.chars[0];
        let mut best: Option<(MatchKind, usize)> = None;
        let mut start = 0;
        while start + n <= length {
            let Some(found) = self.next_first(haystack, first, start, length - n) else {
                break;
            };
            start = found + 1;
            if !(1..n).all(|k| self.fold(haystack.get((found + k) as u32)) == self.chars[k]) {
                continue;
            }
            let before = (found > 0).then(|| haystack.get(found as u32 - 1));
            if self.numeric && before.is_some_and(|c| c.is_ascii_digit()) {
                continue;
            }
            let after = (found + n < length).then(|| haystack.get((found + n) as u32));
            let starts = !before.is_some_and(is_word_char) || !is_word_char(first);
            let ends = !after.is_some_and(is_word_char) || !is_word_char(self.chars[n - 1]);
            let kind = match (starts, ends) {
                (true, true) => MatchKind::Whole,
                (true, false) => MatchKind::Prefix,
                _ => MatchKind::Inside,
            };
            if best.is_none_or(|(b, _)| kind > b) {
                best = Some((kind, found));
                if kind == MatchKind::Whole {
                    break;
                }
            }
        }
        let (kind, at) = best?;
        indices.extend((at..at + n).map(|i| i as u32));
        Some(kind)
    }

    /// The next position from `start` up to `last` whose character folds to `first`.
    fn next_first(
        &self,
        haystack: Utf32Str<'_>,
        first: char,
        start: usize,
        last: usize,
    ) -> Option<usize> {
        if let (Utf32Str::Ascii(bytes), true) = (haystack, first.is_ascii()) {
            let lower = first as u8;
            let upper = if self.respect_case {
                lower
            } else {
                lower.to_ascii_uppercase()
            };
            let window = bytes.get(start..=last)?;
            return memchr::memchr2(lower, upper, window).map(|at| start + at);
        }
        (start..=last).find(|&at| self.fold(haystack.get(at as u32)) == first)
    }
}

/// Whether the matched `indices` (ascending) are initials: two or more runs of letters, each
/// starting a word, with at most one word skipped between runs (`icfm` in "Islamic Conference
/// of Foreign Ministers"), never letters picked out of the middle of words.
pub fn are_initials(indices: &[u32], haystack: Utf32Str<'_>) -> bool {
    let starts_word = |position: u32| {
        position == 0 || {
            let before = haystack.get(position - 1);
            let here = haystack.get(position);
            !is_word_char(before) || (before.is_lowercase() && here.is_uppercase())
        }
    };
    let Some(&first) = indices.first() else {
        return false;
    };
    if !starts_word(first) {
        return false;
    }
    let mut runs = 1;
    for pair in indices.windows(2) {
        let (end, next) = (pair[0], pair[1]);
        if next == end + 1 {
            continue;
        }
        runs += 1;
        let skipped = (end + 1..next)
            .filter(|&p| starts_word(p) && is_word_char(haystack.get(p)))
            .count();
        if !starts_word(next) || skipped > 1 {
            return false;
        }
    }
    runs >= 2
}

#[cfg(test)]
mod tests {
    use nucleo_matcher::Utf32String;

    use super::*;

    fn find(word: &str, text: &str) -> Option<MatchKind> {
        let haystack = Utf32String::from(text);
        Letters::new(word).find(haystack.slice(..), &mut Vec::new())
    }

    #[test]
    fn whole_word_beats_prefix_beats_inside() {
        assert_eq!(
            find("kazakh", "Kazakhstan and Kazakh delegations"),
            Some(MatchKind::Whole)
        );
        assert_eq!(find("kazakh", "Kazakhstan"), Some(MatchKind::Prefix));
        assert_eq!(find("akhstan", "Kazakhstan"), Some(MatchKind::Inside));
        assert_eq!(find("baku", "in Baku."), Some(MatchKind::Whole));
        assert_eq!(find("zebra", "in Baku."), None);
    }

    #[test]
    fn case_is_smart_and_accents_fold_for_plain_words() {
        assert_eq!(find("baku", "BAKU"), Some(MatchKind::Whole));
        assert_eq!(find("Baku", "baku"), None);
        assert_eq!(find("cafe", "Café noir"), Some(MatchKind::Whole));
        assert_eq!(find("café", "cafe noir"), None);
    }

    #[test]
    fn a_number_starts_a_number() {
        assert_eq!(find("2005", "2005-09"), Some(MatchKind::Whole));
        assert_eq!(find("200", "in 2005"), Some(MatchKind::Prefix));
        assert_eq!(find("005", "in 2005"), None);
        assert_eq!(find("33", "33rd"), Some(MatchKind::Prefix));
    }

    #[test]
    fn initials_start_words() {
        let text = Utf32String::from("Islamic Conference of Foreign Ministers");
        assert!(are_initials(&[0, 8, 22, 30], text.slice(..)));
        assert!(!are_initials(&[1, 8], text.slice(..)), "not a word's start");
        let text = Utf32String::from("disaster-hit regions");
        assert!(
            !are_initials(&[5, 6, 9, 13], text.slice(..)),
            "tehr is no initials"
        );
    }

    #[test]
    fn a_match_as_written_outranks_any_typo() {
        assert!(
            points(MatchKind::Inside, Weight::Related) > points(MatchKind::OneTypo, Weight::Title)
        );
        assert!(points(MatchKind::Prefix, Weight::Title) > points(MatchKind::Whole, Weight::Text));
        assert!(
            points(MatchKind::OneTypo, Weight::Title) > points(MatchKind::Fuzzy, Weight::Title)
        );
    }
}
