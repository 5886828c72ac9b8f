//! The status bar: the keys that matter now, the trail of places visited, and where you are.
//! It draws what it is handed ([`StatusLine`]); the app decides what that is.

use ratatui::{
    buffer::Buffer,
    layout::Rect,
    text::{Line, Span},
    widgets::Widget,
};

use super::{text, theme::Theme};

/// Hints that always stay, however narrow the bar.
const ESSENTIAL_HINTS: usize = 3;
/// Columns the trail needs to be worth showing.
const TRAIL_MIN: usize = 24;

/// What the status bar shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StatusLine {
    /// The hints, each keys and what they do, most important first.
    pub hints: Vec<(&'static str, String)>,
    /// The places visited, oldest first, ending where you are; empty with no history.
    pub steps: Vec<String>,
    /// Where you are: the tab and the row.
    pub place: String,
    /// A one-time message, shown instead of the hints.
    pub message: Option<String>,
}

/// The places visited, oldest first, ending where you are: `A › B › here`, as many of the
/// latest steps as fit in `width` (`…` marks the ones left out).
fn trail(steps: &[String], width: usize) -> Option<String> {
    if steps.len() < 2 {
        return None;
    }
    let mut shown: Vec<&str> = Vec::new();
    let mut used = 0;
    for (index, step) in steps.iter().enumerate().rev() {
        let more_before = index > 0;
        let needed = text::width(step) + if shown.is_empty() { 0 } else { 3 };
        let reserve = if more_before { 4 } else { 0 }; // "… › "
        if used + needed + reserve > width {
            break;
        }
        used += needed;
        shown.insert(0, step);
    }
    if shown.is_empty() {
        return None;
    }
    let cut = shown.len() < steps.len();
    Some(format!(
        "{}{}",
        if cut { "… › " } else { "" },
        shown.join(" › ")
    ))
}

/// The status bar widget.
pub struct StatusBar<'a> {
    /// What it shows.
    pub line: &'a StatusLine,
    /// The styles.
    pub theme: &'a Theme,
}

impl Widget for StatusBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let line = self.line;
        buf.set_style(area, theme.status);
        let place = &line.place;
        let room = usize::from(area.width).saturating_sub(text::width(place));
        let mut spans = vec![Span::styled(" ", theme.status)];
        let mut used = 1;
        if let Some(message) = &line.message {
            let message = text::truncate(message, room.saturating_sub(2));
            used += text::width(&message);
            spans.push(Span::styled(message, theme.status_key));
        } else {
            let has_trail = line.steps.len() > 1;
            let hint_room = if has_trail {
                room.saturating_sub(TRAIL_MIN)
            } else {
                room
            };
            for (number, (key, what)) in line.hints.iter().enumerate() {
                let what = format!(" {what}  ");
                let needed = text::width(key) + text::width(&what);
                let limit = if number < ESSENTIAL_HINTS {
                    room
                } else {
                    hint_room
                };
                if used + needed > limit {
                    break;
                }
                used += needed;
                spans.push(Span::styled(*key, theme.status_key));
                spans.push(Span::styled(what, theme.status));
            }
            if let Some(shown) = trail(&line.steps, room.saturating_sub(used + 1)) {
                used += text::width(&shown);
                spans.push(Span::styled(shown, theme.status));
            }
        }
        spans.push(Span::styled(
            " ".repeat(room.saturating_sub(used)),
            theme.status,
        ));
        spans.push(Span::styled(place.clone(), theme.status_key));
        Line::from(spans).render(area, buf);
    }
}
