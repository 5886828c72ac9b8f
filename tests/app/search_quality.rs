//! Search finds what a person would expect first: for exact words, partial words, misspellings
//! and words in another order.

use crate::common;

use oic_explorer::{Query, SearchIndex};

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
fn case_never_stops_a_match() {
    let catalog = common::catalog();
    let index = SearchIndex::new(&catalog);
    let titles = |query: &str| -> Vec<String> {
        let results = index.search(&Query::parse(query));
        results
            .hits()
            .iter()
            .map(|hit| catalog.title(hit.record).to_string())
            .collect()
    };
    assert!(!titles("oic").is_empty());
    // Generated: every mix of capitals, and the query in fullwidth letters, finds the same.
    for word in ["oic", "baku", "kazakhstan", "isesco", "syzganov", "tehran"] {
        let expected = titles(word);
        assert!(!expected.is_empty(), "{word}");
        for mask in 0u32..16 {
            let mixed: String = word
                .chars()
                .enumerate()
                .map(|(i, c)| {
                    if mask & (1 << (i % 4)) != 0 {
                        c.to_ascii_uppercase()
                    } else {
                        c
                    }
                })
                .collect();
            assert_eq!(titles(&mixed), expected, "{mixed}");
        }
        let fullwidth: String = word
            .chars()
            .map(|c| char::from_u32(c as u32 - 'a' as u32 + 'ａ' as u32).unwrap_or(c))
            .collect();
        assert_eq!(titles(&fullwidth), expected, "{fullwidth}");
    }
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

/// A query a reader of the source would type, the record they expect first, others they
/// expect among the results, and records that must not be found.
struct Case {
    query: &'static str,
    first: &'static str,
    also: &'static [&'static str],
    not: &'static [&'static str],
}

const fn case(query: &'static str, first: &'static str) -> Case {
    Case {
        query,
        first,
        also: &[],
        not: &[],
    }
}

const SCHOLARS: &str = "Conference of Muslim Scholars and Thinkers";
const EXTRAORDINARY: &str = "Third Extraordinary Conference (Extraordinary Summit)";
const RESOLUTION: &str = "Resolution on regions hit by environmental disasters";
const DIALOGUE_AND_HELP: &str =
    "Religious dialogue and help for disaster-hit regions of Kazakhstan";
const ICFM_24: &str = "24th Islamic Conference of Foreign Ministers";
const ICFM_32: &str = "32nd Islamic Conference of Foreign Ministers";
const ICFM_33: &str = "33rd Islamic Conference of Foreign Ministers";

/// Written from the source document, as a reader would search it: exact words, prefixes,
/// misspellings of each kind, words in another order, modern spellings, years, amounts,
/// scopes and operators.
const CASES: &[Case] = &[
    // Exact words and names.
    case("Syzganov", "Syzganov Institute"),
    case("tehran", "8th OIC Summit"),
    case("doha", "9th OIC Summit"),
    case("jakarta", ICFM_24),
    case("sanaa", ICFM_32),
    case("baku", ICFM_33),
    case("yemen", "Yemen"),
    case("abdulaziz", "Abdullah bin Abdulaziz Al Saud"),
    case("king abdullah", "Abdullah bin Abdulaziz Al Saud"),
    case("osakarovka", "Osakarovka – Vishnevka segment"),
    case("small enterprises", "Small and medium enterprises"),
    case("parliamentary union", "OIC Parliamentary Union"),
    case("religions", "Dialogue among civilizations and religions"),
    Case {
        query: "semipalatinsk",
        first: RESOLUTION,
        also: &[DIALOGUE_AND_HELP],
        not: &[],
    },
    // Prefixes, as typed.
    Case {
        query: "semipal",
        first: RESOLUTION,
        also: &[DIALOGUE_AND_HELP],
        not: &[],
    },
    case(
        "congres",
        "Second Congress of World and Traditional Religions",
    ),
    case("nazarb", "N. Nazarbayev"),
    Case {
        query: "tehr",
        first: "8th OIC Summit",
        also: &[],
        not: &[DIALOGUE_AND_HELP],
    },
    // Misspellings: a letter wrong, missing, extra, two swapped; two typos from nine letters.
    Case {
        query: "semipalatinks",
        first: RESOLUTION,
        also: &[DIALOGUE_AND_HELP],
        not: &[],
    },
    case("tehrn", "8th OIC Summit"),
    case("summti", "8th OIC Summit"),
    case("kazakstan", "Kazakhstan"),
    case("abdlidin", "Zhabaikhan Abdildin"),
    case("karagnada", "Gulshat – Karaganda highway"),
    Case {
        query: "nazarbaev",
        first: "N. Nazarbayev",
        also: &["President's Address to the People of Kazakhstan"],
        not: &[],
    },
    case("parliamentarains", "Kazakh parliamentarians"),
    // Short words take no typo.
    Case {
        query: "aral",
        first: RESOLUTION,
        also: &[DIALOGUE_AND_HELP],
        not: &["Saudi Arabia", "Abdullah bin Abdulaziz Al Saud"],
    },
    Case {
        query: "arab",
        first: "Saudi Arabia",
        also: &[],
        not: &[RESOLUTION],
    },
    // Words in another order.
    case("ministers 33rd", ICFM_33),
    case("summit 10th", "10th OIC Summit"),
    case("highway karaganda gulshat", "Gulshat – Karaganda highway"),
    // Initials, only where they start words.
    case("icfm 33", ICFM_33),
    case("ICFM", ICFM_24),
    case(
        "interparliamentary",
        "Inter-parliamentary cooperation within the OIC",
    ),
    // Modern spellings and later names from the notes.
    Case {
        query: "Mecca",
        first: SCHOLARS,
        also: &[EXTRAORDINARY],
        not: &[],
    },
    case("putrajaya", "10th OIC Summit"),
    Case {
        query: "Nursultan Nazarbayev",
        first: "N. Nazarbayev",
        also: &[
            "President's Address to the People of Kazakhstan",
            "Second Congress of World and Traditional Religions",
        ],
        not: &[],
    },
    Case {
        query: "IsDB",
        first: "Islamic Development Bank (IDB)",
        also: &["IDB Program for Kazakhstan"],
        not: &[],
    },
    case(
        "ICESCO",
        "Islamic Education, Science and Culture Organization (ISESCO)",
    ),
    case(
        "organisation of islamic cooperation",
        "Organization of Islamic Conference (OIC)",
    ),
    // Years and amounts.
    Case {
        query: "2005",
        first: SCHOLARS,
        also: &[ICFM_32, EXTRAORDINARY, "IDB Program for Kazakhstan"],
        not: &["9th OIC Summit", "10th OIC Summit", ICFM_33],
    },
    case("2004", "IDB Program for Kazakhstan"),
    case("1995", "Kazakhstan joins the OIC"),
    Case {
        query: "200",
        first: "9th OIC Summit",
        also: &["IDB Program for Kazakhstan"],
        not: &["8th OIC Summit"],
    },
    case("20 mln", "Osakarovka – Vishnevka segment"),
    case("10 mln", "Syzganov Institute"),
    // Scopes, with typos and spellings in their values.
    case("k:summit tehran", "8th OIC Summit"),
    case("y:2005 k:summit", EXTRAORDINARY),
    case("t:funding highway", "Gulshat – Karaganda highway"),
    Case {
        query: "place:mekah",
        first: SCHOLARS,
        also: &[EXTRAORDINARY],
        not: &["8th OIC Summit"],
    },
    Case {
        query: "place:mecca",
        first: SCHOLARS,
        also: &[EXTRAORDINARY],
        not: &[],
    },
    case("k:sumit y:1997", "8th OIC Summit"),
    // Operators.
    Case {
        query: "'kazakh",
        first: "Kazakh delegations",
        also: &["Kazakh parliamentarians"],
        not: &[],
    },
    case("^kazakh", "Kazakhstan"),
    Case {
        query: "summit !extraordinary",
        first: "8th OIC Summit",
        also: &["9th OIC Summit", "10th OIC Summit"],
        not: &[EXTRAORDINARY],
    },
];

#[test]
fn a_reader_finds_what_they_mean() {
    let catalog = common::catalog();
    let index = SearchIndex::new(&catalog);
    let mut failures = Vec::new();
    for case in CASES {
        let results = index.search(&Query::parse(case.query));
        let titles: Vec<&str> = results
            .hits()
            .iter()
            .map(|hit| catalog.title(hit.record))
            .collect();
        if titles.first() != Some(&case.first) {
            failures.push(format!(
                "{:?}: first {:?}, expected {:?}",
                case.query,
                titles.first(),
                case.first
            ));
        }
        for title in case.also {
            if !titles.contains(title) {
                failures.push(format!(
                    "{:?}: {title:?} missing from {titles:?}",
                    case.query
                ));
            }
        }
        for title in case.not {
            if titles.contains(title) {
                failures.push(format!(
                    "{:?}: {title:?} should not be in {titles:?}",
                    case.query
                ));
            }
        }
    }
    assert!(CASES.len() >= 40, "{} cases", CASES.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_quoted_word_finds_only_whole_words() {
    let catalog = common::catalog();
    let index = SearchIndex::new(&catalog);
    let whole = index.search(&Query::parse("'kazakh"));
    let any = index.search(&Query::parse("kazakh"));
    assert!(!whole.is_empty() && whole.len() < any.len());
    for hit in whole.hits() {
        let has_the_word = oic_explorer::record_fields(&catalog, hit.record)
            .iter()
            .any(|field| {
                field
                    .text
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|word| word.eq_ignore_ascii_case("kazakh"))
            });
        assert!(
            has_the_word,
            "{} has no word \"kazakh\"",
            catalog.title(hit.record)
        );
    }
    assert!(
        all_results("'religion").is_empty(),
        "the source says religions, never religion"
    );
}

/// The position of `title` in the results of `query`.
fn position(query: &str, title: &str) -> usize {
    let found = all_results(query);
    found
        .iter()
        .position(|t| t == title)
        .unwrap_or_else(|| panic!("{title:?} not found by {query:?}: {found:?}"))
}

#[test]
fn ranking_follows_the_rules_it_explains() {
    // A whole word above the start of one (both in a title).
    assert!(position("kazakh", "Kazakh delegations") < position("kazakh", "Kazakhstan"));
    // A word spelt right finds no near misses: "summit" is not "submitted", "religions" not
    // "relations".
    assert!(!all_results("summit").contains(&SCHOLARS.to_string()));
    assert!(
        !all_results("religions").contains(&"Closer relations with Muslim countries".to_string())
    );
    // A whole word in a summary above a piece of a word in a name field: the Aral Sea before
    // "research institute".
    assert_first("sea", RESOLUTION);
    assert!(position("sea", DIALOGUE_AND_HELP) < position("sea", "Syzganov Institute"));
    // A title above running text: the 33rd conference is named Baku in its place field, the
    // resolution adopted there only in its summary.
    assert!(position("baku", ICFM_33) < position("baku", RESOLUTION));
    // Equal matches: the shorter title first, then the tab's own order (by date).
    assert!(position("summit", "8th OIC Summit") < position("summit", "10th OIC Summit"));
    assert!(position("summit", "8th OIC Summit") < position("summit", "9th OIC Summit"));
}

#[test]
fn every_result_names_what_it_matched() {
    let catalog = common::catalog();
    let index = SearchIndex::new(&catalog);
    for case in CASES {
        let query = Query::parse(case.query);
        if !query.has_words() {
            continue;
        }
        for hit in index.search(&query).hits() {
            let highlight = SearchIndex::highlight(&catalog, hit.record, &query);
            assert!(
                !highlight.title.is_empty() || highlight.field.is_some(),
                "{:?} finds {} without saying where",
                case.query,
                catalog.title(hit.record)
            );
        }
    }
}

#[test]
fn repeated_scopes_widen_and_different_ones_narrow() {
    let either_year = all_results("y:1997 y:2000");
    assert!(either_year.contains(&"8th OIC Summit".to_string()));
    assert!(either_year.contains(&"9th OIC Summit".to_string()));
    let either_kind = all_results("k:summit k:membership");
    assert!(either_kind.contains(&"Kazakhstan joins the OIC".to_string()));
    assert!(either_kind.contains(&"8th OIC Summit".to_string()));
    let either_place = all_results("p:baku p:doha");
    assert_eq!(
        either_place.first().map(String::as_str),
        Some("9th OIC Summit")
    );
    assert!(either_place.contains(&ICFM_33.to_string()));
    let either_tab = all_results("t:timeline t:funding");
    assert!(either_tab.contains(&"Syzganov Institute".to_string()));
    assert!(either_tab.contains(&"8th OIC Summit".to_string()));
    assert_eq!(all_results("y:1997 k:membership"), Vec::<String>::new());
}

#[test]
fn a_wrong_scope_value_says_what_it_expects() {
    for (text, expected) in [
        ("year:abc", "expected a year"),
        ("kind:foo", "the kinds: membership, summit"),
        ("tab:x", "expected timeline"),
    ] {
        let query = Query::parse(text);
        let problems = query.problems().join(" ");
        assert!(problems.contains(expected), "{text}: {problems}");
    }
}

/// The first title `query` finds, if any.
fn first_title(query: &str) -> Option<String> {
    let catalog = common::catalog();
    let index = SearchIndex::new(&catalog);
    let results = index.search(&Query::parse(query));
    results
        .get(0)
        .map(|hit| catalog.title(hit.record).to_string())
}

/// Real queries, each with the words of a question, accents and plural forms round it.
const REAL: [&str; 8] = [
    "syzganov",
    "tehran summit",
    "abdildin",
    "aral sea",
    "semipalatinsk",
    "jakarta",
    "putradjaya",
    "isesco",
];

#[test]
fn stop_words_round_a_query_change_nothing() {
    for query in REAL {
        let expected = first_title(query);
        assert!(expected.is_some(), "{query}");
        for asked in [
            format!("what is {query}"),
            format!("when did the {query}"),
            format!("{query} of the"),
            format!("where was {query} held"),
        ] {
            // `held` finds something on its own: drop it only where nothing has all.
            let found = first_title(&asked);
            assert!(found.is_some(), "{asked}");
            if !asked.ends_with("held") {
                assert_eq!(found, expected, "{asked}");
            }
        }
    }
}

#[test]
fn accents_typed_or_not_find_the_same() {
    let accented = |word: &str| -> String {
        word.chars()
            .map(|c| match c {
                'a' => 'á',
                'e' => 'é',
                'i' => 'ï',
                'o' => 'ô',
                'u' => 'ü',
                c => c,
            })
            .collect()
    };
    let decomposed = |word: &str| -> String {
        word.chars()
            .flat_map(|c| match c {
                'a' | 'e' | 'i' | 'o' | 'u' => vec![c, '\u{301}'],
                c => vec![c],
            })
            .collect()
    };
    for query in REAL {
        let expected = first_title(query);
        assert_eq!(first_title(&accented(query)), expected, "{query}");
        assert_eq!(first_title(&decomposed(query)), expected, "{query}");
    }
}

#[test]
fn a_plural_finds_what_its_singular_names() {
    for (singular, plural) in [
        ("summit", "summits"),
        ("conference", "conferences"),
        ("project", "projects"),
        ("institute", "institutes"),
        ("highway", "highways"),
        ("delegation", "delegations"),
    ] {
        let one = all_results(singular);
        let many = all_results(plural);
        assert!(!one.is_empty(), "{singular}");
        for title in &one {
            assert!(many.contains(title), "{plural} misses {title}: {many:?}");
        }
    }
}
