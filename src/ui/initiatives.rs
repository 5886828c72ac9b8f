//! The Initiatives tab's list.

use ratatui::{buffer::Buffer, text::Line};

use super::record_list::{KindRow, render_kind_list};
use crate::chrome::theme::Theme;
use crate::{
    app::TabView,
    chrome::layout::Panes,
    data::{Catalog, RecordRef},
};

/// Draws the initiatives list.
pub fn render_initiatives(
    panes: &Panes,
    buf: &mut Buffer,
    catalog: &Catalog,
    view: &TabView,
    theme: &Theme,
) {
    let title = Line::from(" Initiatives · resolutions · cooperation ");
    render_kind_list(panes, buf, title, view, theme, 11, |record| {
        let RecordRef::Initiative(i) = record else {
            return None;
        };
        let initiative = catalog.initiative(i)?;
        Some(KindRow {
            kind: initiative.kind().label(),
            title: initiative.title(),
            suffix: None,
        })
    });
}
