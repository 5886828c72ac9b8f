//! Search across all tabs: every text field of every record, read in place from the catalog,
//! matched as a person means it and ranked by how. Query and records go through one text
//! pipeline (`text_form`: NFKC, case and accents folded, word forms by Snowball stem, stop
//! words, money); words match as written, as a word form, as initials or with typos
//! (`word_match`, `query`); when no record has every word, fewer words are tried (`index`).
//! Pure: no terminal, no I/O.
//!
//! A search has up to three steps (four when fewer words are tried). A cheap prefilter that
//! keeps every record a word could match as written or in a form (its letters in order, see `prefilter`) picks the candidates, and only
//! those are scored. The prefilter's survivors are kept, so a query that extends the previous
//! one scans only them. When the words as written find fewer than [`TYPOS_BELOW`] records,
//! the records a typo could reach (`typo_reach`, worked out afresh every time) are scored with
//! typos allowed. Large catalogs are scanned in chunks on two threads, with progress reported
//! and cancellation checked between chunks.

mod fields;
mod first_screen;
mod highlight;
mod index;
mod phrase_match;
mod plan;
mod postings;
mod prefilter;
mod prepared;
mod query;
mod record_match;
mod results;
mod running_text;
mod scope;
mod source_text;
mod spelled;
pub(crate) mod text_form;
mod typo_reach;
mod vocabulary;
mod word_match;
mod worker;

pub use fields::{for_each_own_field, for_each_shown_name, record_fields};
pub use query::Query;
pub use scope::{Scope, ScopeFilter};
pub use worker::{ReportTiming, SearchEvent, SearchHandle, SearchRequest, SearchWorker};

pub use highlight::SpellingChoices;
pub use index::SearchIndex;
pub use phrase_match::phrase_score;
pub use results::{Hit, SearchResults};
pub use source_text::{SourceHit, source_hits};

/// Catalogs up to this many records are searched on one thread in one go.
const SMALL: usize = 20_000;

/// Records read between two reports of how far preparing the search has got.
const COUNT_EVERY: usize = 4096;
/// Records scanned by each thread between two progress reports.
const CHUNK: usize = 16_384;
/// A query whose words, as written, find fewer records than this is looked for with typos too
/// (Typesense's `typo_tokens_threshold`, whose default this is): a misspelt word seldom finds
/// anything as written, and a word spelt right is not drowned in near misses ("summit" in
/// "submitted"), nor a large catalog searched twice.
pub const TYPOS_BELOW: usize = 1;
/// The fewest first hits of a broad query shown before the rest is scanned (see
/// `first_screen`): more rows than a screen of results holds.
pub const FIRST_SHOWN: usize = 100;
/// The most hits a progress report carries: the best so far, enough to fill any screen.
pub const PARTIAL_HITS: usize = 2_000;

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::data::Tab;
    use crate::data::load_embedded;

    fn index() -> SearchIndex {
        SearchIndex::new(&Arc::new(load_embedded().unwrap()))
    }

    #[test]
    fn an_empty_query_finds_nothing() {
        assert!(index().search(&Query::parse("   ")).is_empty());
    }

    #[test]
    fn results_are_grouped_by_tab() {
        let results = index().search(&Query::parse("kazakhstan"));
        let groups = results.groups();
        let mut tabs: Vec<Tab> = groups.iter().map(|(tab, _)| *tab).collect();
        let count = tabs.len();
        tabs.sort();
        tabs.dedup();
        assert_eq!(tabs.len(), count, "each tab appears once: {groups:?}");
        assert_eq!(groups.iter().map(|(_, n)| n).sum::<usize>(), results.len());
    }

    #[test]
    fn narrowing_gives_what_a_full_search_gives() {
        let index = index();
        let mut previous = index.search(&Query::parse("s"));
        for text in [
            "su",
            "sum",
            "summ",
            "summi",
            "summit",
            "summit o",
            "summit oic",
            "summit oic baku",
        ] {
            let query = Query::parse(text);
            assert!(query.narrows(previous.query()), "{text}");
            let narrowed = index
                .search_from(&query, Some(&previous), |_| true)
                .unwrap();
            assert_eq!(narrowed.hits(), index.search(&query).hits(), "{text}");
            previous = narrowed;
        }
    }

    #[test]
    fn a_search_of_one_chunk_ends_though_asked_to_stop() {
        let index = index();
        // The embedded data is one chunk: nothing to stop between.
        assert!(
            index
                .search_from(&Query::parse("a"), None, |_| false)
                .is_some()
        );
    }
}
