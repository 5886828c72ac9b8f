//! A dataset file as a whole: its title, what it covers, its records collection by
//! collection, and the other spellings its notes give. Records refer to each other by id;
//! each reference is stored once, on one side, and the other direction (an event's
//! initiatives, a participant's events) is derived at load.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{
    document::Document,
    field_mark::FieldMark,
    kinds::{Event, Initiative, Participant, Programme, Project},
    places::Place,
    spellings::Spelling,
};

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
    /// The document the quotes come from, as a citation names it (see [`Document`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<Document>,
    /// Which fields are not the source's statements, and what each is (`export` writes the
    /// program's; a file that gives them must give those).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub marks: Vec<FieldMark>,
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
    /// Where the places the events were held in lie on a map: coordinates from outside the
    /// source, each entry with a note naming where they come from (the Map tab draws them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<Place>,
}
