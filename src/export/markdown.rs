//! Markdown export: a heading and a table per tab, ready for a report; funding by programme
//! with a total row. Every text from the data is escaped, so it shows as written and never
//! becomes HTML, a link or emphasis (`<script>`, `[x](javascript:...)`).

use std::io::{self, Write};

use super::Selection;
use crate::{
    data::{
        Catalog, Item, Kind, Layout, ProjectRow, Record, RecordRef, SUM_OF_PROJECTS, Tab, Value,
    },
    format::{format_period, format_usd},
};

/// Text from the data as Markdown shows it literally: HTML's `<`, `>` and `&` as entities,
/// Markdown's own punctuation (links, emphasis, code, table pipes) backslash-escaped, line
/// breaks flattened (a table row is one line). GitHub's renderer also turns bare addresses
/// into links (`https://…`, `www.…`, `name@host`): an escaped `:` and an escaped `.` after
/// `www` stop the first two, and `@` in a code span the third.
pub fn text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len() + 8);
    let mut previous: [char; 3] = [' '; 3];
    for c in crate::data::display::breaks_as_spaces(raw).chars() {
        let after_www = previous.iter().all(|p| p.eq_ignore_ascii_case(&'w'));
        previous = [previous[1], previous[2], c];
        match c {
            ':' => out.push_str("\\:"),
            '.' if after_www => out.push_str("\\."),
            '@' => out.push_str("`@`"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '#' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

fn source(catalog: &Catalog, record: RecordRef) -> String {
    catalog
        .cited_paragraphs(record)
        .split("; ")
        .filter(|p| !p.is_empty())
        .map(|p| format!("¶{p}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A table: `rows` of text from the data (escaped here).
fn table(
    out: &mut impl Write,
    header: &[String],
    align: &[&str],
    rows: &[Vec<String>],
) -> io::Result<()> {
    writeln!(out, "| {} |", header.join(" | "))?;
    writeln!(out, "|{}|", align.join("|"))?;
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| text(c)).collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    writeln!(out)
}

/// The Funding tab: a section per programme, its projects in a table.
fn funding(out: &mut impl Write, catalog: &Catalog, records: &[RecordRef]) -> io::Result<()> {
    for (programme, projects) in programme_groups(catalog, records) {
        write_programme(out, catalog, programme, &projects)?;
    }
    Ok(())
}

/// Projects grouped under their programme, in the order they are listed.
fn programme_groups(catalog: &Catalog, records: &[RecordRef]) -> Vec<(u32, Vec<RecordRef>)> {
    let mut groups: Vec<(u32, Vec<RecordRef>)> = Vec::new();
    for &record in records {
        let programme = match (record, catalog.get(record)) {
            (RecordRef::Programme(i), Some(Record::Programme(_))) => i,
            (_, Some(Record::Project(project))) => project.programme(),
            _ => continue,
        };
        let project = matches!(record, RecordRef::Project(_)).then_some(record);
        match groups.iter_mut().find(|(p, _)| *p == programme) {
            Some((_, projects)) => projects.extend(project),
            None => groups.push((programme, project.into_iter().collect())),
        }
    }
    groups
}

/// One programme's heading, summary and table of projects.
fn write_programme(
    out: &mut impl Write,
    catalog: &Catalog,
    programme: u32,
    projects: &[RecordRef],
) -> io::Result<()> {
    let Some(Record::Programme(data)) = catalog.get(RecordRef::Programme(programme)) else {
        return Ok(());
    };
    let total = catalog.programme_total(programme);
    writeln!(
        out,
        "### {}, {}\n",
        text(data.title()),
        format_period(data.period())
    )?;
    writeln!(
        out,
        "{} Sum: {} ({}). {}\n",
        text(data.summary()),
        format_usd(total.into()),
        SUM_OF_PROJECTS.text(),
        source(catalog, RecordRef::Programme(programme))
    )?;
    let rows: Vec<Vec<String>> = projects
        .iter()
        .filter_map(|&record| match catalog.get(record) {
            Some(Record::Project(_)) => {
                let mut row = cells(catalog, record);
                row.push(source(catalog, record));
                Some(row)
            }
            _ => None,
        })
        .collect();
    // No total row: a sum is computed, and in the Amount column it would sit among the
    // source's own figures (the heading above gives the programme's sum, marked computed).
    let items = ProjectRow::LAYOUT.markdown;
    let mut header = headings(ProjectRow::LAYOUT);
    header.push("Source".into());
    let mut rule: Vec<&str> = items
        .iter()
        .map(|item| match item.value {
            Value::Amount(_) | Value::Share(_) | Value::Sum(_) => "---:",
            _ => "---",
        })
        .collect();
    rule.push("---");
    table(out, &header, &rule, &rows)
}

/// Writes the selection as a Markdown report.
pub fn write_markdown(
    mut out: impl Write,
    catalog: &Catalog,
    selection: &Selection,
) -> io::Result<()> {
    writeln!(out, "# {}\n", text(catalog.title_of_dataset()))?;
    if !catalog.description().is_empty() {
        writeln!(out, "{}\n", text(catalog.description()))?;
    }
    writeln!(
        out,
        "Each row cites the paragraphs (¶) of the source it comes from{}.\n",
        if catalog.source_note().is_empty() {
            String::new()
        } else {
            format!(": {}", text(catalog.source_note()))
        }
    )?;
    for (tab, records) in &selection.tabs {
        writeln!(out, "## {}\n", tab.title())?;
        if records.is_empty() {
            writeln!(out, "No records.\n")?;
            continue;
        }
        match tab {
            Tab::Funding => funding(&mut out, catalog, records)?,
            _ => list_table(&mut out, catalog, *tab, records)?,
        }
    }
    Ok(())
}

/// A table of `records` of `tab`, its columns those its kind's layout gives Markdown, then
/// the ties and the sources.
fn list_table(
    out: &mut impl Write,
    catalog: &Catalog,
    tab: Tab,
    records: &[RecordRef],
) -> io::Result<()> {
    let Some(layout) = tab.layouts().first() else {
        return Ok(());
    };
    let mut header = headings(layout);
    header.extend(["Ties".into(), "Source".into()]);
    let rule = vec!["---"; header.len()];
    let rows: Vec<Vec<String>> = records
        .iter()
        .map(|&record| {
            let mut row = cells(catalog, record);
            row.push(catalog.labelled_ties(record).join("; "));
            row.push(source(catalog, record));
            row
        })
        .collect();
    table(out, &header, &rule, &rows)
}

/// The headings of the columns `layout` gives Markdown, each marked value's saying what it
/// is (`Category (our classification)`, `Share (computed)`).
fn headings(layout: &Layout) -> Vec<String> {
    layout
        .markdown
        .iter()
        .map(|item| match item.value.mark(layout) {
            Some(mark) => format!("{} ({})", item.label, mark.short()),
            None => item.label.to_string(),
        })
        .collect()
}

/// A record's cells in the columns its kind's layout gives Markdown.
fn cells(catalog: &Catalog, record: RecordRef) -> Vec<String> {
    let items = catalog.layout(record).markdown;
    let cell = |item: &Item| catalog.field_string(record, item.value);
    items
        .iter()
        .map(|item| cell(item).unwrap_or_default())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_addresses_are_not_linked() {
        assert_eq!(
            text("https://evil.example/x www.evil.example WWW.a.b x@evil.example"),
            "https\\://evil.example/x www\\.evil.example WWW\\.a.b x`@`evil.example"
        );
    }

    #[test]
    fn text_from_the_data_never_becomes_markup() {
        assert_eq!(
            text("<script>alert(1)</script> & [x](javascript:alert(1)) *a* `b` | c\nd"),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; \\[x\\](javascript\\:alert(1)) \\*a\\* \\`b\\` \\| c d"
        );
        assert_eq!(text("Kazakhstan – OIC (1995)"), "Kazakhstan – OIC (1995)");
    }

    /// A table cell is one line: every line break, however written, is one space there.
    #[test]
    fn every_line_break_is_one_space_in_a_cell() {
        assert_eq!(
            text("a\r\nb\rc\u{2028}d\u{2029}e\u{85}f\u{b}g\u{c}h\ni"),
            "a b c d e f g h i"
        );
    }
}
