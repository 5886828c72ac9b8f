//! A selection in a list and the first row on screen, kept consistent with each other.

use crate::action::Movement;

/// The selected row of a list and the row shown at the top of its window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ListPosition {
    /// The selected row.
    pub selected: usize,
    /// The first row on screen.
    pub offset: usize,
    /// The first row the reader's own moves put on screen: a shrink of the window moves
    /// `offset` to keep the selection in view, and growing it again goes back to this.
    wanted_offset: usize,
}

impl ListPosition {
    /// Applies a movement in a list of `length` rows with `page` rows on screen; returns whether
    /// the selection changed. The selection is clamped to the list, never wrapped.
    pub fn apply(&mut self, movement: Movement, length: usize, page: usize) -> bool {
        let target = movement.apply(self.selected, length.saturating_sub(1), page);
        self.select(target, length, page)
    }

    /// Selects row `index` (clamped), scrolling it into a window of `page` rows; returns whether
    /// the selection changed.
    pub fn select(&mut self, index: usize, length: usize, page: usize) -> bool {
        let before = self.selected;
        self.selected = index.min(length.saturating_sub(1));
        self.scroll_into_view(length, page);
        self.selected != before
    }

    /// Moves the window so the selection is visible and no empty rows show past the end; the
    /// window is where the reader put it.
    pub fn scroll_into_view(&mut self, length: usize, page: usize) {
        self.fit(length, page);
        self.wanted_offset = self.offset;
    }

    /// Starts the window at `offset` (history puts back a place as it was).
    pub fn set_offset(&mut self, offset: usize, length: usize, page: usize) {
        self.offset = offset;
        self.scroll_into_view(length, page);
    }

    /// Fits the window to a new height of `page` rows: where the reader put it, moved only as
    /// far as keeping the selection in view needs, so a shrink and a grow give back the rows
    /// above the selection.
    pub fn resize(&mut self, length: usize, page: usize) {
        self.offset = self.wanted_offset;
        self.fit(length, page);
    }

    fn fit(&mut self, length: usize, page: usize) {
        let page = page.max(1);
        self.selected = self.selected.min(length.saturating_sub(1));
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + page {
            self.offset = self.selected + 1 - page;
        }
        self.offset = self.offset.min(length.saturating_sub(page));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn movement_is_clamped_at_both_ends() {
        let mut position = ListPosition::default();
        assert!(!position.apply(Movement::Up, 10, 4));
        assert_eq!(position.selected, 0);
        position.apply(Movement::Last, 10, 4);
        assert_eq!((position.selected, position.offset), (9, 6));
        assert!(!position.apply(Movement::Down, 10, 4));
        position.apply(Movement::PageUp, 10, 4);
        assert_eq!((position.selected, position.offset), (5, 5));
        position.apply(Movement::First, 10, 4);
        assert_eq!((position.selected, position.offset), (0, 0));
    }

    #[test]
    fn an_empty_list_stays_at_zero() {
        let mut position = ListPosition::default();
        for movement in [Movement::Down, Movement::Last, Movement::PageDown] {
            position.apply(movement, 0, 4);
            assert_eq!(position, ListPosition::default());
        }
    }

    #[test]
    fn a_shrink_and_a_grow_give_back_the_rows_above_the_selection() {
        let mut position = ListPosition::default();
        position.select(20, 100, 20);
        position.apply(Movement::PageDown, 100, 20);
        let before = position;
        assert!(before.offset < before.selected && before.offset + 20 > before.selected);
        position.resize(100, 3);
        assert!(position.offset <= position.selected && position.selected < position.offset + 3);
        position.resize(100, 20);
        assert_eq!(position, before);
    }

    #[test]
    fn a_taller_window_shows_no_empty_rows_past_the_end() {
        let mut position = ListPosition::default();
        position.apply(Movement::Last, 10, 3);
        position.scroll_into_view(10, 8);
        assert_eq!((position.selected, position.offset), (9, 2));
    }
}
