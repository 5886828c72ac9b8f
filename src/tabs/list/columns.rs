//! The columns of a tab's list and how the width is shared among them: some always shown
//! (kind, date), the title filling what is left, and more (place, proposer, counts) added one
//! by one while the title keeps the width it wants; then what the title has beyond its longest
//! goes to the columns cut short, so no column is cut while another has room it does not use.
//! Widths are worked out once from the data for a list's width, so a column never changes
//! width as the list scrolls.

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

/// One column: its header and its widths.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    /// The header's text.
    pub header: &'static str,
    /// The width in cells it is given when room is short (its natural width, or a cap).
    pub width: u16,
    /// The width its longest content (or its header) takes, which it grows to when the
    /// title has room to spare.
    pub natural: u16,
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
        let width = u16::try_from(width.max(text::width(header))).unwrap_or(u16::MAX);
        Self {
            header,
            width,
            natural: width,
            align,
        }
    }

    /// The same column given at most `cap` cells (or its header's width) when room is short.
    pub fn capped(self, cap: usize) -> Self {
        let cap = u16::try_from(cap.max(text::width(self.header))).unwrap_or(u16::MAX);
        Self {
            width: self.natural.min(cap),
            ..self
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
    /// The width the longest title (or the header) takes: beyond it, the title's room goes
    /// to the columns cut short.
    pub title_natural: u16,
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
        let longest = u16::try_from(longest).unwrap_or(u16::MAX);
        let header = u16::try_from(text::width(title_header)).unwrap_or(u16::MAX);
        Self {
            leading,
            title_header,
            title_wanted: longest.clamp(TITLE_FLOOR, TITLE_CAP),
            title_natural: longest.max(header),
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

    /// The list's width, border included, with every column shown whole.
    pub fn full_width(&self) -> u16 {
        let title = self.title_natural.max(self.title_wanted);
        let readable = self.leading_width().saturating_add(title).saturating_add(2);
        self.optional.iter().fold(readable, |sum, column| {
            sum.saturating_add(column.natural.saturating_add(SPACING))
        })
    }

    /// How a list `width` cells wide inside its border is shared: as many optional columns
    /// as leave the title the width it wants, the title the rest; then what the title has
    /// beyond its longest goes to the columns cut short, most wanted first.
    pub fn allocate(&self, width: u16) -> ColumnWidths {
        let shown = self.optional_shown(width);
        let mut optional: Vec<u16> = self.optional[..shown].iter().map(|c| c.width).collect();
        let title = u16::try_from(self.title_width(width, shown)).unwrap_or(u16::MAX);
        let mut spare = title.saturating_sub(self.title_natural);
        let before = spare;
        for (given, column) in optional.iter_mut().zip(&self.optional) {
            let more = column.natural.saturating_sub(*given).min(spare);
            *given += more;
            spare -= more;
        }
        ColumnWidths {
            shown,
            title: title - (before - spare),
            optional,
        }
    }

    /// The table's column widths as `widths` shares them.
    pub fn constraints(&self, widths: &ColumnWidths) -> Vec<Constraint> {
        let leading = self.leading.iter().map(|c| Constraint::Length(c.width));
        let optional = widths
            .optional
            .iter()
            .map(|&width| Constraint::Length(width));
        leading
            .chain(std::iter::once(Constraint::Fill(1)))
            .chain(optional)
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

/// How a list's width is shared among its columns (see [`Columns::allocate`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ColumnWidths {
    /// How many optional columns show.
    pub shown: usize,
    /// The title's width.
    pub title: u16,
    /// The width of each optional column shown, in order.
    pub optional: Vec<u16>,
}

impl ColumnWidths {
    /// The width of optional column `index`, 0 when it does not show.
    pub fn of_optional(&self, index: usize) -> usize {
        self.optional
            .get(index)
            .map_or(0, |&width| usize::from(width))
    }
}

#[cfg(test)]
mod tests {
    use proptest::strategy::Strategy;

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
    fn a_title_with_room_to_spare_gives_it_to_a_column_cut_short() {
        // The Participants list: names of up to 60, offices of up to 129 cut to 32.
        let columns = Columns::new(
            vec![Column::text("kind", 12)],
            "name",
            60,
            vec![
                Column::text("office", 129).capped(32),
                Column::right("events", 3),
            ],
        );
        let short = columns.allocate(2 + 13 + 56 + 33 + 7);
        assert_eq!(
            (short.shown, short.title, short.optional),
            (2, 56, vec![32, 6])
        );
        let wide = columns.allocate(138);
        assert_eq!((wide.title, wide.optional), (60, vec![55, 6]));
        let wider = columns.allocate(400);
        assert_eq!(wider.optional, vec![129, 6], "whole when there is room");
        assert_eq!(
            wider.title,
            400 - 15 - 130 - 7,
            "the title keeps what is left over"
        );
        assert_eq!(columns.full_width(), 2 + 13 + 60 + 2 + 130 + 7);
    }

    /// A column's contents: a few texts, some with characters two cells wide.
    fn contents() -> impl Strategy<Value = Vec<String>> {
        proptest::collection::vec("[a-z ]{0,70}|[a-z漢字]{0,30}", 1..6)
    }

    fn longest(contents: &[String]) -> usize {
        contents.iter().map(|c| text::width(c)).max().unwrap_or(0)
    }

    const HEADERS: [&str; 4] = ["office", "place", "supported at", "ties"];

    proptest::proptest! {
        /// No column is cut while another one has width it does not use; a column is given
        /// at least what it has when room is short, and the columns fill the list.
        #[test]
        fn no_column_is_cut_while_another_has_room_to_spare(
            kind in 1usize..14,
            titles in contents(),
            optional in proptest::collection::vec((contents(), proptest::option::of(4usize..40)), 0..4),
            width in 0u16..320,
        ) {
            let optional_columns = optional.iter().zip(HEADERS).map(|((contents, cap), header)| {
                let column = Column::text(header, longest(contents));
                cap.map_or(column, |cap| column.capped(cap))
            });
            let columns = Columns::new(
                vec![Column::text("kind", kind)],
                "title",
                longest(&titles),
                optional_columns.collect(),
            );
            let widths = columns.allocate(width);
            // Each shown column: what its widest text (or header) needs, and what it is given.
            let needs = std::iter::once((longest(&titles).max(5), usize::from(widths.title)))
                .chain(optional.iter().zip(HEADERS).zip(&widths.optional).map(
                    |(((contents, _), header), &given)| {
                        (longest(contents).max(text::width(header)), usize::from(given))
                    },
                ));
            let needs: Vec<(usize, usize)> = needs.collect();
            let cut = needs.iter().any(|&(need, given)| given < need);
            let unused = needs.iter().any(|&(need, given)| given > need);
            proptest::prop_assert!(!(cut && unused), "{needs:?} in {width}");
            for (column, &given) in columns.optional.iter().zip(&widths.optional) {
                proptest::prop_assert!(given >= column.width && given <= column.natural);
            }
            if width >= columns.leading_width() {
                let optional: u16 = widths.optional.iter().map(|w| w + SPACING).sum();
                proptest::prop_assert_eq!(columns.leading_width() + widths.title + optional, width);
            }
        }
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
