//! The list every tab draws: a bordered table of records that builds rows only for the window
//! on screen, the selection marked without colour, and a scrollbar when the rows overflow.

use ratatui::{
    buffer::Buffer,
    layout::{Constraint, Margin, Rect},
    text::{Line, Span},
    widgets::{
        Block, HighlightSpacing, Row, Scrollbar, ScrollbarOrientation, ScrollbarState,
        StatefulWidget, Table, TableState, Widget,
    },
};

use super::{TabView, columns::Columns};
use crate::{
    chrome::{layout::Panes, text, theme::Theme},
    data::RecordRef,
};

/// The marker in front of the selected row; visible without colour.
pub const SELECTION_MARKER: &str = "▶ ";

/// How a list is drawn: its title, its columns and the styles.
pub struct ListLook<'a, 'c> {
    /// The title on the border.
    pub title: Line<'a>,
    /// The columns.
    pub columns: &'c Columns,
    /// How many of the optional columns show.
    pub shown: usize,
    /// The styles.
    pub theme: &'c Theme,
}

/// Draws `view`'s list in `panes` as `look` says, its header row in the panes' place for it;
/// `make_rows` builds the rows for the records on screen (given the records, the first one's
/// row number and the width of a row).
pub fn render_record_list<'a>(
    panes: &Panes,
    buf: &mut Buffer,
    look: ListLook<'a, '_>,
    view: &TabView,
    make_rows: impl FnOnce(&[RecordRef], usize, u16) -> Vec<Row<'a>>,
) {
    let widths = look.columns.constraints(look.shown);
    let header = panes
        .column_header
        .map(|area| (area, look.columns.header(look.shown, look.theme.dim)));
    render_rows(
        panes, buf, look.title, view, &widths, header, look.theme, make_rows,
    );
}

/// Draws `view`'s list in `panes` with `title`, columns of `widths` and a `header` row in the
/// area given for it; `make_rows` builds the rows for the records on screen.
#[allow(clippy::too_many_arguments)]
pub fn render_rows<'a>(
    panes: &Panes,
    buf: &mut Buffer,
    title: Line<'a>,
    view: &TabView,
    widths: &[Constraint],
    header: Option<(Rect, Row<'static>)>,
    theme: &Theme,
    make_rows: impl FnOnce(&[RecordRef], usize, u16) -> Vec<Row<'a>>,
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
    let area = panes.list;
    let inner = panes.rows;
    block.render(area, buf);
    let height = usize::from(inner.height);
    if height == 0 || inner.width == 0 {
        return;
    }
    // The stored offset fits the last known size; drawing at another size shifts only locally.
    let mut position = view.list;
    position.scroll_into_view(length, height);
    let window = view.rows.window(position.offset, height);
    let rows = make_rows(&window, position.offset, inner.width);
    let table = |rows: Vec<Row<'a>>| {
        Table::new(rows, widths.iter().copied())
            .column_spacing(1)
            .row_highlight_style(theme.selected)
            .highlight_symbol(SELECTION_MARKER)
            .highlight_spacing(HighlightSpacing::Always)
    };
    // Drawn as a table of its own with the same widths, so it lines up with the rows and
    // the rows keep the area paging and clicks were worked out for.
    if let Some((area, header)) = header {
        Widget::render(table(Vec::new()).header(header), area, buf);
    }
    let table = table(rows);
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

/// `title` cut to `width`, followed by ` · suffix` in the dim style where room is left.
pub fn title_with_suffix(
    title: &str,
    suffix: Option<&str>,
    width: usize,
    theme: &Theme,
) -> Line<'static> {
    let mut spans = vec![Span::raw(text::truncate(title, width))];
    let used = text::width(title);
    // A suffix squeezed to a lone `…` says nothing; it needs a few letters of room.
    if let Some(suffix) = suffix
        && used + 3 + 4 <= width
    {
        let suffix = text::truncate(suffix, width - used - 3);
        spans.push(Span::styled(format!(" · {suffix}"), theme.dim));
    }
    Line::from(spans)
}
