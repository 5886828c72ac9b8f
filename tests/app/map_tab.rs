//! The Map tab: the places of the embedded dataset on a map above their list, ordered by `o`,
//! each place's events followed into the Timeline and back, a place opened from a record with
//! `m`, a dataset without `places` saying why its map is empty, and any set of places drawn
//! at any size without a panic.

use std::sync::Arc;

use oic_explorer::{App, Catalog, Problems, Tab, Theme, load, place_warnings};
use proptest::prelude::*;
use ratatui::{
    Terminal,
    backend::TestBackend,
    crossterm::event::{KeyCode, KeyModifiers},
    layout::Size,
    style::Modifier,
};
use serde_json::{Value, json};

use crate::common::{self, app, draw, press, screen_text, selected_title};

fn on_map(width: u16, height: u16) -> App {
    let mut app = app(width, height);
    press(&mut app, KeyCode::Char('6'));
    app
}

/// The names of the places listed, top to bottom.
fn listed(app: &App) -> Vec<String> {
    let places = app.catalog().places();
    app.view(Tab::Map)
        .places()
        .iter()
        .filter_map(|&place| places.get(place))
        .map(|place| place.name.clone())
        .collect()
}

/// The name of the place selected on the Map tab.
fn selected_place(app: &App) -> String {
    let view = app.view(Tab::Map);
    view.selected_place()
        .and_then(|place| app.catalog().places().get(place))
        .map_or_else(String::new, |place| place.name.clone())
}

/// The embedded dataset as JSON, to change.
fn embedded() -> Value {
    serde_json::from_str(oic_explorer::EMBEDDED_DATASET).expect("embedded JSON")
}

fn catalog_of(data: &Value) -> Arc<Catalog> {
    let text = serde_json::to_string(data).expect("json");
    Arc::new(load("places.json", &text, None).unwrap_or_else(|error| panic!("{error}")))
}

#[test]
fn the_map_of_the_embedded_dataset() {
    let app = on_map(80, 24);
    insta::assert_snapshot!("map_80x24", draw(&app).backend());
    let mut wide = on_map(200, 60);
    // Mekkah, which holds two events: its count is on the map, its events in the detail pane.
    for _ in 0..3 {
        press(&mut wide, KeyCode::Char('j'));
    }
    assert_eq!(selected_place(&wide), "Mekkah");
    insta::assert_snapshot!("map_200x60", draw(&wide).backend());
}

#[test]
fn every_located_place_is_marked_and_named_and_the_coordinates_are_marked_as_outside() {
    let screen = screen_text(&on_map(200, 60));
    for name in [
        "Jakarta",
        "Tehran",
        "Doha",
        "Putradjaya",
        "Sanaa",
        "Mekkah (2)",
        "Baku",
        "Turkey",
    ] {
        assert!(
            screen.contains(name),
            "{name} is named on the map:\n{screen}"
        );
    }
    assert!(
        screen.contains("coordinates from outside the source"),
        "{screen}"
    );
    assert!(
        screen.contains("UN General Assembly · not on the map"),
        "{screen}"
    );
    assert!(screen.contains("Turkey · country's middle"), "{screen}");
    let markers = screen.matches('●').count() + screen.matches('○').count();
    // The selected place has its own marker.
    assert_eq!(markers + screen.matches('◆').count(), 8, "{screen}");
}

#[test]
fn the_selected_place_is_told_apart_without_colour() {
    let app = on_map(200, 60).with_theme(Theme::DEFAULT.monochrome());
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    let selected: Vec<_> = buffer
        .content
        .iter()
        .filter(|cell| cell.symbol() == "◆")
        .collect();
    assert_eq!(selected.len(), 1, "one place is selected");
    let cell = selected[0];
    assert!(cell.modifier.contains(Modifier::REVERSED | Modifier::BOLD));
    assert!(cell.fg == ratatui::style::Color::Reset && cell.bg == ratatui::style::Color::Reset);
    assert!(
        buffer
            .content
            .iter()
            .all(|cell| cell.fg == ratatui::style::Color::Reset),
        "no colour at all"
    );
}

#[test]
fn the_places_are_listed_by_name_then_by_events_then_by_first_year() {
    let mut app = on_map(80, 24);
    assert_eq!(
        listed(&app),
        [
            "Baku",
            "Doha",
            "Jakarta",
            "Mekkah",
            "Putradjaya",
            "Sanaa",
            "Tehran",
            "Turkey",
            "UN General Assembly"
        ]
    );
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(selected_place(&app), "Doha");
    press(&mut app, KeyCode::Char('o'));
    assert_eq!(listed(&app)[0], "Mekkah", "the most events first");
    assert_eq!(
        selected_place(&app),
        "Doha",
        "the selection stays on its place"
    );
    assert!(screen_text(&app).contains("most events first"));
    press(&mut app, KeyCode::Char('o'));
    assert_eq!(
        listed(&app),
        [
            "Jakarta",
            "Tehran",
            "Doha",
            "Putradjaya",
            "Sanaa",
            "Mekkah",
            "Turkey",
            "Baku",
            "UN General Assembly"
        ],
        "by the first event's date (April 2006 before June), undated last"
    );
    press(&mut app, KeyCode::Char('O'));
    assert_eq!(listed(&app)[0], "UN General Assembly");
    press(&mut app, KeyCode::Char('o'));
    assert_eq!(
        listed(&app).last().map(String::as_str),
        Some("Baku"),
        "by name, Z–A"
    );
}

/// `y` on a place copies nothing, and says why without claiming the tab is empty.
#[test]
fn copying_on_a_place_says_it_is_no_record() {
    let mut app = on_map(120, 40);
    press(&mut app, KeyCode::Char('y'));
    let said = app.message().unwrap_or_default().to_string();
    assert!(said.contains("a place is not a record"), "{said}");
    assert!(!said.contains("no records"), "{said}");
}

/// `Y` on the Map says the place selected is left out: no option names a place.
#[test]
fn the_command_line_says_it_leaves_the_place_out() {
    let mut app = on_map(120, 40);
    press(&mut app, KeyCode::Char('j'));
    let place = selected_place(&app);
    press(&mut app, KeyCode::Char('Y'));
    let said = app.message().unwrap_or_default().to_string();
    assert!(
        said.contains(&format!("the place selected (\"{place}\")")),
        "{said}"
    );
}

#[test]
fn a_place_s_events_are_followed_into_the_timeline_and_back() {
    let mut app = on_map(120, 40);
    for _ in 0..3 {
        press(&mut app, KeyCode::Char('j'));
    }
    assert_eq!(selected_place(&app), "Mekkah");
    press(&mut app, KeyCode::Char('l'));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.tab(), Tab::Timeline);
    assert_eq!(
        selected_title(&app),
        "Third Extraordinary Conference (Extraordinary Summit)",
        "the second event held in Mekkah, by date"
    );
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.tab(), Tab::Map);
    assert_eq!(selected_place(&app), "Mekkah");
    assert_eq!(
        app.view(Tab::Map).link,
        1,
        "the link picked before is picked again"
    );
    // And `m` from the event goes back to its place.
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(
        selected_title(&app),
        "Annual Coordination Meetings of Foreign Ministers"
    );
    press(&mut app, KeyCode::Char('m'));
    assert_eq!(app.tab(), Tab::Map);
    assert_eq!(selected_place(&app), "UN General Assembly");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.tab(), Tab::Timeline);
}

#[test]
fn a_search_result_opens_its_place_on_the_map() {
    let mut app = app(120, 40);
    press(&mut app, KeyCode::Char('/'));
    common::type_text(&mut app, "place:baku");
    // Alt-m from the chosen result, without going to it first.
    common::press_with(&mut app, KeyCode::Char('m'), KeyModifiers::ALT);
    assert!(app.overlay().is_none(), "the search closed");
    assert_eq!(app.tab(), Tab::Map);
    assert_eq!(selected_place(&app), "Baku");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.tab(), Tab::Timeline);
    // Or `m` from the result gone to.
    press(&mut app, KeyCode::Char('/'));
    common::type_text(&mut app, "place:baku");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.tab(), Tab::Timeline);
    press(&mut app, KeyCode::Char('m'));
    assert_eq!(app.tab(), Tab::Map);
    assert_eq!(selected_place(&app), "Baku");
    // A state whose name is a place opens it too: the conference held "in Turkey".
    press(&mut app, KeyCode::Char('4'));
    let turkey = app
        .view(Tab::Participants)
        .rows
        .position_of(app.catalog().find("p-turkey").expect("Turkey"))
        .expect("listed");
    for _ in 0..turkey {
        press(&mut app, KeyCode::Char('j'));
    }
    press(&mut app, KeyCode::Char('m'));
    assert_eq!(selected_place(&app), "Turkey");
    // A record that names no place says so and stays.
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('m'));
    assert_eq!(app.tab(), Tab::Funding);
    assert_eq!(app.message(), Some("This record names no place."));
}

#[test]
fn a_dataset_without_places_opens_and_says_why_its_map_is_empty() {
    let mut data = embedded();
    data.as_object_mut().expect("an object").remove("places");
    let mut app = App::new(catalog_of(&data), Size::new(80, 24));
    press(&mut app, KeyCode::Char('6'));
    assert_eq!(listed(&app).len(), 9, "the places are still listed");
    let screen = screen_text(&app);
    assert!(
        screen.contains("No place is on the map: this dataset gives no"),
        "{screen}"
    );
    insta::assert_snapshot!("map_without_places_80x24", draw(&app).backend());
    let screen = screen_text(&{
        let mut wide = App::new(catalog_of(&data), Size::new(200, 60));
        press(&mut wide, KeyCode::Char('6'));
        wide
    });
    assert!(screen.contains("not on the map: the dataset's places give no coordinates"));
}

#[test]
fn a_dataset_without_events_shows_an_empty_map() {
    let mut data = embedded();
    data["events"] = json!([]);
    data["initiatives"] = json!([]);
    data["spellings"] = json!([]);
    let mut app = App::new(catalog_of(&data), Size::new(80, 24));
    press(&mut app, KeyCode::Char('6'));
    let screen = screen_text(&app);
    assert!(screen.contains("No event names a place."), "{screen}");
    assert!(
        screen.contains("This dataset has no events, so no places."),
        "{screen}"
    );
    press(&mut app, KeyCode::Char('l'));
    press(&mut app, KeyCode::Char('m'));
    assert_eq!(app.tab(), Tab::Map);
}

/// A place of the embedded dataset's events, with coordinates of any kind: in range, on a
/// pole, on the antimeridian, or none.
fn place() -> impl Strategy<Value = Value> {
    let names = prop::sample::select(vec![
        "Jakarta",
        "Tehran",
        "Doha",
        "Putradjaya",
        "Sanaa",
        "Mekkah",
        "Baku",
        "Turkey",
        "UN General Assembly",
    ]);
    let latitude = prop_oneof![Just(90.0), Just(-90.0), Just(0.0), -90.0..=90.0f64];
    let longitude = prop_oneof![Just(180.0), Just(-180.0), Just(179.99), -180.0..=180.0f64];
    let precision = prop::sample::select(vec!["city", "country"]);
    (names, prop::option::of((latitude, longitude)), precision).prop_map(|(name, at, precision)| {
        match at {
            Some((latitude, longitude)) => json!({
                "name": name, "latitude": latitude, "longitude": longitude,
                "precision": precision, "note": "generated",
            }),
            None => json!({ "name": name, "note": "generated" }),
        }
    })
}

proptest! {
    #![proptest_config(common::proptest_config(48))]

    /// Any set of places (none, on the poles, across the antimeridian), with any place
    /// selected, draws at every size from 1x1 to 250x80 without a panic and inside the frame.
    #[test]
    fn the_map_draws_any_places_at_any_size(
        places in prop::collection::vec(place(), 0..9),
        width in 1u16..=250,
        height in 1u16..=80,
        down in 0usize..9,
    ) {
        let mut data = embedded();
        // Each name once, as the check asks.
        let mut seen = std::collections::HashSet::new();
        let places: Vec<Value> = places
            .into_iter()
            .filter(|place| seen.insert(place["name"].as_str().unwrap_or("").to_string()))
            .collect();
        data["places"] = Value::Array(places);
        let mut app = App::new(catalog_of(&data), Size::new(width, height));
        press(&mut app, KeyCode::Char('6'));
        for _ in 0..down {
            press(&mut app, KeyCode::Char('j'));
        }
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
        terminal.draw(|frame| oic_explorer::render(&app, frame)).expect("drawn");
        prop_assert_eq!(terminal.backend().buffer().area.width, width);
    }
}

/// At 80x24 the detail pane under the map is a few lines tall: the link picked there is on
/// screen, as on every tab, for every place and every step through its events.
#[test]
fn the_picked_event_of_a_place_is_on_screen_at_80x24() {
    let mut app = on_map(80, 24);
    for _ in 0..app.view(Tab::Map).len() {
        press(&mut app, KeyCode::Char('l'));
        for _ in 0..3 {
            let screen = screen_text(&app);
            let picked = screen.lines().filter(|line| line.contains('▶')).count();
            assert!(
                picked >= 2,
                "the row and the picked link both show:\n{screen}"
            );
            press(&mut app, KeyCode::Char('j'));
        }
        press(&mut app, KeyCode::Char('h'));
        press(&mut app, KeyCode::Char('j'));
    }
}

/// A place name with anything in it: controls, invisible marks, bidirectional overrides,
/// wide and combining letters, and lengths past the cap names are cut at.
fn hostile_name() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "Baku",
        "\u{7}",
        "\n",
        "\t",
        "\u{1b}[31m",
        "\u{200b}",
        "\u{202e}",
        "\u{feff}",
        "e\u{301}",
        "東京",
        "\u{fe0f}",
        " ",
        "\u{85}",
        "\u{2028}",
    ]);
    (prop::collection::vec(piece, 1..8), 0usize..260).prop_map(|(pieces, padding)| {
        // A name that is all controls or spaces is refused as empty: one letter at least.
        let mut name = format!("B{}", pieces.concat());
        if padding > 200 {
            name.push_str(&"x".repeat(padding));
        }
        name
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// `check` and the map match a `places` entry to the events' places the same way, whatever
    /// the name holds: an entry named as an event's place is located and never warned of, and
    /// an entry no event is held in is warned of once.
    #[test]
    fn check_and_the_map_agree_on_every_name(name in hostile_name()) {
        let mut data = embedded();
        data["events"][0]["place"] = json!(name);
        data["places"] = json!([
            { "name": name, "latitude": 1.0, "longitude": 2.0, "note": "test" },
            { "name": "Nowhere held", "note": "test" },
        ]);
        let catalog = catalog_of(&data);
        let located = catalog
            .places()
            .iter()
            .filter(|place| place.location.is_some())
            .count();
        prop_assert_eq!(located, 1, "the entry is on the map");
        let mut warnings = Problems::default();
        place_warnings(&catalog, &mut warnings);
        prop_assert_eq!(warnings.len(), 1, "{:?}", warnings);
        prop_assert_eq!(warnings.listed()[0].path.as_str(), "places[1].name");
    }
}

/// A name longer than its column is cut with `…`, at every width the list has columns for,
/// as every other list cuts.
#[test]
fn a_long_place_name_is_cut_with_an_ellipsis() {
    let mut data = embedded();
    let long = format!("Astana{}", "-Nur-Sultan".repeat(12));
    data["events"][0]["place"] = json!(long);
    let catalog = catalog_of(&data);
    for width in [60u16, 80, 120] {
        let mut app = App::new(Arc::clone(&catalog), Size::new(width, 40));
        press(&mut app, KeyCode::Char('6'));
        let screen = screen_text(&app);
        let row = screen
            .lines()
            .find(|line| line.contains("Astana-Nur") && line.contains("event"))
            .unwrap_or_else(|| panic!("the place is listed at {width}:\n{screen}"));
        assert!(row.contains("…"), "cut with an ellipsis at {width}: {row}");
    }
}

/// A place written precomposed in the events and with a combining accent in `places` (or the
/// other way round) is one place, to `check` and to the map.
#[test]
fn a_place_in_either_unicode_form_is_one_place() {
    for (held, given) in [("Tehra\u{301}n", "Tehrán"), ("Tehrán", "Tehra\u{301}n")] {
        let mut data = embedded();
        data["events"][0]["place"] = json!(held);
        data["places"] =
            json!([{ "name": given, "latitude": 35.7, "longitude": 51.4, "note": "test" }]);
        let catalog = catalog_of(&data);
        let mut warnings = Problems::default();
        place_warnings(&catalog, &mut warnings);
        assert_eq!(warnings.len(), 0, "{held:?} / {given:?}");
        let located = catalog
            .places()
            .iter()
            .filter(|place| place.location.is_some());
        assert_eq!(located.count(), 1, "{held:?} / {given:?}");
    }
}
