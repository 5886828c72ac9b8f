//! The Participants tab's list.

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

const KIND_WIDTH: u16 = 12;

/// Draws the participants list.
pub fn render_participants(
    area: Rect,
    buf: &mut Buffer,
    catalog: &Catalog,
    view: &TabView,
    theme: &Theme,
) {
    let widths = [Constraint::Length(KIND_WIDTH), Constraint::Fill(1)];
    let title = Line::from(" Participants · people, states, bodies ");
    render_record_list(
        area,
        buf,
        title,
        view,
        &widths,
        theme,
        |window, _, width| {
            let name_width = width.saturating_sub(usize::from(KIND_WIDTH) + 1);
            window
                .iter()
                .filter_map(|&record| match record {
                    RecordRef::Participant(i) => catalog.dataset().participants.get(i as usize),
                    _ => None,
                })
                .map(|participant| {
                    let mut name = vec![Span::raw(text::truncate(&participant.name, name_width))];
                    let used = text::width(&participant.name);
                    if let Some(office) = &participant.office
                        && used + 3 < name_width
                    {
                        let office = text::truncate(office, name_width - used - 3);
                        name.push(Span::styled(format!(" · {office}"), theme.dim));
                    }
                    Row::new([
                        Cell::from(Span::styled(participant.kind.label(), theme.kind)),
                        Cell::from(Line::from(name)),
                    ])
                })
                .collect()
        },
    );
}
