//! Opening and closing the help and the source view, and what the app tells of the open
//! overlay. The overlays own their state; this is only which one is open.

use std::sync::{Arc, LazyLock};

use super::App;
use crate::{
    action::{Command, Mode},
    data::Tab,
    overlay::{HelpOverlay, Overlay, SearchPrompt, SourceOverlay, text_page::PageKeys},
};

impl App {
    /// The search prompt: the open search's, or an empty one.
    pub fn prompt(&self) -> &SearchPrompt {
        static IDLE: LazyLock<SearchPrompt> = LazyLock::new(SearchPrompt::default);
        match &self.overlay {
            Some(Overlay::Search(search)) => &search.prompt,
            _ => &IDLE,
        }
    }

    /// The first line of the help overlay on screen (0 when it is closed).
    pub fn help_scroll(&self) -> usize {
        match &self.overlay {
            Some(Overlay::Help(help)) => help.first_line(),
            _ => 0,
        }
    }

    /// The first line of the source view on screen (0 when it is closed).
    pub fn source_scroll(&self) -> usize {
        self.source_page().map_or(0, SourceOverlay::first_line)
    }

    /// The source view, when it is open.
    pub fn source_page(&self) -> Option<&SourceOverlay> {
        match &self.overlay {
            Some(Overlay::Source(source)) => Some(source),
            _ => None,
        }
    }

    /// Opens the help over whatever is open, or closes it and shows that again.
    pub(super) fn toggle_help(&mut self) {
        self.overlay = match self.overlay.take() {
            Some(Overlay::Help(_)) => self.behind_help.take(),
            other => {
                self.behind_help = other;
                Some(Overlay::Help(HelpOverlay::new(
                    self.size,
                    self.theme,
                    Arc::clone(&self.bindings),
                )))
            }
        };
    }

    pub(super) fn toggle_source(&mut self) {
        if let Some(Overlay::Source(_)) = self.overlay {
            self.overlay = None;
            return;
        }
        let Some(record) = self.view(self.tab).selected() else {
            let message = match (self.tab, self.keys_for(&[Command::ToggleSource])) {
                (Tab::Source, Some(keys)) => {
                    format!("{keys} is a record's quick look; here the source is shown whole.")
                }
                (Tab::Source, None) => "Here the source is shown whole.".to_string(),
                _ => "Nothing to show: this tab has no records.".to_string(),
            };
            self.message = Some(message);
            return;
        };
        let previous = self.overlay.take();
        self.close_overlay(previous);
        self.overlay = Some(Overlay::Source(SourceOverlay::new(
            Arc::clone(&self.catalog),
            record,
            self.size,
            self.theme,
            PageKeys::of(&self.bindings, Mode::Source, Command::ToggleSource),
        )));
    }

    /// Lets an overlay go: a search's numbering is kept for the next prompt.
    pub(super) fn close_overlay(&mut self, overlay: Option<Overlay>) {
        if let Some(Overlay::Search(search)) = overlay {
            self.search_generation = search.prompt.generation();
        }
    }
}
