//! The source view: the paragraphs a record cites, whole, with the quoted parts highlighted
//! and each paragraph's place in the document.

use std::ops::Range;

use ratatui::{
    buffer::Buffer,
    layout::Size,
    style::Style,
    text::Line,
    widgets::{Block, Clear, Paragraph, Widget},
};

use crate::data::display::{TEXT_CAP, display_text};

use crate::chrome::{text, theme::Theme};
use crate::{
    chrome::layout::TextOverlay,
    data::{Catalog, RecordRef},
};

/// Where each quote stands in `paragraph`, merged and in order.
fn quote_ranges<'a>(paragraph: &str, quotes: impl Iterator<Item = &'a str>) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = quotes
        .filter(|quote| !quote.is_empty())
        .filter_map(|quote| {
            paragraph
                .find(quote)
                .map(|start| start..start + quote.len())
        })
        .collect();
    ranges.sort_by_key(|range| range.start);
    let mut merged: Vec<Range<usize>> = Vec::new();
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

/// The source view's lines for `record`, wrapped to `width`.
pub fn source_lines(
    catalog: &Catalog,
    record: RecordRef,
    width: u16,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let width = usize::from(width).max(1);
    let mut lines = Vec::new();
    let Some(view) = catalog.get(record) else {
        return lines;
    };
    for line in text::wrap(&format!("Where “{}” comes from", view.title()), width) {
        lines.push(Line::styled(line, theme.detail_title));
    }
    let mut paragraphs: Vec<u32> = Vec::new();
    for citation in view.sources() {
        if !paragraphs.contains(&citation.paragraph) {
            paragraphs.push(citation.paragraph);
        }
    }
    let Some(source) = catalog.source() else {
        lines.push(Line::default());
        for line in text::wrap(
            "The source text is not loaded, so only the quotes can be shown:",
            width,
        ) {
            lines.push(Line::styled(line, theme.dim));
        }
        for citation in view.sources() {
            let quote = format!("¶{} “{}”", citation.paragraph, citation.quote);
            lines.extend(text::wrap_highlighted(
                &quote,
                &[],
                width,
                theme.quote,
                Style::new(),
            ));
        }
        return lines;
    };
    for number in paragraphs {
        lines.push(Line::default());
        let Some(paragraph) = source.paragraph(number) else {
            lines.push(Line::styled(
                format!("¶{number} is not in the source"),
                theme.warning,
            ));
            continue;
        };
        let place = match source.paragraph_lines(number) {
            Some((first, last)) if first == last => format!("line {first}"),
            Some((first, last)) => format!("lines {first}–{last}"),
            None => String::new(),
        };
        let heading = format!(
            "¶{number} · paragraph {number} of {} · {place} of {}",
            source.paragraph_count(),
            source.line_count()
        );
        for line in text::wrap(&heading, width) {
            lines.push(Line::styled(line, theme.heading));
        }
        let quotes = view
            .sources()
            .iter()
            .filter(|citation| citation.paragraph == number)
            .map(|citation| citation.quote);
        // The source document is as untrusted as the dataset: escaped alike (so its quotes
        // are still found in it), and cut as long running text is.
        let paragraph = display_text(paragraph, TEXT_CAP).map_or(
            std::borrow::Cow::Borrowed(paragraph),
            std::borrow::Cow::Owned,
        );
        let ranges = quote_ranges(&paragraph, quotes);
        lines.extend(text::wrap_highlighted(
            &paragraph,
            &ranges,
            width,
            Style::new(),
            theme.matched,
        ));
    }
    lines
}

/// The source view's lines for one record at one width, built once and kept while the view
/// is open: a long paragraph takes a while to wrap.
#[derive(Clone, Debug)]
pub struct SourcePage {
    /// The record whose sources these are.
    pub record: RecordRef,
    /// The width they are wrapped to.
    pub width: u16,
    /// The lines.
    pub lines: Vec<Line<'static>>,
}

impl SourcePage {
    /// The page for `record` in a source view on a terminal of `size`.
    pub fn new(catalog: &Catalog, record: RecordRef, size: Size, theme: &Theme) -> Self {
        let width = TextOverlay::source(size).text.width;
        Self {
            record,
            width,
            lines: source_lines(catalog, record, width, theme),
        }
    }

    /// Whether this page is the one for `record` on a terminal of `size`.
    pub fn fits(&self, record: RecordRef, size: Size) -> bool {
        self.record == record && self.width == TextOverlay::source(size).text.width
    }
}

/// Draws the source view for `record` from line `scroll`, with `page` when it was built for
/// this record and size (else the lines are built for this frame alone).
#[allow(clippy::too_many_arguments)]
pub fn render_source(
    size: Size,
    buf: &mut Buffer,
    catalog: &Catalog,
    record: Option<RecordRef>,
    page: Option<&SourcePage>,
    scroll: usize,
    theme: &Theme,
) {
    let overlay = TextOverlay::source(size);
    let built;
    let lines: &[Line] = match (record, page) {
        (Some(record), Some(page)) if page.fits(record, size) => &page.lines,
        (Some(record), _) => {
            built = source_lines(catalog, record, overlay.text.width, theme);
            &built
        }
        (None, _) => &[],
    };
    let height = usize::from(overlay.text.height);
    let scroll = scroll.min(lines.len().saturating_sub(height));
    let position = if lines.len() > height {
        format!(
            " {}–{} of {} · j/k scroll · s/Esc close ",
            scroll + 1,
            (scroll + height).min(lines.len()),
            lines.len()
        )
    } else {
        " s/Esc close ".to_string()
    };
    Clear.render(overlay.frame, buf);
    Block::bordered()
        .border_style(theme.pane_title)
        .title(Line::styled(
            " Source · quoted words highlighted ",
            theme.pane_title,
        ))
        .title_bottom(Line::from(position).right_aligned())
        .render(overlay.frame, buf);
    let visible: Vec<Line> = lines.iter().skip(scroll).take(height).cloned().collect();
    Paragraph::new(visible).render(overlay.text, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_quotes_merge() {
        let paragraph = "Alpha beta gamma delta.";
        let ranges = quote_ranges(
            paragraph,
            ["beta gamma", "gamma delta", "Alpha", "missing"].into_iter(),
        );
        assert_eq!(ranges, [0..5, 6..22]);
    }
}
