//! What both Funding charts are drawn with: a bar in eighths of a cell, the columns of a chart
//! line, and the one scale the two share, so an amount draws the same bar in either and the
//! projects can be read against the totals by category.

use ratatui::text::{Line, Span};

use crate::{
    chrome::{text, theme::Theme},
    format::{format_share, format_usd},
};

const PARTIAL_BLOCKS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
const SHARE_WIDTH: usize = 6;
const MIN_BAR: usize = 10;
const INDENT: &str = "  ";

/// A bar of `width` cells for `amount` out of `largest`, in eighths of a cell; a positive amount
/// always shows at least a sliver.
pub fn bar(amount: u128, largest: u128, width: usize) -> String {
    if width == 0 || largest == 0 {
        return String::new();
    }
    let cells = width as u128 * 8;
    // amount ≤ largest, so amount * cells fits unless both are near u128::MAX; then scale down.
    let eighths = match amount.checked_mul(cells) {
        Some(product) => product.saturating_add(largest / 2) / largest,
        None => amount / (largest / cells).max(1),
    };
    let eighths = usize::try_from(eighths)
        .unwrap_or(usize::MAX)
        .min(width * 8);
    let eighths = if amount > 0 { eighths.max(1) } else { 0 };
    let mut out = "█".repeat(eighths / 8);
    out.push_str(PARTIAL_BLOCKS[eighths % 8]);
    out
}

/// What a chart's lines hold: the longest label, the widest amount and the largest amount.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ChartExtent {
    label: usize,
    amount: usize,
    largest: u128,
}

impl ChartExtent {
    /// The extent of lines with these labels and amounts.
    pub fn of<'a>(lines: impl IntoIterator<Item = (&'a str, u128)>) -> Self {
        lines
            .into_iter()
            .fold(Self::default(), |extent, (label, amount)| Self {
                label: extent.label.max(text::width(label)),
                amount: extent.amount.max(text::width(&format_usd(amount))),
                largest: extent.largest.max(amount),
            })
    }

    /// The same, with a full bar standing for at least `largest`.
    pub fn with_largest(self, largest: u128) -> Self {
        Self {
            largest: self.largest.max(largest),
            ..self
        }
    }

    /// What two charts hold together.
    pub fn with(self, other: Self) -> Self {
        Self {
            label: self.label.max(other.label),
            amount: self.amount.max(other.amount),
            largest: self.largest.max(other.largest),
        }
    }
}

/// The columns of a chart line (label, bar, amount, share) and the amount a full bar stands
/// for. Both charts are drawn with one, so the cells per US dollar are the same in each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChartScale {
    label: usize,
    bar: usize,
    amount: usize,
    largest: u128,
}

impl ChartScale {
    /// Lines of `width` columns for what `extent` holds: labels take what the bars can spare,
    /// down to a bar of [`MIN_BAR`] cells.
    pub fn fit(width: usize, extent: ChartExtent) -> Self {
        // The label is followed by a space, the bar by another, the amount by the share.
        let fixed = INDENT.len() + 1 + 1 + extent.amount + 1 + SHARE_WIDTH;
        let label = extent
            .label
            .min(width.saturating_sub(fixed + MIN_BAR))
            .max(6.min(width));
        Self {
            label,
            bar: width.saturating_sub(fixed + label),
            amount: extent.amount,
            largest: extent.largest,
        }
    }

    /// One line of a chart: label, bar, amount, and its share of `total`.
    pub fn line(&self, label: &str, amount: u128, total: u128, theme: &Theme) -> Line<'static> {
        let drawn = bar(amount.min(self.largest), self.largest, self.bar);
        let padding = self.bar.saturating_sub(text::width(&drawn));
        let width = self.amount;
        Line::from(vec![
            Span::raw(INDENT),
            Span::raw(text::fit(label, self.label)),
            Span::raw(" "),
            Span::styled(drawn, theme.bar),
            Span::raw(" ".repeat(padding + 1)),
            Span::raw(format!("{:>width$}", format_usd(amount))),
            Span::styled(
                format!(" {:>SHARE_WIDTH$}", format_share(amount, total)),
                theme.dim,
            ),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_amount() {
        assert_eq!(bar(20, 20, 10), "█".repeat(10));
        assert_eq!(bar(10, 20, 10), "█".repeat(5));
        assert_eq!(bar(15, 20, 10), format!("{}▌", "█".repeat(7)));
        assert_eq!(bar(1, 1_000_000, 10), "▏", "a tiny amount still shows");
        assert_eq!(bar(5, 10, 0), "");
        assert_eq!(bar(u128::MAX, u128::MAX, 3), "███");
    }

    #[test]
    fn two_charts_share_the_columns_and_the_largest_amount() {
        let projects = ChartExtent::of([("a long project title", 20), ("b", 10)]);
        let categories = ChartExtent::of([("roads (2)", 30)]);
        let both = projects.with(categories);
        assert_eq!(both.largest, 30);
        assert_eq!(both.label, text::width("a long project title"));
        let scale = ChartScale::fit(80, both);
        assert_eq!(
            scale.bar,
            80 - (2 + 1 + 1 + both.amount + 1 + SHARE_WIDTH) - both.label
        );
    }

    #[test]
    fn a_scale_fits_any_width() {
        let extent = ChartExtent::of([("label", 5)]);
        for width in [0, 1, 5, 20, 40] {
            let scale = ChartScale::fit(width, extent);
            assert!(scale.label <= width.max(6));
            if width >= 40 {
                assert!(scale.bar >= MIN_BAR, "{scale:?}");
            }
            let _ = scale.line("label", 5, 5, &Theme::default());
        }
    }
}
