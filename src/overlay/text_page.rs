//! A page of wrapped lines in a box over the tabs, as the help and the quick look show theirs:
//! laid out once per width, scrolled a line or a page at a time within the text, and drawn with
//! where it is and how to close it.

use ratatui::{
    buffer::Buffer,
    text::Line,
    widgets::{Block, Clear, Paragraph, Widget},
};

use crate::{
    action::{Bindings, Command, Mode, Movement},
    chrome::{layout::TextBox, styled::StyledLine, theme::Theme},
};

/// The keys a page's border names, from the bindings in force: how to scroll it
/// (`j/k scroll`) and how to close it (`Esc close`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageKeys {
    /// How to scroll.
    pub scroll: String,
    /// How to close.
    pub close: String,
}

impl PageKeys {
    /// The keys of the page shown in `mode` and closed by `close`, as its status-bar hints
    /// name them.
    pub fn of(bindings: &Bindings, mode: Mode, close: Command) -> Self {
        Self {
            scroll: bindings.hint(mode, Command::MoveDown).unwrap_or_default(),
            close: bindings.hint(mode, close).unwrap_or_default(),
        }
    }
}

/// Lines laid out for one width, and the first one on screen.
#[derive(Clone, Debug)]
pub struct TextPage {
    width: u16,
    lines: Vec<StyledLine>,
    first: usize,
}

impl TextPage {
    /// `lines`, laid out for `width`, from their top.
    pub fn new(width: u16, lines: Vec<StyledLine>) -> Self {
        Self {
            width,
            lines,
            first: 0,
        }
    }

    /// The lines as laid out.
    pub fn lines(&self) -> &[StyledLine] {
        &self.lines
    }

    /// The first line on screen.
    pub fn first_line(&self) -> usize {
        self.first
    }

    /// Lays the lines out again with `build` when `width` is another than theirs, and keeps
    /// the first line within them for a box of `height` lines.
    pub fn relayout(
        &mut self,
        width: u16,
        height: u16,
        build: impl FnOnce(u16) -> Vec<StyledLine>,
    ) {
        if width != self.width {
            self.width = width;
            self.lines = build(width);
        }
        self.scroll(None, height);
    }

    /// Scrolls by `movement` (or only keeps within the text, for `None`) in a box of `height`
    /// lines.
    pub fn scroll(&mut self, movement: Option<Movement>, height: u16) {
        let page = usize::from(height.max(1));
        let last = self.lines.len().saturating_sub(page);
        self.first = movement.map_or(self.first, |movement| {
            movement.apply(self.first, last, page)
        });
        self.first = self.first.min(last);
    }

    /// Draws the page in `text_box` under `title`, with where it is and `keys` (how to scroll
    /// and close it): the kept lines when the box is their width, else `build`'s for this
    /// frame.
    pub fn render(
        &self,
        text_box: TextBox,
        buf: &mut Buffer,
        (title, keys): (&str, &PageKeys),
        theme: &Theme,
        build: impl FnOnce(u16) -> Vec<StyledLine>,
    ) {
        let built;
        let lines: &[StyledLine] = if text_box.text.width == self.width {
            &self.lines
        } else {
            built = build(text_box.text.width);
            &built
        };
        let height = usize::from(text_box.text.height);
        let first = self.first.min(lines.len().saturating_sub(height));
        let mut parts = Vec::new();
        if lines.len() > height {
            parts.push(format!(
                "{}–{} of {}",
                first + 1,
                (first + height).min(lines.len()),
                lines.len()
            ));
            parts.push(keys.scroll.clone());
        }
        parts.push(keys.close.clone());
        parts.retain(|part| !part.is_empty());
        let position = format!(" {} ", parts.join(" · "));
        Clear.render(text_box.margin, buf);
        Block::bordered()
            .border_style(theme.pane_title)
            .title(Line::styled(title, theme.pane_title))
            .title_bottom(Line::from(position).right_aligned())
            .render(text_box.frame, buf);
        let visible: Vec<Line> = lines
            .iter()
            .skip(first)
            .take(height)
            .map(|line| line.to_line(theme, false))
            .collect();
        Paragraph::new(visible).render(text_box.text, buf);
    }
}
