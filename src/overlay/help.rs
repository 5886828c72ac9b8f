//! The help overlay: every key, by context, from the one binding table, scrollable when the
//! terminal is short. Its lines are laid out once per width.

use ratatui::{
    buffer::Buffer,
    layout::{Rect, Size},
    text::Line,
    widgets::{Block, Clear, Paragraph, Widget},
};

use crate::{
    action::{Movement, bindings::help_sections},
    chrome::{
        layout::TextBox,
        styled::{Role, StyledLine},
        text,
        theme::Theme,
    },
};

/// The help text wrapped to `width` columns.
pub fn help_lines(width: u16) -> Vec<StyledLine> {
    let width = usize::from(width).max(1);
    let sections = help_sections();
    let keys_width = sections
        .iter()
        .flat_map(|section| section.entries.iter())
        .map(|(keys, _)| text::width(keys))
        .max()
        .unwrap_or(0)
        .min(width / 3)
        + 2;
    let mut lines = Vec::new();
    for (number, section) in sections.iter().enumerate() {
        if number > 0 {
            lines.push(StyledLine::default());
        }
        lines.push(StyledLine::styled(section.title, Role::Heading));
        for (keys, what) in &section.entries {
            let description = text::wrap(what, width.saturating_sub(keys_width + 1));
            for (row, part) in description.into_iter().enumerate() {
                let lead = if row == 0 {
                    format!(" {}", text::fit(keys, keys_width))
                } else {
                    " ".repeat(keys_width + 1)
                };
                lines.push(StyledLine::from_spans(vec![
                    (Role::Label, lead),
                    (Role::Plain, part),
                ]));
            }
        }
    }
    lines
}

/// The help overlay: its lines for one width and the first line on screen.
#[derive(Clone, Debug)]
pub struct HelpOverlay {
    /// The width the lines are wrapped to.
    width: u16,
    /// The lines.
    lines: Vec<StyledLine>,
    /// The first line on screen.
    pub scroll: usize,
    /// The styles it is drawn with.
    pub theme: Theme,
}

impl HelpOverlay {
    /// The help on a terminal of `size`, from its top.
    pub fn new(size: Size, theme: Theme) -> Self {
        let width = TextBox::help(size).text.width;
        Self {
            width,
            lines: help_lines(width),
            scroll: 0,
            theme,
        }
    }

    /// Lays the lines out again when the terminal's new `size` changes their width, and keeps
    /// the scroll within them.
    pub fn resize(&mut self, size: Size) {
        let width = TextBox::help(size).text.width;
        if width != self.width {
            self.width = width;
            self.lines = help_lines(width);
        }
        self.scroll(None, size);
    }

    /// Scrolls by `movement` (or only keeps within the text, for `None`) on a terminal of
    /// `size`.
    pub fn scroll(&mut self, movement: Option<Movement>, size: Size) {
        let page = usize::from(TextBox::help(size).text.height.max(1));
        let last = self.lines.len().saturating_sub(page);
        self.scroll = movement.map_or(self.scroll, |movement| {
            movement.apply(self.scroll, last, page)
        });
        self.scroll = self.scroll.min(last);
    }
}

impl Widget for &HelpOverlay {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let overlay = TextBox::help(area.as_size());
        let built;
        let lines: &[StyledLine] = if overlay.text.width == self.width {
            &self.lines
        } else {
            built = help_lines(overlay.text.width);
            &built
        };
        let theme = &self.theme;
        let height = usize::from(overlay.text.height);
        let scroll = self.scroll.min(lines.len().saturating_sub(height));
        let more = if lines.len() > height {
            format!(
                " {}–{} of {} · j/k scroll · Esc close ",
                scroll + 1,
                (scroll + height).min(lines.len()),
                lines.len()
            )
        } else {
            " Esc close ".to_string()
        };
        Clear.render(overlay.frame, buf);
        Block::bordered()
            .border_style(theme.pane_title)
            .title(Line::styled(" Keys ", theme.pane_title))
            .title_bottom(Line::from(more).right_aligned())
            .render(overlay.frame, buf);
        let visible: Vec<Line> = lines
            .iter()
            .skip(scroll)
            .take(height)
            .map(|line| line.to_line(theme, false))
            .collect();
        Paragraph::new(visible).render(overlay.text, buf);
    }
}
