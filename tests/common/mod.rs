//! Helpers shared by the integration tests: an app on the embedded data, keys, a screen.
#![allow(dead_code)]

pub mod hostile;
pub mod pty;

use std::sync::Arc;

use oic_explorer::{
    action::Action,
    app::{self, App},
    data::{Catalog, load_embedded},
};
use proptest::test_runner::{Config as ProptestConfig, FileFailurePersistence};
use ratatui::{
    Terminal,
    backend::TestBackend,
    crossterm::event::{KeyCode, KeyEvent, KeyModifiers},
    layout::Size,
};

/// The embedded dataset.
pub fn catalog() -> Arc<Catalog> {
    Arc::new(load_embedded().expect("the embedded dataset loads"))
}

/// An app on the embedded dataset for a terminal of `width` × `height`.
pub fn app(width: u16, height: u16) -> App {
    App::new(catalog(), Size::new(width, height))
}

/// Presses one key, as the run loop would.
pub fn press(app: &mut App, code: KeyCode) {
    press_with(app, code, KeyModifiers::NONE);
}

/// Presses one key with modifiers, as the run loop would.
pub fn press_with(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    if let Some(action) = app.action_for_key(KeyEvent::new(code, modifiers)) {
        app.update(action);
    }
}

/// Presses each character of `text` as a key.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// Carries out an action directly (for mouse and resize events).
pub fn act(app: &mut App, action: Action) {
    app.update(action);
}

/// The screen drawn for `app` at its size.
pub fn draw(app: &App) -> Terminal<TestBackend> {
    let size = app.size();
    let mut terminal =
        Terminal::new(TestBackend::new(size.width, size.height)).expect("a test terminal");
    terminal
        .draw(|frame| app::render(app, frame))
        .expect("drawing succeeds");
    terminal
}

/// The screen as text, one line per row.
pub fn screen_text(app: &App) -> String {
    let terminal = draw(app);
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
pub fn selected_title(app: &App) -> String {
    let view = app.view(app.tab());
    view.selected()
        .map(|record| app.catalog().title(record).to_string())
        .unwrap_or_default()
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
