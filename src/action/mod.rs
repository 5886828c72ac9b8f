//! What the user can ask for ([`Action`]), the modes that decide what a key means, and the
//! pure maps from keys ([`bindings`], the one binding table) and the mouse to actions,
//! testable without a terminal. It changes no state and draws nothing.

pub mod bindings;

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

pub use bindings::Bindings;

use crate::data::Tab;

/// Which part of the app takes the keys.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Moving through the tabs and lists.
    #[default]
    Browse,
    /// Picking a link in the detail pane.
    Links,
    /// Typing in the search prompt.
    Search,
    /// Reading the help overlay.
    Help,
    /// Reading the source paragraphs of a record.
    Source,
    /// Typing a filter for the tab's list.
    Filter,
}

/// A move of a selection or a scroll position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Movement {
    /// One step down.
    Down,
    /// One step up.
    Up,
    /// To the first entry.
    First,
    /// To the last entry.
    Last,
    /// One page down.
    PageDown,
    /// One page up.
    PageUp,
}

impl Movement {
    /// Where `position` goes, pages of `page` entries, never past `last` (the last entry of a
    /// list, the last first line of a scrolled text) and never wrapping: the one arithmetic
    /// of every list, scroll and choice in the app.
    pub fn apply(self, position: usize, last: usize, page: usize) -> usize {
        let page = page.max(1);
        match self {
            Self::Down => position.saturating_add(1),
            Self::Up => position.saturating_sub(1),
            Self::First => 0,
            Self::Last => last,
            Self::PageDown => position.saturating_add(page),
            Self::PageUp => position.saturating_sub(page),
        }
        .min(last)
    }
}

/// Everything the user can ask for; [`crate::app::App::update`] carries it out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Leave the program.
    Quit,
    /// Hand the terminal back to the shell and stop, until `fg`.
    Suspend,
    /// Go to a tab.
    SelectTab(Tab),
    /// Go to the next tab.
    NextTab,
    /// Go to the previous tab.
    PreviousTab,
    /// Move the selection in the current list.
    Move(Movement),
    /// Scroll the detail pane by this many lines (negative: up).
    ScrollDetail(i32),
    /// Move the focus into the detail pane's links.
    FocusLinks,
    /// Move the focus back to the list.
    FocusList,
    /// Follow the picked link to its record.
    FollowLink,
    /// Go back to where you were, like a browser.
    Back,
    /// Go forward again after going back.
    Forward,
    /// Show the selected record's first quoted passage in the Source tab.
    ShowInSource,
    /// Open or close a quick look at the selected record's source paragraphs.
    ToggleSource,
    /// Scroll the source view.
    ScrollSource(Movement),
    /// Show only the next kind of record (`forward`) or the one before; past the ends, all.
    StepKind {
        /// Towards the last kind.
        forward: bool,
    },
    /// Order the tab's list the next way it offers.
    CycleSort,
    /// Turn the tab's list order round.
    ReverseSort,
    /// Open the prompt that filters the tab's list as it is typed.
    OpenFilter,
    /// In the search: keep the results as the filter of their tab.
    KeepAsFilter,
    /// Scroll the detail pane by a page (`down`, or up).
    PageDetail {
        /// Down, or up.
        down: bool,
    },
    /// Show or hide the funding totals by category.
    ToggleGrouped,
    /// Copy the selected record's citation to the clipboard.
    CopyCitation,
    /// Copy the command line that reopens this view.
    CopyCommandLine,
    /// Open the search prompt.
    OpenSearch,
    /// Type a character into the search prompt.
    SearchType(char),
    /// Paste text into the search prompt.
    SearchPaste(String),
    /// Delete the character before the cursor.
    SearchBackspace,
    /// Delete the word before the cursor.
    SearchDeleteWord,
    /// Clear the query.
    SearchClear,
    /// Choose another result.
    SearchSelect(Movement),
    /// Go to the chosen result.
    SearchSubmit,
    /// After a search, go to the next result.
    NextResult,
    /// After a search, go to the previous result.
    PreviousResult,
    /// Open or close the help overlay.
    ToggleHelp,
    /// Scroll the help overlay.
    ScrollHelp(Movement),
    /// Close an overlay or cancel; never quits.
    Cancel,
    /// The terminal changed size.
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
    /// A left click at a cell.
    Click {
        /// The cell's column.
        column: u16,
        /// The cell's row.
        row: u16,
    },
    /// The mouse wheel turned over a cell (positive lines: down).
    Wheel {
        /// The cell's column.
        column: u16,
        /// The cell's row.
        row: u16,
        /// Lines to scroll, positive for down.
        lines: i32,
    },
}

/// Lines one notch of the mouse wheel scrolls.
const WHEEL_LINES: i32 = 3;

/// The action a mouse event means, if any.
pub fn action_for_mouse(mouse: MouseEvent) -> Option<Action> {
    let (column, row) = (mouse.column, mouse.row);
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
        MouseEventKind::ScrollDown => Some(Action::Wheel {
            column,
            row,
            lines: WHEEL_LINES,
        }),
        MouseEventKind::ScrollUp => Some(Action::Wheel {
            column,
            row,
            lines: -WHEEL_LINES,
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

    fn action_for_key(key: KeyEvent, mode: Mode) -> Option<Action> {
        Bindings::default().action_for_key(key, mode)
    }

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn ctrl(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    #[test]
    fn control_c_quits_in_every_mode() {
        for mode in [
            Mode::Browse,
            Mode::Links,
            Mode::Search,
            Mode::Help,
            Mode::Source,
            Mode::Filter,
        ] {
            assert_eq!(action_for_key(ctrl('c'), mode), Some(Action::Quit));
        }
    }

    #[test]
    fn escape_never_quits() {
        for mode in [
            Mode::Browse,
            Mode::Links,
            Mode::Search,
            Mode::Help,
            Mode::Source,
        ] {
            assert_ne!(action_for_key(key(KeyCode::Esc), mode), Some(Action::Quit));
        }
    }

    #[test]
    fn letters_are_text_in_the_search_prompt() {
        for c in ['q', 'j', 'k', 'n', '1', '?', '/', ' '] {
            assert_eq!(
                action_for_key(key(KeyCode::Char(c)), Mode::Search),
                Some(Action::SearchType(c))
            );
        }
    }

    #[test]
    fn browse_keys() {
        let cases = [
            (key(KeyCode::Char('q')), Action::Quit),
            (key(KeyCode::Char('3')), Action::SelectTab(Tab::Initiatives)),
            (key(KeyCode::Tab), Action::NextTab),
            (key(KeyCode::BackTab), Action::PreviousTab),
            (key(KeyCode::Char(']')), Action::NextTab),
            (key(KeyCode::Char('[')), Action::PreviousTab),
            (key(KeyCode::Char('j')), Action::Move(Movement::Down)),
            (key(KeyCode::Up), Action::Move(Movement::Up)),
            (key(KeyCode::Home), Action::Move(Movement::First)),
            (key(KeyCode::Char('G')), Action::Move(Movement::Last)),
            (ctrl('d'), Action::Move(Movement::PageDown)),
            (ctrl('u'), Action::Move(Movement::PageUp)),
            (key(KeyCode::PageDown), Action::Move(Movement::PageDown)),
            (
                KeyEvent::new(KeyCode::Char('J'), KeyModifiers::SHIFT),
                Action::ScrollDetail(1),
            ),
            (
                KeyEvent::new(KeyCode::Down, KeyModifiers::SHIFT),
                Action::ScrollDetail(1),
            ),
            (key(KeyCode::Char('/')), Action::OpenSearch),
            (key(KeyCode::Char('n')), Action::NextResult),
            (key(KeyCode::Char('N')), Action::PreviousResult),
            (key(KeyCode::F(1)), Action::ToggleHelp),
            (key(KeyCode::Char('?')), Action::ToggleHelp),
        ];
        for (event, expected) in cases {
            assert_eq!(
                action_for_key(event, Mode::Browse),
                Some(expected),
                "{event:?}"
            );
        }
        assert_eq!(
            action_for_key(key(KeyCode::Char('5')), Mode::Browse),
            Some(Action::SelectTab(Tab::Source))
        );
        assert_eq!(action_for_key(key(KeyCode::Char('6')), Mode::Browse), None);
        assert_eq!(action_for_key(ctrl('x'), Mode::Browse), None);
    }

    #[test]
    fn link_keys() {
        let cases = [
            (key(KeyCode::Enter), Action::FollowLink),
            (key(KeyCode::Char('h')), Action::FocusList),
            (key(KeyCode::Left), Action::FocusList),
            (key(KeyCode::Esc), Action::FocusList),
            (key(KeyCode::Char('j')), Action::Move(Movement::Down)),
            (key(KeyCode::Char('2')), Action::SelectTab(Tab::Funding)),
            (key(KeyCode::Backspace), Action::Back),
        ];
        for (event, expected) in cases {
            assert_eq!(
                action_for_key(event, Mode::Links),
                Some(expected),
                "{event:?}"
            );
        }
        assert_eq!(
            action_for_key(key(KeyCode::Enter), Mode::Browse),
            Some(Action::FocusLinks)
        );
        assert_eq!(
            action_for_key(key(KeyCode::Char('l')), Mode::Browse),
            Some(Action::FocusLinks)
        );
    }

    #[test]
    fn history_keys() {
        let alt = |code| KeyEvent::new(code, KeyModifiers::ALT);
        assert_eq!(
            action_for_key(alt(KeyCode::Left), Mode::Browse),
            Some(Action::Back)
        );
        assert_eq!(
            action_for_key(alt(KeyCode::Right), Mode::Links),
            Some(Action::Forward)
        );
        assert_eq!(
            action_for_key(key(KeyCode::Backspace), Mode::Browse),
            Some(Action::Back)
        );
        assert_eq!(
            action_for_key(key(KeyCode::Backspace), Mode::Search),
            Some(Action::SearchBackspace)
        );
    }

    #[test]
    fn source_view_keys() {
        assert_eq!(
            action_for_key(key(KeyCode::Char('s')), Mode::Browse),
            Some(Action::ShowInSource)
        );
        assert_eq!(
            action_for_key(key(KeyCode::Char('S')), Mode::Browse),
            Some(Action::ToggleSource)
        );
        assert_eq!(
            action_for_key(key(KeyCode::Char('S')), Mode::Source),
            Some(Action::ToggleSource)
        );
        assert_eq!(
            action_for_key(key(KeyCode::Char('s')), Mode::Source),
            Some(Action::ToggleSource)
        );
        assert_eq!(
            action_for_key(key(KeyCode::Esc), Mode::Source),
            Some(Action::ToggleSource)
        );
        assert_eq!(
            action_for_key(key(KeyCode::Char('j')), Mode::Source),
            Some(Action::ScrollSource(Movement::Down))
        );
        assert_eq!(
            action_for_key(key(KeyCode::Char('q')), Mode::Source),
            Some(Action::Quit)
        );
    }

    #[test]
    fn key_releases_are_ignored() {
        let mut release = key(KeyCode::Char('q'));
        release.kind = KeyEventKind::Release;
        assert_eq!(action_for_key(release, Mode::Browse), None);
    }
}
