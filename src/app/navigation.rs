//! Moving around: tabs, selections, links, and the history that records the way. The tab
//! does the moving; this file hands it the sizes the screen gives and records the way.

use super::{App, Location};
use crate::{
    action::Movement,
    chrome::layout::Screen,
    data::{RecordRef, Tab},
    tabs::Focus,
};

impl App {
    /// Where the explorer is now.
    pub fn location(&self) -> Location {
        let view = self.view(self.tab);
        Location {
            tab: self.tab,
            record: view.selected(),
            row: view.list.selected,
            offset: view.list.offset,
            detail_scroll: view.detail_scroll,
            focus: view.focus,
            link: view.link,
            cleared: None,
        }
    }

    /// Goes somewhere new: the place left is recorded for `Back` when the move changed it.
    pub(super) fn navigate(&mut self, step: impl FnOnce(&mut Self)) {
        let mut from = self.location();
        self.cleared_filters = None;
        step(self);
        if self.location() != from {
            from.cleared = self.cleared_filters.take();
            self.history.leave(from);
        }
    }

    /// Shows another tab, remembered in history.
    pub(super) fn go_to_tab(&mut self, tab: Tab) {
        self.navigate(|app| app.tab = tab);
    }

    /// Shows `record` selected in its tab, remembered in history.
    pub fn jump_to(&mut self, record: RecordRef) {
        self.navigate(|app| app.show(record));
    }

    /// Shows `record` selected in its tab with the list focused; clears the tab's filters
    /// when they hide the record, kept for history to put back.
    pub(super) fn show(&mut self, record: RecordRef) {
        let tab = Tab::of(record);
        let controls = &self.view(tab).controls;
        if self.view(tab).rows.position_of(record).is_none() && controls.shape().is_filtered() {
            self.cleared_filters = Some(controls.filters());
            self.reshape(tab, |controls| {
                controls.clear_filters();
            });
            self.message = Some(format!(
                "A filter of the {} tab hid it: cleared · ⌫ puts it back",
                tab.title()
            ));
        }
        let Some(row) = self.view(tab).rows.position_of(record) else {
            return;
        };
        self.tab = tab;
        self.select_row(row);
        self.view_mut().focus = Focus::List;
    }

    /// Shows the selected record's first quoted passage in the Source tab, remembered in
    /// history.
    pub(super) fn show_in_source(&mut self) {
        if self.catalog.source().is_none() {
            self.message =
                Some("The source text is not loaded: open with --source PATH.".to_string());
            return;
        }
        let Some(record) = self.view(self.tab).selected() else {
            let message = match self.tab {
                Tab::Source => "This is the source: l lists the records quoting a paragraph.",
                _ => "Nothing to show: this tab has no records.",
            };
            self.message = Some(message.to_string());
            return;
        };
        let page = self.list_page_of(Tab::Source);
        let mut shown = false;
        self.navigate(|app| {
            shown = app.tabs.source.show_record(record, page);
            if shown {
                app.tab = Tab::Source;
            }
        });
        if shown {
            self.refresh_detail();
            if let Some(detail) = self.detail_area() {
                self.view_mut().keep_link_visible(detail);
            }
        } else {
            self.message = Some("No paragraph of the source holds this record's quotes.".into());
        }
    }

    /// Shows the place the chosen search result, the picked link (when the links have the
    /// focus) or else the selected record names on the Map tab, remembered in history.
    pub(super) fn show_on_map(&mut self) {
        if let Some(crate::overlay::Overlay::Search(search)) = &self.overlay {
            let Some(hit) = search.prompt.selected_hit() else {
                return;
            };
            let record = hit.record;
            if crate::tabs::map::place_of(&self.catalog, record).is_none() {
                self.message = Some("This result names no place.".to_string());
                return;
            }
            self.last_search = Some(crate::overlay::LastSearch::from_prompt(&search.prompt));
            let overlay = self.overlay.take();
            self.close_overlay(overlay);
            self.open_place_of(record);
            return;
        }
        let view = self.view(self.tab);
        let record = match view.focus {
            Focus::Links => view.link_target(&self.catalog),
            Focus::List => view.selected(),
        };
        let Some(record) = record else {
            self.message = Some(match self.tab {
                Tab::Map => "This is the map: j/k pick a place.".to_string(),
                _ => "Nothing to show: this tab has no records.".to_string(),
            });
            return;
        };
        if crate::tabs::map::place_of(&self.catalog, record).is_none() {
            self.message = Some("This record names no place.".to_string());
            return;
        }
        self.open_place_of(record);
    }

    /// Opens the Map tab at the place `record` names, remembered in history.
    fn open_place_of(&mut self, record: RecordRef) {
        let Some(place) = crate::tabs::map::place_of(&self.catalog, record) else {
            return;
        };
        let page = self.list_page_of(Tab::Map);
        self.navigate(|app| {
            if app.tabs.map.show_place(place, page) {
                app.tab = Tab::Map;
            }
        });
    }

    /// Returns to a recorded place, as near as the data still allows.
    fn restore(&mut self, location: Location) {
        if let Some(filters) = location.cleared {
            self.reshape(filters.tab, |controls| controls.restore_filters(filters));
        }
        self.tab = location.tab;
        match location.record {
            Some(record) => self.show(record),
            // Paragraphs and places are not records: their row is where they were.
            None if !Tab::RECORDS.contains(&location.tab) => self.select_row(location.row),
            None => {}
        }
        let page = self.list_page_of(self.tab);
        let view = self.view_mut();
        let rows = view.len();
        view.list.set_offset(location.offset, rows, page);
        view.detail_scroll = location.detail_scroll;
        view.focus = location.focus;
        view.link = location.link;
        self.refresh_detail();
        self.scroll_detail(0);
        let catalog = std::sync::Arc::clone(&self.catalog);
        self.view_mut().clamp_link(&catalog);
    }

    pub(super) fn go_back(&mut self) {
        let current = self.location();
        if let Some(previous) = self.history.back(current) {
            self.restore(previous);
        }
    }

    pub(super) fn go_forward(&mut self) {
        let current = self.location();
        if let Some(next) = self.history.forward(current) {
            self.restore(next);
        }
    }

    /// Rows of `tab`'s list on screen, for paging.
    pub(super) fn list_page_of(&self, tab: Tab) -> usize {
        Screen::new(self.size).map_or(1, |screen| {
            usize::from(screen.panes(self.tab_extras(tab)).list_rows().height.max(1))
        })
    }

    pub(super) fn move_selection(&mut self, movement: Movement) {
        let page = self.list_page_of(self.tab);
        self.view_mut().move_selection(movement, page);
    }

    pub(super) fn select_row(&mut self, row: usize) {
        let page = self.list_page_of(self.tab);
        self.view_mut().select_row(row, page);
    }

    pub(super) fn focus_links(&mut self) {
        if self.view(self.tab).link_count(&self.catalog) == 0 {
            let message = if self.tab == Tab::Source {
                "No record quotes this paragraph."
            } else if self.tab == Tab::Map {
                "No event is held here."
            } else {
                "This record has no links to other records."
            };
            self.message = Some(message.to_string());
            return;
        }
        let catalog = std::sync::Arc::clone(&self.catalog);
        let detail = self.detail_area();
        let view = self.view_mut();
        view.focus = Focus::Links;
        view.clamp_link(&catalog);
        self.refresh_detail();
        if let Some(detail) = detail {
            self.view_mut().keep_link_visible(detail);
        }
    }

    pub(super) fn move_link(&mut self, movement: Movement) {
        let catalog = std::sync::Arc::clone(&self.catalog);
        let detail = self.detail_area().unwrap_or_default();
        self.view_mut().move_link(movement, &catalog, detail);
    }

    /// Follows the picked link: its record is shown in its tab, remembered in history.
    pub(super) fn follow_link(&mut self) {
        if let Some(record) = self.view(self.tab).link_target(&self.catalog) {
            self.jump_to(record);
        }
    }

    /// The text area of the detail pane on screen, when the terminal is big enough for one.
    fn detail_area(&self) -> Option<ratatui::layout::Rect> {
        self.panes().map(|panes| panes.detail_text())
    }

    /// Scrolls the detail pane by `lines` (negative: up), within its text.
    pub(super) fn scroll_detail(&mut self, lines: i32) {
        let Some(detail) = self.detail_area() else {
            // Nothing of the detail is on screen: it starts at its top when it comes back.
            self.view_mut().detail_scroll = 0;
            return;
        };
        self.refresh_detail();
        let view = self.view_mut();
        view.scroll_detail(lines, detail.width, usize::from(detail.height));
    }

    /// Which link of the detail pane is drawn on screen row `row`, if any.
    pub(super) fn link_at_row(&self, row: u16) -> Option<usize> {
        let detail = self.detail_area()?;
        self.view(self.tab).link_at_row(row, detail)
    }
}
