//! The dataset: its schema, loading and validation, and the catalog the app explores.

mod catalog;
mod date;
pub mod display;
mod display_safe;
mod id_index;
mod list_shape;
mod load;
mod locate;
mod model;
pub mod pages;
mod parse;
pub mod passages;
mod problems;
mod progress;
pub mod read;
mod record;
mod records;
mod relations;
mod row_order;
mod rows;
mod source;
mod spellings;
mod store;
mod tab;
mod tie;
mod tie_checks;
mod tie_kind;
mod tie_view;
mod totals;
mod validate;
mod views;

pub use catalog::Catalog;
pub use date::{DateError, EventDate};
pub use list_shape::{FilterMatches, ListShape, RecordKind, SortKey};
pub use load::{
    EMBEDDED_DATASET, EMBEDDED_NAME, EMBEDDED_SOURCE, LoadError, RecordCounts, load, load_embedded,
    load_file, load_file_with_progress, read_text,
};
pub use model::{Citation, Dataset, FileText};
pub use problems::{PROBLEM_CAP, Problem};
pub use progress::{LoadProgress, LoadStage};
pub use read::{SizeLimits, human_size};
pub use record::{RecordRef, Relation, Role};
pub use records::{
    Event, EventKind, EventView, Initiative, InitiativeKind, InitiativeView, Participant,
    ParticipantKind, ParticipantView, Period, Programme, ProgrammeView, Project, ProjectView,
};
pub use relations::Relations;
pub use row_order::{events_of, first_event};
pub use rows::{FundingSort, RowOptions, TabRows};
pub use source::SourceText;
pub use spellings::Spelling;
pub use tab::Tab;
pub use tie::{Tie, TieRef};
pub use tie_kind::TieKind;
pub use tie_view::TieView;
pub use totals::{CategoryTotal, UNCATEGORISED, category_totals};
pub use views::{CitationView, Citations, Record};
