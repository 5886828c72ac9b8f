//! The helpers both test crates share (`tests/app/` and `tests/binary/` include this folder
//! with `#[path = "../common/mod.rs"] mod common;`): an app on the embedded data driven by
//! keys, its screen as text, the binary run to its end, proptest's settings; `pty` runs the
//! binary in a real pseudo-terminal, `hostile` builds a dataset of hostile text.
//!
//! Each crate uses some of them only, hence `dead_code` is allowed here.
#![allow(dead_code)]

pub mod hostile;
pub mod pty;

use std::{
    ffi::{OsStr, OsString},
    process::{Command, ExitStatus},
    sync::Arc,
};

use oic_explorer::{Action, App, Catalog, load_embedded, render};
use proptest::test_runner::{Config as ProptestConfig, FileFailurePersistence};
use ratatui::{
    Terminal,
    backend::TestBackend,
    crossterm::event::{KeyCode, KeyEvent, KeyModifiers},
    layout::Size,
};

/// The embedded dataset, loaded.
///
/// ```ignore
/// let catalog = common::catalog();
/// let summit = catalog.find("ev-1997-12-summit-8").expect("the summit");
/// Words of the Rust code that reads a dataset, which a message about one never uses.
pub const RUST_WORDS: [&str; 11] = [
    "u64",
    "u32",
    "i32",
    "variant",
    "invalid type",
    "key must be a string",
    "struct",
    "Option",
    "EOF",
    "sequence",
    "map,",
];

/// ```
pub fn catalog() -> Arc<Catalog> {
    Arc::new(load_embedded().expect("the embedded dataset loads"))
}

/// An app on the embedded dataset for a terminal of `width` × `height`.
///
/// ```ignore
/// let mut app = app(80, 24);
/// press(&mut app, KeyCode::Char('2'));
/// ```
pub fn app(width: u16, height: u16) -> App {
    App::new(catalog(), Size::new(width, height))
}

/// Presses one key, as the run loop would: the key is looked up in the app's bindings for
/// its mode, and the action it names, if any, carried out.
///
/// ```ignore
/// press(&mut app, KeyCode::Char('j'));
/// press(&mut app, KeyCode::Enter);
/// ```
pub fn press(app: &mut App, code: KeyCode) {
    press_with(app, code, KeyModifiers::NONE);
}

/// Presses one key with modifiers, as the run loop would.
///
/// ```ignore
/// press_with(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL);
/// ```
pub fn press_with(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    if let Some(action) = app.action_for_key(KeyEvent::new(code, modifiers)) {
        app.update(action);
    }
}

/// Presses each character of `text` as a key: typing in a prompt, or a run of commands.
///
/// ```ignore
/// press(&mut app, KeyCode::Char('/'));
/// type_text(&mut app, "place:baku");
/// ```
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// Carries out an action directly, for what is not a key (mouse events, resizes).
///
/// ```ignore
/// act(&mut app, Action::Resize { width: 90, height: 30 });
/// ```
pub fn act(app: &mut App, action: Action) {
    app.update(action);
}

/// The screen drawn for `app` at its size, on a `TestBackend`: for snapshots and for looking
/// at cells' styles.
///
/// ```ignore
/// insta::assert_snapshot!("funding_80x24", draw(&app).backend());
/// let buffer = draw(&app).backend().buffer().clone();
/// ```
pub fn draw(app: &App) -> Terminal<TestBackend> {
    let size = app.size();
    let mut terminal =
        Terminal::new(TestBackend::new(size.width, size.height)).expect("a test terminal");
    terminal
        .draw(|frame| render(app, frame))
        .expect("drawing succeeds");
    terminal
}

/// The screen drawn for `app`, as text: one line per row, each ending in `\n`.
///
/// ```ignore
/// assert!(screen_text(&app).contains("Funding · all 5 rows"));
/// ```
pub fn screen_text(app: &App) -> String {
    terminal_text(&draw(app))
}

/// What a terminal the test drew on itself shows, as text, as [`screen_text`] gives it: for
/// frames drawn by the run loop.
///
/// ```ignore
/// terminal.draw(|frame| oic_explorer::render(&app, frame))?;
/// frames.push(terminal_text(&terminal));
/// ```
pub fn terminal_text(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            out.push_str(buffer.cell((x, y)).map_or(" ", |cell| cell.symbol()));
        }
        out.push('\n');
    }
    out
}

/// The title of the record selected in the app's current tab.
///
/// ```ignore
/// assert_eq!(selected_title(&app(80, 24)), "Kazakhstan joins the OIC");
/// ```
pub fn selected_title(app: &App) -> String {
    let view = app.view(app.tab());
    view.selected()
        .map(|record| app.catalog().title(record).to_string())
        .unwrap_or_default()
}

/// One run of the binary to its end, without a terminal: how it ended and what it wrote.
#[derive(Debug)]
pub struct Run {
    /// How it ended: `status.success()`, `status.code()`.
    pub status: ExitStatus,
    /// Everything it wrote to standard output.
    pub stdout: String,
    /// Everything it wrote to standard error.
    pub stderr: String,
    /// The arguments it was given, for messages.
    args: Vec<OsString>,
}

impl Run {
    /// The standard output of a run that must have succeeded; a failure panics with the
    /// arguments and what the binary said.
    ///
    /// ```ignore
    /// let text = run(["--plain", "--tab", "timeline"]).succeeded();
    /// ```
    pub fn succeeded(self) -> String {
        assert!(
            self.status.success(),
            "{:?} ended with {}: {}",
            self.args,
            self.status,
            self.stderr
        );
        self.stdout
    }
}

/// Runs the binary with `args` (strings or paths) and waits for it to end. No terminal:
/// standard input is empty, standard output and error are pipes. `NO_COLOR` is unset so the
/// test's own environment does not change what it writes. Panics if it cannot start or
/// writes anything that is not UTF-8: all it writes is text.
///
/// ```ignore
/// let check = run(["check", file.to_str().unwrap()]);
/// assert!(check.status.success(), "{}", check.stderr);
/// assert!(check.stdout.contains("quotes not checked"));
/// ```
pub fn run<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    run_with_env(args, &[])
}

/// [`run`], with `env` set in the binary's environment as well.
///
/// ```ignore
/// let listed = run_with_env(["config"], &[("XDG_CONFIG_HOME", home)]);
/// ```
pub fn run_with_env<I, S>(args: I, env: &[(&str, &str)]) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let args: Vec<OsString> = args.into_iter().map(|arg| arg.as_ref().into()).collect();
    let mut command = Command::new(pty::BINARY);
    command.args(&args).env_remove("NO_COLOR");
    for (key, value) in env {
        command.env(key, value);
    }
    let output = command.output().expect("the binary runs");
    let text = |bytes: Vec<u8>, stream: &str| {
        String::from_utf8(bytes).unwrap_or_else(|error| {
            panic!("{args:?} wrote bytes that are not UTF-8 to {stream}: {error}")
        })
    };
    Run {
        status: output.status,
        stdout: text(output.stdout, "stdout"),
        stderr: text(output.stderr, "stderr"),
        args,
    }
}

/// A proptest configuration of `default_cases` cases (`PROPTEST_CASES` overrides it) that
/// keeps the inputs it fails on next to the test's file and replays them first:
/// `tests/app/random_use.rs` keeps them in `tests/app/random_use.proptest-regressions`.
///
/// ```ignore
/// proptest! {
///     #![proptest_config(common::proptest_config(64))]
///     #[test]
///     fn never_panics(bytes in any::<Vec<u8>>()) { load_and_show(&bytes)?; }
/// }
/// ```
pub fn proptest_config(default_cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(default_cases),
        // proptest's default (`SourceParallel`) looks for a `main.rs` above the test's file and
        // keeps failures in a `proptest-regressions/` folder beside that: here it would find
        // the crate's `main.rs` and miss the files kept next to each test.
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..ProptestConfig::default()
    }
}
