//! CSV export: one tab's records with a header row, RFC 4180 quoting (the `csv` crate), and
//! references given both as ids and as names. A cell a spreadsheet would run as a formula is
//! neutralised unless raw cells are asked for.

use std::io::Write;

use super::fields::{paragraphs, quoted_ties, tied, when};
use crate::{
    data::{
        Catalog, EventView, InitiativeView, ParticipantView, ProgrammeView, ProjectView, Record,
        RecordRef, Role, Tab,
    },
    format::{format_period, format_share},
};

fn header(tab: Tab) -> &'static [&'static str] {
    match tab {
        // A selection never holds it (see `Selection::new`): no records, no columns.
        Tab::Source => &[],
        Tab::Timeline => &[
            "id",
            "date",
            "date_written",
            "kind",
            "title",
            "place",
            "country_id",
            "country",
            "participant_ids",
            "participants",
            "initiative_ids",
            "initiatives",
            "summary",
            "note",
            "source_paragraphs",
            "source_quotes",
            "ties",
        ],
        Tab::Funding => &[
            "record",
            "id",
            "title",
            "programme_id",
            "programme",
            "period",
            "amount_usd",
            "amount_basis",
            "share_of_programme",
            "category",
            "funder_id",
            "funder",
            "recipient_id",
            "recipient",
            "summary",
            "note",
            "source_paragraphs",
            "source_quotes",
            "ties",
        ],
        Tab::Initiatives => &[
            "id",
            "kind",
            "title",
            "outcome",
            "proposed_by_ids",
            "proposed_by",
            "partner_ids",
            "partners",
            "event_ids",
            "events",
            "summary",
            "note",
            "source_paragraphs",
            "source_quotes",
            "ties",
        ],
        Tab::Participants => &[
            "id",
            "kind",
            "name",
            "office",
            "part_of_id",
            "part_of",
            "event_ids",
            "events",
            "summary",
            "note",
            "source_paragraphs",
            "source_quotes",
            "ties",
        ],
    }
}

fn quotes(catalog: &Catalog, record: RecordRef) -> String {
    catalog.get(record).map_or_else(String::new, |view| {
        view.sources()
            .iter()
            .map(|c| c.quote)
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// A record's cells, in its tab's column order.
fn row(catalog: &Catalog, record: RecordRef) -> Vec<String> {
    let Some(view) = catalog.get(record) else {
        return Vec::new();
    };
    let mut cells = match view {
        Record::Event(event) => event_cells(catalog, record, event),
        Record::Programme(programme) => programme_cells(catalog, record, programme),
        Record::Project(project) => project_cells(catalog, record, project),
        Record::Initiative(initiative) => initiative_cells(catalog, record, initiative),
        Record::Participant(participant) => participant_cells(catalog, record, participant),
    };
    cells.extend([
        view.summary().to_string(),
        view.note().unwrap_or_default().to_string(),
        paragraphs(catalog, record),
        quotes(catalog, record),
        quoted_ties(catalog, record).join("\n"),
    ]);
    cells
}

/// An event's cells, before the summary, note and sources every kind ends with.
fn event_cells(catalog: &Catalog, record: RecordRef, event: EventView<'_>) -> Vec<String> {
    let (country_id, country) = tied(catalog, record, Role::Country);
    let (participant_ids, participants) = tied(catalog, record, Role::Participant);
    let (initiative_ids, initiatives) = tied(catalog, record, Role::InitiativeAtEvent);
    let place = event.place().unwrap_or_default().to_string();
    vec![
        event.id().to_string(),
        event.date().map(|d| d.to_string()).unwrap_or_default(),
        when(catalog, record),
        event.kind().description().to_string(),
        event.title().to_string(),
        place,
        country_id,
        country,
        participant_ids,
        participants,
        initiative_ids,
        initiatives,
    ]
}

/// A programme's cells (the Funding tab's programme rows), before the summary, note and sources every kind ends with.
fn programme_cells(
    catalog: &Catalog,
    record: RecordRef,
    programme: ProgrammeView<'_>,
) -> Vec<String> {
    let (funder_id, funder) = tied(catalog, record, Role::Funder);
    let (recipient_id, recipient) = tied(catalog, record, Role::Recipient);
    let total = match record {
        RecordRef::Programme(i) => catalog.programme_total(i),
        _ => 0,
    };
    vec![
        "programme".into(),
        programme.id().into(),
        programme.title().to_string(),
        String::new(),
        String::new(),
        format_period(programme.period()),
        total.to_string(),
        "sum of the listed projects".into(),
        String::new(),
        String::new(),
        funder_id,
        funder,
        recipient_id,
        recipient,
    ]
}

/// A project's cells (the Funding tab's project rows), before the summary, note and sources every kind ends with.
fn project_cells(catalog: &Catalog, record: RecordRef, project: ProjectView<'_>) -> Vec<String> {
    let (programme_id, programme) = tied(catalog, record, Role::Programme);
    let total = catalog.programme_total(project.programme());
    vec![
        "project".into(),
        project.id().into(),
        project.title().to_string(),
        programme_id,
        programme,
        when(catalog, record),
        project.amount_usd().to_string(),
        "as the source gives it".into(),
        format_share(project.amount_usd().into(), total.into()),
        project.category().unwrap_or_default().to_string(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
    ]
}

/// An initiative's cells, before the summary, note and sources every kind ends with.
fn initiative_cells(
    catalog: &Catalog,
    record: RecordRef,
    initiative: InitiativeView<'_>,
) -> Vec<String> {
    let (proposer_ids, proposers) = tied(catalog, record, Role::ProposedBy);
    let (partner_ids, partners) = tied(catalog, record, Role::Partner);
    let (event_ids, events) = tied(catalog, record, Role::SupportedAt);
    vec![
        initiative.id().into(),
        initiative.kind().label().into(),
        initiative.title().to_string(),
        initiative.outcome().to_string(),
        proposer_ids,
        proposers,
        partner_ids,
        partners,
        event_ids,
        events,
    ]
}

/// A participant's cells, before the summary, note and sources every kind ends with.
fn participant_cells(
    catalog: &Catalog,
    record: RecordRef,
    participant: ParticipantView<'_>,
) -> Vec<String> {
    let (part_of_id, part_of) = tied(catalog, record, Role::PartOf);
    let (event_ids, events) = tied(catalog, record, Role::TookPartIn);
    vec![
        participant.id().into(),
        participant.kind().label().into(),
        participant.name().to_string(),
        participant.office().unwrap_or_default().to_string(),
        part_of_id,
        part_of,
        event_ids,
        events,
    ]
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
    writer.write_record(header(tab))?;
    for &record in records {
        let cells = row(catalog, record);
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
