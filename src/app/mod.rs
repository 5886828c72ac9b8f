//! The explorer's state and the one place it changes, [`App::update`]: which tab is on
//! screen, which overlay is open, the history, and what the app asks of the world outside
//! (a search to run, text for the clipboard, a suspend), left for the run loop to collect.
//! `update` routes each action to the tab or overlay that owns the state; it does no I/O and
//! draws nothing. The widget that draws the whole screen is in [`render()`].

mod citation;
mod export;
mod history;
mod lists;
mod mouse;
mod navigation;
mod open_view;
mod overlays;
mod palette;
mod render;
mod search;

use std::sync::Arc;

use ratatui::layout::{Position, Size};

pub use crate::cite::citation_text;
pub use citation::DataOrigin;
pub use export::{FileAnswer, FileWork};
pub use history::{History, Location};
pub use render::render;

use crate::{
    action::{Action, Bindings, Command, Mode},
    chrome::{
        layout::{Panes, Screen, TabExtras, capped},
        theme::Theme,
    },
    data::{Catalog, CategoryTotal, Tab},
    overlay::{LastSearch, Overlay},
    search::{SearchIndex, SearchRequest},
    tabs::{Focus, RowOptions, TabView, Tabs},
};

/// What the app asks of a search running off its thread (see [`App::take_search_command`]).
#[derive(Clone, Debug)]
pub enum SearchCommand {
    /// Start this search, cancelling any running one.
    Run(Box<SearchRequest>),
    /// Stop the running search: its results are no longer wanted.
    Cancel,
}

/// What `update` asks of the world outside, for the run loop to carry out.
#[derive(Debug, Default)]
struct Effects {
    /// A search to start or stop.
    search: Option<SearchCommand>,
    /// Text for the clipboard.
    clipboard: Option<String>,
    /// Ctrl-Z: hand the terminal back and stop the process.
    suspend: bool,
    /// A path to complete or an export to write.
    files: Option<export::FileWork>,
}

/// The whole state of the explorer.
pub struct App {
    catalog: Arc<Catalog>,
    index: Arc<SearchIndex>,
    /// Whether searches run elsewhere (see [`App::with_background_search`]).
    background_search: bool,
    tab: Tab,
    tabs: Tabs,
    overlay: Option<Overlay>,
    /// The overlay the help was opened over (the search being typed, the quick look), shown
    /// again as it was when the help closes.
    behind_help: Option<Overlay>,
    /// The number of the last query typed, so a new prompt's queries are numbered after it
    /// and a late result of an old search is never taken for a new one's.
    search_generation: u64,
    last_search: Option<LastSearch>,
    /// Terminal events that came while `Enter` or Ctrl-f waited for a search's results, taken
    /// in once they are.
    typed_ahead: std::collections::VecDeque<ratatui::crossterm::event::Event>,
    /// A filter kept with `Enter` before its answer came: the answer is still taken.
    pending_filter: Option<crate::overlay::FilterPrompt>,
    /// The filters a jump just cleared to show its record, for history to put back.
    cleared_filters: Option<crate::tabs::SavedFilters>,
    history: History,
    size: Size,
    message: Option<String>,
    effects: Effects,
    /// The files the app was opened on, for the command line that reopens a view.
    origin: DataOrigin,
    running: bool,
    theme: Theme,
    /// The key bindings in force: what keys mean, and what the help and hints name.
    bindings: Arc<Bindings>,
    /// What the filter prompt says of its keys, as [`Self::bindings`] name them.
    filter_words: Arc<crate::overlay::FilterWords>,
    /// The format of the last export this session, the export prompt's first choice.
    export_format: crate::export::ExportFormat,
    /// The style `y` copies a citation in (`cite_style`).
    cite_style: crate::cite::CiteStyle,
}

impl App {
    /// An explorer on `catalog`, showing the first tab, for a terminal of `size`.
    pub fn new(catalog: Arc<Catalog>, size: Size) -> Self {
        let mut app = Self {
            index: Arc::new(SearchIndex::new(&catalog)),
            background_search: false,
            tab: Tab::default(),
            tabs: Tabs::new(&catalog),
            catalog,
            overlay: None,
            behind_help: None,
            search_generation: 0,
            last_search: None,
            typed_ahead: std::collections::VecDeque::new(),
            pending_filter: None,
            cleared_filters: None,
            history: History::default(),
            size: capped(size),
            message: None,
            effects: Effects::default(),
            origin: DataOrigin::default(),
            running: true,
            theme: Theme::default(),
            bindings: Bindings::built_in(),
            filter_words: Arc::default(),
            export_format: crate::export::ExportFormat::default(),
            cite_style: crate::cite::CiteStyle::default(),
        };
        app.refresh_detail();
        app
    }

    /// The same app with searches handed out through [`Self::take_search_command`] and their
    /// results taken in by [`Self::receive_search`], instead of run at once.
    pub fn with_background_search(mut self, background: bool) -> Self {
        self.background_search = background;
        self
    }

    /// The same app, told which files it was opened on (see `DataOrigin`).
    pub fn with_origin(mut self, origin: DataOrigin) -> Self {
        self.origin = origin;
        self
    }

    /// The same app copying citations in `style` with `y`.
    pub fn with_cite_style(mut self, style: crate::cite::CiteStyle) -> Self {
        self.cite_style = style;
        self
    }

    /// The same app drawn with `theme`.
    pub fn with_theme(mut self, theme: Theme) -> Self {
        self.theme = theme;
        self.tabs.set_theme(theme);
        self
    }

    /// The same app with `bindings` in force: its keys, its help and its hints.
    pub fn with_bindings(mut self, bindings: Arc<Bindings>) -> Self {
        self.tabs
            .set_hints(&Arc::new(crate::tabs::TabHints::of(&bindings)));
        self.filter_words = Arc::new(crate::overlay::FilterWords::of(&bindings));
        self.bindings = bindings;
        self
    }

    /// The first key of each of `commands` while browsing, as the hints write them (`J/K`),
    /// for a message to name.
    pub(super) fn keys_for(&self, commands: &[Command]) -> Option<String> {
        self.bindings.keys_for(commands, Mode::Browse)
    }

    /// The key bindings in force.
    pub fn bindings(&self) -> &Bindings {
        &self.bindings
    }

    /// What a key press means in the current mode, by the bindings in force.
    pub fn action_for_key(&self, key: ratatui::crossterm::event::KeyEvent) -> Option<Action> {
        self.bindings.action_for_key(key, self.mode())
    }

    /// Sets the Timeline's kind filter, the Funding tab's order and whether it shows the totals
    /// by category, as `f`, `o` and `c` would, without moving to those tabs.
    pub fn set_row_options(&mut self, options: RowOptions, grouped: bool) {
        let page = self.list_page_of(Tab::Timeline);
        self.tabs.timeline.set_filter(options.kind_filter, page);
        let page = self.list_page_of(Tab::Funding);
        self.tabs.funding.set_sort(options.funding_sort, page);
        self.tabs.funding.set_grouped(grouped);
        self.refresh_detail();
    }

    /// The search index, for a worker to share.
    pub fn search_index(&self) -> &Arc<SearchIndex> {
        &self.index
    }

    /// Whether the user asked to suspend, once.
    pub fn take_suspend(&mut self) -> bool {
        std::mem::take(&mut self.effects.suspend)
    }

    /// The search the app wants started or stopped, once.
    pub fn take_search_command(&mut self) -> Option<SearchCommand> {
        self.effects.search.take()
    }

    /// Text the run loop should put on the clipboard; taking it clears it.
    pub fn take_clipboard(&mut self) -> Option<String> {
        self.effects.clipboard.take()
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

    /// The six tabs.
    pub fn tabs(&self) -> &Tabs {
        &self.tabs
    }

    /// The overlay open over the tabs, if any.
    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlay.as_ref()
    }

    /// Which part of the app takes the keys: the open overlay's, else the list's or the
    /// links'.
    pub fn mode(&self) -> Mode {
        match &self.overlay {
            Some(overlay) => overlay.mode(),
            None if self.view(self.tab).focus == Focus::Links => Mode::Links,
            None => Mode::Browse,
        }
    }

    /// A tab's rows and selection.
    pub fn view(&self, tab: Tab) -> &TabView {
        self.tabs.view(tab)
    }

    fn view_mut(&mut self) -> &mut TabView {
        self.tabs.view_mut(self.tab)
    }

    /// The terminal size the state is laid out for.
    pub fn size(&self) -> Size {
        self.size
    }

    /// The last search submitted, which `n` and `N` step through.
    pub fn last_search(&self) -> Option<&LastSearch> {
        self.last_search.as_ref()
    }

    /// Where `Back` and `Forward` lead.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// The timeline filter and the funding order.
    pub fn row_options(&self) -> RowOptions {
        RowOptions {
            kind_filter: self.tabs.timeline.filter(),
            funding_sort: self.tabs.funding.sort(),
        }
    }

    /// Whether the Funding tab shows the totals by category.
    pub fn grouped(&self) -> bool {
        self.tabs.funding.grouped()
    }

    /// The funding totals by category, largest first.
    pub fn categories(&self) -> &[CategoryTotal] {
        self.tabs.funding.categories()
    }

    /// A one-time message for the status bar, such as a copy confirmation.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Whether the app should keep running.
    pub fn is_running(&self) -> bool {
        self.running
    }

    /// What `tab` adds to the plain layout: the timeline strip, the category chart.
    pub fn tab_extras(&self, tab: Tab) -> TabExtras {
        self.tabs.extras(tab)
    }

    /// The panes of the tab on screen, or `None` when the terminal is too small.
    pub fn panes(&self) -> Option<Panes> {
        Screen::new(self.size).map(|screen| screen.panes(self.tab_extras(self.tab)))
    }

    /// Carries out one action.
    pub fn update(&mut self, action: Action) {
        self.message = None;
        match action {
            Action::Quit => self.running = false,
            Action::Suspend => self.effects.suspend = true,
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
            Action::ShowInSource => self.show_in_source(),
            Action::ShowOnMap => self.show_on_map(),
            Action::ToggleSource => self.toggle_source(),
            Action::ScrollSource(movement) => {
                if let Some(Overlay::Source(source)) = &mut self.overlay {
                    source.scroll(Some(movement), self.size);
                }
            }
            Action::StepKind { forward } => self.step_kind(forward),
            Action::CycleSort => self.cycle_sort(),
            Action::ReverseSort => self.reverse_sort(),
            Action::OpenFilter => self.open_filter(),
            Action::KeepAsFilter => self.keep_results_as_filter(),
            Action::PageDetail { down } => self.page_detail(down),
            Action::ToggleGrouped => self.toggle_grouped(),
            Action::CopyCitation => self.copy_citation(None),
            Action::OpenCiteStyles => self.open_cite_styles(),
            Action::CopyCitationAs(style) => {
                self.overlay = None;
                self.copy_citation(Some(style));
            }
            Action::SearchSubmit if self.mode() == Mode::Cite => {
                self.overlay = None;
                self.copy_citation(None);
            }
            Action::CopyCommandLine => self.copy_command_line(),
            Action::OpenExport => self.open_export(),
            Action::CycleExportFormat => self.cycle_export_format(),
            Action::CompletePath => self.complete_export_path(),
            Action::SearchSubmit if self.mode() == Mode::Export => self.submit_export(),
            Action::OpenSearch => self.open_search(),
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
            Action::SearchSelect(movement) if self.mode() == Mode::Filter => {
                self.move_in_filtered_list(movement);
            }
            Action::SearchSelect(movement) if self.mode() == Mode::Palette => {
                self.move_in_palette(movement);
            }
            Action::SearchSelect(movement) => self.select_result(movement),
            Action::SearchSubmit if self.mode() == Mode::Filter => self.keep_filter(),
            Action::SearchSubmit if self.mode() == Mode::Palette => self.submit_palette(),
            Action::SearchSubmit => self.submit_search(),
            Action::NextResult => self.step_result(true),
            Action::PreviousResult => self.step_result(false),
            Action::ToggleHelp => self.toggle_help(),
            Action::ScrollHelp(movement) => {
                if let Some(Overlay::Help(help)) = &mut self.overlay {
                    help.scroll(Some(movement), self.size);
                }
            }
            Action::Cancel if self.mode() == Mode::Palette => self.cancel_palette(),
            Action::Cancel => self.cancel(),
            Action::OpenPalette => self.open_palette(),
            Action::FilterHelp => {
                if let Some(Overlay::Help(help)) = &mut self.overlay {
                    help.start_filter();
                }
            }
            Action::Resize { width, height } => self.resize(Size::new(width, height)),
            Action::Click { column, row } => self.click(Position::new(column, row)),
            Action::Wheel { column, row, lines } => self.wheel(Position::new(column, row), lines),
        }
        self.refresh_detail();
        self.follow_last_search();
    }

    fn resize(&mut self, size: Size) {
        self.size = capped(size);
        for tab in Tab::ALL {
            let page = self.list_page_of(tab);
            let view = self.tabs.view_mut(tab);
            let rows = view.len();
            view.list.resize(rows, page);
        }
        self.refresh_detail();
        self.scroll_detail(0);
        // The picked link stays on screen through a resize, as it does through j and k.
        if self.view(self.tab).focus == Focus::Links
            && let Some(detail) = self.panes().map(|panes| panes.detail_text())
        {
            self.view_mut().keep_link_visible(detail);
        }
        for overlay in [&mut self.overlay, &mut self.behind_help]
            .into_iter()
            .flatten()
        {
            overlay.resize(self.size);
        }
    }

    /// Lays the detail text of the tab on screen out for its pane's width, if it changed.
    fn refresh_detail(&mut self) {
        let Some(panes) = self.panes() else {
            return;
        };
        let width = panes.detail_text().width;
        let catalog = Arc::clone(&self.catalog);
        self.view_mut().refresh_detail(&catalog, width);
        if self.tab == Tab::Source {
            self.tabs.source.refresh(panes.list_rows().width);
        }
    }
}
