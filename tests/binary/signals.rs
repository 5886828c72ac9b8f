//! Any signal, any fault: the real binary in a real pty is sent signals, suspended, resized in
//! a storm, made to panic and has its terminal taken away. Each time the terminal is given back
//! (cooked mode with echo, main screen, cursor shown, mouse off) and the exit status says why.

use std::{
    thread,
    time::{Duration, Instant},
};

use crate::common::{
    self,
    pty::{PtySession, contains, last_position},
};
use nix::sys::{
    signal::{Signal, kill},
    termios::LocalFlags,
};

/// The output's last word on the terminal gives it back: the alternate screen left after it
/// was last entered, the cursor shown, mouse reporting off.
fn assert_given_back(output: &[u8], when: &str) {
    let entered = last_position(output, b"\x1b[?1049h").expect("entered the alternate screen");
    let left = last_position(output, b"\x1b[?1049l");
    assert!(
        left.is_some_and(|left| left > entered),
        "{when}: left the alternate screen"
    );
    let tail = &output[entered..];
    assert!(contains(tail, b"\x1b[?25h"), "{when}: cursor shown");
    assert!(
        contains(tail, b"\x1b[?1000l"),
        "{when}: mouse reporting off"
    );
}

fn started() -> PtySession {
    let session = PtySession::spawn(100, 30);
    session.wait_for_text("Kazakhstan joins the OIC");
    session
}

#[test]
fn each_signal_restores_the_terminal_and_exits_with_128_plus_its_number() {
    for (signal, code) in [
        (Signal::SIGTERM, 143),
        (Signal::SIGHUP, 129),
        (Signal::SIGINT, 130),
        (Signal::SIGQUIT, 131),
    ] {
        let mut session = started();
        kill(session.pid(), signal).expect("signal sent");
        let status = session.wait_for_exit();
        assert_eq!(status.exit_code(), code, "{signal}");
        session.assert_cooked(signal.as_str());
        assert_given_back(&session.raw_output(), signal.as_str());
    }
}

/// Waits until the output after byte `from` holds `needle`.
fn wait_for_output(session: &PtySession, from: usize, needle: &[u8], when: &str) {
    let start = Instant::now();
    while !contains(&session.raw_output()[from..], needle) {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{when}: {needle:?} never came"
        );
        thread::sleep(Duration::from_millis(20));
    }
}

/// Waits until the process is stopped (`T` in /proc) or running again.
fn wait_for_state(session: &PtySession, stopped: bool) {
    let path = format!("/proc/{}/stat", session.pid());
    let start = Instant::now();
    loop {
        let stat = std::fs::read_to_string(&path).unwrap_or_default();
        // The state follows the command name, which is in parentheses.
        let state = stat
            .rsplit(')')
            .next()
            .and_then(|rest| rest.trim().chars().next());
        if (state == Some('T')) == stopped {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the process never {}: {stat}",
            if stopped { "stopped" } else { "continued" }
        );
        thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn ctrl_z_gives_the_terminal_back_and_fg_takes_it_again() {
    let mut session = started();
    session.send("2");
    session.wait_for_text("listed projects USD 55 mln");
    for how in ["Ctrl-Z", "SIGTSTP"] {
        let before = session.raw_output().len();
        match how {
            "Ctrl-Z" => session.send("\x1a"),
            _ => kill(session.pid(), Signal::SIGTSTP).expect("signal sent"),
        }
        wait_for_state(&session, true);
        session.assert_cooked(how);
        // The bytes written before the stop may still be on their way through the pty.
        wait_for_output(&session, before, b"\x1b[?1049l", how);
        // What the shell's `fg` does.
        kill(session.pid(), Signal::SIGCONT).expect("signal sent");
        wait_for_state(&session, false);
        session.wait_for(&format!("{how}: the screen drawn again"), |screen| {
            screen.contains("listed projects USD 55 mln") && screen.contains("1 Timeline")
        });
        let output = session.raw_output();
        assert!(
            last_position(&output, b"\x1b[?1049h").is_some_and(|at| at > before),
            "{how}: took the alternate screen again"
        );
        let termios = session.master.get_termios().expect("settings");
        assert!(
            !termios.local_flags.contains(LocalFlags::ICANON),
            "{how}: raw mode again"
        );
    }
    session.send("j");
    session.send("q");
    assert!(session.wait_for_exit().success());
    assert_given_back(&session.raw_output(), "quit after resuming");
}

#[test]
fn a_resize_storm_ends_drawn_right_at_the_last_size() {
    let mut session = started();
    let mut sizes = Vec::new();
    for n in 0..40u16 {
        sizes.push((1 + (n * 37) % 300, 1 + (n * 13) % 100));
    }
    sizes.extend([(1, 1), (2, 1), (1, 2), (59, 14), (300, 100), (1, 1)]);
    for (columns, rows) in sizes {
        session.resize_pty(columns, rows);
        thread::sleep(Duration::from_millis(2));
    }
    session.resize(100, 30);
    session.wait_for("the layout at 100x30", |screen| {
        let lines: Vec<&str> = screen.lines().collect();
        lines.first().is_some_and(|l| l.contains("1 Timeline"))
            && screen.contains("Kazakhstan joins the OIC")
            && lines.iter().any(|l| l.contains("j/k move"))
    });
    session.send("q");
    assert!(session.wait_for_exit().success(), "it survived the storm");
    assert_given_back(&session.raw_output(), "after the storm");
}

#[test]
#[cfg_attr(
    not(debug_assertions),
    ignore = "needs the debug-build seam in src/run/session.rs (OIC_EXPLORER_TEST_PANIC): a release binary cannot be made to panic"
)]
fn a_panic_restores_the_terminal_then_says_where() {
    let mut session = PtySession::spawn_with_env(100, 30, &[("OIC_EXPLORER_TEST_PANIC", "1")]);
    let status = session.wait_for_exit();
    assert_eq!(status.exit_code(), 101);
    session.assert_cooked("after a panic");
    let output = session.raw_output();
    assert_given_back(&output, "after a panic");
    let message = last_position(&output, b"panicked at").expect("the panic message");
    let left = last_position(&output, b"\x1b[?1049l").expect("left the alternate screen");
    assert!(
        left < message,
        "the terminal is restored before the message"
    );
    let text = String::from_utf8_lossy(&output[message..]);
    assert!(text.contains("src/run/session.rs:"), "the location: {text}");
    assert!(
        text.contains("OIC_EXPLORER_TEST_PANIC"),
        "the message: {text}"
    );
    assert_eq!(
        text.matches("panicked at").count(),
        1,
        "one message, no loop: {text}"
    );
}

#[test]
fn a_terminal_that_goes_away_ends_the_program_quietly() {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::Read;
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pty");
    let mut command = CommandBuilder::new(common::pty::BINARY);
    command.env("TERM", "xterm-256color");
    let mut child = pair.slave.spawn_command(command).expect("starts");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("a reader");
    // Wait for the first frame.
    let mut seen = Vec::new();
    let mut buffer = [0u8; 4096];
    while !contains(&seen, b"Kazakhstan joins the OIC") {
        let read = reader.read(&mut buffer).expect("reads");
        assert!(read > 0, "the program ended early");
        seen.extend_from_slice(&buffer[..read]);
    }
    // Closing every handle on the pty's master hangs up the terminal under the program.
    drop(reader);
    drop(pair.master);
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("status") {
            break status;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the program did not end"
        );
        thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.exit_code(), 129, "ended as a hang-up ends it");
    // Whether the hang-up signal or the failed read comes first, the ending is the same.
}

#[test]
fn a_terminal_that_fails_without_a_hang_up_also_ends_quietly() {
    use nix::pty::{Winsize, openpty};
    use std::{fs::File, io::Read, process::Stdio};
    // A pty that is not the program's controlling terminal: closing it sends no SIGHUP, so
    // the program learns of it only from failed reads and writes, stderr included.
    let pty = openpty(
        &Winsize {
            ws_row: 30,
            ws_col: 100,
            ws_xpixel: 0,
            ws_ypixel: 0,
        },
        None,
    )
    .expect("a pty");
    // The child must not inherit the master too, or closing ours would close nothing.
    {
        use nix::fcntl::{FcntlArg, FdFlag, fcntl};
        use std::os::fd::AsRawFd;
        fcntl(
            pty.master.as_raw_fd(),
            FcntlArg::F_SETFD(FdFlag::FD_CLOEXEC),
        )
        .expect("cloexec");
    }
    let slave = |pty: &nix::pty::OpenptyResult| Stdio::from(pty.slave.try_clone().expect("fd"));
    let mut child = std::process::Command::new(common::pty::BINARY)
        .env("TERM", "xterm-256color")
        .stdin(slave(&pty))
        .stdout(slave(&pty))
        .stderr(slave(&pty))
        .spawn()
        .expect("starts");
    drop(pty.slave);
    let mut master = File::from(pty.master);
    let mut seen = Vec::new();
    let mut buffer = [0u8; 4096];
    while !contains(&seen, b"Kazakhstan joins the OIC") {
        let read = master.read(&mut buffer).expect("reads");
        assert!(read > 0, "the program ended early");
        seen.extend_from_slice(&buffer[..read]);
    }
    drop(master);
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("status") {
            break status;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the program did not end"
        );
        thread::sleep(Duration::from_millis(20));
    };
    // Not 101: nothing panics on the way out (ratatui's own clean-up would print to the
    // stderr that is gone, and printing there panics).
    assert_eq!(status.code(), Some(129));
}

#[test]
fn the_loading_screen_suspends_and_continues_too() {
    let folder = tempfile::tempdir().expect("a folder");
    let fifo = folder.path().join("data.fifo");
    nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::S_IRWXU).expect("a fifo");
    let mut session =
        PtySession::spawn_with_args(100, 30, &["--data", fifo.to_str().expect("UTF-8")]);
    session.wait_for_text("nothing has come from the pipe yet");
    for how in ["Ctrl-Z", "SIGTSTP"] {
        let before = session.raw_output().len();
        match how {
            "Ctrl-Z" => session.send("\x1a"),
            _ => kill(session.pid(), Signal::SIGTSTP).expect("signal sent"),
        }
        wait_for_state(&session, true);
        session.assert_cooked(how);
        wait_for_output(&session, before, b"\x1b[?1049l", how);
        kill(session.pid(), Signal::SIGCONT).expect("signal sent");
        wait_for_state(&session, false);
        let after = session.raw_output().len();
        wait_for_output(&session, after, b"Loading", how);
    }
    std::fs::write(&fifo, oic_explorer::EMBEDDED_DATASET).expect("the data");
    session.wait_for_text("Kazakhstan joins the OIC");
    session.send("q");
    assert!(session.wait_for_exit().success());
}
