//! CSV export: one tab's records with a header row, RFC 4180 quoting (the `csv` crate), and
//! references given both as ids and as names. A cell a spreadsheet would run as a formula is
//! neutralised unless raw cells are asked for.

use std::io::Write;

use super::columns::Columns;
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
fn columns(tab: Tab) -> Columns {
    Columns::new(&[], tab.layouts(), |layout| layout.csv, &TAIL)
}

/// What `record` has in the columns its export fills itself.
fn other(catalog: &Catalog, record: RecordRef, column: &str) -> String {
    match column {
        "source_paragraphs" => catalog.cited_paragraphs(record),
        "source_quotes" => catalog.quotes(record).join("\n"),
        "ties" => catalog.quoted_ties(record).join("\n"),
        _ => String::new(),
    }
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
    let columns = columns(tab);
    writer.write_record(columns.names())?;
    for &record in records {
        if catalog.get(record).is_none() {
            continue;
        }
        let cells = columns.row(catalog, record, |column| other(catalog, record, column));
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
