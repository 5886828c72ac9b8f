//! The dataset file's schema: what a JSON dataset holds, field by field.
//!
//! Records refer to each other by id. Each reference is stored once, on one side; the other
//! direction (an event's initiatives, a participant's events) is derived at load.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::date::EventDate;

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
}

/// Where a record comes from: a paragraph of the source and a verbatim quote from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// The paragraph number, counting from 1; paragraphs are separated by blank lines.
    pub paragraph: u32,
    /// A sentence or clause copied verbatim from that paragraph.
    pub quote: String,
}

/// A dated or named meeting, conference, summit, address or membership step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// A stable id, unique across the whole dataset.
    pub id: String,
    /// A short name in the dataset's own words.
    pub title: String,
    /// What sort of event it was.
    pub kind: EventKind,
    /// When, at the precision the source gives; absent when the source gives none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<EventDate>,
    /// The city or setting, spelled as the source spells it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The id of the state it took place in, where the source names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// What happened there, in the dataset's own words.
    pub summary: String,
    /// Ids of the participants who took part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<String>,
    /// Where the record comes from; at least one.
    pub sources: Vec<Citation>,
    /// Context from outside the source, always shown as such.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The sort of an event.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// Joining the organisation, or another membership step.
    Membership,
    /// An OIC summit (Islamic Summit Conference).
    Summit,
    /// An extraordinary summit or conference.
    ExtraordinarySummit,
    /// An Islamic Conference of Foreign Ministers (ICFM).
    ForeignMinisters,
    /// A coordination meeting, such as those at the UN General Assembly.
    CoordinationMeeting,
    /// A meeting of the OIC Parliamentary Union.
    Parliamentary,
    /// A conference of scholars and thinkers.
    Scholars,
    /// A national event, such as a presidential address.
    National,
    /// Anything else.
    Other,
}

impl EventKind {
    /// The kind as a dataset file and the command line name it (`foreign_ministers`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Membership => "membership",
            Self::Summit => "summit",
            Self::ExtraordinarySummit => "extraordinary_summit",
            Self::ForeignMinisters => "foreign_ministers",
            Self::CoordinationMeeting => "coordination_meeting",
            Self::Parliamentary => "parliamentary",
            Self::Scholars => "scholars",
            Self::National => "national",
            Self::Other => "other",
        }
    }

    /// Every kind, in a fixed order.
    pub const ALL: [Self; 9] = [
        Self::Membership,
        Self::Summit,
        Self::ExtraordinarySummit,
        Self::ForeignMinisters,
        Self::CoordinationMeeting,
        Self::Parliamentary,
        Self::Scholars,
        Self::National,
        Self::Other,
    ];

    /// A label short enough for a table column.
    pub fn label(self) -> &'static str {
        match self {
            Self::Membership => "membership",
            Self::Summit => "summit",
            Self::ExtraordinarySummit => "extra. summit",
            Self::ForeignMinisters => "ministers",
            Self::CoordinationMeeting => "coordination",
            Self::Parliamentary => "parliamentary",
            Self::Scholars => "scholars",
            Self::National => "national",
            Self::Other => "other",
        }
    }

    /// The kind in the plural, for a filter: "summits".
    pub fn plural(self) -> &'static str {
        match self {
            Self::Membership => "membership steps",
            Self::Summit => "summits",
            Self::ExtraordinarySummit => "extraordinary summits",
            Self::ForeignMinisters => "foreign ministers' conferences",
            Self::CoordinationMeeting => "coordination meetings",
            Self::Parliamentary => "parliamentary conferences",
            Self::Scholars => "scholars' conferences",
            Self::National => "national events",
            Self::Other => "other events",
        }
    }

    /// The kind written out in full.
    pub fn description(self) -> &'static str {
        match self {
            Self::Membership => "membership step",
            Self::Summit => "summit",
            Self::ExtraordinarySummit => "extraordinary summit",
            Self::ForeignMinisters => "foreign ministers' conference",
            Self::CoordinationMeeting => "coordination meeting",
            Self::Parliamentary => "parliamentary conference",
            Self::Scholars => "scholars' conference",
            Self::National => "national event",
            Self::Other => "other event",
        }
    }
}

/// The span of years a programme covers, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// The first year.
    pub start: i32,
    /// The last year.
    pub end: i32,
}

/// A funding programme, such as the IDB Program for 2003–2006.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    /// A stable id, unique across the whole dataset.
    pub id: String,
    /// A short name in the dataset's own words.
    pub title: String,
    /// The years it covers.
    pub period: Period,
    /// The id of the participant that funds it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funder: Option<String>,
    /// The id of the participant that receives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<String>,
    /// What it is, in the dataset's own words.
    pub summary: String,
    /// Where the record comes from; at least one.
    pub sources: Vec<Citation>,
    /// Context from outside the source, always shown as such.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One project of a programme, with the amount it receives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// A stable id, unique across the whole dataset.
    pub id: String,
    /// A short name in the dataset's own words.
    pub title: String,
    /// The id of the programme it belongs to.
    pub programme: String,
    /// The amount in whole US dollars; totals and shares are computed from it.
    pub amount_usd: u64,
    /// What sort of project it is (roads, research institute, ...): a classification by the
    /// dataset's authors, derived from what the source says, never a quotation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// What it is, in the dataset's own words.
    pub summary: String,
    /// Where the record comes from; at least one.
    pub sources: Vec<Citation>,
    /// Context from outside the source, always shown as such.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// An initiative, resolution, proposal or line of cooperation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Initiative {
    /// A stable id, unique across the whole dataset.
    pub id: String,
    /// A short name in the dataset's own words.
    pub title: String,
    /// What sort of initiative it is.
    pub kind: InitiativeKind,
    /// Ids of the participants who put it forward.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub proposed_by: Vec<String>,
    /// Ids of the participants it works with.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<String>,
    /// Ids of the events where it was supported, adopted or advanced.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<String>,
    /// What became of it, in the dataset's own words.
    pub outcome: String,
    /// What it is, in the dataset's own words.
    pub summary: String,
    /// Where the record comes from; at least one.
    pub sources: Vec<Citation>,
    /// Context from outside the source, always shown as such.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The sort of an initiative.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum InitiativeKind {
    /// A proposal put to the organisation.
    Initiative,
    /// A resolution.
    Resolution,
    /// Provisions proposed for a document.
    Proposal,
    /// A continuing line of cooperation.
    Cooperation,
}

impl InitiativeKind {
    /// A one-word label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Initiative => "initiative",
            Self::Resolution => "resolution",
            Self::Proposal => "proposal",
            Self::Cooperation => "cooperation",
        }
    }
}

/// A person, state, organisation, body or group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    /// A stable id, unique across the whole dataset.
    pub id: String,
    /// The name, spelled as the source spells it.
    pub name: String,
    /// What sort of participant it is.
    pub kind: ParticipantKind,
    /// For a person, the office as the source gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<String>,
    /// For a body, the id of the organisation it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
    /// Who or what it is, in the dataset's own words.
    pub summary: String,
    /// Where the record comes from; at least one.
    pub sources: Vec<Citation>,
    /// Context from outside the source, always shown as such.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The sort of a participant.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ParticipantKind {
    /// A named person.
    Person,
    /// A country.
    State,
    /// An international organisation.
    Organisation,
    /// A body of an organisation.
    Body,
    /// A group of people, such as a delegation.
    Group,
}

impl ParticipantKind {
    /// A one-word label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::State => "state",
            Self::Organisation => "organisation",
            Self::Body => "body",
            Self::Group => "group",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kind_is_named_as_the_dataset_writes_it() {
        for kind in EventKind::ALL {
            assert_eq!(
                serde_json::to_value(kind).unwrap(),
                serde_json::Value::from(kind.name())
            );
        }
    }
}
