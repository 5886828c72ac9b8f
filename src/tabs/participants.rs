//! The Participants tab: people, states, organisations, bodies and groups, each with its kind
//! and a person's office, in the order the dataset lists them (or by kind, name, number of
//! events), with columns for the office and the events when the list is wide.

use std::sync::Arc;

use ratatui::{
    buffer::Buffer,
    layout::Rect,
    text::{Line, Span},
    widgets::{Cell, Row, Widget},
};

use super::TabHints;
use super::{
    TabView,
    list::{
        ListLook,
        columns::{Column, Columns},
        events_of, render_record_list, title_with_suffix,
    },
};
use crate::{
    chrome::{layout::Panes, layout::TabExtras, text, theme::Theme},
    data::{Catalog, ParticipantKind, RecordRef, Tab},
};

/// The longest an office is given before it is cut.
const OFFICE_CAP: usize = 32;

/// The Participants tab.
pub struct ParticipantsTab {
    /// Its list and detail pane.
    pub view: TabView,
    /// The list's columns, their widths worked out from every participant once.
    columns: Columns,
    catalog: Arc<Catalog>,
    /// The styles it is drawn with.
    pub theme: Theme,
    /// The keys its texts name.
    pub hints: Arc<TabHints>,
}

impl ParticipantsTab {
    /// Every participant of `catalog`.
    pub fn new(catalog: Arc<Catalog>) -> Self {
        Self {
            view: TabView::of_tab(&catalog, Tab::Participants),
            columns: columns(&catalog),
            catalog,
            theme: Theme::default(),
            hints: Arc::default(),
        }
    }

    /// What the list asks of the layout.
    pub fn extras(&self) -> TabExtras {
        super::column_extras(&self.columns)
    }
}

/// The columns: kind, the name, then the office and the number of events.
fn columns(catalog: &Catalog) -> Columns {
    let count = u32::try_from(catalog.counts().participants).unwrap_or(u32::MAX);
    let (mut name, mut office) = (0, 0);
    for participant in (0..count).filter_map(|i| catalog.participant(i)) {
        name = name.max(participant.name().len());
        office = office.max(participant.office().map_or(0, str::len));
    }
    let kind = [
        ParticipantKind::Person,
        ParticipantKind::State,
        ParticipantKind::Organisation,
        ParticipantKind::Body,
        ParticipantKind::Group,
    ]
    .iter()
    .map(|kind| text::width(kind.label()))
    .max()
    .unwrap_or(0);
    Columns::new(
        vec![Column::text("kind", kind)],
        "name",
        name,
        vec![
            Column::text("office", office.min(OFFICE_CAP)),
            Column::right("events", 3),
        ],
    )
}

impl Widget for &ParticipantsTab {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let panes = Panes::new(area, self.extras());
        let (catalog, view, theme) = (&*self.catalog, &self.view, &self.theme);
        let columns = &self.columns;
        let shown = columns.optional_shown(panes.rows.width);
        let title = Line::from(format!(
            " Participants · {} ",
            view.controls.describe(
                view.rows.len(),
                catalog.counts().participants,
                "participants"
            )
        ));
        let look = ListLook {
            title,
            columns,
            shown,
            theme,
        };
        render_record_list(&panes, buf, look, view, |window, _, width| {
            let title_width = columns.title_width(width, shown);
            window
                .iter()
                .filter_map(|&record| {
                    let RecordRef::Participant(i) = record else {
                        return None;
                    };
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
                            title_width,
                            theme,
                        )),
                    ];
                    if shown >= 1 {
                        let office = participant.office().unwrap_or_default();
                        cells.push(Cell::from(Span::styled(
                            text::truncate(office, OFFICE_CAP),
                            theme.dim,
                        )));
                    }
                    if shown >= 2 {
                        let events = events_of(catalog, record);
                        cells.push(columns.optional[1].cell(events.to_string(), theme.dim));
                    }
                    Some(Row::new(cells))
                })
                .collect()
        });
        super::render_detail(&panes, buf, catalog, view, theme, &self.hints);
    }
}
