//! Plain output: the records as linear text, one after another with their sources, no box
//! drawing and no escape codes unless colour is asked for. For screen readers, `less`, `grep`.

use std::io::{self, Write};

use super::Selection;
use crate::{
    data::{
        Catalog, Mark, RecordRef, Relation,
        display::{TEXT_CAP, display_text},
    },
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

/// The kind line and the fields of the record's kind, as its layout lists them for plain
/// text, each tie shown under a field with its quotes beneath.
fn particulars(catalog: &Catalog, record: RecordRef) -> Vec<String> {
    let mut out = vec![catalog.what_it_is(record, ", ")];
    for item in catalog.layout(record).plain {
        let (value, mark) = match catalog.field_string(record, item.value) {
            Some(value) => (value, catalog.mark(record, item.value)),
            None => match item.absent {
                Some(words) => (words.to_string(), None),
                None => continue,
            },
        };
        match mark {
            Some(mark) => out.push(format!("{} ({}): {value}", item.label, mark.text())),
            None => out.push(format!("{}: {value}", item.label)),
        }
        for relation in catalog.relations(record).iter() {
            if Some(relation.role) == item.evidence {
                let evidence = catalog.tie_evidence(record, &relation);
                out.extend(evidence.into_iter().map(|line| format!("  {line}")));
            }
        }
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
    // One line, as every record's title: a line break in it could fake a line of its own.
    let title: Vec<&str> = catalog.title_of_dataset().split_whitespace().collect();
    writeln!(out, "{}", style.strong(&title.join(" ")))?;
    // Only where records are shown: a tab without the words shown instead has none of them.
    if let Some((asked, shown)) = selection.relaxed.as_ref().filter(|_| !selection.is_empty()) {
        let said = format!("No record has all of: {asked} — showing {shown}");
        writeln!(out, "{}", display_text(&said, TEXT_CAP).unwrap_or(said))?;
    }
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
                lines.push(format!("Note ({}): {note}", Mark::Outside.text()));
            }
            for citation in catalog.citation_lines(record) {
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
    // A tie shown with a field (an event's state, with its place) is not listed again.
    let with_fields: Vec<_> = catalog
        .layout(record)
        .plain
        .iter()
        .filter_map(|item| item.evidence)
        .collect();
    let relations: Vec<Relation> = catalog
        .relations(record)
        .iter()
        .filter(|relation| !with_fields.contains(&relation.role))
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
            let evidence = catalog.tie_evidence(record, relation);
            lines.extend(evidence.into_iter().map(|line| format!("  {line}")));
        }
        start = end;
    }
}
