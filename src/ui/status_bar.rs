//! The status bar: the keys that matter now, the trail of places visited, and where you are.

use ratatui::{
    buffer::Buffer,
    layout::Rect,
    text::{Line, Span},
    widgets::Widget,
};

use super::search_overlay::counter;
use crate::chrome::text;
use crate::{action::Mode, app::App};

/// Hints that always stay, however narrow the bar.
const ESSENTIAL_HINTS: usize = 3;
/// Columns the trail needs to be worth showing.
const TRAIL_MIN: usize = 24;

fn hints(app: &App) -> Vec<(&'static str, String)> {
    let owned = |pairs: &[(&'static str, &str)]| -> Vec<(&'static str, String)> {
        pairs
            .iter()
            .map(|&(key, what)| (key, what.to_string()))
            .collect()
    };
    let has_history = !app.history().trail().is_empty();
    let has_links = app
        .view(app.tab())
        .selected()
        .is_some_and(|record| !app.catalog().relations(record).is_empty());
    match app.mode() {
        Mode::Search => owned(&[
            ("↑↓", "choose"),
            ("Enter", "go"),
            ("Esc", "cancel"),
            ("Ctrl-C", "quit"),
        ]),
        Mode::Help => owned(&[("j/k", "scroll"), ("Esc", "close"), ("q", "quit")]),
        Mode::Source => owned(&[("j/k", "scroll"), ("s/Esc", "close"), ("q", "quit")]),
        Mode::Links => {
            let mut hints = owned(&[("j/k", "pick"), ("Enter", "follow"), ("h", "list")]);
            if has_history {
                hints.push(("⌫", "back".to_string()));
            }
            hints.extend(owned(&[("s", "source"), ("y", "copy"), ("?", "help")]));
            hints
        }
        Mode::Browse => {
            let mut hints = owned(&[("j/k", "move")]);
            if has_links {
                hints.push(("l", "links".to_string()));
            }
            hints.push(("/", "search".to_string()));
            if let Some(last) = app.last_search() {
                hints.push((
                    "n/N",
                    format!("{} “{}”", counter(last.position(), last.len()), last.text()),
                ));
            }
            if has_history {
                hints.push(("⌫", "back".to_string()));
            }
            hints.extend(owned(&[("s", "source"), ("?", "help"), ("q", "quit")]));
            hints
        }
    }
}

/// The places visited, oldest first, ending where you are: `A › B › here`, as many of the
/// latest steps as fit in `width` (`…` marks the ones left out).
fn trail(app: &App, width: usize) -> Option<String> {
    let places = app.history().trail();
    if places.is_empty() {
        return None;
    }
    let name = |location: &crate::app::Location| match location.record {
        Some(record) => text::truncate(app.catalog().title(record), 22),
        None => location.tab.title().to_string(),
    };
    let steps: Vec<String> = places
        .iter()
        .map(name)
        .chain([name(&app.location())])
        .collect();
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
    /// The app whose state it shows.
    pub app: &'a App,
}

impl Widget for StatusBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.app.theme();
        buf.set_style(area, theme.status);
        let view = self.app.view(self.app.tab());
        let place = if view.rows.is_empty() {
            format!(" {} · empty ", self.app.tab().title())
        } else {
            format!(
                " {} {}/{} ",
                self.app.tab().title(),
                view.list.selected + 1,
                view.rows.len()
            )
        };
        let room = usize::from(area.width).saturating_sub(text::width(&place));
        let mut spans = vec![Span::styled(" ", theme.status)];
        let mut used = 1;
        if let Some(message) = self.app.message() {
            let message = text::truncate(message, room.saturating_sub(2));
            used += text::width(&message);
            spans.push(Span::styled(message, theme.status_key));
        } else {
            let has_trail = !self.app.history().trail().is_empty();
            let hint_room = if has_trail {
                room.saturating_sub(TRAIL_MIN)
            } else {
                room
            };
            for (number, (key, what)) in hints(self.app).into_iter().enumerate() {
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
                spans.push(Span::styled(key, theme.status_key));
                spans.push(Span::styled(what, theme.status));
            }
            if let Some(shown) = trail(self.app, room.saturating_sub(used + 1)) {
                used += text::width(&shown);
                spans.push(Span::styled(shown, theme.status));
            }
        }
        spans.push(Span::styled(
            " ".repeat(room.saturating_sub(used)),
            theme.status,
        ));
        spans.push(Span::styled(place, theme.status_key));
        Line::from(spans).render(area, buf);
    }
}
