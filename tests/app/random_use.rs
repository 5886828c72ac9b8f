//! Any terminal, any key: the app driven by random sequences of keys, mouse events, pastes and
//! resizes (0x0 to 300x100), drawn after each. It never panics, and what it shows stays
//! consistent: the selection inside its list, history pointing at real records, the search
//! counter inside its results.

use crate::common;

use std::sync::{Arc, OnceLock};

use oic_explorer::{App, Catalog, Focus, Mode, Tab, load, render, synthetic};
use proptest::prelude::*;
use ratatui::{
    Terminal,
    backend::TestBackend,
    crossterm::event::{
        Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
    },
    layout::Size,
};

/// The catalogs driven: the embedded data, hostile text, a synthetic thousand, a dataset with
/// no records at all and one with funding only (a narrowed export).
fn catalogs() -> &'static [Arc<Catalog>] {
    static CATALOGS: OnceLock<Vec<Arc<Catalog>>> = OnceLock::new();
    CATALOGS.get_or_init(|| {
        let hostile = serde_json::to_string(&common::hostile::dataset()).expect("JSON");
        vec![
            common::catalog(),
            Arc::new(load("hostile.json", &hostile, None).expect("valid")),
            Arc::new(Catalog::new(synthetic::generate(1_000, 3), None).expect("valid")),
            Arc::new(load("empty.json", r#"{"title": "Nothing"}"#, None).expect("valid")),
            Arc::new(funding_only()),
        ]
    })
}

/// The embedded dataset's programme and projects, with the participants they refer to.
fn funding_only() -> Catalog {
    let mut json: serde_json::Value =
        serde_json::from_str(oic_explorer::EMBEDDED_DATASET).expect("JSON");
    json["events"] = serde_json::json!([]);
    json["initiatives"] = serde_json::json!([]);
    // Their notes and names go with the records removed.
    json["spellings"] = serde_json::json!([]);
    let participants = json["participants"].as_array_mut().expect("participants");
    participants.retain(|p| p["id"] == "p-idb" || p["id"] == "p-kazakhstan");
    for participant in participants {
        participant
            .as_object_mut()
            .expect("an object")
            .remove("part_of");
    }
    load("funding.json", &json.to_string(), None).expect("valid")
}

fn key_code() -> impl Strategy<Value = KeyCode> {
    prop_oneof![
        6 => prop::sample::select(
            "jkgGlhHLnNsfoc/?qJK[]1234 abzé\u{1b}".chars().collect::<Vec<_>>()
        )
        .prop_map(KeyCode::Char),
        1 => any::<char>().prop_map(KeyCode::Char),
        4 => prop::sample::select(vec![
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::Backspace,
            KeyCode::Delete,
            KeyCode::F(1),
        ]),
    ]
}

fn modifiers() -> impl Strategy<Value = KeyModifiers> {
    prop_oneof![
        8 => Just(KeyModifiers::NONE),
        1 => Just(KeyModifiers::SHIFT),
        1 => Just(KeyModifiers::ALT),
        // Ctrl-C quits and Ctrl-Z suspends: the app only records them, as the loop acts.
        1 => Just(KeyModifiers::CONTROL),
    ]
}

fn event() -> impl Strategy<Value = Event> {
    let mouse_kind = prop::sample::select(vec![
        MouseEventKind::Down(MouseButton::Left),
        MouseEventKind::Down(MouseButton::Right),
        MouseEventKind::Up(MouseButton::Left),
        MouseEventKind::ScrollDown,
        MouseEventKind::ScrollUp,
        MouseEventKind::Moved,
        MouseEventKind::Drag(MouseButton::Left),
    ]);
    prop_oneof![
        12 => (key_code(), modifiers()).prop_map(|(code, modifiers)| {
            Event::Key(KeyEvent::new(code, modifiers))
        }),
        3 => (mouse_kind, 0u16..310, 0u16..110).prop_map(|(kind, column, row)| {
            Event::Mouse(MouseEvent {
                kind,
                column,
                row,
                modifiers: KeyModifiers::NONE,
            })
        }),
        1 => ".{0,40}".prop_map(Event::Paste),
        2 => (0u16..=300, 0u16..=100).prop_map(|(w, h)| Event::Resize(w, h)),
    ]
}

/// What must hold after every event.
fn check(app: &App) -> Result<(), TestCaseError> {
    let catalog = app.catalog();
    for tab in Tab::ALL {
        let view = app.view(tab);
        let length = view.len();
        if length == 0 {
            prop_assert_eq!(view.list.selected, 0, "{:?}: nothing to select", tab);
        } else {
            prop_assert!(
                view.list.selected < length,
                "{:?}: selection in the list",
                tab
            );
            prop_assert!(
                view.list.offset <= view.list.selected,
                "{:?}: selection on screen",
                tab
            );
            match (view.selected_paragraph(), view.selected_place()) {
                (Some(paragraph), _) => prop_assert!(paragraph as usize <= length),
                (None, Some(place)) => prop_assert!(catalog.places().get(place).is_some()),
                (None, None) => {
                    prop_assert!(view.selected().is_some_and(|r| catalog.get(r).is_some()))
                }
            }
            if view.focus == Focus::Links {
                prop_assert!(view.link < view.link_count(catalog), "{:?}: link", tab);
            }
        }
    }
    let history = app.history();
    prop_assert!(history.trail().len() <= 200);
    for place in history.trail() {
        prop_assert!(place.record.is_none_or(|r| catalog.get(r).is_some()));
    }
    if app.mode() == Mode::Search {
        let prompt = app.prompt();
        // Records, then the source's paragraphs.
        let results = prompt.total();
        prop_assert!(
            prompt.selected() < results.max(1),
            "chosen result {} of {}",
            prompt.selected(),
            results
        );
    }
    if let Some(last) = app.last_search() {
        prop_assert!(last.is_empty() || last.position() < last.len());
    }
    Ok(())
}

proptest! {
    #![proptest_config(common::proptest_config(64))]

    #[test]
    fn random_use_never_breaks_the_app(
        which in 0usize..5,
        width in 0u16..=300,
        height in 0u16..=100,
        events in prop::collection::vec(event(), 1..120),
    ) {
        let catalog = Arc::clone(&catalogs()[which]);
        let mut app = App::new(catalog, Size::new(width, height));
        for event in events {
            app.input(event);
            let _ = app.take_clipboard();
            let _ = app.take_suspend();
            let size = app.size();
            draw_at(&app, (size.width, size.height))?;
            check(&app)?;
        }
    }
}

/// Draws `app` on a terminal of `size`, whatever size the app was last told of.
fn draw_at(app: &App, size: (u16, u16)) -> Result<(), TestCaseError> {
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1))
        .map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
    terminal
        .draw(|frame| render(app, frame))
        .map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
    Ok(())
}

proptest! {
    #![proptest_config(common::proptest_config(64))]

    /// The terminal can change size between the last resize the app heard of and the frame
    /// being drawn (a resize storm): every frame is laid out for its own size.
    #[test]
    fn a_frame_of_another_size_than_the_app_knows_draws_inside_itself(
        which in 0usize..5,
        events in prop::collection::vec((event(), 0u16..=250, 0u16..=80), 1..40),
    ) {
        let catalog = Arc::clone(&catalogs()[which]);
        let mut app = App::new(catalog, Size::new(120, 40));
        for (event, width, height) in events {
            app.input(event);
            let _ = app.take_clipboard();
            let _ = app.take_suspend();
            draw_at(&app, (width, height))?;
        }
    }
}
