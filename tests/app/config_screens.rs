//! Screens of an explorer opened as a config file asks, through the same path the binary
//! takes (the file read, the command line filled in, the app built): remapped keys in the
//! help and the status bar, and another theme.

use std::path::Path;

use crate::common::{catalog, draw, press, press_with, screen_text, type_text};
use clap::Parser;
use oic_explorer::{App, Cli, Config, build_app};
use ratatui::{
    crossterm::event::{KeyCode, KeyModifiers},
    style::Color,
};

/// The app the binary would open with `file` as its config file and `args` on its command
/// line, at `width` × `height`.
fn opened(file: &str, args: &[&str], width: u16, height: u16) -> App {
    let config = Config::parse(Path::new("/home/u/.config/oic-explorer/config.toml"), file)
        .unwrap_or_else(|error| panic!("{error:?}"));
    let mut cli = Cli::try_parse_from(std::iter::once("oic-explorer").chain(args.iter().copied()))
        .expect("the command line parses");
    config.fill_in(&mut cli, true);
    let mut app = build_app(&cli, &config.bindings, catalog()).expect("the app opens");
    app.update(oic_explorer::Action::Resize { width, height });
    app
}

const REMAPPED: &str = "[keys]\nmove_down = [\"v\", \"down\"]\nquit = [\"x\", \"ctrl-c\"]\n";

#[test]
fn the_help_and_the_hints_name_remapped_keys() {
    let mut app = opened(REMAPPED, &[], 80, 40);
    let browsing = draw(&app);
    insta::assert_snapshot!("remapped_timeline_80x40", browsing.backend());
    press(&mut app, KeyCode::Char('v'));
    press(&mut app, KeyCode::Char('?'));
    insta::assert_snapshot!("remapped_help_80x40", draw(&app).backend());
    // The remapped keys do what the help says, and the old ones no longer do.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('q'));
    assert!(app.is_running());
    press(&mut app, KeyCode::Char('x'));
    assert!(!app.is_running());
}

#[test]
fn the_theme_and_the_tab_come_from_the_file() {
    let app = opened("theme = \"dark\"\ntab = \"funding\"\n", &[], 80, 24);
    let screen = draw(&app);
    insta::assert_snapshot!("dark_funding_80x24", screen.backend());
    // The dark theme draws the active tab in cyan, which the default one does not.
    let buffer = screen.backend().buffer();
    let active = (0..buffer.area.width)
        .filter_map(|x| buffer.cell((x, 0)))
        .find(|cell| cell.symbol() == "F")
        .expect("the Funding tab's title");
    assert_eq!(active.fg, Color::Cyan);
    let plain = opened("", &["--tab", "funding"], 80, 24);
    let default = draw(&plain);
    let cell = (0..80)
        .filter_map(|x| default.backend().buffer().cell((x, 0)))
        .find(|cell| cell.symbol() == "F")
        .expect("the Funding tab's title");
    assert_ne!(cell.fg, Color::Cyan);
    // The command line overrides the file.
    let flagged = opened(
        "theme = \"dark\"\n",
        &["--theme", "light", "--tab", "funding"],
        80,
        24,
    );
    let light = draw(&flagged);
    let cell = (0..80)
        .filter_map(|x| light.backend().buffer().cell((x, 0)))
        .find(|cell| cell.symbol() == "F")
        .expect("the Funding tab's title");
    assert_eq!(cell.fg, Color::Blue);
}

const HINTS_REMAPPED: &str = "[keys]\nscroll_detail_down = [\"E\"]\nscroll_detail_up = \
    [\"R\"]\ntoggle_grouped = [\"v\"]\nsearch_submit = [\"ctrl-t\"]\ncancel = [\"ctrl-g\"]\n\
    quit = [\"x\", \"ctrl-c\"]\n";

#[test]
fn the_texts_that_name_keys_name_the_remapped_ones() {
    let config = Config::parse(Path::new("/c.toml"), HINTS_REMAPPED)
        .unwrap_or_else(|error| panic!("{error:?}"));
    assert_eq!(oic_explorer::quit_hint(&config.bindings), "x or Esc quits");
    assert_eq!(
        oic_explorer::quit_hint(&oic_explorer::Bindings::built_in()),
        "q or Esc quits"
    );
    let mut app = opened(HINTS_REMAPPED, &["--tab", "funding"], 80, 24);
    let funding = screen_text(&app);
    insta::assert_snapshot!("hints_remapped_funding_80x24", draw(&app).backend());
    assert!(funding.contains("v totals by category"), "{funding}");
    assert!(!funding.contains("c totals by category"), "{funding}");
    assert!(funding.contains("E/R scroll"), "{funding}");
    assert!(!funding.contains("J/K scroll"), "{funding}");
    // Funding records have no kinds: the message names the remapped key.
    press(&mut app, KeyCode::Char('f'));
    let message = screen_text(&app);
    assert!(message.contains("v shows the totals"), "{message}");
    press(&mut app, KeyCode::Char('&'));
    let prompt = screen_text(&app);
    assert!(
        prompt.contains("type to filter · Ctrl-t keeps · Ctrl-g clears"),
        "{prompt}"
    );
    assert!(!prompt.contains("Enter keeps"), "{prompt}");
    assert!(!prompt.contains("Esc clears"), "{prompt}");
}

#[test]
fn keeping_a_search_as_a_filter_names_the_remapped_keys() {
    let mut app = opened(HINTS_REMAPPED, &[], 100, 30);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "tab:source kazakhstan");
    press_with(&mut app, KeyCode::Char('f'), KeyModifiers::CONTROL);
    let message = screen_text(&app);
    assert!(
        message.contains(
            "Paragraphs of the source cannot filter a list: Ctrl-t goes to the one chosen."
        ),
        "{message}"
    );
    assert!(!message.contains("Enter goes"), "{message}");
}

#[test]
fn the_built_in_texts_name_the_built_in_keys() {
    let mut app = opened("", &["--tab", "funding"], 80, 24);
    let funding = screen_text(&app);
    assert!(funding.contains("c totals by category"), "{funding}");
    assert!(funding.contains("J/K scroll"), "{funding}");
    press(&mut app, KeyCode::Char('f'));
    let message = screen_text(&app);
    assert!(
        message.contains("Funding records have no kinds: c shows"),
        "{message}"
    );
    press(&mut app, KeyCode::Char('&'));
    let prompt = screen_text(&app);
    assert!(
        prompt.contains("type to filter · Enter keeps · Esc clears"),
        "{prompt}"
    );
}
