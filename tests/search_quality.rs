//! Search finds what a person would expect first: for exact words, partial words, misspellings
//! and words in another order.

mod common;

use oic_explorer::search::{Query, SearchIndex};

fn first_result(query: &str) -> String {
    let catalog = common::catalog();
    let index = SearchIndex::new(&catalog);
    let results = index.search(&Query::parse(query));
    let hit = results
        .get(0)
        .unwrap_or_else(|| panic!("no results for {query:?}"));
    catalog.title(hit.record).to_string()
}

fn assert_first(query: &str, expected: &str) {
    assert_eq!(first_result(query), expected, "query {query:?}");
}

#[test]
fn exact_words() {
    assert_first("Syzganov", "Syzganov Institute");
    assert_first("Tehran", "8th OIC Summit");
    assert_first("Doha", "9th OIC Summit");
    assert_first("Abdildin", "Zhabaikhan Abdildin");
    assert_first(
        "islamic education science",
        "Islamic Education, Science and Culture Organization (ISESCO)",
    );
    assert_first("Yemen", "Yemen");
}

#[test]
fn partial_words() {
    assert_first("syzg", "Syzganov Institute");
    assert_first("nazarb", "N. Nazarbayev");
    assert_first("parliamentarian", "Kazakh parliamentarians");
    assert_first("osakar", "Osakarovka – Vishnevka segment");
    assert_first("putradj", "10th OIC Summit");
}

#[test]
fn misspellings() {
    assert_first("karagnada", "Gulshat – Karaganda highway");
    assert_first("abdlidin", "Zhabaikhan Abdildin");
    assert_first("nazarbaev", "N. Nazarbayev");
    assert_first("osakarvoka", "Osakarovka – Vishnevka segment");
    assert_first("syzgonov", "Syzganov Institute");
    assert_first("tehrn", "8th OIC Summit");
}

#[test]
fn reordered_words() {
    assert_first("institute syzganov", "Syzganov Institute");
    assert_first("summit 10th", "10th OIC Summit");
    assert_first(
        "ministers 33rd",
        "33rd Islamic Conference of Foreign Ministers",
    );
    assert_first("karaganda highway gulshat", "Gulshat – Karaganda highway");
    assert_first(
        "religions congress second",
        "Second Congress of World and Traditional Religions",
    );
}

#[test]
fn case_is_smart() {
    let catalog = common::catalog();
    let index = SearchIndex::new(&catalog);
    let lower = index.search(&Query::parse("oic")).len();
    let upper = index.search(&Query::parse("OIC")).len();
    assert!(lower > 0 && upper > 0);
    assert!(upper <= lower, "capitals narrow the search");
    assert!(
        index.search(&Query::parse("BAKU")).is_empty(),
        "capitals are matched exactly"
    );
}

#[test]
fn every_text_field_is_searched() {
    // Only the office field says "Defense"; only a quote says "integral part".
    assert_first("defense security", "Zhabaikhan Abdildin");
    assert_first("integral part", "Kazakhstan");
    // A note from outside the source is searchable too.
    assert_first("Azerbaijan", "33rd Islamic Conference of Foreign Ministers");
}

#[test]
fn nonsense_finds_nothing() {
    let catalog = common::catalog();
    let index = SearchIndex::new(&catalog);
    assert!(index.search(&Query::parse("xqzvw")).is_empty());
    assert!(index.search(&Query::parse("zebra")).is_empty());
}

/// Every title the query finds, in order.
fn all_results(query: &str) -> Vec<String> {
    let catalog = common::catalog();
    let index = SearchIndex::new(&catalog);
    let results = index.search(&Query::parse(query));
    results
        .hits()
        .iter()
        .map(|hit| catalog.title(hit.record).to_string())
        .collect()
}

#[test]
fn a_number_matches_as_a_number_never_as_scattered_digits() {
    let events_of_2005 = [
        "32nd Islamic Conference of Foreign Ministers",
        "Conference of Muslim Scholars and Thinkers",
        "Third Extraordinary Conference (Extraordinary Summit)",
    ];
    let found = all_results("2005");
    for title in events_of_2005 {
        assert!(found.iter().any(|t| t == title), "{title} in {found:?}");
    }
    for wrong in [
        "9th OIC Summit",
        "10th OIC Summit",
        "33rd Islamic Conference of Foreign Ministers",
    ] {
        assert!(
            !found.iter().any(|t| t == wrong),
            "{wrong} has no 2005: {found:?}"
        );
    }
    assert!(
        !all_results("2006").iter().any(|t| t == "8th OIC Summit"),
        "no typo on a year"
    );
    let prefix = all_results("200");
    assert!(
        prefix.iter().any(|t| t == "9th OIC Summit"),
        "200 starts 2000: {prefix:?}"
    );
    assert!(
        !prefix.iter().any(|t| t == "8th OIC Summit"),
        "1997 does not start with 200"
    );
    assert_first("20 mln", "Osakarovka – Vishnevka segment");
}
