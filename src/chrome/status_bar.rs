//! The status bar: the keys that matter now, the trail of places visited, and where you are.
//! It draws what it is handed ([`StatusLine`]); the app decides what that is. When the bar is
//! too narrow for all of it, what tells you where you are and how to get back (`⌫ back`, the
//! search position) comes first, then the way out and to the help (`? help`, `q quit`, kept
//! at every width), then the trail's last two steps, then the other hints; a long query is cut
//! rather than dropped.

use std::borrow::Cow;

use ratatui::{
    buffer::Buffer,
    layout::Rect,
    text::{Line, Span},
    widgets::Widget,
};

use super::{text, theme::Theme, trail};

/// Generic hints shown before the trail's steps grow to [`STEP_EASY`]: moving, links, search.
const ESSENTIAL_HINTS: usize = 3;
/// Columns of the trail's last two steps kept before the other generic hints are shown.
const STEP_EASY: usize = 20;
/// Columns of a query kept before any generic hint is shown.
const QUERY_FIRST: usize = 24;
/// Columns of a query kept at the least.
const QUERY_MIN: usize = 8;

/// What the status bar shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StatusLine {
    /// The hints, in the order they are shown.
    pub hints: Vec<StatusHint>,
    /// The places visited, oldest first, ending where you are; empty with no history.
    pub steps: Vec<String>,
    /// Where you are: the tab and the row.
    pub place: String,
    /// A one-time message, shown instead of the hints.
    pub message: Option<String>,
}

/// One hint: keys and what they do.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StatusHint {
    /// The keys.
    pub keys: Cow<'static, str>,
    /// What they do.
    pub what: String,
    /// A query shown in quotes after `what`, cut with `…` when room is short.
    pub query: Option<String>,
    /// Whether it says where you are or how to get back, and so is kept first.
    pub wayfinding: bool,
    /// Whether it is the way out or to the help, kept at every width after those that say
    /// where you are: a newcomer at 80 columns can always find both.
    pub kept: bool,
}

impl StatusHint {
    /// A hint of keys and what they do.
    pub fn new(keys: impl Into<Cow<'static, str>>, what: impl Into<String>) -> Self {
        Self {
            keys: keys.into(),
            what: what.into(),
            ..Self::default()
        }
    }

    /// The text after the keys, its query cut to `query_columns`, with the gap after it.
    fn text(&self, query_columns: usize) -> String {
        let mut out = format!(" {}", self.what);
        if let Some(query) = &self.query {
            if !self.what.is_empty() {
                out.push(' ');
            }
            out.push('“');
            out.push_str(&text::truncate(query, query_columns));
            out.push('”');
        }
        out.push_str("  ");
        out
    }

    /// Its columns with the query cut to `query_columns`.
    fn width(&self, query_columns: usize) -> usize {
        text::width(&self.keys) + text::width(&self.text(query_columns))
    }

    /// The columns its query takes whole.
    fn query_width(&self) -> usize {
        self.query.as_deref().map_or(0, text::width)
    }
}

/// What fits of a status line in some columns: for each hint, whether it shows and how much
/// of its query; the columns left for the trail.
#[derive(Debug, PartialEq, Eq)]
struct Fitted {
    hints: Vec<Option<usize>>,
    trail: usize,
}

impl Fitted {
    /// Fits `line` into `room` columns, most important first: the hints that say where you are
    /// (with the first columns of a query), the way out and to the help, the trail's last two steps at their least, the
    /// first generic hints, those two steps towards an easy length, the other generic hints
    /// in their order, the rest of a long query; the trail takes what is left.
    fn new(line: &StatusLine, room: usize) -> Self {
        let mut fitted = Self {
            hints: vec![None; line.hints.len()],
            trail: 0,
        };
        let mut used = 0;
        for (shown, hint) in fitted.hints.iter_mut().zip(&line.hints) {
            let least = hint.query_width().min(QUERY_MIN);
            if hint.wayfinding && used + hint.width(least) <= room {
                used += hint.width(least);
                *shown = Some(least);
            }
        }
        for (shown, hint) in fitted.hints.iter_mut().zip(&line.hints) {
            if hint.kept && shown.is_none() && used + hint.width(0) <= room {
                used += hint.width(0);
                *shown = Some(0);
            }
        }
        fitted.grow_queries(line, room, &mut used, QUERY_FIRST);
        let mut reserve = 0;
        reserve_trail(line, room, &mut used, &mut reserve, trail::STEP_MIN, false);
        if fitted.add_generic(line, room, &mut used, ESSENTIAL_HINTS) {
            reserve_trail(line, room, &mut used, &mut reserve, STEP_EASY, true);
            fitted.add_generic(line, room, &mut used, usize::MAX);
        }
        fitted.grow_queries(line, room, &mut used, usize::MAX);
        fitted.trail = room.saturating_sub(used) + reserve;
        fitted
    }

    /// Shows up to `count` more generic hints in their order, stopping at the first that does
    /// not fit, so that a later hint never shows where an earlier one does not; whether all
    /// of them fit.
    fn add_generic(
        &mut self,
        line: &StatusLine,
        room: usize,
        used: &mut usize,
        count: usize,
    ) -> bool {
        let waiting = self
            .hints
            .iter_mut()
            .zip(&line.hints)
            .filter(|(shown, hint)| !hint.wayfinding && shown.is_none())
            .take(count);
        for (shown, hint) in waiting {
            if *used + hint.width(0) > room {
                return false;
            }
            *used += hint.width(0);
            *shown = Some(0);
        }
        true
    }

    /// Lets each shown query take up to `limit` columns while they fit.
    fn grow_queries(&mut self, line: &StatusLine, room: usize, used: &mut usize, limit: usize) {
        for (shown, hint) in self.hints.iter_mut().zip(&line.hints) {
            let Some(columns) = shown else {
                continue;
            };
            let wanted = hint.query_width().min(limit).max(*columns);
            let more = (wanted - *columns).min(room.saturating_sub(*used));
            *columns += more;
            *used += more;
        }
    }
}

/// Keeps room for the trail with its last two steps cut to `step_columns` (only the current
/// step when two do not fit), if that takes more than `reserve` does now. With `partly`, it
/// keeps what room there is towards that, rather than nothing.
fn reserve_trail(
    line: &StatusLine,
    room: usize,
    used: &mut usize,
    reserve: &mut usize,
    step_columns: usize,
    partly: bool,
) {
    let Some([two, one]) = trail::width_with_steps_cut_to(&line.steps, step_columns) else {
        return;
    };
    let others = *used - *reserve;
    let free = room.saturating_sub(others);
    let width = match partly {
        true => two.min(free),
        false => [two, one]
            .into_iter()
            .find(|&width| width <= free)
            .unwrap_or(0),
    };
    if width > *reserve {
        *used = others + width;
        *reserve = width;
    }
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
            // The bar is one line: whatever a message holds (a title's line feed, text from a
            // file) passes the one-line gate here, whoever wrote it.
            let shown = crate::data::display::display_line(message);
            let message =
                text::truncate(shown.as_deref().unwrap_or(message), room.saturating_sub(2));
            used += text::width(&message);
            spans.push(Span::styled(message, theme.status_key));
        } else {
            // One column is kept clear between the trail and the place.
            let fitted = Fitted::new(line, room.saturating_sub(used + 1));
            for (hint, shown) in line.hints.iter().zip(&fitted.hints) {
                let Some(query_columns) = *shown else {
                    continue;
                };
                let what = hint.text(query_columns);
                used += text::width(&hint.keys) + text::width(&what);
                spans.push(Span::styled(hint.keys.clone(), theme.status_key));
                spans.push(Span::styled(what, theme.status));
            }
            if let Some(shown) = trail::trail(&line.steps, fitted.trail) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn generic() -> Vec<StatusHint> {
        [("j/k", "move"), ("l", "links"), ("/", "search")]
            .map(|(keys, what)| StatusHint::new(keys, what))
            .into()
    }

    fn line(query: &str) -> StatusLine {
        let mut hints = generic();
        hints.push(StatusHint {
            query: Some(query.to_string()),
            wayfinding: true,
            ..StatusHint::new("n/N", "[1/5]")
        });
        hints.push(StatusHint {
            wayfinding: true,
            ..StatusHint::new("⌫", "back")
        });
        hints.extend([("?", "help"), ("q", "quit")].map(|(k, w)| StatusHint {
            kept: true,
            ..StatusHint::new(k, w)
        }));
        StatusLine {
            hints,
            steps: [
                "Kazakhstan joins the OIC",
                "Second Congress of World Religions",
            ]
            .map(String::from)
            .into(),
            place: " Initiatives 2/11 ".to_string(),
            message: None,
        }
    }

    fn drawn(line: &StatusLine, width: u16) -> String {
        let area = Rect::new(0, 0, width, 1);
        let mut buf = Buffer::empty(area);
        StatusBar {
            line,
            theme: &Theme::default(),
        }
        .render(area, &mut buf);
        (0..width)
            .filter_map(|x| buf.cell((x, 0)).map(|cell| cell.symbol().to_string()))
            .collect()
    }

    #[test]
    fn where_you_are_outranks_the_generic_hints() {
        let shown = drawn(&line("place:baku"), 80);
        assert!(shown.contains("n/N [1/5] “place:baku”"), "{shown}");
        assert!(shown.contains("⌫ back"), "{shown}");
        assert!(shown.ends_with(" Initiatives 2/11 "), "{shown}");
        let wider = drawn(&line("place:baku"), 100);
        assert!(wider.contains("› Second Con"), "{wider}");
    }

    #[test]
    fn the_way_out_and_to_the_help_stay_at_80_columns() {
        for query in [
            "",
            "place:baku",
            "place:baku kazakhstan summit of the heads of state",
        ] {
            let shown = drawn(&line(query), 80);
            assert!(
                shown.contains("? help") && shown.contains("q quit"),
                "{shown}"
            );
            assert!(shown.contains("⌫ back"), "{shown}");
        }
    }

    #[test]
    fn a_long_query_is_cut_not_dropped() {
        let shown = drawn(
            &line("place:baku kazakhstan summit of the heads of state"),
            80,
        );
        assert!(shown.contains("n/N [1/5] “place:b"), "{shown}");
        assert!(shown.contains("…”"), "{shown}");
        assert!(shown.contains("⌫ back"), "{shown}");
        let wide = drawn(
            &line("place:baku kazakhstan summit of the heads of state"),
            200,
        );
        assert!(wide.contains("“place:baku kazakhstan summit of the heads of state”"));
        assert!(wide.contains("q quit"), "{wide}");
    }

    #[test]
    fn every_width_draws_inside_the_bar() {
        let line = line("place:baku");
        for width in [0, 1, 10, 30, 60, 80, 120, 200] {
            let shown = drawn(&line, width);
            assert_eq!(text::width(&shown), usize::from(width));
        }
    }
}
