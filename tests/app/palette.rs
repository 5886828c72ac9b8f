//! The command palette (`:`, Ctrl-p) and the help's filter (`/` in the help): what they list,
//! that typing filters, that `Enter` runs the chosen action as its key would, and that a
//! remapped key shows in them at once.

use std::path::Path;

use crate::common::{
    app, catalog, draw, press, press_with, screen_text, selected_title, type_text,
};
use clap::Parser;
use oic_explorer::{App, Cli, Config, Mode, Tab, build_app};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

/// The app opened with `file` as its config file, at `width` × `height`.
fn configured(file: &str, width: u16, height: u16) -> App {
    let config = Config::parse(Path::new("/home/u/.config/oic-explorer/config.toml"), file)
        .unwrap_or_else(|error| panic!("{error:?}"));
    let mut cli = Cli::try_parse_from(["oic-explorer"]).expect("the command line parses");
    config.fill_in(&mut cli, true);
    let mut app = build_app(&cli, &config.bindings, catalog()).expect("the app opens");
    app.update(oic_explorer::Action::Resize { width, height });
    app
}

#[test]
fn the_palette_lists_every_action_and_filters_as_you_type() {
    for (width, height) in [(80, 24), (160, 40)] {
        let mut app = app(width, height);
        press(&mut app, KeyCode::Char(':'));
        assert_eq!(app.mode(), Mode::Palette);
        let screen = screen_text(&app);
        let status = screen.lines().last().unwrap_or_default();
        assert!(
            status.contains("Enter run") && status.contains("Esc close"),
            "{status}"
        );
        assert!(
            !status.contains("keep") && !status.contains("clear"),
            "{status}"
        );
        insta::assert_snapshot!(format!("palette_{width}x{height}"), draw(&app).backend());
        type_text(&mut app, "citation");
        insta::assert_snapshot!(
            format!("palette_citation_{width}x{height}"),
            draw(&app).backend()
        );
    }
}

#[test]
fn ctrl_p_opens_it_too_and_esc_closes_it() {
    let mut app = app(80, 24);
    press_with(&mut app, KeyCode::Char('p'), KeyModifiers::CONTROL);
    assert_eq!(app.mode(), Mode::Palette);
    type_text(&mut app, "q");
    assert_eq!(app.mode(), Mode::Palette, "q is a letter while typing");
    assert!(app.is_running());
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Browse);
    assert!(app.overlay().is_none());
}

/// `Enter` runs the chosen action through the same update as its key: the palette's `copy the
/// record's citation` copies what `y` copies; `the Funding tab` goes there.
#[test]
fn enter_runs_the_chosen_action_as_its_key_would() {
    let mut by_key = app(80, 24);
    press(&mut by_key, KeyCode::Char('j'));
    press(&mut by_key, KeyCode::Char('y'));
    let mut by_palette = app(80, 24);
    press(&mut by_palette, KeyCode::Char('j'));
    press(&mut by_palette, KeyCode::Char(':'));
    type_text(&mut by_palette, "copy citation");
    press(&mut by_palette, KeyCode::Enter);
    assert_eq!(by_palette.mode(), Mode::Browse);
    assert!(by_palette.overlay().is_none());
    let copied = by_palette.take_clipboard();
    assert!(copied.is_some());
    assert_eq!(copied, by_key.take_clipboard());
    assert_eq!(by_palette.message(), by_key.message());

    press(&mut by_palette, KeyCode::Char(':'));
    type_text(&mut by_palette, "funding tab");
    press(&mut by_palette, KeyCode::Enter);
    assert_eq!(by_palette.tab(), Tab::Funding);

    // Moving the choice: the second match runs, not the first.
    press(&mut by_palette, KeyCode::Char(':'));
    type_text(&mut by_palette, "next record");
    press(&mut by_palette, KeyCode::Enter);
    assert_eq!(by_palette.view(Tab::Funding).list.selected, 1);
    assert_ne!(selected_title(&by_palette), "");
}

#[test]
fn a_remapped_key_shows_in_the_palette_at_once() {
    let mut app = configured("[keys]\ncopy_citation = \"v\"\n", 80, 24);
    press(&mut app, KeyCode::Char(':'));
    type_text(&mut app, "citation");
    let screen = screen_text(&app);
    let line = screen
        .lines()
        .find(|line| line.contains("copy the record's citation"))
        .unwrap_or_else(|| panic!("{screen}"));
    let keys = line.trim_end_matches(['│', '█', '║', ' ']);
    assert!(keys.ends_with(" v"), "{line}");
}

#[test]
fn the_help_filters_its_lines_after_a_slash() {
    for (width, height) in [(80, 24), (160, 40)] {
        let mut app = app(width, height);
        press(&mut app, KeyCode::Char('?'));
        press(&mut app, KeyCode::Char('/'));
        assert_eq!(app.mode(), Mode::Palette, "letters are typed");
        type_text(&mut app, "quote");
        insta::assert_snapshot!(
            format!("help_filtered_{width}x{height}"),
            draw(&app).backend()
        );
        let screen = screen_text(&app);
        assert!(!screen.contains("next tab"), "{screen}");
        // The status bar says what Enter and Esc do in the help's filter, not in the palette.
        let status = screen.lines().last().unwrap_or_default();
        assert!(
            status.contains("Enter keep") && status.contains("Esc clear"),
            "{status}"
        );
        assert!(
            !status.contains("run") && !status.contains("close") && !status.contains("choose"),
            "{status}"
        );
        press(&mut app, KeyCode::Enter);
        assert_eq!(
            app.mode(),
            Mode::Help,
            "the filter kept, j and k scroll again"
        );
        assert!(screen_text(&app).contains("/quote"));
        press(&mut app, KeyCode::Char('/'));
        press(&mut app, KeyCode::Esc);
        assert_eq!(app.mode(), Mode::Help);
        assert!(screen_text(&app).contains("next tab"), "the filter dropped");
    }
}

/// The Initiatives list says where each initiative was supported when the width allows; at 80
/// columns the title keeps the room.
#[test]
fn the_initiatives_list_says_where_each_was_supported() {
    for (width, height) in [(80, 24), (200, 50)] {
        let mut app = app(width, height);
        press(&mut app, KeyCode::Char('3'));
        let screen = screen_text(&app);
        assert_eq!(screen.contains("supported at"), width >= 200, "{screen}");
        insta::assert_snapshot!(
            format!("initiatives_supported_at_{width}x{height}"),
            draw(&app).backend()
        );
    }
}
