//! Browser-like history: where you were, and where you came back from.

use crate::{
    data::{RecordRef, Tab},
    tabs::{Focus, SavedFilters},
};

/// A place in the explorer that history can return to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    /// The tab on screen.
    pub tab: Tab,
    /// The record selected there, if the tab had any.
    pub record: Option<RecordRef>,
    /// The row selected there: on the Source tab, which lists no records, the paragraph.
    pub row: usize,
    /// The first row of the list on screen.
    pub offset: usize,
    /// The first line of the detail pane on screen.
    pub detail_scroll: usize,
    /// Which pane had the focus.
    pub focus: Focus,
    /// The link picked in the detail pane.
    pub link: usize,
    /// The filters the move away from here cleared (to show a record they hid), put back on
    /// the way back.
    pub cleared: Option<SavedFilters>,
}

/// The most places kept in each direction.
const HISTORY_LIMIT: usize = 200;

/// Places to go back to, and places to go forward to again.
#[derive(Clone, Debug, Default)]
pub struct History {
    back: Vec<Location>,
    forward: Vec<Location>,
}

impl History {
    /// Records `from` as the place just left for somewhere new; the forward trail is dropped.
    pub fn leave(&mut self, from: Location) {
        if self.back.last() == Some(&from) {
            return;
        }
        self.back.push(from);
        if self.back.len() > HISTORY_LIMIT {
            self.back.remove(0);
        }
        self.forward.clear();
    }

    /// The place to return to from `current`, which becomes the way forward.
    pub fn back(&mut self, current: Location) -> Option<Location> {
        let previous = self.back.pop()?;
        self.forward.push(current);
        Some(previous)
    }

    /// The place to go forward to from `current`, which becomes the way back.
    pub fn forward(&mut self, current: Location) -> Option<Location> {
        let next = self.forward.pop()?;
        self.back.push(current);
        Some(next)
    }

    /// The places behind, oldest first.
    pub fn trail(&self) -> &[Location] {
        &self.back
    }

    /// How many places lie ahead.
    pub fn forward_len(&self) -> usize {
        self.forward.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(tab: Tab, row: u32) -> Location {
        Location {
            tab,
            record: Some(RecordRef::Event(row)),
            row: row as usize,
            offset: 0,
            detail_scroll: 0,
            focus: Focus::List,
            link: 0,
            cleared: None,
        }
    }

    #[test]
    fn back_and_forward_retrace_the_steps() {
        let mut history = History::default();
        history.leave(at(Tab::Timeline, 0));
        history.leave(at(Tab::Funding, 1));
        let current = at(Tab::Participants, 2);
        let back = history.back(current.clone()).unwrap();
        assert_eq!(back, at(Tab::Funding, 1));
        let back_again = history.back(back.clone()).unwrap();
        assert_eq!(back_again, at(Tab::Timeline, 0));
        assert!(history.back(back_again.clone()).is_none());
        let forward = history.forward(back_again).unwrap();
        assert_eq!(forward, at(Tab::Funding, 1));
        assert_eq!(history.forward(forward), Some(current.clone()));
        assert_eq!(history.forward(current), None);
    }

    #[test]
    fn a_new_step_drops_the_forward_trail() {
        let mut history = History::default();
        history.leave(at(Tab::Timeline, 0));
        history.back(at(Tab::Funding, 1));
        assert_eq!(history.forward_len(), 1);
        history.leave(at(Tab::Timeline, 0));
        assert_eq!(history.forward_len(), 0);
    }

    #[test]
    fn history_is_bounded() {
        let mut history = History::default();
        for row in 0..1000 {
            history.leave(at(Tab::Timeline, row));
        }
        assert_eq!(history.trail().len(), HISTORY_LIMIT);
    }
}
