//! The Initiatives tab: initiatives, resolutions, proposals and lines of cooperation, each with
//! its kind, in the order the dataset lists them (or by kind, title, first event, ties), with
//! columns for the proposer, the first event and the number of ties when the list is wide.

use std::sync::Arc;

use ratatui::{
    buffer::Buffer,
    layout::Rect,
    style::Style,
    text::{Line, Span},
    widgets::{Cell, Row, Widget},
};

use super::TabHints;
use super::{
    TabView,
    list::{
        ListLook,
        columns::{Column, Columns},
        first_event, render_record_list, title_with_suffix,
    },
};
use crate::{
    chrome::{layout::Panes, layout::TabExtras, text, theme::Theme},
    data::{Catalog, EventDate, InitiativeKind, RecordRef, Role, Tab},
};

/// The longest a proposer's name is given before it is cut.
const PROPOSER_CAP: usize = 24;

/// The Initiatives tab.
pub struct InitiativesTab {
    /// Its list and detail pane.
    pub view: TabView,
    /// The list's columns, their widths worked out from every initiative once.
    columns: Columns,
    catalog: Arc<Catalog>,
    /// The styles it is drawn with.
    pub theme: Theme,
    /// The keys its texts name.
    pub hints: Arc<TabHints>,
}

impl InitiativesTab {
    /// Every initiative of `catalog`.
    pub fn new(catalog: Arc<Catalog>) -> Self {
        Self {
            view: TabView::of_tab(&catalog, Tab::Initiatives),
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

/// A date as the first-event column writes it: `7–8 Dec 2005`, `2005`.
fn short_date(date: EventDate) -> String {
    let within = date.label_within_year();
    if within.is_empty() {
        date.year().to_string()
    } else {
        format!("{within} {}", date.year())
    }
}

/// Who proposed `record`, by name.
fn proposer_of(catalog: &Catalog, record: RecordRef) -> Option<&str> {
    let relations = catalog.relations(record);
    let proposer = relations.iter().find(|r| r.role == Role::ProposedBy)?;
    Some(catalog.title(proposer.target))
}

/// The columns: kind, the title, then the proposer, the first event and the ties.
fn columns(catalog: &Catalog) -> Columns {
    let count = u32::try_from(catalog.counts().initiatives).unwrap_or(u32::MAX);
    let (mut title, mut proposer, mut first) = (0, 0, 0);
    for i in 0..count {
        let Some(initiative) = catalog.initiative(i) else {
            continue;
        };
        let record = RecordRef::Initiative(i);
        title = title.max(initiative.title().len());
        proposer = proposer.max(proposer_of(catalog, record).map_or(0, str::len));
        first =
            first.max(first_event(catalog, record).map_or(0, |d| d.label_within_year_width() + 5));
    }
    let kind = [
        InitiativeKind::Initiative,
        InitiativeKind::Resolution,
        InitiativeKind::Proposal,
        InitiativeKind::Cooperation,
    ]
    .iter()
    .map(|kind| text::width(kind.label()))
    .max()
    .unwrap_or(0);
    Columns::new(
        vec![Column::text("kind", kind)],
        "initiative",
        title,
        vec![
            Column::text("proposed by", proposer.min(PROPOSER_CAP)),
            Column::right("first event", first),
            Column::right("ties", 3),
        ],
    )
}

impl Widget for &InitiativesTab {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let panes = Panes::new(area, self.extras());
        let (catalog, view, theme) = (&*self.catalog, &self.view, &self.theme);
        let columns = &self.columns;
        let shown = columns.optional_shown(panes.rows.width);
        let title = Line::from(format!(
            " Initiatives · {} ",
            view.controls
                .describe(view.rows.len(), catalog.counts().initiatives, "initiatives")
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
                    let RecordRef::Initiative(i) = record else {
                        return None;
                    };
                    let initiative = catalog.initiative(i)?;
                    let mut cells = vec![
                        Cell::from(Span::styled(initiative.kind().label(), theme.kind)),
                        Cell::from(title_with_suffix(
                            initiative.title(),
                            None,
                            title_width,
                            theme,
                        )),
                    ];
                    if shown >= 1 {
                        let proposer = proposer_of(catalog, record).unwrap_or_default();
                        cells.push(Cell::from(Span::styled(
                            text::truncate(proposer, PROPOSER_CAP),
                            theme.dim,
                        )));
                    }
                    if shown >= 2 {
                        let first = first_event(catalog, record).map(short_date);
                        cells.push(
                            columns.optional[1].cell(first.unwrap_or_default(), Style::default()),
                        );
                    }
                    if shown >= 3 {
                        let ties = catalog.relations(record).len();
                        cells.push(columns.optional[2].cell(ties.to_string(), theme.dim));
                    }
                    Some(Row::new(cells))
                })
                .collect()
        });
        super::render_detail(&panes, buf, catalog, view, theme, &self.hints);
    }
}
