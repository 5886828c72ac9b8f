//! The columns of a tab's list and how many of them the width allows: some always shown
//! (kind, date), the title filling what is left, and more (place, proposer, counts) added one
//! by one while the title keeps the width it wants. Widths are fixed per column, worked out
//! once from the data, so a column never changes width as the list scrolls.

use ratatui::{
    layout::{Alignment, Constraint},
    style::Style,
    text::{Line, Span},
    widgets::{Cell, Row},
};

use super::SELECTION_MARKER;
use crate::chrome::text;

/// The gap between two columns.
const SPACING: u16 = 1;
/// The title's width beyond which it is not worth the room another column would take.
const TITLE_CAP: u16 = 56;
/// The fewest columns a title is given, however narrow the list.
const TITLE_FLOOR: u16 = 12;

/// One column: its header and its width.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    /// The header's text.
    pub header: &'static str,
    /// The width in cells.
    pub width: u16,
    /// Numbers are right-aligned, so their digits line up.
    pub align: Alignment,
}

impl Column {
    /// A column of text `width` wide (at least its header's width).
    pub fn text(header: &'static str, width: usize) -> Self {
        Self::new(header, width, Alignment::Left)
    }

    /// A right-aligned column `width` wide (at least its header's width).
    pub fn right(header: &'static str, width: usize) -> Self {
        Self::new(header, width, Alignment::Right)
    }

    fn new(header: &'static str, width: usize, align: Alignment) -> Self {
        let width = width.max(text::width(header));
        Self {
            header,
            width: u16::try_from(width).unwrap_or(u16::MAX),
            align,
        }
    }

    /// A cell of this column holding `content`, aligned as the column is.
    pub fn cell(&self, content: impl Into<String>, style: Style) -> Cell<'static> {
        Cell::from(Line::from(Span::styled(content.into(), style)).alignment(self.align))
    }
}

/// A list's columns: those always shown before the title, the title, and those added after
/// it as the width allows, most wanted first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Columns {
    /// Shown at any width, before the title.
    pub leading: Vec<Column>,
    /// The title column's header.
    pub title_header: &'static str,
    /// The width the longest title wants (capped: a very long title is cut rather than
    /// crowding every other column out).
    pub title_wanted: u16,
    /// Shown after the title when the width allows, in this order.
    pub optional: Vec<Column>,
}

impl Columns {
    /// Columns for titles of up to `longest` cells.
    pub fn new(
        leading: Vec<Column>,
        title_header: &'static str,
        longest: usize,
        optional: Vec<Column>,
    ) -> Self {
        let title_wanted = u16::try_from(longest)
            .unwrap_or(u16::MAX)
            .clamp(TITLE_FLOOR, TITLE_CAP);
        Self {
            leading,
            title_header,
            title_wanted,
            optional,
        }
    }

    fn marker_width() -> u16 {
        u16::try_from(text::width(SELECTION_MARKER)).unwrap_or(2)
    }

    /// The width of the leading columns with their gaps and the selection marker.
    fn leading_width(&self) -> u16 {
        self.leading
            .iter()
            .fold(Self::marker_width(), |sum, column| {
                sum.saturating_add(column.width + SPACING)
            })
    }

    /// How many optional columns fit in a list `width` cells wide inside its border.
    pub fn optional_shown(&self, width: u16) -> usize {
        let mut room = width.saturating_sub(self.leading_width());
        let mut shown = 0;
        for column in &self.optional {
            let needed = column.width + SPACING;
            if room.saturating_sub(needed) < self.title_wanted {
                break;
            }
            room -= needed;
            shown += 1;
        }
        shown
    }

    /// The title's width in a list `width` wide showing `shown` optional columns.
    pub fn title_width(&self, width: u16, shown: usize) -> usize {
        let optional: u16 = self.optional[..shown.min(self.optional.len())]
            .iter()
            .map(|column| column.width + SPACING)
            .sum();
        usize::from(
            width
                .saturating_sub(self.leading_width())
                .saturating_sub(optional),
        )
    }

    /// The width inside its border from which the list shows a column beyond the title, and
    /// so its header row; `u16::MAX` when it has none to add.
    pub fn header_from(&self) -> u16 {
        self.optional.first().map_or(u16::MAX, |first| {
            self.leading_width()
                .saturating_add(self.title_wanted)
                .saturating_add(first.width + SPACING)
        })
    }

    /// The list's width, border included, for titles to be read whole.
    pub fn readable_width(&self) -> u16 {
        self.leading_width().saturating_add(self.title_wanted + 2)
    }

    /// The list's width, border included, with every column shown.
    pub fn full_width(&self) -> u16 {
        self.optional
            .iter()
            .fold(self.readable_width(), |sum, column| {
                sum.saturating_add(column.width + SPACING)
            })
    }

    /// The table's column widths with `shown` optional columns.
    pub fn constraints(&self, shown: usize) -> Vec<Constraint> {
        let leading = self.leading.iter().map(|c| Constraint::Length(c.width));
        let optional = self.optional.iter().take(shown);
        leading
            .chain(std::iter::once(Constraint::Fill(1)))
            .chain(optional.map(|c| Constraint::Length(c.width)))
            .collect()
    }

    /// The header row with `shown` optional columns.
    pub fn header(&self, shown: usize, style: Style) -> Row<'static> {
        let leading = self.leading.iter();
        let optional = self.optional.iter().take(shown);
        let cells: Vec<Cell<'static>> = leading
            .map(|column| column.cell(column.header, style))
            .chain(std::iter::once(Cell::from(Span::styled(
                self.title_header,
                style,
            ))))
            .chain(optional.map(|column| column.cell(column.header, style)))
            .collect();
        Row::new(cells)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn columns() -> Columns {
        Columns::new(
            vec![Column::text("kind", 10)],
            "title",
            30,
            vec![Column::text("place", 12), Column::right("ties", 4)],
        )
    }

    #[test]
    fn columns_are_added_while_the_title_keeps_its_width() {
        let columns = columns();
        // marker 2 + kind 10 + gap = 13 before the title.
        assert_eq!(columns.optional_shown(13 + 30), 0);
        assert_eq!(columns.optional_shown(13 + 30 + 13), 1);
        assert_eq!(columns.optional_shown(13 + 30 + 13 + 4), 1);
        assert_eq!(columns.optional_shown(13 + 30 + 13 + 5), 2);
        assert_eq!(columns.header_from(), 13 + 30 + 13);
        assert_eq!(columns.title_width(100, 2), 100 - 13 - 13 - 5);
    }

    #[test]
    fn a_column_is_never_narrower_than_its_header() {
        assert_eq!(Column::right("events", 2).width, 6);
    }

    #[test]
    fn the_widths_a_layout_asks_for_hold_the_columns() {
        let columns = columns();
        assert_eq!(columns.readable_width(), 13 + 30 + 2);
        assert_eq!(columns.full_width(), 13 + 30 + 2 + 13 + 5);
        assert_eq!(
            columns.optional_shown(columns.full_width() - 2),
            columns.optional.len()
        );
    }
}
