//! The help overlay: every key, by context, scrollable when the terminal is short.

use ratatui::{
    buffer::Buffer,
    layout::Size,
    text::{Line, Span},
    widgets::{Block, Clear, Paragraph, Widget},
};

use crate::chrome::{text, theme::Theme};
use crate::{chrome::layout::TextOverlay, keys::KEY_SECTIONS};

/// The help text wrapped to `width` columns.
pub fn help_lines(width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let width = usize::from(width).max(1);
    let keys_width = KEY_SECTIONS
        .iter()
        .flat_map(|section| section.keys.iter())
        .map(|(keys, _)| text::width(keys))
        .max()
        .unwrap_or(0)
        .min(width / 3)
        + 2;
    let mut lines = Vec::new();
    for (number, section) in KEY_SECTIONS.iter().enumerate() {
        if number > 0 {
            lines.push(Line::default());
        }
        lines.push(Line::styled(section.title, theme.heading));
        for (keys, what) in section.keys {
            let description = text::wrap(what, width.saturating_sub(keys_width + 1));
            for (row, part) in description.into_iter().enumerate() {
                let lead = if row == 0 {
                    format!(" {}", text::fit(keys, keys_width))
                } else {
                    " ".repeat(keys_width + 1)
                };
                lines.push(Line::from(vec![
                    Span::styled(lead, theme.label),
                    Span::raw(part),
                ]));
            }
        }
    }
    lines
}

/// Draws the help overlay from line `scroll`.
pub fn render_help(size: Size, buf: &mut Buffer, scroll: usize, theme: &Theme) {
    let overlay = TextOverlay::help(size);
    let lines = help_lines(overlay.text.width, theme);
    let height = usize::from(overlay.text.height);
    let scroll = scroll.min(lines.len().saturating_sub(height));
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
    let visible: Vec<Line> = lines.into_iter().skip(scroll).take(height).collect();
    Paragraph::new(visible).render(overlay.text, buf);
}
