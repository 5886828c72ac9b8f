//! TSV (`--plain --format tsv`, `export --format tsv`): a header line, then one line per
//! record with the same columns whatever the tab, so `grep` shows whole records and `cut` and
//! `awk` find a field where the header says. Each case runs the real binary.

use std::fs;

use crate::common::run;
use oic_explorer::tsv_columns;

/// The lines of `tsv`, each split into its fields.
fn table(tsv: &str) -> Vec<Vec<&str>> {
    tsv.lines().map(|line| line.split('\t').collect()).collect()
}

#[test]
fn grep_finds_the_whole_record_with_its_name() {
    let tsv = run(["--plain", "--format", "tsv", "--tab", "participants"]).succeeded();
    let found: Vec<&str> = tsv
        .lines()
        .filter(|line| line.to_lowercase().contains("senate"))
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    let fields: Vec<&str> = found[0].split('\t').collect();
    assert_eq!(
        &fields[..4],
        [
            "participants",
            "p-abdildin",
            "person",
            "Zhabaikhan Abdildin"
        ]
    );
    assert!(
        fields[tsv_columns()
            .iter()
            .position(|c| c == "office")
            .expect("office")]
        .starts_with("Chairman of the Committee for Foreign Affairs"),
        "{fields:?}"
    );
}

#[test]
fn one_header_and_the_same_columns_for_every_tab() {
    let all = run(["--plain", "--format", "tsv"]).succeeded();
    let lines = table(&all);
    assert_eq!(lines[0], tsv_columns());
    assert_eq!(lines.len(), 1 + 46, "a line per record");
    assert!(lines.iter().all(|line| line.len() == tsv_columns().len()));
    let tabs: Vec<&str> = lines[1..].iter().map(|line| line[0]).collect();
    for tab in ["timeline", "funding", "initiatives", "participants"] {
        assert!(tabs.contains(&tab), "{tab}");
    }
    // The plain output and the export agree on the embedded data, and --tab only narrows.
    assert_eq!(run(["export", "--format", "tsv"]).succeeded(), all);
    let funding = run(["export", "--format", "tsv", "--tab", "funding"]).succeeded();
    assert_eq!(table(&funding)[0], tsv_columns());
    let column = |name: &str| {
        tsv_columns()
            .iter()
            .position(|c| c == name)
            .unwrap_or_else(|| panic!("{name}"))
    };
    let (amount, sum, basis) = (
        column("amount_usd"),
        column("sum_of_projects_usd"),
        column("sum_of_projects_usd_basis"),
    );
    let amounts: Vec<(&str, &str, &str)> = table(&funding)[1..]
        .iter()
        .map(|line| (line[2], line[amount], line[sum]))
        .collect();
    assert_eq!(
        amounts,
        [
            ("programme", "", "55000000"),
            ("project", "10000000", ""),
            ("project", "10000000", ""),
            ("project", "20000000", ""),
            ("project", "15000000", ""),
        ],
        "only projects have an amount, so the column sums to the programme's; the programme's \
         computed sum has a column of its own"
    );
    assert!(table(&funding)[1][basis].starts_with("computed"));
    let summit = run(["--format", "tsv", "--select", "ev-2005-06-icfm-32"]).succeeded();
    let line = &table(&summit)[1];
    assert_eq!(
        &line[..7],
        [
            "timeline",
            "ev-2005-06-icfm-32",
            "foreign_ministers",
            "32nd Islamic Conference of Foreign Ministers",
            "2005-06",
            "Sanaa",
            "Yemen"
        ]
    );
    let query = run(["--plain", "--format", "tsv", "--query", "baku"]).succeeded();
    let ids: Vec<&str> = table(&query)[1..].iter().map(|line| line[1]).collect();
    assert_eq!(ids.len(), 5, "{ids:?}");
    let nothing = run(["--plain", "--format", "tsv", "--query", "zzzzqqq"]).succeeded();
    assert_eq!(nothing, format!("{}\n", tsv_columns().join("\t")));
}

#[test]
fn separators_in_the_data_are_escaped_and_empty_fields_stay_in_place() {
    let dir = tempfile::tempdir().expect("a folder");
    let data = dir.path().join("d.json");
    fs::write(
        &data,
        r#"{"title": "T",
            "events": [{"id": "e1", "title": "Tab\there", "kind": "summit",
                "summary": "one\ntwo\r\nthree, a \\n that was typed, and C:\\dir",
                "sources": [{"paragraph": 1, "quote": "q1"}, {"paragraph": 2, "quote": "q2"}]}],
            "participants": [{"id": "p1", "name": "=1+1", "kind": "person", "summary": "s",
                "sources": [{"paragraph": 1, "quote": "q"}]}]}"#,
    )
    .expect("written");
    let data = data.to_str().expect("UTF-8");
    for args in [
        &["--data", data, "--plain", "--format", "tsv"][..],
        &["--data", data, "export", "--format", "tsv"],
    ] {
        let tsv = run(args).succeeded();
        let lines = table(&tsv);
        assert_eq!(lines.len(), 3, "{args:?}: {tsv}");
        let event = &lines[1];
        assert_eq!(event.len(), tsv_columns().len());
        assert_eq!(event[3], "Tab\\there");
        assert_eq!(event[4], "", "no date");
        assert_eq!(event[5], "", "no place");
        let at = |name: &str| {
            tsv_columns()
                .iter()
                .position(|column| column == name)
                .expect("a column")
        };
        assert_eq!(
            event[at("summary")],
            "one\\ntwo\\r\\nthree, a \\\\n that was typed, and C:\\\\dir"
        );
        assert_eq!(event[at("source_paragraphs")], "1; 2");
        assert_eq!(event[at("source_quotes")], "q1\\nq2");
        assert_eq!(lines[2][3], "'=1+1", "a formula is neutralised as in CSV");
    }
    let raw = run(["--data", data, "export", "--format", "tsv", "--raw-cells"]).succeeded();
    assert_eq!(table(&raw)[2][3], "=1+1");
}

#[test]
fn the_help_says_how_fields_are_escaped() {
    let help = run(["--help"]).succeeded();
    assert!(help.contains("--format <FORMAT>"), "{help}");
    assert!(help.contains("\\t \\n \\r \\\\"), "{help}");
    let export = run(["export", "--help"]).succeeded();
    assert!(export.contains("tsv"), "{export}");
}
