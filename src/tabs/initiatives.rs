//! The Initiatives tab: initiatives, resolutions, proposals and lines of cooperation, each with
//! its kind, in the order the dataset lists them (or by kind, title, first event, ties), with
//! columns for the proposer, the events where it was supported, the first event and the
//! number of ties when the list is wide.

use ratatui::{style::Style, text::Span, widgets::Cell};

use super::{
    list::{
        columns::{Column, Columns},
        first_event, title_with_suffix,
    },
    table::{CellLook, Table, TableTab},
};
use crate::{
    chrome::text,
    data::{Catalog, EventDate, InitiativeKind, READING_MARK, RecordRef, Role, Tab, TieKind},
};

/// The longest a proposer's name is given before it is cut.
const PROPOSER_CAP: usize = 24;

/// The longest the events where an initiative was supported are given before they are cut.
const SUPPORTED_AT_CAP: usize = 32;

/// The kinds of tie that say an event supported an initiative: supported there, support
/// reiterated there, included in a document adopted there.
const SUPPORT: [TieKind; 3] = [
    TieKind::Supported,
    TieKind::SupportReiterated,
    TieKind::IncludedInDocument,
];

/// The events where `record` was supported (see [`SUPPORT`]), each by its place and date,
/// `; ` between, each marked when the tie is a reading; `None` when there are none.
fn supported_at(catalog: &Catalog, record: RecordRef) -> Option<String> {
    let named: Vec<String> = (catalog.relations(record).iter())
        .filter(|r| r.role == Role::SupportedAt && SUPPORT.contains(&catalog.tie_kind_of(r.detail)))
        .map(|relation| {
            // An event's place and date say where and when in a few letters (`Sanaa, Jun
            // 2005`); its title would take the whole column.
            let event = match relation.target {
                RecordRef::Event(i) => catalog.event(i),
                _ => None,
            };
            let short = event.and_then(|event| {
                let date = event.date().map(short_date);
                match (event.place(), date) {
                    (Some(place), Some(date)) => Some(format!("{place}, {date}")),
                    (Some(place), None) => Some(place.to_string()),
                    (None, date) => date,
                }
            });
            let name = short.unwrap_or_else(|| catalog.title(relation.target).to_string());
            match catalog.tie_readings(record, &relation).is_empty() {
                true => name.to_string(),
                false => format!("{name} {READING_MARK}"),
            }
        })
        .collect();
    (!named.is_empty()).then(|| named.join("; "))
}

/// The Initiatives tab.
pub type InitiativesTab = TableTab<Initiatives>;

/// What the Initiatives tab's table shows.
pub struct Initiatives;

/// A date as the first-event column writes it: `7–8 Dec 2005`, `2005`.
fn short_date(date: EventDate) -> String {
    let within = date.label_within_year();
    if within.is_empty() {
        date.year().to_string()
    } else {
        format!("{within} {}", date.year())
    }
}

/// Who proposed `record`, by name: only a tie of the kind the column's name says, never one
/// who supports, pursues or is mentioned with it; marked when the tie is a reading.
fn proposer_of(catalog: &Catalog, record: RecordRef) -> Option<String> {
    let relations = catalog.relations(record);
    let proposer = relations.iter().find(|r| {
        r.role == Role::ProposedBy && catalog.tie_kind_of(r.detail) == TieKind::Proposed
    })?;
    let name = catalog.title(proposer.target);
    Some(match catalog.tie_readings(record, &proposer).is_empty() {
        true => name.to_string(),
        false => format!("{name} {READING_MARK}"),
    })
}

impl Table for Initiatives {
    const TAB: Tab = Tab::Initiatives;
    const NOUN: &'static str = "initiatives";

    /// Kind, the title, then the proposer, where it was supported, the first event and the
    /// ties.
    fn columns(catalog: &Catalog) -> Columns {
        let (mut title, mut proposer, mut first, mut supported) = (0, 0, 0, 0);
        for record in catalog.records_of(Tab::Initiatives) {
            supported = supported.max(supported_at(catalog, record).map_or(0, |s| text::width(&s)));
            title = title.max(catalog.title(record).len());
            proposer = proposer.max(proposer_of(catalog, record).map_or(0, |p| text::width(&p)));
            first = first
                .max(first_event(catalog, record).map_or(0, |d| d.label_within_year_width() + 5));
        }
        let kind = InitiativeKind::ALL
            .iter()
            .map(|kind| text::width(kind.label()))
            .max()
            .unwrap_or(0);
        Columns::new(
            vec![Column::text("kind", kind)],
            "initiative",
            title,
            vec![
                Column::text("proposed by", proposer).capped(PROPOSER_CAP + READING_MARK.len()),
                // Where it was supported answers more than when it was first met.
                Column::text("supported at", supported).capped(SUPPORTED_AT_CAP),
                Column::right("first event", first),
                Column::right("ties", 3),
            ],
        )
    }

    fn cells(
        catalog: &Catalog,
        record: RecordRef,
        look: &CellLook<'_>,
    ) -> Option<Vec<Cell<'static>>> {
        let RecordRef::Initiative(i) = record else {
            return None;
        };
        let (theme, shown) = (look.theme, look.widths.shown);
        let initiative = catalog.initiative(i)?;
        let mut cells = vec![
            Cell::from(Span::styled(initiative.kind().label(), theme.kind)),
            Cell::from(title_with_suffix(
                initiative.title(),
                None,
                usize::from(look.widths.title),
                theme,
            )),
        ];
        if shown >= 1 {
            let proposer = proposer_of(catalog, record).unwrap_or_default();
            cells.push(Cell::from(Span::styled(
                text::truncate(&proposer, look.widths.of_optional(0)),
                theme.dim,
            )));
        }
        if shown >= 2 {
            let supported = supported_at(catalog, record).unwrap_or_default();
            cells.push(Cell::from(Span::styled(
                text::truncate(&supported, look.widths.of_optional(1)),
                theme.dim,
            )));
        }
        if shown >= 3 {
            let first = first_event(catalog, record).map(short_date);
            cells.push(look.columns.optional[2].cell(first.unwrap_or_default(), Style::default()));
        }
        if shown >= 4 {
            let ties = catalog.relations(record).len();
            cells.push(look.columns.optional[3].cell(ties.to_string(), theme.dim));
        }
        Some(cells)
    }
}
