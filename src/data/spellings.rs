//! Other spellings and later names of what the dataset names, as its notes give them: "Mekkah
//! is more often written Mecca or Makkah". Each is stated in one record's note and applies to
//! every record with that name or place, so search finds them by the spellings a reader knows.
//! The source's own spelling stays what the screen shows; these only help find it.

use std::collections::{HashMap, HashSet};

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

/// The spellings by name (lowercased), worked out once at load. Each name with spellings has a
/// number ([`SpelledName`]), so search can match a name's spellings once per query and look
/// the answer up for every record with that name.
#[derive(Clone, Debug, Default)]
pub struct Spellings {
    /// The number of each name, lowercased.
    ids: HashMap<String, SpelledName>,
    /// The other spellings of each name, by its number, each once, in the order first given.
    lists: Vec<Vec<String>>,
}

/// The number of a name that has other spellings (see [`Spellings::id_of`]).
pub type SpelledName = u32;

impl Spellings {
    /// The spellings of `list`, merged by name, each kept once: in time linear in the
    /// spellings, as one entry may give a name tens of thousands.
    pub fn new(list: &[Spelling]) -> Self {
        let mut ids: HashMap<String, SpelledName> = HashMap::new();
        let mut lists: Vec<Vec<String>> = Vec::new();
        let mut seen: Vec<HashSet<&str>> = Vec::new();
        for spelling in list {
            let id = *ids.entry(spelling.name.to_lowercase()).or_insert_with(|| {
                lists.push(Vec::new());
                seen.push(HashSet::new());
                SpelledName::try_from(lists.len() - 1).unwrap_or(SpelledName::MAX)
            });
            let (Some(also), Some(seen)) = (lists.get_mut(id as usize), seen.get_mut(id as usize))
            else {
                continue;
            };
            for other in &spelling.also {
                if seen.insert(other.as_str()) {
                    also.push(other.clone());
                }
            }
        }
        Self { ids, lists }
    }

    /// The number of `name` (a title or a place) when it has other spellings.
    pub fn id_of(&self, name: &str) -> Option<SpelledName> {
        if self.ids.is_empty() {
            return None;
        }
        self.ids.get(&name.to_lowercase()).copied()
    }

    /// The other spellings of the name numbered `id`.
    pub fn by_id(&self, id: SpelledName) -> &[String] {
        self.lists.get(id as usize).map_or(&[], Vec::as_slice)
    }

    /// How many names have other spellings (their numbers are `0..count`).
    pub fn count(&self) -> usize {
        self.lists.len()
    }

    /// The other spellings of `name` (a title or a place), if any.
    pub fn of(&self, name: &str) -> &[String] {
        self.id_of(name).map_or(&[], |id| self.by_id(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spelling(name: &str, also: &[&str]) -> Spelling {
        Spelling {
            name: name.into(),
            also: also.iter().map(|s| s.to_string()).collect(),
            note_of: "ev-1".into(),
        }
    }

    #[test]
    fn entries_of_one_name_merge_keeping_each_spelling_once_in_order() {
        let spellings = Spellings::new(&[
            spelling("Mekkah", &["Mecca", "Makkah"]),
            spelling("Baku", &["Baki"]),
            spelling("mekkah", &["Makkah", "Bakkah", "Mecca"]),
        ]);
        assert_eq!(spellings.of("MEKKAH"), ["Mecca", "Makkah", "Bakkah"]);
        assert_eq!(spellings.of("Baku"), ["Baki"]);
        assert_eq!(spellings.of("Doha"), [] as [String; 0]);
        assert_eq!(spellings.count(), 2);
        let id = spellings.id_of("baku").unwrap();
        assert_eq!(spellings.by_id(id), ["Baki"]);
    }
}
