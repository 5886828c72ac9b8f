//! The Source tab's document: every paragraph wrapped to the list's width under its heading
//! ("¶3 · cited by 10 records"), quoted stretches as quotes and the rest standing out, laid out
//! once per width; and one paragraph again with a passage marked, for the picked link.

use std::ops::Range;

use crate::{
    chrome::{
        styled::{Role, StyledLine, wrap_styled},
        text,
    },
    data::{
        Catalog,
        display::{TEXT_CAP, display_text, escaped},
        passages::ParagraphPassages,
    },
    plural::counted,
};

/// The whole document wrapped to one width: its lines, and where each paragraph's heading
/// and text lie among them.
#[derive(Clone, Debug)]
pub(super) struct Document {
    pub(super) width: u16,
    pub(super) lines: Vec<StyledLine>,
    /// Each paragraph's heading line, and the range of its text's lines.
    pub(super) paragraphs: Vec<(usize, Range<usize>)>,
}

impl Document {
    pub(super) fn new(catalog: &Catalog, width: u16) -> Self {
        let mut lines = Vec::new();
        let mut paragraphs = Vec::new();
        let columns = usize::from(width).max(1);
        let (Some(source), Some(map)) = (catalog.source(), catalog.passages()) else {
            return Self {
                width,
                lines,
                paragraphs,
            };
        };
        for number in 1..=u32::try_from(source.paragraph_count()).unwrap_or(0) {
            if number > 1 {
                lines.push(StyledLine::default());
            }
            let none = ParagraphPassages::default();
            let entry = map.paragraph(number).unwrap_or(&none);
            let heading = lines.len();
            lines.push(paragraph_heading(number, entry, columns));
            let start = lines.len();
            lines.extend(paragraph_lines(
                source.paragraph(number).unwrap_or(""),
                entry,
                None,
                columns,
            ));
            paragraphs.push((heading, start..lines.len()));
        }
        Self {
            width,
            lines,
            paragraphs,
        }
    }

    /// The first line on screen with paragraph `selected` chosen, `height` lines shown: its
    /// heading at the top, unless the document ends first.
    pub(super) fn scroll(&self, selected: usize, height: usize) -> usize {
        let heading = self.paragraphs.get(selected).map_or(0, |(h, _)| *h);
        heading.min(self.lines.len().saturating_sub(height))
    }
}

/// "¶3 · quoted by 10 records", or a warning when no record cites the paragraph.
fn paragraph_heading(number: u32, entry: &ParagraphPassages, columns: usize) -> StyledLine {
    let uncovered = entry.citers.is_empty();
    let text = match entry.citers.len() {
        0 => format!("¶{number} · no record cites it"),
        1 => format!("¶{number} · cited by 1 record"),
        n => format!("¶{number} · cited by {n} records"),
    };
    let role = if uncovered {
        Role::Warning
    } else {
        Role::Heading
    };
    StyledLine::styled(text::truncate(&text, columns), role)
}

/// A paragraph's text wrapped to `columns`: quoted stretches as quotes, the rest standing out,
/// and the passage `picked` (by its position) marked as a match.
pub(super) fn paragraph_lines(
    paragraph: &str,
    entry: &ParagraphPassages,
    picked: Option<usize>,
    columns: usize,
) -> Vec<StyledLine> {
    let covered = entry.covered();
    let picked = picked
        .and_then(|p| entry.passages.get(p))
        .map(|p| p.range.clone());
    let role_at = |byte: usize| {
        if picked.as_ref().is_some_and(|range| range.contains(&byte)) {
            Role::Matched
        } else if covered
            .get(covered.partition_point(|range| range.end <= byte))
            .is_some_and(|range| range.start <= byte)
        {
            Role::Quote
        } else {
            Role::Warning
        }
    };
    if display_text(paragraph, TEXT_CAP).is_none() {
        return wrap_styled(paragraph, columns, &role_at);
    }
    // The source is as untrusted as the dataset: escaped alike and cut as long text is. Each
    // stretch of one role is escaped on its own, so the marks still fall on what they mark.
    let (kept, rest) = match paragraph.char_indices().nth(TEXT_CAP) {
        Some((at, _)) => (&paragraph[..at], paragraph[at..].chars().count()),
        None => (paragraph, 0),
    };
    let mut shown = String::with_capacity(kept.len() + 32);
    let mut roles: Vec<(usize, Role)> = Vec::new();
    let mut run_start = 0;
    let mut run_role = role_at(0);
    for (at, _) in kept.char_indices().skip(1) {
        let role = role_at(at);
        if role != run_role {
            roles.push((shown.len(), run_role));
            shown.push_str(&escaped(&kept[run_start..at]));
            run_start = at;
            run_role = role;
        }
    }
    roles.push((shown.len(), run_role));
    shown.push_str(&escaped(&kept[run_start..]));
    if rest > 0 {
        roles.push((shown.len(), Role::Dim));
        shown.push_str(&format!(
            " … [{} not shown]",
            counted(rest, "more character")
        ));
    }
    wrap_styled(&shown, columns, &|byte| {
        let run = roles.partition_point(|&(start, _)| start <= byte);
        roles
            .get(run.saturating_sub(1))
            .map_or(Role::Plain, |&(_, role)| role)
    })
}
