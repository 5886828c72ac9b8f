//! TSV: one line per record under one header line, fields separated by tabs, for `grep`,
//! `cut` and `awk`. Every record of every tab has the same columns (a field a kind lacks is
//! empty), so a column means the same whatever `--tab`, `--query` or `--select` chose. A tab,
//! line feed, carriage return or backslash inside a field is written `\t`, `\n`, `\r`, `\\`
//! (the "linear TSV" convention), so no text can break a line or shift a column.

use std::io::{self, Write};

use super::{FormulaCells, Selection, columns::Columns, csv_table::neutralised};
use crate::data::{
    Catalog, Layout, RecordRef, Tab,
    display::{TEXT_CAP, display_field},
};

/// The columns every kind's row has before its own, and after.
const HEAD: [&str; 2] = ["tab", "id"];
const TAIL: [&str; 5] = [
    "summary",
    "note",
    "ties",
    "source_paragraphs",
    "source_quotes",
];

/// The columns: the same for every record of every tab, each kind's own in the order of the
/// kinds, a column two kinds share (`kind`, `title`, `date`) once.
fn all_columns() -> Columns {
    let layouts: Vec<&'static Layout> = Tab::RECORDS
        .iter()
        .flat_map(|tab| tab.layouts().iter().rev().copied())
        .collect();
    Columns::new(&HEAD, &layouts, |layout| layout.tsv, &TAIL)
}

/// The header's names.
pub fn columns() -> Vec<String> {
    all_columns()
        .names()
        .into_iter()
        .map(String::from)
        .collect()
}

/// How the text of a field is written, after the four TSV escapes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TsvText {
    /// As the data holds it: for a file or a pipe, which gets the data back.
    AsData,
    /// With what a terminal would act on or hide shown as `\u{1b}`, as the explorer and plain
    /// output show it. A backslash from the data is `\\`, so such an escape is never mistaken
    /// for text.
    TerminalSafe,
}

/// `text` as one TSV field: backslash, tab, line feed and carriage return escaped.
fn escaped_field(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

/// What `record` has in the columns its export fills itself. Only projects have an amount:
/// a programme's sum has a column of its own, so summing the amounts counts no dollar twice
/// (the source gives no total).
fn other(catalog: &Catalog, record: RecordRef, column: &str) -> String {
    match column {
        "tab" => Tab::of(record).title().to_lowercase(),
        "id" => catalog
            .get(record)
            .map_or_else(String::new, |view| view.id().to_string()),
        "ties" => catalog.labelled_ties(record).join("; "),
        "source_paragraphs" => catalog.cited_paragraphs(record),
        "source_quotes" => catalog.quotes(record).join("\n"),
        _ => String::new(),
    }
}

/// One field as written: escaped, made terminal-safe if `text` asks, and neutralised as
/// `formulas` says (a spreadsheet opens TSV as readily as CSV).
fn field(raw: &str, text: TsvText, formulas: FormulaCells) -> String {
    let field = escaped_field(raw);
    let field = match text {
        TsvText::AsData => field,
        TsvText::TerminalSafe => display_field(&field, TEXT_CAP).unwrap_or(field),
    };
    match formulas {
        FormulaCells::Neutralised => neutralised(field),
        FormulaCells::Raw => field,
    }
}

/// Writes the selection as TSV: the header line, then a line per record, tab by tab.
pub fn write_tsv(
    mut out: impl Write,
    catalog: &Catalog,
    selection: &Selection,
    text: TsvText,
    formulas: FormulaCells,
) -> io::Result<()> {
    let columns = all_columns();
    writeln!(out, "{}", columns.names().join("\t"))?;
    for record in selection.records() {
        if catalog.get(record).is_none() {
            continue;
        }
        let line: Vec<String> = columns
            .row(catalog, record, |column| other(catalog, record, column))
            .iter()
            .map(|raw| field(raw, text, formulas))
            .collect();
        writeln!(out, "{}", line.join("\t"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// On a terminal every line break, however written, stays an escape in its field: no
    /// record's line is ever broken in two.
    #[test]
    fn no_line_break_of_any_kind_breaks_a_terminal_line() {
        for text in [
            "a\u{2028}b",
            "a\u{2029}b",
            "a\u{85}b",
            "a\u{b}b",
            "a\u{c}b",
            "a\r\nb",
        ] {
            let field = field(text, TsvText::TerminalSafe, FormulaCells::Raw);
            let breaks = [
                '\n', '\r', '\u{b}', '\u{c}', '\u{85}', '\u{2028}', '\u{2029}',
            ];
            assert!(!field.contains(breaks), "{text:?}: {field:?}");
            assert!(field.starts_with('a') && field.ends_with('b'), "{field:?}");
        }
    }

    #[test]
    fn what_would_break_a_line_or_a_column_is_escaped() {
        assert_eq!(escaped_field("a\tb\nc\r\nd\\e"), "a\\tb\\nc\\r\\nd\\\\e");
        assert_eq!(escaped_field("Sanaa, Yemen – “q”"), "Sanaa, Yemen – “q”");
        assert_eq!(escaped_field(""), "");
    }

    #[test]
    fn a_terminal_sees_controls_escaped_and_a_backslash_doubled() {
        let shown = field(
            "\u{1b}[31mred\\u{1b}\t",
            TsvText::TerminalSafe,
            FormulaCells::Raw,
        );
        assert_eq!(shown, "\\u{1b}[31mred\\\\u{1b}\\t");
        let data = field("\u{1b}[31mred", TsvText::AsData, FormulaCells::Raw);
        assert_eq!(data, "\u{1b}[31mred");
        assert_eq!(
            field("=1+1", TsvText::AsData, FormulaCells::Neutralised),
            "'=1+1"
        );
    }
}
