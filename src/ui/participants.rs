//! The Participants tab's list.

use ratatui::{buffer::Buffer, text::Line};

use super::record_list::{KindRow, render_kind_list};
use crate::chrome::theme::Theme;
use crate::{
    app::TabView,
    chrome::layout::Panes,
    data::{Catalog, RecordRef},
};

/// Draws the participants list, with each person's office after the name.
pub fn render_participants(
    panes: &Panes,
    buf: &mut Buffer,
    catalog: &Catalog,
    view: &TabView,
    theme: &Theme,
) {
    let title = Line::from(" Participants · people, states, bodies ");
    render_kind_list(panes, buf, title, view, theme, 12, |record| {
        let RecordRef::Participant(i) = record else {
            return None;
        };
        let participant = catalog.participant(i)?;
        Some(KindRow {
            kind: participant.kind().label(),
            title: participant.name(),
            suffix: participant.office(),
        })
    });
}
