//! What a click or a turn of the wheel does, given where it lands.

use ratatui::layout::Position;

use super::App;
use crate::{
    action::Movement,
    chrome::{layout::Screen, tab_bar::tab_at},
    data::Tab,
    overlay::Overlay,
    tabs::Focus,
};

impl App {
    pub(super) fn click(&mut self, at: Position) {
        match &self.overlay {
            Some(Overlay::Search(_)) => self.click_result(at),
            // The export prompt stays over the list it writes until it is done or cancelled.
            Some(
                Overlay::Help(_)
                | Overlay::Source(_)
                | Overlay::Palette(_)
                | Overlay::Export(_)
                | Overlay::Cite(_),
            ) => {}
            // A click goes back to the list, the filter kept, and does what it does there.
            Some(Overlay::Filter(_)) => {
                self.keep_filter();
                self.click_browsing(at);
            }
            None => self.click_browsing(at),
        }
    }

    fn click_browsing(&mut self, at: Position) {
        let Some(screen) = Screen::new(self.size) else {
            return;
        };
        if screen.tabs.contains(at) {
            let counts = Tab::ALL.map(|tab| self.view(tab).len());
            if let Some(tab) = tab_at(screen.tabs, &counts, self.tab, at.x) {
                self.go_to_tab(tab);
            }
            return;
        }
        let panes = screen.panes(self.tab_extras(self.tab));
        let rows = panes.list_rows();
        if rows.contains(at) && self.tab == Tab::Source {
            if let Some(row) = self.tabs.source.paragraph_at_row(at.y, rows) {
                self.select_row(row);
                self.view_mut().focus = Focus::List;
            }
            return;
        }
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
        let size = self.size;
        match &mut self.overlay {
            Some(Overlay::Search(_)) => {
                for _ in 0..steps {
                    self.select_result(movement);
                }
            }
            Some(Overlay::Help(help)) => {
                for _ in 0..steps {
                    help.scroll(Some(movement), size);
                }
            }
            Some(Overlay::Source(source)) => {
                for _ in 0..steps {
                    source.scroll(Some(movement), size);
                }
            }
            Some(Overlay::Palette(_)) => {
                for _ in 0..steps {
                    self.move_in_palette(movement);
                }
            }
            Some(Overlay::Export(_) | Overlay::Cite(_)) => {}
            None | Some(Overlay::Filter(_)) => {
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
