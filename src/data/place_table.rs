//! The events gathered by the place they were held in, worked out once per catalog (see
//! [`super::Catalog::places`]) and never per frame: each place with its country, its events
//! in date order, the years they span, and where the dataset's `places` put it on a map.
//! The Map tab lists and draws these; it must not gather events itself.

use std::{borrow::Cow, collections::HashMap};

use super::{
    catalog::Catalog,
    display::{TEXT_CAP, display_line, display_text},
    id_index::same_id_form,
    name_order::name_order_key,
    places::{Place, Precision},
    record::{RecordRef, Role},
};

/// Where a place lies on a map (from outside the source).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Location {
    /// Degrees north.
    pub latitude: f64,
    /// Degrees east.
    pub longitude: f64,
    /// What the coordinates stand for: the city, or a country's middle.
    pub precision: Precision,
}

/// One place the events were held in.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceEntry {
    /// The place as the records write it, safe to show.
    pub name: String,
    /// The state its events were held in, where the records tie one.
    pub country: Option<String>,
    /// Its events (indices), in date order, undated last.
    pub events: Vec<u32>,
    /// The first and the last year of its dated events.
    pub years: Option<(i32, i32)>,
    /// The month its first dated event starts in, to order places by their first event.
    first_month: Option<i64>,
    /// Where it lies, when the dataset's `places` say.
    pub location: Option<Location>,
    /// The `places` entry's note (where the figures come from), safe to show; `None` when the
    /// dataset has no entry for the place.
    pub note: Option<String>,
}

impl PlaceEntry {
    /// The years its events span: `1996`, `2005–2006`, or `undated`.
    pub fn years_label(&self) -> String {
        match self.years {
            Some((first, last)) if first == last => first.to_string(),
            Some((first, last)) => format!("{first}–{last}"),
            None => "undated".to_string(),
        }
    }
}

/// How the places can be listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceOrder {
    /// By name, A to Z.
    Name,
    /// Most events first.
    Events,
    /// By the date of the first event, undated last.
    FirstYear,
}

/// Every place the events were held in, in the order first named.
#[derive(Clone, Debug, Default)]
pub struct PlaceTable {
    places: Vec<PlaceEntry>,
    /// For each event, its place's number, or `u32::MAX`.
    of_event: Vec<u32>,
    /// Whether the dataset gives a `places` collection at all.
    given: bool,
    /// The dataset's `places` entries (their indices) whose name no event is held in.
    unheld: Vec<usize>,
}

/// The place `event` was held in, as the records write it: its `place`, else the name of the
/// state it was held in; `None` when it gives neither.
pub fn event_place(catalog: &Catalog, event: u32) -> Option<&str> {
    let view = catalog.event(event)?;
    view.place().or_else(|| country_of(catalog, event))
}

/// The name of the state `event` was held in, when the records tie one.
fn country_of(catalog: &Catalog, event: u32) -> Option<&str> {
    let relation = catalog
        .relations(RecordRef::Event(event))
        .iter()
        .find(|relation| relation.role == Role::Country)?;
    Some(catalog.title(relation.target))
}

/// A place's name as an event's place and a `places` entry are matched by: the records'
/// names are shown made safe (controls and invisible marks shown or dropped, long ones cut),
/// so both are made safe the same way before they are compared.
pub fn place_key(name: &str) -> Cow<'_, str> {
    // And in one Unicode form, as ids are: `Tehrán` typed precomposed or with a combining
    // accent is one place.
    match display_line(name) {
        Some(shown) => Cow::Owned(same_id_form(&shown).into_owned()),
        None => same_id_form(name),
    }
}

impl PlaceTable {
    /// The places of `catalog`'s events, located by `given` (the dataset's `places`).
    pub fn new(catalog: &Catalog, given: &[Place]) -> Self {
        let events = u32::try_from(catalog.counts().events).unwrap_or(u32::MAX);
        let mut numbers: HashMap<Cow<'_, str>, u32> = HashMap::new();
        let mut places: Vec<PlaceEntry> = Vec::new();
        let mut of_event = vec![u32::MAX; events as usize];
        for event in 0..events {
            let Some(name) = event_place(catalog, event) else {
                continue;
            };
            let number = *numbers.entry(place_key(name)).or_insert_with(|| {
                places.push(PlaceEntry {
                    name: name.to_string(),
                    country: country_of(catalog, event).map(str::to_string),
                    events: Vec::new(),
                    years: None,
                    first_month: None,
                    location: None,
                    note: None,
                });
                u32::try_from(places.len() - 1).unwrap_or(u32::MAX)
            });
            if let Some(slot) = of_event.get_mut(event as usize) {
                *slot = number;
            }
            if let Some(place) = places.get_mut(number as usize) {
                place.events.push(event);
                if place.country.is_none() {
                    place.country = country_of(catalog, event).map(str::to_string);
                }
            }
        }
        for place in &mut places {
            let date = |event: &u32| catalog.event(*event).and_then(|view| view.date());
            place
                .events
                .sort_by_key(|event| (date(event).map_or(i64::MAX, |d| d.month_key()), *event));
            place.first_month = place.events.iter().find_map(date).map(|d| d.month_key());
            let years = place.events.iter().filter_map(date).map(|d| d.year());
            place.years = years.fold(None, |span, year| match span {
                None => Some((year, year)),
                Some((first, last)) => Some((first.min(year), last.max(year))),
            });
        }
        let mut unheld = Vec::new();
        for (index, entry) in given.iter().enumerate() {
            let shown = place_key(&entry.name);
            let Some(place) = numbers
                .get(&*shown)
                .and_then(|&n| places.get_mut(n as usize))
            else {
                unheld.push(index);
                continue;
            };
            place.location = entry.coordinates().map(|(latitude, longitude)| Location {
                latitude,
                longitude,
                precision: entry.precision(),
            });
            place.note =
                Some(display_text(&entry.note, TEXT_CAP).unwrap_or_else(|| entry.note.clone()));
        }
        Self {
            places,
            of_event,
            given: !given.is_empty(),
            unheld,
        }
    }

    /// The dataset's `places` entries (their indices) that name a place no event is held in:
    /// matched exactly as the map matches them, so `check` and the map never disagree.
    pub fn unheld(&self) -> &[usize] {
        &self.unheld
    }

    /// How many places there are.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// Whether no event names a place.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// Place number `index`.
    pub fn get(&self, index: u32) -> Option<&PlaceEntry> {
        self.places.get(index as usize)
    }

    /// Every place, in the order first named.
    pub fn iter(&self) -> impl Iterator<Item = &PlaceEntry> {
        self.places.iter()
    }

    /// How many places have coordinates.
    pub fn located(&self) -> usize {
        self.places.iter().filter(|p| p.location.is_some()).count()
    }

    /// The places the dataset's `places` give no entry for, in the order first named.
    pub fn without_entry(&self) -> impl Iterator<Item = &PlaceEntry> {
        self.places.iter().filter(|place| place.note.is_none())
    }

    /// Whether the dataset gives a `places` collection.
    pub fn given(&self) -> bool {
        self.given
    }

    /// The number of the place `event` was held in.
    pub fn of_event(&self, event: u32) -> Option<u32> {
        self.of_event
            .get(event as usize)
            .copied()
            .filter(|&n| n != u32::MAX)
    }

    /// The number of the place named `name`, as the records write it (made safe).
    pub fn find(&self, name: &str) -> Option<u32> {
        let index = self.places.iter().position(|place| place.name == name)?;
        u32::try_from(index).ok()
    }

    /// The places' numbers in `order`, turned round when `reversed`; ties keep the order the
    /// places were first named in.
    pub fn ordered(&self, order: PlaceOrder, reversed: bool) -> Vec<u32> {
        let count = u32::try_from(self.places.len()).unwrap_or(u32::MAX);
        let mut numbers: Vec<u32> = (0..count).collect();
        let place = |n: &u32| &self.places[*n as usize];
        match order {
            PlaceOrder::Name => numbers.sort_by_cached_key(|n| name_order_key(&place(n).name)),
            PlaceOrder::Events => {
                numbers.sort_by_key(|n| std::cmp::Reverse(place(n).events.len()));
            }
            PlaceOrder::FirstYear => {
                numbers.sort_by_key(|n| place(n).first_month.unwrap_or(i64::MAX));
            }
        }
        if reversed {
            numbers.reverse();
        }
        numbers
    }
}
