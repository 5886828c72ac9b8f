//! The Initiatives tab's list.

use ratatui::{
    buffer::Buffer,
    layout::{Constraint, Rect},
    text::{Line, Span},
    widgets::{Cell, Row},
};

use super::{record_list::render_record_list, text, theme::Theme};
use crate::{
    app::TabView,
    data::{Catalog, RecordRef},
};

const KIND_WIDTH: u16 = 11;

/// Draws the initiatives list.
pub fn render_initiatives(
    area: Rect,
    buf: &mut Buffer,
    catalog: &Catalog,
    view: &TabView,
    theme: &Theme,
) {
    let widths = [Constraint::Length(KIND_WIDTH), Constraint::Fill(1)];
    let title = Line::from(" Initiatives · resolutions · cooperation ");
    render_record_list(
        area,
        buf,
        title,
        view,
        &widths,
        theme,
        |window, _, width| {
            let title_width = width.saturating_sub(usize::from(KIND_WIDTH) + 1);
            window
                .iter()
                .filter_map(|&record| match record {
                    RecordRef::Initiative(i) => catalog.dataset().initiatives.get(i as usize),
                    _ => None,
                })
                .map(|initiative| {
                    Row::new([
                        Cell::from(Span::styled(initiative.kind.label(), theme.kind)),
                        Cell::from(Line::from(text::truncate(&initiative.title, title_width))),
                    ])
                })
                .collect()
        },
    );
}
