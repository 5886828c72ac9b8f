//! Working a tab's list: the kind shown (`f`/`F`), the order (`o`/`O`), the text filter typed
//! at `&` (searched as the search is, off the drawing thread when the app searches there),
//! a search's results kept as a filter (Ctrl-f), `Esc` showing everything again, and the
//! detail pane's paging. The tab's controls hold the choices; this hands them the sizes and
//! the search.

use std::sync::Arc;

use super::{App, SearchCommand};
use crate::{
    action::{Command, Mode, Movement},
    data::Tab,
    overlay::{FilterPrompt, FilterStatus, LastSearch, Overlay, SearchStatus, WhenDone},
    search::{SearchRequest, SearchResults},
    tabs::{FilterMatches, ListControls},
};

impl App {
    /// Changes `tab`'s controls by `change` and builds its rows again, keeping the selection
    /// where it is still listed.
    pub(super) fn reshape(&mut self, tab: Tab, change: impl FnOnce(&mut ListControls)) {
        let page = self.list_page_of(tab);
        let catalog = Arc::clone(&self.catalog);
        let orders = Arc::clone(&self.tabs.orders);
        let view = self.tabs.view_mut(tab);
        change(&mut view.controls);
        view.reshape_with(&orders, &catalog, tab, page);
    }

    /// A thread has built an order `tab`'s list may be waiting for: the rows are built again
    /// if they were; `true` when the screen changes.
    pub fn order_built(&mut self, tab: Tab) -> bool {
        if !self.tabs.view(tab).is_ordering() {
            return false;
        }
        self.reshape(tab, |_| {});
        self.refresh_detail();
        let view = self.tabs.view(tab);
        let (count, ordering) = (view.len(), view.is_ordering());
        if let Some(Overlay::Export(prompt)) = &mut self.overlay
            && prompt.tab() == tab
        {
            prompt.set_list(count, ordering);
        }
        // An export's Enter may have waited for this list.
        self.release_typed_ahead();
        true
    }

    /// From now on, long lists are ordered on a thread of their own, which calls `notify`
    /// with the tab when its order is built (hand that to [`Self::order_built`]).
    pub fn order_in_background(&self, notify: impl Fn(Tab) + Send + Sync + 'static) {
        self.tabs.orders.set_notifier(notify);
    }

    /// `f` and `F`: the next or the previous kind of record, on tabs whose records have kinds.
    pub(super) fn step_kind(&mut self, forward: bool) {
        if self.view(self.tab).controls.kinds().is_empty() {
            self.message = Some(match self.tab {
                Tab::Funding => match self.keys_for(&[Command::ToggleGrouped]) {
                    Some(keys) => {
                        format!(
                            "Funding records have no kinds: {keys} shows the totals by category."
                        )
                    }
                    None => "Funding records have no kinds.".into(),
                },
                Tab::Source => "The Source tab lists paragraphs, which have no kinds.".into(),
                Tab::Map => "The Map tab lists places, which have no kinds.".into(),
                _ => "These records have no kinds to choose from.".into(),
            });
            return;
        }
        self.reshape(self.tab, |controls| controls.step_kind(forward));
    }

    /// `o`: the next order the tab offers.
    pub(super) fn cycle_sort(&mut self) {
        if self.not_sortable() {
            return;
        }
        self.reshape(self.tab, ListControls::cycle_sort);
    }

    /// `O`: the order turned round.
    pub(super) fn reverse_sort(&mut self) {
        if self.not_sortable() {
            return;
        }
        self.reshape(self.tab, ListControls::reverse);
    }

    /// Says so when the tab on screen cannot be sorted.
    fn not_sortable(&mut self) -> bool {
        let unsortable = self.view(self.tab).controls.sorts().is_empty();
        if unsortable {
            self.message = Some("The Source tab keeps the source's own order.".into());
        }
        unsortable
    }

    /// `c`: the totals by category, on the Funding tab only.
    pub(super) fn toggle_grouped(&mut self) {
        if self.tab == Tab::Funding {
            self.tabs.funding.toggle_grouped();
        } else {
            let keys = self.keys_for(&[Command::ToggleGrouped]);
            let funding = self.keys_for(&[Command::SelectTabFunding]);
            self.message = Some(match (keys, funding) {
                (Some(keys), Some(funding)) => {
                    format!("{keys} shows the totals by category on the Funding tab ({funding}).")
                }
                (Some(keys), None) => {
                    format!("{keys} shows the totals by category on the Funding tab.")
                }
                (None, _) => "The totals by category are the Funding tab's.".into(),
            });
        }
    }

    /// `Esc` on a list: every record shown again, in the same order.
    pub(super) fn clear_filters(&mut self) {
        if !self.view(self.tab).controls.shape().is_filtered() {
            return;
        }
        self.reshape(self.tab, |controls| {
            controls.clear_filters();
        });
        self.message = Some("Every record is shown again.".into());
    }

    /// `&`: the filter prompt over the tab's list, holding its filter to edit.
    pub(super) fn open_filter(&mut self) {
        if self.tab == Tab::Source {
            self.message =
                Some("The Source tab lists the source's paragraphs: / searches them.".into());
            return;
        }
        if self.tab == Tab::Map {
            self.message = Some("The Map tab lists places: p:NAME in / finds their events.".into());
            return;
        }
        let text = self
            .view(self.tab)
            .controls
            .shape()
            .matches
            .as_ref()
            .map(|matches| matches.text().to_string())
            .unwrap_or_default();
        let prompt = FilterPrompt::new(
            self.tab,
            "",
            self.search_generation,
            self.theme,
            Arc::clone(&self.filter_words),
        );
        self.overlay = Some(Overlay::Filter(prompt));
        if !text.is_empty() {
            self.edit_filter(|typed| *typed = text);
        }
    }

    /// Changes the filter's text by `edit` and searches it (or asks for the search).
    pub(super) fn edit_filter(&mut self, edit: impl FnOnce(&mut String)) {
        let Some(Overlay::Filter(prompt)) = &mut self.overlay else {
            return;
        };
        let mut text = prompt.text().to_string();
        edit(&mut text);
        self.search_generation += 1;
        let generation = self.search_generation;
        let was_searching = *prompt.status() == FilterStatus::Searching;
        let tab = prompt.tab();
        let Some(query) = prompt.set_text(&text, generation) else {
            if was_searching && self.background_search {
                self.effects.search = Some(SearchCommand::Cancel);
            }
            // Nothing typed shows everything; a query that cannot be searched leaves the
            // list as it was, the prompt saying why.
            if *prompt.status() == FilterStatus::Empty {
                self.reshape(tab, |controls| controls.set_matches(None));
            }
            return;
        };
        let previous = prompt.previous().cloned();
        if self.background_search {
            self.effects.search = Some(SearchCommand::Run(Box::new(SearchRequest {
                generation,
                query,
                previous,
            })));
        } else {
            let results = self
                .index
                .search_from(&query, previous.as_ref(), |_| true)
                .unwrap_or_default();
            self.take_filter_results(generation, results);
        }
    }

    /// The filter prompt awaiting an answer: open, under the help, or closed by `Enter`
    /// before its answer came.
    fn awaiting_filter(&mut self) -> Option<&mut FilterPrompt> {
        [&mut self.overlay, &mut self.behind_help]
            .into_iter()
            .find_map(|overlay| match overlay {
                Some(Overlay::Filter(prompt)) => Some(prompt),
                _ => None,
            })
            .or(self.pending_filter.as_mut())
    }

    /// Takes in a search's answer if a filter awaits it: the tab's list narrows to what it
    /// found. `false` when no filter was waiting for it.
    pub(super) fn take_filter_results(&mut self, generation: u64, results: SearchResults) -> bool {
        let Some(prompt) = self.awaiting_filter() else {
            return false;
        };
        let tab = prompt.tab();
        let mut records = results.records();
        records.retain(|&record| Tab::of(record) == tab);
        if !prompt.answered(generation, results, records.len()) {
            return false;
        }
        let matches = FilterMatches::new(prompt.text(), records);
        if self
            .pending_filter
            .as_ref()
            .is_some_and(|pending| pending.generation() == generation)
        {
            self.pending_filter = None;
        }
        self.reshape(tab, |controls| controls.set_matches(Some(matches)));
        true
    }

    /// Whether a search's report is for a filter (and not the search prompt's).
    pub(super) fn awaits_filter(&mut self, generation: u64) -> bool {
        self.awaiting_filter()
            .is_some_and(|prompt| prompt.generation() == generation)
    }

    /// `Enter` in the filter: the prompt closes, the filter stays (its answer is taken when
    /// it comes, if it has not yet).
    pub(super) fn keep_filter(&mut self) {
        let Some(Overlay::Filter(prompt)) = self.overlay.take() else {
            return;
        };
        self.search_generation = self.search_generation.max(prompt.generation());
        if *prompt.status() == FilterStatus::Searching {
            self.pending_filter = Some(prompt);
        }
    }

    /// `Esc` in the filter: the prompt closes and the tab shows what the filter hid.
    pub(super) fn clear_filter(&mut self) {
        let Some(Overlay::Filter(prompt)) = self.overlay.take() else {
            return;
        };
        if *prompt.status() == FilterStatus::Searching && self.background_search {
            self.effects.search = Some(SearchCommand::Cancel);
        }
        self.search_generation = self.search_generation.max(prompt.generation());
        self.reshape(prompt.tab(), |controls| controls.set_matches(None));
    }

    /// `↓`/`↑` in the filter: the list's selection moves while typing goes on.
    pub(super) fn move_in_filtered_list(&mut self, movement: Movement) {
        self.move_selection(movement);
    }

    /// Ctrl-f in the search (or its remapped key): its results in the chosen result's tab
    /// become that tab's filter, and the chosen result is shown there; `n`/`N` step through
    /// them. What it says names the keys in force.
    pub(super) fn keep_results_as_filter(&mut self) {
        let Some(Overlay::Search(search)) = &self.overlay else {
            return;
        };
        let in_search = |command| self.bindings.keys_for(&[command], Mode::Search);
        if search.prompt.status() != SearchStatus::Complete {
            if let Some(Overlay::Search(search)) = &mut self.overlay {
                search.when_done = Some(WhenDone::KeepAsFilter);
            }
            return;
        }
        let chosen = search
            .prompt
            .selected_hit()
            .or_else(|| search.prompt.results().get(0).copied());
        let Some(chosen) = chosen else {
            self.message = Some(if search.prompt.source_hits().is_empty() {
                "Nothing found to keep as a filter.".into()
            } else {
                match in_search(Command::SearchSubmit) {
                    Some(keys) => format!(
                        "Paragraphs of the source cannot filter a list: {keys} goes to the one \
                         chosen."
                    ),
                    None => "Paragraphs of the source cannot filter a list.".into(),
                }
            });
            return;
        };
        let tab = Tab::of(chosen.record);
        let mut records = search.prompt.results().records();
        records.retain(|&record| Tab::of(record) == tab);
        let matches = FilterMatches::new(search.prompt.text(), records);
        self.last_search = Some(LastSearch::from_prompt(&search.prompt));
        let overlay = self.overlay.take();
        self.close_overlay(overlay);
        let found = matches.len();
        self.navigate(|app| {
            app.reshape(tab, |controls| controls.set_matches(Some(matches)));
            app.show(chosen.record);
        });
        // Funding lists each project under its programme: the rows the title counts then
        // include the programmes the kept projects belong to, which is said.
        let rows = self.view(tab).len();
        let with = match rows > found {
            true => format!(" ({rows} rows with their programmes)"),
            false => String::new(),
        };
        self.message = Some(match self.keys_for(&[Command::Cancel]) {
            Some(keys) => format!(
                "{}: {found} kept as the filter{with} · {keys} shows all",
                tab.title()
            ),
            None => format!("{}: {found} kept as the filter{with}", tab.title()),
        });
    }

    /// Space and `b`: the detail pane a page down or up, a line of the last page kept.
    pub(super) fn page_detail(&mut self, down: bool) {
        let height = self
            .panes()
            .map_or(1, |panes| i32::from(panes.detail_text().height));
        let page = (height - 1).max(1);
        self.scroll_detail(if down { page } else { -page });
    }
}
