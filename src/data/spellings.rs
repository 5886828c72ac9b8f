//! Other spellings and later names of what the dataset names, as its notes give them: "Mekkah
//! is more often written Mecca or Makkah". Each is stated in one record's note and applies to
//! every record with that name or place, so search finds them by the spellings a reader knows.
//! The source's own spelling stays what the screen shows; these only help find it.

use std::collections::HashMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

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
