//! The help overlay: every key, by context, from the one binding table, scrollable when the
//! terminal is short. Its lines are laid out once per width.

use ratatui::{
    buffer::Buffer,
    layout::{Rect, Size},
    widgets::Widget,
};

use std::sync::Arc;

use super::text_page::{PageKeys, TextPage};

use crate::{
    action::{Bindings, Command, Mode, Movement},
    chrome::{
        layout::TextBox,
        styled::{Role, StyledLine},
        text,
        theme::Theme,
    },
};

/// The help of `bindings` wrapped to `width` columns.
pub fn help_lines(bindings: &Bindings, width: u16) -> Vec<StyledLine> {
    let width = usize::from(width).max(1);
    let sections = bindings.help_sections();
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

/// The help overlay: its page of lines.
#[derive(Clone, Debug)]
pub struct HelpOverlay {
    page: TextPage,
    /// The styles it is drawn with.
    pub theme: Theme,
    bindings: Arc<Bindings>,
    keys: PageKeys,
}

impl HelpOverlay {
    /// The help of `bindings` on a terminal of `size`, from its top.
    pub fn new(size: Size, theme: Theme, bindings: Arc<Bindings>) -> Self {
        let width = TextBox::help(size).text.width;
        Self {
            page: TextPage::new(width, help_lines(&bindings, width)),
            theme,
            keys: PageKeys::of(&bindings, Mode::Help, Command::ToggleHelp),
            bindings,
        }
    }

    /// The first line on screen.
    pub fn first_line(&self) -> usize {
        self.page.first_line()
    }

    /// Lays the lines out again when the terminal's new `size` changes their width, and keeps
    /// the scroll within them.
    pub fn resize(&mut self, size: Size) {
        let text = TextBox::help(size).text;
        let bindings = &self.bindings;
        self.page
            .relayout(text.width, text.height, |width| help_lines(bindings, width));
    }

    /// Scrolls by `movement` (or only keeps within the text, for `None`) on a terminal of
    /// `size`.
    pub fn scroll(&mut self, movement: Option<Movement>, size: Size) {
        self.page.scroll(movement, TextBox::help(size).text.height);
    }
}

impl Widget for &HelpOverlay {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let text_box = TextBox::help(area.as_size());
        self.page.render(
            text_box,
            buf,
            (" Keys ", &self.keys),
            &self.theme,
            |width| help_lines(&self.bindings, width),
        );
    }
}
