//! Reading a value a file gives by one of a fixed set of names (an event's `kind`, a tie's
//! `kind`): a name, in double quotes. Anything else (a number, a list, a name not in the set)
//! is refused with the names there are, so the message can list them and find the nearest.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};

/// Reads one of `all`, which a file writes as the name at the same place in `names`.
pub fn deserialize_named<'de, D: Deserializer<'de>, T: Copy + 'static>(
    deserializer: D,
    all: &'static [T],
    names: &'static [&'static str],
) -> Result<T, D::Error> {
    deserializer.deserialize_str(Named { all, names })
}

struct Named<T: 'static> {
    all: &'static [T],
    names: &'static [&'static str],
}

impl<T: Copy> Visitor<'_> for Named<T> {
    type Value = T;

    /// The names as serde lists a set it expects one of: `` one of `a`, `b` ``.
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("one of ")?;
        for (number, name) in self.names.iter().enumerate() {
            if number > 0 {
                f.write_str(", ")?;
            }
            write!(f, "`{name}`")?;
        }
        Ok(())
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
        let at = self.names.iter().position(|&name| name == text);
        match at.and_then(|at| self.all.get(at)) {
            Some(&value) => Ok(value),
            None => Err(E::unknown_variant(text, self.names)),
        }
    }
}
