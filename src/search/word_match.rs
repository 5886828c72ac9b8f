//! How well one query word matched one field, and finding a word in a field as written: as a
//! whole word, at the start of a word, or inside one. These kinds, with the field's weight, are
//! what results are ranked by (see [`points`]).

use nucleo_matcher::Utf32Str;

use super::{fields::Weight, text_form::folded_char};

mod initials;

/// How a word matched a field, from worst to best.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchKind {
    /// Letters in order that start words: initials (`icfm`).
    Fuzzy,
    /// A word two edits away.
    TwoTypos,
    /// A word one edit away (a swap of two neighbouring letters is one).
    OneTypo,
    /// Another form of the word (`summit` for `summits`), by its Snowball stem.
    Form,
    /// As written, inside a word (`akhstan`).
    Inside,
    /// As written, at the start of a word (`semipal`).
    Prefix,
    /// A whole word as written.
    Whole,
}

impl MatchKind {
    /// The kind for a match `distance` edits away.
    pub fn typo(distance: usize) -> Self {
        if distance <= 1 {
            Self::OneTypo
        } else {
            Self::TwoTypos
        }
    }
}

/// What a word's match in a field counts for ranking. A whole word, a word's start or one of
/// the word's forms beats a match inside a word wherever each is (`sea` is the Aral Sea before
/// "re*sea*rch"), which beats any typo or initials (a word spelt right should not lose to one spelt wrong); within
/// each, a title above a name above running text above a related record's name; then the kind.
pub fn points(kind: MatchKind, weight: Weight) -> u32 {
    let band = match kind {
        // A word form is the word a reader meant: in a title it beats the word as written
        // in running text; in the same field, the word as written beats it (by kind).
        MatchKind::Whole | MatchKind::Prefix | MatchKind::Form => 2 * AS_WRITTEN,
        MatchKind::Inside => AS_WRITTEN,
        _ => 0,
    };
    band + weight.factor() * 1_000 + (kind as u32 + 1) * 10
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

/// A word's letters as matched against text, both folded alike (`text_form`): case and
/// accents never stop a match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Letters {
    chars: Vec<char>,
    /// Whether they are all digits: a number starts a number, never continues one.
    numeric: bool,
    /// For each ASCII character, a bit for each position of the letters it folds to (for
    /// [`Self::could_be_initials`]).
    ascii_positions: Box<[u64; 128]>,
    /// The letters as bytes when all are ASCII, with the position of the rarest: ASCII text
    /// is searched for that one byte (as `RunningText` does), not for a common first letter.
    ascii: Option<(Box<[u8]>, usize)>,
}

/// The longest field searched whole for the best kind of match (see [`Letters::find`]):
/// titles, names and short summaries.
pub const THOROUGH_UP_TO: usize = 200;

/// Letters from most to least common in English text.
const COMMONEST_FIRST: &[u8] = b" etaoinshrdlcumwfgypbvkjxqz";

impl Letters {
    /// The letters of `word`.
    pub fn new(word: &str) -> Self {
        let chars: Vec<char> = word.chars().map(folded_char).collect();
        let mut ascii_positions = Box::new([0u64; 128]);
        for byte in 0..128u8 {
            let c = char::from(byte);
            let folded = c.to_ascii_lowercase();
            for (k, &letter) in chars.iter().enumerate().take(63) {
                if letter == folded {
                    ascii_positions[usize::from(byte)] |= 1 << k;
                }
            }
        }
        let ascii = chars.iter().all(char::is_ascii).then(|| {
            let bytes: Box<[u8]> = chars.iter().map(|&c| c as u8).collect();
            let rarity = |byte: u8| {
                COMMONEST_FIRST
                    .iter()
                    .position(|&c| c == byte.to_ascii_lowercase())
                    .unwrap_or(COMMONEST_FIRST.len())
            };
            let rarest = (0..bytes.len())
                .max_by_key(|&k| rarity(bytes[k]))
                .unwrap_or(0);
            (bytes, rarest)
        });
        Self {
            ascii,
            ascii_positions,
            numeric: !chars.is_empty() && chars.iter().all(char::is_ascii_digit),
            chars,
        }
    }

    /// The letters.
    pub fn chars(&self) -> &[char] {
        &self.chars
    }

    /// Whether the word is a number.
    pub fn is_numeric(&self) -> bool {
        self.numeric
    }

    /// A character of the text as these letters compare with it.
    #[inline]
    pub fn fold(&self, c: char) -> char {
        folded_char(c)
    }

    /// The best place the word is in `haystack` as written, filling `indices` with its
    /// positions: a whole word rather than the start of one, rather than inside one. A number
    /// never matches in the middle of a number (`005` is not in `2005`).
    ///
    /// In a field longer than [`THOROUGH_UP_TO`] the first occurrence decides, unless
    /// `whole_wanted` (a `'word` has to find a whole word wherever it is): running text is
    /// long, and reading all of it for a better kind would cost more than the kind is worth.
    pub fn find(
        &self,
        haystack: Utf32Str<'_>,
        whole_wanted: bool,
        indices: &mut Vec<u32>,
    ) -> Option<MatchKind> {
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
            let Some(found) = self.next_occurrence(haystack, start) else {
                break;
            };
            start = found + 1;
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
                if kind == MatchKind::Whole || !(whole_wanted || length <= THOROUGH_UP_TO) {
                    break;
                }
            }
        }
        let (kind, at) = best?;
        indices.extend((at..at + n).map(|i| i as u32));
        Some(kind)
    }

    /// The first position from `start` where the letters are, folded.
    fn next_occurrence(&self, haystack: Utf32Str<'_>, start: usize) -> Option<usize> {
        let n = self.chars.len();
        if let (Utf32Str::Ascii(bytes), Some((needle, rarest))) = (haystack, &self.ascii) {
            let rare = needle[*rarest];
            let (lower, upper) = (rare, rare.to_ascii_uppercase());
            let mut at = start + rarest;
            while let Some(hit) = memchr::memchr2(lower, upper, bytes.get(at..)?) {
                let begin = at + hit - rarest;
                let candidate = bytes.get(begin..begin + n)?;
                let same = candidate.eq_ignore_ascii_case(needle);
                if same {
                    return Some(begin);
                }
                at += hit + 1;
            }
            return None;
        }
        (start..=haystack.len().checked_sub(n)?)
            .find(|&at| (0..n).all(|k| self.fold(haystack.get((at + k) as u32)) == self.chars[k]))
    }
}

#[cfg(test)]
mod tests {
    use nucleo_matcher::Utf32String;

    use super::*;

    fn find(word: &str, text: &str) -> Option<MatchKind> {
        let haystack = Utf32String::from(text);
        Letters::new(word).find(haystack.slice(..), false, &mut Vec::new())
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
    fn in_a_long_field_the_first_occurrence_decides_unless_a_whole_word_is_wanted() {
        let text = format!("Kazakhstan {} and Kazakh delegations", "word ".repeat(50));
        let haystack = Utf32String::from(text.as_str());
        let letters = Letters::new("kazakh");
        let mut indices = Vec::new();
        assert_eq!(
            letters.find(haystack.slice(..), false, &mut indices),
            Some(MatchKind::Prefix)
        );
        assert_eq!(
            letters.find(haystack.slice(..), true, &mut indices),
            Some(MatchKind::Whole)
        );
    }

    #[test]
    fn case_and_accents_never_stop_a_match() {
        assert_eq!(find("baku", "BAKU"), Some(MatchKind::Whole));
        assert_eq!(find("Baku", "baku"), Some(MatchKind::Whole));
        assert_eq!(find("cafe", "Café noir"), Some(MatchKind::Whole));
        assert_eq!(find("café", "cafe noir"), Some(MatchKind::Whole));
    }

    #[test]
    fn a_number_starts_a_number() {
        assert_eq!(find("2005", "2005-09"), Some(MatchKind::Whole));
        assert_eq!(find("200", "in 2005"), Some(MatchKind::Prefix));
        assert_eq!(find("005", "in 2005"), None);
        assert_eq!(find("33", "33rd"), Some(MatchKind::Prefix));
    }

    proptest::proptest! {
        #[test]
        fn finding_agrees_with_looking_at_every_position(
            text in "[abcAB 1-]{0,30}",
            word in "[abB1]{1,4}",
            accented in proptest::bool::ANY,
        ) {
            // The same text beyond ASCII takes the other path.
            let text = if accented { format!("{text}é") } else { text };
            let letters = Letters::new(&word);
            let chars: Vec<char> = text.chars().collect();
            let n = letters.chars().len();
            let expected = (0..=chars.len().saturating_sub(n))
                .filter(|&at| at + n <= chars.len())
                .filter(|&at| (0..n).all(|k| letters.fold(chars[at + k]) == letters.chars()[k]))
                .filter(|&at| !(letters.is_numeric() && at > 0 && chars[at - 1].is_ascii_digit()))
                .map(|at| {
                    let starts = at == 0 || !is_word_char(chars[at - 1]);
                    let ends = at + n == chars.len() || !is_word_char(chars[at + n]);
                    match (starts, ends) {
                        (true, true) => MatchKind::Whole,
                        (true, false) => MatchKind::Prefix,
                        _ => MatchKind::Inside,
                    }
                })
                .max();
            let haystack = Utf32String::from(text.as_str());
            proptest::prop_assert_eq!(
                letters.find(haystack.slice(..), false, &mut Vec::new()),
                expected
            );
        }

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
        assert!(
            points(MatchKind::Whole, Weight::Text) > points(MatchKind::Inside, Weight::Name),
            "a word in a summary before a piece of a word in a category"
        );
    }
}
