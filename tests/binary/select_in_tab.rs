//! `--select ID` with a `--tab` the record is not in is a usage error (exit 2) that says which
//! tab the record is in, the same in the explorer, `--plain` and `export`, and said before the
//! terminal is touched; with the record's own tab, both still work.

use std::fs;

use crate::common::{Run, pty::PtySession, run};

const REFUSAL: &str = "--select \"ev-1995-membership\" --tab funding: the record is in the \
                       Timeline tab; leave out --tab, or give --tab timeline";

#[test]
fn plain_and_export_refuse_a_record_of_another_tab() {
    for args in [
        &[
            "--plain",
            "--select",
            "ev-1995-membership",
            "--tab",
            "funding",
        ][..],
        &[
            "export",
            "--format",
            "json",
            "--select",
            "ev-1995-membership",
            "--tab",
            "funding",
        ],
        &[
            "export",
            "--format",
            "csv",
            "--tab",
            "funding",
            "--select",
            "ev-1995-membership",
        ],
        &[
            "--select",
            "ev-1995-membership",
            "--tab",
            "funding",
            "export",
            "--format",
            "markdown",
        ],
    ] {
        let Run {
            status,
            stdout,
            stderr,
            ..
        } = run(args);
        assert_eq!(status.code(), Some(2), "{args:?}");
        assert_eq!(stderr, format!("oic-explorer: {REFUSAL}\n"), "{args:?}");
        assert!(stdout.is_empty(), "{args:?}: {stdout}");
    }
    let Run { status, stderr, .. } = run(["--plain", "--select", "p-yemen", "--tab", "source"]);
    assert_eq!(status.code(), Some(2));
    assert!(
        stderr.contains("the record is in the Participants tab"),
        "{stderr}"
    );
}

#[test]
fn the_records_own_tab_still_works_and_export_takes_only_it() {
    let Run { status, stdout, .. } = run([
        "--plain",
        "--select",
        "proj-syzganov-institute",
        "--tab",
        "funding",
    ]);
    assert_eq!(status.code(), Some(0));
    assert!(
        stdout.contains("FUNDING (1 record)\n\nSyzganov Institute\n"),
        "{stdout}"
    );
    let Run {
        status,
        stdout: csv,
        stderr,
        ..
    } = run([
        "export",
        "--format",
        "csv",
        "--select",
        "proj-syzganov-institute",
    ]);
    assert_eq!(status.code(), Some(0), "{stderr}");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 2, "a header and the one record: {csv}");
    assert!(
        lines[1].starts_with("project,proj-syzganov-institute,Syzganov Institute,"),
        "{csv}"
    );
    let Run {
        status,
        stdout: json,
        ..
    } = run([
        "export",
        "--format",
        "json",
        "--select",
        "p-yemen",
        "--tab",
        "participants",
    ]);
    assert_eq!(status.code(), Some(0));
    let dataset: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let participants = dataset["participants"].as_array().expect("a list");
    assert_eq!(participants.len(), 1, "{json}");
    assert_eq!(participants[0]["id"], "p-yemen");
}

#[test]
fn the_explorer_refuses_it_before_the_terminal_is_touched() {
    let folder = tempfile::tempdir().expect("a folder");
    let data = folder.path().join("d.json");
    fs::write(&data, oic_explorer::EMBEDDED_DATASET).expect("written");
    let data = data.to_str().expect("UTF-8");
    // The embedded dataset, and a file, which loads on a thread of its own (if that takes
    // long enough to show the loading screen, the refusal follows it, once the terminal is
    // restored).
    for (args, before_the_terminal) in [
        (
            &["--select", "ev-1995-membership", "--tab", "funding"][..],
            true,
        ),
        (
            &[
                "--data",
                data,
                "--select",
                "ev-1995-membership",
                "--tab",
                "funding",
            ],
            false,
        ),
    ] {
        let mut session = PtySession::spawn_with_args(100, 30, args);
        let status = session.wait_for_exit();
        assert_eq!(status.exit_code(), 2, "{args:?}");
        let output = session.output_text();
        assert!(output.contains(REFUSAL), "{args:?}: {output}");
        if before_the_terminal {
            assert!(
                !output.contains('\u{1b}'),
                "{args:?}: escape codes: {output:?}"
            );
        }
    }
    let mut session = PtySession::spawn_with_args(
        100,
        30,
        &["--select", "proj-syzganov-institute", "--tab", "funding"],
    );
    session.wait_for_text("Funding 2/5");
    assert!(session.screen().contains("Syzganov Institute"));
    session.send("q");
    assert!(session.wait_for_exit().success());
}

#[test]
fn an_id_a_letter_off_is_refused_naming_the_nearest() {
    for args in [
        &["--plain", "--select", "p-kazakstan"][..],
        &["export", "--format", "json", "--select", "p-kazakstan"],
    ] {
        let Run { status, stderr, .. } = run(args);
        assert_eq!(status.code(), Some(2), "{args:?}");
        assert_eq!(
            stderr,
            "oic-explorer: --select: no record has the id \"p-kazakstan\"; did you mean \
             \"p-kazakhstan\"?\n",
            "{args:?}"
        );
    }
}
