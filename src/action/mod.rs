//! What the user can ask for ([`Action`]), what a key can be bound to ([`Command`], by the
//! name a config file gives it), the modes that decide what a key means, and the pure maps
//! from keys ([`bindings`], the one binding table) and the mouse to actions, testable without
//! a terminal. It changes no state and draws nothing.

pub mod bindings;

use ratatui::crossterm::event::{Event, MouseButton, MouseEvent, MouseEventKind};
use strum::{EnumCount, EnumIter, EnumMessage, IntoStaticStr};

pub use bindings::Bindings;

use crate::{cite::CiteStyle, data::Tab};

/// Which part of the app takes the keys.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, EnumIter, EnumCount)]
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
    /// Typing in the command palette, or in the help's filter.
    Palette,
    /// Choosing the format and path of an export of the list.
    Export,
    /// Choosing the style a citation is copied in.
    Cite,
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
    /// Show the place the selected record (or the picked link) names on the Map tab.
    ShowOnMap,
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
    /// Open the prompt that exports the list on screen.
    OpenExport,
    /// In the export prompt: the next format.
    CycleExportFormat,
    /// In the export prompt: complete the path from its folder's names.
    CompletePath,
    /// Open the chooser of the style a citation is copied in.
    OpenCiteStyles,
    /// Copy the selected record's citation in this style.
    CopyCitationAs(CiteStyle),
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
    /// Open the command palette: every action by what it does, filtered as it is typed.
    OpenPalette,
    /// In the help: filter its lines as they are typed.
    FilterHelp,
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

/// Declares [`Command`], each variant with what the default config file says of it (its doc
/// comment) and what it asks for in a mode, so that a command is written in one place.
macro_rules! commands {
    ($mode:ident; $($(#[doc = $doc:literal])* $command:ident => $action:expr,)*) => {
        /// What a key can be bound to. Its name in a config file comes from the variant in
        /// snake_case (`MoveDown` is `move_down`) and is part of the file's format: never
        /// rename one.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter, EnumMessage, IntoStaticStr)]
        #[strum(serialize_all = "snake_case")]
        pub enum Command {
            $($(#[doc = $doc])* $command,)*
        }

        impl Command {
            /// What it asks for in `mode`.
            pub fn action(self, $mode: Mode) -> Action {
                match self {
                    $(Self::$command => $action,)*
                }
            }
        }
    };
}

commands! { mode;
    /// the Timeline tab
    SelectTabTimeline => Action::SelectTab(Tab::Timeline),
    /// the Funding tab
    SelectTabFunding => Action::SelectTab(Tab::Funding),
    /// the Initiatives tab
    SelectTabInitiatives => Action::SelectTab(Tab::Initiatives),
    /// the Participants tab
    SelectTabParticipants => Action::SelectTab(Tab::Participants),
    /// the Source tab
    SelectTabSource => Action::SelectTab(Tab::Source),
    /// the Map tab
    SelectTabMap => Action::SelectTab(Tab::Map),
    /// the next tab
    NextTab => Action::NextTab,
    /// the previous tab
    PreviousTab => Action::PreviousTab,
    /// next record or link; scrolls the help and the quick look
    MoveDown => moving(mode, Movement::Down),
    /// previous record or link; scrolls too
    MoveUp => moving(mode, Movement::Up),
    /// first record or link; top of the help
    MoveFirst => moving(mode, Movement::First),
    /// last record or link; end of the help
    MoveLast => moving(mode, Movement::Last),
    /// a page down in the list, the help, the quick look
    MovePageDown => moving(mode, Movement::PageDown),
    /// a page up in the list, the help, the quick look
    MovePageUp => moving(mode, Movement::PageUp),
    /// scroll the detail pane down
    ScrollDetailDown => Action::ScrollDetail(1),
    /// scroll the detail pane up
    ScrollDetailUp => Action::ScrollDetail(-1),
    /// the detail pane a page down
    PageDetailDown => Action::PageDetail { down: true },
    /// the detail pane a page up
    PageDetailUp => Action::PageDetail { down: false },
    /// move into the detail pane's links
    FocusLinks => Action::FocusLinks,
    /// follow the picked link
    FollowLink => Action::FollowLink,
    /// back from the links to the list
    FocusList => Action::FocusList,
    /// go back to where you were
    Back => Action::Back,
    /// go forward again
    Forward => Action::Forward,
    /// filter the tab's list as you type
    OpenFilter => Action::OpenFilter,
    /// search: go to the result; filter: keep it
    SearchSubmit => Action::SearchSubmit,
    /// clear the list's kind and filter; leave a prompt
    Cancel => Action::Cancel,
    /// in the search and filter prompts: the next result
    SearchSelectDown => Action::SearchSelect(Movement::Down),
    /// in the search and filter prompts: the previous result
    SearchSelectUp => Action::SearchSelect(Movement::Up),
    /// only the next kind of record; past the last, all
    StepKindForward => Action::StepKind { forward: true },
    /// only the previous kind of record
    StepKindBackward => Action::StepKind { forward: false },
    /// sort the list the next way
    CycleSort => Action::CycleSort,
    /// turn the list's order round
    ReverseSort => Action::ReverseSort,
    /// the record's first quoted passage in the Source tab
    ShowInSource => Action::ShowInSource,
    /// the place the record (link, search result) names, on the Map tab
    ShowOnMap => Action::ShowOnMap,
    /// open or close the quick look at the record's paragraphs
    ToggleSource => Action::ToggleSource,
    /// Funding: show or hide the totals by category
    ToggleGrouped => Action::ToggleGrouped,
    /// copy the record's citation
    CopyCitation => Action::CopyCitation,
    /// copy the command line that reopens this view
    CopyCommandLine => Action::CopyCommandLine,
    /// search every tab and the source text
    OpenSearch => Action::OpenSearch,
    /// in the search: a page of results down
    SearchSelectPageDown => Action::SearchSelect(Movement::PageDown),
    /// in the search: a page of results up
    SearchSelectPageUp => Action::SearchSelect(Movement::PageUp),
    /// in a prompt: delete the character before the cursor
    SearchBackspace => Action::SearchBackspace,
    /// in a prompt: delete the word before the cursor
    SearchDeleteWord => Action::SearchDeleteWord,
    /// in a prompt: clear it
    SearchClear => Action::SearchClear,
    /// keep the search's results as the filter of their tab
    KeepAsFilter => Action::KeepAsFilter,
    /// after a search: the next result
    NextResult => Action::NextResult,
    /// after a search: the previous result
    PreviousResult => Action::PreviousResult,
    /// open or close the help
    ToggleHelp => Action::ToggleHelp,
    /// quit (a letter key types itself in the prompts)
    Quit => Action::Quit,
    /// suspend to the shell; fg brings it back
    Suspend => Action::Suspend,
    /// the command palette: every action by name, run with Enter
    OpenPalette => Action::OpenPalette,
    /// in the help: filter its lines as you type
    FilterHelp => Action::FilterHelp,
    /// export the list as shown, to a file
    OpenExport => Action::OpenExport,
    /// in the export prompt: the next format
    CycleExportFormat => Action::CycleExportFormat,
    /// in the export prompt: complete the path
    CompletePath => Action::CompletePath,
    /// choose the style of the citation to copy
    OpenCiteStyles => Action::OpenCiteStyles,
    /// in the citation styles: copy as plain text
    CiteAsPlain => Action::CopyCitationAs(CiteStyle::Plain),
    /// in the citation styles: copy as Markdown
    CiteAsMarkdown => Action::CopyCitationAs(CiteStyle::Markdown),
    /// in the citation styles: copy as BibTeX
    CiteAsBibtex => Action::CopyCitationAs(CiteStyle::Bibtex),
    /// in the citation styles: copy as CSL-JSON
    CiteAsCslJson => Action::CopyCitationAs(CiteStyle::CslJson),
    /// in the citation styles: copy as APA
    CiteAsApa => Action::CopyCitationAs(CiteStyle::Apa),
    /// in the citation styles: copy as Chicago author-date
    CiteAsChicago => Action::CopyCitationAs(CiteStyle::Chicago),
}

/// A movement moves the selection, or scrolls the help or the quick look, by the same keys.
fn moving(mode: Mode, movement: Movement) -> Action {
    match mode {
        Mode::Help => Action::ScrollHelp(movement),
        Mode::Source => Action::ScrollSource(movement),
        _ => Action::Move(movement),
    }
}

impl Command {
    /// Its name in a config file (`move_down`).
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// What it does, in a few words, as the default config file says it.
    pub fn about(self) -> &'static str {
        self.get_documentation().unwrap_or_default()
    }
}

/// What a terminal event asks of the app in its current `mode`, by `bindings`.
pub fn action_for_event(event: Event, mode: Mode, bindings: &Bindings) -> Option<Action> {
    match event {
        Event::Key(key) => bindings.action_for_key(key, mode),
        Event::Mouse(mouse) => action_for_mouse(mouse),
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        Event::Paste(text) if matches!(mode, Mode::Search | Mode::Export) => {
            Some(Action::SearchPaste(text))
        }
        _ => None,
    }
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
        assert_eq!(
            action_for_key(key(KeyCode::Char('6')), Mode::Browse),
            Some(Action::SelectTab(Tab::Map))
        );
        assert_eq!(action_for_key(key(KeyCode::Char('7')), Mode::Browse), None);
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
