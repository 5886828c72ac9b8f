//! A funded project, declared once.

use super::layout::*;
use crate::data::record::{RecordRef, Role};

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

/// How a project is shown.
pub const LAYOUT: Layout = Layout {
    what: What {
        noun: Some("funded project"),
        sort: None,
    },
    detail: &[
        item("Amount", Value::Amount(AmountForm::Dollars)),
        item("Share", Value::Share(ShareForm::OfSum)),
        item("Period", Value::Period(PeriodForm::Programme)),
        item("Category", Value::Text("category")),
    ],
    plain: &[
        item("Amount", Value::Amount(AmountForm::Dollars)),
        item("Share", Value::Share(ShareForm::OfSum)),
        item("Category", Value::Text("category")),
    ],
    csv: &[
        item("record", Value::Fixed("project")),
        item("id", Value::Id),
        item("title", Value::Title),
        ids("programme_id", Role::Programme),
        names("programme", Role::Programme),
        item("period", Value::Period(PeriodForm::Programme)),
        item("amount_usd", Value::Amount(AmountForm::Digits)),
        item("share_of_programme", Value::Share(ShareForm::Percent)),
        item("category", Value::Text("category")),
    ],
    tsv: &[
        item("kind", Value::Fixed("project")),
        item("title", Value::Title),
        item("date", Value::Period(PeriodForm::ProgrammeIso)),
        item("amount_usd", Value::Amount(AmountForm::Digits)),
        item("share", Value::Share(ShareForm::Percent)),
        item("category", Value::Text("category")),
        names("programme", Role::Programme),
    ],
    markdown: &[
        item("Project", Value::Title),
        item("Category", Value::Text("category")),
        item("Amount", Value::Amount(AmountForm::Dollars)),
        item("Share", Value::Share(ShareForm::Percent)),
    ],
    search: &[
        naming("kind", Value::Fixed("funded projects")),
        naming("amount", Value::Amount(AmountForm::Dollars)),
        naming("category", Value::Text("category")),
    ],
    marks: &[("category", Mark::Classification)],
};
