//! Hostile data through the real binary: control characters, escape sequences, bidirectional
//! overrides, invisible characters and huge fields never reach the terminal as controls, in the
//! explorer, in plain output or in messages, and exports give the data back unchanged.
//! (`tests/app/hostile_screens.rs` checks the screens the app draws of the same data.)

use std::{fs, path::PathBuf};

use crate::common::{
    hostile::{self, INJECTIONS},
    pty::{PtySession, contains},
    run,
};
use oic_explorer::Dataset;

fn write_dataset(folder: &tempfile::TempDir, json: &serde_json::Value) -> PathBuf {
    let path = folder.path().join("hostile.json");
    fs::write(&path, serde_json::to_string_pretty(json).expect("JSON")).expect("write");
    path
}

#[test]
fn nothing_injected_reaches_the_terminal() {
    let folder = tempfile::tempdir().expect("a folder");
    let path = write_dataset(&folder, &hostile::dataset());
    let path = path.to_str().expect("UTF-8 path");
    let mut session = PtySession::spawn_with_args(120, 40, &["--data", path]);
    session.wait_for_text("1 Timeline");
    let keys = [
        "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "l", "\x1b", "s", "\x1b", "2", "3",
        "j", "s", "\x1b", "4", "j", "j", "j", "j", "j", "/", "injected", "\x1b[B", "\x1b[B",
        "\x1b", "?", "\x1b",
    ];
    for key in keys {
        session.send(key);
        std::thread::sleep(std::time::Duration::from_millis(30));
    }
    // The last Esc closes the help. Waited for, so that a busy machine (the search thread
    // getting the 10 MB dataset ready) cannot read it with the next key as one Alt-3.
    session.wait_for("the help to close", |screen| !screen.contains("┌ Keys"));
    session.send("3");
    session.wait_for_text("INJECTEDRED");
    assert!(
        session.screen().contains("\\u{1b}[31mINJECTEDRED"),
        "the colour code is shown as text:\n{}",
        session.screen()
    );
    session.send("q");
    let status = session.wait_for_exit();
    assert!(status.success());
    let output = session.raw_output();
    for (what, injection) in INJECTIONS {
        assert!(
            !contains(&output, injection.as_bytes()),
            "{what} reached the terminal"
        );
    }
    for (what, bytes) in [
        ("an OSC sequence", &b"\x1b]"[..]),
        ("BEL", b"\x07"),
        ("NUL", b"\x00"),
        ("C1 CSI", "\u{9b}".as_bytes()),
        ("a right-to-left override", "\u{202E}".as_bytes()),
        ("an isolate", "\u{2066}".as_bytes()),
        ("a zero-width space", "\u{200B}".as_bytes()),
        ("a byte order mark", "\u{FEFF}".as_bytes()),
        ("a tag character", "\u{E0068}".as_bytes()),
        ("a run of variation selectors", "\u{E0102}".as_bytes()),
        ("a soft hyphen", "\u{00AD}".as_bytes()),
        ("a hieroglyph format control", "\u{13430}".as_bytes()),
        ("a carriage return before the marker", b"\rINJECTEDCR"),
    ] {
        assert!(!contains(&output, bytes), "{what} reached the terminal");
    }
}

#[test]
fn plain_output_and_messages_escape_too() {
    let folder = tempfile::tempdir().expect("a folder");
    let path = write_dataset(&folder, &hostile::dataset());
    let plain = run(["--data", path.to_str().expect("path"), "--plain"]);
    assert!(plain.status.success());
    for (what, injection) in INJECTIONS {
        assert!(
            !contains(plain.stdout.as_bytes(), injection.as_bytes()),
            "{what} in plain output"
        );
    }
    assert!(contains(plain.stdout.as_bytes(), b"\\u{1b}[31mINJECTEDRED"));
    // An error naming a hostile field: the message is escaped as well.
    let mut broken = hostile::dataset();
    broken["events"][0]["\u{1b}]0;INJECTEDFIELD\u{7}"] = 1.into();
    let path = write_dataset(&folder, &broken);
    let refused = run(["check", path.to_str().expect("path")]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        !contains(refused.stderr.as_bytes(), b"\x1b]0;"),
        "{:?}",
        refused.stderr
    );
    assert!(contains(refused.stderr.as_bytes(), b"INJECTEDFIELD"));
}

#[test]
fn argument_errors_show_what_was_typed_escaped() {
    let cases: [&[&str]; 5] = [
        &["--tab", "\u{1b}]0;PWN\u{7}"],
        &["--bogus\u{1b}[31m"],
        &["--color", "\u{1b}[2J"],
        &["export", "--format", "\u{1b}]52;c;AAAA\u{7}"],
        &["--max-size", "\u{9b}5n"],
    ];
    for args in cases {
        let output = run(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = output.stderr;
        assert!(
            !stderr.contains('\u{1b}') && !stderr.contains('\u{7}') && !stderr.contains('\u{9b}'),
            "{args:?}: {stderr:?}"
        );
        assert!(
            ["\\u{1b}", "\\u{9b}", "\\x1b", "\\U0000009b"]
                .iter()
                .any(|shown| stderr.contains(shown)),
            "{args:?}: what was typed is shown: {stderr}"
        );
        assert!(stderr.starts_with("error: "), "{stderr}");
    }
    // A value clap quotes itself is quoted once: `'--sort <ORDER>'`, never `''--sort <ORDER>''`.
    let twice: [&[&str]; 4] = [
        &["--sort", "largest", "--sort", "name"],
        &["--tab", "time line"],
        &["--bogus flag"],
        &["export", "--format", "c sv"],
    ];
    for args in twice {
        let output = run(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(!output.stderr.contains("''"), "{args:?}: {}", output.stderr);
    }
    // A value left out, or empty, leaves clap's words as they are; a value is said once.
    let missing: [&[&str]; 6] = [
        &["--data"],
        &["--tab", ""],
        &["--tab="],
        &["--kind"],
        &["export", "--format"],
        &["--max-size", "abc"],
    ];
    for args in missing {
        let output = run(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            output.stderr.starts_with("error: "),
            "{args:?}: {}",
            output.stderr
        );
        assert!(
            !output.stderr.contains("''e"),
            "{args:?}: {}",
            output.stderr
        );
        assert!(
            output.stderr.matches("abc").count() <= 1,
            "{}",
            output.stderr
        );
    }
    // A plain value keeps clap's own quotes.
    let plain = run(["--max-size", "abc"]);
    assert!(
        plain.stderr.contains("invalid value 'abc' for"),
        "{}",
        plain.stderr
    );
    let help = run(["--help"]);
    assert!(help.status.success());
    assert!(help.stdout.contains("Usage:"));
}

#[test]
fn exports_give_back_the_data_unchanged() {
    let folder = tempfile::tempdir().expect("a folder");
    let original = hostile::dataset();
    let path = write_dataset(&folder, &original);
    let out = folder.path().join("out.json");
    let export = run([
        "--data",
        path.to_str().expect("path"),
        "export",
        "--format",
        "json",
        "--output",
        out.to_str().expect("path"),
    ]);
    assert!(export.status.success(), "{:?}", export.stderr);
    let exported: Dataset =
        serde_json::from_str(&fs::read_to_string(&out).expect("read")).expect("a dataset");
    let expected: Dataset = serde_json::from_value(original).expect("a dataset");
    assert_eq!(exported, expected, "every byte of every text as it was");
    // CSV through a pipe: the data, not the display.
    let csv = run([
        "--data",
        path.to_str().expect("path"),
        "export",
        "--format",
        "csv",
        "--tab",
        "initiatives",
    ]);
    assert!(csv.status.success());
    assert!(contains(csv.stdout.as_bytes(), INJECTIONS[0].1.as_bytes()));
}

#[test]
fn json_on_a_terminal_escapes_what_the_terminal_would_act_on_and_still_loads_the_same() {
    let folder = tempfile::tempdir().expect("a folder");
    let mut original = hostile::dataset();
    // The injections without the huge fields, so the pty has little to carry.
    original["events"][0]["title"] = "A long title".into();
    original["events"][1]["summary"] = "A long summary.".into();
    let path = write_dataset(&folder, &original);
    let path = path.to_str().expect("UTF-8 path");
    let mut session =
        PtySession::spawn_with_args(100, 30, &["--data", path, "export", "--format", "json"]);
    assert!(session.wait_for_exit().success());
    let output = session.raw_output();
    for (what, bytes) in [
        ("ESC", &b"\x1b"[..]),
        ("BEL", b"\x07"),
        ("DEL", b"\x7f"),
        ("C1 CSI", "\u{9b}".as_bytes()),
        ("a right-to-left override", "\u{202E}".as_bytes()),
        ("a tag character", "\u{E0068}".as_bytes()),
        ("a zero-width space", "\u{200B}".as_bytes()),
    ] {
        assert!(!contains(&output, bytes), "{what} reached the terminal");
    }
    let text = String::from_utf8(output)
        .expect("UTF-8")
        .replace("\r\n", "\n");
    assert!(
        text.contains("\\u009b31mINJECTEDCSI"),
        "written as a JSON escape"
    );
    let exported: Dataset = serde_json::from_str(&text).expect("the JSON loads");
    let expected: Dataset = serde_json::from_value(original).expect("a dataset");
    assert_eq!(exported, expected, "the same data as a file would hold");
}

#[test]
fn csv_neutralises_formulas_and_markdown_escapes_html_and_links() {
    let folder = tempfile::tempdir().expect("a folder");
    let mut data: serde_json::Value =
        serde_json::from_str(oic_explorer::EMBEDDED_DATASET).expect("JSON");
    data["initiatives"][0]["title"] = "=HYPERLINK(\"http://evil.example\",\"x\")".into();
    data["initiatives"][0]["outcome"] = "@SUM(1+1)*cmd|' /C calc'!A0".into();
    data["initiatives"][1]["title"] =
        "<script>alert(1)</script> [click](javascript:alert(1)) <javascript:alert(2)>".into();
    data["initiatives"][2]["title"] =
        "see https://evil.example/x, www.evil.example and me@evil.example".into();
    let path = write_dataset(&folder, &data);
    let path = path.to_str().expect("UTF-8 path");
    let export = |extra: &[&str]| -> String {
        run(["--data", path, "export", "--tab", "initiatives"]
            .iter()
            .chain(extra))
        .succeeded()
    };
    let csv = export(&["--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert_eq!(&rows[0][2], "'=HYPERLINK(\"http://evil.example\",\"x\")");
    assert_eq!(&rows[0][3], "'@SUM(1+1)*cmd|' /C calc'!A0");
    let raw = export(&["--format", "csv", "--raw-cells"]);
    let mut reader = csv::Reader::from_reader(raw.as_bytes());
    let first = reader.records().next().expect("a row").expect("a row");
    assert_eq!(&first[2], "=HYPERLINK(\"http://evil.example\",\"x\")");
    let markdown = export(&["--format", "markdown"]);
    for forbidden in [
        "<script>",
        "[click](",
        "<javascript:",
        "https://evil",
        "www.evil",
        "me@evil",
    ] {
        assert!(!markdown.contains(forbidden), "{forbidden} in:\n{markdown}");
    }
    assert!(markdown.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(markdown.contains("\\[click\\](javascript\\:alert(1))"));
}

#[test]
fn a_line_break_in_a_text_never_starts_a_record_in_plain_output() {
    let folder = tempfile::tempdir().expect("a folder");
    let data = folder.path().join("breaks.json");
    std::fs::write(
        &data,
        r#"{"title": "t", "events": [{"id": "e1", "title": "First\nSecond", "kind": "summit",
            "summary": "line one\nFAKE RECORD\n  Id: forged", "note": "a\nb",
            "sources": [{"paragraph": 1, "quote": "q\nr"}]}]}"#,
    )
    .expect("written");
    let output = run(["--plain", "--data", data.to_str().expect("utf-8")]);
    assert!(output.status.success());
    let text = &output.stdout;
    let at_margin: Vec<&str> = text
        .lines()
        .filter(|line| !line.is_empty() && !line.starts_with(' '))
        .collect();
    assert_eq!(
        at_margin,
        ["t", "TIMELINE (1 record)", "First Second",],
        "{text}"
    );
    assert!(
        text.contains("  Summary: line one\n    FAKE RECORD\n      Id: forged"),
        "{text}"
    );
}

/// The text of a TSV field, its four escapes undone (`\t`, `\n`, `\r`, `\\`); any other
/// backslash is kept as it is, as a terminal-safe escape (`\u{1b}`) is.
fn tsv_unescaped(field: &str) -> String {
    let mut out = String::new();
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('t') => out.push('\t'),
                Some('n') => out.push('\n'),
                Some('r') => out.push('\r'),
                Some('\\') => out.push('\\'),
                Some(other) => {
                    out.push('\\');
                    out.push(other);
                }
                None => out.push('\\'),
            },
            (c, false) => out.push(c),
        }
    }
    out
}

#[test]
fn tsv_keeps_one_line_per_record_and_nothing_injected_reaches_the_terminal() {
    let folder = tempfile::tempdir().expect("a folder");
    let original = hostile::dataset();
    let path = write_dataset(&folder, &original);
    let path = path.to_str().expect("UTF-8 path");
    let stdout_of = |args: &[&str]| -> Vec<u8> {
        run(["--data", path].iter().chain(args))
            .succeeded()
            .into_bytes()
    };
    let records = 12 + 1 + 4 + 11 + 18;
    let lines_of = |bytes: &[u8]| -> Vec<Vec<String>> {
        String::from_utf8_lossy(bytes)
            .split_terminator('\n')
            .map(|line| line.split('\t').map(str::to_string).collect())
            .collect()
    };
    // Plain output is terminal-safe wherever it goes; an export to a pipe gives the data.
    let plain = stdout_of(&["--plain", "--format", "tsv"]);
    let exported = stdout_of(&["export", "--format", "tsv", "--raw-cells"]);
    for (what, bytes) in [("plain", &plain), ("export", &exported)] {
        let lines = lines_of(bytes);
        assert_eq!(
            lines.len(),
            1 + records,
            "{what}: a header and a line per record"
        );
        for line in &lines {
            assert_eq!(
                line.len(),
                oic_explorer::tsv_columns().len(),
                "{what}: every line has every column: {line:?}"
            );
        }
    }
    for (what, injection) in INJECTIONS {
        assert!(
            !contains(&plain, injection.as_bytes()),
            "{what} in plain TSV"
        );
    }
    for (what, bytes) in [
        ("ESC", &b"\x1b"[..]),
        ("BEL", b"\x07"),
        ("NUL", b"\x00"),
        ("a carriage return", b"\r"),
        ("C1 CSI", "\u{9b}".as_bytes()),
        ("a right-to-left override", "\u{202E}".as_bytes()),
    ] {
        assert!(!contains(&plain, bytes), "{what} in plain TSV");
    }
    let plain = String::from_utf8(plain).expect("UTF-8");
    assert!(
        plain.contains("\\u{1b}[31mINJECTEDRED"),
        "shown as an escape"
    );
    assert!(plain.contains("\\tINJECTEDTAB"), "a tab in a field is \\t");
    assert!(
        plain.contains("visible\\rINJECTEDCR"),
        "a carriage return is \\r"
    );
    assert!(
        plain.contains("more characters not shown]"),
        "a huge field is cut"
    );
    // Exported, the fields are the data itself once the four escapes are undone.
    let lines = lines_of(&exported);
    let column = |name: &str| lines[0].iter().position(|c| c == name).expect(name);
    let initiative = lines
        .iter()
        .find(|line| line[column("id")] == original["initiatives"][0]["id"])
        .expect("the first initiative");
    assert_eq!(
        tsv_unescaped(&initiative[column("title")]),
        original["initiatives"][0]["title"]
            .as_str()
            .expect("a title")
    );
    let huge = lines
        .iter()
        .find(|line| line[column("id")] == original["events"][1]["id"])
        .expect("the second event");
    assert_eq!(
        huge[column("summary")].len(),
        original["events"][1]["summary"]
            .as_str()
            .expect("text")
            .len()
    );
}

#[test]
fn tsv_export_on_a_terminal_is_terminal_safe() {
    let folder = tempfile::tempdir().expect("a folder");
    let mut original = hostile::dataset();
    // The injections without the huge fields, so the pty has little to carry.
    original["events"][0]["title"] = "A long title".into();
    original["events"][1]["summary"] = "A long summary.".into();
    let path = write_dataset(&folder, &original);
    let path = path.to_str().expect("UTF-8 path");
    let mut session = PtySession::spawn_with_args(
        100,
        30,
        &[
            "--data", path, "export", "--format", "tsv", "--tab", "timeline",
        ],
    );
    assert!(session.wait_for_exit().success());
    let output = session.raw_output();
    for (what, injection) in INJECTIONS {
        assert!(
            !contains(&output, injection.as_bytes()),
            "{what} reached the terminal"
        );
    }
    assert!(!contains(&output, b"\x1b"), "no escape code at all");
    assert!(contains(&output, b"\\u{1b}[31mINJECTEDRED"));
}

/// Hostile text beyond the injections: what each input channel must keep off the terminal.
fn hostile_texts() -> Vec<String> {
    let mut texts: Vec<String> = INJECTIONS
        .iter()
        .map(|(_, text)| (*text).to_string())
        .collect();
    texts.extend([
        "a\u{2028}LINESEP".to_string(),
        "b\u{2029}PARASEP".to_string(),
        "c\u{061C}ALM\u{0600}".to_string(),
        format!("d{}MARKS", "\u{301}".repeat(200)),
        "e\nNEWLINE".to_string(),
    ]);
    texts
}

/// The characters of `text` a terminal must never receive as they are (not ESC, which every
/// frame's own sequences use, nor the line feed and carriage return of a pty's output).
fn forbidden(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| {
            !matches!(c, '\u{1b}' | '\n' | '\r' | '\t')
                && (c.is_control()
                    || ('\u{2000}'..='\u{206F}').contains(&c)
                    || ('\u{E0000}'..='\u{E007F}').contains(&c)
                    || matches!(
                        c,
                        '\u{00AD}' | '\u{061C}' | '\u{0600}' | '\u{FEFF}' | '\u{9b}'
                    ))
        })
        .collect()
}

fn assert_kept_off(output: &[u8], text: &str, channel: &str) {
    let output = String::from_utf8_lossy(output);
    for c in forbidden(text) {
        assert!(
            !output.contains(c),
            "{channel}: U+{:04X} reached the terminal",
            u32::from(c)
        );
    }
    let hostile = !forbidden(text).is_empty() || text.contains('\u{1b}');
    assert!(
        !hostile || !output.contains(text),
        "{channel}: {text:?} reached the terminal whole"
    );
}

#[test]
fn every_input_channel_keeps_hostile_text_off_the_terminal() {
    let folder = tempfile::tempdir().expect("a folder");
    for (number, text) in hostile_texts().iter().enumerate() {
        // An argument or a variable cannot hold NUL; a paste can.
        let text = &text.replace('\0', "");
        // `--query`: the status bar and the results.
        let query = format!("summit {text}");
        let mut session = PtySession::spawn_with_args(100, 30, &["--query", &query]);
        session.wait_for_text("1 Timeline");
        // Typed (what a key can carry) and pasted (anything) into the search prompt.
        let pause = || std::thread::sleep(std::time::Duration::from_millis(80));
        for keys in [
            "/".to_string(),
            text.replace('\u{1b}', ""),
            "\x1b".to_string(),
            "/".to_string(),
            format!("\x1b[200~{text}\x1b[201~"),
            "\x1b".to_string(),
            "q".to_string(),
        ] {
            session.send(&keys);
            pause();
        }
        session.wait_for_exit();
        assert_kept_off(&session.raw_output(), text, "a query");

        // A path and a config file's key name, in messages.
        let missing = format!("/tmp/{text}.json");
        let output = run(["--data", missing.as_str(), "--plain"]);
        assert_kept_off(output.stderr.as_bytes(), text, "a path");
        let config = folder.path().join(format!("config-{number}.toml"));
        fs::write(
            &config,
            format!("[keys]\n\"{}\" = \"j\"\n", text.escape_default()),
        )
        .expect("written");
        let output = run(["--config", config.to_str().expect("UTF-8"), "--plain"]);
        assert_kept_off(output.stderr.as_bytes(), text, "a config key name");

        // An environment variable, where `config` says which file it reads.
        let home = format!("/tmp/{text}");
        let output = crate::common::run_with_env(["config"], &[("XDG_CONFIG_HOME", home.as_str())]);
        assert_kept_off(output.stdout.as_bytes(), text, "XDG_CONFIG_HOME");
        assert_kept_off(output.stderr.as_bytes(), text, "XDG_CONFIG_HOME");
    }
}
