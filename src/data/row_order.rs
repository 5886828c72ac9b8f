//! The orders a reader sorts a list by: each works out one key per record once, then sorts;
//! records without the key (an undated event, an event held nowhere named) go last in either
//! direction, and ties fall back to date and to the dataset's order, so an order is stable.

use std::cmp::Ordering;

use super::{Catalog, EventDate, ListShape, RecordRef, SortKey, Tab};

/// Sorts `items` (indices into the collection `make` names) as `shape` orders `tab`.
pub(super) fn sort(
    catalog: &Catalog,
    tab: Tab,
    shape: &ListShape,
    make: fn(u32) -> RecordRef,
    items: &mut Vec<u32>,
) {
    let reversed = shape.reversed;
    let date = |i: u32| match make(i) {
        RecordRef::Event(i) => catalog.event(i).and_then(|event| event.date()),
        record @ RecordRef::Initiative(_) => first_event(catalog, record),
        _ => None,
    };
    // An event's date breaks ties on the timeline; elsewhere the dataset's order does.
    let then_date = |i: u32| (tab == Tab::Timeline).then(|| date(i)).flatten();
    match shape.sort {
        SortKey::Listed | SortKey::Amount => by(items, Some, |_| None::<u8>, reversed),
        SortKey::Date => by(items, date, |_| None::<u8>, reversed),
        SortKey::Kind => by(
            items,
            |i| super::RecordKind::of(catalog, make(i)),
            then_date,
            reversed,
        ),
        SortKey::Place => by(
            items,
            |i| {
                let RecordRef::Event(event) = make(i) else {
                    return None;
                };
                let place = catalog.event(event)?.place()?;
                Some(place.to_lowercase())
            },
            then_date,
            reversed,
        ),
        SortKey::Title => by(
            items,
            |i| Some(catalog.title(make(i)).to_lowercase()),
            |_| None::<u8>,
            reversed,
        ),
        // The most first: that is what a reader sorting by a count looks for.
        SortKey::Ties => by(
            items,
            |i| Some(std::cmp::Reverse(catalog.relations(make(i)).len())),
            |_| None::<u8>,
            reversed,
        ),
        SortKey::Events => by(
            items,
            |i| Some(std::cmp::Reverse(events_of(catalog, make(i)))),
            |_| None::<u8>,
            reversed,
        ),
    }
}

/// The earliest date of the events `record` is tied to.
pub fn first_event(catalog: &Catalog, record: RecordRef) -> Option<EventDate> {
    catalog
        .relations(record)
        .iter()
        .filter_map(|relation| match relation.target {
            RecordRef::Event(i) => catalog.event(i)?.date(),
            _ => None,
        })
        .min()
}

/// How many events `record` is tied to: took part in, or hosted.
pub fn events_of(catalog: &Catalog, record: RecordRef) -> usize {
    catalog
        .relations(record)
        .iter()
        .filter(|relation| matches!(relation.target, RecordRef::Event(_)))
        .count()
}

/// Sorts `items` by `key` (missing last, the order of present keys flipped when
/// `reversed`), then by `then`, then by index.
fn by<K: Ord, T: Ord>(
    items: &mut Vec<u32>,
    key: impl Fn(u32) -> Option<K>,
    then: impl Fn(u32) -> Option<T>,
    reversed: bool,
) {
    let mut keyed: Vec<(Option<K>, Option<T>, u32)> =
        items.iter().map(|&i| (key(i), then(i), i)).collect();
    keyed.sort_by(|a, b| {
        let primary = match (&a.0, &b.0) {
            (Some(x), Some(y)) if reversed => y.cmp(x),
            (Some(x), Some(y)) => x.cmp(y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        primary
            .then_with(|| missing_last(&a.1, &b.1))
            .then(a.2.cmp(&b.2))
    });
    items.clear();
    items.extend(keyed.into_iter().map(|(_, _, i)| i));
}

fn missing_last<T: Ord>(a: &Option<T>, b: &Option<T>) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}
