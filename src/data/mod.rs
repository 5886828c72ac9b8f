//! The dataset: each kind of record declared once (`kinds`), a file read within limits,
//! parsed into compact rows and text, checked, and built into the [`Catalog`] the app
//! explores. Files depend downward only: `text`, `record` and `tie` at the bottom, the kinds,
//! the store and the rows above them, the checks above those, then the catalog, then loading.

mod catalog;
mod claim_checks;
pub use claim_checks::claim_warnings;
mod dataset;
mod date;
pub mod display;
mod display_safe;
pub mod document;
mod explain;
mod field_mark;
mod id_index;
mod kinds;
mod load;
mod locate;
mod marks;
mod name_order;
mod named;
mod parts;
pub use marks::declared as declared_marks;
pub mod pages;
mod parse;
pub mod passages;
mod place_table;
mod places;
mod problems;
mod progress;
pub mod read;
mod record;
mod records;
mod relations;
mod shown;
mod source;
mod spellings;
mod store;
mod tab;
mod text;
mod tie;
mod tie_checks;
mod totals;
mod validate;

pub use catalog::{Catalog, Record, RunningBounds};
pub use dataset::Dataset;
pub use date::EventDate;
pub use document::DocumentField;
pub use kinds::{
    COMMON_TEXTS, Event, EventKind, EventView, Initiative, InitiativeKind, Item, Kind, Layout,
    Mark, Participant, ParticipantKind, Period, Programme, Project, ProjectRow, ProjectView,
    SHARE_OF_SUM, SUM_OF_PROJECTS, SortForm, Value,
};
pub use load::{
    EMBEDDED_DATASET, EMBEDDED_NAME, EMBEDDED_SOURCE, LoadError, load, load_embedded, load_file,
    load_file_with_progress, read_text_with_progress,
};
pub use name_order::name_order_key;
pub use place_table::{PlaceEntry, PlaceOrder, PlaceTable, event_place};
pub use places::{Degrees, Place, Precision, place_warnings};
pub use problems::{PROBLEM_CAP, Problems};
pub use progress::{LoadProgress, LoadStage};
pub use read::{SizeLimits, human_size};
pub use record::{RecordCounts, RecordRef, Relation, Role};
pub use shown::{FieldText, READING_MARK};
pub use source::SourceText;
pub use spellings::{SpelledName, Spelling};
pub use tab::Tab;
pub use text::Citation;
pub use tie::{Tie, TieKind, TieRef};
pub use totals::{CategoryTotal, UNCATEGORISED, category_totals};
