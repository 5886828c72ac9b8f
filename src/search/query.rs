//! A parsed query and how one of its words matches one field: as written first (a whole word,
//! a word's start, inside a word), then as initials in titles and names, then with typos.

use nucleo_matcher::{
    Matcher, Utf32Str,
    pattern::{Atom, AtomKind, CaseMatching, Normalization, Pattern},
};

use super::{
    prefilter::Needle,
    scope::{SCOPE_NAMES, Scope, parse_scope},
    text_form::{
        folded_char, folded_query, is_stop_word, money_words, split_joined, word_form_root,
    },
    word_match::{Letters, MatchKind, is_word_char},
};

/// A query: words matched independently, each in whichever field of a record suits it best.
///
/// Each word is put through the one text pipeline (`text_form`: NFKC, case folded, accents
/// dropped) and looked for as written; failing that, as one of its word forms (`summits`
/// finds "summit"); in titles and names also as initials; and, from five letters, with typos
/// in any field. A question's stop words (`when`, `did`) are left out unless they are all
/// there is; money is read as the records write it (`$10` is `usd 10`). The fzf operators:
/// `'word` a whole word exactly, `^word` a field that starts with it, `word$` one that ends
/// with it, `!word` none that holds it.
#[derive(Clone, Debug, Default)]
pub struct Query {
    text: String,
    words: Vec<QueryWord>,
    scopes: Vec<Scope>,
    problems: Vec<String>,
    /// The stop words left out, as typed.
    ignored: Vec<String>,
}

#[derive(Clone, Debug)]
pub(crate) struct QueryWord {
    pub(crate) atom: Atom,
    /// The word's letters, for finding it as written and with typos.
    letters: Letters,
    /// Whether it is found by [`Letters::find`] (a plain word or a `'word`), not by the atom.
    as_written: bool,
    /// The letters its other word forms start with, for a plain word that has them.
    form: Option<Letters>,
    /// A `'word`: only a whole word, as written.
    whole_only: bool,
    /// The word for the prefilter, lowercased (empty for a `!word`).
    pub(crate) needle: Needle,
    /// A plain four-digit word read as a year: it also finds the events and programmes of
    /// that year, as `year:` does.
    pub(crate) year: Option<i32>,
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
/// for typos (below five letters a typo finds more noise than misspellings): one from five
/// letters, two from nine, as Meilisearch and Typesense allow by default.
pub(crate) fn typo_allowance(length: usize) -> Option<usize> {
    match length {
        0..=4 => None,
        5..=8 => Some(1),
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
        let folded: Vec<String> = words_text
            .iter()
            .map(|w| folded_query(w))
            .flat_map(|w| split_joined(&w))
            .collect();
        let folded = money_words(&folded);
        // A stop word asks nothing of the records, unless it is all the query has.
        let is_plain = |word: &str| word.chars().next().is_some_and(char::is_alphanumeric);
        let asks = |word: &String| !(is_plain(word) && is_stop_word(word));
        let (kept, ignored): (Vec<String>, Vec<String>) = if folded.iter().any(asks) {
            folded.into_iter().partition(asks)
        } else {
            (folded, Vec::new())
        };
        let pattern = Pattern::parse(&kept.join(" "), CaseMatching::Ignore, Normalization::Smart);
        let mut words: Vec<QueryWord> = pattern
            .atoms
            .into_iter()
            .map(|atom| {
                let text: String = atom.needle_text().chars().collect();
                let letters = Letters::new(&text);
                let plain = atom.kind == AtomKind::Fuzzy && !atom.negative;
                let form = plain.then(|| word_form_root(&text)).flatten();
                // The prefilter keeps every record a word form could match.
                let needle = match (&form, atom.negative) {
                    (_, true) => Needle::default(),
                    (Some(root), false) => Needle::new(root),
                    (None, false) => Needle::new(&text),
                };
                let form = form.map(|root| Letters::new(&root));
                let whole_only = atom.kind == AtomKind::Substring && !atom.negative;
                let year = (plain && letters.is_numeric() && text.len() == 4)
                    .then(|| text.parse().ok())
                    .flatten();
                QueryWord {
                    atom,
                    letters,
                    form,
                    as_written: plain || whole_only,
                    whole_only,
                    needle,
                    year,
                }
            })
            .collect();
        // A word given twice asks nothing more, and would cost a second pass.
        let mut seen: Vec<(String, AtomKind, bool)> = Vec::new();
        words.retain(|word| {
            let key = (
                word.atom.needle_text().chars().collect::<String>(),
                word.atom.kind,
                word.atom.negative,
            );
            let new = !seen.contains(&key);
            if new {
                seen.push(key);
            }
            new
        });
        Self {
            text: text.to_string(),
            words,
            scopes,
            problems,
            ignored,
        }
    }

    /// How many of its words find records (not `!words`).
    pub(crate) fn finding_words(&self) -> usize {
        self.words.iter().filter(|word| !word.is_negative()).count()
    }

    /// The query with only its word at `index` (and its scopes).
    pub(crate) fn only(&self, index: usize) -> Self {
        Self {
            words: self.words.get(index).cloned().into_iter().collect(),
            ..self.clone()
        }
    }

    /// The query without its word at `index`.
    pub(crate) fn without(&self, index: usize) -> Self {
        let mut fewer = self.clone();
        if index < fewer.words.len() {
            fewer.words.remove(index);
        }
        fewer
    }

    /// The query without its last word that finds records.
    pub(crate) fn without_last(&self) -> Self {
        match self.words.iter().rposition(|word| !word.is_negative()) {
            Some(index) => self.without(index),
            None => self.clone(),
        }
    }

    /// Its words as they are matched, the stop words left out: `kazakhstan join`.
    pub fn words_said(&self) -> String {
        let words: Vec<String> = self.words.iter().map(QueryWord::said).collect();
        words.join(" ")
    }

    /// The stop words the query left out.
    pub fn ignored(&self) -> &[String] {
        &self.ignored
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

    /// Whether it has words that find records (not only scopes and `!words`): only those
    /// rank; otherwise records keep their tabs' order.
    pub fn ranks(&self) -> bool {
        self.words.iter().any(|word| !word.is_negative())
    }

    /// The scopes that narrow the records.
    pub fn scopes(&self) -> &[Scope] {
        &self.scopes
    }

    /// The same query narrowed by `scope` too, its text unchanged (a tab's filter is a
    /// search of that tab alone).
    pub fn with_scope(mut self, scope: Scope) -> Self {
        if !self.scopes.contains(&scope) {
            self.scopes.push(scope);
        }
        self
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
        // A scope of a name already there widens (`y:1997 y:2000` is either year).
        let same_name =
            |a: &Scope, b: &Scope| std::mem::discriminant(a) == std::mem::discriminant(b);
        let widened = self.scopes.iter().any(|scope| {
            !previous.scopes.contains(scope)
                && previous
                    .scopes
                    .iter()
                    .any(|earlier| same_name(earlier, scope))
        });
        if !kept_scopes || widened || !self.problems.is_empty() || !previous.problems.is_empty() {
            return false;
        }
        // A year finds records by their dates, which the earlier word's survivors may lack.
        let years_kept = self
            .words
            .iter()
            .filter(|word| word.year.is_some())
            .all(|word| {
                previous
                    .words
                    .iter()
                    .any(|earlier| earlier.year == word.year)
            });
        let mut now = self.needles();
        years_kept
            && previous
                .needles()
                .all(|earlier| now.next().is_some_and(|needle| earlier.is_within(needle)))
    }
}

impl QueryWord {
    /// The word as the query gives it, with its operator (`!word`, `'word`).
    fn said(&self) -> String {
        let text: String = self.atom.needle_text().chars().collect();
        match (self.atom.negative, self.atom.kind) {
            (true, _) => format!("!{text}"),
            (false, AtomKind::Substring) => format!("'{text}"),
            (false, AtomKind::Prefix) => format!("^{text}"),
            (false, AtomKind::Postfix) => format!("{text}$"),
            (false, AtomKind::Exact) => format!("^{text}$"),
            (false, _) => text,
        }
    }

    /// For a plain word of letters and digits that is not a year: its first letters (at most
    /// `count`), and whether they are all of it. Such a word scores in a title at best as
    /// written at the start of a word there, or as a word form, which starts with the same
    /// letters (`word_form_root` keeps a beginning of the word); `None` for other words.
    pub(crate) fn title_start(&self, count: usize) -> Option<(&[char], bool)> {
        let letters = self.letters.chars();
        let plain = self.atom.kind == AtomKind::Fuzzy
            && !self.atom.negative
            && self.as_written
            && !self.whole_only
            && self.year.is_none();
        let form_starts_alike = self.form.as_ref().is_none_or(|form| {
            form.chars().len() >= count.min(letters.len())
                && form.chars()[..count.min(letters.len())] == letters[..count.min(letters.len())]
        });
        (plain
            && !letters.is_empty()
            && letters.iter().all(|c| c.is_alphanumeric())
            && form_starts_alike)
            .then(|| (&letters[..count.min(letters.len())], letters.len() <= count))
    }

    /// Whether this word excludes records (`!word`) instead of finding them.
    pub(crate) fn is_negative(&self) -> bool {
        self.atom.negative
    }

    /// Whether a word not found as written may be looked for with typos: a plain word of five
    /// letters or more that is not a number.
    pub(crate) fn allows_typos(&self) -> bool {
        self.atom.kind == AtomKind::Fuzzy
            && !self.atom.negative
            && !self.letters.is_numeric()
            && typo_allowance(self.letters.chars().len()).is_some()
    }

    /// The letters the vocabulary is searched with.
    pub(crate) fn typo_letters(&self) -> Vec<char> {
        self.letters
            .chars()
            .iter()
            .flat_map(|c| c.to_lowercase())
            .collect()
    }

    /// The word's letters, folded.
    pub(crate) fn folded(&self) -> String {
        self.letters.chars().iter().collect()
    }

    /// How this word matches one field, filling `indices` with the matched positions
    /// (grapheme indices): as written first; failing that, as initials when `fuzzy` (titles and
    /// names). A `!word` "matches" a field that lacks it.
    pub(crate) fn match_field(
        &self,
        haystack: Utf32Str<'_>,
        fuzzy: bool,
        matcher: &mut Matcher,
        indices: &mut Vec<u32>,
    ) -> Option<MatchKind> {
        indices.clear();
        if self.as_written {
            if let Some(kind) = self.letters.find(haystack, self.whole_only, indices)
                && (!self.whole_only || kind == MatchKind::Whole)
            {
                return Some(kind);
            }
            indices.clear();
            // Another form of the word, at the start of a word: `summits` in "summit".
            if let Some(form) = &self.form
                && let Some(MatchKind::Whole | MatchKind::Prefix) =
                    form.find(haystack, false, indices)
            {
                return Some(MatchKind::Form);
            }
            indices.clear();
            if self.whole_only || self.letters.is_numeric() || !fuzzy {
                return None;
            }
            return self
                .letters
                .initials(haystack, indices)
                .then_some(MatchKind::Fuzzy);
        }
        // `^word`, `word$`, `^word$` and `!word`: the atom decides.
        self.atom.indices(haystack, matcher, indices)?;
        indices.sort_unstable();
        indices.dedup();
        Some(MatchKind::Whole)
    }

    /// Finds the word of `haystack` closest to this one within its typo allowance.
    pub(crate) fn match_with_typos(
        &self,
        haystack: Utf32Str<'_>,
        indices: &mut Vec<u32>,
    ) -> Option<MatchKind> {
        indices.clear();
        let needle = self.letters.chars();
        let allowed = typo_allowance(needle.len())?;
        let mut best: Option<(usize, usize, usize)> = None; // (distance, start, length)
        let mut word: Vec<char> = Vec::with_capacity(32);
        for (start, end) in words(haystack) {
            word.clear();
            for position in start..end {
                word.push(folded_char(haystack.get(position as u32)));
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
        Some(MatchKind::typo(distance))
    }
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
        assert!(
            matches("semipalatinks", "Region of Semipalatinsk").is_some(),
            "a swap is one edit"
        );
        assert_eq!(
            matches("bkau", "in Baku"),
            None,
            "four letters allow no typo"
        );
        assert!(
            matches("tehrn", "in Tehran").is_some(),
            "five letters allow one"
        );
        assert_eq!(
            matches("thern", "in Tehran"),
            None,
            "the first letter must be right"
        );
        assert_eq!(
            matches("tehxxn", "in Tehran"),
            None,
            "six letters allow one edit only"
        );
        assert!(
            matches("semipalatnks", "Region of Semipalatinsk").is_some(),
            "nine letters allow two"
        );
    }

    #[test]
    fn a_quoted_word_is_a_whole_word() {
        assert!(matches("'kazakh", "Kazakh delegations").is_some());
        assert_eq!(matches("'kazakh", "Kazakhstan"), None);
        assert_eq!(matches("'religion", "religions"), None);
        assert!(matches("'religion", "religions and religion").is_some());
        assert_eq!(matches("'kazakstan", "Kazakhstan"), None, "and no typo");
    }

    #[test]
    fn fields_start_and_end_with_anchored_words() {
        assert!(matches("^kazakh", "Kazakhstan joins the OIC").is_some());
        assert_eq!(matches("^oic", "Kazakhstan joins the OIC"), None);
        assert!(matches("oic$", "Kazakhstan joins the OIC").is_some());
    }

    #[test]
    fn case_never_stops_a_match() {
        assert!(matches("baku", "BAKU").is_some());
        assert!(matches("Baku", "baku").is_some());
        assert!(matches("ＢＡＫＵ", "in Baku").is_some());
    }

    #[test]
    fn a_word_form_matches_below_the_word_itself() {
        let kind = |query: &str, text: &str| {
            let word = Query::parse(query).words[0].clone();
            let haystack = Utf32String::from(text);
            let mut matcher = Matcher::new(Config::DEFAULT);
            word.match_field(haystack.slice(..), true, &mut matcher, &mut Vec::new())
        };
        assert_eq!(kind("summits", "8th OIC Summit"), Some(MatchKind::Form));
        assert_eq!(
            kind("religion", "Religious dialogue"),
            Some(MatchKind::Form)
        );
        assert_eq!(kind("summit", "8th OIC Summit"), Some(MatchKind::Whole));
    }

    #[test]
    fn stop_words_are_left_out_unless_they_are_all() {
        let query = Query::parse("when did kazakhstan join");
        assert_eq!(query.words_said(), "kazakhstan join");
        assert_eq!(query.ignored(), ["when", "did"]);
        assert_eq!(Query::parse("the").words_said(), "the");
        assert_eq!(Query::parse("$10").words_said(), "usd 10");
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
        assert!(
            !Query::parse("2005").narrows(&Query::parse("200")),
            "a year also finds records by their dates, which 200 did not look at"
        );
        assert!(Query::parse("2005 baku").narrows(&Query::parse("2005 bak")));
        assert!(
            !Query::parse("y:1997 y:2000").narrows(&Query::parse("y:1997")),
            "a second year widens"
        );
        assert!(!Query::parse("p:nene p:a").narrows(&Query::parse("p:nene")));
        assert!(Query::parse("p:nene k:summit").narrows(&Query::parse("p:nene")));
    }
}
