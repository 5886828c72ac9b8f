//! Whole screens drawn into a `TestBackend`, compared with reviewed snapshots.

use crate::common::{self, app, draw, press, type_text};
use oic_explorer::{App, SELECTION_MARKER, Theme};
use ratatui::{
    crossterm::event::KeyCode,
    style::{Color, Modifier},
};

fn snapshot(name: &str, app: &App) {
    let terminal = draw(app);
    insta::assert_snapshot!(name, terminal.backend());
}

fn on_tab(width: u16, height: u16, tab: char) -> App {
    let mut app = app(width, height);
    press(&mut app, KeyCode::Char(tab));
    app
}

#[test]
fn timeline() {
    snapshot("timeline_80x24", &on_tab(80, 24, '1'));
    snapshot("timeline_120x40", &on_tab(120, 40, '1'));
}

#[test]
fn funding() {
    let mut narrow = on_tab(80, 24, '2');
    press(&mut narrow, KeyCode::Char('j'));
    press(&mut narrow, KeyCode::Char('j'));
    press(&mut narrow, KeyCode::Char('j'));
    snapshot("funding_80x24_third_project", &narrow);
    snapshot("funding_120x40", &on_tab(120, 40, '2'));
}

#[test]
fn initiatives() {
    snapshot("initiatives_80x24", &on_tab(80, 24, '3'));
    snapshot("initiatives_120x40", &on_tab(120, 40, '3'));
}

#[test]
fn participants() {
    snapshot("participants_80x24", &on_tab(80, 24, '4'));
    snapshot("participants_120x40", &on_tab(120, 40, '4'));
}

#[test]
fn search_overlay() {
    for (width, height) in [(80, 24), (120, 40)] {
        let mut app = app(width, height);
        press(&mut app, KeyCode::Char('/'));
        type_text(&mut app, "baku");
        press(&mut app, KeyCode::Down);
        snapshot(&format!("search_baku_{width}x{height}"), &app);
    }
    let mut empty = app(80, 24);
    press(&mut empty, KeyCode::Char('/'));
    snapshot("search_empty_80x24", &empty);
}

#[test]
fn help_overlay() {
    for (width, height) in [(80, 24), (120, 40)] {
        let mut app = app(width, height);
        press(&mut app, KeyCode::Char('?'));
        snapshot(&format!("help_{width}x{height}"), &app);
    }
}

/// The query's words and scopes have a heading of their own, reached by scrolling the help.
#[test]
fn the_help_lists_what_a_query_can_say() {
    for (width, height) in [(80, 24), (120, 40)] {
        let mut app = app(width, height);
        press(&mut app, KeyCode::Char('?'));
        press(&mut app, KeyCode::Char('G'));
        let screen = common::screen_text(&app);
        let heading = screen
            .lines()
            .position(|line| line.contains("│In a search query"))
            .unwrap_or_else(|| panic!("no heading at {width}x{height}:\n{screen}"));
        let below: Vec<&str> = screen.lines().skip(heading + 1).take(5).collect();
        for row in [
            "'w ^w w$ !w",
            "year:2005  y:",
            "kind:summit  k:",
            "place:baku  p:",
            "tab:funding  t:",
        ] {
            assert!(
                below.iter().any(|line| line.contains(row)),
                "{row:?} under the heading at {width}x{height}:\n{screen}"
            );
        }
        snapshot(&format!("help_end_{width}x{height}"), &app);
    }
}

/// Below 60x15 only: the message wrapped to a narrow terminal, and on one line one column short.
#[test]
fn too_small() {
    snapshot("too_small_40x10", &app(40, 10));
    snapshot("too_small_59x15", &app(59, 15));
}

#[test]
fn scrolled_detail_pane() {
    let mut app = on_tab(80, 24, '4');
    for _ in 0..6 {
        press(&mut app, KeyCode::Char('J'));
    }
    snapshot("participants_detail_scrolled_80x24", &app);
}

#[test]
fn tiny_sizes_draw_without_panicking() {
    for (width, height) in [
        (0, 0),
        (1, 1),
        (2, 50),
        (300, 1),
        (60, 15),
        (61, 16),
        (99, 30),
        (100, 30),
        (250, 80),
    ] {
        for key in ['1', '2', '3', '4', '5', '/', '?'] {
            let mut app = app(width, height);
            press(&mut app, KeyCode::Char(key));
            draw(&app);
        }
        // The Source tab with a passage picked, and drawn at another size than it was laid
        // out for.
        let mut app = app(width, height);
        press(&mut app, KeyCode::Char('5'));
        press(&mut app, KeyCode::Char('G'));
        press(&mut app, KeyCode::Char('l'));
        press(&mut app, KeyCode::Char('G'));
        draw(&app);
        common::act(
            &mut app,
            oic_explorer::Action::Resize {
                width: width / 2,
                height: height / 2,
            },
        );
        draw(&app);
    }
}

/// Without colour the selection, the active tab and search matches must still show.
#[test]
fn meaning_does_not_rest_on_colour() {
    let app = app(80, 24).with_theme(Theme::DEFAULT.monochrome());
    let terminal = draw(&app);
    assert!(
        terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .all(|cell| cell.fg == Color::Reset && cell.bg == Color::Reset),
        "the mono theme draws no colour"
    );
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    let screen = common::screen_text(&app);
    let marker = SELECTION_MARKER.trim();
    let (row, line) = screen
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(marker))
        .expect("a marker");
    assert!(line.contains("Kazakhstan joins the OIC"));
    let title_column = line[..line.find("Kazakhstan").unwrap()].chars().count() as u16;
    let cell = buffer.cell((title_column, row as u16)).unwrap();
    assert!(
        cell.modifier.contains(Modifier::REVERSED),
        "selected row is reversed"
    );

    let tab_cell = buffer.cell((3, 0)).unwrap();
    assert!(
        tab_cell
            .modifier
            .contains(Modifier::REVERSED | Modifier::BOLD),
        "active tab"
    );

    let mut searching = common::app(80, 24).with_theme(Theme::DEFAULT.monochrome());
    press(&mut searching, KeyCode::Char('/'));
    type_text(&mut searching, "doha");
    let terminal = draw(&searching);
    let buffer = terminal.backend().buffer();
    let matched = buffer
        .content()
        .iter()
        .filter(|cell| {
            cell.modifier
                .contains(Modifier::BOLD | Modifier::UNDERLINED)
        })
        .map(|cell| cell.symbol())
        .collect::<String>();
    assert!(
        matched.to_lowercase().contains("doha"),
        "matches are bold and underlined: {matched:?}"
    );
}

#[test]
fn source_view() {
    for (width, height) in [(80, 24), (120, 40)] {
        let mut app = app(width, height);
        for _ in 0..7 {
            press(&mut app, KeyCode::Char('j'));
        }
        press(&mut app, KeyCode::Char('S'));
        snapshot(
            &format!("source_extraordinary_summit_{width}x{height}"),
            &app,
        );
    }
}

#[test]
fn source_tab() {
    for (width, height) in [(80, 24), (120, 40)] {
        snapshot(
            &format!("source_tab_{width}x{height}"),
            &on_tab(width, height, '5'),
        );
        // `s` on the extraordinary summit: its paragraph, its passage picked.
        let mut app = app(width, height);
        for _ in 0..7 {
            press(&mut app, KeyCode::Char('j'));
        }
        press(&mut app, KeyCode::Char('s'));
        snapshot(&format!("source_tab_from_a_record_{width}x{height}"), &app);
    }
}

#[test]
fn search_with_hits_in_the_source() {
    for (width, height) in [(80, 24), (120, 40)] {
        let mut app = app(width, height);
        press(&mut app, KeyCode::Char('/'));
        type_text(&mut app, "aral");
        snapshot(&format!("search_aral_{width}x{height}"), &app);
    }
}

#[test]
fn a_wrong_scope_lists_what_it_takes_wrapped_to_the_width() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "kind:foo");
    snapshot("search_wrong_kind_80x24", &app);
}

#[test]
fn the_source_tab_marks_passages_without_colour() {
    let mut app = app(120, 40).with_theme(Theme::DEFAULT.monochrome());
    press(&mut app, KeyCode::Char('5'));
    press(&mut app, KeyCode::Char('l'));
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    let text_of = |wanted: Modifier| {
        buffer
            .content()
            .iter()
            .filter(|cell| cell.modifier.contains(wanted))
            .map(|cell| cell.symbol())
            .collect::<String>()
    };
    assert!(
        text_of(Modifier::BOLD | Modifier::UNDERLINED)
            .contains("Kazakhstan became a member of the Organization"),
        "the picked passage is bold and underlined: {:?}",
        text_of(Modifier::BOLD | Modifier::UNDERLINED)
    );
    assert!(
        text_of(Modifier::ITALIC).contains("Cooperation with the"),
        "the other quoted passages are italic"
    );
}

#[test]
fn detail_pane_with_links_focused() {
    let mut app = app(120, 40);
    press(&mut app, KeyCode::Char('4'));
    press(&mut app, KeyCode::Char('l'));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('j'));
    snapshot("participants_links_focused_120x40", &app);
}

#[test]
fn grouped_funding_chart() {
    for (width, height) in [(80, 24), (120, 40)] {
        let mut app = app(width, height);
        press(&mut app, KeyCode::Char('2'));
        press(&mut app, KeyCode::Char('c'));
        press(&mut app, KeyCode::Char('o'));
        press(&mut app, KeyCode::Char('j'));
        snapshot(
            &format!("funding_grouped_largest_first_{width}x{height}"),
            &app,
        );
    }
}

/// The totals by category right under the projects. Besides 80x24 and 120x40, the smallest
/// size drawn, 60x15, where the categories chart has room for two and says "+1 more" and the
/// tab bar names the current tab only.
#[test]
fn funding_with_its_categories() {
    for (width, height) in [(60, 15), (80, 24), (120, 40)] {
        let mut app = on_tab(width, height, '2');
        press(&mut app, KeyCode::Char('c'));
        snapshot(&format!("funding_categories_{width}x{height}"), &app);
    }
}

#[test]
fn filtered_timeline_with_its_strip() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('f'));
    press(&mut app, KeyCode::Char('f'));
    press(&mut app, KeyCode::Char('j'));
    snapshot("timeline_summits_80x24", &app);
}

#[test]
fn breadcrumb_after_following_links() {
    let mut app = app(120, 40);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    snapshot("breadcrumb_120x40", &app);
}

/// Presses each key, `Enter` by name.
fn keys(app: &mut App, keys: &[&str]) {
    for key in keys {
        match *key {
            "Enter" => press(app, KeyCode::Enter),
            text => type_text(app, text),
        }
    }
}

/// The status bar: the screen's last line.
fn status_bar(app: &App) -> String {
    let screen = common::screen_text(app);
    screen.lines().last().unwrap_or_default().to_string()
}

/// Four links followed from the Initiatives tab, each to a record with a long title; the
/// titles of the places visited, oldest first, ending where the app is.
fn a_long_trail(width: u16, height: u16) -> (App, Vec<String>) {
    let mut app = app(width, height);
    let mut titles = vec![common::selected_title(&app)];
    for step in [
        &["3", "j", "l", "Enter"][..],
        &["l", "j", "Enter"],
        &["l", "j", "j", "Enter"],
        &["l", "Enter"],
    ] {
        keys(&mut app, step);
        titles.push(common::selected_title(&app));
    }
    (app, titles)
}

#[test]
fn the_status_bar_keeps_the_way_back_and_the_search_position() {
    for width in [80, 120, 200] {
        let mut jumped = app(width, 24);
        keys(&mut jumped, &["l", "Enter"]);
        let bar = status_bar(&jumped);
        assert!(bar.contains("⌫ back"), "{width}: {bar}");

        let mut searched = app(width, 24);
        keys(&mut searched, &["/", "baku", "Enter"]);
        let bar = status_bar(&searched);
        assert!(bar.contains("n/N [1/7] “baku”"), "{width}: {bar}");
        assert!(bar.contains("⌫ back"), "{width}: {bar}");
        type_text(&mut searched, "n");
        let bar = status_bar(&searched);
        assert!(bar.contains("n/N [2/7] “baku”"), "{width}: {bar}");
        assert!(bar.contains("⌫ back"), "{width}: {bar}");
        // Where you are and the step before, however cut.
        assert!(bar.contains(" › "), "{width}: {bar}");
        if width == 80 {
            snapshot("status_after_a_search_80x24", &searched);
        }
    }
}

#[test]
fn the_trail_uses_the_width_there_is() {
    for (width, height) in [(80, 24), (120, 40), (200, 60)] {
        let (app, titles) = a_long_trail(width, height);
        let bar = status_bar(&app);
        let [.., before, previous, current] = titles.as_slice() else {
            panic!("a trail of {titles:?}");
        };
        assert!(titles.iter().all(|t| t.chars().count() > 10), "{titles:?}");
        // Cut or not, the current step and the one before show.
        for step in [previous, current] {
            let start: String = step.chars().take(8).collect();
            assert!(bar.contains(&start), "{width}: {start:?} in {bar}");
        }
        if width == 200 {
            assert!(bar.contains(&format!("{previous} › {current} ")), "{bar}");
            let start: String = before.chars().take(20).collect();
            assert!(bar.contains(&start), "{bar}");
            snapshot("status_trail_200x60", &app);
        }
        if width == 80 {
            snapshot("status_trail_80x24", &app);
        }
    }
}

/// The strip alone, for the embedded span and a long synthetic one, at several widths.
#[test]
fn timeline_strip_scales_with_width_and_span() {
    use oic_explorer::TimelineStrip;
    use ratatui::{buffer::Buffer, layout::Rect, widgets::Widget};

    let app = app(80, 24);
    let embedded = app
        .view(oic_explorer::Tab::Timeline)
        .rows
        .month_keys()
        .to_vec();
    let long: Vec<i32> = (1950..=2025)
        .step_by(3)
        .map(|year| year * 12 + (year % 12))
        .collect();
    let theme = app.theme();
    let mut out = String::new();
    for (name, keys, selected) in [
        ("1995-2006", &embedded, embedded.get(2)),
        ("1950-2025", &long, long.get(10)),
    ] {
        for width in [20u16, 40, 58, 78, 118] {
            let area = Rect::new(0, 0, width, 2);
            let mut buffer = Buffer::empty(area);
            TimelineStrip {
                month_keys: keys,
                selected: selected.map(|&key| i64::from(key)),
                theme,
            }
            .render(area, &mut buffer);
            let lines: Vec<String> = (0..2)
                .map(|y| {
                    (0..width)
                        .map(|x| buffer[(x, y)].symbol().to_string())
                        .collect()
                })
                .collect();
            let highlighted = (0..width)
                .filter(|&x| buffer[(x, 0)].modifier.contains(Modifier::REVERSED))
                .count();
            assert_eq!(
                highlighted, 1,
                "exactly one mark is the selection ({name}, {width})"
            );
            out.push_str(&format!("{name} at {width}:\n{}\n{}\n", lines[0], lines[1]));
        }
    }
    insta::assert_snapshot!("timeline_strip", out);
}
