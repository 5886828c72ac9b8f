//! The dataset file's schema: what a JSON dataset holds, field by field. One type per record
//! kind serves everything: read from a file (its texts borrowed from the file, see
//! [`FileText`]), built or exported in memory (`String`), and described as JSON Schema.
//!
//! Records refer to each other by id. Each reference is stored once, on one side; the other
//! direction (an event's initiatives, a participant's events) is derived at load.

use std::{borrow::Cow, fmt, ops::Deref};

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, de::Visitor};

/// A text as read from a dataset file: borrowed from the file where the JSON string has no
/// escapes (most of them), so loading a million records copies each text once, into the
/// catalog's arena.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileText<'a>(pub Cow<'a, str>);

impl Deref for FileText<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for FileText<'_> {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for FileText<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Text;
        impl<'de> Visitor<'de> for Text {
            type Value = FileText<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }

            fn visit_borrowed_str<E>(self, text: &'de str) -> Result<Self::Value, E> {
                Ok(FileText(Cow::Borrowed(text)))
            }

            fn visit_str<E>(self, text: &str) -> Result<Self::Value, E> {
                Ok(FileText(Cow::Owned(text.to_string())))
            }

            fn visit_string<E>(self, text: String) -> Result<Self::Value, E> {
                Ok(FileText(Cow::Owned(text)))
            }
        }
        deserializer.deserialize_str(Text)
    }
}

use super::records::{Event, Initiative, Participant, Programme, Project};
use super::spellings::Spelling;

/// A whole dataset file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// The JSON Schema the file follows, for editors (`dataset.schema.json`).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// What the dataset is about, shown in the app.
    pub title: String,
    /// A paragraph on what it covers.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Which document the quotes and paragraph numbers refer to.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// Meetings, conferences, summits, addresses and membership steps.
    #[serde(default)]
    pub events: Vec<Event>,
    /// Funding programmes (such as the IDB Program for 2003–2006).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub programmes: Vec<Programme>,
    /// The projects each programme funds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub projects: Vec<Project>,
    /// Initiatives, resolutions, proposals and lines of cooperation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub initiatives: Vec<Initiative>,
    /// People, states, organisations, their bodies, and groups.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Participant>,
    /// Other spellings and later names of titles and places, as records' notes give them
    /// (search finds records by them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spellings: Vec<Spelling>,
}

/// Where a record comes from: a paragraph of the source and a verbatim quote from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[serde(bound(deserialize = "S: Deserialize<'de>", serialize = "S: Serialize"))]
#[schemars(rename = "Citation")]
pub struct Citation<S = String> {
    /// The paragraph number, counting from 1; paragraphs are separated by blank lines.
    pub paragraph: u32,
    /// A sentence or clause copied verbatim from that paragraph.
    pub quote: S,
}
