//! The explorer's state and the one place it changes: [`App::update`]. No I/O here: effects
//! such as a clipboard write are left for the run loop to collect.

mod citation;
mod history;
mod list_position;
mod mouse;
mod navigation;
mod search_session;

use std::sync::Arc;

use ratatui::layout::{Position, Size};

pub use citation::{DataOrigin, ViewLine, citation_text, command_line};
pub use history::{Focus, History, Location};
pub use list_position::ListPosition;
pub use search_session::{LastSearch, QUERY_CAP, ResultLine, SearchPrompt, SearchStatus};

use crate::{
    action::{Action, Mode, Movement},
    chrome::{
        layout::{Panes, Screen, SearchOverlay, TabExtras, TextOverlay},
        theme::Theme,
    },
    data::{
        Catalog, CategoryTotal, EventKind, RecordRef, RowOptions, Tab, TabRows, category_totals,
    },
    search::{SearchEvent, SearchIndex, SearchRequest},
    ui::{self, source_view::SourcePage},
};

/// One tab's rows, selection, detail scroll and focus, kept across frames.
#[derive(Debug, Default)]
pub struct TabView {
    /// The records listed, in order.
    pub rows: TabRows,
    /// The selection and the first row on screen.
    pub list: ListPosition,
    /// The first line of the detail pane on screen.
    pub detail_scroll: usize,
    /// Whether the list or the detail pane's links take the movement keys.
    pub focus: Focus,
    /// The link picked in the detail pane.
    pub link: usize,
}

impl TabView {
    /// The selected record.
    pub fn selected(&self) -> Option<RecordRef> {
        self.rows.get(self.list.selected)
    }

    /// The picked link, when the links have the focus.
    pub fn picked_link(&self) -> Option<usize> {
        (self.focus == Focus::Links).then_some(self.link)
    }
}

/// What the app asks of a search running off its thread (see [`App::take_search_command`]).
#[derive(Clone, Debug)]
pub enum SearchCommand {
    /// Start this search, cancelling any running one.
    Run(Box<SearchRequest>),
    /// Stop the running search: its results are no longer wanted.
    Cancel,
}

/// The whole state of the explorer.
pub struct App {
    catalog: Arc<Catalog>,
    index: Arc<SearchIndex>,
    /// Whether searches run elsewhere (see [`App::with_background_search`]).
    background_search: bool,
    search_command: Option<SearchCommand>,
    /// Enter was pressed before the results were in: go to the best one when they are.
    submit_when_done: bool,
    tab: Tab,
    views: [TabView; 4],
    /// Browse, or the overlay open over it (search, help, source).
    overlay: Mode,
    size: Size,
    prompt: SearchPrompt,
    last_search: Option<LastSearch>,
    help_scroll: usize,
    source_scroll: usize,
    /// The source view's lines, built when it opens and when its width changes.
    source_page: Option<SourcePage>,
    history: History,
    options: RowOptions,
    /// The event kinds the data has, in the order `f` steps through them.
    event_kinds: Vec<EventKind>,
    grouped: bool,
    categories: Vec<CategoryTotal>,
    message: Option<String>,
    clipboard: Option<String>,
    /// The files the app was opened on, for the command line that reopens a view.
    origin: DataOrigin,
    /// Ctrl-Z was pressed: the run loop hands the terminal back and stops the process.
    suspend_requested: bool,
    running: bool,
    theme: Theme,
}

impl App {
    /// An explorer on `catalog`, showing the first tab, for a terminal of `size`.
    pub fn new(catalog: Arc<Catalog>, size: Size) -> Self {
        let size = crate::chrome::layout::capped(size);
        let options = RowOptions::default();
        let views = Tab::ALL.map(|tab| TabView {
            rows: TabRows::new(&catalog, tab, &options),
            ..TabView::default()
        });
        let event_kinds = catalog.event_kinds();
        Self {
            index: Arc::new(SearchIndex::new(&catalog)),
            background_search: false,
            search_command: None,
            submit_when_done: false,
            categories: category_totals(&catalog),
            catalog,
            tab: Tab::default(),
            views,
            overlay: Mode::Browse,
            size,
            prompt: SearchPrompt::default(),
            last_search: None,
            help_scroll: 0,
            source_scroll: 0,
            source_page: None,
            history: History::default(),
            options,
            event_kinds,
            grouped: false,
            message: None,
            clipboard: None,
            origin: DataOrigin::default(),
            suspend_requested: false,
            running: true,
            theme: Theme::default(),
        }
    }

    /// The same app with searches handed out through [`Self::take_search_command`] and their
    /// results taken in by [`Self::receive_search`], instead of run at once.
    pub fn with_background_search(mut self, background: bool) -> Self {
        self.background_search = background;
        self
    }

    /// The search index, for a worker to share.
    pub fn search_index(&self) -> &Arc<SearchIndex> {
        &self.index
    }

    /// Whether the user asked to suspend, once.
    pub fn take_suspend(&mut self) -> bool {
        std::mem::take(&mut self.suspend_requested)
    }

    /// The search the app wants started or stopped, once.
    pub fn take_search_command(&mut self) -> Option<SearchCommand> {
        self.search_command.take()
    }

    /// Takes in what a background search reports; `true` when the screen changes.
    pub fn receive_search(&mut self, event: SearchEvent) -> bool {
        let done = matches!(event, SearchEvent::Done { .. });
        if self.overlay != Mode::Search || !self.prompt.receive(event) {
            return false;
        }
        if done && std::mem::take(&mut self.submit_when_done) {
            self.submit_search();
        }
        true
    }

    /// The same app, told which files it was opened on (see [`DataOrigin`]).
    pub fn with_origin(mut self, origin: DataOrigin) -> Self {
        self.origin = origin;
        self
    }

    /// Sets the Timeline's kind filter, the Funding tab's order and whether it shows the totals
    /// by category, as `f`, `o` and `c` would, without moving to those tabs.
    pub fn set_row_options(&mut self, options: RowOptions, grouped: bool) {
        self.options = options;
        self.grouped = grouped;
        self.rebuild_rows(Tab::Timeline);
        self.rebuild_rows(Tab::Funding);
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
        match self.overlay {
            Mode::Browse if self.view(self.tab).focus == Focus::Links => Mode::Links,
            overlay => overlay,
        }
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

    /// The first line of the source view on screen.
    pub fn source_scroll(&self) -> usize {
        self.source_scroll
    }

    /// The source view's lines, as last built.
    pub fn source_page(&self) -> Option<&SourcePage> {
        self.source_page.as_ref()
    }

    /// Where `Back` and `Forward` lead.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// The timeline filter and the funding order.
    pub fn row_options(&self) -> &RowOptions {
        &self.options
    }

    /// Whether the Funding tab shows the totals by category.
    pub fn grouped(&self) -> bool {
        self.grouped
    }

    /// The funding totals by category, largest first.
    pub fn categories(&self) -> &[CategoryTotal] {
        &self.categories
    }

    /// A one-time message for the status bar, such as a copy confirmation.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Text the run loop should put on the clipboard; taking it clears it.
    pub fn take_clipboard(&mut self) -> Option<String> {
        self.clipboard.take()
    }

    /// Whether the app should keep running.
    pub fn is_running(&self) -> bool {
        self.running
    }

    /// What `tab` adds to the plain layout: the timeline strip, the category chart.
    pub fn tab_extras(&self, tab: Tab) -> TabExtras {
        match tab {
            Tab::Timeline if !self.view(tab).rows.month_keys().is_empty() => TabExtras {
                header_lines: ui::timeline_strip::STRIP_LINES,
                second_chart_rows: 0,
            },
            Tab::Funding if self.grouped => TabExtras {
                header_lines: 0,
                second_chart_rows: u16::try_from(self.categories.len()).unwrap_or(u16::MAX),
            },
            _ => TabExtras::default(),
        }
    }

    /// The panes of the tab on screen, or `None` when the terminal is too small.
    pub fn panes(&self) -> Option<Panes> {
        Screen::new(self.size).map(|screen| screen.panes(self.tab_extras(self.tab)))
    }

    /// Opens the app on a view: a tab, a selected record, a search whose results `n`/`N` step
    /// through. The selection wins over the search's first result.
    pub fn open_view(&mut self, tab: Option<Tab>, select: Option<RecordRef>, query: Option<&str>) {
        if let Some(tab) = tab {
            self.tab = tab;
        }
        if let Some(query) = query {
            self.prompt.set_query(query, &self.index);
            if let Some(hit) = self.prompt.selected_hit() {
                self.last_search = Some(LastSearch::from_prompt(&self.prompt));
                self.show(hit.record);
            }
        }
        if let Some(record) = select {
            self.show(record);
        }
        self.history = History::default();
    }

    /// Carries out one action.
    pub fn update(&mut self, action: Action) {
        self.message = None;
        match action {
            Action::Quit => self.running = false,
            Action::Suspend => self.suspend_requested = true,
            Action::SelectTab(tab) => self.go_to_tab(tab),
            Action::NextTab => self.go_to_tab(self.tab.next()),
            Action::PreviousTab => self.go_to_tab(self.tab.previous()),
            Action::Move(movement) => match self.view(self.tab).focus {
                Focus::List => self.move_selection(movement),
                Focus::Links => self.move_link(movement),
            },
            Action::ScrollDetail(lines) => self.scroll_detail(lines),
            Action::FocusLinks => self.focus_links(),
            Action::FocusList => self.view_mut().focus = Focus::List,
            Action::FollowLink => self.follow_link(),
            Action::Back => self.go_back(),
            Action::Forward => self.go_forward(),
            Action::ToggleSource
                if self.overlay != Mode::Source && self.view(self.tab).selected().is_none() =>
            {
                self.message = Some("Nothing to show: this tab has no records.".to_string());
            }
            Action::ToggleSource => self.toggle_overlay(Mode::Source),
            Action::ScrollSource(movement) => self.scroll_source(Some(movement)),
            Action::CycleKindFilter => self.cycle_kind_filter(),
            Action::CycleSort => self.cycle_sort(),
            Action::ToggleGrouped => self.grouped = !self.grouped,
            Action::CopyCitation => self.copy_citation(),
            Action::CopyCommandLine => self.copy_command_line(),
            Action::OpenSearch => {
                self.prompt.clear();
                self.submit_when_done = false;
                self.overlay = Mode::Search;
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
            Action::ToggleHelp => self.toggle_overlay(Mode::Help),
            Action::ScrollHelp(movement) => self.scroll_help(Some(movement)),
            Action::Cancel => {
                if self.overlay == Mode::Search && self.prompt.status() != SearchStatus::Complete {
                    self.search_command = Some(SearchCommand::Cancel);
                }
                self.submit_when_done = false;
                self.overlay = Mode::Browse;
            }
            Action::Resize { width, height } => self.resize(Size::new(width, height)),
            Action::Click { column, row } => self.click(Position::new(column, row)),
            Action::Wheel { column, row, lines } => self.wheel(Position::new(column, row), lines),
        }
    }

    fn view_mut(&mut self) -> &mut TabView {
        &mut self.views[self.tab.index()]
    }

    fn toggle_overlay(&mut self, overlay: Mode) {
        if self.overlay == overlay {
            self.overlay = Mode::Browse;
            self.source_page = None;
            return;
        }
        self.help_scroll = 0;
        self.source_scroll = 0;
        self.overlay = overlay;
        self.scroll_source(None);
    }

    fn edit_query(&mut self, edit: impl FnOnce(&mut String)) {
        let mut text = self.prompt.text().to_string();
        edit(&mut text);
        self.submit_when_done = false;
        if self.background_search {
            let request = self.prompt.set_query_later(&text);
            self.search_command = Some(SearchCommand::Run(Box::new(request)));
        } else {
            self.prompt.set_query(&text, &self.index);
        }
        if self.prompt.was_cut() {
            self.message = Some(format!(
                "A search is at most {} characters: the rest was left out.",
                QUERY_CAP
            ));
        }
    }

    fn submit_search(&mut self) {
        if self.prompt.status() != SearchStatus::Complete {
            self.submit_when_done = true;
            return;
        }
        let Some(hit) = self.prompt.selected_hit() else {
            return;
        };
        self.last_search = Some(LastSearch::from_prompt(&self.prompt));
        self.overlay = Mode::Browse;
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

    /// A text overlay of `line_count` lines in `overlay`, scrolled from `position` by
    /// `movement` (or only kept within its text, for `None`).
    fn scrolled(
        position: usize,
        movement: Option<Movement>,
        line_count: usize,
        overlay: TextOverlay,
    ) -> usize {
        let page = overlay.text.height.max(1) as usize;
        let limit = line_count.saturating_sub(page);
        match movement {
            None => position,
            Some(Movement::Down) => position.saturating_add(1),
            Some(Movement::Up) => position.saturating_sub(1),
            Some(Movement::First) => 0,
            Some(Movement::Last) => limit,
            Some(Movement::PageDown) => position.saturating_add(page),
            Some(Movement::PageUp) => position.saturating_sub(page),
        }
        .min(limit)
    }

    fn scroll_help(&mut self, movement: Option<Movement>) {
        let overlay = TextOverlay::help(self.size);
        let lines = ui::help::help_lines(overlay.text.width, &self.theme).len();
        self.help_scroll = Self::scrolled(self.help_scroll, movement, lines, overlay);
    }

    fn scroll_source(&mut self, movement: Option<Movement>) {
        if self.overlay != Mode::Source {
            self.source_page = None;
            return;
        }
        let Some(record) = self.view(self.tab).selected() else {
            return;
        };
        if !self
            .source_page
            .as_ref()
            .is_some_and(|page| page.fits(record, self.size))
        {
            self.source_page = Some(SourcePage::new(
                &self.catalog,
                record,
                self.size,
                &self.theme,
            ));
        }
        let lines = self.source_page.as_ref().map_or(0, |page| page.lines.len());
        let overlay = TextOverlay::source(self.size);
        self.source_scroll = Self::scrolled(self.source_scroll, movement, lines, overlay);
    }

    fn cycle_kind_filter(&mut self) {
        let next = match self.options.kind_filter {
            None => self.event_kinds.first().copied(),
            Some(kind) => {
                let at = self.event_kinds.iter().position(|&k| k == kind);
                at.and_then(|at| self.event_kinds.get(at + 1).copied())
            }
        };
        self.options.kind_filter = next;
        self.rebuild_rows(Tab::Timeline);
        if self.tab != Tab::Timeline {
            self.go_to_tab(Tab::Timeline);
        }
    }

    fn cycle_sort(&mut self) {
        self.options.funding_sort = self.options.funding_sort.next();
        self.rebuild_rows(Tab::Funding);
        if self.tab != Tab::Funding {
            self.go_to_tab(Tab::Funding);
        }
    }

    /// Rebuilds a tab's rows after its options changed, keeping the selected record where it
    /// is still listed.
    fn rebuild_rows(&mut self, tab: Tab) {
        let selected = self.view(tab).selected();
        let rows = TabRows::new(&self.catalog, tab, &self.options);
        let row = selected
            .and_then(|record| rows.position_of(record))
            .unwrap_or(0);
        let view = &mut self.views[tab.index()];
        let kept = view.selected() == rows.get(row) && selected.is_some();
        view.rows = rows;
        view.list.selected = row;
        if !kept {
            view.detail_scroll = 0;
            view.focus = Focus::List;
        }
        let page = self.list_page_of(tab);
        let view = &mut self.views[tab.index()];
        view.list.scroll_into_view(view.rows.len(), page);
    }

    fn copy_citation(&mut self) {
        let Some(record) = self.view(self.tab).selected() else {
            self.message = Some("Nothing to copy: this tab has no records.".to_string());
            return;
        };
        self.clipboard = Some(citation_text(&self.catalog, record));
        self.message = Some(format!(
            "Copied the citation of “{}”",
            self.catalog.title(record)
        ));
    }

    fn copy_command_line(&mut self) {
        let record = self.view(self.tab).selected();
        let id = record
            .and_then(|record| self.catalog.get(record))
            .map(|record| record.id());
        let query = self.last_search.as_ref().map(LastSearch::text);
        self.clipboard = Some(command_line(&ViewLine {
            origin: &self.origin,
            tab: self.tab,
            id,
            query,
            kind: self.options.kind_filter,
            sort: self.options.funding_sort,
            by_category: self.grouped,
        }));
        self.message = Some("Copied the command line that reopens this view".to_string());
    }

    fn resize(&mut self, size: Size) {
        self.size = crate::chrome::layout::capped(size);
        for tab in Tab::ALL {
            let page = self.list_page_of(tab);
            let view = &mut self.views[tab.index()];
            view.list.scroll_into_view(view.rows.len(), page);
        }
        self.scroll_detail(0);
        self.scroll_help(None);
        self.scroll_source(None);
    }
}
