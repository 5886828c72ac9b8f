//! The command palette from the app's side: opening it over the list or the links, and
//! running the chosen action through [`App::update`], exactly as its key would; and the
//! help's filter, typed with the same keys.

use super::App;
use crate::{
    action::Movement,
    chrome::layout::SearchBox,
    overlay::{Overlay, PaletteOverlay},
};

impl App {
    /// Opens the palette, naming the keys of the mode it is opened from.
    pub(super) fn open_palette(&mut self) {
        let behind = self.mode();
        let previous = self.overlay.take();
        self.close_overlay(previous);
        self.overlay = Some(Overlay::Palette(PaletteOverlay::new(
            &self.bindings,
            behind,
            self.theme,
        )));
    }

    /// Moves the palette's choice, or scrolls the help while its filter is typed.
    pub(super) fn move_in_palette(&mut self, movement: Movement) {
        match &mut self.overlay {
            Some(Overlay::Palette(palette)) => {
                let page = usize::from(SearchBox::new(self.size).results.height);
                palette.select(movement, page);
            }
            Some(Overlay::Help(help)) => help.scroll(Some(movement), self.size),
            _ => {}
        }
    }

    /// `Enter`: closes the palette and runs its chosen action as the key would, in the mode
    /// it was opened from; in the help, keeps the filter and scrolls again.
    pub(super) fn submit_palette(&mut self) {
        match self.overlay.take() {
            Some(Overlay::Palette(palette)) => {
                if let Some(command) = palette.chosen() {
                    self.update(command.action(palette.behind()));
                }
            }
            Some(Overlay::Help(mut help)) => {
                help.stop_filter(false, self.size);
                self.overlay = Some(Overlay::Help(help));
            }
            other => self.overlay = other,
        }
    }

    /// `Esc`: closes the palette; in the help, drops the filter.
    pub(super) fn cancel_palette(&mut self) {
        match &mut self.overlay {
            Some(Overlay::Help(help)) => help.stop_filter(true, self.size),
            _ => self.overlay = None,
        }
    }
}
