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

/// The fewest characters a shortened title keeps, its ellipsis included: fewer would not say
/// which tab it is.
const MIN_LETTERS: usize = 4;

/// Each tab's title and the columns it covers, relative to the bar's left edge: with counts
/// where they fit, else with the count of the tab on screen alone, else without, else every
/// title shortened alike, else (narrower than the explorer draws) the tab on screen alone named
/// and the others by number.
fn titles(
    counts: &[usize; Tab::ALL.len()],
    active: Tab,
    width: u16,
) -> Vec<(Tab, String, u16, u16)> {
    // The Source and Map tabs list paragraphs and places, not records: a count would read as
    // records.
    let with_counts: Vec<String> = Tab::ALL
        .iter()
        .map(|&tab| match tab {
            Tab::Source | Tab::Map => format!(" {} {} ", tab.index() + 1, tab.title()),
            _ => format!(
                " {} {} {} ",
                tab.index() + 1,
                tab.title(),
                counts[tab.index()]
            ),
        })
        .collect();
    // Titles with a separator between each two.
    let fits = |labels: &[String]| {
        let separators = labels.len().saturating_sub(1);
        labels.iter().map(|t| text::width(t)).sum::<usize>() + separators <= usize::from(width)
    };
    let named: Vec<String> = Tab::ALL
        .iter()
        .map(|tab| format!(" {} {} ", tab.index() + 1, tab.title()))
        .collect();
    // Every title cut to the same length, the longest that lets them all fit: `Timeli…`,
    // `Fundi…`, never a tab named by its number alone while a few letters fit.
    let longest = Tab::ALL.iter().map(|tab| text::width(tab.title())).max();
    let shortened = (MIN_LETTERS..longest.unwrap_or(0))
        .rev()
        .find_map(|letters| {
            let labels: Vec<String> = Tab::ALL
                .iter()
                .map(|tab| {
                    format!(
                        " {} {} ",
                        tab.index() + 1,
                        text::truncate(tab.title(), letters)
                    )
                })
                .collect();
            fits(&labels).then_some(labels)
        });
    // Next, the count of the tab on screen alone: the one a filter changes.
    let active_counted: Vec<String> = Tab::ALL
        .iter()
        .zip(&with_counts)
        .zip(&named)
        .map(|((&tab, counted), named)| match tab == active {
            true => counted.clone(),
            false => named.clone(),
        })
        .collect();
    let labels = if fits(&with_counts) {
        with_counts
    } else if fits(&active_counted) {
        active_counted
    } else if fits(&named) {
        named
    } else if let Some(shortened) = shortened {
        shortened
    } else {
        Tab::ALL
            .iter()
            .map(|&tab| match tab == active {
                true => format!(" {} {} ", tab.index() + 1, tab.title()),
                false => format!(" {} ", tab.index() + 1),
            })
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
pub fn tab_at(
    area: Rect,
    counts: &[usize; Tab::ALL.len()],
    active: Tab,
    column: u16,
) -> Option<Tab> {
    let x = column.checked_sub(area.x)?;
    titles(counts, active, area.width)
        .into_iter()
        .find(|&(_, _, start, end)| (start..end).contains(&x))
        .map(|(tab, ..)| tab)
}

/// The tab bar widget.
pub struct TabBar<'a> {
    /// The tab on screen.
    pub active: Tab,
    /// How many records each tab lists.
    pub counts: &'a [usize; Tab::ALL.len()],
    /// The styles.
    pub theme: &'a Theme,
}

impl Widget for TabBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mut spans = Vec::new();
        for (n, (tab, label, ..)) in titles(self.counts, self.active, area.width)
            .into_iter()
            .enumerate()
        {
            let style = if tab == self.active {
                self.theme.tab_active
            } else {
                self.theme.tab
            };
            if n > 0 {
                spans.push(Span::styled(SEPARATOR, self.theme.dim));
            }
            spans.push(Span::styled(label, style));
        }
        Line::from(spans).render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_the_narrowest_every_tab_keeps_a_name() {
        let counts = [12, 5, 11, 18, 15, 9];
        for active in Tab::ALL {
            let titles = titles(&counts, active, 60);
            for (tab, label, ..) in &titles {
                let name = label.trim().trim_start_matches(char::is_numeric).trim();
                let whole = tab.title().chars().count();
                assert!(
                    name.chars().count() >= MIN_LETTERS.min(whole),
                    "{tab:?}: {label:?}"
                );
            }
        }
    }

    #[test]
    fn every_title_can_be_clicked() {
        let counts = [12, 5, 11, 18, 15, 9];
        for width in [60, 80, 120] {
            for active in Tab::ALL {
                let area = Rect::new(0, 0, width, 1);
                let titles = titles(&counts, active, width);
                let used = titles.last().map_or(0, |&(_, _, _, end)| end);
                assert!(used <= width, "{width}: every title fits");
                for (tab, _, start, end) in titles {
                    assert_eq!(tab_at(area, &counts, active, start), Some(tab));
                    assert_eq!(tab_at(area, &counts, active, end - 1), Some(tab));
                    assert_eq!(tab_at(area, &counts, active, end), None, "the separator");
                }
            }
        }
    }
}
