//! The source overlay: the paragraphs a record cites, whole, with the quoted parts marked and
//! each paragraph's place in the document. Its lines are laid out once per record and width
//! when it opens or the width changes, and scroll with `j`/`k`.

use std::{ops::Range, sync::Arc};

use ratatui::{
    buffer::Buffer,
    layout::{Rect, Size},
    widgets::Widget,
};

use super::text_page::{PageKeys, TextPage};

use crate::{
    action::Movement,
    chrome::{
        layout::TextBox,
        styled::{Role, StyledLine, wrap_marked},
        text,
        theme::Theme,
    },
    data::{
        Catalog, RecordRef,
        display::{TEXT_CAP, display_text},
    },
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
pub fn source_lines(catalog: &Catalog, record: RecordRef, width: u16) -> Vec<StyledLine> {
    let width = usize::from(width).max(1);
    let mut lines = Vec::new();
    let Some(view) = catalog.get(record) else {
        return lines;
    };
    for line in text::wrap(&format!("Where “{}” comes from", view.title()), width) {
        lines.push(StyledLine::styled(line, Role::Title));
    }
    let mut paragraphs: Vec<u32> = Vec::new();
    for citation in view.sources() {
        if !paragraphs.contains(&citation.paragraph) {
            paragraphs.push(citation.paragraph);
        }
    }
    let Some(source) = catalog.source() else {
        lines.push(StyledLine::default());
        for line in text::wrap(
            "The source text is not loaded, so only the quotes can be shown:",
            width,
        ) {
            lines.push(StyledLine::styled(line, Role::Dim));
        }
        for citation in view.sources() {
            let quote = format!("¶{} “{}”", citation.paragraph, citation.quote);
            lines.extend(wrap_marked(&quote, &[], width, Role::Quote, Role::Plain));
        }
        return lines;
    };
    for number in paragraphs {
        lines.push(StyledLine::default());
        let Some(paragraph) = source.paragraph(number) else {
            lines.push(StyledLine::styled(
                format!("¶{number} is not in the source"),
                Role::Warning,
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
            lines.push(StyledLine::styled(line, Role::Heading));
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
        lines.extend(wrap_marked(
            &paragraph,
            &ranges,
            width,
            Role::Plain,
            Role::Matched,
        ));
    }
    lines
}

/// The source overlay of one record: its page of lines.
#[derive(Clone, Debug)]
pub struct SourceOverlay {
    /// The record whose sources these are.
    pub record: RecordRef,
    page: TextPage,
    catalog: Arc<Catalog>,
    /// The styles it is drawn with.
    pub theme: Theme,
    /// The keys its border names.
    pub keys: PageKeys,
}

impl SourceOverlay {
    /// The source overlay of `record` on a terminal of `size`, from its top, its border
    /// naming `keys`.
    pub fn new(
        catalog: Arc<Catalog>,
        record: RecordRef,
        size: Size,
        theme: Theme,
        keys: PageKeys,
    ) -> Self {
        let width = TextBox::source(size).text.width;
        Self {
            record,
            page: TextPage::new(width, source_lines(&catalog, record, width)),
            catalog,
            theme,
            keys,
        }
    }

    /// The lines as laid out.
    pub fn lines(&self) -> &[StyledLine] {
        self.page.lines()
    }

    /// The first line on screen.
    pub fn first_line(&self) -> usize {
        self.page.first_line()
    }

    /// Lays the lines out again when the terminal's new `size` changes their width, and keeps
    /// the scroll within them.
    pub fn resize(&mut self, size: Size) {
        let text = TextBox::source(size).text;
        let (catalog, record) = (&self.catalog, self.record);
        self.page.relayout(text.width, text.height, |width| {
            source_lines(catalog, record, width)
        });
    }

    /// Scrolls by `movement` (or only keeps within the text, for `None`) on a terminal of
    /// `size`.
    pub fn scroll(&mut self, movement: Option<Movement>, size: Size) {
        self.page
            .scroll(movement, TextBox::source(size).text.height);
    }
}

impl Widget for &SourceOverlay {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let text_box = TextBox::source(area.as_size());
        let title = (" Source · quoted words highlighted ", &self.keys);
        self.page
            .render(text_box, buf, title, &self.theme, |width| {
                source_lines(&self.catalog, self.record, width)
            });
    }
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
