//! The timeline strip: the years the events cover, one mark per column with events, the
//! selected event's mark highlighted, and an axis of years below. It scales with the width and
//! the span; each column's count comes from a binary search of the sorted month keys, so a
//! frame costs the same at a million events as at ten.

use ratatui::{
    buffer::Buffer,
    layout::Rect,
    text::{Line, Span},
    widgets::Widget,
};

use crate::chrome::theme::Theme;

/// Lines the strip takes: the marks and the axis.
pub const STRIP_LINES: u16 = 2;

/// Year steps for axis labels, smallest first.
const STEPS: [i64; 12] = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000, 10_000];

/// The strip for events starting at `month_keys` (sorted; `year * 12 + month - 1`).
pub struct TimelineStrip<'a> {
    /// The start month of each event shown, in order.
    pub month_keys: &'a [i32],
    /// The start month of the selected event, if it is dated.
    pub selected: Option<i64>,
    /// The styles.
    pub theme: &'a Theme,
}

/// The months the strip spans: January of the first year to December of the last.
fn span(month_keys: &[i32]) -> Option<(i64, i64)> {
    let first = i64::from(*month_keys.first()?).div_euclid(12) * 12;
    let last = i64::from(*month_keys.last()?).div_euclid(12) * 12 + 11;
    Some((first, last - first + 1))
}

/// The first month of column `column` of `width`.
fn column_start(first: i64, months: i64, column: i64, width: i64) -> i64 {
    first + column * months / width
}

/// The column of `width` that month `key` falls in.
fn column_of(first: i64, months: i64, key: i64, width: i64) -> i64 {
    // The last column whose start is at or before the key.
    (((key - first + 1) * width - 1) / months).clamp(0, width - 1)
}

fn mark(count: usize) -> char {
    match count {
        0 => ' ',
        1 => '●',
        2..=9 => char::from_digit(count as u32, 10).unwrap_or('+'),
        _ => '+',
    }
}

impl Widget for TimelineStrip<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        let Some((first, months)) = span(self.month_keys) else {
            return;
        };
        let width = i64::from(area.width);
        let count_before = |key: i64| self.month_keys.partition_point(|&k| i64::from(k) < key);
        let selected_column = self
            .selected
            .map(|key| column_of(first, months, key, width));
        let mut marks = Vec::with_capacity(usize::from(area.width));
        for column in 0..width {
            let start = column_start(first, months, column, width);
            let end = column_start(first, months, column + 1, width);
            let count = count_before(end) - count_before(start);
            let style = if Some(column) == selected_column {
                self.theme.selected
            } else {
                self.theme.year
            };
            let glyph = if Some(column) == selected_column && count == 0 {
                '▼'
            } else {
                mark(count)
            };
            marks.push(Span::styled(glyph.to_string(), style));
        }
        Line::from(marks).render(Rect { height: 1, ..area }, buf);
        if area.height < 2 {
            return;
        }
        let axis = Rect {
            y: area.y + 1,
            height: 1,
            ..area
        };
        Line::styled(axis_labels(first, months, area.width), self.theme.dim).render(axis, buf);
    }
}

/// The axis line: a rule with year labels at a step wide enough for them not to touch.
fn axis_labels(first: i64, months: i64, width: u16) -> String {
    let width_columns = i64::from(width);
    let mut line: Vec<char> = vec!['─'; usize::from(width)];
    let columns_per_year = width_columns * 12 / months.max(1);
    let step = STEPS
        .iter()
        .copied()
        .find(|&step| step * columns_per_year.max(0) >= 6 || step * 12 >= months)
        .unwrap_or(10_000);
    let first_year = first.div_euclid(12);
    let last_year = (first + months - 1).div_euclid(12);
    let mut next_free = 0i64;
    let mut year = first_year + (step - first_year.rem_euclid(step)) % step;
    // Label the first year too, when the first tick leaves room for it.
    let mut years: Vec<i64> = Vec::new();
    if year != first_year {
        years.push(first_year);
    }
    while year <= last_year {
        years.push(year);
        year += step;
    }
    for year in years {
        let column = column_of(first, months, year * 12, width_columns);
        let label = year.to_string();
        let length = label.chars().count() as i64;
        if column < next_free || column + length > width_columns {
            continue;
        }
        for (offset, c) in label.chars().enumerate() {
            line[(column as usize) + offset] = c;
        }
        next_free = column + length + 1;
    }
    line.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(year: i64, month: i64) -> i64 {
        year * 12 + month - 1
    }

    #[test]
    fn every_event_lands_in_exactly_one_column() {
        let keys: Vec<i32> = (1950..=2025).map(|year| key(year, 6) as i32).collect();
        let (first, months) = span(&keys).unwrap();
        for width in [1, 7, 58, 80, 300] {
            let total: usize = (0..width)
                .map(|column| {
                    let start = column_start(first, months, column, width);
                    let end = column_start(first, months, column + 1, width);
                    keys.iter()
                        .filter(|&&k| i64::from(k) >= start && i64::from(k) < end)
                        .count()
                })
                .sum();
            assert_eq!(total, keys.len(), "width {width}");
            for &k in &keys {
                let k = i64::from(k);
                let column = column_of(first, months, k, width);
                let start = column_start(first, months, column, width);
                let end = column_start(first, months, column + 1, width);
                assert!(
                    k >= start && k < end,
                    "key {k} in column {column} at width {width}"
                );
            }
        }
    }

    #[test]
    fn axis_labels_do_not_touch() {
        let first = key(1950, 1);
        let months = 76 * 12;
        for width in [20u16, 58, 80, 200] {
            let axis = axis_labels(first, months, width);
            assert_eq!(axis.chars().count(), usize::from(width));
            assert!(axis.contains("1950"), "{axis}");
            assert!(
                !axis.contains(char::is_numeric) || !axis.contains("19501"),
                "{axis}"
            );
        }
    }
}
