//! The source document, split into the numbered paragraphs that citations refer to.

use std::ops::Range;

use crate::search::text_form::FoldedText;

/// The source text with its paragraphs located.
///
/// A paragraph is a run of non-blank lines; paragraphs are separated by one or more blank lines
/// and numbered from 1.
#[derive(Debug, Clone)]
pub struct SourceText {
    text: String,
    /// Each paragraph as search compares it (case and accents folded, as records' text is),
    /// folded once here rather than on every key.
    folded: Vec<FoldedText>,
    paragraphs: Vec<Range<usize>>,
    /// The first and last line of each paragraph, counting from 1: counted once, as a long
    /// text would make counting on every frame slow.
    paragraph_lines: Vec<(usize, usize)>,
    line_count: usize,
}

impl SourceText {
    /// Splits `text` into paragraphs.
    pub fn new(text: impl Into<String>) -> Self {
        // Windows line ends read as plain ones: a carriage return is no part of a paragraph.
        let text: String = text.into();
        let text = if text.contains("\r\n") {
            text.replace("\r\n", "\n")
        } else {
            text
        };
        let mut paragraphs = Vec::new();
        let mut current: Option<Range<usize>> = None;
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let line_start = offset;
            offset += line.len();
            let content_end = line_start + line.trim_end_matches(['\n', '\r']).len();
            if line.trim().is_empty() {
                paragraphs.extend(current.take());
            } else {
                match current.as_mut() {
                    Some(range) => range.end = content_end,
                    None => current = Some(line_start..content_end),
                }
            }
        }
        paragraphs.extend(current);
        let mut paragraph_lines = Vec::with_capacity(paragraphs.len());
        let (mut line, mut counted_to) = (1, 0);
        for range in &paragraphs {
            line += memchr::memchr_iter(b'\n', &text.as_bytes()[counted_to..range.start]).count();
            let inside = memchr::memchr_iter(b'\n', &text.as_bytes()[range.clone()]).count();
            paragraph_lines.push((line, line + inside));
            line += inside;
            counted_to = range.end;
        }
        let line_count = text.lines().count();
        let folded = paragraphs
            .iter()
            .map(|range| FoldedText::new(&text[range.clone()]))
            .collect();
        Self {
            folded,
            text,
            paragraphs,
            paragraph_lines,
            line_count,
        }
    }

    /// The whole text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// How many paragraphs there are.
    pub fn paragraph_count(&self) -> usize {
        self.paragraphs.len()
    }

    /// How many lines the text has.
    pub fn line_count(&self) -> usize {
        self.line_count
    }

    /// The first and last line (counting from 1) of paragraph `number`.
    pub fn paragraph_lines(&self, number: u32) -> Option<(usize, usize)> {
        let index = usize::try_from(number).ok()?.checked_sub(1)?;
        self.paragraph_lines.get(index).copied()
    }

    /// Paragraph `number`, counting from 1.
    pub fn paragraph(&self, number: u32) -> Option<&str> {
        let index = usize::try_from(number).ok()?.checked_sub(1)?;
        let range = self.paragraphs.get(index)?;
        self.text.get(range.clone())
    }

    /// Paragraph `number` as search compares it, which says where a match in it is in the
    /// paragraph as written.
    pub fn paragraph_folded(&self, number: u32) -> Option<&FoldedText> {
        let index = usize::try_from(number).ok()?.checked_sub(1)?;
        self.folded.get(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_separated_by_blank_lines() {
        let source = SourceText::new("One.\nStill one.\n\n\n  \nTwo.\n\n  • Three;\n  • more.");
        assert_eq!(source.paragraph_count(), 3);
        assert_eq!(source.paragraph(1), Some("One.\nStill one."));
        assert_eq!(source.paragraph(2), Some("Two."));
        assert_eq!(source.paragraph(3), Some("  • Three;\n  • more."));
        assert_eq!(source.paragraph(0), None);
        assert_eq!(source.paragraph(4), None);
        assert_eq!(source.paragraph_lines(1), Some((1, 2)));
        assert_eq!(source.paragraph_lines(2), Some((6, 6)));
        assert_eq!(source.paragraph_lines(3), Some((8, 9)));
        assert_eq!(source.line_count(), 9);
    }

    #[test]
    fn windows_line_endings_and_empty_text() {
        let source = SourceText::new("A\r\n\r\nB\r\n");
        assert_eq!(source.paragraph(1), Some("A"));
        assert_eq!(source.paragraph(2), Some("B"));
        assert_eq!(SourceText::new("").paragraph_count(), 0);
    }
}
