//! A funded project: its shape in a dataset file, its compact row in the store, the view the
//! rest of the program reads, the checks on its own fields, and its way back into a dataset
//! file. A field is added to projects here, and wherever it is shown.

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

/// One project of a programme, with the amount it receives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[serde(bound(deserialize = "S: Deserialize<'de>", serialize = "S: Serialize"))]
#[schemars(rename = "Project")]
pub struct Project<S = String> {
    /// A stable id, unique across the whole dataset.
    pub id: S,
    /// A short name in the dataset's own words.
    pub title: S,
    /// The programme it belongs to: an id, or a tie with its quotes.
    pub programme: TieRef<S>,
    /// The amount in whole US dollars; totals and shares are computed from it.
    pub amount_usd: u64,
    /// What sort of project it is (roads, research institute, ...): a classification by the
    /// dataset's authors, derived from what the source says, never a quotation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<S>,
    /// What it is, in the dataset's own words.
    pub summary: S,
    /// Where the record comes from; at least one.
    pub sources: Vec<Citation<S>>,
    /// Context from outside the source, always shown as such.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<S>,
}

/// A funded project in the store: its texts as spans of the arena.
#[derive(Clone, Copy, Debug)]
pub struct ProjectRow {
    pub id: Text,
    pub title: Text,
    pub summary: Text,
    pub note: Text,
    pub category: Text,
    pub sources: Sources,
    pub amount_usd: u64,
    /// The programme's position, once the reference is resolved.
    pub programme: u32,
}

impl Row for ProjectRow {
    fn moved(self, text: u32, citations: u32) -> Self {
        Self {
            id: self.id.moved(text),
            title: self.title.moved(text),
            summary: self.summary.moved(text),
            note: self.note.moved(text),
            category: self.category.moved(text),
            sources: self.sources.moved(citations),
            ..self
        }
    }

    fn texts(&self) -> RowTexts {
        RowTexts {
            lines: [self.title, self.category],
            running: [self.summary, self.note, Text::NONE],
            sources: self.sources,
        }
    }

    fn check(&self, checks: &mut FieldChecks<'_>) {
        checks.texts(&[("title", self.title), ("summary", self.summary)]);
        if self.category.is_some() {
            checks.texts(&[("category", self.category)]);
        }
        checks.citations(self.sources);
        if self.amount_usd == 0 {
            checks.problem("amount_usd", "expected a positive amount, found 0");
        }
    }
}

impl Store {
    /// Stores a project.
    pub(crate) fn push_project<S: AsRef<str>>(&mut self, project: &Project<S>) {
        let this = RecordRef::Project(position(self.projects.len()));
        self.refer(this, Role::Programme, [&project.programme]);
        let sources = self.sources(&project.sources);
        let row = ProjectRow {
            id: self.text.push(project.id.as_ref()),
            title: self.text.push(project.title.as_ref()),
            summary: self.text.push(project.summary.as_ref()),
            note: self.text.push_optional(optional(&project.note)),
            category: self.text.push_optional(optional(&project.category)),
            sources,
            amount_usd: project.amount_usd,
            programme: u32::MAX,
        };
        self.projects.push(row);
    }
}

/// A funded project.
#[derive(Clone, Copy, Debug)]
pub struct ProjectView<'a> {
    pub(crate) catalog: &'a Catalog,
    pub(crate) row: &'a ProjectRow,
}

impl<'a> ProjectView<'a> {
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
        note,
        /// The dataset's classification of it.
        category
    );

    /// The amount in whole US dollars.
    pub fn amount_usd(self) -> u64 {
        self.row.amount_usd
    }

    /// The position of its programme.
    pub fn programme(self) -> u32 {
        self.row.programme
    }

    /// Where it comes from.
    pub fn sources(self) -> Citations<'a> {
        Citations::new(self.catalog, self.row.sources)
    }

    /// The project as a dataset file writes it.
    pub(crate) fn to_model(self, ties: &Ties<'_>) -> Project {
        Project {
            id: self.id().into(),
            title: self.title().into(),
            programme: ties
                .one(Role::Programme)
                .unwrap_or_else(|| TieRef::Id(String::new())),
            amount_usd: self.amount_usd(),
            category: self.category().map(str::to_string),
            summary: self.summary().into(),
            sources: self.sources().to_model(),
            note: self.note().map(str::to_string),
        }
    }
}
