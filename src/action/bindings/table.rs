//! The table itself: every entry of the help with its bindings and hints, in the help's
//! order. A long file by nature (one row per line of the help); the rules that read it are in
//! the module above.

use std::borrow::Cow;

use ratatui::crossterm::event::KeyCode;

use super::{Also, Bind, Entry, Hint, HintWhen, Key, Modes, Mods, Section};
use crate::{
    action::{Action, Mode, Movement},
    data::Tab,
};

const BROWSE: Modes = Modes::of(&[Mode::Browse]);
const LINKS: Modes = Modes::of(&[Mode::Links]);
const BROWSE_AND_LINKS: Modes = Modes::of(&[Mode::Browse, Mode::Links]);
const SEARCH: Modes = Modes::of(&[Mode::Search]);
/// Typing a search or a filter: the same editing keys.
const TYPING: Modes = Modes::TYPING;
const FILTER: Modes = Modes::of(&[Mode::Filter]);
const HELP: Modes = Modes::of(&[Mode::Help]);
const SOURCE: Modes = Modes::of(&[Mode::Source]);
const READING: Modes = Modes::of(&[Mode::Help, Mode::Source]);
const EVERY_MODE: Modes = Modes::ALL;

fn bind(modes: Modes, code: KeyCode, mods: Mods, action: Action) -> Bind {
    Bind {
        modes,
        key: Key::Code(code, mods),
        action,
    }
}

fn browse(code: KeyCode, action: Action) -> Bind {
    bind(BROWSE, code, Mods::Plain, action)
}

const fn ch(c: char) -> KeyCode {
    KeyCode::Char(c)
}

const fn hint(mode: Mode, rank: u8, keys: &'static str, what: &'static str) -> Hint {
    Hint {
        mode,
        rank,
        keys: Cow::Borrowed(keys),
        what,
        when: HintWhen::Always,
    }
}

const fn hint_when(
    mode: Mode,
    rank: u8,
    keys: &'static str,
    what: &'static str,
    when: HintWhen,
) -> Hint {
    Hint {
        mode,
        rank,
        keys: Cow::Borrowed(keys),
        what,
        when,
    }
}

fn entry(
    section: Section,
    keys: &'static str,
    help: &'static str,
    binds: Vec<Bind>,
    hints: Vec<Hint>,
) -> Entry {
    Entry {
        section,
        keys: Cow::Borrowed(keys),
        help,
        binds,
        hints,
        also: Also::Nothing,
    }
}

use Action as A;
use Movement as M;

/// A scroll of the help or the source view, by `movement`.
fn read(mode: Mode, code: KeyCode, mods: Mods, movement: Movement) -> Bind {
    let action = match mode {
        Mode::Source => A::ScrollSource(movement),
        _ => A::ScrollHelp(movement),
    };
    bind(
        if matches!(mode, Mode::Source) {
            SOURCE
        } else {
            HELP
        },
        code,
        mods,
        action,
    )
}

/// Every key binding, in the help's order (built once, by [`super::Bindings::built_in`]: an
/// action can carry text, so the table cannot be a constant).
pub(super) fn entries() -> Vec<Entry> {
    vec![
        entry(
            Section::Tabs,
            "1 2 3 4 5",
            "Timeline, Funding, Initiatives, Participants, Source",
            vec![
                browse(ch('1'), A::SelectTab(Tab::Timeline)),
                browse(ch('2'), A::SelectTab(Tab::Funding)),
                browse(ch('3'), A::SelectTab(Tab::Initiatives)),
                browse(ch('4'), A::SelectTab(Tab::Participants)),
                browse(ch('5'), A::SelectTab(Tab::Source)),
            ],
            vec![],
        ),
        entry(
            Section::Tabs,
            "Tab  ]",
            "next tab",
            vec![
                browse(KeyCode::Tab, A::NextTab),
                browse(ch(']'), A::NextTab),
            ],
            vec![],
        ),
        entry(
            Section::Tabs,
            "Shift-Tab  [",
            "previous tab",
            vec![
                browse(KeyCode::BackTab, A::PreviousTab),
                browse(ch('['), A::PreviousTab),
            ],
            vec![],
        ),
        Entry {
            section: Section::Tabs,
            keys: Cow::Borrowed("click a title"),
            help: "go to that tab",
            binds: vec![],
            hints: vec![],
            also: Also::Mouse,
        },
        entry(
            Section::Moving,
            "j  ↓",
            "next record",
            vec![
                browse(ch('j'), A::Move(M::Down)),
                browse(KeyCode::Down, A::Move(M::Down)),
                read(Mode::Help, ch('j'), Mods::Any, M::Down),
                read(Mode::Help, KeyCode::Down, Mods::Any, M::Down),
                read(Mode::Source, ch('j'), Mods::Any, M::Down),
                read(Mode::Source, KeyCode::Down, Mods::Any, M::Down),
            ],
            vec![
                hint(Mode::Browse, 1, "j/k", "move"),
                hint(Mode::Help, 1, "j/k", "scroll"),
                hint(Mode::Source, 1, "j/k", "scroll"),
            ],
        ),
        entry(
            Section::Moving,
            "k  ↑",
            "previous record",
            vec![
                browse(ch('k'), A::Move(M::Up)),
                browse(KeyCode::Up, A::Move(M::Up)),
                read(Mode::Help, ch('k'), Mods::Any, M::Up),
                read(Mode::Help, KeyCode::Up, Mods::Any, M::Up),
                read(Mode::Source, ch('k'), Mods::Any, M::Up),
                read(Mode::Source, KeyCode::Up, Mods::Any, M::Up),
            ],
            vec![],
        ),
        entry(
            Section::Moving,
            "g  Home",
            "first record",
            vec![
                browse(ch('g'), A::Move(M::First)),
                browse(KeyCode::Home, A::Move(M::First)),
                read(Mode::Help, ch('g'), Mods::Any, M::First),
                read(Mode::Help, KeyCode::Home, Mods::Any, M::First),
                read(Mode::Source, ch('g'), Mods::Any, M::First),
                read(Mode::Source, KeyCode::Home, Mods::Any, M::First),
            ],
            vec![],
        ),
        entry(
            Section::Moving,
            "G  End",
            "last record",
            vec![
                browse(ch('G'), A::Move(M::Last)),
                browse(KeyCode::End, A::Move(M::Last)),
                read(Mode::Help, ch('G'), Mods::Any, M::Last),
                read(Mode::Help, KeyCode::End, Mods::Any, M::Last),
                read(Mode::Source, ch('G'), Mods::Any, M::Last),
                read(Mode::Source, KeyCode::End, Mods::Any, M::Last),
            ],
            vec![],
        ),
        entry(
            Section::Moving,
            "PgDn  Ctrl-d",
            "one page down",
            vec![
                browse(KeyCode::PageDown, A::Move(M::PageDown)),
                bind(BROWSE, ch('d'), Mods::CtrlOnly, A::Move(M::PageDown)),
                read(Mode::Help, KeyCode::PageDown, Mods::Any, M::PageDown),
                read(Mode::Help, ch('d'), Mods::Ctrl, M::PageDown),
                read(Mode::Source, KeyCode::PageDown, Mods::Any, M::PageDown),
                read(Mode::Source, ch('d'), Mods::Ctrl, M::PageDown),
            ],
            vec![],
        ),
        entry(
            Section::Moving,
            "PgUp  Ctrl-u",
            "one page up",
            vec![
                browse(KeyCode::PageUp, A::Move(M::PageUp)),
                bind(BROWSE, ch('u'), Mods::CtrlOnly, A::Move(M::PageUp)),
                read(Mode::Help, KeyCode::PageUp, Mods::Any, M::PageUp),
                read(Mode::Help, ch('u'), Mods::Ctrl, M::PageUp),
                read(Mode::Source, KeyCode::PageUp, Mods::Any, M::PageUp),
                read(Mode::Source, ch('u'), Mods::Ctrl, M::PageUp),
            ],
            vec![],
        ),
        entry(
            Section::Moving,
            "J  Shift-↓",
            "scroll the detail pane down",
            vec![
                browse(ch('J'), A::ScrollDetail(1)),
                bind(BROWSE, KeyCode::Down, Mods::Shift, A::ScrollDetail(1)),
            ],
            vec![],
        ),
        entry(
            Section::Moving,
            "K  Shift-↑",
            "scroll the detail pane up",
            vec![
                browse(ch('K'), A::ScrollDetail(-1)),
                bind(BROWSE, KeyCode::Up, Mods::Shift, A::ScrollDetail(-1)),
            ],
            vec![],
        ),
        Entry {
            section: Section::Moving,
            keys: Cow::Borrowed("Space  b"),
            help: "the detail pane a page down / up",
            binds: vec![
                browse(ch(' '), A::PageDetail { down: true }),
                browse(ch('b'), A::PageDetail { down: false }),
            ],
            hints: vec![],
            also: Also::Nothing,
        },
        Entry {
            section: Section::Moving,
            keys: Cow::Borrowed("click  wheel"),
            help: "select a row; scroll the pane under the pointer",
            binds: vec![],
            hints: vec![],
            also: Also::Mouse,
        },
        entry(
            Section::Links,
            "l  →  Enter",
            "move into the detail pane's links",
            vec![
                browse(ch('l'), A::FocusLinks),
                browse(KeyCode::Right, A::FocusLinks),
                browse(KeyCode::Enter, A::FocusLinks),
            ],
            vec![hint_when(Mode::Browse, 2, "l", "links", HintWhen::HasLinks)],
        ),
        entry(
            Section::Links,
            "j  k  g  G",
            "pick a link, while the links have the focus",
            vec![
                bind(LINKS, ch('j'), Mods::Plain, A::Move(M::Down)),
                bind(LINKS, ch('k'), Mods::Plain, A::Move(M::Up)),
                bind(LINKS, ch('g'), Mods::Plain, A::Move(M::First)),
                bind(LINKS, ch('G'), Mods::Plain, A::Move(M::Last)),
            ],
            vec![hint(Mode::Links, 1, "j/k", "pick")],
        ),
        Entry {
            section: Section::Links,
            keys: Cow::Borrowed("Enter  click"),
            help: "follow the link: go to that record in its tab",
            binds: vec![bind(LINKS, KeyCode::Enter, Mods::Plain, A::FollowLink)],
            hints: vec![hint(Mode::Links, 2, "Enter", "follow")],
            also: Also::Mouse,
        },
        entry(
            Section::Links,
            "h  ←  Esc",
            "back from the links to the list",
            vec![
                bind(BROWSE_AND_LINKS, ch('h'), Mods::Plain, A::FocusList),
                bind(BROWSE_AND_LINKS, KeyCode::Left, Mods::Plain, A::FocusList),
                bind(LINKS, KeyCode::Esc, Mods::Plain, A::FocusList),
            ],
            vec![hint(Mode::Links, 3, "h", "list")],
        ),
        entry(
            Section::Links,
            "Backspace  Alt-←",
            "go back to where you were",
            vec![
                browse(KeyCode::Backspace, A::Back),
                bind(BROWSE, KeyCode::Left, Mods::Alt, A::Back),
            ],
            vec![
                hint_when(Mode::Browse, 5, "⌫", "back", HintWhen::HasHistory),
                hint_when(Mode::Links, 4, "⌫", "back", HintWhen::HasHistory),
            ],
        ),
        entry(
            Section::Links,
            "Alt-→",
            "go forward again",
            vec![bind(BROWSE, KeyCode::Right, Mods::Alt, A::Forward)],
            vec![],
        ),
        entry(
            Section::Views,
            "s",
            "the record's first quoted passage in the Source tab",
            vec![browse(ch('s'), A::ShowInSource)],
            vec![
                hint(Mode::Browse, 6, "s", "source"),
                hint(Mode::Links, 5, "s", "source"),
            ],
        ),
        entry(
            Section::Views,
            "S",
            "a quick look at the record's paragraphs, its quotes marked",
            vec![
                browse(ch('S'), A::ToggleSource),
                bind(SOURCE, ch('S'), Mods::Any, A::ToggleSource),
                bind(SOURCE, ch('s'), Mods::Any, A::ToggleSource),
            ],
            vec![],
        ),
        entry(
            Section::Views,
            "Space",
            "in the help and the quick look (S): one page down",
            vec![
                read(Mode::Help, ch(' '), Mods::Any, M::PageDown),
                read(Mode::Source, ch(' '), Mods::Any, M::PageDown),
            ],
            vec![],
        ),
        entry(
            Section::Lists,
            "&",
            "filter this tab's list as you type, with the search's rules",
            vec![browse(ch('&'), A::OpenFilter)],
            vec![],
        ),
        entry(
            Section::Lists,
            "Enter",
            "in the filter: keep it and go back to the list",
            vec![bind(FILTER, KeyCode::Enter, Mods::Any, A::SearchSubmit)],
            vec![hint(Mode::Filter, 2, "Enter", "keep")],
        ),
        entry(
            Section::Lists,
            "Esc",
            "in the filter: clear it",
            vec![bind(FILTER, KeyCode::Esc, Mods::Any, A::Cancel)],
            vec![hint(Mode::Filter, 3, "Esc", "clear")],
        ),
        entry(
            Section::Lists,
            "↓ ↑",
            "in the filter: move in the list while typing",
            vec![
                bind(FILTER, KeyCode::Down, Mods::Any, A::SearchSelect(M::Down)),
                bind(FILTER, KeyCode::Up, Mods::Any, A::SearchSelect(M::Up)),
            ],
            vec![hint(Mode::Filter, 1, "↑↓", "move")],
        ),
        entry(
            Section::Lists,
            "f  F",
            "only the next / previous kind of record; past the last, all",
            vec![
                browse(ch('f'), A::StepKind { forward: true }),
                browse(ch('F'), A::StepKind { forward: false }),
            ],
            vec![],
        ),
        entry(
            Section::Lists,
            "o  O",
            "sort the list the next way / turn the order round",
            vec![
                browse(ch('o'), A::CycleSort),
                browse(ch('O'), A::ReverseSort),
            ],
            vec![],
        ),
        entry(
            Section::Lists,
            "Esc",
            "show every record again: clears the kind and the filter",
            vec![browse(KeyCode::Esc, A::Cancel)],
            vec![],
        ),
        Entry {
            section: Section::Lists,
            keys: Cow::Borrowed("Timeline"),
            help: "o: date, kind, place · f: summits, ministers… · & filter",
            binds: vec![],
            hints: vec![],
            also: Also::Notes,
        },
        Entry {
            section: Section::Lists,
            keys: Cow::Borrowed("Funding"),
            help: "o: source order, largest, name · & filter · no kinds",
            binds: vec![],
            hints: vec![],
            also: Also::Notes,
        },
        Entry {
            section: Section::Lists,
            keys: Cow::Borrowed("Initiatives"),
            help: "o: listed, kind, title, first event, ties · f · &",
            binds: vec![],
            hints: vec![],
            also: Also::Notes,
        },
        Entry {
            section: Section::Lists,
            keys: Cow::Borrowed("Participants"),
            help: "o: listed, kind, name, events · f: people, states… · &",
            binds: vec![],
            hints: vec![],
            also: Also::Notes,
        },
        Entry {
            section: Section::Lists,
            keys: Cow::Borrowed("Source"),
            help: "paragraphs in the source's order: / searches them",
            binds: vec![],
            hints: vec![],
            also: Also::Notes,
        },
        entry(
            Section::Views,
            "c",
            "Funding: show or hide the totals by category",
            vec![browse(ch('c'), A::ToggleGrouped)],
            vec![],
        ),
        entry(
            Section::Views,
            "y",
            "copy the record's citation (OSC 52, works over SSH)",
            vec![browse(ch('y'), A::CopyCitation)],
            vec![hint(Mode::Links, 6, "y", "copy")],
        ),
        entry(
            Section::Views,
            "Y",
            "copy the command line that reopens this view",
            vec![browse(ch('Y'), A::CopyCommandLine)],
            vec![],
        ),
        entry(
            Section::Search,
            "/",
            "search every tab and the source text",
            vec![browse(ch('/'), A::OpenSearch)],
            vec![hint(Mode::Browse, 3, "/", "search")],
        ),
        entry(
            Section::Search,
            "type",
            "as written, initials, typos from 5 letters; Caps exact",
            vec![Bind {
                modes: TYPING,
                key: Key::Printable,
                action: A::SearchType(' '),
            }],
            vec![],
        ),
        entry(
            Section::Search,
            "↓ ↑  Ctrl-n/p",
            "choose a result",
            vec![
                bind(SEARCH, KeyCode::Down, Mods::Any, A::SearchSelect(M::Down)),
                bind(SEARCH, KeyCode::Up, Mods::Any, A::SearchSelect(M::Up)),
                bind(SEARCH, ch('n'), Mods::Ctrl, A::SearchSelect(M::Down)),
                bind(SEARCH, ch('p'), Mods::Ctrl, A::SearchSelect(M::Up)),
            ],
            vec![hint(Mode::Search, 1, "↑↓", "choose")],
        ),
        entry(
            Section::Search,
            "Tab  Shift-Tab",
            "the next / previous result, as ↓ ↑ do",
            vec![
                bind(SEARCH, KeyCode::Tab, Mods::Any, A::SearchSelect(M::Down)),
                bind(SEARCH, KeyCode::BackTab, Mods::Any, A::SearchSelect(M::Up)),
            ],
            vec![],
        ),
        entry(
            Section::Search,
            "PgDn  PgUp",
            "a page of results down / up",
            vec![
                bind(
                    SEARCH,
                    KeyCode::PageDown,
                    Mods::Any,
                    A::SearchSelect(M::PageDown),
                ),
                bind(
                    SEARCH,
                    KeyCode::PageUp,
                    Mods::Any,
                    A::SearchSelect(M::PageUp),
                ),
            ],
            vec![],
        ),
        entry(
            Section::Search,
            "Enter",
            "go to the chosen result",
            vec![bind(SEARCH, KeyCode::Enter, Mods::Any, A::SearchSubmit)],
            vec![hint(Mode::Search, 2, "Enter", "go")],
        ),
        entry(
            Section::Search,
            "Backspace",
            "delete the character before the cursor",
            vec![bind(
                TYPING,
                KeyCode::Backspace,
                Mods::Plain,
                A::SearchBackspace,
            )],
            vec![],
        ),
        entry(
            Section::Search,
            "Ctrl-w  Ctrl-⌫",
            "delete the word before the cursor (Alt-⌫ too)",
            vec![
                bind(TYPING, ch('w'), Mods::Ctrl, A::SearchDeleteWord),
                // What most terminals send for Ctrl-Backspace.
                bind(TYPING, ch('h'), Mods::Ctrl, A::SearchDeleteWord),
                bind(
                    TYPING,
                    KeyCode::Backspace,
                    Mods::CtrlOrAlt,
                    A::SearchDeleteWord,
                ),
            ],
            vec![],
        ),
        entry(
            Section::Search,
            "Ctrl-u",
            "clear the query",
            vec![bind(TYPING, ch('u'), Mods::Ctrl, A::SearchClear)],
            vec![],
        ),
        entry(
            Section::Search,
            "Ctrl-f",
            "keep the results as the filter of their tab and go there",
            vec![bind(SEARCH, ch('f'), Mods::Ctrl, A::KeepAsFilter)],
            vec![hint(Mode::Search, 3, "Ctrl-f", "filter")],
        ),
        entry(
            Section::Search,
            "Esc",
            "cancel the search",
            vec![bind(SEARCH, KeyCode::Esc, Mods::Any, A::Cancel)],
            vec![hint(Mode::Search, 3, "Esc", "cancel")],
        ),
        entry(
            Section::Search,
            "n  N",
            "after a search: next / previous result",
            vec![
                browse(ch('n'), A::NextResult),
                browse(ch('N'), A::PreviousResult),
            ],
            vec![hint_when(Mode::Browse, 4, "n/N", "", HintWhen::HasSearch)],
        ),
        Entry {
            section: Section::Query,
            keys: Cow::Borrowed("'w ^w w$ !w"),
            help: "whole word; field starts / ends with w; not w",
            binds: vec![],
            hints: vec![],
            also: Also::Syntax,
        },
        Entry {
            section: Section::Query,
            keys: Cow::Borrowed("year:2005  y:"),
            help: "a year or a range: y:2003-2006 (repeated: either)",
            binds: vec![],
            hints: vec![],
            also: Also::Syntax,
        },
        Entry {
            section: Section::Query,
            keys: Cow::Borrowed("kind:summit  k:"),
            help: "records of a kind (a wrong kind lists them all)",
            binds: vec![],
            hints: vec![],
            also: Also::Syntax,
        },
        Entry {
            section: Section::Query,
            keys: Cow::Borrowed("place:baku  p:"),
            help: "events held there: city, country, other spelling",
            binds: vec![],
            hints: vec![],
            also: Also::Syntax,
        },
        Entry {
            section: Section::Query,
            keys: Cow::Borrowed("tab:funding  t:"),
            help: "one tab's records; tab:source the source's paragraphs",
            binds: vec![],
            hints: vec![],
            also: Also::Syntax,
        },
        entry(
            Section::Anywhere,
            "?  F1",
            "this help over whatever is open (in the search prompt: F1)",
            vec![
                browse(ch('?'), A::ToggleHelp),
                browse(KeyCode::F(1), A::ToggleHelp),
                bind(READING, ch('?'), Mods::Any, A::ToggleHelp),
                bind(READING, KeyCode::F(1), Mods::Any, A::ToggleHelp),
                bind(SEARCH, KeyCode::F(1), Mods::Any, A::ToggleHelp),
            ],
            vec![
                hint(Mode::Browse, 7, "?", "help"),
                hint(Mode::Links, 7, "?", "help"),
            ],
        ),
        entry(
            Section::Anywhere,
            "Esc",
            "close an overlay or cancel; never quits",
            vec![
                bind(HELP, KeyCode::Esc, Mods::Any, A::ToggleHelp),
                bind(SOURCE, KeyCode::Esc, Mods::Any, A::ToggleSource),
            ],
            vec![
                hint(Mode::Help, 2, "Esc", "close"),
                hint(Mode::Source, 2, "S/Esc", "close"),
            ],
        ),
        entry(
            Section::Anywhere,
            "q",
            "quit (in the search prompt q is a letter)",
            vec![
                browse(ch('q'), A::Quit),
                bind(READING, ch('q'), Mods::NoCtrl, A::Quit),
            ],
            vec![
                hint(Mode::Browse, 8, "q", "quit"),
                hint(Mode::Help, 3, "q", "quit"),
                hint(Mode::Source, 3, "q", "quit"),
            ],
        ),
        entry(
            Section::Anywhere,
            "Ctrl-C",
            "quit from anywhere",
            vec![
                bind(EVERY_MODE, ch('c'), Mods::Ctrl, A::Quit),
                bind(EVERY_MODE, ch('C'), Mods::Ctrl, A::Quit),
            ],
            vec![
                hint(Mode::Search, 4, "Ctrl-C", "quit"),
                hint(Mode::Filter, 4, "Ctrl-C", "quit"),
            ],
        ),
        entry(
            Section::Anywhere,
            "Ctrl-Z",
            "suspend to the shell; fg brings it back",
            vec![
                bind(EVERY_MODE, ch('z'), Mods::Ctrl, A::Suspend),
                bind(EVERY_MODE, ch('Z'), Mods::Ctrl, A::Suspend),
            ],
            vec![],
        ),
    ]
}
