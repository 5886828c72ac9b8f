//! The list every tab shows, all of it: how the reader shapes it (`shape`: the kind, the
//! filter, the order), the rows that shaping gives (`rows`), the selection and the window on
//! screen ([`ListPosition`]), the columns and how many fit ([`columns`]), and the widget: a
//! bordered table that builds rows only for the window on screen, the selection marked
//! without colour, and a scrollbar when the rows overflow.

pub mod columns;
mod orders;
mod rows;
mod shape;

pub use orders::Orders;
pub use rows::{FundingSort, RowOptions, TabRows, events_of, first_event};
pub use shape::{FilterMatches, ListControls, ListShape, RecordKind, SavedFilters, SortKey};

use ratatui::{
    buffer::Buffer,
    layout::{Constraint, Margin, Rect},
    text::{Line, Span},
    widgets::{
        Block, HighlightSpacing, Row, Scrollbar, ScrollbarOrientation, ScrollbarState,
        StatefulWidget, Table, TableState, Widget,
    },
};

use self::columns::{ColumnWidths, Columns};
use super::TabView;
use crate::{
    action::Movement,
    chrome::{layout::Panes, text, theme::Theme},
    data::RecordRef,
};

/// The selected row of a list and the row shown at the top of its window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ListPosition {
    /// The selected row.
    pub selected: usize,
    /// The first row on screen.
    pub offset: usize,
    /// The first row the reader's own moves put on screen: a shrink of the window moves
    /// `offset` to keep the selection in view, and growing it again goes back to this.
    wanted_offset: usize,
}

impl ListPosition {
    /// Applies a movement in a list of `length` rows with `page` rows on screen; returns whether
    /// the selection changed. The selection is clamped to the list, never wrapped.
    pub fn apply(&mut self, movement: Movement, length: usize, page: usize) -> bool {
        let target = movement.apply(self.selected, length.saturating_sub(1), page);
        self.select(target, length, page)
    }

    /// Selects row `index` (clamped), scrolling it into a window of `page` rows; returns whether
    /// the selection changed.
    pub fn select(&mut self, index: usize, length: usize, page: usize) -> bool {
        let before = self.selected;
        self.selected = index.min(length.saturating_sub(1));
        self.scroll_into_view(length, page);
        self.selected != before
    }

    /// Moves the window so the selection is visible and no empty rows show past the end; the
    /// window is where the reader put it.
    pub fn scroll_into_view(&mut self, length: usize, page: usize) {
        self.fit(length, page);
        self.wanted_offset = self.offset;
    }

    /// Starts the window at `offset` (history puts back a place as it was).
    pub fn set_offset(&mut self, offset: usize, length: usize, page: usize) {
        self.offset = offset;
        self.scroll_into_view(length, page);
    }

    /// Fits the window to a new height of `page` rows: where the reader put it, moved only as
    /// far as keeping the selection in view needs, so a shrink and a grow give back the rows
    /// above the selection.
    pub fn resize(&mut self, length: usize, page: usize) {
        self.offset = self.wanted_offset;
        self.fit(length, page);
    }

    fn fit(&mut self, length: usize, page: usize) {
        let page = page.max(1);
        self.selected = self.selected.min(length.saturating_sub(1));
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + page {
            self.offset = self.selected + 1 - page;
        }
        self.offset = self.offset.min(length.saturating_sub(page));
    }
}

/// The marker in front of the selected row; visible without colour.
pub const SELECTION_MARKER: &str = "▶ ";

/// How a list is drawn: its title, its columns and the styles.
pub struct ListLook<'a, 'c> {
    /// The title on the border.
    pub title: Line<'a>,
    /// The columns.
    pub columns: &'c Columns,
    /// How the width is shared among the columns.
    pub widths: &'c ColumnWidths,
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
    let widths = look.columns.constraints(look.widths);
    let header = panes
        .column_header
        .map(|area| (area, look.columns.header(look.widths.shown, look.theme.dim)));
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
    let length = view.len();
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

#[cfg(test)]
mod position_tests {
    use super::*;

    #[test]
    fn movement_is_clamped_at_both_ends() {
        let mut position = ListPosition::default();
        assert!(!position.apply(Movement::Up, 10, 4));
        assert_eq!(position.selected, 0);
        position.apply(Movement::Last, 10, 4);
        assert_eq!((position.selected, position.offset), (9, 6));
        assert!(!position.apply(Movement::Down, 10, 4));
        position.apply(Movement::PageUp, 10, 4);
        assert_eq!((position.selected, position.offset), (5, 5));
        position.apply(Movement::First, 10, 4);
        assert_eq!((position.selected, position.offset), (0, 0));
    }

    #[test]
    fn an_empty_list_stays_at_zero() {
        let mut position = ListPosition::default();
        for movement in [Movement::Down, Movement::Last, Movement::PageDown] {
            position.apply(movement, 0, 4);
            assert_eq!(position, ListPosition::default());
        }
    }

    #[test]
    fn a_shrink_and_a_grow_give_back_the_rows_above_the_selection() {
        let mut position = ListPosition::default();
        position.select(20, 100, 20);
        position.apply(Movement::PageDown, 100, 20);
        let before = position;
        assert!(before.offset < before.selected && before.offset + 20 > before.selected);
        position.resize(100, 3);
        assert!(position.offset <= position.selected && position.selected < position.offset + 3);
        position.resize(100, 20);
        assert_eq!(position, before);
    }

    #[test]
    fn a_taller_window_shows_no_empty_rows_past_the_end() {
        let mut position = ListPosition::default();
        position.apply(Movement::Last, 10, 3);
        position.scroll_into_view(10, 8);
        assert_eq!((position.selected, position.offset), (9, 2));
    }
}
