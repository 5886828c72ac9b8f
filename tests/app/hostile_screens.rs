//! Hostile data on the screen: control characters, escape sequences, bidirectional
//! overrides, invisible characters, huge fields and wide scripts, drawn by the app itself. No
//! cell holds a control, the escapes are shown visibly, huge fields are cut, and borders stay in
//! place. (`tests/binary/hostile_output.rs` runs the real binary on the same data.)

use std::sync::Arc;

use crate::common::{
    self, draw,
    hostile::{self, INJECTIONS, WIDE},
    press, type_text,
};
use oic_explorer::{App, Catalog, DetailText, RecordRef, display_line, display_text, load};
use ratatui::{crossterm::event::KeyCode, layout::Size};
use unicode_width::UnicodeWidthStr;

fn hostile_catalog() -> Arc<Catalog> {
    let text = serde_json::to_string(&hostile::dataset()).expect("JSON");
    Arc::new(load("hostile.json", &text, None).expect("the hostile dataset is valid"))
}

/// Every screen a newcomer would see, with the hostile records on it.
fn visit_everything(app: &mut App, mut look: impl FnMut(&App, &str)) {
    for tab in ['1', '2', '3', '4'] {
        press(app, KeyCode::Char(tab));
        for _ in 0..14 {
            look(app, "list");
            press(app, KeyCode::Char('j'));
        }
        press(app, KeyCode::Char('g'));
        press(app, KeyCode::Char('l'));
        look(app, "links");
        press(app, KeyCode::Esc);
        press(app, KeyCode::Char('s'));
        look(app, "source");
        press(app, KeyCode::Esc);
    }
    press(app, KeyCode::Char('/'));
    type_text(app, "injected");
    look(app, "search");
    for _ in 0..12 {
        press(app, KeyCode::Down);
        look(app, "search");
    }
    press(app, KeyCode::Esc);
    press(app, KeyCode::Char('?'));
    look(app, "help");
    press(app, KeyCode::Esc);
}

#[test]
fn no_cell_holds_a_control_or_invisible_character_and_every_row_keeps_its_width() {
    let catalog = hostile_catalog();
    for (width, height) in [(80, 24), (120, 40), (250, 80)] {
        let mut app = App::new(Arc::clone(&catalog), Size::new(width, height));
        let mut screens = 0;
        visit_everything(&mut app, |app, what| {
            screens += 1;
            let terminal = draw(app);
            let buffer = terminal.backend().buffer();
            for y in 0..height {
                let mut row = String::new();
                let mut x = 0;
                while x < width {
                    let symbol = buffer[(x, y)].symbol();
                    assert!(
                        display_text(symbol, usize::MAX).is_none(),
                        "{what} at {width}x{height}: cell ({x},{y}) holds {symbol:?}"
                    );
                    row.push_str(symbol);
                    // A wide symbol covers the next cell too, which the buffer leaves blank.
                    x += u16::try_from(symbol.width().max(1)).unwrap_or(1);
                }
                assert!(
                    row.width() <= usize::from(width),
                    "{what} at {width}x{height}: row {y} is {} columns: {row}",
                    row.width()
                );
            }
        });
        assert!(screens > 60);
    }
}

#[test]
fn the_escapes_are_shown_visibly() {
    let catalog = hostile_catalog();
    let mut app = App::new(catalog, Size::new(250, 80));
    press(&mut app, KeyCode::Char('3'));
    let screen = format!("{:?}", draw(&app).backend());
    for (what, _) in INJECTIONS {
        let marker = INJECTIONS
            .iter()
            .find(|(name, _)| name == what)
            .map(|(_, injection)| injection)
            .expect("known");
        let escaped = display_line(marker).expect("every injection is escaped");
        // The first few escaped characters are on the title line of the detail pane (a line
        // break there is a space).
        let start: String = escaped.chars().take(12).collect();
        assert!(screen.contains(&start), "{what}: {start:?} not on screen");
    }
}

#[test]
fn huge_fields_load_and_show_cut_short() {
    let catalog = hostile_catalog();
    let line_of = |line: &oic_explorer::StyledLine| line.text();
    // The 10 MB summary: its first 20,000 characters and a note of the rest.
    let summary = DetailText::new(&catalog, RecordRef::Event(1), 60);
    let text: Vec<String> = summary.lines.iter().map(line_of).collect();
    assert!(text.iter().any(|line| line.contains("ten megabytes")));
    assert!(
        text.iter()
            .any(|line| line.contains("more characters not shown")),
        "the cut is said"
    );
    assert!(text.len() < 1_000, "{} lines", text.len());
    // The 100,000-character title: 1,000 characters and the note.
    let title = DetailText::new(&catalog, RecordRef::Event(0), 60);
    let shown: usize = title
        .lines
        .iter()
        .map(line_of)
        .take_while(|line| !line.is_empty())
        .map(|line| line.matches('T').count())
        .sum();
    assert_eq!(shown, 1_000);
    // And both draw in a list and a detail pane without trouble.
    let mut app = App::new(catalog, Size::new(120, 40));
    let first = format!("{:?}", draw(&app).backend());
    assert!(first.contains("TTTTTTTT"));
    press(&mut app, KeyCode::Char('j'));
    assert!(format!("{:?}", draw(&app).backend()).contains("ten megabytes"));
}

#[test]
fn a_huge_source_paragraph_is_cut_and_wrapped_once() {
    let paragraph = "Kazakhstan joined the OIC. ".repeat(20_000_000 / 27);
    let source = format!("Kazakhstan joined the OIC.\n\n{paragraph}\n");
    let json = r#"{"title": "t", "events": [{"id": "e1", "title": "E", "kind": "summit",
        "summary": "s", "sources": [{"paragraph": 1, "quote": "Kazakhstan joined the OIC."},
        {"paragraph": 2, "quote": "Kazakhstan joined the OIC."}]}]}"#;
    let catalog = load("huge.json", json, Some(&source)).expect("valid");
    let mut app = App::new(Arc::new(catalog), Size::new(120, 40));
    press(&mut app, KeyCode::Char('S'));
    let page = app
        .source_page()
        .expect("the source view's lines are built when it opens");
    assert!(
        page.lines().len() < 1_000,
        "{} lines: the paragraph is cut as running text is",
        page.lines().len()
    );
    press(&mut app, KeyCode::Char('G'));
    let screen = common::screen_text(&app);
    assert!(
        screen.contains("more characters not shown"),
        "the cut is said:\n{screen}"
    );
    // Scrolling reuses the lines; only a new width builds them again.
    let built = app.source_page().map(|page| page.lines().as_ptr());
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.source_page().map(|page| page.lines().as_ptr()), built);
    common::act(
        &mut app,
        oic_explorer::Action::Resize {
            width: 90,
            height: 30,
        },
    );
    assert_ne!(app.source_page().map(|page| page.lines().as_ptr()), built);
    assert!(common::screen_text(&app).contains("Source"));
    // The Source tab cuts it alike.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('5'));
    press(&mut app, KeyCode::Char('j'));
    let screen = common::screen_text(&app);
    assert!(screen.contains("¶2 · cited by 1 record"), "{screen}");
    assert!(screen.contains("Source ¶2/2"), "{screen}");
}

#[test]
fn an_id_with_a_control_character_is_refused() {
    let mut json = hostile::dataset();
    json["events"][3]["id"] = "ev-\u{1b}[2J".into();
    let text = serde_json::to_string(&json).expect("JSON");
    let error = load("hostile.json", &text, None).expect_err("refused");
    let message = error.to_string();
    assert!(message.contains("U+001B"), "{message}");
    assert!(!message.contains('\u{1b}'), "{message:?}");
}

#[test]
fn wide_and_complex_scripts_keep_the_borders() {
    let catalog = hostile_catalog();
    let mut app = App::new(catalog, Size::new(100, 30));
    press(&mut app, KeyCode::Char('4'));
    let mut screens = Vec::new();
    for _ in 0..WIDE.len() {
        screens.push(format!("{:?}", draw(&app).backend()));
        press(&mut app, KeyCode::Char('j'));
    }
    insta::assert_snapshot!("wide_scripts_participants_100x30", screens[0]);
    insta::assert_snapshot!("wide_scripts_emoji_detail_100x30", screens[WIDE.len() - 1]);
    for (n, screen) in screens.iter().enumerate() {
        for (y, line) in screen.lines().skip(1).take(28).enumerate() {
            let line = line.trim_start_matches('"').trim_end_matches("\",");
            if line.starts_with('│') || line.starts_with('┌') || line.starts_with('└') {
                assert!(
                    line.ends_with('│')
                        || line.ends_with('║')
                        || line.ends_with('┐')
                        || line.ends_with('┘')
                        || line.ends_with('█'),
                    "screen {n}, row {y}: the right border moved: {line}"
                );
            }
        }
    }
}

/// A line break in a one-line field (a title, a place, a name) is shown as a space wherever
/// the field is drawn on one line, as plain output writes it, never dropped so two words run
/// together; and a message naming the record (`y`) is one line too.
#[test]
fn a_line_break_in_a_title_is_shown_not_dropped() {
    let mut data: serde_json::Value =
        serde_json::from_str(oic_explorer::EMBEDDED_DATASET).expect("the embedded JSON");
    data["events"][0]["title"] = serde_json::json!("Kazakhstan\njoins the OIC");
    data["events"][0]["place"] = serde_json::json!("Al\nmaty");
    let text = serde_json::to_string(&data).expect("JSON");
    let catalog = Arc::new(load("lf.json", &text, None).expect("valid"));
    for width in [80u16, 120] {
        let mut app = App::new(Arc::clone(&catalog), Size::new(width, 30));
        let screen = common::screen_text(&app);
        assert!(screen.contains("Kazakhstan joins"), "{screen}");
        assert!(!screen.contains("Kazakhstanjoins"), "{screen}");
        press(&mut app, KeyCode::Char('y'));
        let screen = common::screen_text(&app);
        assert!(!screen.contains("Kazakhstanjoins"), "{screen}");
        press(&mut app, KeyCode::Char('6'));
        let screen = common::screen_text(&app);
        assert!(screen.contains("Al maty"), "{screen}");
    }
}

/// An invisible character pasted into the search or the filter is shown as an escape on the
/// prompt line, as the messages about that query write it: never dropped from one and shown
/// in the other.
#[test]
fn a_pasted_invisible_character_is_shown_on_every_prompt_line() {
    let catalog = oic_explorer::load_embedded().expect("embedded");
    for open in [KeyCode::Char('/'), KeyCode::Char('&')] {
        let mut app = App::new(Arc::new(catalog.clone()), Size::new(100, 30));
        press(&mut app, open);
        app.update(oic_explorer::Action::SearchPaste("zq\u{202e}x".into()));
        let screen = crate::common::screen_text(&app);
        assert!(screen.contains("zq\\u{202e}x"), "{open:?}:\n{screen}");
    }
}

/// A result shown with the field it matched in shows the words matched after the field's
/// name, at every width: never a name and a colon alone.
#[test]
fn a_matched_field_always_shows_its_words() {
    let catalog = Arc::new(oic_explorer::load_embedded().expect("embedded"));
    for query in ["putrajaya", "almaty", "mecca", "nazarbaev education"] {
        for width in [60u16, 72, 80, 100, 120] {
            let mut app = App::new(Arc::clone(&catalog), Size::new(width, 30));
            press(&mut app, KeyCode::Char('/'));
            type_text(&mut app, query);
            let screen = crate::common::screen_text(&app);
            for line in screen
                .lines()
                .filter(|line| line.contains("): ") || line.contains(": …"))
            {
                let after = line.rsplit(": ").next().unwrap_or("");
                let words = after.trim_end_matches(['│', ' ']).trim();
                assert!(
                    words.chars().filter(|c| c.is_alphanumeric()).count() >= 3,
                    "{query} at {width}: {line:?}"
                );
            }
        }
    }
}
