//! Typing narrows: a query that extends the last one searches only the last one's survivors
//! (see `Query::narrows`), and that must find exactly what a full search finds. Random
//! queries, each extended by every kind of key, on the embedded data and on synthetic data
//! scanned in small chunks on two threads, as a million records are.

use crate::common;

use std::sync::{Arc, OnceLock};

use oic_explorer::{Catalog, Query, SearchIndex, synthetic};
use proptest::prelude::*;

/// Words a query is made of: real ones of both datasets, cut anywhere, and operators, numbers
/// and scopes.
const WORDS: &[&str] = &[
    "kazakhstan",
    "summit",
    "semipalatinsk",
    "nazarbayev",
    "conference",
    "islamic",
    "mekkah",
    "mecca",
    "baku",
    "tehran",
    "2005",
    "2000",
    "20",
    "mln",
    "'kazakh",
    "^kaz",
    "oic$",
    "!summit",
    "y:2005",
    "k:summit",
    "p:baku",
    "t:funding",
    "council",
    "syzdi",
    "khssadi",
    "gulba",
    "parliamentary",
    "religions",
    "icfm",
    "dialogue",
    "interparliamentary",
];

/// Keys that extend a query: letters, a digit, a space (a new word), and an operator.
const KEYS: &[char] = &[
    'a', 'e', 'i', 'n', 's', 'k', 'z', '0', '5', ' ', '$', 'h', 't',
];

fn query_text() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(WORDS), 1usize..14), 1..4).prop_map(|words| {
        words
            .iter()
            .map(|(word, cut)| &word[..(*cut).min(word.len())])
            .collect::<Vec<_>>()
            .join(" ")
    })
}

fn embedded() -> &'static (SearchIndex, SearchIndex) {
    static INDEX: OnceLock<(SearchIndex, SearchIndex)> = OnceLock::new();
    INDEX.get_or_init(|| {
        let catalog = common::catalog();
        (SearchIndex::new(&catalog), SearchIndex::new(&catalog))
    })
}

fn synthetic_data() -> &'static (SearchIndex, SearchIndex) {
    static INDEX: OnceLock<(SearchIndex, SearchIndex)> = OnceLock::new();
    INDEX.get_or_init(|| {
        let catalog: Arc<Catalog> = Arc::new(
            Catalog::new(synthetic::generate(1_200, 5), None).expect("synthetic data is valid"),
        );
        (
            SearchIndex::new(&catalog).with_chunk_size(100),
            SearchIndex::new(&catalog),
        )
    })
}

/// Searches `text`, then each one-key extension of it both from its results and afresh.
fn each_extension_narrows_exactly(indexes: &(SearchIndex, SearchIndex), text: &str) {
    let (narrowing, fresh) = indexes;
    let previous = narrowing.search(&Query::parse(text));
    for key in KEYS {
        let extended = format!("{text}{key}");
        let query = Query::parse(&extended);
        let narrowed = narrowing
            .search_from(&query, Some(&previous), |_| true)
            .expect("not cancelled");
        let full = fresh.search(&query);
        assert_eq!(
            narrowed.hits(),
            full.hits(),
            "{text:?} then {key:?} (narrows: {})",
            query.narrows(previous.query())
        );
    }
}

proptest! {
    #![proptest_config(common::proptest_config(96))]

    #[test]
    fn on_the_embedded_data(text in query_text()) {
        each_extension_narrows_exactly(embedded(), &text);
    }
}

proptest! {
    #![proptest_config(common::proptest_config(24))]

    #[test]
    fn on_synthetic_data_in_chunks(text in query_text()) {
        each_extension_narrows_exactly(synthetic_data(), &text);
    }
}
