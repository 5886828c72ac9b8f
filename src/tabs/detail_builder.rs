//! Writing a detail pane's lines: wrapped text, headings, labelled fields, quotes under their
//! `¶n` lead and links, all to one width. Shared by the record's detail and the Source tab's.

use crate::chrome::{
    styled::{Role, StyledLine},
    text,
};

/// Columns given to field labels; values wrap to the right of them.
const LABEL_WIDTH: usize = 11;
/// Below this width labels go on their own line.
const NARROW: usize = 32;

/// Lines of a detail pane as they are written, wrapped to its width.
pub(crate) struct DetailBuilder {
    pub(super) lines: Vec<StyledLine>,
    pub(super) width: usize,
}

impl DetailBuilder {
    pub(super) fn new(width: u16) -> Self {
        Self {
            lines: Vec::new(),
            width: usize::from(width).max(1),
        }
    }

    pub(super) fn wrapped(&mut self, text: &str, indent: usize, role: Role) {
        let pad = " ".repeat(indent.min(self.width.saturating_sub(1)));
        for line in text::wrap(text, self.width.saturating_sub(pad.len())) {
            self.lines.push(StyledLine::from_spans(vec![
                (Role::Plain, pad.clone()),
                (role, line),
            ]));
        }
    }

    pub(super) fn blank(&mut self) {
        self.lines.push(StyledLine::default());
    }

    pub(super) fn heading(&mut self, text: &str) {
        self.blank();
        self.lines.push(StyledLine::styled(
            text::truncate(text, self.width),
            Role::Heading,
        ));
    }

    /// A label and a value; the value wraps with a hanging indent.
    pub(super) fn field(&mut self, label: &str, value: &str) {
        if self.width < NARROW {
            self.lines.push(StyledLine::styled(
                text::truncate(label, self.width),
                Role::Label,
            ));
            self.wrapped(value, 2, Role::Plain);
            return;
        }
        let value_width = self.width - LABEL_WIDTH;
        for (number, line) in text::wrap(value, value_width).into_iter().enumerate() {
            let label = if number == 0 {
                text::fit(label, LABEL_WIDTH)
            } else {
                " ".repeat(LABEL_WIDTH)
            };
            self.lines.push(StyledLine::from_spans(vec![
                (Role::Label, label),
                (Role::Plain, line),
            ]));
        }
    }

    /// A link to another record; the pane marks the picked one when it draws.
    /// A quote wrapped under its `¶n` lead, `indent` columns in.
    pub(super) fn quote(&mut self, lead: &str, quote: &str, indent: usize) {
        let indent = indent.min(self.width.saturating_sub(2));
        let lead_width = text::width(lead).min(8);
        let pad = " ".repeat(indent);
        let wrap_width = self.width.saturating_sub(indent + lead_width);
        for (number, line) in text::wrap(quote, wrap_width).into_iter().enumerate() {
            let lead = if number == 0 {
                text::fit(lead, lead_width)
            } else {
                " ".repeat(lead_width)
            };
            self.lines.push(StyledLine::from_spans(vec![
                (Role::Plain, pad.clone()),
                (Role::Label, lead),
                (Role::Quote, line),
            ]));
        }
    }

    pub(super) fn link(&mut self, text: &str) {
        let lines = text::wrap(text, self.width.saturating_sub(4));
        for (number, line) in lines.into_iter().enumerate() {
            let lead = if number == 0 { "  • " } else { "    " };
            self.lines.push(StyledLine::from_spans(vec![
                (Role::LinkMarker, lead.to_string()),
                (Role::Link, line),
            ]));
        }
    }
}
