//! CSV export: one tab's records with a header row, RFC 4180 quoting (the `csv` crate), and
//! references given both as ids and as names. A cell a spreadsheet would run as a formula is
//! neutralised unless raw cells are asked for.

use std::io::Write;

use crate::data::{Catalog, RecordRef, Tab};

/// What every kind's row ends with, after the columns of its kind.
const TAIL: [&str; 5] = [
    "summary",
    "note",
    "source_paragraphs",
    "source_quotes",
    "ties",
];

/// The tab's columns: its kinds' columns, each new one after those before it, then the tail.
fn header(tab: Tab) -> Vec<&'static str> {
    let mut columns: Vec<&'static str> = Vec::new();
    let own = tab.layouts().iter().flat_map(|layout| layout.csv);
    for item in own {
        if !columns.contains(&item.label) {
            columns.push(item.label);
        }
    }
    // A selection never holds the Source tab (see `Selection::new`): no records, no columns.
    if !columns.is_empty() {
        columns.extend(TAIL);
    }
    columns
}

/// A record's cells under `header`: its kind's value for each column it has, empty for the
/// columns of the tab's other kinds.
fn row(catalog: &Catalog, record: RecordRef, header: &[&str]) -> Vec<String> {
    let Some(view) = catalog.get(record) else {
        return Vec::new();
    };
    let own = catalog.layout(record).csv;
    header
        .iter()
        .map(|&column| match column {
            "summary" => view.summary().to_string(),
            "note" => view.note().unwrap_or_default().to_string(),
            "source_paragraphs" => catalog.cited_paragraphs(record),
            "source_quotes" => {
                let quotes: Vec<&str> = view.sources().iter().map(|c| c.quote).collect();
                quotes.join("\n")
            }
            "ties" => catalog.quoted_ties(record).join("\n"),
            _ => own
                .iter()
                .find(|item| item.label == column)
                .and_then(|item| catalog.field_string(record, item.value))
                .unwrap_or_default(),
        })
        .collect()
}

/// How cells that could start a spreadsheet formula are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FormulaCells {
    /// Prefixed with `'`, as OWASP advises against CSV injection: a spreadsheet shows the text
    /// and runs nothing (`=HYPERLINK(...)` becomes `'=HYPERLINK(...)`).
    #[default]
    Neutralised,
    /// As they are in the data (`--raw-cells`).
    Raw,
}

/// `cell` as a spreadsheet may open it safely: text that starts with `=`, `+`, `-`, `@`, a tab
/// or a carriage return, which spreadsheets read as a formula, gets a leading `'`.
pub fn neutralised(cell: String) -> String {
    match cell.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => format!("'{cell}"),
        _ => cell,
    }
}

/// Writes `records` of `tab` as CSV, with formula cells as `formulas` says.
pub fn write_csv(
    out: impl Write,
    catalog: &Catalog,
    tab: Tab,
    records: &[RecordRef],
    formulas: FormulaCells,
) -> csv::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    let header = header(tab);
    writer.write_record(&header)?;
    for &record in records {
        let cells = row(catalog, record, &header);
        match formulas {
            FormulaCells::Neutralised => {
                writer.write_record(cells.into_iter().map(neutralised))?;
            }
            FormulaCells::Raw => writer.write_record(cells)?,
        }
    }
    writer.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        for formula in [
            "=HYPERLINK(\"http://evil\",\"x\")",
            "+1",
            "-2+3",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
        ] {
            assert_eq!(neutralised(formula.to_string()), format!("'{formula}"));
        }
        for plain in [
            "Kazakhstan",
            "1995",
            "20000000",
            "36.4%",
            "",
            " =not first",
            "–dash",
        ] {
            assert_eq!(neutralised(plain.to_string()), plain);
        }
    }
}
