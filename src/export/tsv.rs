//! TSV: one line per record under one header line, fields separated by tabs, for `grep`,
//! `cut` and `awk`. Every record of every tab has the same columns (a field a kind lacks is
//! empty), so a column means the same whatever `--tab`, `--query` or `--select` chose. A tab,
//! line feed, carriage return or backslash inside a field is written `\t`, `\n`, `\r`, `\\`
//! (the "linear TSV" convention), so no text can break a line or shift a column.

use std::io::{self, Write};

use super::{
    FormulaCells, Selection,
    csv_table::neutralised,
    fields::{labelled_ties, paragraphs, tied},
};
use crate::{
    data::{
        Catalog, Period, Record, RecordRef, Role, Tab,
        display::{TEXT_CAP, display_text},
    },
    format::format_share,
};

/// The columns, in order: the header line.
pub const COLUMNS: [&str; 18] = [
    "tab",
    "id",
    "kind",
    "title",
    "date",
    "place",
    "country",
    "amount_usd",
    "share",
    "category",
    "programme",
    "outcome",
    "office",
    "summary",
    "note",
    "ties",
    "source_paragraphs",
    "source_quotes",
];

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

/// A period as ISO 8601 writes a span of years, as an event's date range is written:
/// `2003/2006`, or `2003`.
fn iso_period(period: Period) -> String {
    if period.start == period.end {
        period.start.to_string()
    } else {
        format!("{}/{}", period.start, period.end)
    }
}

fn quotes(catalog: &Catalog, record: RecordRef) -> String {
    catalog.get(record).map_or_else(String::new, |view| {
        view.sources()
            .iter()
            .map(|citation| citation.quote)
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// The fields only some kinds of record have; the rest stay empty.
#[derive(Default)]
struct KindFields {
    date: String,
    place: String,
    amount: String,
    share: String,
    category: String,
    outcome: String,
    office: String,
}

/// A record's kind as the dataset names it, and the fields of its kind.
fn kind_fields(catalog: &Catalog, view: Record<'_>) -> (String, KindFields) {
    match view {
        Record::Event(event) => (
            event.kind().name().to_string(),
            KindFields {
                date: event.date().map(|d| d.to_string()).unwrap_or_default(),
                place: event.place().unwrap_or_default().to_string(),
                ..KindFields::default()
            },
        ),
        Record::Programme(data) => (
            "programme".to_string(),
            KindFields {
                date: iso_period(data.period()),
                ..KindFields::default()
            },
        ),
        Record::Project(project) => {
            let total = catalog.programme_total(project.programme());
            (
                "project".to_string(),
                KindFields {
                    date: catalog
                        .programme(project.programme())
                        .map(|data| iso_period(data.period()))
                        .unwrap_or_default(),
                    // Only projects have an amount: a programme's row leaves it empty, so
                    // summing the column counts no dollar twice (the source gives no total).
                    amount: project.amount_usd().to_string(),
                    share: format_share(project.amount_usd().into(), total.into()),
                    category: project.category().unwrap_or_default().to_string(),
                    ..KindFields::default()
                },
            )
        }
        Record::Initiative(initiative) => (
            initiative.kind().label().to_string(),
            KindFields {
                outcome: initiative.outcome().to_string(),
                ..KindFields::default()
            },
        ),
        Record::Participant(participant) => (
            participant.kind().label().to_string(),
            KindFields {
                office: participant.office().unwrap_or_default().to_string(),
                ..KindFields::default()
            },
        ),
    }
}

/// A record's fields, in the order of [`COLUMNS`].
fn fields(catalog: &Catalog, record: RecordRef, view: Record<'_>) -> [String; 18] {
    let (_, country) = tied(catalog, record, Role::Country);
    let (_, programme) = tied(catalog, record, Role::Programme);
    let (kind, own) = kind_fields(catalog, view);
    [
        Tab::of(record).title().to_lowercase(),
        view.id().to_string(),
        kind,
        view.title().to_string(),
        own.date,
        own.place,
        country,
        own.amount,
        own.share,
        own.category,
        programme,
        own.outcome,
        own.office,
        view.summary().to_string(),
        view.note().unwrap_or_default().to_string(),
        labelled_ties(catalog, record).join("; "),
        paragraphs(catalog, record),
        quotes(catalog, record),
    ]
}

/// One field as written: escaped, made terminal-safe if `text` asks, and neutralised as
/// `formulas` says (a spreadsheet opens TSV as readily as CSV).
fn field(raw: &str, text: TsvText, formulas: FormulaCells) -> String {
    let field = escaped_field(raw);
    let field = match text {
        TsvText::AsData => field,
        TsvText::TerminalSafe => display_text(&field, TEXT_CAP).unwrap_or(field),
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
    writeln!(out, "{}", COLUMNS.join("\t"))?;
    for record in selection.records() {
        let Some(view) = catalog.get(record) else {
            continue;
        };
        let line: Vec<String> = fields(catalog, record, view)
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

    #[test]
    fn periods_as_iso_spans() {
        assert_eq!(
            iso_period(Period {
                start: 2003,
                end: 2006
            }),
            "2003/2006"
        );
        assert_eq!(
            iso_period(Period {
                start: 2003,
                end: 2003
            }),
            "2003"
        );
    }
}
