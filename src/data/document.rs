//! What a dataset says of the document it is compiled from, for citing it: its title, author
//! or issuing body, date, place of publication, address and language, each optional. A field
//! is what the source itself shows (a plain string), or a reading where it shows nothing (an
//! object with the value taken and why), which every citation marks as such. Checked on load.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::problems::Problems;

/// The source document, as a citation names it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Its title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<DocumentField>,
    /// Who wrote or issued it: a person or a body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<DocumentField>,
    /// When it was issued: a year, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<DocumentField>,
    /// Where it was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<DocumentField>,
    /// Where it can be read: an `http` or `https` address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<DocumentField>,
    /// Its language, as a BCP 47 tag (`en`, `ru`, `kk`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<DocumentField>,
}

/// One particular of the document: as the source shows it, or a reading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum DocumentField {
    /// What the source itself shows.
    Shown(String),
    /// What the source does not show: the value taken, and why.
    Reading {
        /// The value taken.
        value: String,
        /// Why it is taken: what in the source (or outside it) it rests on.
        reading: String,
    },
}

/// A reading as a file writes it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReadingObject {
    value: String,
    reading: String,
}

/// Read by hand rather than as an untagged enum, so a value of the wrong type is refused
/// saying what the field must be, as every other field is.
impl<'de> Deserialize<'de> for DocumentField {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Field;
        impl<'de> serde::de::Visitor<'de> for Field {
            type Value = DocumentField;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string (what the source shows) or an object with value and reading")
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<DocumentField, E> {
                Ok(DocumentField::Shown(text.to_string()))
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<DocumentField, A::Error> {
                let object =
                    ReadingObject::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(DocumentField::Reading {
                    value: object.value,
                    reading: object.reading,
                })
            }
        }
        deserializer.deserialize_any(Field)
    }
}

impl DocumentField {
    /// The value, shown or read.
    pub fn value(&self) -> &str {
        match self {
            Self::Shown(value) | Self::Reading { value, .. } => value,
        }
    }

    /// Why it was taken, when it is a reading.
    pub fn reading(&self) -> Option<&str> {
        match self {
            Self::Shown(_) => None,
            Self::Reading { reading, .. } => Some(reading),
        }
    }
}

/// A date's year, and its month and day where it gives them.
pub type DateParts = (i32, Option<u8>, Option<u8>);

/// A date as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: year, month and day.
pub fn parse_date(text: &str) -> Option<DateParts> {
    let mut parts = text.split('-');
    let year = parts.next().filter(|y| y.len() == 4)?.parse::<i32>().ok()?;
    let number = |part: Option<&str>, most: u8| -> Result<Option<u8>, ()> {
        match part {
            None => Ok(None),
            Some(part) if part.len() == 2 => match part.parse::<u8>() {
                Ok(n) if (1..=most).contains(&n) => Ok(Some(n)),
                _ => Err(()),
            },
            Some(_) => Err(()),
        }
    };
    let month = number(parts.next(), 12).ok()?;
    let day = number(parts.next(), 31).ok()?;
    if parts.next().is_some() || (day.is_some() && month.is_none()) {
        return None;
    }
    Some((year, month, day))
}

/// Whether `tag` has the shape of a BCP 47 language tag: a language of 2 or 3 letters, then
/// subtags of letters and digits (`en`, `en-GB`, `kk-Cyrl`).
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default();
    (2..=3).contains(&language.len())
        && language.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|part| {
            (1..=8).contains(&part.len()) && part.chars().all(|c| c.is_ascii_alphanumeric())
        })
}

/// Reports what is wrong with `document`: an empty value or reading, a date, address or
/// language of the wrong form.
pub fn check(document: &Document, problems: &mut Problems) {
    let fields = [
        ("title", &document.title),
        ("author", &document.author),
        ("date", &document.date),
        ("place", &document.place),
        ("url", &document.url),
        ("language", &document.language),
    ];
    for (name, field) in fields {
        let Some(field) = field else { continue };
        let path = format!("document.{name}");
        if field.value().trim().is_empty() {
            problems.add(
                &path,
                "empty: leave the field out when there is nothing to say",
            );
            continue;
        }
        if field
            .reading()
            .is_some_and(|reading| reading.trim().is_empty())
        {
            problems.add(
                &path,
                "a reading must say what it rests on: its reading is empty",
            );
        }
        let value = field.value();
        let wrong = match name {
            "date" if parse_date(value).is_none() => Some("a date is YYYY, YYYY-MM or YYYY-MM-DD"),
            "url" if !(value.starts_with("https://") || value.starts_with("http://")) => {
                Some("an address starts with https:// or http://")
            }
            "language" if !is_language_tag(value) => {
                Some("a language is a BCP 47 tag such as en, ru or kk-Cyrl")
            }
            _ => None,
        };
        if let Some(wrong) = wrong {
            problems.add(
                &path,
                format!("{} is not one: {wrong}", crate::quoted::said(value, '"')),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_a_year_a_month_or_a_day() {
        assert_eq!(parse_date("2006"), Some((2006, None, None)));
        assert_eq!(parse_date("2006-03"), Some((2006, Some(3), None)));
        assert_eq!(parse_date("2006-03-01"), Some((2006, Some(3), Some(1))));
        for wrong in [
            "06",
            "2006-3",
            "2006-13",
            "2006-03-32",
            "2006-03-01-1",
            "March 2006",
            "",
        ] {
            assert_eq!(parse_date(wrong), None, "{wrong}");
        }
    }

    #[test]
    fn each_wrong_field_is_reported_where_it_is() {
        let document: Document = serde_json::from_str(
            r#"{"title": " ", "author": {"value": "A", "reading": ""}, "date": "spring",
                "url": "example.org", "language": "english", "place": "Astana"}"#,
        )
        .expect("the shape is right");
        let mut problems = Problems::default();
        check(&document, &mut problems);
        let (list, _) = problems.into_parts();
        let said: String = list.iter().map(|problem| format!("{problem}\n")).collect();
        for path in [
            "document.title",
            "document.author",
            "document.date",
            "document.url",
        ] {
            assert!(said.contains(path), "{path}: {said}");
        }
        assert!(said.contains("document.language"), "{said}");
        assert!(!said.contains("document.place"), "{said}");
    }
}
