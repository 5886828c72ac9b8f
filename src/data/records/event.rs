//! An event (a meeting, conference, summit, address or membership step): its shape in a
//! dataset file, its compact row in the store, the view the rest of the program reads, the
//! checks on its own fields, and its way back into a dataset file. A field is added to events
//! here, and wherever it is shown.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Row, RowTexts, Ties};
use crate::data::{
    catalog::Catalog,
    date::EventDate,
    model::Citation,
    record::{RecordRef, Role},
    store::{Sources, Store, Text, optional, position},
    tie::TieRef,
    validate::FieldChecks,
    views::Citations,
};

/// A dated or named meeting, conference, summit, address or membership step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[serde(bound(deserialize = "S: Deserialize<'de>", serialize = "S: Serialize"))]
#[schemars(rename = "Event")]
pub struct Event<S = String> {
    /// A stable id, unique across the whole dataset.
    pub id: S,
    /// A short name in the dataset's own words.
    pub title: S,
    /// What sort of event it was.
    pub kind: EventKind,
    /// When, at the precision the source gives; absent when the source gives none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<EventDate>,
    /// The city or setting, spelled as the source spells it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<S>,
    /// The state it took place in, where the source names it: an id, or a tie with its quotes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<TieRef<S>>,
    /// What happened there, in the dataset's own words.
    pub summary: S,
    /// The participants the source names with the event, each an id or a tie with its kind
    /// (`took_part`, `joined`, `convened`, `delivered`, `addressed`; `mentioned` for a bare id).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<TieRef<S>>,
    /// Where the record comes from; at least one.
    pub sources: Vec<Citation<S>>,
    /// Context from outside the source, always shown as such.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<S>,
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

/// An event in the store: its texts as spans of the arena.
#[derive(Clone, Copy, Debug)]
pub struct EventRow {
    pub id: Text,
    pub title: Text,
    pub summary: Text,
    pub place: Text,
    pub note: Text,
    pub sources: Sources,
    pub date: Option<EventDate>,
    pub kind: EventKind,
}

impl Row for EventRow {
    fn moved(self, text: u32, citations: u32) -> Self {
        Self {
            id: self.id.moved(text),
            title: self.title.moved(text),
            summary: self.summary.moved(text),
            place: self.place.moved(text),
            note: self.note.moved(text),
            sources: self.sources.moved(citations),
            ..self
        }
    }

    fn texts(&self) -> RowTexts {
        RowTexts {
            lines: [self.title, self.place],
            running: [self.summary, self.note, Text::NONE],
            sources: self.sources,
        }
    }

    fn check(&self, checks: &mut FieldChecks<'_>) {
        checks.texts(&[("title", self.title), ("summary", self.summary)]);
        checks.citations(self.sources);
    }
}

impl Store {
    /// Stores an event; its references wait, as ids, to be resolved.
    pub(crate) fn push_event<S: AsRef<str>>(&mut self, event: &Event<S>) {
        let this = RecordRef::Event(position(self.events.len()));
        self.refer(this, Role::Participant, &event.participants);
        self.refer(this, Role::Country, &event.country);
        let sources = self.sources(&event.sources);
        let row = EventRow {
            id: self.text.push(event.id.as_ref()),
            title: self.text.push(event.title.as_ref()),
            summary: self.text.push(event.summary.as_ref()),
            place: self.text.push_optional(optional(&event.place)),
            note: self.text.push_optional(optional(&event.note)),
            sources,
            date: event.date,
            kind: event.kind,
        };
        self.events.push(row);
    }
}

/// An event.
#[derive(Clone, Copy, Debug)]
pub struct EventView<'a> {
    pub(crate) catalog: &'a Catalog,
    pub(crate) row: &'a EventRow,
}

impl<'a> EventView<'a> {
    text_accessors!(
        /// The stable id.
        id,
        /// A short name in the dataset's own words.
        title,
        /// What happened there.
        summary
    );
    optional_accessors!(
        /// The city or setting, as the source spells it.
        place,
        /// Context from outside the source.
        note
    );

    /// What sort of event it was.
    pub fn kind(self) -> EventKind {
        self.row.kind
    }

    /// When, at the precision the source gives.
    pub fn date(self) -> Option<EventDate> {
        self.row.date
    }

    /// Where it comes from.
    pub fn sources(self) -> Citations<'a> {
        Citations::new(self.catalog, self.row.sources)
    }

    /// The event as a dataset file writes it.
    pub(crate) fn to_model(self, ties: &Ties<'_>) -> Event {
        Event {
            id: self.id().into(),
            title: self.title().into(),
            kind: self.kind(),
            date: self.date(),
            place: self.place().map(str::to_string),
            country: ties.one(Role::Country),
            summary: self.summary().into(),
            participants: ties.entries(Role::Participant),
            sources: self.sources().to_model(),
            note: self.note().map(str::to_string),
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
