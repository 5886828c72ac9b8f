//! The status bar: the keys that matter now, and where you are.

use ratatui::{
    buffer::Buffer,
    layout::Rect,
    text::{Line, Span},
    widgets::Widget,
};

use super::{search_overlay::counter, text};
use crate::{action::Mode, app::App};

fn hints(app: &App) -> Vec<(&'static str, String)> {
    let owned = |pairs: &[(&'static str, &str)]| -> Vec<(&'static str, String)> {
        pairs
            .iter()
            .map(|&(key, what)| (key, what.to_string()))
            .collect()
    };
    match app.mode() {
        Mode::Search => owned(&[
            ("↑↓", "choose"),
            ("Enter", "go"),
            ("Esc", "cancel"),
            ("Ctrl-C", "quit"),
        ]),
        Mode::Help => owned(&[("j/k", "scroll"), ("Esc", "close"), ("q", "quit")]),
        Mode::Browse => {
            let mut hints = owned(&[("j/k", "move"), ("1-4", "tabs"), ("/", "search")]);
            if let Some(last) = app.last_search() {
                hints.push((
                    "n/N",
                    format!("{} “{}”", counter(last.position(), last.len()), last.text()),
                ));
            }
            hints.extend(owned(&[("J/K", "scroll"), ("?", "help"), ("q", "quit")]));
            hints
        }
    }
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
        for (key, what) in hints(self.app) {
            let what = format!(" {what}  ");
            let needed = text::width(key) + text::width(&what);
            if used + needed > room {
                break;
            }
            used += needed;
            spans.push(Span::styled(key, theme.status_key));
            spans.push(Span::styled(what, theme.status));
        }
        spans.push(Span::styled(
            " ".repeat(room.saturating_sub(used)),
            theme.status,
        ));
        spans.push(Span::styled(place, theme.status_key));
        Line::from(spans).render(area, buf);
    }
}
