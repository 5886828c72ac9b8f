//! The dataset: its schema, loading and validation, and the catalog the app explores.

mod catalog;
mod date;
mod load;
mod locate;
mod model;
mod problems;
mod record;
mod source;

pub use catalog::{Catalog, Record};
pub use date::{DateError, EventDate};
pub use load::{
    EMBEDDED_DATASET, EMBEDDED_NAME, EMBEDDED_SOURCE, LoadError, RecordCounts, load, load_embedded,
    load_file, read_text,
};
pub use model::{
    Citation, Dataset, Event, EventKind, Initiative, InitiativeKind, Participant, ParticipantKind,
    Period, Programme, Project,
};
pub use problems::{PROBLEM_CAP, Problem};
pub use record::{RecordRef, Relation, Role};
pub use source::SourceText;
