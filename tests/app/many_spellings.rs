//! A place with thousands of other spellings: every event held in one place, one spelling entry
//! giving it 2,000 other names (the benchmark's hostile dataset, smaller). Search still finds
//! every event by any of those names, by `place:` and by the place itself, and says which field
//! matched, as it does for a place with one other spelling. How fast is the benchmark's
//! business (`benches/search.rs`), never these tests'.

use std::sync::Arc;

use crate::common::{press, screen_text, type_text};
use oic_explorer::{
    App, Catalog, Query, RecordRef, SearchIndex,
    synthetic::{SPELLED_PLACE, spelled_place, spelling_name},
};
use ratatui::{crossterm::event::KeyCode, layout::Size};

const EVENTS: usize = 500;
const NAMES: usize = 2_000;

fn catalog() -> Arc<Catalog> {
    Arc::new(Catalog::new(spelled_place(EVENTS, NAMES), None).expect("check calls it clean"))
}

/// The events among `query`'s hits.
fn events_found(index: &SearchIndex, query: &str) -> Vec<RecordRef> {
    let mut events: Vec<RecordRef> = index
        .search(&Query::parse(query))
        .hits()
        .iter()
        .map(|hit| hit.record)
        .filter(|record| matches!(record, RecordRef::Event(_)))
        .collect();
    events.sort();
    events
}

fn every_event() -> Vec<RecordRef> {
    (0..u32::try_from(EVENTS).unwrap())
        .map(RecordRef::Event)
        .collect()
}

#[test]
fn every_event_is_found_by_any_other_name_of_its_place() {
    let catalog = catalog();
    assert_eq!(catalog.spellings_of(SPELLED_PLACE).len(), NAMES);
    let index = SearchIndex::new(&catalog);
    for n in [0, 1, 777, NAMES - 1] {
        let name = spelling_name(n);
        for query in [
            name.to_lowercase(),
            name.clone(),
            format!("place:{}", name.to_lowercase()),
            format!("p:{name}"),
        ] {
            assert_eq!(events_found(&index, &query), every_event(), "{query}");
        }
    }
    // The first event's note gives the names; every other event has them only as its place's.
    let name = spelling_name(1_234);
    let query = Query::parse(&name.to_lowercase());
    for event in [1, 2, EVENTS as u32 - 1].map(RecordRef::Event) {
        let highlight = SearchIndex::highlight(&catalog, event, &query);
        let field = highlight.field.expect("a field explains the hit");
        assert_eq!(
            (field.name, field.text.as_str()),
            ("place, also written", name.as_str())
        );
        assert_eq!(
            field.positions,
            (0..name.chars().count()).collect::<Vec<_>>()
        );
    }
}

#[test]
fn every_event_is_found_by_its_place_and_none_is_left_by_a_not_word_naming_it_otherwise() {
    let catalog = catalog();
    let index = SearchIndex::new(&catalog);
    let place = SPELLED_PLACE.to_lowercase();
    assert_eq!(events_found(&index, &place), every_event());
    assert_eq!(events_found(&index, &format!("p:{place}")), every_event());
    // An event whose title does not hold the place is explained by its place, not by one of
    // the place's other names.
    let query = Query::parse(&place);
    let event = every_event()
        .into_iter()
        .find(|&event| !catalog.title(event).to_lowercase().contains(&place))
        .expect("an event titled otherwise");
    let field = SearchIndex::highlight(&catalog, event, &query)
        .field
        .expect("a field explains the hit");
    assert_eq!((field.name, field.text.as_str()), ("place", SPELLED_PLACE));
    // A `!word`: every event's place is also written this way, so none is left.
    let name = spelling_name(5).to_lowercase();
    assert_eq!(events_found(&index, &format!("{place} !{name}")), []);
}

#[test]
fn the_search_overlay_says_the_place_is_also_written_so() {
    let mut app = App::new(catalog(), Size::new(120, 30));
    let name = spelling_name(1_999);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, &name.to_lowercase());
    let screen = screen_text(&app);
    assert!(
        screen.contains(&format!("place, also written (from a note): {name}")),
        "{screen}"
    );
}
