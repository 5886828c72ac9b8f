//! The whole screen, drawn from the app's state: the tab bar, the tab on screen, the status
//! bar and the open overlay. Each part draws itself; this file only decides what goes where
//! and what the status bar says. Nothing here changes the state.

use ratatui::{
    Frame,
    buffer::Buffer,
    layout::{Alignment, Rect},
    widgets::{Paragraph, Widget, Wrap},
};

use super::{App, Location};
use crate::{
    action::bindings::HintWhen,
    chrome::{
        layout::{MAX_SIZE, MIN_SIZE, Screen, filter_line},
        status_bar::{StatusBar, StatusHint, StatusLine},
        tab_bar::TabBar,
        text,
        theme::Theme,
    },
    data::Tab,
    overlay::{Overlay, search::counter},
};

/// Draws the whole screen for `app`, with the cursor where the search is typed.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    app.render(area, frame.buffer_mut());
    let Some(screen) = Screen::new(area.as_size()) else {
        return;
    };
    let cursor = match app.overlay() {
        Some(Overlay::Search(search)) => search.cursor(area),
        Some(Overlay::Filter(prompt)) => prompt.cursor(app.filter_line(&screen)),
        Some(Overlay::Palette(palette)) => palette.cursor(area),
        Some(Overlay::Export(prompt)) => prompt.cursor(area),
        _ => None,
    };
    if let Some(cursor) = cursor {
        frame.set_cursor_position(cursor);
    }
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        // The layout comes from the area being drawn: the terminal may have changed size since
        // the app last heard of it, and a pane laid out for another size would draw outside.
        let Some(screen) = Screen::new(area.as_size()) else {
            render_too_small(area, buf, self.theme());
            return;
        };
        let counts = Tab::ALL.map(|tab| self.view(tab).len());
        TabBar {
            active: self.tab(),
            counts: &counts,
            theme: self.theme(),
        }
        .render(screen.tabs, buf);
        self.tabs().render(self.tab(), screen.body, buf);
        StatusBar {
            line: &self.status_line(),
            theme: self.theme(),
        }
        .render(screen.status, buf);
        match self.overlay() {
            Some(Overlay::Filter(prompt)) => prompt.render(self.filter_line(&screen), buf),
            Some(overlay) => overlay.render(area, buf),
            None => {}
        }
    }
}

impl App {
    /// Where the filter is typed: over the bottom border of the list on `screen`.
    fn filter_line(&self, screen: &Screen) -> Rect {
        filter_line(screen.panes(self.tab_extras(self.tab())).list)
    }

    /// What the status bar says now: the hints of the mode, the trail, where you are.
    pub fn status_line(&self) -> StatusLine {
        let view = self.view(self.tab());
        let place = match view.selected_paragraph() {
            _ if view.is_empty() => format!(" {} · empty ", self.tab().title()),
            Some(number) => format!(" {} ¶{number}/{} ", self.tab().title(), view.len()),
            None => format!(
                " {} {}/{} ",
                self.tab().title(),
                view.list.selected + 1,
                view.len()
            ),
        };
        let trail = self.history().trail();
        let steps = if trail.is_empty() {
            Vec::new()
        } else {
            let location = self.location();
            trail
                .iter()
                .chain([&location])
                .map(|location| self.step_name(location))
                .collect()
        };
        StatusLine {
            hints: self.hints(),
            steps,
            place,
            message: self.message().map(str::to_string),
        }
    }

    /// The mode's hints that are worth showing now.
    fn hints(&self) -> Vec<StatusHint> {
        let has_links = self.view(self.tab()).link_count(self.catalog()) > 0;
        let has_history = !self.history().trail().is_empty();
        let in_help_filter =
            matches!(self.overlay(), Some(Overlay::Help(help)) if help.is_typing());
        self.bindings()
            .hints(self.mode())
            .filter_map(|(hint, keys)| match hint.when {
                HintWhen::Always => Some(StatusHint {
                    kept: hint.is_way_out_or_help(),
                    ..StatusHint::new(keys, hint.what)
                }),
                HintWhen::InPalette => (!in_help_filter).then(|| StatusHint::new(keys, hint.what)),
                HintWhen::InHelpFilter => in_help_filter.then(|| StatusHint::new(keys, hint.what)),
                HintWhen::HasLinks => has_links.then(|| StatusHint::new(keys, hint.what)),
                // The way back and the search position say where you are: they are kept first.
                HintWhen::HasHistory => has_history.then(|| StatusHint {
                    wayfinding: true,
                    ..StatusHint::new(keys, hint.what)
                }),
                HintWhen::HasSearch => {
                    self.last_search()
                        .filter(|last| last.in_view())
                        .map(|last| {
                            // Off the results (browsed away, or not shown yet) the position is not said.
                            let count = match last.on_result() {
                                true => counter(last.position(), last.len()),
                                false => format!("[–/{}]", last.len()),
                            };
                            StatusHint {
                                query: Some(last.shown_text()),
                                wayfinding: true,
                                ..StatusHint::new(keys, count)
                            }
                        })
                }
            })
            .collect()
    }

    /// A place of the trail by name: its record's title, its paragraph, or its tab's.
    fn step_name(&self, location: &Location) -> String {
        match location.record {
            // Whole: the status bar cuts it to the room there is, no wider than a terminal.
            Some(record) => {
                text::truncate(self.catalog().title(record), usize::from(MAX_SIZE.width))
            }
            None if location.tab == Tab::Source && !self.view(Tab::Source).is_empty() => {
                format!("¶{}", location.row + 1)
            }
            None if location.tab == Tab::Map => match self.tabs().map.place_name(location.row) {
                Some(name) => text::truncate(name, usize::from(MAX_SIZE.width)),
                None => location.tab.title().to_string(),
            },
            None => location.tab.title().to_string(),
        }
    }
}

fn render_too_small(area: Rect, buf: &mut Buffer, theme: &Theme) {
    let message = format!(
        "terminal too small: need at least {}×{} (now {}×{})",
        MIN_SIZE.width, MIN_SIZE.height, area.width, area.height
    );
    let lines =
        u16::try_from(text::wrap(&message, usize::from(area.width)).len()).unwrap_or(u16::MAX);
    let top = area.height.saturating_sub(lines) / 2;
    let centred = Rect {
        y: area.y + top,
        height: area.height - top,
        ..area
    };
    Paragraph::new(message)
        .style(theme.warning)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true })
        .render(centred, buf);
}
