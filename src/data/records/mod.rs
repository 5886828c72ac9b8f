//! The five kinds of record, one file each: its shape in a dataset file (serde, and so the
//! JSON Schema), its compact row in the store, the view the rest of the program reads, the
//! checks on its own fields, and its way back into a dataset file. A field is added to a kind
//! in its file alone, and wherever it is shown. Here is what the kinds share: what a row must
//! do, and the ids a record's ties lead to. Nothing here knows the screen.

/// Accessors for a view's required texts: `text_accessors!(/// doc id, ...)`.
macro_rules! text_accessors {
    ($( $(#[$doc:meta])* $name:ident ),*) => {
        $(
            $(#[$doc])*
            pub fn $name(self) -> &'a str {
                self.catalog.text(self.row.$name)
            }
        )*
    };
}

/// Accessors for a view's optional texts.
macro_rules! optional_accessors {
    ($( $(#[$doc:meta])* $name:ident ),*) => {
        $(
            $(#[$doc])*
            pub fn $name(self) -> Option<&'a str> {
                self.catalog.optional_text(self.row.$name)
            }
        )*
    };
}

mod event;
mod initiative;
mod participant;
mod programme;
mod project;

pub use event::{Event, EventKind, EventRow, EventView};
pub use initiative::{Initiative, InitiativeKind, InitiativeRow, InitiativeView};
pub use participant::{Participant, ParticipantKind, ParticipantRow, ParticipantView};
pub use programme::{Period, Programme, ProgrammeRow, ProgrammeView};
pub use project::{Project, ProjectRow, ProjectView};

use super::{
    catalog::Catalog,
    record::{RecordRef, Role},
    store::{Sources, Text},
    tie::TieRef,
    validate::FieldChecks,
};

/// A row's texts as the screen treats them: one-line fields (a title, a place) and running
/// text (a summary, a note), and its citations. Absent fields are [`Text::NONE`].
#[derive(Clone, Copy, Debug)]
pub struct RowTexts {
    /// Title or name, and a place, category or office.
    pub lines: [Text; 2],
    /// Summary, note and an initiative's outcome.
    pub running: [Text; 3],
    /// Its citations.
    pub sources: Sources,
}

/// What the store asks of every kind's row.
pub(crate) trait Row: Copy {
    /// The same row in a store this one's was appended to: its texts `text` bytes later in
    /// the arena, its citations `citations` later in their list.
    fn moved(self, text: u32, citations: u32) -> Self;

    /// Its texts, for the display-safety pass and the search.
    fn texts(&self) -> RowTexts;

    /// Checks the fields that need no other record, in the order a file lists them.
    fn check(&self, checks: &mut FieldChecks<'_>);
}

/// The ids a record's ties lead to, for writing the record back into a dataset file.
pub(crate) struct Ties<'a> {
    catalog: &'a Catalog,
    record: RecordRef,
}

impl<'a> Ties<'a> {
    /// The ties of `record`.
    pub(crate) fn new(catalog: &'a Catalog, record: RecordRef) -> Self {
        Self { catalog, record }
    }

    /// Its ties of `role` as a file writes them, in order: a bare id, or the id with the
    /// tie's kind, quotes and reading.
    pub(crate) fn entries(&self, role: Role) -> Vec<TieRef> {
        let mut ties: Vec<_> = self
            .catalog
            .relations(self.record)
            .iter()
            .filter(|relation| relation.role == role)
            .collect();
        // The catalog lists ties by kind; details are stored in file order, so this gives the
        // file's order back (bare ids, which have none, keep theirs, after the others).
        ties.sort_by_key(|relation| relation.detail);
        ties.into_iter()
            .filter_map(|relation| {
                let id = self.catalog.get(relation.target)?.id().to_string();
                Some(match self.catalog.tie(&relation) {
                    Some(tie) => TieRef::Tie(tie.to_model(id)),
                    None => TieRef::Id(id),
                })
            })
            .collect()
    }

    /// Its one tie of `role`, if it has one.
    pub(crate) fn one(&self, role: Role) -> Option<TieRef> {
        self.entries(role).into_iter().next()
    }
}
