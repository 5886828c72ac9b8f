//! The Funding tab's second chart: the totals by category, drawn to the projects' scale, the
//! selected project's category marked with a mark of its own (the list's `▶` is the one
//! selection). When the terminal is too short for all of them, the
//! chart keeps the marked one in view and its border says how many are left out.

use ratatui::{
    buffer::Buffer,
    layout::Rect,
    text::{Line, Span},
    widgets::{Block, Widget},
};

use super::chart::{ChartExtent, ChartScale};
use crate::{
    chrome::theme::Theme,
    data::{CategoryTotal, Mark, SHARE_OF_SUM},
};

/// The mark of the selected project's category; as wide as the list's selection marker.
const CATEGORY_MARKER: &str = "• ";

/// The second chart's lines: the totals by category and their labels.
#[derive(Clone, Copy)]
pub struct Categories<'a> {
    /// The totals, largest first.
    pub totals: &'a [CategoryTotal],
    /// Each one's label: its name and how many projects it has.
    pub labels: &'a [String],
}

impl Categories<'_> {
    /// What the chart holds, to share a scale with the projects.
    pub fn extent(&self) -> ChartExtent {
        ChartExtent::of(
            self.labels
                .iter()
                .zip(self.totals)
                .map(|(label, total)| (label.as_str(), total.amount)),
        )
    }
}

/// Draws the chart in `area`, border included, marking the category named `selected`.
pub fn render_categories(
    area: Rect,
    buf: &mut Buffer,
    categories: Categories,
    selected: Option<&str>,
    scale: &ChartScale,
    theme: &Theme,
) {
    let mut block = Block::bordered()
        .border_style(theme.border)
        .title(Line::styled(
            // Both marks the chart carries: what a category is, and what its totals are.
            format!(
                " By category ({}) · totals {} ",
                Mark::Classification.short(),
                SHARE_OF_SUM.short()
            ),
            theme.pane_title,
        ));
    let count = categories.totals.len();
    let height = usize::from(area.height.saturating_sub(2));
    let shown = count.min(height);
    if shown < count {
        // Nothing is left out unsaid.
        block =
            block.title_bottom(Line::from(format!(" +{} more ", count - shown)).right_aligned());
    }
    let inner = block.inner(area);
    block.render(area, buf);
    let chosen = categories
        .totals
        .iter()
        .position(|category| selected == Some(category.name.as_str()));
    // The marked category stays in view.
    let first = chosen.map_or(0, |chosen| (chosen + 1).saturating_sub(shown));
    let total: u128 = categories.totals.iter().map(|c| c.amount).sum();
    let lines = categories
        .totals
        .iter()
        .zip(categories.labels)
        .enumerate()
        .skip(first)
        .take(shown);
    for ((index, (category, label)), y) in lines.zip(inner.y..inner.bottom()) {
        let line_area = Rect {
            y,
            height: 1,
            ..inner
        };
        let marked = chosen == Some(index);
        let marker = if marked { CATEGORY_MARKER } else { "  " };
        let mut line = scale.line(label, category.amount, total, theme);
        line.spans.insert(0, Span::raw(marker));
        if marked {
            // Bold, as a label is: reversed is the selected row's look.
            line = line.style(theme.label);
        }
        line.render(line_area, buf);
    }
}
