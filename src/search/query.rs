//! A parsed query and how one of its words matches one field: fuzzy first, then with typos.

use nucleo_matcher::{
    Matcher, Utf32Str,
    pattern::{Atom, AtomKind, CaseMatching, Normalization, Pattern},
};

use super::{
    prefilter::Needle,
    scope::{SCOPE_NAMES, Scope, parse_scope},
};

/// A query: words matched independently, each in whichever field of a record suits it best.
///
/// Each word is matched fuzzily (`nucleo-matcher`, smart case, fzf syntax: `'exact`, `^prefix`,
/// `suffix$`, `!not`); a word that does not match is retried allowing typos in title and name
/// fields.
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
    /// The same word matched as written, for running text (`None` when `atom` is not fuzzy).
    as_written: Option<Atom>,
    /// The word for the prefilter, lowercased (empty for a `!word`).
    pub(crate) needle: Needle,
    /// The word for typo matching: lowercased unless it has capitals (smart case).
    typo_needle: Vec<char>,
    respect_case: bool,
    /// Whether the word is a number (a year, an amount): matched as the start of a number in
    /// the text, never as digits scattered over it, and never with a typo.
    numeric: bool,
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

/// How many edits a word of `length` letters may be off by, or `None` when it is too short
/// for typos: shorter words would match too much.
pub(crate) fn typo_allowance(length: usize) -> Option<usize> {
    match length {
        0..=3 => None,
        4..=7 => Some(1),
        _ => Some(2),
    }
}

/// The fewest edits (Damerau–Levenshtein) between `needle` and `word` or a beginning of it a
/// letter shorter, as long, or a letter longer than the needle; `None` when the first letters
/// differ (typos are rare there, and requiring it keeps short words from matching).
pub(crate) fn typo_distance(needle: &[char], word: &[char]) -> Option<usize> {
    if needle.first() != word.first() {
        return None;
    }
    let n = needle.len();
    [n.saturating_sub(1), n, n + 1, word.len()]
        .into_iter()
        .filter(|&length| length > 0 && length <= word.len())
        .map(|length| edit_distance(needle, &word[..length]))
        .min()
}

/// Damerau–Levenshtein distance in its optimal-string-alignment form (no substring edited
/// twice, which for typos of one or two letters is the same), on the stack for words of up
/// to 31 letters: typo lookups compare a query word with many thousands of words.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    const MAX: usize = 31;
    if a.len() > MAX || b.len() > MAX {
        return strsim::generic_damerau_levenshtein(a, b);
    }
    let mut before_previous = [0usize; MAX + 1];
    let mut previous = [0usize; MAX + 1];
    let mut current = [0usize; MAX + 1];
    for (j, cell) in previous.iter_mut().enumerate().take(b.len() + 1) {
        *cell = j;
    }
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut distance = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                distance = distance.min(before_previous[j - 2] + 1);
            }
            current[j] = distance;
        }
        before_previous = previous;
        previous = current;
    }
    previous[b.len()]
}

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
                let letters: Vec<char> = atom.needle_text().chars().collect();
                let respect_case = letters.iter().any(|c| c.is_uppercase());
                let typo_needle = if respect_case {
                    letters.clone()
                } else {
                    letters.iter().flat_map(|c| c.to_lowercase()).collect()
                };
                let needle = if atom.negative {
                    Needle::default()
                } else {
                    Needle::new(&letters.iter().collect::<String>())
                };
                let as_written = (atom.kind == AtomKind::Fuzzy && !atom.negative).then(|| {
                    let text: String = letters.iter().collect();
                    Atom::new(
                        &text,
                        CaseMatching::Smart,
                        Normalization::Smart,
                        AtomKind::Substring,
                        false,
                    )
                });
                let numeric =
                    !typo_needle.is_empty() && typo_needle.iter().all(char::is_ascii_digit);
                QueryWord {
                    atom,
                    as_written,
                    needle,
                    typo_needle,
                    respect_case,
                    numeric,
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

    /// The prefilter needles of the words that find records (not the `!words`).
    pub(crate) fn needles(&self) -> impl Iterator<Item = &Needle> {
        self.words
            .iter()
            .filter(|word| !word.is_negative())
            .map(|word| &word.needle)
    }

    /// Whether every record passing this query's prefilter passed `previous`'s: the earlier
    /// scopes still there (more allowed), and each earlier word inside the word now in its
    /// place, as typing makes it (more words allowed). Then searching `previous`'s survivors
    /// finds exactly what a full search would.
    pub fn narrows(&self, previous: &Query) -> bool {
        let kept_scopes = previous
            .scopes
            .iter()
            .all(|scope| self.scopes.contains(scope));
        if !kept_scopes || !self.problems.is_empty() || !previous.problems.is_empty() {
            return false;
        }
        let mut now = self.needles();
        previous
            .needles()
            .all(|earlier| now.next().is_some_and(|needle| earlier.is_within(needle)))
    }
}

/// Whether the matched `indices` are one run of digits at the start of a number in `haystack`.
fn starts_a_number(indices: &[u32], haystack: Utf32Str<'_>) -> bool {
    let (Some(&first), Some(&last)) = (indices.first(), indices.last()) else {
        return false;
    };
    let contiguous = (last - first) as usize + 1 == indices.len();
    let at_start = first == 0 || !haystack.get(first - 1).is_ascii_digit();
    contiguous && at_start
}

impl QueryWord {
    /// Whether this word excludes records (`!word`) instead of finding them.
    pub(crate) fn is_negative(&self) -> bool {
        self.atom.negative
    }

    /// Whether a failed fuzzy match may be retried with typos.
    pub(crate) fn allows_typos(&self) -> bool {
        self.atom.kind == AtomKind::Fuzzy
            && !self.atom.negative
            && !self.numeric
            && typo_allowance(self.typo_needle.len()).is_some()
    }

    /// The letters the vocabulary is searched with.
    pub(crate) fn typo_letters(&self) -> Vec<char> {
        self.typo_needle
            .iter()
            .flat_map(|c| c.to_lowercase())
            .collect()
    }

    /// Scores this word against one field, filling `indices` with the matched positions
    /// (grapheme indices): fuzzily when `fuzzy` (and then the match must be plausible, see
    /// [`plausible`]), else as written.
    pub(crate) fn match_field(
        &self,
        haystack: Utf32Str<'_>,
        fuzzy: bool,
        matcher: &mut Matcher,
        indices: &mut Vec<u32>,
    ) -> Option<u16> {
        indices.clear();
        let atom = match (&self.as_written, fuzzy) {
            (Some(as_written), false) => as_written,
            _ => &self.atom,
        };
        let score = atom.indices(haystack, matcher, indices)?;
        indices.sort_unstable();
        indices.dedup();
        if self.numeric && atom.kind == AtomKind::Fuzzy {
            // `2005` is 2005 or 20051…, never the 2, 0, 0, 5 of "2000-11-05".
            return starts_a_number(indices, haystack)
                .then_some(score)
                .or_else(|| {
                    indices.clear();
                    None
                });
        }
        if atom.kind != AtomKind::Fuzzy || plausible(indices, haystack) {
            Some(score)
        } else {
            indices.clear();
            None
        }
    }

    /// Finds the word of `haystack` closest to this one within its typo allowance.
    pub(crate) fn match_with_typos(
        &self,
        haystack: Utf32Str<'_>,
        indices: &mut Vec<u32>,
    ) -> Option<u16> {
        indices.clear();
        let needle = &self.typo_needle;
        let allowed = typo_allowance(needle.len())?;
        let mut best: Option<(usize, usize, usize)> = None; // (distance, start, length)
        let mut word: Vec<char> = Vec::with_capacity(32);
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
            if let Some(distance) = typo_distance(needle, &word)
                && distance <= allowed
                && best.is_none_or(|(d, ..)| distance < d)
            {
                best = Some((distance, start, needle.len().min(end - start)));
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
    #[test]
    fn edit_distance_agrees_with_damerau_levenshtein_on_typos() {
        let words = [
            "kazakhstan",
            "kazakstan",
            "kazkahstan",
            "summit",
            "sumit",
            "smumit",
            "baku",
            "bkau",
            "abc",
            "ca",
            "islamic",
            "islamci",
            "conference",
            "confernece",
            "a",
            "",
        ];
        for a in words {
            for b in words {
                let a: Vec<char> = a.chars().collect();
                let b: Vec<char> = b.chars().collect();
                let expected = strsim::generic_damerau_levenshtein(&a, &b);
                let got = edit_distance(&a, &b);
                // The two differ only where a substring is edited twice (ca -> abc).
                assert!(
                    got == expected || (got > expected && got > 2),
                    "{a:?} {b:?}"
                );
            }
        }
    }

    use nucleo_matcher::{Config, Utf32String};

    use super::*;

    fn matches(query: &str, text: &str) -> Option<Vec<u32>> {
        let query = Query::parse(query);
        let haystack = Utf32String::from(text);
        let mut matcher = Matcher::new(Config::DEFAULT);
        let mut indices = Vec::new();
        let mut all = Vec::new();
        for word in query.words() {
            let found = word
                .match_field(haystack.slice(..), true, &mut matcher, &mut indices)
                .is_some()
                || (word.allows_typos()
                    && word
                        .match_with_typos(haystack.slice(..), &mut indices)
                        .is_some());
            if !found {
                return None;
            }
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

    #[test]
    fn extending_a_word_or_adding_one_narrows() {
        let previous = Query::parse("bak");
        assert!(Query::parse("baku").narrows(&previous));
        assert!(Query::parse("baku summit").narrows(&previous));
        assert!(Query::parse("abak").narrows(&Query::parse("bak")));
        assert!(
            !Query::parse("baku").narrows(&Query::parse("bk")),
            "letters apart may match apart"
        );
        assert!(
            !Query::parse("ba").narrows(&previous),
            "a shorter word widens"
        );
        assert!(!Query::parse("bax").narrows(&Query::parse("bak")));
        assert!(
            Query::parse("y:2005 baku").narrows(&previous),
            "a scope only narrows"
        );
        assert!(
            !Query::parse("baku").narrows(&Query::parse("y:2005 bak")),
            "dropping a scope widens"
        );
        assert!(
            Query::parse("baku !summit").narrows(&previous),
            "a !word only removes"
        );
    }
}
