//! Where everything goes on screen: one pure function of the terminal size, used both to draw
//! and to interpret paging and mouse clicks, so the two never disagree.

use ratatui::layout::{Constraint, Layout, Margin, Rect, Size};

/// The smallest terminal the explorer draws its full layout in.
pub const MIN_SIZE: Size = Size {
    width: 60,
    height: 15,
};

/// The largest terminal the explorer draws in: a larger one is drawn in its top-left corner at
/// this size, so the memory a frame takes stays bounded whatever size the terminal reports.
pub const MAX_SIZE: Size = Size {
    width: 1000,
    height: 1000,
};

/// `size`, no larger than [`MAX_SIZE`] either way.
pub fn capped(size: Size) -> Size {
    Size {
        width: size.width.min(MAX_SIZE.width),
        height: size.height.min(MAX_SIZE.height),
    }
}

/// From this width on, the list and the detail pane sit side by side, when the list's
/// titles can be read whole there.
pub const SIDE_BY_SIDE_WIDTH: u16 = 100;

/// The narrowest detail pane beside a list: a quote wrapped narrower reads badly.
pub const DETAIL_MIN_WIDTH: u16 = 44;

/// The three bands of the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Screen {
    /// The tab bar, one line.
    pub tabs: Rect,
    /// The current tab.
    pub body: Rect,
    /// The status bar, one line.
    pub status: Rect,
}

impl Screen {
    /// The layout for a terminal of `size`, or `None` when it is smaller than [`MIN_SIZE`].
    pub fn new(size: Size) -> Option<Self> {
        if size.width < MIN_SIZE.width || size.height < MIN_SIZE.height {
            return None;
        }
        let area = Rect::new(0, 0, size.width, size.height);
        let [tabs, body, status] = area.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
        ]));
        Some(Self { tabs, body, status })
    }

    /// The panes of the body for a tab that adds `extras`.
    pub fn panes(&self, extras: TabExtras) -> Panes {
        Panes::new(self.body, extras)
    }
}

/// What a tab adds to the plain list-and-detail layout.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TabExtras {
    /// Lines at the top of the list pane, above its rows (the timeline strip).
    pub header_lines: u16,
    /// Rows of a second chart under the list (the funding categories); 0 for none.
    pub second_chart_rows: u16,
    /// The list's width, border included, at which its titles read whole; 0 when any width
    /// will do. Side by side, the list gets at least this much, or the panes are stacked.
    pub list_readable: u16,
    /// The list's width, border included, with every column it can add; it gets no more.
    pub list_full: u16,
    /// The width inside the list's border from which it shows more columns than the title,
    /// and so a header row naming them (0: never).
    pub column_header_from: u16,
    /// Rows the list holds: stacked, a list that needs fewer rows than its share gives the
    /// rest to the pane below it (the second chart, which then sits right under the rows, or
    /// the detail pane); 0 lets the list take all its share.
    pub list_rows: u16,
    /// The share of the body's height, in percent, that a picture across its whole width
    /// takes above the list and the detail pane (the Map tab's map); 0 for none.
    pub band_share: u16,
}

/// The fewest lines a band leaves under it for the list and the detail pane: a border and a
/// row each.
const UNDER_BAND_MIN: u16 = 6;

/// A tab's list (or chart), an optional second chart, and the detail pane, each bordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Panes {
    /// The list or chart, border included.
    pub list: Rect,
    /// Lines inside the list's border above its rows.
    pub header: Rect,
    /// The list's header row naming its columns, when it shows more than the title.
    pub column_header: Option<Rect>,
    /// The list's rows.
    pub rows: Rect,
    /// A second chart under the list, border included.
    pub second: Option<Rect>,
    /// The detail pane, border included.
    pub detail: Rect,
    /// The picture across the body above the other panes, border included, when the tab
    /// has one.
    pub band: Option<Rect>,
}

impl Panes {
    /// Side by side from [`SIDE_BY_SIDE_WIDTH`] columns when the list's titles can be read
    /// there beside a detail pane of [`DETAIL_MIN_WIDTH`], stacked otherwise.
    pub fn new(body: Rect, extras: TabExtras) -> Self {
        let (band, body) = match extras.band_share {
            0 => (None, body),
            share => {
                let wanted =
                    u16::try_from(u32::from(body.height) * u32::from(share.min(100)) / 100)
                        .unwrap_or(body.height);
                let height = wanted.min(body.height.saturating_sub(UNDER_BAND_MIN));
                let [band, rest] = body.layout(&Layout::vertical([
                    Constraint::Length(height),
                    Constraint::Fill(1),
                ]));
                (Some(band), rest)
            }
        };
        let with_second = extras.second_chart_rows > 0;
        let [column, detail] = if let Some(list_width) = side_by_side_width(body.width, extras) {
            body.layout(&Layout::horizontal([
                Constraint::Length(list_width),
                Constraint::Fill(1),
            ]))
        } else {
            // A strip or a second chart needs room of its own, not only the list's.
            let list_share = match (with_second, extras.header_lines > 0) {
                (true, _) => 60,
                (false, true) => 50,
                (false, false) => 45,
            };
            body.layout(&Layout::vertical([
                Constraint::Percentage(list_share),
                Constraint::Fill(1),
            ]))
        };
        let stacked = detail.x == column.x;
        let wants_column_header = extras.column_header_from > 0
            && column.width.saturating_sub(2) >= extras.column_header_from;
        // The header row shows over two rows or more (see below), and takes a line of its own.
        let column_header_wanted = u16::from(wants_column_header && extras.list_rows >= 2);
        let list_wanted = match extras.list_rows {
            0 => column.height,
            rows => rows
                .saturating_add(extras.header_lines)
                .saturating_add(column_header_wanted)
                .saturating_add(2),
        };
        let (list, second, detail) = if with_second {
            // The chart gets half the column, or more when the list needs less.
            let second_height = extras
                .second_chart_rows
                .saturating_add(2)
                .min((column.height / 2).max(column.height.saturating_sub(list_wanted)));
            let list_height = list_wanted.min(column.height.saturating_sub(second_height));
            let [list, second, _] = column.layout(&Layout::vertical([
                Constraint::Length(list_height),
                Constraint::Length(second_height),
                Constraint::Fill(1),
            ]));
            // Stacked, what the two charts leave goes to the detail pane below them.
            let detail = match stacked {
                true => below(second, detail),
                false => detail,
            };
            (list, Some(second), detail)
        } else if stacked {
            // A short list leaves no blank rows: the detail pane below has them.
            let list = Rect {
                height: column.height.min(list_wanted),
                ..column
            };
            (list, None, below(list, detail))
        } else {
            (column, None, detail)
        };
        let inner = inside_border(list);
        let header_lines = extras.header_lines.min(inner.height.saturating_sub(1));
        // The header row is the first thing given up on a short list: rows come first.
        let column_header_lines =
            u16::from(wants_column_header && inner.height.saturating_sub(header_lines) > 2);
        let [header, column_header, rows] = inner.layout(&Layout::vertical([
            Constraint::Length(header_lines),
            Constraint::Length(column_header_lines),
            Constraint::Fill(1),
        ]));
        Self {
            list,
            header,
            column_header: (column_header_lines > 0).then_some(column_header),
            rows,
            second,
            detail,
            band,
        }
    }

    /// The rows of the list, inside its border and below its header.
    pub fn list_rows(&self) -> Rect {
        self.rows
    }

    /// The text of the detail pane, inside its border.
    pub fn detail_text(&self) -> Rect {
        inside_border(self.detail)
    }
}

/// The list's width beside the detail pane in a body `width` wide, or `None` when the two
/// are better stacked: the list takes what its columns want, at least half, leaving the
/// detail pane [`DETAIL_MIN_WIDTH`] or 30%, whichever is more.
fn side_by_side_width(width: u16, extras: TabExtras) -> Option<u16> {
    if width < SIDE_BY_SIDE_WIDTH || width.saturating_sub(extras.list_readable) < DETAIL_MIN_WIDTH {
        return None;
    }
    if extras.list_full == 0 {
        return Some(width * 11 / 20);
    }
    let detail_min = DETAIL_MIN_WIDTH.max(width * 3 / 10);
    let most = width.saturating_sub(detail_min).max(extras.list_readable);
    Some(extras.list_full.max(width / 2).min(most))
}

/// `pane` grown upwards to start right under `above`, in the same column.
fn below(above: Rect, pane: Rect) -> Rect {
    let top = above.bottom().min(pane.bottom());
    Rect {
        y: top,
        height: pane.bottom() - top,
        ..pane
    }
}

/// The line a filter is typed on: a list's bottom border, inside its corners.
pub fn filter_line(list: Rect) -> Rect {
    Rect {
        x: list.x.saturating_add(1),
        y: list.bottom().saturating_sub(1),
        width: list.width.saturating_sub(2),
        height: u16::from(list.height > 0),
    }
}

/// The area inside a one-cell border.
pub fn inside_border(area: Rect) -> Rect {
    area.inner(Margin::new(1, 1))
}

/// A box of at most `width` × `height` centred in `area`, leaving a margin where it can.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width
        .min(area.width.saturating_sub(4))
        .max(area.width.min(20));
    let height = height
        .min(area.height.saturating_sub(2))
        .max(area.height.min(5));
    Rect {
        x: area.x + (area.width.saturating_sub(width)) / 2,
        y: area.y + (area.height.saturating_sub(height)) / 2,
        width: width.min(area.width),
        height: height.min(area.height),
    }
}

/// `frame` and the ring of cells round it, within `area` less its first and last rows (the
/// tab bar and the status bar, which stay readable): what a box over the tabs clears before it
/// draws, so no letter of the pane underneath sits against its border.
pub fn with_margin(frame: Rect, area: Rect) -> Rect {
    let between_bars = Rect {
        y: area.y.saturating_add(1),
        height: area.height.saturating_sub(2),
        ..area
    };
    let ring = frame.outer(Margin::new(1, 1)).intersection(between_bars);
    match ring.is_empty() || frame.is_empty() {
        true => frame,
        false => ring.union(frame),
    }
}

/// The search overlay: the box, the prompt line and the results below it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SearchBox {
    /// The box and the one-cell margin round it, cleared before it is drawn.
    pub margin: Rect,
    /// The whole box, border included.
    pub frame: Rect,
    /// The line where the query is typed.
    pub prompt: Rect,
    /// The result lines.
    pub results: Rect,
}

impl SearchBox {
    /// The overlay for a terminal of `size`.
    pub fn new(size: Size) -> Self {
        let area = Rect::new(0, 0, size.width, size.height);
        let frame = centered(area, 100, size.height.saturating_sub(4).max(10));
        let inner = inside_border(frame);
        let [prompt, _rule, results] = inner.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Fill(1),
        ]));
        Self {
            margin: with_margin(frame, area),
            frame,
            prompt,
            results,
        }
    }
}

/// A box of text over the screen (help, source) and the text area inside its border.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextBox {
    /// The box and the one-cell margin round it, cleared before it is drawn.
    pub margin: Rect,
    /// The whole box, border included.
    pub frame: Rect,
    /// The text.
    pub text: Rect,
}

impl TextBox {
    fn new(size: Size, width: u16, height: u16) -> Self {
        let area = Rect::new(0, 0, size.width, size.height);
        let frame = centered(area, width, height);
        Self {
            margin: with_margin(frame, area),
            frame,
            text: inside_border(frame),
        }
    }

    /// The help overlay for a terminal of `size`: tall enough for the whole help, with a few
    /// rows to spare, on a tall terminal.
    pub fn help(size: Size) -> Self {
        Self::new(size, 76, 128)
    }

    /// The source view for a terminal of `size`: wide enough for a paragraph to read well.
    pub fn source(size: Size) -> Self {
        Self::new(size, 96, size.height.saturating_sub(2))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_small_has_no_layout() {
        assert!(Screen::new(Size::new(59, 24)).is_none());
        assert!(Screen::new(Size::new(80, 14)).is_none());
        assert!(Screen::new(Size::new(0, 0)).is_none());
        assert!(Screen::new(MIN_SIZE).is_some());
    }

    #[test]
    fn side_by_side_from_100_columns() {
        let wide = Screen::new(Size::new(120, 40))
            .unwrap()
            .panes(TabExtras::default());
        assert_eq!(wide.list.y, wide.detail.y);
        let narrow = Screen::new(Size::new(99, 40))
            .unwrap()
            .panes(TabExtras::default());
        assert_eq!(narrow.list.x, narrow.detail.x);
        assert!(narrow.detail.y > narrow.list.y);
    }

    #[test]
    fn extras_take_their_space_from_the_list() {
        let screen = Screen::new(Size::new(80, 24)).unwrap();
        let plain = screen.panes(TabExtras::default());
        let strip = screen.panes(TabExtras {
            header_lines: 2,
            ..TabExtras::default()
        });
        assert_eq!(strip.header.height, 2);
        assert_eq!(strip.header.y, plain.rows.y);
        assert_eq!(strip.rows.y, strip.header.bottom());
        assert!(
            strip.list.height > plain.list.height,
            "a strip earns the list more room"
        );
        let grouped = screen.panes(TabExtras {
            second_chart_rows: 3,
            ..TabExtras::default()
        });
        let second = grouped.second.unwrap();
        assert_eq!(second.height, 5);
        assert_eq!(second.y, grouped.list.bottom());
        assert!(grouped.detail.y >= second.bottom());
    }

    #[test]
    fn a_list_is_stacked_until_its_titles_fit_beside_the_detail() {
        let extras = TabExtras {
            list_readable: 84,
            list_full: 116,
            ..TabExtras::default()
        };
        let panes = |width| Screen::new(Size::new(width, 40)).unwrap().panes(extras);
        for width in [100, 120] {
            let stacked = panes(width);
            assert_eq!(stacked.list.width, width, "{width}");
            assert!(stacked.detail.y > stacked.list.y);
        }
        let side = panes(130);
        assert_eq!((side.list.width, side.detail.width), (86, 44));
        let wide = panes(200);
        assert_eq!((wide.list.width, wide.detail.width), (116, 84));
        assert_eq!(side.list.y, side.detail.y);
    }

    #[test]
    fn the_header_row_comes_with_the_columns_it_names() {
        let extras = TabExtras {
            column_header_from: 100,
            ..TabExtras::default()
        };
        let narrow = Screen::new(Size::new(80, 24)).unwrap().panes(extras);
        assert_eq!(narrow.column_header, None);
        let wide = Screen::new(Size::new(102, 24)).unwrap();
        let wide = Panes::new(
            wide.body,
            TabExtras {
                list_readable: 200,
                ..extras
            },
        );
        let header = wide.column_header.unwrap();
        assert_eq!(header.y + 1, wide.rows.y);
        assert_eq!(header.width, wide.rows.width);
    }

    #[test]
    fn a_second_chart_sits_right_under_a_short_list() {
        let extras = TabExtras {
            second_chart_rows: 3,
            list_rows: 5,
            ..TabExtras::default()
        };
        for (width, height) in [(60, 15), (80, 24), (120, 40), (200, 60)] {
            let panes = Screen::new(Size::new(width, height)).unwrap().panes(extras);
            let second = panes.second.unwrap();
            assert_eq!(second.y, panes.list.bottom(), "{width}x{height}");
            assert!(
                panes.list.height <= 7,
                "no empty rows in the list at {width}x{height}"
            );
            if width < SIDE_BY_SIDE_WIDTH {
                assert_eq!(panes.detail.y, second.bottom(), "{width}x{height}");
            } else {
                assert_eq!(second.height, 5, "the whole chart at {width}x{height}");
            }
        }
        let tall = Screen::new(Size::new(200, 60)).unwrap().panes(TabExtras {
            list_rows: 500,
            ..extras
        });
        assert_eq!(
            tall.second.unwrap().bottom(),
            tall.detail.bottom(),
            "a long list fills"
        );
    }

    #[test]
    fn a_short_list_gives_the_rows_it_does_not_need_to_the_detail_pane() {
        let short = TabExtras {
            list_rows: 5,
            ..TabExtras::default()
        };
        for (width, height) in [(60, 15), (80, 24), (99, 40)] {
            let screen = Screen::new(Size::new(width, height)).unwrap();
            let (plain, panes) = (screen.panes(TabExtras::default()), screen.panes(short));
            assert_eq!(
                panes.list.height,
                plain.list.height.min(7),
                "{width}x{height}"
            );
            assert_eq!(panes.detail.y, panes.list.bottom(), "{width}x{height}");
            assert_eq!(
                panes.detail.bottom(),
                screen.body.bottom(),
                "{width}x{height}"
            );
        }
        // With a header row and a strip, each takes its line.
        let strip = TabExtras {
            header_lines: 2,
            column_header_from: 40,
            ..short
        };
        let panes = Screen::new(Size::new(80, 40)).unwrap().panes(strip);
        assert_eq!(panes.rows.height, 5);
        assert!(panes.column_header.is_some());
        assert_eq!(panes.list.height, 5 + 2 + 1 + 2);
        // A long list keeps its share; side by side, the list keeps the whole height.
        let long = TabExtras {
            list_rows: 500,
            ..TabExtras::default()
        };
        let screen = Screen::new(Size::new(80, 24)).unwrap();
        assert_eq!(screen.panes(long), screen.panes(TabExtras::default()));
        let side = Screen::new(Size::new(200, 60)).unwrap().panes(short);
        assert_eq!(side.list.height, side.detail.height);
    }

    #[test]
    fn overlays_fit_any_size() {
        for (width, height) in [(0, 0), (1, 1), (5, 3), (60, 15), (300, 100)] {
            let size = Size::new(width, height);
            let area = Rect::new(0, 0, width, height);
            for frame in [
                SearchBox::new(size).frame,
                TextBox::help(size).frame,
                TextBox::source(size).frame,
            ] {
                assert_eq!(area.union(frame), area, "{frame:?} outside {area:?}");
            }
        }
    }
}
