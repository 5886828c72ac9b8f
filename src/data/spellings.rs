//! Other spellings and later names of what the dataset names, as its notes give them: "Mekkah
//! is more often written Mecca or Makkah". Each is stated in one record's note and applies to
//! every record with that name or place, so search finds them by the spellings a reader knows.
//! The source's own spelling stays what the screen shows; these only help find it.

use std::collections::{HashMap, HashSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Catalog, Record, problems::Problems};

/// Another way of writing a name the dataset uses, stated in a record's note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Spelling {
    /// The name as the dataset writes it: a record's title, or an event's place.
    pub name: String,
    /// The other spellings or later names, each written in that record's note.
    pub also: Vec<String>,
    /// The id of the record whose note gives them.
    pub note_of: String,
}

/// The spellings by name (lowercased), worked out once at load.
#[derive(Debug, Default)]
pub struct Spellings {
    by_name: HashMap<String, Vec<String>>,
}

impl Spellings {
    /// The spellings of `list`, merged by name.
    pub fn new(list: &[Spelling]) -> Self {
        let mut by_name: HashMap<String, Vec<String>> = HashMap::new();
        for spelling in list {
            let also = by_name.entry(spelling.name.to_lowercase()).or_default();
            for other in &spelling.also {
                if !also.contains(other) {
                    also.push(other.clone());
                }
            }
        }
        Self { by_name }
    }

    /// The other spellings of `name` (a title or a place), if any.
    pub fn of(&self, name: &str) -> &[String] {
        if self.by_name.is_empty() {
            return &[];
        }
        self.by_name
            .get(&name.to_lowercase())
            .map_or(&[], Vec::as_slice)
    }
}

/// Whether `phrase` is in `note` as whole words: neither a letter nor a digit either side,
/// and starting and ending with one (so "a" or "." inside the note is no spelling).
fn holds_phrase(note: &str, phrase: &str) -> bool {
    let alone = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
    let worded = phrase.chars().next().is_some_and(char::is_alphanumeric)
        && phrase
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
    worded
        && note.match_indices(phrase).any(|(at, _)| {
            alone(note[..at].chars().next_back()) && alone(note[at + phrase.len()..].chars().next())
        })
}

/// Checks each spelling: its record exists and its note says each spelling, and its name is
/// a record's title or an event's place.
pub fn check(catalog: &Catalog, list: &[Spelling], problems: &mut Problems) {
    if list.is_empty() {
        return;
    }
    let mut names: HashSet<String> = HashSet::new();
    for record in catalog.records() {
        if let Some(view) = catalog.get(record) {
            names.insert(view.title().to_lowercase());
            if let Record::Event(event) = view
                && let Some(place) = event.place()
            {
                names.insert(place.to_lowercase());
            }
        }
    }
    for (index, spelling) in list.iter().enumerate() {
        let path = format!("spellings[{index}]");
        if !names.contains(&spelling.name.to_lowercase()) {
            problems.add(
                format!("{path}.name"),
                format!(
                    "no record has the title or place {:?}; a spelling names what a record is called",
                    spelling.name
                ),
            );
        }
        if spelling.also.is_empty() {
            problems.add(format!("{path}.also"), "lists no other spelling");
        }
        let note = catalog
            .find(&spelling.note_of)
            .and_then(|record| catalog.get(record))
            .map(|view| view.note());
        match note {
            None => problems.add(
                format!("{path}.note_of"),
                format!("no record has the id {:?}", spelling.note_of),
            ),
            Some(note) => {
                for (number, other) in spelling.also.iter().enumerate() {
                    let path = format!("{path}.also[{number}]");
                    if other.to_lowercase() == spelling.name.to_lowercase()
                        || spelling.also[..number].contains(other)
                    {
                        problems.add(
                            path,
                            format!("{other:?} is the name itself or listed twice"),
                        );
                        continue;
                    }
                    if other.trim().is_empty()
                        || !note.is_some_and(|note| holds_phrase(note, other))
                    {
                        problems.add(
                            path,
                            format!(
                                "{other:?} is not in the note of {}: a spelling is outside knowledge, and the note is where the dataset says it",
                                spelling.note_of
                            ),
                        );
                    }
                }
            }
        }
    }
}
