//! Search in the source document itself: the paragraphs holding every word of the query
//! (letters compared without regard to ASCII case; `!word` excludes, and `'`, `^`, `$` are read
//! as plain words here), each with where its first word is, so the Source tab can open at that
//! passage. Small and exact by design: the source is one document, read in place.

use memchr::memmem;

use super::{query::Query, scope::Scope};
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
    let Some(first) = wanted.first() else {
        return Vec::new();
    };
    let finders: Vec<memmem::Finder<'_>> = wanted.iter().map(memmem::Finder::new).collect();
    let excluded: Vec<memmem::Finder<'_>> = unwanted.iter().map(memmem::Finder::new).collect();
    let mut hits = Vec::new();
    for number in 1..=u32::try_from(source.paragraph_count()).unwrap_or(0) {
        let Some(lowered) = source.paragraph_lowered(number) else {
            continue;
        };
        let bytes = lowered.as_bytes();
        if excluded.iter().any(|finder| finder.find(bytes).is_some())
            || !finders.iter().all(|finder| finder.find(bytes).is_some())
        {
            continue;
        }
        if let Some(at) = finders[0].find(bytes) {
            hits.push(SourceHit {
                paragraph: number,
                at,
                len: first.len(),
            });
        }
        if hits.len() == SOURCE_HIT_CAP {
            break;
        }
    }
    hits
}

/// The query's plain words and its `!` words, lowercased (ASCII), scopes left out.
fn words(text: &str) -> (Vec<String>, Vec<String>) {
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
        let word = word.trim_start_matches(['\'', '^']).trim_end_matches('$');
        if word.is_empty() || word.ends_with(':') {
            continue;
        }
        let word = word.to_ascii_lowercase();
        if negated {
            unwanted.push(word);
        } else {
            wanted.push(word);
        }
    }
    (wanted, unwanted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load_embedded;

    fn paragraphs(text: &str) -> Vec<u32> {
        let catalog = load_embedded().expect("loads");
        source_hits(&catalog, &Query::parse(text))
            .into_iter()
            .map(|hit| hit.paragraph)
            .collect()
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
    fn record_scopes_leave_the_source_out() {
        assert_eq!(paragraphs("year:2005 mekkah"), Vec::<u32>::new());
        assert_eq!(paragraphs("tab:timeline mekkah"), Vec::<u32>::new());
        assert_eq!(paragraphs("tab:source mekkah"), [11]);
        assert_eq!(paragraphs("tab:source"), Vec::<u32>::new());
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
