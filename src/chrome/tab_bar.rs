//! The tab bar: one title per tab, with its number key and record count.

use ratatui::{
    buffer::Buffer,
    layout::Rect,
    text::{Line, Span},
    widgets::Widget,
};

use super::{text, theme::Theme};
use crate::data::Tab;

const SEPARATOR: &str = "│";

/// Each tab's title and the columns it covers, relative to the bar's left edge.
fn titles(counts: &[usize; 4], width: u16) -> Vec<(Tab, String, u16, u16)> {
    let with_counts: Vec<String> = Tab::ALL
        .iter()
        .map(|tab| {
            format!(
                " {} {} {} ",
                tab.index() + 1,
                tab.title(),
                counts[tab.index()]
            )
        })
        .collect();
    let total: usize = with_counts.iter().map(|t| text::width(t) + 1).sum();
    let labels = if total < usize::from(width) {
        with_counts
    } else {
        Tab::ALL
            .iter()
            .map(|tab| format!(" {} {} ", tab.index() + 1, tab.title()))
            .collect()
    };
    let mut x = 0u16;
    Tab::ALL
        .iter()
        .zip(labels)
        .map(|(&tab, label)| {
            let start = x;
            let w = u16::try_from(text::width(&label)).unwrap_or(u16::MAX);
            x = x.saturating_add(w).saturating_add(1);
            (tab, label, start, start.saturating_add(w))
        })
        .collect()
}

/// The tab whose title is at `column` of the bar drawn in `area`.
pub fn tab_at(area: Rect, counts: &[usize; 4], column: u16) -> Option<Tab> {
    let x = column.checked_sub(area.x)?;
    titles(counts, area.width)
        .into_iter()
        .find(|&(_, _, start, end)| (start..end).contains(&x))
        .map(|(tab, ..)| tab)
}

/// The tab bar widget.
pub struct TabBar<'a> {
    /// The tab on screen.
    pub active: Tab,
    /// How many records each tab lists.
    pub counts: &'a [usize; 4],
    /// The styles.
    pub theme: &'a Theme,
}

impl Widget for TabBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mut spans = Vec::new();
        for (tab, label, ..) in titles(self.counts, area.width) {
            let style = if tab == self.active {
                self.theme.tab_active
            } else {
                self.theme.tab
            };
            spans.push(Span::styled(label, style));
            spans.push(Span::styled(SEPARATOR, self.theme.dim));
        }
        Line::from(spans).render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_title_can_be_clicked() {
        let counts = [12, 5, 11, 18];
        for width in [60, 80, 120] {
            let area = Rect::new(0, 0, width, 1);
            let titles = titles(&counts, width);
            for (tab, _, start, end) in titles {
                assert_eq!(tab_at(area, &counts, start), Some(tab));
                assert_eq!(tab_at(area, &counts, end - 1), Some(tab));
                assert_eq!(tab_at(area, &counts, end), None, "the separator");
            }
        }
    }
}
