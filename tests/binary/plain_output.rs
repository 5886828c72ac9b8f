//! Plain output (`--plain`) as a reader meets it: each fact said once, and only the sections
//! that hold something. Each case runs the real binary.

use std::fs;

use crate::common::run;

/// The plain output for `args`, which must succeed.
fn plain(args: &[&str]) -> String {
    run(["--plain"].iter().chain(args)).succeeded()
}

#[test]
fn the_place_names_the_country_once_with_its_quote_under_it() {
    let text = plain(&["--tab", "timeline"]);
    assert!(
        text.contains(
            "  Place: Sanaa, Yemen\n    Yemen: ¶6 “in Sanaa, Yemen in June 2005”\n  Summary:"
        ),
        "{text}"
    );
    // A place the source gives only as a country.
    assert!(
        text.contains("  Place: Turkey\n    Turkey: ¶15 “on April 12-13, 2006 in Turkey”\n"),
        "{text}"
    );
    let countries: Vec<&str> = text
        .lines()
        .filter(|line| line.trim_start().starts_with("Country:"))
        .collect();
    assert!(countries.is_empty(), "{countries:?}");
    // The country's side still names the events held there.
    let yemen = plain(&["--select", "p-yemen"]);
    assert!(
        yemen.contains("Events held here: 32nd Islamic Conference of Foreign Ministers"),
        "{yemen}"
    );
}

#[test]
fn a_place_that_already_ends_with_its_country_does_not_repeat_it() {
    let dir = tempfile::tempdir().expect("a folder");
    let data = dir.path().join("d.json");
    fs::write(
        &data,
        r#"{"title": "T",
            "events": [{"id": "e1", "title": "E", "kind": "summit", "place": "Sanaa, Yemen",
                "country": "p-yemen", "summary": "s",
                "sources": [{"paragraph": 1, "quote": "q"}]}],
            "participants": [{"id": "p-yemen", "name": "Yemen", "kind": "state",
                "summary": "s", "sources": [{"paragraph": 1, "quote": "q"}]}]}"#,
    )
    .expect("written");
    let text = plain(&["--data", data.to_str().expect("UTF-8"), "--tab", "timeline"]);
    assert!(text.contains("  Place: Sanaa, Yemen\n"), "{text}");
    assert!(!text.contains("Yemen, Yemen"), "{text}");
    assert!(!text.contains("Country:"), "{text}");
}

#[test]
fn a_query_leaves_out_the_tabs_it_finds_nothing_in() {
    let text = plain(&["--query", "baku"]);
    let headings: Vec<&str> = text
        .lines()
        .filter(|line| line.chars().next().is_some_and(|c| c.is_uppercase()))
        .filter(|line| line.ends_with(" records)") || line.ends_with(" record)"))
        .collect();
    assert_eq!(
        headings,
        ["TIMELINE (3 records)", "INITIATIVES (2 records)"],
        "{text}"
    );
    assert!(!text.contains("(0 records)"), "{text}");
    let none = plain(&["--query", "zzzzqqq"]);
    assert_eq!(
        none,
        "Kazakhstan and the Organization of Islamic Conference\n\nNo records.\n"
    );
    let everything = plain(&[]);
    for heading in [
        "TIMELINE (12 records)",
        "FUNDING (5 records)",
        "PARTICIPANTS (18 records)",
    ] {
        assert!(everything.contains(heading), "{heading}");
    }
}
