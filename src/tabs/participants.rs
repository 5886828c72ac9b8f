//! The Participants tab: people, states, organisations, bodies and groups, each with its kind
//! and a person's office, in the order the dataset lists them (or by kind, name, number of
//! events), with columns for the office and the events when the list is wide.

use ratatui::{text::Span, widgets::Cell};

use super::{
    list::{
        columns::{Column, Columns},
        events_of, title_with_suffix,
    },
    table::{CellLook, Table, TableTab},
};
use crate::{
    chrome::text,
    data::{Catalog, ParticipantKind, RecordRef, Tab},
};

/// The longest an office is given before it is cut, when room is short.
const OFFICE_CAP: usize = 32;

/// The Participants tab.
pub type ParticipantsTab = TableTab<Participants>;

/// What the Participants tab's table shows.
pub struct Participants;

impl Table for Participants {
    const TAB: Tab = Tab::Participants;
    const NOUN: &'static str = "participants";

    /// Kind, the name, then the office and the number of events.
    fn columns(catalog: &Catalog) -> Columns {
        let count = u32::try_from(catalog.counts().participants).unwrap_or(u32::MAX);
        let (mut name, mut office) = (0, 0);
        for participant in (0..count).filter_map(|i| catalog.participant(i)) {
            name = name.max(participant.name().len());
            office = office.max(participant.office().map_or(0, str::len));
        }
        let kind = ParticipantKind::ALL
            .iter()
            .map(|kind| text::width(kind.label()))
            .max()
            .unwrap_or(0);
        Columns::new(
            vec![Column::text("kind", kind)],
            "name",
            name,
            vec![
                Column::text("office", office).capped(OFFICE_CAP),
                Column::right("events", 3),
            ],
        )
    }

    fn cells(
        catalog: &Catalog,
        record: RecordRef,
        look: &CellLook<'_>,
    ) -> Option<Vec<Cell<'static>>> {
        let RecordRef::Participant(i) = record else {
            return None;
        };
        let (theme, shown) = (look.theme, look.widths.shown);
        let participant = catalog.participant(i)?;
        let suffix = if shown >= 1 {
            None
        } else {
            participant.office()
        };
        let mut cells = vec![
            Cell::from(Span::styled(participant.kind().label(), theme.kind)),
            Cell::from(title_with_suffix(
                participant.name(),
                suffix,
                usize::from(look.widths.title),
                theme,
            )),
        ];
        if shown >= 1 {
            let office = participant.office().unwrap_or_default();
            cells.push(Cell::from(Span::styled(
                text::truncate(office, look.widths.of_optional(0)),
                theme.dim,
            )));
        }
        if shown >= 2 {
            let events = events_of(catalog, record);
            cells.push(look.columns.optional[1].cell(events.to_string(), theme.dim));
        }
        Some(cells)
    }
}
