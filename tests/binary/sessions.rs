//! The real binary in a real pseudo-terminal: keys in, screen out, exit status and terminal
//! state checked at the end.

use std::process::{Command, Stdio};

use crate::common::{
    pty::{BINARY, PtySession, contains},
    run,
};

fn assert_terminal_restored(output: &[u8]) {
    assert!(
        contains(output, b"\x1b[?1049h"),
        "entered the alternate screen"
    );
    let tail = &output[output.len().saturating_sub(200)..];
    assert!(
        contains(tail, b"\x1b[?1049l"),
        "left the alternate screen at the end"
    );
    assert!(contains(tail, b"\x1b[?25h"), "showed the cursor at the end");
    assert!(
        contains(tail, b"\x1b[?1000l"),
        "turned mouse reporting off at the end"
    );
}

#[test]
fn a_session_switches_tabs_searches_and_quits_cleanly() {
    let mut session = PtySession::spawn(100, 30);
    session.wait_for_text("Kazakhstan joins the OIC");
    assert!(session.screen().contains("1 Timeline"));

    session.send("2");
    session.wait_for_text("listed projects USD 55 mln");
    assert!(session.screen().contains("Osakarovka – Vishne"));

    session.send("\t\t");
    session.wait_for_text("Participants 1/18");

    session.send("/");
    session.wait_for_text("Search all tabs");
    session.send("karagnada");
    session.wait_for_text("[1/1]");
    session.send("\r");
    session.wait_for("the Karaganda project selected in Funding", |screen| {
        screen.contains("Funding 3/5")
            && screen.contains("funded project")
            && !screen.contains("Search all tabs")
    });

    session.send("?");
    session.wait_for_text("Moving in a list");
    session.send("\x1b");
    session.wait_for("the help to close", |screen| {
        !screen.contains("Moving in a list")
    });

    session.resize(80, 24);
    session.wait_for("the stacked layout", |screen| {
        screen.lines().count() <= 24 && screen.contains("Funding 3/5")
    });

    session.send("q");
    let status = session.wait_for_exit();
    assert!(status.success(), "{status:?}");
    assert_terminal_restored(&session.raw_output());
}

#[test]
fn with_no_color_the_selection_is_still_visible_and_no_colour_is_written() {
    let mut session = PtySession::spawn_with_env(100, 30, &[("NO_COLOR", "1")]);
    session.wait_for_text("Kazakhstan joins the OIC");
    session.send("jj");
    session.wait_for_text("Timeline 3/12");
    {
        let parser = session.parser.lock().unwrap();
        let screen = parser.screen();
        let (row, _) = screen
            .contents()
            .lines()
            .enumerate()
            .find(|(_, line)| line.contains("▶"))
            .map(|(row, line)| (row as u16, line.to_string()))
            .expect("the selection marker");
        let text = screen
            .contents()
            .lines()
            .nth(row as usize)
            .unwrap()
            .to_string();
        let column = text[..text
            .find("8th OIC Summit")
            .expect("the third event is selected")]
            .chars()
            .count() as u16;
        let cell = screen.cell(row, column).unwrap();
        assert!(
            cell.inverse(),
            "the selected row is in reverse video without colour"
        );
        let tab = screen.cell(0, 3).unwrap();
        assert!(
            tab.inverse() && tab.bold(),
            "the active tab stands out without colour"
        );
    }
    session.send("q");
    assert!(session.wait_for_exit().success());
    let output = session.output_text();
    for colour in ["[38;", "[48;", "[31m", "[33m", "[36m", "[35m"] {
        assert!(!output.contains(colour), "a colour was written: {colour}");
    }
}

/// An SGR mouse report (1-based cell coordinates), as xterm sends it.
fn mouse(button: u8, column: usize, row: usize, press: bool) -> String {
    format!(
        "\x1b[<{button};{column};{row}{}",
        if press { 'M' } else { 'm' }
    )
}

#[test]
fn the_mouse_selects_tabs_and_rows_and_scrolls() {
    let mut session = PtySession::spawn(100, 30);
    session.wait_for_text("Kazakhstan joins the OIC");
    let first_line = session.screen().lines().next().unwrap().to_string();
    let column = first_line[..first_line.find("Initiatives").unwrap()]
        .chars()
        .count()
        + 1;
    session.send(&mouse(0, column, 1, true));
    session.send(&mouse(0, column, 1, false));
    session.wait_for_text("Initiatives 1/11");
    // The list's fourth row, found on screen: a header row shows above the rows when the
    // list has columns to name.
    let row = session
        .screen()
        .lines()
        .position(|line| line.contains("Kazakh provisions in the OIC"))
        .expect("the fourth initiative is listed")
        + 1;
    session.send(&mouse(0, 10, row, true));
    session.send(&mouse(0, 10, row, false));
    session.wait_for_text("Initiatives 4/11");
    session.send(&mouse(65, 10, row, true));
    session.wait_for_text("Initiatives 7/11");
    session.send("q");
    assert!(session.wait_for_exit().success());
}

#[test]
fn the_source_tab_reads_the_document_and_leads_to_who_quotes_it() {
    let mut session = PtySession::spawn(80, 24);
    session.wait_for_text("Kazakhstan joins the OIC");
    session.send("5");
    session.wait_for_text("¶1 · cited by 3 records");
    session.send("jj");
    session.wait_for_text("Source ¶3/15");
    session.send("l");
    session.wait_for_text("▶ 24th Islamic Conference of Foreign");
    session.send("\r");
    session.wait_for_text("Timeline 2/12");
    session.send("\x7f");
    session.wait_for_text("Source ¶3/15");
    // `s` on a record opens the tab at its first quoted passage.
    session.send("4s");
    session.wait_for_text("Source ¶1/15");
    assert!(
        session.screen().contains("▶ Kazakhstan"),
        "{}",
        session.screen()
    );
    session.send("q");
    assert!(session.wait_for_exit().success());
}

#[test]
fn a_link_is_followed_and_backspace_comes_back() {
    let mut session = PtySession::spawn(120, 40);
    session.wait_for_text("Kazakhstan joins the OIC");
    session.send("jj");
    session.wait_for_text("Timeline 3/12");
    session.send("l");
    session.wait_for_text("▶ Kazakh delegations");
    session.send("\r");
    session.wait_for_text("Participants 12/18");
    assert!(
        session
            .screen()
            .contains("8th OIC Summit › Kazakh delegations"),
        "the breadcrumb"
    );
    session.send("\x7f");
    session.wait_for_text("Timeline 3/12");
    session.send("S");
    session.wait_for_text("¶3 · paragraph 3 of 15");
    session.send("\x1b");
    session.wait_for("the source view to close", |screen| {
        !screen.contains("¶3 · paragraph")
    });
    session.send("y");
    session.wait_for_text("Sent the citation");
    session.send("q");
    assert!(session.wait_for_exit().success());
    let output = session.output_text();
    assert!(
        output.contains("\x1b]52;c;"),
        "the citation went out as OSC 52"
    );
}

#[test]
fn deep_link_flags_open_the_view_and_a_bad_id_is_refused() {
    let mut session =
        PtySession::spawn_with_args(100, 30, &["--select", "p-abdildin", "--query", "summit"]);
    session.wait_for_text("Participants 3/18");
    assert!(session.screen().contains("Zhabaikhan Abdildin"));
    session.send("n");
    session.wait_for_text("Timeline");
    session.send("q");
    assert!(session.wait_for_exit().success());

    let output = run(["--select", "nobody"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = output.stderr;
    assert!(
        stderr.contains("\"nobody\"") && stderr.contains("no record"),
        "{stderr}"
    );
}

#[test]
fn control_c_quits_from_the_search_prompt() {
    let mut session = PtySession::spawn(80, 24);
    session.wait_for_text("Kazakhstan joins the OIC");
    session.send("/q");
    session.wait_for_text("/ q");
    session.send("\x03");
    let status = session.wait_for_exit();
    assert!(status.success(), "{status:?}");
    assert_terminal_restored(&session.raw_output());
}

#[test]
fn a_too_small_terminal_says_so_and_recovers() {
    let mut session = PtySession::spawn(40, 10);
    session.wait_for_text("terminal too small");
    session.resize(90, 24);
    session.wait_for_text("Kazakhstan joins the OIC");
    session.send("q");
    assert!(session.wait_for_exit().success());
}

#[test]
fn without_a_terminal_it_prints_plain_text_and_no_escape_codes() {
    let output = Command::new(BINARY)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(!stdout.contains('\x1b'), "no escape codes");
    for title in [
        "Kazakhstan joins the OIC",
        "Syzganov Institute",
        "Zhabaikhan Abdildin",
    ] {
        assert!(stdout.contains(title), "{title} missing");
    }
    assert!(stdout.contains("Source ¶9 “Syzganov Institute – USD 10 mln”"));
    assert!(output.stderr.is_empty());
}

#[test]
fn help_and_version_flags() {
    let help = run(["--help"]);
    assert!(help.status.success());
    let help = help.stdout;
    assert!(
        help.contains("Organization of the Islamic Conference"),
        "{help}"
    );
    assert!(help.contains("--version"), "{help}");

    let version = run(["--version"]);
    assert!(version.status.success());
    let version = version.stdout;
    assert_eq!(
        version.trim(),
        format!("oic-explorer {}", env!("CARGO_PKG_VERSION"))
    );

    let wrong = run(["--no-such-flag"]);
    assert_eq!(wrong.status.code(), Some(2));
}

#[test]
fn a_filter_cleared_by_a_search_jump_comes_back_with_backspace() {
    let mut session = PtySession::spawn(120, 40);
    session.wait_for_text("Kazakhstan joins the OIC");
    session.send("&");
    session.wait_for_text("filter:");
    session.send("summit");
    session.wait_for_text("4 found");
    session.send("\r");
    // Waited for, not read at once: a frame may reach the terminal in more than one write.
    session.wait_for("the filter kept", |screen| {
        screen.contains("“summit”") && screen.contains("Timeline · 4 of 12")
    });
    session.send("/");
    session.send("muslim scholars");
    session.wait_for_text("Conference of Muslim Scholars");
    // Enter before the search has answered goes to the best result once it has.
    session.send("\r");
    session.wait_for("the jump to say what it cleared", |screen| {
        screen.contains("Timeline · all 12 events") && screen.contains("⌫ puts it back")
    });
    session.send("\x7f");
    session.wait_for_text("“summit”");
    session.send("q");
    assert!(session.wait_for_exit().success());
}
