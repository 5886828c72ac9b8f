//! The real binary in a real pseudo-terminal, its output drained into a terminal emulator
//! (`vt100`) so a test reads the screen a user would see, and kept whole so it can check
//! every byte written. Waits are on a condition with a timeout, never a fixed sleep.

use std::{
    io::{Read, Write},
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, Ordering},
    },
    thread,
    time::{Duration, Instant},
};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// The binary under test, built by cargo for the test crates.
///
/// ```ignore
/// let child = std::process::Command::new(BINARY).arg("--plain").spawn()?;
/// ```
pub const BINARY: &str = env!("CARGO_BIN_EXE_oic-explorer");
const TIMEOUT: Duration = Duration::from_secs(10);

/// The binary running in a pty, its output drained continuously into a terminal emulator.
/// Dropping it kills the binary.
///
/// ```ignore
/// let mut session = PtySession::spawn(100, 30);
/// session.wait_for_text("Kazakhstan joins the OIC");
/// session.send("q");
/// assert!(session.wait_for_exit().success());
/// ```
pub struct PtySession {
    /// The terminal's side of the pty: its size and settings.
    pub master: Box<dyn MasterPty + Send>,
    /// What the user types goes here; see [`PtySession::send`].
    pub writer: Box<dyn Write + Send>,
    /// The binary.
    pub child: Box<dyn Child + Send + Sync>,
    /// The emulator the output is drained into; see [`PtySession::screen`].
    pub parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte written so far; see [`PtySession::raw_output`].
    pub output: Arc<Mutex<Vec<u8>>>,
    /// While set, nothing is read from the pty: a terminal that stopped reading.
    /// `session.paused.store(true, Ordering::SeqCst)`.
    pub paused: Arc<AtomicBool>,
}

impl PtySession {
    /// The binary with no arguments in a pty of `columns` × `rows`, `TERM=xterm-256color`.
    ///
    /// ```ignore
    /// let session = PtySession::spawn(120, 40);
    /// ```
    pub fn spawn(columns: u16, rows: u16) -> Self {
        Self::spawn_with_env(columns, rows, &[])
    }

    /// The binary with `args` in a pty of `columns` × `rows`.
    ///
    /// ```ignore
    /// let session = PtySession::spawn_with_args(100, 30, &["--data", path]);
    /// ```
    pub fn spawn_with_args(columns: u16, rows: u16, args: &[&str]) -> Self {
        Self::start(columns, rows, &[], args)
    }

    /// The binary with `env` set in its environment, in a pty of `columns` × `rows`.
    ///
    /// ```ignore
    /// let session = PtySession::spawn_with_env(100, 30, &[("NO_COLOR", "1")]);
    /// ```
    pub fn spawn_with_env(columns: u16, rows: u16, env: &[(&str, &str)]) -> Self {
        Self::start(columns, rows, env, &[])
    }

    /// The binary with `env` and `args`, in a pty of `columns` × `rows`; `NO_COLOR` is unset
    /// unless `env` sets it.
    ///
    /// ```ignore
    /// let session = PtySession::start(100, 30, &[("XDG_CONFIG_HOME", home)], &["--tab", "funding"]);
    /// ```
    pub fn start(columns: u16, rows: u16, env: &[(&str, &str)], args: &[&str]) -> Self {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols: columns,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        let mut command = CommandBuilder::new(BINARY);
        command.args(args);
        command.env("TERM", "xterm-256color");
        command.env_remove("NO_COLOR");
        for (key, value) in env {
            command.env(key, value);
        }
        let child = pair
            .slave
            .spawn_command(command)
            .expect("the binary starts");
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, columns, 0)));
        let output = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().expect("a reader");
        let (thread_parser, thread_output) = (Arc::clone(&parser), Arc::clone(&output));
        let paused = Arc::new(AtomicBool::new(false));
        let thread_paused = Arc::clone(&paused);
        thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            loop {
                while thread_paused.load(Ordering::SeqCst) {
                    thread::sleep(Duration::from_millis(5));
                }
                let Ok(read) = reader.read(&mut buffer) else {
                    break;
                };
                if read == 0 {
                    break;
                }
                thread_parser.lock().unwrap().process(&buffer[..read]);
                thread_output
                    .lock()
                    .unwrap()
                    .extend_from_slice(&buffer[..read]);
            }
        });
        let writer = pair.master.take_writer().expect("a writer");
        Self {
            master: pair.master,
            writer,
            child,
            parser,
            output,
            paused,
        }
    }

    /// Types `bytes` as the user would: keys, or escape sequences a terminal sends.
    ///
    /// ```ignore
    /// session.send("/baku\r");
    /// session.send("\x1b[B"); // the down arrow
    /// ```
    pub fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// The screen as the emulator shows it now, rows joined by `\n`.
    ///
    /// ```ignore
    /// assert!(session.screen().contains("Funding"), "{}", session.screen());
    /// ```
    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Waits until `condition` holds of the screen; after 10 s panics naming `what` and showing
    /// the screen.
    ///
    /// ```ignore
    /// session.wait_for("the help closed", |screen| !screen.contains("Anywhere"));
    /// ```
    pub fn wait_for(&self, what: &str, condition: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if condition(&screen) {
                return;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for {what}; the screen:\n{screen}"
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the screen shows `text`.
    ///
    /// ```ignore
    /// session.wait_for_text("1 Timeline");
    /// ```
    pub fn wait_for_text(&self, text: &str) {
        self.wait_for(&format!("{text:?}"), |screen| screen.contains(text));
    }

    /// Resizes the pty and the emulator together, as a terminal window would.
    ///
    /// ```ignore
    /// session.resize(80, 24);
    /// session.wait_for_text("Timeline");
    /// ```
    pub fn resize(&mut self, columns: u16, rows: u16) {
        self.parser
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(rows, columns);
        self.master
            .resize(PtySize {
                rows,
                cols: columns,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
    }

    /// Waits for the binary to end (panics after 10 s) and for what it wrote last to be read.
    ///
    /// ```ignore
    /// assert_eq!(session.wait_for_exit().exit_code(), 2);
    /// ```
    pub fn wait_for_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                self.drain();
                return status;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "the program did not exit; the screen:\n{}",
                self.screen()
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the reader has taken in what the program wrote before it ended: no new
    /// byte for 200 ms (a reader that was paused may have a full terminal buffer to read, and
    /// a loaded machine reads it slowly).
    fn drain(&self) {
        let start = Instant::now();
        let mut seen = self.output.lock().unwrap().len();
        while start.elapsed() < TIMEOUT {
            thread::sleep(Duration::from_millis(200));
            let now = self.output.lock().unwrap().len();
            if now == seen {
                return;
            }
            seen = now;
        }
    }

    /// Every byte written so far, escape codes included.
    ///
    /// ```ignore
    /// assert!(contains(&session.raw_output(), b"\x1b[?1049l"), "left the alternate screen");
    /// ```
    pub fn raw_output(&self) -> Vec<u8> {
        self.output.lock().unwrap().clone()
    }

    /// Every byte written so far, as text (what is not UTF-8 shown as `�`): for messages.
    ///
    /// ```ignore
    /// let output = session.output_text();
    /// assert!(!output.contains('\x1b'), "no escape code: {output:?}");
    /// ```
    pub fn output_text(&self) -> String {
        String::from_utf8_lossy(&self.raw_output()).into_owned()
    }

    /// The program's process id, for signals.
    ///
    /// ```ignore
    /// kill(session.pid(), Signal::SIGTERM)?;
    /// ```
    pub fn pid(&self) -> nix::unistd::Pid {
        let id = self.child.process_id().expect("a process id");
        nix::unistd::Pid::from_raw(i32::try_from(id).expect("a pid"))
    }

    /// Resizes the pty only, as a terminal window would (the kernel sends SIGWINCH); the
    /// test's own emulator keeps its size, as it cannot shrink to 1x1 or grow to 65535x65535.
    ///
    /// ```ignore
    /// session.resize_pty(65535, 65535);
    /// ```
    pub fn resize_pty(&self, columns: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols: columns,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resized");
    }

    /// Asserts the pty is in cooked mode with echo, as a shell expects to find it.
    ///
    /// ```ignore
    /// session.assert_cooked("after SIGTERM");
    /// ```
    pub fn assert_cooked(&self, when: &str) {
        use nix::sys::termios::LocalFlags;
        let termios = self.master.get_termios().expect("the pty's settings");
        assert!(
            termios.local_flags.contains(LocalFlags::ICANON),
            "{when}: line editing (ICANON) is back"
        );
        assert!(
            termios.local_flags.contains(LocalFlags::ECHO),
            "{when}: echo is back"
        );
    }

    /// Waits until `condition` holds of the output written after byte `from`.
    ///
    /// ```ignore
    /// let before = session.raw_output().len();
    /// session.send("j");
    /// session.wait_for_output(before, "a frame", |out| !out.is_empty());
    /// ```
    pub fn wait_for_output(&self, from: usize, what: &str, condition: impl Fn(&[u8]) -> bool) {
        let start = Instant::now();
        while !condition(&self.raw_output()[from..]) {
            assert!(start.elapsed() < TIMEOUT, "{what} never came");
            thread::sleep(Duration::from_millis(20));
        }
    }
}

/// Whether `needle` occurs in `haystack`.
///
/// ```ignore
/// assert!(contains(&output, b"\x1b[?1049l"), "left the alternate screen");
/// ```
pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Where `needle` last occurs in `haystack`.
///
/// ```ignore
/// let restored = last_position(&output, b"\x1b[?1049l").expect("a restore");
/// assert!(restored < last_position(&output, b"panicked at").unwrap());
/// ```
pub fn last_position(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

impl Drop for PtySession {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}
