//! A bordered list of records that builds rows only for the window on screen.

use ratatui::{
    buffer::Buffer,
    layout::{Constraint, Margin, Rect},
    text::Line,
    widgets::{
        Block, HighlightSpacing, Row, Scrollbar, ScrollbarOrientation, ScrollbarState,
        StatefulWidget, Table, TableState, Widget,
    },
};

use super::theme::Theme;
use crate::{app::TabView, data::RecordRef};

/// The marker in front of the selected row; visible without colour.
pub const SELECTION_MARKER: &str = "▶ ";

/// Draws `view`'s list in `area` with `title`; `make_rows` builds the rows for the records on
/// screen (given the records, the first one's row number and the width of a row).
pub fn render_record_list<'a>(
    area: Rect,
    buf: &mut Buffer,
    title: Line<'a>,
    view: &TabView,
    widths: &[Constraint],
    theme: &Theme,
    make_rows: impl FnOnce(&[RecordRef], usize, usize) -> Vec<Row<'a>>,
) {
    let length = view.rows.len();
    let position_label = if length == 0 {
        " empty ".to_string()
    } else {
        format!(" {}/{} ", view.list.selected + 1, length)
    };
    let block = Block::bordered()
        .border_style(theme.border)
        .title(title.style(theme.pane_title))
        .title_bottom(Line::from(position_label).right_aligned());
    let inner = block.inner(area);
    block.render(area, buf);
    let height = usize::from(inner.height);
    if height == 0 || inner.width == 0 {
        return;
    }
    // The stored offset fits the last known size; drawing at another size shifts only locally.
    let mut position = view.list;
    position.scroll_into_view(length, height);
    let window = view.rows.window(position.offset, height);
    let marker_width = u16::try_from(super::text::width(SELECTION_MARKER)).unwrap_or(2);
    let rows = make_rows(
        window,
        position.offset,
        usize::from(inner.width.saturating_sub(marker_width)),
    );
    let table = Table::new(rows, widths.iter().copied())
        .column_spacing(1)
        .row_highlight_style(theme.selected)
        .highlight_symbol(SELECTION_MARKER)
        .highlight_spacing(HighlightSpacing::Always);
    let mut state = TableState::default().with_selected(Some(position.selected - position.offset));
    StatefulWidget::render(table, inner, buf, &mut state);
    if length > height {
        let mut scrollbar = ScrollbarState::new(length - height + 1)
            .viewport_content_length(height)
            .position(position.offset);
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .style(theme.dim)
            .render(area.inner(Margin::new(0, 1)), buf, &mut scrollbar);
    }
}
