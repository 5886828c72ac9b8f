//! A parsed query and how one of its words matches one field: fuzzy first, then with typos.

use super::scope::{SCOPE_NAMES, Scope, parse_scope};
use nucleo_matcher::{
    Matcher, Utf32Str,
    pattern::{Atom, AtomKind, CaseMatching, Normalization, Pattern},
};

/// A query: words matched independently, each in whichever field of a record suits it best.
///
/// Each word is matched fuzzily (`nucleo-matcher`, smart case, fzf syntax: `'exact`, `^prefix`,
/// `suffix$`, `!not`); a word that does not match is retried allowing typos.
#[derive(Clone, Debug, Default)]
pub struct Query {
    text: String,
    words: Vec<QueryWord>,
    scopes: Vec<Scope>,
    problems: Vec<String>,
}

#[derive(Clone, Debug)]
pub(crate) struct QueryWord {
    pub(crate) atom: Atom,
    /// The word for typo matching: lowercased unless it has capitals (smart case).
    typo_needle: Vec<char>,
    respect_case: bool,
}

/// Whether `token` is a scope name still waiting for its value (`year:`).
fn is_half_typed_scope(token: &str) -> bool {
    token.strip_suffix(':').is_some_and(|name| {
        let name = name.to_lowercase();
        SCOPE_NAMES
            .iter()
            .any(|(long, short)| name == *long || name == *short)
    })
}

/// The shortest word typo matching is tried for; shorter words match too much.
const TYPO_MIN_LENGTH: usize = 4;

impl Query {
    /// Parses the text typed at the prompt: scopes (`year:2005`) and words.
    pub fn parse(text: &str) -> Self {
        let mut scopes = Vec::new();
        let mut problems = Vec::new();
        let mut words_text = Vec::new();
        for token in text.split_whitespace() {
            match parse_scope(token) {
                Some(Ok(scope)) => scopes.push(scope),
                Some(Err(problem)) => problems.push(problem),
                None if is_half_typed_scope(token) => {}
                None => words_text.push(token),
            }
        }
        let pattern = Pattern::parse(
            &words_text.join(" "),
            CaseMatching::Smart,
            Normalization::Smart,
        );
        let words = pattern
            .atoms
            .into_iter()
            .map(|atom| {
                let needle: Vec<char> = atom.needle_text().chars().collect();
                let respect_case = needle.iter().any(|c| c.is_uppercase());
                let typo_needle = if respect_case {
                    needle
                } else {
                    needle.iter().flat_map(|c| c.to_lowercase()).collect()
                };
                QueryWord {
                    atom,
                    typo_needle,
                    respect_case,
                }
            })
            .collect();
        Self {
            text: text.to_string(),
            words,
            scopes,
            problems,
        }
    }

    /// The text as typed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether the query has neither words nor scopes.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.scopes.is_empty()
    }

    /// Whether the query has words to match (not only scopes).
    pub fn has_words(&self) -> bool {
        !self.words.is_empty()
    }

    /// The scopes that narrow the records.
    pub fn scopes(&self) -> &[Scope] {
        &self.scopes
    }

    /// What is wrong with the query's scopes, if anything; such a query finds nothing.
    pub fn problems(&self) -> &[String] {
        &self.problems
    }

    pub(crate) fn words(&self) -> &[QueryWord] {
        &self.words
    }
}

impl QueryWord {
    /// Whether this word excludes records (`!word`) instead of finding them.
    pub(crate) fn is_negative(&self) -> bool {
        self.atom.negative
    }

    /// Scores this word against one field, filling `indices` with the matched positions
    /// (grapheme indices). Falls back to typo matching when `typos` is set.
    pub(crate) fn match_field(
        &self,
        haystack: Utf32Str<'_>,
        matcher: &mut Matcher,
        indices: &mut Vec<u32>,
        typos: bool,
    ) -> Option<u16> {
        indices.clear();
        if let Some(score) = self.atom.indices(haystack, matcher, indices) {
            indices.sort_unstable();
            indices.dedup();
            if self.atom.kind != AtomKind::Fuzzy || plausible(indices, haystack) {
                return Some(score);
            }
        }
        indices.clear();
        if typos && self.atom.kind == AtomKind::Fuzzy && !self.atom.negative {
            return self.match_with_typos(haystack, indices);
        }
        None
    }

    /// Finds the word of `haystack` closest to this one within a small edit distance.
    fn match_with_typos(&self, haystack: Utf32Str<'_>, indices: &mut Vec<u32>) -> Option<u16> {
        let needle = &self.typo_needle;
        let allowed = match needle.len() {
            length if length < TYPO_MIN_LENGTH => return None,
            4..=7 => 1,
            _ => 2,
        };
        let mut best: Option<(usize, usize, usize)> = None; // (distance, start, length)
        let mut word: Vec<char> = Vec::new();
        for (start, end) in words(haystack) {
            word.clear();
            for position in start..end {
                let c = haystack.get(position as u32);
                if self.respect_case {
                    word.push(c);
                } else {
                    word.extend(c.to_lowercase());
                }
            }
            // Typos are rare in the first letter; requiring it keeps short words from matching.
            if word.first() != needle.first() {
                continue;
            }
            let lengths = [
                needle.len().saturating_sub(1),
                needle.len(),
                needle.len() + 1,
                word.len(),
            ];
            for length in lengths {
                if length == 0 || length > word.len() {
                    continue;
                }
                let distance = strsim::generic_damerau_levenshtein(needle, &word[..length]);
                if distance <= allowed && best.is_none_or(|(d, ..)| distance < d) {
                    best = Some((distance, start, length.min(end - start)));
                }
            }
        }
        let (distance, start, length) = best?;
        indices.extend((start..start + length).map(|i| i as u32));
        // Below any exact match of the same word: 16 points a letter is nucleo's base score.
        let score = (needle.len() * 12).saturating_sub(distance * 16).max(1);
        Some(u16::try_from(score).unwrap_or(u16::MAX))
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The `(start, end)` positions of each run of letters and digits.
fn words(haystack: Utf32Str<'_>) -> impl Iterator<Item = (usize, usize)> + '_ {
    let length = haystack.len();
    let mut position = 0;
    std::iter::from_fn(move || {
        while position < length && !is_word_char(haystack.get(position as u32)) {
            position += 1;
        }
        if position >= length {
            return None;
        }
        let start = position;
        while position < length && is_word_char(haystack.get(position as u32)) {
            position += 1;
        }
        Some((start, position))
    })
}

fn starts_word(haystack: Utf32Str<'_>, position: u32) -> bool {
    if position == 0 {
        return true;
    }
    let before = haystack.get(position - 1);
    let here = haystack.get(position);
    !is_word_char(before) || (before.is_lowercase() && here.is_uppercase())
}

/// Whether a fuzzy match reads as one a person meant: letters close together, or each
/// separate piece starting a word with at most one word skipped between pieces (`icfm` in
/// "Islamic Conference of Foreign Ministers"), not letters scattered across a paragraph.
fn plausible(indices: &[u32], haystack: Utf32Str<'_>) -> bool {
    let (Some(&first), Some(&last)) = (indices.first(), indices.last()) else {
        return true;
    };
    let span = (last - first + 1) as usize;
    if span <= indices.len() + 2 {
        return true;
    }
    indices.windows(2).all(|pair| {
        let (end, next) = (pair[0], pair[1]);
        next == end + 1
            || (starts_word(haystack, next)
                && (end + 1..next)
                    .filter(|&p| starts_word(haystack, p) && is_word_char(haystack.get(p)))
                    .count()
                    <= 1)
    })
}

#[cfg(test)]
mod tests {
    use nucleo_matcher::{Config, Utf32String};

    use super::*;

    fn matches(query: &str, text: &str) -> Option<Vec<u32>> {
        let query = Query::parse(query);
        let haystack = Utf32String::from(text);
        let mut matcher = Matcher::new(Config::DEFAULT);
        let mut indices = Vec::new();
        let mut all = Vec::new();
        for word in query.words() {
            word.match_field(haystack.slice(..), &mut matcher, &mut indices, true)?;
            all.extend_from_slice(&indices);
        }
        Some(all)
    }

    #[test]
    fn exact_partial_and_initials() {
        assert_eq!(matches("baku", "in Baku"), Some(vec![3, 4, 5, 6]));
        assert!(matches("karag", "Highway Gulshat – Karaganda").is_some());
        assert!(matches("icfm", "Islamic Conference of Foreign Ministers").is_some());
    }

    #[test]
    fn scattered_letters_do_not_match() {
        let text = "Kazakhstan became a member of the Organization of Islamic Conference";
        assert_eq!(matches("zebra", text), None);
        assert_eq!(matches("kmoc", text), None, "initials far apart");
    }

    #[test]
    fn typos_are_forgiven_in_longer_words() {
        assert!(matches("karagnada", "Highway Gulshat – Karaganda").is_some());
        assert!(matches("abdlidin", "Zhabaikhan Abdildin").is_some());
        assert!(matches("osakarvoka", "Osakarovka").is_some());
        assert!(matches("bkau", "in Baku").is_some(), "a swap is one edit");
        assert_eq!(
            matches("bxk", "in Baku"),
            None,
            "three letters allow no typo"
        );
        assert_eq!(
            matches("vaku", "in Baku"),
            None,
            "the first letter must be right"
        );
        assert_eq!(
            matches("bxxu", "in Baku"),
            None,
            "four letters allow one edit only"
        );
    }

    #[test]
    fn smart_case() {
        assert!(matches("baku", "BAKU").is_some());
        assert_eq!(matches("Baku", "baku"), None);
    }

    #[test]
    fn negation_excludes() {
        assert_eq!(matches("!baku", "in Baku"), None);
        assert!(matches("!baku", "in Doha").is_some());
    }
}
