//! Where everything goes on screen: one pure function of the terminal size, used both to draw
//! and to interpret paging and mouse clicks, so the two never disagree.

use ratatui::layout::{Constraint, Layout, Margin, Rect, Size};

/// The smallest terminal the explorer draws its full layout in.
pub const MIN_SIZE: Size = Size {
    width: 60,
    height: 15,
};

/// From this width on, the list and the detail pane sit side by side.
pub const SIDE_BY_SIDE_WIDTH: u16 = 100;

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

    /// The list and detail panes of the body.
    pub fn panes(&self) -> Panes {
        Panes::new(self.body)
    }
}

/// A tab's list (or chart) and its detail pane, each with a border.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Panes {
    /// The list or chart, border included.
    pub list: Rect,
    /// The detail pane, border included.
    pub detail: Rect,
}

impl Panes {
    /// Side by side from [`SIDE_BY_SIDE_WIDTH`] columns, stacked below that.
    pub fn new(body: Rect) -> Self {
        let [list, detail] = if body.width >= SIDE_BY_SIDE_WIDTH {
            body.layout(&Layout::horizontal([
                Constraint::Percentage(55),
                Constraint::Percentage(45),
            ]))
        } else {
            body.layout(&Layout::vertical([
                Constraint::Percentage(45),
                Constraint::Percentage(55),
            ]))
        };
        Self { list, detail }
    }

    /// The rows of the list, inside its border.
    pub fn list_rows(&self) -> Rect {
        inside_border(self.list)
    }

    /// The text of the detail pane, inside its border.
    pub fn detail_text(&self) -> Rect {
        inside_border(self.detail)
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

/// The search overlay: the box, the prompt line and the results below it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SearchOverlay {
    /// The whole box, border included.
    pub frame: Rect,
    /// The line where the query is typed.
    pub prompt: Rect,
    /// The result lines.
    pub results: Rect,
}

impl SearchOverlay {
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
            frame,
            prompt,
            results,
        }
    }
}

/// The help overlay's box and the text inside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HelpOverlay {
    /// The whole box, border included.
    pub frame: Rect,
    /// The text.
    pub text: Rect,
}

impl HelpOverlay {
    /// The overlay for a terminal of `size`.
    pub fn new(size: Size) -> Self {
        let area = Rect::new(0, 0, size.width, size.height);
        let frame = centered(area, 72, 40);
        Self {
            frame,
            text: inside_border(frame),
        }
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
        let wide = Screen::new(Size::new(120, 40)).unwrap().panes();
        assert_eq!(wide.list.y, wide.detail.y);
        let narrow = Screen::new(Size::new(99, 40)).unwrap().panes();
        assert_eq!(narrow.list.x, narrow.detail.x);
        assert!(narrow.detail.y > narrow.list.y);
    }

    #[test]
    fn overlays_fit_any_size() {
        for (width, height) in [(0, 0), (1, 1), (5, 3), (60, 15), (300, 100)] {
            let size = Size::new(width, height);
            let area = Rect::new(0, 0, width, height);
            for frame in [SearchOverlay::new(size).frame, HelpOverlay::new(size).frame] {
                assert_eq!(area.union(frame), area, "{frame:?} outside {area:?}");
            }
        }
    }
}
