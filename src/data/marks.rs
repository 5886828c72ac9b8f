//! The marks a dataset file carries for its readers: which fields are not the source's
//! statements (a classification, a note from outside the source), as every kind declares them
//! in its layout. `export --format json` writes them; a file read back may give them, and
//! each it gives must be what the program shows, so no file can pass a classification off as
//! a quotation.

pub use super::field_mark::FieldMark;
use super::{
    display::quoted,
    kinds::{EventRow, InitiativeRow, Kind, Layout, ParticipantRow, ProgrammeRow, ProjectRow},
    problems::Problems,
};
use crate::data::Value;

/// Each collection with its kind's layout and fields.
fn collections() -> [(&'static str, &'static Layout, &'static [&'static str]); 5] {
    [
        ("events", EventRow::LAYOUT, EventRow::FIELDS),
        ("programmes", ProgrammeRow::LAYOUT, ProgrammeRow::FIELDS),
        ("projects", ProjectRow::LAYOUT, ProjectRow::FIELDS),
        ("initiatives", InitiativeRow::LAYOUT, InitiativeRow::FIELDS),
        (
            "participants",
            ParticipantRow::LAYOUT,
            ParticipantRow::FIELDS,
        ),
    ]
}

/// Every marked field of every collection, as the kinds declare them.
pub fn declared() -> Vec<FieldMark> {
    collections()
        .into_iter()
        .flat_map(|(collection, layout, fields)| {
            fields.iter().filter_map(move |&field| {
                let mark = Value::Text(field).mark(layout)?;
                Some(FieldMark {
                    field: format!("{collection}.{field}"),
                    says: mark.text().to_string(),
                })
            })
        })
        .collect()
}

/// Reports each mark in `given` that is not the one the program shows for its field.
pub fn check(given: &[FieldMark], problems: &mut Problems) {
    let declared = declared();
    for (index, mark) in given.iter().enumerate() {
        let path = format!("marks[{index}]");
        match declared.iter().find(|d| d.field == mark.field) {
            Some(own) if own.says == mark.says => {}
            Some(own) => problems.add(
                path,
                format!(
                    "{} is shown as {}, not {}: marks say what the program shows",
                    own.field,
                    quoted(&own.says),
                    quoted(&mark.says)
                ),
            ),
            None => problems.add(
                path,
                format!(
                    "{} is not a marked field; these are: {}",
                    quoted(&mark.field),
                    declared
                        .iter()
                        .map(|d| d.field.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ),
        }
    }
}
