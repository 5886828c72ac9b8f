//! The list every tab draws: a bordered table of records that builds rows only for the window
//! on screen, the selection marked without colour, and a scrollbar when the rows overflow.

use ratatui::{
    buffer::Buffer,
    layout::{Constraint, Margin},
    text::{Line, Span},
    widgets::{
        Block, Cell, HighlightSpacing, Row, Scrollbar, ScrollbarOrientation, ScrollbarState,
        StatefulWidget, Table, TableState, Widget,
    },
};

use super::TabView;
use crate::{
    chrome::{layout::Panes, text, theme::Theme},
    data::RecordRef,
};

/// The marker in front of the selected row; visible without colour.
pub const SELECTION_MARKER: &str = "▶ ";

/// Draws `view`'s list in `area` with `title`; `make_rows` builds the rows for the records on
/// screen (given the records, the first one's row number and the width of a row).
pub fn render_record_list<'a>(
    panes: &Panes,
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
    let marker_width = u16::try_from(crate::chrome::text::width(SELECTION_MARKER)).unwrap_or(2);
    let rows = make_rows(
        &window,
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

/// A row of a list whose first column is the record's kind.
pub struct KindRow<'a> {
    /// The kind's label.
    pub kind: &'a str,
    /// The record's title or name.
    pub title: &'a str,
    /// More about it, shown dimmed after the title when it fits.
    pub suffix: Option<&'a str>,
}

/// Draws a list of a kind column and a title column; `describe` gives each record's row.
pub fn render_kind_list<'a>(
    panes: &Panes,
    buf: &mut Buffer,
    title: Line<'static>,
    view: &TabView,
    theme: &Theme,
    kind_width: u16,
    describe: impl Fn(RecordRef) -> Option<KindRow<'a>>,
) {
    let widths = [Constraint::Length(kind_width), Constraint::Fill(1)];
    render_record_list(
        panes,
        buf,
        title,
        view,
        &widths,
        theme,
        |window, _, width| {
            let title_width = width.saturating_sub(usize::from(kind_width) + 1);
            window
                .iter()
                .filter_map(|&record| describe(record))
                .map(|row| {
                    Row::new([
                        Cell::from(Span::styled(row.kind.to_string(), theme.kind)),
                        Cell::from(title_with_suffix(row.title, row.suffix, title_width, theme)),
                    ])
                })
                .collect()
        },
    );
}
