//! Measuring, cutting and highlighting text by display width, graphemes and all.

use ratatui::{style::Style, text::Span};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The columns `text` takes on screen.
pub fn width(text: &str) -> usize {
    text.width()
}

/// `text` cut to at most `max` columns, ending in `…` when cut.
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for grapheme in text.graphemes(true) {
        let w = grapheme.width();
        if used + w > max - 1 {
            break;
        }
        out.push_str(grapheme);
        used += w;
    }
    out.push('…');
    out
}

/// `text` cut or padded with spaces to exactly `columns` columns.
pub fn fit(text: &str, columns: usize) -> String {
    let mut out = truncate(text, columns);
    let w = width(&out);
    out.extend(std::iter::repeat_n(' ', columns.saturating_sub(w)));
    out
}

/// `text` wrapped to lines of at most `columns` columns; long words are broken.
pub fn wrap(text: &str, columns: usize) -> Vec<String> {
    let options = textwrap::Options::new(columns.max(1)).break_words(true);
    textwrap::wrap(text, options)
        .into_iter()
        .map(|line| line.into_owned())
        .collect()
}

/// `text` as spans, the graphemes at `positions` (sorted) in `matched` style.
pub fn highlighted(
    text: &str,
    positions: &[usize],
    base: Style,
    matched: Style,
) -> Vec<Span<'static>> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_matched = false;
    let mut next = positions.iter().peekable();
    for (index, grapheme) in text.graphemes(true).enumerate() {
        while next.peek().is_some_and(|&&p| p < index) {
            next.next();
        }
        let is_match = next.peek().is_some_and(|&&p| p == index);
        if is_match != run_matched && !run.is_empty() {
            let style = if run_matched {
                base.patch(matched)
            } else {
                base
            };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_matched = is_match;
        run.push_str(grapheme);
    }
    if !run.is_empty() {
        let style = if run_matched {
            base.patch(matched)
        } else {
            base
        };
        spans.push(Span::styled(run, style));
    }
    spans
}

/// A window of about `columns` columns of `text` around its first matched grapheme, with the
/// positions moved to match; `…` marks what was cut.
pub fn snippet(text: &str, positions: &[usize], columns: usize) -> (String, Vec<usize>) {
    let graphemes: Vec<&str> = text.graphemes(true).collect();
    let first = positions.first().copied().unwrap_or(0).min(graphemes.len());
    // Keep a little context before the match.
    let mut start = first.saturating_sub(columns / 4);
    // Start at a word when one is near.
    if let Some(space) = graphemes[start..first].iter().position(|g| *g == " ")
        && start > 0
    {
        start += space + 1;
    }
    let mut out = String::new();
    let mut moved = Vec::new();
    let mut used = 0;
    if start > 0 {
        out.push('…');
        used += 1;
    }
    let offset = usize::from(start > 0);
    let rest_width: usize = graphemes[start..].iter().map(|g| g.width()).sum();
    // Keep a column for a closing `…` when the rest does not fit.
    let limit = if used + rest_width > columns {
        columns.saturating_sub(1)
    } else {
        columns
    };
    let mut end = start;
    for (index, grapheme) in graphemes.iter().enumerate().skip(start) {
        let w = grapheme.width();
        if used + w > limit {
            break;
        }
        out.push_str(grapheme);
        used += w;
        end = index + 1;
    }
    if end < graphemes.len() && used < columns {
        out.push('…');
    }
    for &p in positions {
        if p >= start && p < end {
            moved.push(p - start + offset);
        }
    }
    (out.replace('\n', " "), moved)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_counts_columns_not_bytes() {
        assert_eq!(truncate("Karaganda", 20), "Karaganda");
        assert_eq!(truncate("Karaganda", 5), "Kara…");
        assert_eq!(truncate("東京都庁", 5), "東京…");
        assert_eq!(width(&truncate("東京都庁", 4)), 3);
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(fit("ab", 4), "ab  ");
    }

    #[test]
    fn highlighting_splits_into_runs() {
        let spans = highlighted(
            "Baku 2006",
            &[0, 1, 2, 3],
            Style::new(),
            Style::new().bold(),
        );
        let texts: Vec<&str> = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(texts, ["Baku", " 2006"]);
    }

    #[test]
    fn snippets_keep_the_match_in_view() {
        let text = "The 33rd conference, held in June 2006 in Baku, reiterated its support";
        let position = text.find("Baku").unwrap();
        let (cut, moved) = snippet(text, &[position], 24);
        assert!(cut.contains("Baku"), "{cut}");
        assert_eq!(
            &cut.chars().skip(moved[0]).take(4).collect::<String>(),
            "Baku"
        );
    }
}
