//! The terminal attacked: sizes no screen has, signals while a frame is being written, and
//! escape sequences that never end. The real binary in a real pty each time; the app keeps
//! its memory bounded, stays responsive, and gives the terminal back with nothing after.

use std::{thread, time::Duration};

use crate::common::pty::{PtySession, last_position};
use nix::sys::signal::{Signal, kill};
use oic_explorer::restore_sequence;

/// The resident memory of the process, in MiB.
fn resident_mib(session: &PtySession) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{}/status", session.pid()))
        .expect("the process's status");
    let kib: u64 = status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmRSS");
    kib / 1024
}

#[test]
fn a_huge_window_is_drawn_at_the_cap_and_memory_stays_bounded() {
    let mut session = PtySession::spawn(80, 24);
    session.wait_for_text("Kazakhstan joins the OIC");
    for (columns, rows) in [
        (65535, 65535),
        (120, 40),
        (10_000, 10_000),
        (65535, 3),
        (3, 65535),
    ] {
        let before = session.raw_output().len();
        session.resize_pty(columns, rows);
        // Each size differs from the last once capped, so each is drawn anew.
        session.wait_for_output(before, "a frame at the new size", |out| !out.is_empty());
        thread::sleep(Duration::from_millis(300));
        assert!(
            session.child.try_wait().expect("status").is_none(),
            "still running at {columns}x{rows}"
        );
        let resident = resident_mib(&session);
        assert!(
            resident < 400,
            "{resident} MiB resident at {columns}x{rows}: memory is bounded by the cap"
        );
    }
    session.resize_pty(80, 24);
    thread::sleep(Duration::from_millis(200));
    session.send("q");
    let status = session.wait_for_exit();
    assert!(status.success(), "quit normally: {status:?}");
    session.assert_cooked("after the huge window");
}

/// The keys pressed while the signal comes: moving, searching, leaving the search.
const KEYS: [&str; 8] = ["j", "k", "/", "a", "\x1b", "\t", "G", "g"];

#[test]
fn a_signal_while_frames_are_written_leaves_nothing_after_the_restore() {
    let restore = restore_sequence();
    let signals = [
        (Signal::SIGTERM, 143),
        (Signal::SIGHUP, 129),
        (Signal::SIGINT, 130),
    ];
    for round in 0..6u64 {
        for (signal, code) in signals {
            let mut session = PtySession::spawn(200, 60);
            session.wait_for_text("Kazakhstan joins the OIC");
            // Frames are being written: keys and resizes as fast as they go; the signal comes
            // part way through, at a different moment each round.
            let signal_at = 20 + round * 7;
            // Nothing is sent after the signal: the terminal, cooked again, would echo it.
            for step in 0..=signal_at {
                session.send(KEYS[(step % 8) as usize]);
                let (columns, rows) = if step % 2 == 0 { (200, 60) } else { (170, 50) };
                session.resize_pty(columns, rows);
            }
            kill(session.pid(), signal).expect("signal sent");
            let status = session.wait_for_exit();
            assert_eq!(status.exit_code(), code, "{signal} round {round}");
            session.assert_cooked(signal.as_str());
            let output = session.raw_output();
            let start = last_position(&output, &restore[..8]).expect("the restore was written");
            let (given_back, after) =
                output[start..].split_at(restore.len().min(output.len() - start));
            assert_eq!(
                String::from_utf8_lossy(given_back),
                String::from_utf8_lossy(&restore),
                "{signal} round {round}: the restore, whole"
            );
            // Keys still on their way through the pty when cooked mode came back are echoed
            // by the terminal itself (Esc as ^[); nothing else may follow the restore.
            assert!(
                after.iter().all(|byte| b"jk/a^[\tGg".contains(byte)),
                "{signal} round {round}: written after the restore: {:?}",
                String::from_utf8_lossy(after)
            );
        }
    }
}

#[test]
fn an_unfinished_escape_sequence_never_makes_the_app_deaf() {
    let stuck = [
        "\x1b[<0;1;1",
        "\x1b[<",
        "\x1b[?",
        "\x1b[200~",
        "\x1b]0;title",
        "\x1bP",
        "\x1b[1;",
        "\x1bO",
        "\x1b[M",
        "\x1b[M ",
    ];
    for sequence in stuck {
        // Ctrl-C at once: it breaks into any sequence.
        let mut session = PtySession::spawn(80, 24);
        session.wait_for_text("Kazakhstan joins the OIC");
        session.send(sequence);
        session.send("\x03");
        let status = session.wait_for_exit();
        assert!(status.success(), "{sequence:?} then Ctrl-C: {status:?}");
        // q a moment later: the unfinished sequence has been dropped by then.
        let mut session = PtySession::spawn(80, 24);
        session.wait_for_text("Kazakhstan joins the OIC");
        session.send(sequence);
        thread::sleep(Duration::from_millis(800));
        session.send("q");
        let status = session.wait_for_exit();
        assert!(status.success(), "{sequence:?} then q: {status:?}");
    }
}

#[test]
fn keys_split_across_writes_still_arrive_whole() {
    let mut session = PtySession::spawn(100, 30);
    session.wait_for_text("Kazakhstan joins the OIC");
    // The down arrow in two writes, cut after the ESC and after the bracket.
    session.send("\x1b");
    thread::sleep(Duration::from_millis(5));
    session.send("[");
    thread::sleep(Duration::from_millis(20));
    session.send("B");
    session.wait_for_text("▶ 1996");
    // Alt-← as some terminals send it (ESC before the arrow's sequence): back in history.
    session.send("2");
    session.wait_for_text("listed projects USD 55 mln");
    session.send("\x1b\x1b[D");
    session.wait_for_text("▶ 1996");
    session.send("2");
    session.wait_for_text("listed projects USD 55 mln");
    session.send("q");
    assert!(session.wait_for_exit().success());
}

#[test]
fn a_signal_while_the_terminal_has_stopped_reading_still_gives_it_back() {
    let restore = restore_sequence();
    for (signal, code) in [(Signal::SIGTERM, 143), (Signal::SIGHUP, 129)] {
        let mut session = PtySession::spawn(120, 40);
        session.wait_for_text("Kazakhstan joins the OIC");
        // The terminal stops reading (a paused or stalled link) while frames keep coming, until
        // the app's write is stuck on a full buffer.
        session
            .paused
            .store(true, std::sync::atomic::Ordering::SeqCst);
        for step in 0..300u16 {
            session.resize_pty(20 + (step * 37) % 180, 60 + (step * 53) % 240);
            session.send("j");
            thread::sleep(Duration::from_millis(2));
        }
        thread::sleep(Duration::from_millis(300));
        kill(session.pid(), signal).expect("signal sent");
        let start = std::time::Instant::now();
        while session.child.try_wait().expect("status").is_none() {
            assert!(
                start.elapsed() < Duration::from_secs(5),
                "{signal}: it ends though the terminal does not read"
            );
            thread::sleep(Duration::from_millis(20));
        }
        session
            .paused
            .store(false, std::sync::atomic::Ordering::SeqCst);
        let status = session.wait_for_exit();
        assert_eq!(status.exit_code(), code, "{signal}");
        session.assert_cooked(signal.as_str());
        let output = session.raw_output();
        let entered = last_position(&output, b"\x1b[?1049h").expect("entered");
        let given_back = last_position(&output, &restore[..8]).expect("the restore was written");
        assert!(given_back > entered, "{signal}");
        assert!(
            output[given_back..].starts_with(&restore),
            "{signal}: the restore arrives whole once the terminal reads again"
        );
    }
}
