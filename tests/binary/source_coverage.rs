//! `check --coverage` names every sentence of the source that no record or tie quotes, and
//! still exits 0 for a clean dataset; the Source tab counts, per paragraph, who cites it.

use crate::common::run;
use oic_explorer::{EMBEDDED_SOURCE, load_embedded, uncovered_sentences};

/// Whether `check` with `args` succeeded, and what it wrote.
fn check(args: &[&str]) -> (bool, String) {
    let check = run(["check"].iter().chain(args));
    (check.status.success(), check.stdout)
}

#[test]
fn the_embedded_dataset_quotes_every_sentence() {
    let (ok, stdout) = check(&["--coverage"]);
    assert!(ok, "{stdout}");
    assert!(
        stdout.contains("coverage: every sentence of the source is quoted"),
        "{stdout}"
    );
    let catalog = load_embedded().expect("loads");
    let map = catalog.passages().expect("the embedded source");
    let source = catalog.source().expect("source");
    assert!(uncovered_sentences(map, source).is_empty());
    assert_eq!(map.len(), 15);
    assert_eq!(source.text(), EMBEDDED_SOURCE);
}

#[test]
fn an_unquoted_sentence_is_named_and_check_still_passes() {
    let dir = tempfile::tempdir().expect("a folder");
    let data = dir.path().join("d.json");
    let text = dir.path().join("s.txt");
    std::fs::write(
        &data,
        r#"{"title": "T", "events": [{"id": "e1", "title": "E", "kind": "summit",
            "summary": "s", "sources": [{"paragraph": 1, "quote": "Alpha met Beta."}]}]}"#,
    )
    .expect("written");
    std::fs::write(
        &text,
        "Alpha met Beta. Nobody quotes this one.\n\nNor \u{1b}[31mthis paragraph.\n",
    )
    .expect("written");
    let (ok, stdout) = check(&[
        data.to_str().expect("utf-8"),
        "--source",
        text.to_str().expect("utf-8"),
        "--coverage",
    ]);
    assert!(ok, "a clean dataset passes: {stdout}");
    assert!(
        stdout.contains("coverage: 2 sentences no record quotes:"),
        "{stdout}"
    );
    assert!(stdout.contains("¶1 Nobody quotes this one."), "{stdout}");
    assert!(
        stdout.contains("¶2 Nor \\u{1b}[31mthis paragraph."),
        "the source is shown escaped: {stdout:?}"
    );
    let (_, without_source) = check(&[data.to_str().expect("utf-8"), "--coverage"]);
    assert!(
        without_source.contains("coverage not checked: give the source text"),
        "{without_source}"
    );
}
