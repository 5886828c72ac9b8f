//! What a click or a turn of the wheel does, given where it lands.

use ratatui::layout::Position;

use super::{App, Focus};
use crate::{
    action::{Action, Mode, Movement},
    chrome::layout::{Screen, SearchOverlay},
    data::Tab,
};

impl App {
    pub(super) fn click(&mut self, at: Position) {
        match self.overlay {
            Mode::Search => {
                let overlay = SearchOverlay::new(self.size);
                if let Some(hit) = self.prompt.hit_at_line(at, overlay.results) {
                    self.prompt.select_hit(hit);
                    self.submit_search();
                }
            }
            Mode::Browse | Mode::Links => self.click_browsing(at),
            Mode::Help | Mode::Source => {}
        }
    }

    fn click_browsing(&mut self, at: Position) {
        let Some(screen) = Screen::new(self.size) else {
            return;
        };
        if screen.tabs.contains(at) {
            let counts = Tab::ALL.map(|tab| self.view(tab).rows.len());
            if let Some(tab) = crate::chrome::tab_bar::tab_at(screen.tabs, &counts, at.x) {
                self.go_to_tab(tab);
            }
            return;
        }
        let panes = screen.panes(self.tab_extras(self.tab));
        let rows = panes.list_rows();
        if rows.contains(at) {
            let row = self.view(self.tab).list.offset + usize::from(at.y - rows.y);
            if row < self.view(self.tab).rows.len() {
                self.select_row(row);
                self.view_mut().focus = Focus::List;
            }
            return;
        }
        if panes.detail_text().contains(at)
            && let Some(link) = self.link_at_row(at.y)
        {
            self.view_mut().link = link;
            self.follow_link();
        }
    }

    pub(super) fn wheel(&mut self, at: Position, lines: i32) {
        let movement = if lines > 0 {
            Movement::Down
        } else {
            Movement::Up
        };
        let steps = lines.unsigned_abs() as usize;
        match self.overlay {
            Mode::Search => {
                for _ in 0..steps {
                    self.update(Action::SearchSelect(movement));
                }
            }
            Mode::Help => {
                for _ in 0..steps {
                    self.scroll_help(Some(movement));
                }
            }
            Mode::Source => {
                for _ in 0..steps {
                    self.scroll_source(Some(movement));
                }
            }
            Mode::Browse | Mode::Links => {
                let Some(panes) = self.panes() else {
                    return;
                };
                if panes.detail.contains(at) {
                    self.scroll_detail(lines);
                } else if panes.list.contains(at) {
                    for _ in 0..steps {
                        self.move_selection(movement);
                    }
                }
            }
        }
    }
}
