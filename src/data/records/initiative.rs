//! An initiative, resolution, proposal or line of cooperation: its shape in a dataset file,
//! its compact row in the store, the view the rest of the program reads, the checks on its own
//! fields, and its way back into a dataset file. A field is added to initiatives here, and
//! wherever it is shown.

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

/// An initiative, resolution, proposal or line of cooperation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[serde(bound(deserialize = "S: Deserialize<'de>", serialize = "S: Serialize"))]
#[schemars(rename = "Initiative")]
pub struct Initiative<S = String> {
    /// A stable id, unique across the whole dataset.
    pub id: S,
    /// A short name in the dataset's own words.
    pub title: S,
    /// What sort of initiative it is.
    pub kind: InitiativeKind,
    /// The participants behind it, each an id or a tie with its kind (`proposed`, `supports`,
    /// `pursues`; `mentioned` for a bare id).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub proposed_by: Vec<TieRef<S>>,
    /// The participants it works with, each an id or a tie (`partner`; `mentioned` for a bare
    /// id).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<TieRef<S>>,
    /// The events the source ties it to, each an id or a tie with its kind (`supported`,
    /// `support_reiterated`, `included_in_document`, `took_part`, `mentioned_in`; `mentioned`
    /// for a bare id).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<TieRef<S>>,
    /// What became of it, in the dataset's own words.
    pub outcome: S,
    /// What it is, in the dataset's own words.
    pub summary: S,
    /// Where the record comes from; at least one.
    pub sources: Vec<Citation<S>>,
    /// Context from outside the source, always shown as such.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<S>,
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

/// An initiative in the store: its texts as spans of the arena.
#[derive(Clone, Copy, Debug)]
pub struct InitiativeRow {
    pub id: Text,
    pub title: Text,
    pub summary: Text,
    pub outcome: Text,
    pub note: Text,
    pub sources: Sources,
    pub kind: InitiativeKind,
}

impl Row for InitiativeRow {
    fn moved(self, text: u32, citations: u32) -> Self {
        Self {
            id: self.id.moved(text),
            title: self.title.moved(text),
            summary: self.summary.moved(text),
            outcome: self.outcome.moved(text),
            note: self.note.moved(text),
            sources: self.sources.moved(citations),
            ..self
        }
    }

    fn texts(&self) -> RowTexts {
        RowTexts {
            lines: [self.title, Text::NONE],
            running: [self.summary, self.note, self.outcome],
            sources: self.sources,
        }
    }

    fn check(&self, checks: &mut FieldChecks<'_>) {
        checks.texts(&[
            ("title", self.title),
            ("summary", self.summary),
            ("outcome", self.outcome),
        ]);
        checks.citations(self.sources);
    }
}

impl Store {
    /// Stores an initiative.
    pub(crate) fn push_initiative<S: AsRef<str>>(&mut self, initiative: &Initiative<S>) {
        let this = RecordRef::Initiative(position(self.initiatives.len()));
        self.refer(this, Role::ProposedBy, &initiative.proposed_by);
        self.refer(this, Role::Partner, &initiative.partners);
        self.refer(this, Role::SupportedAt, &initiative.events);
        let sources = self.sources(&initiative.sources);
        let row = InitiativeRow {
            id: self.text.push(initiative.id.as_ref()),
            title: self.text.push(initiative.title.as_ref()),
            summary: self.text.push(initiative.summary.as_ref()),
            outcome: self.text.push(initiative.outcome.as_ref()),
            note: self.text.push_optional(optional(&initiative.note)),
            sources,
            kind: initiative.kind,
        };
        self.initiatives.push(row);
    }
}

/// An initiative.
#[derive(Clone, Copy, Debug)]
pub struct InitiativeView<'a> {
    pub(crate) catalog: &'a Catalog,
    pub(crate) row: &'a InitiativeRow,
}

impl<'a> InitiativeView<'a> {
    text_accessors!(
        /// The stable id.
        id,
        /// A short name.
        title,
        /// What it is.
        summary,
        /// What became of it.
        outcome
    );
    optional_accessors!(
        /// Context from outside the source.
        note
    );

    /// What sort of initiative it is.
    pub fn kind(self) -> InitiativeKind {
        self.row.kind
    }

    /// Where it comes from.
    pub fn sources(self) -> Citations<'a> {
        Citations::new(self.catalog, self.row.sources)
    }

    /// The initiative as a dataset file writes it.
    pub(crate) fn to_model(self, ties: &Ties<'_>) -> Initiative {
        Initiative {
            id: self.id().into(),
            title: self.title().into(),
            kind: self.kind(),
            proposed_by: ties.entries(Role::ProposedBy),
            partners: ties.entries(Role::Partner),
            events: ties.entries(Role::SupportedAt),
            outcome: self.outcome().into(),
            summary: self.summary().into(),
            sources: self.sources().to_model(),
            note: self.note().map(str::to_string),
        }
    }
}
