//! Moving around: tabs, selections, links, and the history that records the way.

use super::{App, Focus, Location};
use crate::{
    action::Movement,
    data::{RecordRef, Tab},
    ui,
};

impl App {
    /// Where the explorer is now.
    pub fn location(&self) -> Location {
        let view = self.view(self.tab);
        Location {
            tab: self.tab,
            record: view.selected(),
            offset: view.list.offset,
            detail_scroll: view.detail_scroll,
            focus: view.focus,
            link: view.link,
        }
    }

    /// Goes somewhere new: the place left is recorded for `Back` when the move changed it.
    fn navigate(&mut self, step: impl FnOnce(&mut Self)) {
        let from = self.location();
        step(self);
        if self.location() != from {
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

    /// Shows `record` selected in its tab with the list focused; clears the timeline filter
    /// when it hides the record.
    pub(super) fn show(&mut self, record: RecordRef) {
        let tab = Tab::of(record);
        if self.view(tab).rows.position_of(record).is_none() && self.options.kind_filter.is_some() {
            self.options.kind_filter = None;
            self.rebuild_rows(tab);
        }
        let Some(row) = self.view(tab).rows.position_of(record) else {
            return;
        };
        self.tab = tab;
        self.select_row(row);
        self.view_mut().focus = super::Focus::List;
    }

    /// Returns to a recorded place, as near as the data still allows.
    fn restore(&mut self, location: Location) {
        self.tab = location.tab;
        if let Some(record) = location.record {
            self.show(record);
        }
        let page = self.list_page();
        let view = self.view_mut();
        view.list.offset = location.offset;
        view.list.scroll_into_view(view.rows.len(), page);
        view.detail_scroll = location.detail_scroll;
        view.focus = location.focus;
        view.link = location.link;
        self.scroll_detail(0);
        self.clamp_link();
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

    /// Rows of the current tab's list on screen, for paging.
    pub(super) fn list_page(&self) -> usize {
        self.list_page_of(self.tab)
    }

    pub(super) fn list_page_of(&self, tab: Tab) -> usize {
        crate::chrome::layout::Screen::new(self.size).map_or(1, |screen| {
            screen.panes(self.tab_extras(tab)).list_rows().height.max(1) as usize
        })
    }

    pub(super) fn move_selection(&mut self, movement: Movement) {
        let page = self.list_page();
        let view = self.view_mut();
        if view.list.apply(movement, view.rows.len(), page) {
            view.detail_scroll = 0;
            view.link = 0;
        }
    }

    pub(super) fn select_row(&mut self, row: usize) {
        let page = self.list_page();
        let view = self.view_mut();
        if view.list.select(row, view.rows.len(), page) {
            view.detail_scroll = 0;
            view.link = 0;
        }
    }

    fn link_count(&self) -> usize {
        self.view(self.tab)
            .selected()
            .map_or(0, |record| self.catalog.relations(record).len())
    }

    fn clamp_link(&mut self) {
        let count = self.link_count();
        let view = self.view_mut();
        if count == 0 {
            view.focus = Focus::List;
            view.link = 0;
        } else {
            view.link = view.link.min(count - 1);
        }
    }

    pub(super) fn focus_links(&mut self) {
        if self.link_count() == 0 {
            self.message = Some("This record has no links to other records.".to_string());
            return;
        }
        self.view_mut().focus = Focus::Links;
        self.clamp_link();
        self.keep_link_visible();
    }

    pub(super) fn move_link(&mut self, movement: Movement) {
        let count = self.link_count();
        if count == 0 {
            return;
        }
        let page = self
            .panes()
            .map_or(1, |panes| panes.detail_text().height.max(1) as usize);
        let view = self.view_mut();
        view.link = match movement {
            Movement::Down => view.link.saturating_add(1),
            Movement::Up => view.link.saturating_sub(1),
            Movement::First => 0,
            Movement::Last => count - 1,
            Movement::PageDown => view.link.saturating_add(page / 2),
            Movement::PageUp => view.link.saturating_sub(page / 2),
        }
        .min(count - 1);
        self.keep_link_visible();
    }

    /// Follows the picked link: its record is shown in its tab, remembered in history.
    pub(super) fn follow_link(&mut self) {
        let view = self.view(self.tab);
        let Some(record) = view.selected() else {
            return;
        };
        let Some(relation) = self.catalog.relations(record).get(view.link) else {
            return;
        };
        self.jump_to(relation.target);
    }

    /// The selected record's detail text as laid out now.
    fn detail_text(&self) -> Option<(ui::detail::DetailText, usize)> {
        let text_area = self.panes()?.detail_text();
        let view = self.view(self.tab);
        let record = view.selected()?;
        let text =
            ui::detail::detail_text(&self.catalog, record, text_area.width, &self.theme, None);
        Some((text, usize::from(text_area.height)))
    }

    /// Scrolls the detail pane by `lines` (negative: up), within its text.
    pub(super) fn scroll_detail(&mut self, lines: i32) {
        let limit = self
            .detail_text()
            .map_or(0, |(text, height)| text.lines.len().saturating_sub(height));
        let view = self.view_mut();
        view.detail_scroll = offset_by(view.detail_scroll, lines).min(limit);
    }

    /// Scrolls the detail pane so the picked link is on screen.
    fn keep_link_visible(&mut self) {
        let Some((text, height)) = self.detail_text() else {
            return;
        };
        let link = self.view(self.tab).link;
        let Some(&first) = text.link_lines.get(link) else {
            return;
        };
        let last = (first..text.lines.len())
            .take_while(|&line| text.link_at(line) == Some(link))
            .last()
            .unwrap_or(first);
        let limit = text.lines.len().saturating_sub(height);
        let view = self.view_mut();
        if first < view.detail_scroll {
            view.detail_scroll = first;
        } else if last >= view.detail_scroll + height {
            view.detail_scroll = (last + 1).saturating_sub(height);
        }
        view.detail_scroll = view.detail_scroll.min(limit);
    }

    /// Which link of the detail pane is drawn on screen row `row`, if any.
    pub(super) fn link_at_row(&self, row: u16) -> Option<usize> {
        let text_area = self.panes()?.detail_text();
        let (text, _) = self.detail_text()?;
        let line = self.view(self.tab).detail_scroll + usize::from(row.checked_sub(text_area.y)?);
        text.link_at(line)
    }
}

/// `value` moved by `delta`, stopping at 0.
fn offset_by(value: usize, delta: i32) -> usize {
    if delta >= 0 {
        value.saturating_add(delta.unsigned_abs() as usize)
    } else {
        value.saturating_sub(delta.unsigned_abs() as usize)
    }
}
