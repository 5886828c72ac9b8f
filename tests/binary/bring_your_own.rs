//! Datasets from files, `check`, `export`, plain output, completions, the man page and the
//! schema. Bad files are refused with a message that names the place, before the terminal is
//! touched: each case runs the real binary in a pty and checks that no escape code came out.

use std::{
    fs,
    path::{Path, PathBuf},
};

use crate::common::{RUST_WORDS, pty::PtySession, run};
use oic_explorer::{Dataset, EMBEDDED_DATASET, EMBEDDED_SOURCE, load, load_file};

fn embedded() -> serde_json::Value {
    serde_json::from_str(EMBEDDED_DATASET).unwrap()
}

/// A temporary folder for one test's files.
fn folder() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn write(folder: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = folder.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

/// Opens the explorer on `file` in a pty; returns its exit code and everything it wrote.
fn open_in_pty(file: &Path) -> (u32, String) {
    let path = file.to_str().unwrap();
    let mut session = PtySession::spawn_with_args(100, 30, &["--data", path]);
    let status = session.wait_for_exit();
    (status.exit_code(), session.output_text())
}

/// The bad file is refused: exit status `code`, every `expected` piece in the message, and
/// not one escape code on the terminal.
fn assert_refused(name: &str, bytes: impl AsRef<[u8]>, code: u32, expected: &[&str]) {
    let dir = folder();
    let file = write(dir.path(), name, bytes);
    let (status, output) = open_in_pty(&file);
    assert_eq!(status, code, "{output}");
    assert!(
        !output.contains('\x1b'),
        "escape codes reached the terminal: {output:?}"
    );
    for piece in expected {
        assert!(output.contains(piece), "{piece:?} not in: {output}");
    }
    // Said in the dataset's words, not the parser's.
    for rust in RUST_WORDS {
        assert!(!output.contains(rust), "{rust:?} in: {output}");
    }
}

fn with(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut json = embedded();
    edit(&mut json);
    serde_json::to_string_pretty(&json).unwrap()
}

#[test]
fn not_utf8() {
    let mut bytes = b"{\n  \"title\": \"ok\",\n  \"description\": \"caf".to_vec();
    bytes.extend([0xe9, b'"', b'\n', b'}']);
    assert_refused("latin1.json", bytes, 2, &["latin1.json:3:22:", "not UTF-8"]);
}

#[test]
fn not_json() {
    assert_refused(
        "notes.json",
        "Kazakhstan joined in 1995.",
        2,
        &[
            "notes.json:1:1:",
            // The read stops at the first letter, which starts no JSON value.
            "found \"K\" without double quotes: text is written in double quotes",
        ],
    );
}

#[test]
fn truncated() {
    // Cut about halfway, a few letters into a title: inside a text, whatever the file holds.
    let middle = EMBEDDED_DATASET.len() / 2;
    let title = EMBEDDED_DATASET[middle..]
        .find("\"title\": \"")
        .map_or(middle, |at| middle + at + "\"title\": \"".len() + 3);
    let half = &EMBEDDED_DATASET[..title];
    assert_refused(
        "half.json",
        half,
        2,
        &["half.json:", "the file ends inside", "truncated"],
    );
}

#[test]
fn wrong_type() {
    let json = with(|j| j["events"][2]["sources"][0]["paragraph"] = "three".into());
    assert_refused(
        "t.json",
        json,
        2,
        &[
            "t.json:",
            "events[2].sources[0].paragraph",
            "paragraph must be a whole number (a paragraph of the source, counting from 1), like \
             3; found the text \"three\"",
        ],
    );
}

#[test]
fn missing_field() {
    let json = with(|j| {
        j["events"][1].as_object_mut().unwrap().remove("summary");
    });
    assert_refused(
        "m.json",
        json,
        2,
        &[
            "m.json:",
            "events[1]",
            "the field \"summary\" is missing; it is required here",
        ],
    );
}

#[test]
fn unknown_field() {
    let json = with(|j| j["participants"][3]["titel"] = "typo".into());
    assert_refused(
        "u.json",
        json,
        2,
        &[
            "u.json:",
            "participants[3]",
            "there is no field \"titel\" here; the fields here are: id, name, kind,",
        ],
    );
}

#[test]
fn empty_events_leave_only_the_dangling_references() {
    let json = with(|j| j["events"] = serde_json::json!([]));
    // A dataset may have no events (a funding-only export has none); the references into the
    // events it dropped dangle, and each is listed.
    assert_refused("e.json", &json, 1, &["e.json:", "dangling"]);
    let dir = folder();
    let file = write(dir.path(), "e.json", json);
    let output = run(["check", file.to_str().unwrap()]).stdout;
    assert!(!output.contains("at least one event"), "{output}");
}

#[test]
fn duplicate_ids() {
    let json = with(|j| j["projects"][1]["id"] = "proj-syzganov-institute".into());
    assert_refused(
        "d.json",
        json,
        1,
        &[
            "projects[1].id",
            "duplicate id \"proj-syzganov-institute\", first used at projects[0].id",
        ],
    );
}

#[test]
fn dangling_reference() {
    let json = with(|j| j["initiatives"][0]["events"][0] = "ev-nowhere".into());
    assert_refused(
        "r.json",
        json,
        1,
        &["initiatives[0].events[0]", "\"ev-nowhere\"", "dangling"],
    );
}

#[test]
fn negative_amount() {
    let json = with(|j| j["projects"][2]["amount_usd"] = (-5).into());
    assert_refused(
        "n.json",
        json,
        2,
        &[
            "projects[2].amount_usd",
            "amount_usd must be a whole number of US dollars, like 5000000; found the number -5, \
             which is below zero",
        ],
    );
}

#[test]
fn overflowing_amount() {
    let json = with(|j| j["projects"][0]["amount_usd"] = 0.into())
        .replace("\"amount_usd\": 0", "\"amount_usd\": 18446744073709551616");
    assert_refused(
        "o.json",
        json,
        2,
        &[
            "projects[0].amount_usd",
            "amount_usd must be a whole number of US dollars",
        ],
    );
}

#[test]
fn overflowing_total() {
    let json = with(|j| {
        j["projects"][0]["amount_usd"] = (u64::MAX / 2 + 1).into();
        j["projects"][1]["amount_usd"] = (u64::MAX / 2 + 1).into();
    });
    assert_refused(
        "total.json",
        json,
        1,
        &["projects[1].amount_usd", "overflows"],
    );
}

#[test]
fn a_date_that_does_not_exist() {
    let json = with(|j| j["events"][4]["date"] = "2005-02-30".into());
    assert_refused(
        "date.json",
        json,
        2,
        &["events[4].date", "the date \"2005-02-30\" does not exist"],
    );
}

#[test]
fn nesting_deeper_than_serde_json_allows() {
    // No field of the schema takes nested arrays, so the first level too many is already the
    // wrong type; serde_json's depth limit stands behind that, and nothing overflows the stack.
    let deep = format!(
        "{{\"title\": {}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert_refused(
        "deep.json",
        deep,
        2,
        &[
            "deep.json:1:10:",
            "at title",
            "title must be text in double quotes",
        ],
    );
    let deeper = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_refused(
        "deeper.json",
        deeper,
        2,
        &["deeper.json:1:", "the dataset must be an object"],
    );
}

#[test]
fn an_unreadable_file() {
    let dir = folder();
    let (status, output) = open_in_pty(&dir.path().join("missing.json"));
    assert_eq!(status, 2);
    assert!(
        output.contains("missing.json: cannot read the file"),
        "{output}"
    );
    assert!(!output.contains('\x1b'));
}

#[test]
fn a_quote_that_is_not_in_the_source() {
    let dir = folder();
    let json =
        with(|j| j["events"][0]["sources"][0]["quote"] = "Kazakhstan joined in 1994.".into());
    let file = write(dir.path(), "q.json", json);
    let source = write(dir.path(), "source.txt", EMBEDDED_SOURCE);
    let output = run([
        "check",
        file.to_str().unwrap(),
        "--source",
        source.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        output
            .stdout
            .contains("events[0].sources[0].quote: the quote is not verbatim in paragraph 1")
    );
    let unchecked = run(["check", file.to_str().unwrap()]);
    assert_eq!(
        unchecked.status.code(),
        Some(0),
        "without --source quotes are not checked"
    );
    assert!(unchecked.stdout.contains("quotes not checked"));
}

#[test]
fn a_large_file_loads_in_one_pass() {
    // 60,000 events and a 10 MB summary: any quadratic step would take minutes here.
    let mut json = embedded();
    let template = json["events"][2].clone();
    let events = json["events"].as_array_mut().unwrap();
    for n in 0..60_000 {
        let mut event = template.clone();
        event["id"] = format!("ev-generated-{n}").into();
        events.push(event);
    }
    events[0]["summary"] = "long ".repeat(2_000_000).into();
    let dir = folder();
    let file = write(
        dir.path(),
        "large.json",
        serde_json::to_string(&json).unwrap(),
    );
    let catalog = load_file(&file, None).unwrap();
    assert_eq!(catalog.counts().events, 60_012);
}

#[test]
fn check_on_the_embedded_data_is_clean() {
    let output = run(["check"]);
    assert_eq!(output.status.code(), Some(0));
    let stdout = output.stdout;
    assert!(
        stdout.starts_with("the embedded dataset: clean"),
        "{stdout}"
    );
    assert!(stdout.contains("events") && stdout.contains("12"));
    assert!(
        stdout.contains(
            "62 record quotes and 68 tie quotes, each verbatim in its paragraph (15 paragraphs in the source)"
        ),
        "{stdout}"
    );
}

#[test]
fn a_count_of_one_is_singular() {
    let dir = folder();
    let source = write(dir.path(), "one.txt", "Uzbekistan joined the OIC in 1996.");
    let one_record = r#"{"title": "Uzbekistan", "events": [{"id": "e1", "title": "Joins",
        "kind": "membership", "summary": "s",
        "sources": [{"paragraph": 1, "quote": "Uzbekistan joined the OIC in 1996."}]}]}"#;
    let data = write(dir.path(), "one.json", one_record);
    let (data, source) = (data.to_str().unwrap(), source.to_str().unwrap());
    let clean = run(["check", data, "--source", source]);
    assert_eq!(clean.status.code(), Some(0), "{}", clean.stderr);
    assert!(
        clean.stdout.contains(
            "  1 record quote and 0 tie quotes, each verbatim in its paragraph (1 paragraph in the source)\n"
        ),
        "{}",
        clean.stdout
    );
    let beyond = write(
        dir.path(),
        "beyond.json",
        one_record.replace("\"paragraph\": 1", "\"paragraph\": 2"),
    );
    let broken = run(["check", beyond.to_str().unwrap(), "--source", source]);
    assert_eq!(broken.status.code(), Some(1));
    let said = broken.stdout;
    assert!(said.contains(": 1 problem\n"), "{said}");
    assert!(
        said.contains("the source has 1 paragraph, found 2"),
        "{said}"
    );
    let uncovered = write(
        dir.path(),
        "two.txt",
        "Uzbekistan joined the OIC in 1996. Then more.",
    );
    let coverage = run([
        "check",
        data,
        "--source",
        uncovered.to_str().unwrap(),
        "--coverage",
    ]);
    assert!(
        coverage
            .stdout
            .contains("coverage: 1 sentence no record quotes:"),
        "{}",
        coverage.stdout
    );
    let small = run(["check", data, "--max-size", "1"]);
    assert_eq!(small.status.code(), Some(2));
    assert!(
        small.stderr.contains("more than the limit of 1 byte "),
        "{}",
        small.stderr
    );
}

#[test]
fn check_on_a_broken_file_lists_every_problem() {
    let dir = folder();
    let json = with(|j| {
        j["title"] = "".into();
        j["events"][0]["participants"][0] = "p-nobody".into();
        j["events"][1]["id"] = "ev-1995-membership".into();
        j["projects"][0]["amount_usd"] = 0.into();
        j["participants"][2]["part_of"] = "ev-1995-membership".into();
    });
    let file = write(dir.path(), "broken.json", json);
    let output = run(["check", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let stdout = output.stdout;
    assert!(stdout.contains("broken.json: 5 problems"), "{stdout}");
    for expected in [
        "title: the dataset title is empty",
        "events[0].participants[0]: no record has the id \"p-nobody\"",
        "events[1].id: duplicate id",
        "projects[0].amount_usd: expected a positive amount, found 0",
        "participants[2].part_of: \"ev-1995-membership\" is an event, expected a participant",
    ] {
        assert!(stdout.contains(expected), "{expected:?} not in:\n{stdout}");
    }
    assert!(
        stdout.contains("  events              12"),
        "counts are shown: {stdout}"
    );
    let lines: Vec<&str> = stdout
        .lines()
        .skip_while(|l| *l != "problems:")
        .skip(1)
        .collect();
    assert_eq!(lines.len(), 5);
    let positions: Vec<(usize, usize)> = lines
        .iter()
        .map(|line| {
            let rest = line
                .split("broken.json:")
                .nth(1)
                .unwrap_or_else(|| panic!("no position: {line}"));
            let mut parts = rest.split(':');
            (
                parts.next().unwrap().parse().unwrap(),
                parts.next().unwrap().parse().unwrap(),
            )
        })
        .collect();
    assert!(
        positions.windows(2).all(|pair| pair[0] <= pair[1]),
        "in file order: {positions:?}"
    );
}

#[test]
fn json_export_round_trips_exactly() {
    let dir = folder();
    let file = dir.path().join("all.json");
    let output = run([
        "export",
        "--format",
        "json",
        "--output",
        file.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", output.stderr);
    let exported = fs::read_to_string(&file).unwrap();
    let original: Dataset = serde_json::from_str(EMBEDDED_DATASET).unwrap();
    let reloaded = load_file(&file, None).unwrap();
    assert_eq!(reloaded.to_dataset(), original);
    // And once more through the app's own loader and exporter: the same bytes.
    let again = run([
        "--data",
        file.to_str().unwrap(),
        "export",
        "--format",
        "json",
    ]);
    assert_eq!(again.stdout, exported);
    assert!(
        run(["--data", file.to_str().unwrap(), "check"])
            .status
            .success()
    );
}

#[test]
fn a_narrowed_json_export_still_loads() {
    let output = run([
        "export",
        "--format",
        "json",
        "--tab",
        "initiatives",
        "--query",
        "baku",
    ]);
    assert!(output.status.success());
    let json = output.stdout;
    let catalog = load("export", &json, Some(EMBEDDED_SOURCE)).unwrap_or_else(|e| panic!("{e}"));
    let data = catalog.to_dataset();
    assert_eq!(
        data.initiatives.len(),
        2,
        "the two initiatives supported at Baku"
    );
    assert!(
        data.events.iter().any(|e| e.id == "ev-2006-06-icfm-33"),
        "with what they refer to"
    );
    assert!(data.projects.is_empty());
}

/// A query no record answers whole writes the records with some of its words, as `--plain`
/// and the explorer show them, and says so on stderr, never in the data: every format, and
/// `--plain --format tsv`.
#[test]
fn an_export_of_a_query_answered_in_part_says_so() {
    let whole = run(["export", "--format", "json", "--query", "IDB"]);
    for format in ["json", "csv", "tsv", "markdown"] {
        let part = run([
            "export",
            "--format",
            format,
            "--tab",
            "funding",
            "--query",
            "IDB zzzzqq",
        ]);
        assert!(part.status.success(), "{format}: {}", part.stderr);
        assert!(
            part.stderr
                .contains("note: no record has all of: IDB zzzzqq — writing those with idb"),
            "{format}: {}",
            part.stderr
        );
        assert!(!part.stdout.contains("zzzzqq"), "{format}: {}", part.stdout);
    }
    let part = run(["export", "--format", "json", "--query", "IDB zzzzqq"]);
    assert_eq!(part.stdout, whole.stdout);
    assert!(whole.stderr.is_empty(), "{}", whole.stderr);
    // A tab the words found instead are not in, or a query nothing matches: none written,
    // and said so, never "writing those with" over an empty export.
    for args in [
        &[
            "export",
            "--format",
            "csv",
            "--tab",
            "funding",
            "--query",
            "Mecca zebra",
        ][..],
        &["export", "--format", "json", "--query", "zzzqqq"],
    ] {
        let none = run(args);
        assert!(none.status.success(), "{args:?}");
        assert!(
            none.stderr.contains("none written"),
            "{args:?}: {}",
            none.stderr
        );
        assert!(
            !none.stderr.contains("writing those"),
            "{args:?}: {}",
            none.stderr
        );
    }
    let plain = run(["--plain", "--tab", "funding", "--query", "Mecca zebra"]);
    assert!(!plain.stdout.contains("showing"), "{}", plain.stdout);
    assert!(plain.stdout.contains("No records."), "{}", plain.stdout);
    let tsv = run(["--plain", "--format", "tsv", "--query", "IDB zzzzqq"]);
    assert!(
        tsv.stderr.contains("writing those with idb"),
        "{}",
        tsv.stderr
    );
    assert!(!tsv.stdout.contains("zzzzqq"), "{}", tsv.stdout);
}

#[test]
fn every_narrowed_json_export_loads_and_opens() {
    let narrowings: [&[&str]; 5] = [
        &["--tab", "funding"],
        &["--tab", "participants"],
        &["--query", "kind:person"],
        &["--tab", "timeline", "--query", "year:2005"],
        &["--query", "no such words anywhere"],
    ];
    for narrowing in narrowings {
        let dir = folder();
        let file = dir.path().join("narrowed.json");
        let mut args = vec!["export", "--format", "json", "-o", file.to_str().unwrap()];
        args.extend_from_slice(narrowing);
        assert!(run(&args).status.success(), "{narrowing:?}");
        let check = run([
            "check",
            file.to_str().unwrap(),
            "--source",
            "assets/source.txt",
        ]);
        assert!(
            check.status.success(),
            "{narrowing:?}: {}{}",
            check.stdout,
            check.stderr
        );
        // The explorer opens it and every tab draws, empty ones included.
        let mut session = PtySession::spawn_with_args(100, 30, &["--data", file.to_str().unwrap()]);
        session.wait_for_text("1 Timeline");
        for key in [
            "1", "j", "2", "j", "c", "3", "4", "j", "s", "\x1b", "/", "a", "\x1b",
        ] {
            session.send(key);
            // Esc and the next key in one read would be Alt with that key.
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        // Ctrl-C quits from wherever the keys left it.
        session.send("\x03");
        assert!(session.wait_for_exit().success(), "{narrowing:?}");
    }
}

#[test]
fn csv_parses_back_with_ids_and_names() {
    let output = run(["export", "--format", "csv", "--tab", "initiatives"]);
    assert!(output.status.success());
    let mut reader = csv::Reader::from_reader(output.stdout.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "id");
    assert!(
        headers.iter().any(|h| h == "participant_ids")
            && headers.iter().any(|h| h == "participants")
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 11);
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let second = &rows[1];
    assert_eq!(
        &second[column("title")],
        "Second Congress of World and Traditional Religions"
    );
    // Each tie says its kind, and a reading says it is one.
    assert_eq!(
        &second[column("participant_ids")],
        "p-nazarbayev [proposed, a reading]"
    );
    assert_eq!(
        &second[column("participants")],
        "N. Nazarbayev [proposed, a reading]"
    );
    assert!(second[column("event_ids")].starts_with("ev-2006-06-icfm-33 [supported"));

    let missing_tab = run(["export", "--format", "csv"]);
    assert_eq!(missing_tab.status.code(), Some(2));
    assert!(missing_tab.stderr.contains("add --tab"));
}

#[test]
fn markdown_export_matches_the_golden_file() {
    let output = run(["export", "--format", "markdown"]);
    assert!(output.status.success());
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/binary/golden/export.md");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        fs::write(&golden, &output.stdout).unwrap();
    }
    let expected = fs::read_to_string(&golden).unwrap_or_default();
    assert_eq!(
        output.stdout, expected,
        "rerun with UPDATE_GOLDEN=1 after an intended change"
    );
    // The programme's sum is said once, marked computed, and never in the Amount column.
    assert!(expected.contains(
        "Sum: USD 55 mln (computed: the sum of the listed projects; the source gives no total)"
    ));
    assert!(!expected.contains("**Sum of the listed projects**"));
}

#[test]
fn an_export_to_a_file_replaces_it_whole_or_not_at_all() {
    let dir = folder();
    let file = write(dir.path(), "report.md", "the old report\n");
    let failed = run([
        "export",
        "--format",
        "markdown",
        "--query",
        "year:soon",
        "--output",
        file.to_str().unwrap(),
    ]);
    assert_eq!(failed.status.code(), Some(2));
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        "the old report\n",
        "untouched on failure"
    );
    let done = run([
        "export",
        "--format",
        "markdown",
        "--tab",
        "funding",
        "--output",
        file.to_str().unwrap(),
    ]);
    assert!(done.status.success());
    assert!(
        fs::read_to_string(&file)
            .unwrap()
            .starts_with("# Kazakhstan")
    );
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary files left: {leftovers:?}");
}

#[test]
fn plain_output_is_linear_text_with_sources() {
    let output = run(["--plain", "--query", "tab:timeline baku"]);
    assert!(output.status.success());
    let stdout = output.stdout;
    assert!(!stdout.contains('\x1b'));
    assert!(
        !stdout.contains('│') && !stdout.contains('─'),
        "no box drawing"
    );
    assert!(stdout.contains("33rd Islamic Conference of Foreign Ministers\n  event, foreign ministers' conference\n  Date: June 2006\n  Place: Baku"));
    assert!(stdout.contains("  Source ¶13 “The 33rd Islamic Conference"));
    assert!(!stdout.contains("Syzganov"), "only what the query finds");
    let coloured = run(["--plain", "--color", "always", "--select", "p-yemen"]);
    assert!(coloured.stdout.contains("\x1b[1mYemen\x1b[0m"));
    let never = run(["--plain", "--color", "never", "--select", "p-yemen"]);
    assert!(!never.stdout.contains('\x1b'));
}

#[test]
fn completions_man_page_and_schema() {
    for shell in ["bash", "zsh", "fish"] {
        let output = run(["completions", shell]);
        assert!(output.status.success());
        let script = output.stdout;
        assert!(
            script.contains("export") && script.contains("--data"),
            "{shell}"
        );
    }
    let man = run(["man"]).stdout;
    assert!(
        man.contains(".TH oic-explorer") && man.contains("\\-\\-data"),
        "{man}"
    );
    let schema = run(["schema"]).stdout;
    let committed = include_str!("../../assets/dataset.schema.json");
    assert_eq!(
        schema, committed,
        "regenerate: cargo run -- schema > assets/dataset.schema.json"
    );
}

#[test]
fn the_schema_rejects_unknown_fields_like_the_loader() {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../../assets/dataset.schema.json")).unwrap();
    assert_eq!(schema["additionalProperties"], false);
    assert_eq!(schema["$defs"]["Event"]["additionalProperties"], false);
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert_eq!(
        required,
        ["title"],
        "every collection may be empty or absent"
    );
}

#[test]
fn themes_and_colour_choices() {
    use oic_explorer::{Theme, ThemeName};
    use ratatui::style::Color;
    let mono = Theme::named(ThemeName::Mono, true);
    let no_colour = Theme::named(ThemeName::Dark, false);
    for theme in [mono, no_colour] {
        assert_eq!(theme.selected.fg, None);
        assert_eq!(theme.kind.fg, None);
    }
    assert_eq!(
        Theme::named(ThemeName::Light, true).kind.fg,
        Some(Color::Blue)
    );
    assert_ne!(
        Theme::named(ThemeName::Default, true),
        Theme::named(ThemeName::Dark, true)
    );
    let mut session = PtySession::spawn_with_args(100, 30, &["--theme", "light"]);
    session.wait_for_text("Kazakhstan joins the OIC");
    session.send("q");
    assert!(session.wait_for_exit().success());
    let output = session.output_text();
    assert!(output.contains("\x1b[38;5;4"), "blue was drawn");
}

#[test]
fn plain_output_follows_kind_and_sort_as_the_explorer_does() {
    let summits = run(["--plain", "--kind", "summit"]).stdout;
    assert!(summits.contains("TIMELINE (3 records)"), "{summits}");
    assert!(
        !summits.contains("\nKazakhstan joins the OIC\n"),
        "{summits}"
    );
    let largest = run(["--plain", "--tab", "funding", "--sort", "largest"]).stdout;
    let titles: Vec<&str> = largest
        .lines()
        .filter(|line| !line.is_empty() && !line.starts_with(' '))
        .skip(2)
        .collect();
    assert_eq!(
        titles,
        [
            "IDB Program for Kazakhstan",
            "Osakarovka – Vishnevka segment",
            "Small and medium enterprises",
            "Syzganov Institute",
            "Gulshat – Karaganda highway"
        ]
    );
    // After the subcommand as before it.
    let before = run([
        "--kind", "summit", "export", "--format", "csv", "--tab", "timeline",
    ]);
    let after = run([
        "export", "--format", "csv", "--tab", "timeline", "--kind", "summit",
    ]);
    assert!(after.status.success(), "{}", after.stderr);
    assert_eq!(before.stdout, after.stdout);
    assert_eq!(
        after.stdout.matches("\nev-").count(),
        3,
        "3 summits: {}",
        after.stdout
    );
    let sorted = run([
        "export", "--format", "csv", "--tab", "funding", "--sort", "largest",
    ]);
    assert!(sorted.status.success(), "{}", sorted.stderr);
    // Given with a tab it does not shape, it changes nothing, and stderr says so (the command
    // line `Y` copies holds both, and must work piped too).
    for (args, option) in [
        (
            ["--plain", "--tab", "participants", "--kind", "summit"],
            "--kind summit",
        ),
        (
            ["--plain", "--tab", "timeline", "--sort", "largest"],
            "--sort largest",
        ),
    ] {
        let noted = run(args);
        assert!(noted.status.success(), "{args:?}: {}", noted.stderr);
        assert!(
            noted.stderr.contains(&format!("note: {option}"))
                && noted.stderr.contains("changes nothing"),
            "{}",
            noted.stderr
        );
    }
    // A record --kind hides cannot be the one --select asks for: refused in words, not
    // printed as "No records.".
    for args in [
        &[
            "--plain",
            "--select",
            "ev-1995-membership",
            "--kind",
            "summit",
        ][..],
        &[
            "export",
            "--format",
            "tsv",
            "--select",
            "ev-1995-membership",
            "--kind",
            "summit",
        ],
    ] {
        let refused = run(args);
        assert_eq!(refused.status.code(), Some(2), "{args:?}");
        assert!(
            refused.stderr.contains("which --kind summit hides"),
            "{}",
            refused.stderr
        );
    }
    // A paragraph the source lacks is refused by --plain as by the explorer.
    let paragraph = run(["--plain", "--paragraph", "999"]);
    assert_eq!(paragraph.status.code(), Some(2), "{}", paragraph.stderr);
    assert!(
        paragraph.stderr.contains("--paragraph 999: the source has"),
        "{}",
        paragraph.stderr
    );
    let absent = run(["--plain", "--kind", "other"]);
    assert_eq!(absent.status.code(), Some(2));
    assert!(
        absent
            .stderr
            .contains("the dataset has no event of this kind")
    );
}

#[test]
fn a_spelling_must_be_in_its_note_and_name_what_a_record_is_called() {
    let json = with(|j| {
        j["spellings"][0]["also"][0] = "Macca".into();
        j["spellings"][1]["name"] = "Putrajaya".into();
        j["spellings"][2]["note_of"] = "p-nobody".into();
        j["spellings"][3]["also"][0] = "Organization of Islamic Conference (OIC)".into();
        j["spellings"][4]["also"][0] = "sDB".into();
    });
    assert_refused(
        "s.json",
        json,
        1,
        &[
            "spellings[0].also[0]",
            "\"Macca\" is not in the note of ev-2005-09-scholars",
            "spellings[1].name",
            "no record has the title or place \"Putrajaya\"",
            "spellings[2].note_of",
            "no record has the id \"p-nobody\"",
            "spellings[3].also[0]",
            "is the name itself or listed twice",
            "spellings[4].also[0]",
            "\"sDB\" is not in the note of p-idb",
        ],
    );
}

#[test]
fn a_narrowed_export_keeps_the_spellings_of_what_it_keeps() {
    let output = run(["export", "--format", "json", "--query", "place:mecca"]);
    assert!(output.status.success(), "{}", output.stderr);
    let json = output.stdout;
    let catalog = load("export", &json, Some(EMBEDDED_SOURCE)).unwrap_or_else(|e| panic!("{e}"));
    let data = catalog.to_dataset();
    assert!(
        data.spellings.iter().any(|s| s.name == "Mekkah"),
        "{:?}",
        data.spellings
    );
    assert!(
        !data.spellings.iter().any(|s| s.name == "Putradjaya"),
        "the 10th summit is not in it: {:?}",
        data.spellings
    );
    assert_eq!(catalog.spellings_of("Mekkah"), ["Mecca", "Makkah"]);
}

/// More warnings than a report lists: the first ones are listed in record order and the rest
/// counted exactly, and `--strict` counts every one as a problem.
#[test]
fn check_lists_the_first_warnings_and_counts_the_rest() {
    let unsupported: String = (0..10).map(|i| format!("Zyxwvut qwrtpsd{i}. ")).collect();
    let json = with(|j| {
        for event in j["events"].as_array_mut().unwrap() {
            event["summary"] = unsupported.trim_end().into();
        }
    });
    let events = embedded()["events"].as_array().unwrap().len();
    let total = events * 10;
    assert!(
        total > oic_explorer::PROBLEM_CAP,
        "more than a report lists"
    );
    let dir = folder();
    let file = write(dir.path(), "many.json", json);
    let output = run(["check", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", output.stdout);
    let stdout = output.stdout;
    assert!(
        stdout.contains(&format!(": clean, {total} warnings")),
        "{stdout}"
    );
    let listed: Vec<&str> = stdout
        .lines()
        .filter(|line| line.contains("shares no word"))
        .collect();
    assert_eq!(listed.len(), oic_explorer::PROBLEM_CAP, "{stdout}");
    assert!(
        listed[0].starts_with("  events[0].summary: “Zyxwvut qwrtpsd0.”"),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!(
            "  … and {} more",
            total - oic_explorer::PROBLEM_CAP
        )),
        "{stdout}"
    );
    let strict = run(["check", file.to_str().unwrap(), "--strict"]);
    assert_ne!(strict.status.code(), Some(0));
    assert!(
        strict
            .stdout
            .contains(&format!(": {total} problems (--strict)")),
        "{}",
        strict.stdout
    );
}
