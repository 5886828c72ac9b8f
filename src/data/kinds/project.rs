//! A funded project, declared once.

use crate::data::record::RecordRef;

crate::data::kinds::record_kind! {
    /// One project of a programme, with the amount it receives.
    Project "Project" "project", ProjectRow, ProjectView, RecordRef::Project;
    /// A stable id, unique across the whole dataset.
    id: text(Id),
    /// A short name in the dataset's own words.
    title: text(Title),
    /// The programme it belongs to: an id, or a tie with its quotes.
    programme: tie(Programme),
    /// The amount in whole US dollars; totals and shares are computed from it.
    amount_usd: value(u64),
    /// What sort of project it is (roads, research institute, ...): a classification by the
    /// dataset's authors, derived from what the source says, never a quotation.
    category: text_opt(Line),
    /// What it is, in the dataset's own words.
    summary: text(Running),
    /// Where the record comes from; at least one.
    sources: sources,
    /// Context from outside the source, always shown as such.
    note: text_opt(Running),
}
