//! The search as the app runs it: opening the overlay, each edit of the query (searched at
//! once, or handed to the background search), `Enter` before and after the results are in,
//! `n`/`N` through the last search submitted, and the keys typed while an answer they depend
//! on is awaited (a search's results, a kept filter's answer, an exported list's order).

use std::sync::Arc;

use ratatui::crossterm::event::Event;

use super::{App, SearchCommand};
use crate::{
    action::{Action, Command, Movement, action_for_event},
    data::Tab,
    overlay::{
        LastSearch, Overlay, QUERY_CAP, SearchOverlay, SearchPrompt, SearchStatus, SearchTarget,
        WhenDone,
    },
    search::{SearchEvent, SourceHit, source_hits},
};

impl App {
    /// Takes in what a background search reports; `true` when the screen changes.
    pub fn receive_search(&mut self, event: SearchEvent) -> bool {
        if self.awaits_filter(event.generation()) {
            let changed = match event {
                SearchEvent::Done {
                    generation,
                    results,
                } => self.take_filter_results(generation, results),
                SearchEvent::Preparing {
                    generation,
                    percent,
                } => match &mut self.overlay {
                    Some(Overlay::Filter(prompt)) => prompt.preparing(generation, percent),
                    _ => false,
                },
                SearchEvent::Progress { .. } => false,
            };
            self.release_typed_ahead();
            return changed;
        }
        let done = matches!(event, SearchEvent::Done { .. });
        // A search typed before the help was opened over it still takes its results.
        if let Some(Overlay::Search(search)) = &mut self.behind_help {
            search.prompt.receive(event);
            return false;
        }
        let Some(Overlay::Search(search)) = &mut self.overlay else {
            return false;
        };
        if !search.prompt.receive(event) {
            return false;
        }
        match search.when_done.take_if(|_| done) {
            Some(WhenDone::Go) => self.submit_search(),
            Some(WhenDone::KeepAsFilter) => self.keep_results_as_filter(),
            None => {}
        }
        self.refresh_detail();
        self.release_typed_ahead();
        true
    }

    pub(super) fn open_search(&mut self) {
        let previous = self.overlay.take();
        self.close_overlay(previous);
        let prompt = SearchPrompt::after(self.search_generation);
        self.overlay = Some(Overlay::Search(Box::new(SearchOverlay::new(
            Arc::clone(&self.catalog),
            prompt,
            self.theme,
            &self.bindings,
        ))));
    }

    /// Changes the query by `edit` and searches again (or asks for the search).
    pub(super) fn edit_query(&mut self, edit: impl FnOnce(&mut String)) {
        match &mut self.overlay {
            Some(Overlay::Filter(_)) => return self.edit_filter(edit),
            Some(Overlay::Palette(palette)) => return palette.edit(edit),
            Some(Overlay::Help(help)) if help.is_typing() => {
                return help.edit_filter(edit, self.size);
            }
            _ => {}
        }
        if let Some(Overlay::Export(prompt)) = &mut self.overlay {
            prompt.edit(edit);
            return;
        }
        let Some(Overlay::Search(search)) = &mut self.overlay else {
            return;
        };
        let mut text = search.prompt.text().to_string();
        edit(&mut text);
        search.when_done = None;
        if self.background_search {
            let request = search.prompt.set_query_later(&text);
            self.effects.search = Some(SearchCommand::Run(Box::new(request)));
        } else {
            search.prompt.set_query(&text, &self.index);
        }
        // The source is one document: searched at once, here.
        let paragraphs = source_hits(&self.catalog, search.prompt.query());
        search.prompt.set_source_hits(paragraphs);
        if search.prompt.was_cut() {
            self.message = Some(format!(
                "A search is at most {QUERY_CAP} characters: the rest was left out."
            ));
        }
    }

    pub(super) fn select_result(&mut self, movement: Movement) {
        if let Some(Overlay::Search(search)) = &mut self.overlay {
            search
                .prompt
                .select(movement, SearchOverlay::page(self.size));
        }
    }

    /// Goes to the chosen result; before the results are in, as soon as they are.
    pub(super) fn submit_search(&mut self) {
        let Some(Overlay::Search(search)) = &mut self.overlay else {
            return;
        };
        // Until the query's results are in, what is chosen may be the last query's.
        if search.prompt.status() != SearchStatus::Complete {
            search.when_done = Some(WhenDone::Go);
            return;
        }
        if let Some(paragraph) = search.prompt.selected_source_hit() {
            self.last_search = Some(LastSearch::from_prompt(&search.prompt));
            let overlay = self.overlay.take();
            self.close_overlay(overlay);
            self.show_source_hit(paragraph);
            return;
        }
        let Some(hit) = search.prompt.selected_hit() else {
            return;
        };
        self.last_search = Some(LastSearch::from_prompt(&search.prompt));
        let overlay = self.overlay.take();
        self.close_overlay(overlay);
        self.jump_to(hit.record);
    }

    /// Shows a paragraph the search found in the Source tab, the passage holding the match
    /// picked, remembered in history.
    pub(super) fn show_source_hit(&mut self, hit: SourceHit) {
        let page = self.list_page_of(Tab::Source);
        self.navigate(|app| {
            app.tabs.source.show_paragraph(hit.paragraph, hit.at, page);
            app.tab = Tab::Source;
        });
        self.refresh_detail();
        if let Some(detail) = self.panes().map(|panes| panes.detail_text()) {
            self.view_mut().keep_link_visible(detail);
        }
    }

    /// Chooses the result on screen at `at` and goes to it.
    pub(super) fn click_result(&mut self, at: ratatui::layout::Position) {
        let Some(Overlay::Search(search)) = &mut self.overlay else {
            return;
        };
        let results = crate::chrome::layout::SearchBox::new(self.size).results;
        if let Some(hit) = search.prompt.hit_at_line(at, results) {
            search.prompt.select_hit(hit);
            self.submit_search();
        }
    }

    pub(super) fn step_result(&mut self, forward: bool) {
        let Some(last) = self.last_search.as_mut() else {
            self.message = Some(match self.keys_for(&[Command::OpenSearch]) {
                Some(keys) => format!("No search to step through: {keys} searches."),
                None => "No search to step through.".to_string(),
            });
            return;
        };
        match last.step(forward) {
            Some(SearchTarget::Record(record)) => self.jump_to(record),
            Some(SearchTarget::Paragraph(hit)) => self.show_source_hit(hit),
            None => {}
        }
    }

    /// `Esc`: closes the overlay (a search still running is no longer wanted; a filter being
    /// typed is cleared); with none open, shows every record of the list again.
    pub(super) fn cancel(&mut self) {
        self.typed_ahead.clear();
        match &self.overlay {
            // A filter kept before its answer came is dropped with the keys typed after it.
            None if self.pending_filter.take().is_some() => {
                self.effects.search = Some(SearchCommand::Cancel);
                self.message = Some("The filter was dropped before its answer came.".into());
                return;
            }
            None => return self.clear_filters(),
            Some(Overlay::Filter(_)) => return self.clear_filter(),
            Some(_) => {}
        }
        if let Some(Overlay::Search(search)) = &self.overlay
            && search.prompt.status() != SearchStatus::Complete
        {
            self.effects.search = Some(SearchCommand::Cancel);
        }
        let overlay = self.overlay.take();
        self.close_overlay(overlay);
    }
}

/// The most keys held while an answer is awaited; later ones are dropped (and the app says
/// so), so a key held down on a slow machine cannot grow the queue without end.
const TYPE_AHEAD_CAP: usize = 4096;

impl App {
    /// Takes in a terminal event as the current mode binds it; `true` when the screen may
    /// change. After `Enter` (or Ctrl-f) on a search whose results are not in yet, `Enter` on
    /// a filter whose answer is not, or `Enter` in the export prompt while the list it writes
    /// is still being ordered, the keys that follow are meant for where it leads (`n` for the
    /// next result, not the query; `e` to export the filtered list, not the whole), so they
    /// wait, in order, until it has gone there; `Esc` still cancels it, Ctrl-C still quits,
    /// Ctrl-Z still suspends and a resize is still laid out.
    pub fn input(&mut self, event: Event) -> bool {
        let action = action_for_event(event.clone(), self.mode(), &self.bindings);
        let now = matches!(
            action,
            Some(Action::Cancel | Action::Quit | Action::Suspend | Action::Resize { .. })
        );
        let waits = self.awaits_results()
            || !self.typed_ahead.is_empty()
            || (action == Some(Action::SearchSubmit) && self.export_awaits_its_list());
        if waits && !now {
            if self.typed_ahead.len() < TYPE_AHEAD_CAP {
                self.typed_ahead.push_back(event);
            } else {
                self.message = Some(format!(
                    "More than {TYPE_AHEAD_CAP} keys came while waiting: the later ones were \
                     dropped."
                ));
            }
            return false;
        }
        let Some(action) = action else {
            return false;
        };
        self.update(action);
        true
    }

    /// Whether `Enter` or Ctrl-f waits for a search's results, or a filter kept with `Enter`
    /// for its answer.
    pub fn awaits_results(&self) -> bool {
        self.pending_filter.is_some()
            || matches!(&self.overlay, Some(Overlay::Search(search)) if search.when_done.is_some())
    }

    /// Whether the export prompt is open on a list whose rows are still being ordered: what
    /// it would write is not yet what the screen will show.
    fn export_awaits_its_list(&self) -> bool {
        self.export_prompt()
            .is_some_and(|prompt| self.view(prompt.tab()).is_ordering())
    }

    /// Takes in the keys held while an answer was awaited, now that one has come: those
    /// that still have to wait are held again, in order.
    pub(super) fn release_typed_ahead(&mut self) {
        for event in std::mem::take(&mut self.typed_ahead) {
            self.input(event);
        }
    }
}
