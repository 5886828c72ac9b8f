//! Plain output: the records as linear text, one after another with their sources, no box
//! drawing and no escape codes unless colour is asked for. For screen readers, `less`, `grep`.

use std::io::{self, Write};

use super::{
    Selection,
    fields::{citations, place, when},
};
use crate::{
    data::{Catalog, Record, RecordRef, Relation, Role},
    format::{format_share, format_usd},
    plural::counted,
};

/// How plain output marks headings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PlainStyle {
    /// Headings and titles in bold (an escape code), only when colour is on.
    pub bold: bool,
}

impl PlainStyle {
    fn strong(self, text: &str) -> String {
        if self.bold {
            format!("\x1b[1m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

fn particulars(catalog: &Catalog, record: RecordRef) -> Vec<String> {
    let mut out = Vec::new();
    match catalog.get(record) {
        Some(Record::Event(event)) => {
            out.push(format!("event, {}", event.kind().description()));
            out.push(match event.date() {
                Some(_) => format!("Date: {}", when(catalog, record)),
                None => "Date: not given in the source".into(),
            });
            // The place names the country, so the country's ties follow it here instead of
            // a "Country:" line of their own that would say it twice.
            let place = place(catalog, record);
            if !place.is_empty() {
                out.push(format!("Place: {place}"));
                for relation in catalog.relations(record).iter() {
                    if relation.role == Role::Country {
                        tie_evidence(&mut out, catalog, record, &relation);
                    }
                }
            }
        }
        Some(Record::Programme(_)) => {
            out.push("funding programme".into());
            out.push(format!("Period: {}", when(catalog, record)));
            if let RecordRef::Programme(i) = record {
                out.push(format!(
                    "Sum of the listed projects: {} (the source gives no total)",
                    format_usd(catalog.programme_total(i).into())
                ));
            }
        }
        Some(Record::Project(project)) => {
            out.push("funded project".into());
            let total = match Some(RecordRef::Programme(project.programme())) {
                Some(RecordRef::Programme(i)) => catalog.programme_total(i),
                _ => 0,
            };
            out.push(format!(
                "Amount: {} ({} of the listed projects' sum)",
                format_usd(project.amount_usd().into()),
                format_share(project.amount_usd().into(), total.into())
            ));
            if let Some(category) = &project.category() {
                out.push(format!(
                    "Category (a classification, not from the source): {category}"
                ));
            }
        }
        Some(Record::Initiative(initiative)) => {
            out.push(initiative.kind().label().to_string());
            out.push(format!("Outcome: {}", initiative.outcome()));
        }
        Some(Record::Participant(participant)) => {
            out.push(participant.kind().label().to_string());
            if let Some(office) = &participant.office() {
                out.push(format!("Office: {office}"));
            }
        }
        None => {}
    }
    out
}

/// Writes the selection as plain text: a section per tab that has records, or a line saying
/// there are none.
pub fn write_plain(
    mut out: impl Write,
    catalog: &Catalog,
    selection: &Selection,
    style: PlainStyle,
) -> io::Result<()> {
    writeln!(out, "{}", style.strong(catalog.title_of_dataset()))?;
    if selection.is_empty() {
        writeln!(out, "\nNo records.")?;
    }
    // A heading with nothing under it says nothing: a tab the query finds nothing in, or a
    // collection the dataset leaves empty, is left out.
    for (tab, records) in selection
        .tabs
        .iter()
        .filter(|(_, records)| !records.is_empty())
    {
        writeln!(out)?;
        let heading = format!(
            "{} ({})",
            tab.title().to_uppercase(),
            counted(records.len(), "record")
        );
        writeln!(out, "{}", style.strong(&heading))?;
        for &record in records {
            let Some(view) = catalog.get(record) else {
                continue;
            };
            writeln!(out)?;
            // Only a record's title starts at the margin: a line break in a text (a dataset
            // may hold one) never does, so the output still reads one record at a time.
            let title = view
                .title()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            writeln!(out, "{}", style.strong(&title))?;
            let mut lines = particulars(catalog, record);
            lines.push(format!("Summary: {}", view.summary()));
            tie_lines(&mut lines, catalog, record);
            if let Some(note) = view.note() {
                lines.push(format!("Note (from outside the source): {note}"));
            }
            for citation in citations(catalog, record) {
                lines.push(format!("Source {citation}"));
            }
            lines.push(format!("Id: {}", view.id()));
            for line in lines {
                writeln!(out, "  {}", line.replace('\n', "\n    "))?;
            }
        }
    }
    Ok(())
}

/// A record's ties: one line per heading naming the records tied that way, then the quote
/// and reading of each tie that has them.
fn tie_lines(lines: &mut Vec<String>, catalog: &Catalog, record: RecordRef) {
    let event = matches!(record, RecordRef::Event(_));
    let relations: Vec<Relation> = catalog
        .relations(record)
        .iter()
        .filter(|relation| !(event && relation.role == Role::Country))
        .collect();
    let headings: Vec<String> = relations
        .iter()
        .map(|relation| catalog.tie_heading(record, relation))
        .collect();
    let mut start = 0;
    while start < relations.len() {
        let end = (start..relations.len())
            .find(|&n| headings[n] != headings[start])
            .unwrap_or(relations.len());
        let names: Vec<&str> = relations[start..end]
            .iter()
            .map(|relation| catalog.title(relation.target))
            .collect();
        lines.push(format!("{}: {}", headings[start], names.join("; ")));
        for relation in &relations[start..end] {
            tie_evidence(lines, catalog, record, relation);
        }
        start = end;
    }
}

/// The quotes and readings of one tie, each on a line of its own under the line naming it.
fn tie_evidence(
    lines: &mut Vec<String>,
    catalog: &Catalog,
    record: RecordRef,
    relation: &Relation,
) {
    let name = catalog.title(relation.target);
    if let Some(tie) = catalog.tie(relation) {
        for citation in tie.sources() {
            lines.push(format!(
                "  {name}: ¶{} “{}”",
                citation.paragraph, citation.quote
            ));
        }
    }
    for reading in catalog.tie_readings(record, relation) {
        lines.push(format!("  {name}: reading: {reading}"));
    }
}
