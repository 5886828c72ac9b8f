//! A hostile dataset that `check` calls clean: every event held in one place, and one entry of
//! the dataset's `spellings` giving that place thousands of other names, each written in one
//! record's note. A search that expanded every spelling for every record, or a check that
//! compared every spelling with every other, would stall on it.

use crate::data::{Dataset, Spelling};

/// The one place every event of [`spelled_place`] is held in.
pub const SPELLED_PLACE: &str = "Baku";

/// The `n`th other name [`spelled_place`] gives its place: "Qyz" and letters counting `n` in
/// base 26 (distinct for every `n`, a whole word, never the place's own name).
pub fn spelling_name(n: usize) -> String {
    let mut letters = Vec::new();
    let mut rest = n;
    for _ in 0..4 {
        letters.push(char::from(b'a' + (rest % 26) as u8));
        rest /= 26;
    }
    while rest > 0 {
        letters.push(char::from(b'a' + (rest % 26) as u8));
        rest /= 26;
    }
    letters.reverse();
    let mut name = String::from("Qyz");
    name.extend(letters);
    name
}

/// The synthetic dataset of about `events` events (seed 1), every event held in
/// [`SPELLED_PLACE`], whose `names` other names ([`spelling_name`]) the first event's note gives.
pub fn spelled_place(events: usize, names: usize) -> Dataset {
    let mut dataset = super::generate(events, 1);
    let also: Vec<String> = (0..names).map(spelling_name).collect();
    for event in &mut dataset.events {
        event.place = Some(SPELLED_PLACE.to_string());
    }
    // The generated places were the events' places before: none is one now.
    dataset.places.clear();
    if let Some(first) = dataset.events.first_mut() {
        first.note = Some(format!(
            "{SPELLED_PLACE} is also written {}.",
            also.join(", ")
        ));
        let note_of = first.id.clone();
        dataset.spellings = vec![Spelling {
            name: SPELLED_PLACE.to_string(),
            also,
            note_of,
        }];
    }
    dataset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_distinct_words() {
        let names: std::collections::HashSet<String> = (0..30_000).map(spelling_name).collect();
        assert_eq!(names.len(), 30_000);
        assert_eq!(spelling_name(0), "Qyzaaaa");
        assert_eq!(spelling_name(26 * 26 * 26 * 26), "Qyzbaaaa");
    }
}
