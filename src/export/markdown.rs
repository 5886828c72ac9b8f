//! Markdown export: a heading and a table per tab, ready for a report; funding by programme
//! with a total row. Every text from the data is escaped, so it shows as written and never
//! becomes HTML, a link or emphasis (`<script>`, `[x](javascript:...)`).

use std::io::{self, Write};

use super::{
    Selection,
    fields::{labelled_ties, paragraphs, place, when},
};
use crate::{
    data::{Catalog, Record, RecordRef, Tab},
    format::{format_period, format_share, format_usd},
};

/// Text from the data as Markdown shows it literally: HTML's `<`, `>` and `&` as entities,
/// Markdown's own punctuation (links, emphasis, code, table pipes) backslash-escaped, line
/// breaks flattened (a table row is one line). GitHub's renderer also turns bare addresses
/// into links (`https://…`, `www.…`, `name@host`): an escaped `:` and an escaped `.` after
/// `www` stop the first two, and `@` in a code span the third.
pub fn text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len() + 8);
    let mut previous: [char; 3] = [' '; 3];
    for c in raw.chars() {
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
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn source(catalog: &Catalog, record: RecordRef) -> String {
    paragraphs(catalog, record)
        .split("; ")
        .filter(|p| !p.is_empty())
        .map(|p| format!("¶{p}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A table: `rows` of text from the data (escaped here), then an optional `total` row of the
/// export's own figures, in bold.
fn table(
    out: &mut impl Write,
    header: &[&str],
    align: &[&str],
    rows: &[Vec<String>],
    total: Option<&[String]>,
) -> io::Result<()> {
    writeln!(out, "| {} |", header.join(" | "))?;
    writeln!(out, "|{}|", align.join("|"))?;
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| text(c)).collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    if let Some(total) = total {
        let cells: Vec<String> = total
            .iter()
            .map(|c| match c.as_str() {
                "" => String::new(),
                c => format!("**{}**", text(c)),
            })
            .collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    writeln!(out)
}

/// The Funding tab: a section per programme, its projects in a table with their total.
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
        "{} Sum of the listed projects: {} (the source gives no total). {}\n",
        text(data.summary()),
        format_usd(total.into()),
        source(catalog, RecordRef::Programme(programme))
    )?;
    let mut listed: u128 = 0;
    let rows: Vec<Vec<String>> = projects
        .iter()
        .filter_map(|&record| match catalog.get(record) {
            Some(Record::Project(project)) => {
                listed += u128::from(project.amount_usd());
                Some(vec![
                    project.title().to_string(),
                    project.category().unwrap_or_default().to_string(),
                    format_usd(project.amount_usd().into()),
                    format_share(project.amount_usd().into(), total.into()),
                    source(catalog, record),
                ])
            }
            _ => None,
        })
        .collect();
    let total_row = [
        "Sum of the listed projects".to_string(),
        String::new(),
        format_usd(listed),
        format_share(listed, total.into()),
        String::new(),
    ];
    table(
        out,
        &["Project", "Category", "Amount", "Share", "Source"],
        &["---", "---", "---:", "---:", "---"],
        &rows,
        Some(&total_row),
    )
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

/// The table of a tab other than Funding: a row per record.
fn list_table(
    out: &mut impl Write,
    catalog: &Catalog,
    tab: Tab,
    records: &[RecordRef],
) -> io::Result<()> {
    let (header, rule): (&[&str], &[&str]) = match tab {
        Tab::Timeline => (
            &["Date", "Kind", "Event", "Place", "Ties", "Source"],
            &["---"; 6],
        ),
        Tab::Initiatives => (
            &["Initiative", "Kind", "Outcome", "Ties", "Source"],
            &["---"; 5],
        ),
        Tab::Participants | Tab::Funding | Tab::Source => {
            (&["Name", "Kind", "Office", "Ties", "Source"], &["---"; 5])
        }
    };
    let rows: Vec<Vec<String>> = records
        .iter()
        .filter_map(|&record| list_row(catalog, record))
        .collect();
    table(out, header, rule, &rows, None)
}

/// A record's row in its tab's table (programmes and projects have their own).
fn list_row(catalog: &Catalog, record: RecordRef) -> Option<Vec<String>> {
    let ties = labelled_ties(catalog, record).join("; ");
    Some(match catalog.get(record)? {
        Record::Event(event) => vec![
            when(catalog, record),
            event.kind().description().into(),
            event.title().to_string(),
            place(catalog, record),
            ties,
            source(catalog, record),
        ],
        Record::Initiative(initiative) => vec![
            initiative.title().to_string(),
            initiative.kind().label().into(),
            initiative.outcome().to_string(),
            ties,
            source(catalog, record),
        ],
        Record::Participant(participant) => vec![
            participant.name().to_string(),
            participant.kind().label().into(),
            participant.office().unwrap_or_default().to_string(),
            ties,
            source(catalog, record),
        ],
        Record::Programme(_) | Record::Project(_) => return None,
    })
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
}
