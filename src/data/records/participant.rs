//! A person, state, organisation, body or group: its shape in a dataset file, its compact row
//! in the store, the view the rest of the program reads, the checks on its own fields, and its
//! way back into a dataset file. A field is added to participants here, and wherever it is
//! shown.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Row, RowTexts, Ties};
use crate::data::{
    catalog::Catalog,
    model::Citation,
    record::{RecordRef, Role},
    store::{Sources, Store, Text, optional, position},
    tie::TieRef,
    validate::FieldChecks,
    views::Citations,
};

/// A person, state, organisation, body or group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[serde(bound(deserialize = "S: Deserialize<'de>", serialize = "S: Serialize"))]
#[schemars(rename = "Participant")]
pub struct Participant<S = String> {
    /// A stable id, unique across the whole dataset.
    pub id: S,
    /// The name, spelled as the source spells it.
    pub name: S,
    /// What sort of participant it is.
    pub kind: ParticipantKind,
    /// For a person, the office as the source gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<S>,
    /// For a body, the organisation it belongs to: an id, or a tie with its quotes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<TieRef<S>>,
    /// For a group, the participant it represents (a state's delegations): an id, or a tie
    /// with its quotes. The events the group took part in are listed on that participant too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub represents: Option<TieRef<S>>,
    /// Who or what it is, in the dataset's own words.
    pub summary: S,
    /// Where the record comes from; at least one.
    pub sources: Vec<Citation<S>>,
    /// Context from outside the source, always shown as such.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<S>,
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

/// A participant in the store: its texts as spans of the arena.
#[derive(Clone, Copy, Debug)]
pub struct ParticipantRow {
    pub id: Text,
    pub name: Text,
    pub summary: Text,
    pub office: Text,
    pub note: Text,
    pub sources: Sources,
    pub kind: ParticipantKind,
}

impl Row for ParticipantRow {
    fn moved(self, text: u32, citations: u32) -> Self {
        Self {
            id: self.id.moved(text),
            name: self.name.moved(text),
            summary: self.summary.moved(text),
            office: self.office.moved(text),
            note: self.note.moved(text),
            sources: self.sources.moved(citations),
            ..self
        }
    }

    fn texts(&self) -> RowTexts {
        RowTexts {
            lines: [self.name, self.office],
            running: [self.summary, self.note, Text::NONE],
            sources: self.sources,
        }
    }

    fn check(&self, checks: &mut FieldChecks<'_>) {
        checks.texts(&[("name", self.name), ("summary", self.summary)]);
        checks.citations(self.sources);
    }
}

impl Store {
    /// Stores a participant.
    pub(crate) fn push_participant<S: AsRef<str>>(&mut self, participant: &Participant<S>) {
        let this = RecordRef::Participant(position(self.participants.len()));
        self.refer(this, Role::PartOf, &participant.part_of);
        self.refer(this, Role::Represents, &participant.represents);
        let sources = self.sources(&participant.sources);
        let row = ParticipantRow {
            id: self.text.push(participant.id.as_ref()),
            name: self.text.push(participant.name.as_ref()),
            summary: self.text.push(participant.summary.as_ref()),
            office: self.text.push_optional(optional(&participant.office)),
            note: self.text.push_optional(optional(&participant.note)),
            sources,
            kind: participant.kind,
        };
        self.participants.push(row);
    }
}

/// A participant.
#[derive(Clone, Copy, Debug)]
pub struct ParticipantView<'a> {
    pub(crate) catalog: &'a Catalog,
    pub(crate) row: &'a ParticipantRow,
}

impl<'a> ParticipantView<'a> {
    text_accessors!(
        /// The stable id.
        id,
        /// The name, as the source spells it.
        name,
        /// Who or what it is.
        summary
    );
    optional_accessors!(
        /// For a person, the office.
        office,
        /// Context from outside the source.
        note
    );

    /// What sort of participant it is.
    pub fn kind(self) -> ParticipantKind {
        self.row.kind
    }

    /// Where it comes from.
    pub fn sources(self) -> Citations<'a> {
        Citations::new(self.catalog, self.row.sources)
    }

    /// The participant as a dataset file writes it.
    pub(crate) fn to_model(self, ties: &Ties<'_>) -> Participant {
        Participant {
            id: self.id().into(),
            name: self.name().into(),
            kind: self.kind(),
            office: self.office().map(str::to_string),
            part_of: ties.one(Role::PartOf),
            represents: ties.one(Role::Represents),
            summary: self.summary().into(),
            sources: self.sources().to_model(),
            note: self.note().map(str::to_string),
        }
    }
}
