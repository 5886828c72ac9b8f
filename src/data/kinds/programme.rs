//! A funding programme and the span of years it covers, declared once.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::layout::*;
use super::{CheckValue, FieldChecks};
use crate::data::record::{RecordRef, Role};

crate::data::kinds::record_kind! {
    /// A funding programme, such as the IDB Program for 2003–2006.
    Programme "Programme" "programme", ProgrammeRow, ProgrammeView,
        RecordRef::Programme;
    /// A stable id, unique across the whole dataset.
    id: text(Id),
    /// A short name in the dataset's own words.
    title: text(Title),
    /// The years it covers.
    period: value(Period),
    /// The participant that funds it: an id, or a tie with its quotes.
    funder: tie_opt(Funder),
    /// The participant that receives it: an id, or a tie with its quotes.
    recipient: tie_opt(Recipient),
    /// What it is, in the dataset's own words.
    summary: text(Running),
    /// Where the record comes from; at least one.
    sources: sources,
    /// Context from outside the source, always shown as such.
    note: text_opt(Running),
}

/// The span of years a programme covers, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// The first year.
    pub start: i32,
    /// The last year.
    pub end: i32,
}

impl CheckValue for Period {
    fn check(&self, field: &str, checks: &mut dyn FieldChecks) {
        if self.start > self.end {
            let message = format!(
                "the period ends ({}) before it starts ({})",
                self.end, self.start
            );
            checks.problem(field, message);
        }
    }
}

/// How a programme is shown.
pub const LAYOUT: Layout = Layout {
    what: What {
        noun: Some("funding programme"),
        sort: None,
    },
    detail: &[
        item("Period", Value::Period(PeriodForm::Own)),
        item("Sum", Value::Sum(AmountForm::Dollars)),
    ],
    plain: &[
        item("Period", Value::Period(PeriodForm::Own)),
        item("Sum", Value::Sum(AmountForm::Dollars)),
    ],
    csv: &[
        item("record", Value::Fixed("programme")),
        item("id", Value::Id),
        item("title", Value::Title),
        item("period", Value::Period(PeriodForm::Own)),
        item("sum_of_projects_usd", Value::Sum(AmountForm::Digits)),
        ids("funder_id", Role::Funder),
        names("funder", Role::Funder),
        ids("recipient_id", Role::Recipient),
        names("recipient", Role::Recipient),
    ],
    tsv: &[
        item("kind", Value::Fixed("programme")),
        item("title", Value::Title),
        item("date", Value::Period(PeriodForm::OwnIso)),
        item("sum_of_projects_usd", Value::Sum(AmountForm::Digits)),
    ],
    markdown: &[],
    search: &[
        naming("kind", Value::Fixed("funding programmes")),
        naming("period", Value::Period(PeriodForm::Own)),
        naming("sum", Value::Sum(AmountForm::Dollars)),
    ],
    marks: &[],
};
