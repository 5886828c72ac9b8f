//! Search in the source document itself: the paragraphs holding every word of the query
//! (compared folded as records' text is: case, accents and compatibility forms; `!word` excludes, `'word` is a whole word, a
//! number starts a number, and `^`, `$` are read as plain words here: a paragraph is no field),
//! each with where its first word is, so the Source tab can open at that passage. Small and
//! exact by design: the source is one document, read in place, without typos.

use memchr::memmem;

use super::{
    query::Query,
    scope::Scope,
    text_form::{FoldedText, folded_query},
};
use crate::data::{Catalog, Tab};

/// The most paragraphs a search lists.
pub const SOURCE_HIT_CAP: usize = 500;

/// A paragraph that holds the query's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SourceHit {
    /// The paragraph, counting from 1.
    pub paragraph: u32,
    /// Where the first word's first match starts in the paragraph, in bytes.
    pub at: usize,
    /// How long that match is, in bytes.
    pub len: usize,
}

/// The paragraphs of `catalog`'s source that hold every word of `query`, in document order.
/// A scope on records (`year:`, `kind:`, `place:`, or `tab:` other than `tab:source`) leaves
/// the source out.
pub fn source_hits(catalog: &Catalog, query: &Query) -> Vec<SourceHit> {
    // The source alone, not the passages: searching never waits on working those out.
    let Some(source) = catalog.source() else {
        return Vec::new();
    };
    // A query with a wrong scope finds nothing among the records; nor here.
    if !query.problems().is_empty() {
        return Vec::new();
    }
    let scopes = query.scopes();
    let on_records = scopes.iter().any(|scope| !matches!(scope, Scope::Tab(_)));
    let tabs: Vec<Tab> = scopes
        .iter()
        .filter_map(|scope| match scope {
            Scope::Tab(tab) => Some(*tab),
            _ => None,
        })
        .collect();
    if on_records || (!tabs.is_empty() && !tabs.contains(&Tab::Source)) {
        return Vec::new();
    }
    let (wanted, unwanted) = words(query.text());
    // `tab:source` alone lists every paragraph (but those a `!word` excludes), as `tab:funding`
    // alone lists every record of its tab.
    if wanted.is_empty() && !tabs.contains(&Tab::Source) {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for number in 1..=u32::try_from(source.paragraph_count()).unwrap_or(0) {
        let Some(folded) = source.paragraph_folded(number) else {
            continue;
        };
        if unwanted.iter().any(|word| word.find(folded).is_some()) {
            continue;
        }
        let found: Option<Vec<(usize, usize)>> =
            wanted.iter().map(|word| word.find(folded)).collect();
        let Some(found) = found else { continue };
        let (at, len) = found.first().copied().unwrap_or((0, 0));
        hits.push(SourceHit {
            paragraph: number,
            at,
            len,
        });
        if hits.len() == SOURCE_HIT_CAP {
            break;
        }
    }
    hits
}

/// A word of the query as the source is searched for it: folded as records' text is compared
/// (case, accents and compatibility forms: `TEHRAN`, `Bakü` and `ｔｅｈｒａｎ` are found as
/// `tehran` and `baku` are), and a straight apostrophe also finds the source's curly one.
struct Word {
    spellings: Vec<String>,
    /// A `'word`: only where neither a letter nor a digit is either side.
    whole: bool,
    /// All digits: only at the start of a number (`006` is not in 2006).
    numeric: bool,
}

impl Word {
    fn new(word: &str, whole: bool) -> Self {
        let word = folded_query(word);
        let mut spellings = vec![word.clone()];
        if word.contains('\'') {
            spellings.push(word.replace('\'', "’"));
        }
        Self {
            numeric: word.chars().all(|c| c.is_ascii_digit()),
            spellings,
            whole,
        }
    }

    /// Whether a match at `at`, `len` bytes long, stands as the word wants in `haystack`.
    fn stands(&self, haystack: &str, at: usize, len: usize) -> bool {
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + len..].chars().next();
        if self.numeric && before.is_some_and(|c| c.is_ascii_digit()) {
            return false;
        }
        !self.whole
            || !(before.is_some_and(char::is_alphanumeric)
                || after.is_some_and(char::is_alphanumeric))
    }

    /// Where the word first is in a paragraph, folded as search compares it, and how long the
    /// match is: both in bytes of the paragraph as written.
    fn find(&self, paragraph: &FoldedText) -> Option<(usize, usize)> {
        let haystack = paragraph.as_str();
        let (at, len) = self
            .spellings
            .iter()
            .filter_map(|spelling| {
                memmem::find_iter(haystack.as_bytes(), spelling.as_bytes())
                    .find(|&at| self.stands(haystack, at, spelling.len()))
                    .map(|at| (at, spelling.len()))
            })
            .min()?;
        let start = paragraph.written_at(at);
        Some((start, paragraph.written_at(at + len) - start))
    }
}

/// The query's plain words and its `!` words, scopes left out.
fn words(text: &str) -> (Vec<Word>, Vec<Word>) {
    let mut wanted = Vec::new();
    let mut unwanted = Vec::new();
    for token in text.split_whitespace() {
        if token.contains(':') && super::scope::parse_scope(token).is_some() {
            continue;
        }
        let (negated, word) = match token.strip_prefix('!') {
            Some(rest) => (true, rest),
            None => (false, token),
        };
        let whole = word.starts_with('\'');
        let word = word.trim_start_matches(['\'', '^']).trim_end_matches('$');
        if word.is_empty() || word.ends_with(':') {
            continue;
        }
        if negated {
            unwanted.push(Word::new(word, whole));
        } else {
            wanted.push(Word::new(word, whole));
        }
    }
    (wanted, unwanted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{SourceText, load_embedded};

    fn paragraphs(text: &str) -> Vec<u32> {
        let catalog = load_embedded().expect("loads");
        source_hits(&catalog, &Query::parse(text))
            .into_iter()
            .map(|hit| hit.paragraph)
            .collect()
    }

    /// Case, accents and fullwidth forms never stop a match in the source, as they never
    /// stop one in the records.
    #[test]
    fn the_source_is_searched_in_any_case_and_form() {
        for (plain, other) in [
            ("tehran", "TEHRAN"),
            ("tehran", "Tehran"),
            ("tehran", "ｔｅｈｒａｎ"),
            ("baku", "BAKU"),
            ("baku", "Bakü"),
            ("semipalatinsk", "SEMIPALATINSK"),
            ("aral semipalatinsk", "Aral Semipalatinsk"),
        ] {
            assert!(!paragraphs(plain).is_empty(), "{plain}");
            assert_eq!(paragraphs(other), paragraphs(plain), "{other}");
        }
    }

    /// A match found in the folded paragraph is placed where it is as written, however many
    /// bytes the letters before it fold from.
    #[test]
    fn a_match_after_accented_letters_is_placed_as_written() {
        let source = SourceText::new("Ålmaty, Qazaqstan — Türkiye and İstanbul met in Baku.");
        let paragraph = source.paragraph_folded(1).expect("a paragraph");
        let written = source.paragraph(1).expect("a paragraph");
        for (word, expected) in [
            ("baku", "Baku"),
            ("ISTANBUL", "İstanbul"),
            ("turkiye", "Türkiye"),
        ] {
            let (at, len) = Word::new(word, false).find(paragraph).expect(word);
            assert_eq!(&written[at..at + len], expected);
        }
    }

    #[test]
    fn every_word_must_be_in_the_paragraph() {
        assert_eq!(paragraphs("mekkah"), [11]);
        assert_eq!(paragraphs("Aral semipalatinsk"), [12, 13]);
        assert_eq!(paragraphs("aral !resolution"), [12]);
        assert_eq!(paragraphs("kazakhstan zzz"), Vec::<u32>::new());
        assert_eq!(paragraphs("'baku$"), [3, 13]);
    }

    #[test]
    fn a_quoted_word_is_whole_and_a_number_starts_a_number() {
        assert_eq!(paragraphs("'kazakh"), [3, 12, 15]);
        assert!(paragraphs("kazakh").len() > 3);
        assert!(
            !paragraphs("'20").contains(&4),
            "20 is only inside 2006 there"
        );
        assert!(!paragraphs("006").contains(&4), "nor is 006 a number there");
    }

    #[test]
    fn record_scopes_leave_the_source_out() {
        assert_eq!(paragraphs("year:2005 mekkah"), Vec::<u32>::new());
        assert_eq!(paragraphs("tab:timeline mekkah"), Vec::<u32>::new());
        assert_eq!(paragraphs("tab:source mekkah"), [11]);
        assert_eq!(paragraphs("tab:source").len(), 15, "alone, every paragraph");
        assert_eq!(paragraphs("tab:source !mekkah").len(), 14);
    }

    #[test]
    fn capitals_never_stop_a_match_and_apostrophes_match_either_way() {
        assert_eq!(paragraphs("Mekkah"), [11]);
        assert_eq!(paragraphs("MEKKAH"), [11]);
        assert_eq!(paragraphs("kazakhstan's"), paragraphs("kazakhstan’s"));
        assert!(!paragraphs("kazakhstan's").is_empty());
    }

    #[test]
    fn the_hit_is_where_the_first_word_is() {
        let catalog = load_embedded().expect("loads");
        let hits = source_hits(&catalog, &Query::parse("abdildin"));
        let hit = hits.first().expect("a hit");
        let paragraph = catalog
            .source()
            .and_then(|s| s.paragraph(hit.paragraph))
            .expect("¶");
        assert_eq!(&paragraph[hit.at..hit.at + hit.len], "Abdildin");
    }
}
