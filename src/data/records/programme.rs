//! A funding programme and the span of years it covers: its shape in a dataset file, its
//! compact row in the store, the view the rest of the program reads, the checks on its own
//! fields, and its way back into a dataset file. A field is added to programmes here, and
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
#[serde(bound(deserialize = "S: Deserialize<'de>", serialize = "S: Serialize"))]
#[schemars(rename = "Programme")]
pub struct Programme<S = String> {
    /// A stable id, unique across the whole dataset.
    pub id: S,
    /// A short name in the dataset's own words.
    pub title: S,
    /// The years it covers.
    pub period: Period,
    /// The participant that funds it: an id, or a tie with its quotes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funder: Option<TieRef<S>>,
    /// The participant that receives it: an id, or a tie with its quotes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<TieRef<S>>,
    /// What it is, in the dataset's own words.
    pub summary: S,
    /// Where the record comes from; at least one.
    pub sources: Vec<Citation<S>>,
    /// Context from outside the source, always shown as such.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<S>,
}

/// A funding programme in the store: its texts as spans of the arena.
#[derive(Clone, Copy, Debug)]
pub struct ProgrammeRow {
    pub id: Text,
    pub title: Text,
    pub summary: Text,
    pub note: Text,
    pub sources: Sources,
    pub period: Period,
}

impl Row for ProgrammeRow {
    fn moved(self, text: u32, citations: u32) -> Self {
        Self {
            id: self.id.moved(text),
            title: self.title.moved(text),
            summary: self.summary.moved(text),
            note: self.note.moved(text),
            sources: self.sources.moved(citations),
            ..self
        }
    }

    fn texts(&self) -> RowTexts {
        RowTexts {
            lines: [self.title, Text::NONE],
            running: [self.summary, self.note, Text::NONE],
            sources: self.sources,
        }
    }

    fn check(&self, checks: &mut FieldChecks<'_>) {
        checks.texts(&[("title", self.title), ("summary", self.summary)]);
        checks.citations(self.sources);
        if self.period.start > self.period.end {
            checks.problem(
                "period",
                format!(
                    "the period ends ({}) before it starts ({})",
                    self.period.end, self.period.start
                ),
            );
        }
    }
}

impl Store {
    /// Stores a programme.
    pub(crate) fn push_programme<S: AsRef<str>>(&mut self, programme: &Programme<S>) {
        let this = RecordRef::Programme(position(self.programmes.len()));
        self.refer(this, Role::Funder, &programme.funder);
        self.refer(this, Role::Recipient, &programme.recipient);
        let sources = self.sources(&programme.sources);
        let row = ProgrammeRow {
            id: self.text.push(programme.id.as_ref()),
            title: self.text.push(programme.title.as_ref()),
            summary: self.text.push(programme.summary.as_ref()),
            note: self.text.push_optional(optional(&programme.note)),
            sources,
            period: programme.period,
        };
        self.programmes.push(row);
    }
}

/// A funding programme.
#[derive(Clone, Copy, Debug)]
pub struct ProgrammeView<'a> {
    pub(crate) catalog: &'a Catalog,
    pub(crate) row: &'a ProgrammeRow,
}

impl<'a> ProgrammeView<'a> {
    text_accessors!(
        /// The stable id.
        id,
        /// A short name.
        title,
        /// What it is.
        summary
    );
    optional_accessors!(
        /// Context from outside the source.
        note
    );

    /// The years it covers.
    pub fn period(self) -> Period {
        self.row.period
    }

    /// Where it comes from.
    pub fn sources(self) -> Citations<'a> {
        Citations::new(self.catalog, self.row.sources)
    }

    /// The programme as a dataset file writes it.
    pub(crate) fn to_model(self, ties: &Ties<'_>) -> Programme {
        Programme {
            id: self.id().into(),
            title: self.title().into(),
            period: self.period(),
            funder: ties.one(Role::Funder),
            recipient: ties.one(Role::Recipient),
            summary: self.summary().into(),
            sources: self.sources().to_model(),
            note: self.note().map(str::to_string),
        }
    }
}
