//! Text laid out once and drawn with any theme: lines whose spans name what they are (a title,
//! a label, a quote) rather than how they look. The detail pane, the help and the source view
//! build their text this way when it changes, so building it needs no theme and drawing it
//! needs no layout; [`StyledLine::to_line`] applies a theme.

use std::ops::Range;

use ratatui::{
    style::Style,
    text::{Line, Span},
};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::{text::width, theme::Theme};

/// What a piece of text is, which the theme turns into a style.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Role {
    /// Ordinary text, unstyled.
    #[default]
    Plain,
    /// A record's title at the top of the detail pane.
    Title,
    /// Less important text: kinds, ids, counts.
    Dim,
    /// A field label.
    Label,
    /// A section heading.
    Heading,
    /// A quotation from the source.
    Quote,
    /// A note from outside the source.
    Note,
    /// A warning.
    Warning,
    /// Words a quote matched.
    Matched,
    /// The mark in front of a link (`•`, or `▶` when picked).
    LinkMarker,
    /// A link's text.
    Link,
}

impl Theme {
    /// The style of `role`; a picked link is drawn selected.
    pub fn style(&self, role: Role, picked: bool) -> Style {
        match role {
            Role::Plain => Style::new(),
            Role::Title => self.detail_title,
            Role::Dim => self.dim,
            Role::Label => self.label,
            Role::Heading => self.heading,
            Role::Quote => self.quote,
            Role::Note => self.note,
            Role::Warning => self.warning,
            Role::Matched => self.matched,
            Role::LinkMarker if picked => self.selected,
            Role::LinkMarker => self.dim,
            Role::Link if picked => self.selected,
            Role::Link => Style::new(),
        }
    }
}

/// One line of laid-out text: a role for the whole line (as `Line::styled` gives) and spans.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StyledLine {
    /// The role of the whole line, if it has one.
    pub line_role: Option<Role>,
    /// The spans, each with its role.
    pub spans: Vec<(Role, String)>,
}

impl StyledLine {
    /// A line that is all one `role`, as `Line::styled` draws it.
    pub fn styled(text: impl Into<String>, role: Role) -> Self {
        Self {
            line_role: Some(role),
            spans: vec![(Role::Plain, text.into())],
        }
    }

    /// A line of `spans`.
    pub fn from_spans(spans: Vec<(Role, String)>) -> Self {
        Self {
            line_role: None,
            spans,
        }
    }

    /// The line's text, without roles.
    pub fn text(&self) -> String {
        self.spans.iter().map(|(_, text)| text.as_str()).collect()
    }

    /// The columns the line takes.
    pub fn width(&self) -> usize {
        self.spans.iter().map(|(_, text)| width(text)).sum()
    }

    /// The line drawn with `theme`; `picked` draws its link as the picked one.
    pub fn to_line(&self, theme: &Theme, picked: bool) -> Line<'static> {
        let spans: Vec<Span<'static>> = self
            .spans
            .iter()
            .map(|(role, text)| {
                let text = match (role, picked) {
                    (Role::LinkMarker, true) => text.replace('•', "▶"),
                    _ => text.clone(),
                };
                Span::styled(text, theme.style(*role, picked))
            })
            .collect();
        let line = Line::from(spans);
        match self.line_role {
            Some(role) => line.style(theme.style(role, picked)),
            None => line,
        }
    }
}

/// `text` wrapped to `columns`, keeping its line breaks and each line's indent (continuation
/// rows hang at the indent), with the bytes in `ranges` in the `marked` role and the rest in
/// `base`.
pub fn wrap_marked(
    text: &str,
    ranges: &[Range<usize>],
    columns: usize,
    base: Role,
    marked: Role,
) -> Vec<StyledLine> {
    wrap_styled(text, columns, &|byte: usize| {
        if ranges.iter().any(|range| range.contains(&byte)) {
            marked
        } else {
            base
        }
    })
}

/// `text` wrapped to `columns` as [`wrap_marked`] wraps it, each byte in the role `role_at`
/// gives it.
pub fn wrap_styled(text: &str, columns: usize, role_at: &dyn Fn(usize) -> Role) -> Vec<StyledLine> {
    let columns = columns.max(1);
    let push = |row: &mut Vec<(Role, String)>, text: &str, role: Role| match row.last_mut() {
        Some((last, run)) if *last == role => run.push_str(text),
        _ => row.push((role, text.to_string())),
    };
    let mut lines = Vec::new();
    let mut line_start = 0;
    for source_line in text.split('\n') {
        let indent_bytes = source_line.len() - source_line.trim_start().len();
        let indent = &source_line[..indent_bytes];
        let hang = if width(indent) < columns / 2 {
            width(indent)
        } else {
            0
        };
        let mut row: Vec<(Role, String)> = vec![(Role::Plain, " ".repeat(hang))];
        let mut used = hang;
        let mut row_has_word = false;
        let mut search_from = indent_bytes;
        for word in source_line.split_whitespace() {
            let offset = source_line[search_from..]
                .find(word)
                .map_or(search_from, |at| at + search_from);
            search_from = offset + word.len();
            let start = line_start + offset;
            if row_has_word && used + 1 + width(word) > columns {
                lines.push(StyledLine::from_spans(std::mem::take(&mut row)));
                row.push((Role::Plain, " ".repeat(hang)));
                used = hang;
                row_has_word = false;
            }
            if row_has_word {
                push(&mut row, " ", role_at(start.saturating_sub(1)));
                used += 1;
            }
            // A word longer than the line is broken between graphemes.
            for (index, grapheme) in word.grapheme_indices(true) {
                let w = grapheme.width();
                if used + w > columns && used > hang {
                    lines.push(StyledLine::from_spans(std::mem::take(&mut row)));
                    row.push((Role::Plain, " ".repeat(hang)));
                    used = hang;
                }
                push(&mut row, grapheme, role_at(start + index));
                used += w;
            }
            row_has_word = true;
        }
        lines.push(StyledLine::from_spans(row));
        line_start += source_line.len() + 1;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_breaks_indents_and_marks() {
        let text = "One two three four.\n  • five six";
        let start = text.find("three").unwrap();
        let lines = wrap_marked(
            text,
            std::slice::from_ref(&(start..start + 10)),
            10,
            Role::Plain,
            Role::Matched,
        );
        let rendered: Vec<String> = lines.iter().map(StyledLine::text).collect();
        assert_eq!(rendered, ["One two", "three", "four.", "  • five", "  six"]);
        let marked: String = lines
            .iter()
            .flat_map(|line| line.spans.iter())
            .filter(|(role, _)| *role == Role::Matched)
            .map(|(_, text)| text.as_str())
            .collect();
        assert_eq!(
            marked, "threefour",
            "the space between them became a line break"
        );
    }

    #[test]
    fn a_picked_link_is_marked_and_selected() {
        let theme = Theme::DEFAULT;
        let line = StyledLine::from_spans(vec![
            (Role::LinkMarker, "  • ".to_string()),
            (Role::Link, "Tehran".to_string()),
        ]);
        assert_eq!(line.to_line(&theme, false).to_string(), "  • Tehran");
        let picked = line.to_line(&theme, true);
        assert_eq!(picked.to_string(), "  ▶ Tehran");
        assert!(picked.spans.iter().all(|span| span.style == theme.selected));
    }
}
