//! The explorer's state and the one place it changes: [`App::update`]. No I/O here.

mod list_position;
mod search_session;
mod tab_rows;

use std::sync::Arc;

use ratatui::layout::{Position, Size};

pub use list_position::ListPosition;
pub use search_session::{LastSearch, ResultLine, SearchPrompt};
pub use tab_rows::TabRows;

use crate::{
    action::{Action, Mode, Movement},
    data::{Catalog, RecordRef},
    layout::{HelpOverlay, Screen, SearchOverlay},
    search::SearchIndex,
    tab::Tab,
    ui::{self, theme::Theme},
};

/// One tab's rows, selection and detail scroll, kept across frames.
#[derive(Debug, Default)]
pub struct TabView {
    /// The records listed, in order.
    pub rows: TabRows,
    /// The selection and the first row on screen.
    pub list: ListPosition,
    /// The first line of the detail pane on screen.
    pub detail_scroll: usize,
}

impl TabView {
    /// The selected record.
    pub fn selected(&self) -> Option<RecordRef> {
        self.rows.get(self.list.selected)
    }
}

/// The whole state of the explorer.
pub struct App {
    catalog: Arc<Catalog>,
    index: SearchIndex,
    tab: Tab,
    views: [TabView; 4],
    mode: Mode,
    size: Size,
    prompt: SearchPrompt,
    last_search: Option<LastSearch>,
    help_scroll: usize,
    running: bool,
    theme: Theme,
}

impl App {
    /// An explorer on `catalog`, showing the first tab, for a terminal of `size`.
    pub fn new(catalog: Arc<Catalog>, size: Size) -> Self {
        let views = Tab::ALL.map(|tab| TabView {
            rows: TabRows::new(&catalog, tab),
            ..TabView::default()
        });
        Self {
            index: SearchIndex::new(&catalog),
            catalog,
            tab: Tab::default(),
            views,
            mode: Mode::default(),
            size,
            prompt: SearchPrompt::default(),
            last_search: None,
            help_scroll: 0,
            running: true,
            theme: Theme::default(),
        }
    }

    /// The same app drawn with `theme`.
    pub fn with_theme(mut self, theme: Theme) -> Self {
        self.theme = theme;
        self
    }

    /// The styles the app is drawn with.
    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// The dataset being explored.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The tab on screen.
    pub fn tab(&self) -> Tab {
        self.tab
    }

    /// Which part of the app takes the keys.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// A tab's rows and selection.
    pub fn view(&self, tab: Tab) -> &TabView {
        &self.views[tab.index()]
    }

    /// The terminal size the state is laid out for.
    pub fn size(&self) -> Size {
        self.size
    }

    /// The search prompt (meaningful while the mode is [`Mode::Search`]).
    pub fn prompt(&self) -> &SearchPrompt {
        &self.prompt
    }

    /// The last search submitted, which `n` and `N` step through.
    pub fn last_search(&self) -> Option<&LastSearch> {
        self.last_search.as_ref()
    }

    /// The first line of the help overlay on screen.
    pub fn help_scroll(&self) -> usize {
        self.help_scroll
    }

    /// Whether the app should keep running.
    pub fn is_running(&self) -> bool {
        self.running
    }

    /// Carries out one action.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::Quit => self.running = false,
            Action::SelectTab(tab) => self.tab = tab,
            Action::NextTab => self.tab = self.tab.next(),
            Action::PreviousTab => self.tab = self.tab.previous(),
            Action::Move(movement) => self.move_selection(movement),
            Action::ScrollDetail(lines) => self.scroll_detail(lines),
            Action::OpenSearch => {
                self.prompt = SearchPrompt::default();
                self.mode = Mode::Search;
            }
            Action::SearchType(c) => self.edit_query(|query| query.push(c)),
            Action::SearchPaste(text) => self.edit_query(|query| {
                let line = text.lines().collect::<Vec<_>>().join(" ");
                query.extend(line.chars().filter(|c| !c.is_control()));
            }),
            Action::SearchBackspace => self.edit_query(|query| {
                query.pop();
            }),
            Action::SearchDeleteWord => self.edit_query(|query| {
                let kept = query.trim_end().rfind(' ').map_or(0, |space| space + 1);
                query.truncate(kept);
            }),
            Action::SearchClear => self.edit_query(String::clear),
            Action::SearchSelect(movement) => {
                let page = SearchOverlay::new(self.size).results.height as usize;
                self.prompt.select(movement, page);
            }
            Action::SearchSubmit => self.submit_search(),
            Action::NextResult => self.step_result(true),
            Action::PreviousResult => self.step_result(false),
            Action::ToggleHelp => {
                self.mode = if self.mode == Mode::Help {
                    Mode::Browse
                } else {
                    self.help_scroll = 0;
                    Mode::Help
                };
            }
            Action::ScrollHelp(movement) => self.scroll_help(movement),
            Action::Cancel => self.mode = Mode::Browse,
            Action::Resize { width, height } => self.resize(Size::new(width, height)),
            Action::Click { column, row } => self.click(Position::new(column, row)),
            Action::Wheel { column, row, lines } => self.wheel(Position::new(column, row), lines),
        }
    }

    fn view_mut(&mut self) -> &mut TabView {
        &mut self.views[self.tab.index()]
    }

    /// Rows of the list on screen, for paging.
    fn list_page(&self) -> usize {
        Screen::new(self.size).map_or(1, |screen| {
            screen.panes().list_rows().height.max(1) as usize
        })
    }

    fn move_selection(&mut self, movement: Movement) {
        let page = self.list_page();
        let view = self.view_mut();
        if view.list.apply(movement, view.rows.len(), page) {
            view.detail_scroll = 0;
        }
    }

    fn select_row(&mut self, row: usize) {
        let page = self.list_page();
        let view = self.view_mut();
        if view.list.select(row, view.rows.len(), page) {
            view.detail_scroll = 0;
        }
    }

    /// Lines the selected record's detail can scroll by before its end is on screen.
    fn detail_scroll_limit(&self) -> usize {
        let Some(screen) = Screen::new(self.size) else {
            return 0;
        };
        let text = screen.panes().detail_text();
        let Some(record) = self.view(self.tab).selected() else {
            return 0;
        };
        let lines = ui::detail::detail_lines(&self.catalog, record, text.width, &self.theme).len();
        lines.saturating_sub(text.height as usize)
    }

    fn scroll_detail(&mut self, lines: i32) {
        let limit = self.detail_scroll_limit();
        let view = self.view_mut();
        view.detail_scroll = offset_by(view.detail_scroll, lines).min(limit);
    }

    fn edit_query(&mut self, edit: impl FnOnce(&mut String)) {
        let mut text = self.prompt.text().to_string();
        edit(&mut text);
        self.prompt.set_query(&text, &self.index);
    }

    fn submit_search(&mut self) {
        let Some(hit) = self.prompt.selected_hit() else {
            return;
        };
        self.last_search = Some(LastSearch::from_prompt(&self.prompt));
        self.mode = Mode::Browse;
        self.jump_to(hit.record);
    }

    fn step_result(&mut self, forward: bool) {
        let Some(last) = self.last_search.as_mut() else {
            return;
        };
        if let Some(record) = last.step(forward) {
            self.jump_to(record);
        }
    }

    /// Shows `record` selected in its tab.
    pub fn jump_to(&mut self, record: RecordRef) {
        let tab = Tab::of(record);
        let Some(row) = self.view(tab).rows.position_of(record) else {
            return;
        };
        self.tab = tab;
        self.select_row(row);
    }

    fn scroll_help(&mut self, movement: Movement) {
        let overlay = HelpOverlay::new(self.size);
        let page = overlay.text.height.max(1) as usize;
        let limit = ui::help::help_lines(overlay.text.width, &self.theme)
            .len()
            .saturating_sub(page);
        self.help_scroll = match movement {
            Movement::Down => self.help_scroll.saturating_add(1),
            Movement::Up => self.help_scroll.saturating_sub(1),
            Movement::First => 0,
            Movement::Last => limit,
            Movement::PageDown => self.help_scroll.saturating_add(page),
            Movement::PageUp => self.help_scroll.saturating_sub(page),
        }
        .min(limit);
    }

    fn resize(&mut self, size: Size) {
        self.size = size;
        let page = self.list_page();
        for view in &mut self.views {
            view.list.scroll_into_view(view.rows.len(), page);
        }
        let limit = self.detail_scroll_limit();
        let view = self.view_mut();
        view.detail_scroll = view.detail_scroll.min(limit);
        self.scroll_help(Movement::Up);
        self.scroll_help(Movement::Down);
    }

    fn click(&mut self, at: Position) {
        match self.mode {
            Mode::Search => {
                let overlay = SearchOverlay::new(self.size);
                if let Some(hit) = self.prompt.hit_at_line(at, overlay.results) {
                    self.prompt.select_hit(hit);
                    self.submit_search();
                }
            }
            Mode::Help => {}
            Mode::Browse => {
                let Some(screen) = Screen::new(self.size) else {
                    return;
                };
                if screen.tabs.contains(at) {
                    let counts = Tab::ALL.map(|tab| self.view(tab).rows.len());
                    if let Some(tab) = ui::tab_bar::tab_at(screen.tabs, &counts, at.x) {
                        self.tab = tab;
                    }
                    return;
                }
                let rows = screen.panes().list_rows();
                if rows.contains(at) {
                    let row = self.view(self.tab).list.offset + usize::from(at.y - rows.y);
                    if row < self.view(self.tab).rows.len() {
                        self.select_row(row);
                    }
                }
            }
        }
    }

    fn wheel(&mut self, at: Position, lines: i32) {
        let movement = if lines > 0 {
            Movement::Down
        } else {
            Movement::Up
        };
        let steps = lines.unsigned_abs() as usize;
        match self.mode {
            Mode::Search => {
                for _ in 0..steps {
                    self.update(Action::SearchSelect(movement));
                }
            }
            Mode::Help => {
                for _ in 0..steps {
                    self.scroll_help(movement);
                }
            }
            Mode::Browse => {
                let Some(screen) = Screen::new(self.size) else {
                    return;
                };
                let panes = screen.panes();
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

/// `value` moved by `delta`, stopping at 0.
fn offset_by(value: usize, delta: i32) -> usize {
    if delta >= 0 {
        value.saturating_add(delta as usize)
    } else {
        value.saturating_sub(delta.unsigned_abs() as usize)
    }
}
