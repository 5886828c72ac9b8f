//! The table itself: every line of the help, in order, with the keys behind it (each a
//! command's, in some modes), and the status bar's hints. The help, the hints and the config
//! file write these keys; nothing writes a key by hand, and what a line says of keys (which
//! are letters in the search prompt, which quit from anywhere, which other key does the same)
//! is worked out from the bindings in force (see [`Help`]).

use ratatui::crossterm::event::KeyCode::{
    self, BackTab, Backspace, Down, End, Enter, Esc, F, Home, Left, PageDown, PageUp, Right, Up,
};

use super::{
    Bind, Help, Hint, HintWhen, Key, Layout, Line, Modes,
    Mods::{self, *},
    Section::{self, *},
};
use crate::action::{Command, Command::*, Mode};

const BROWSE: Modes = Modes::of(&[Mode::Browse]);
const LINKS: Modes = Modes::of(&[Mode::Links]);
const SEARCH: Modes = Modes::of(&[Mode::Search]);
const FILTER: Modes = Modes::of(&[Mode::Filter]);
const HELP: Modes = Modes::of(&[Mode::Help]);
const SOURCE: Modes = Modes::of(&[Mode::Source]);
const PALETTE: Modes = Modes::of(&[Mode::Palette]);
const EXPORT: Modes = Modes::of(&[Mode::Export]);
const CITE: Modes = Modes::of(&[Mode::Cite]);
/// The help and the quick look: the same scrolling keys.
const READING: Modes = Modes::of(&[Mode::Help, Mode::Source]);
/// Typing a search or a filter: the same editing keys.
const TYPING: Modes = Modes::TYPING;

/// `command`'s keys `codes`, taking `mods`, in `modes`.
fn on(command: Command, modes: Modes, mods: Mods, codes: &[KeyCode]) -> Vec<Bind> {
    let bind = |&code| Bind::new(command, modes, Key { code, mods });
    codes.iter().map(bind).collect()
}

/// Keys as [`on`] has them, which the help leaves unsaid.
fn unsaid(command: Command, modes: Modes, mods: Mods, codes: &[KeyCode]) -> Vec<Bind> {
    let unsaid = |bind| Bind {
        said: false,
        ..bind
    };
    on(command, modes, mods, codes)
        .into_iter()
        .map(unsaid)
        .collect()
}

/// `command`'s keys while browsing, without Ctrl or Alt.
fn browse(command: Command, codes: &[KeyCode]) -> Vec<Bind> {
    on(command, BROWSE, Plain, codes)
}

const fn ch(c: char) -> KeyCode {
    KeyCode::Char(c)
}

/// A line of `section` saying `help` of the keys of `binds`, two spaces apart (see
/// [`Help::Words`] for the keys `help` may name).
fn line<const N: usize>(section: Section, help: &'static str, binds: [Vec<Bind>; N]) -> Line {
    let binds: Vec<Bind> = binds.into_iter().flatten().collect();
    let mut commands: Vec<Command> = Vec::new();
    for bind in &binds {
        if !commands.contains(&bind.command) {
            commands.push(bind.command);
        }
    }
    Line {
        section,
        layout: Layout::Spaced,
        help: Help::Words(help),
        binds,
        commands,
    }
}

/// A line of `section` naming no key: `words`, and what they mean.
fn words(section: Section, words: &'static str, help: &'static str) -> Line {
    Line {
        layout: Layout::Words(words),
        ..line(section, help, [])
    }
}

impl Line {
    fn layout(self, layout: Layout) -> Self {
        Self { layout, ..self }
    }

    /// The line saying `help`, which works out what it states of the keys.
    fn says(self, help: Help) -> Self {
        Self { help, ..self }
    }
}

/// A hint in `mode`: a key of each of `commands`, and `what` they do.
const fn hint(mode: Mode, commands: &'static [Command], what: &'static str) -> Hint {
    let when = HintWhen::Always;
    Hint {
        mode,
        commands,
        what,
        when,
        every_line: false,
    }
}

impl Hint {
    const fn when(self, when: HintWhen) -> Self {
        Self { when, ..self }
    }
}

/// The status bar's hints, mode by mode, in the order they are shown.
#[rustfmt::skip]
pub(super) const HINTS: &[Hint] = {
    use {HintWhen::*, Mode as M};
    &[
        hint(M::Browse, &[MoveDown, MoveUp], "move"),
        hint(M::Browse, &[FocusLinks], "links").when(HasLinks),
        hint(M::Browse, &[OpenSearch], "search"),
        hint(M::Browse, &[NextResult, PreviousResult], "").when(HasSearch),
        hint(M::Browse, &[Back], "back").when(HasHistory),
        hint(M::Browse, &[ShowInSource], "source"),
        hint(M::Browse, &[ToggleHelp], "help"),
        hint(M::Browse, &[Quit], "quit"),
        hint(M::Links, &[MoveDown, MoveUp], "pick"),
        hint(M::Links, &[FollowLink], "follow"),
        hint(M::Links, &[FocusList], "list"),
        hint(M::Links, &[Back], "back").when(HasHistory),
        hint(M::Links, &[ShowInSource], "source"),
        hint(M::Links, &[CopyCitation], "copy"),
        hint(M::Links, &[ToggleHelp], "help"),
        hint(M::Search, &[SearchSelectUp, SearchSelectDown], "choose"),
        hint(M::Search, &[SearchSubmit], "go"),
        hint(M::Search, &[KeepAsFilter], "filter"),
        hint(M::Search, &[Cancel], "cancel"),
        hint(M::Search, &[Quit], "quit"),
        hint(M::Help, &[MoveDown, MoveUp], "scroll"),
        hint(M::Help, &[FilterHelp], "filter"),
        hint(M::Help, &[ToggleHelp], "close"),
        hint(M::Help, &[Quit], "quit"),
        hint(M::Source, &[MoveDown, MoveUp], "scroll"),
        // The quick look's own key closes it too: `S/Esc`.
        Hint { every_line: true, ..hint(M::Source, &[ToggleSource], "close") },
        hint(M::Source, &[Quit], "quit"),
        hint(M::Filter, &[SearchSelectUp, SearchSelectDown], "move"),
        hint(M::Filter, &[SearchSubmit], "keep"),
        hint(M::Filter, &[Cancel], "clear"),
        hint(M::Filter, &[Quit], "quit"),
        hint(M::Palette, &[SearchSelectUp, SearchSelectDown], "choose").when(InPalette),
        hint(M::Palette, &[SearchSubmit], "run").when(InPalette),
        hint(M::Palette, &[Cancel], "close").when(InPalette),
        // The help's filter is typed with the palette's keys, which there keep or clear it.
        hint(M::Palette, &[SearchSubmit], "keep").when(InHelpFilter),
        hint(M::Palette, &[Cancel], "clear").when(InHelpFilter),
        hint(M::Palette, &[Quit], "quit"),
        hint(M::Export, &[SearchSubmit], "write"),
        hint(M::Export, &[CycleExportFormat], "format"),
        hint(M::Export, &[CompletePath], "complete"),
        hint(M::Export, &[Cancel], "cancel"),
        hint(M::Export, &[Quit], "quit"),
        hint(M::Cite, &[SearchSubmit], "copy"),
        hint(M::Cite, &[Cancel], "close"),
        hint(M::Cite, &[Quit], "quit"),
    ]
};

/// Every line of the help, in order (built once, by [`super::Bindings::built_in`]). Laid out
/// by hand: a line of the help, then its keys.
#[rustfmt::skip]
pub(super) fn lines() -> Vec<Line> {
    let scroll = |command, keys: &[KeyCode]| {
        [browse(command, keys), on(command, READING, Any, keys)]
    };
    let page = |command, code, letter| {
        [browse(command, &[code]), on(command, BROWSE, CtrlOnly, &[ch(letter)]),
         on(command, READING, Any, &[code]), on(command, READING, Ctrl, &[ch(letter)])]
    };
    vec![
        line(Tabs, "Timeline, Funding, Initiatives, Participants, Source, Map", [
            browse(SelectTabTimeline, &[ch('1')]), browse(SelectTabFunding, &[ch('2')]),
            browse(SelectTabInitiatives, &[ch('3')]), browse(SelectTabParticipants, &[ch('4')]),
            browse(SelectTabSource, &[ch('5')]),
            browse(SelectTabMap, &[ch('6')]),
        ]).layout(Layout::Run),
        line(Tabs, "next tab", [browse(NextTab, &[KeyCode::Tab, ch(']')])]),
        line(Tabs, "previous tab", [browse(PreviousTab, &[BackTab, ch('[')])]),
        words(Tabs, "click a title", "go to that tab"),
        line(Moving, "next record", scroll(MoveDown, &[ch('j'), Down])),
        line(Moving, "previous record", scroll(MoveUp, &[ch('k'), Up])),
        line(Moving, "first record", scroll(MoveFirst, &[ch('g'), Home])),
        line(Moving, "last record", scroll(MoveLast, &[ch('G'), End])),
        line(Moving, "one page down", page(MovePageDown, PageDown, 'd')),
        line(Moving, "one page up", page(MovePageUp, PageUp, 'u')),
        line(Moving, "scroll the detail pane down", [
            browse(ScrollDetailDown, &[ch('J')]), on(ScrollDetailDown, BROWSE, Shift, &[Down]),
        ]),
        line(Moving, "scroll the detail pane up", [
            browse(ScrollDetailUp, &[ch('K')]), on(ScrollDetailUp, BROWSE, Shift, &[Up]),
        ]),
        line(Moving, "the detail pane a page <down / up>", [
            browse(PageDetailDown, &[ch(' ')]), browse(PageDetailUp, &[ch('b')]),
        ]),
        words(Moving, "click  wheel", "select a row; scroll the pane under the pointer"),
        line(Links, "move into the detail pane's links", [
            browse(FocusLinks, &[ch('l'), Right, Enter]),
        ]),
        line(Links, "pick a link, while the links have the focus", [
            on(MoveDown, LINKS, Plain, &[ch('j')]), on(MoveUp, LINKS, Plain, &[ch('k')]),
            on(MoveFirst, LINKS, Plain, &[ch('g')]), on(MoveLast, LINKS, Plain, &[ch('G')]),
        ]),
        line(Links, "follow the link: go to that record in its tab", [
            on(FollowLink, LINKS, Plain, &[Enter]),
        ]).layout(Layout::AndClick),
        line(Links, "back from the links to the list", [
            browse(FocusList, &[ch('h'), Left]), on(FocusList, LINKS, Plain, &[ch('h'), Left, Esc]),
        ]),
        line(Links, "go back to where you were", [
            browse(Back, &[Backspace]), on(Back, BROWSE, Alt, &[Left]),
        ]),
        line(Links, "go forward again", [on(Forward, BROWSE, Alt, &[Right])]),
        line(Views, "the record's first quoted passage in the Source tab", [
            browse(ShowInSource, &[ch('s')]),
        ]),
        line(Views, "the place the record, the picked link or the chosen result names, on the Map tab", [
            browse(ShowOnMap, &[ch('m')]), on(ShowOnMap, SEARCH, Alt, &[ch('m')]),
        ]),
        line(Views, "a quick look at the record's paragraphs, its quotes marked", [
            browse(ToggleSource, &[ch('S')]), on(ToggleSource, SOURCE, Any, &[ch('S')]),
            unsaid(ToggleSource, SOURCE, Any, &[ch('s')]),
        ]),
        line(Views, "in the help and the quick look[ ({toggle_source})]: one page down", [
            on(MovePageDown, READING, Any, &[ch(' ')]),
        ]),
        line(Lists, "filter this tab's list as you type, with the search's rules", [
            browse(OpenFilter, &[ch('&')]),
        ]),
        line(Lists, "in the filter: keep it and go back to the list", [
            on(SearchSubmit, FILTER, Any, &[Enter]),
        ]),
        line(Lists, "in the filter: clear it", [on(Cancel, FILTER, Any, &[Esc])])
            ,
        line(Lists, "in the filter: move in the list while typing", [
            on(SearchSelectDown, FILTER, Any, &[Down]), on(SearchSelectUp, FILTER, Any, &[Up]),
        ]).layout(Layout::Run)
            ,
        line(Lists, "only the <next / previous> kind of record; past the last, all", [
            browse(StepKindForward, &[ch('f')]), browse(StepKindBackward, &[ch('F')]),
        ]),
        line(Lists, "<sort the list the next way / turn the order round>", [
            browse(CycleSort, &[ch('o')]), browse(ReverseSort, &[ch('O')]),
        ]),
        line(Lists, "show every record again: clears the kind and the filter", [
            browse(Cancel, &[Esc]),
        ]),
        words(Lists, "Timeline",
            "{cycle_sort}: date, kind, place · {step_kind_forward}: summits, ministers… · \
             {open_filter} filter"),
        words(Lists, "Funding",
            "{cycle_sort}: source order, largest, name · {open_filter} filter · no kinds"),
        words(Lists, "Initiatives",
            "{cycle_sort}: listed, kind, title, first event, ties · {step_kind_forward} · \
             {open_filter}"),
        words(Lists, "Participants",
            "{cycle_sort}: listed, kind, name, events · {step_kind_forward}: people, states… · \
             {open_filter}"),
        words(Lists, "Source", "paragraphs in the source's order: {open_search} searches them"),
        words(Lists, "Map", "{cycle_sort}: name, events, first year · {show_on_map} from a record"),
        line(Views, "Funding: show or hide the totals by category", [
            browse(ToggleGrouped, &[ch('c')]),
        ]),
        line(Views, "copy the record's citation (OSC 52, works over SSH)", [
            browse(CopyCitation, &[ch('y')]),
        ]),
        line(Views, "copy the command line that reopens this view", [
            browse(CopyCommandLine, &[ch('Y')]),
        ]),
        line(Views, "export the list as shown (its filter, kind, order) to a file", [
            browse(OpenExport, &[ch('e')]),
        ]),
        line(Views, "in the export prompt: <the next format / complete the path>", [
            on(CycleExportFormat, EXPORT, Ctrl, &[ch('f')]),
            on(CompletePath, EXPORT, Any, &[KeyCode::Tab]),
        ]),
        line(Views, "in the export prompt: <write (again to replace a file) / cancel>", [
            on(SearchSubmit, EXPORT, Any, &[Enter]), on(Cancel, EXPORT, Any, &[Esc]),
        ]),
        line(Views, "copy the citation in a style chosen for this copy", [
            browse(OpenCiteStyles, &[ch('C')]),
        ]),
        line(Views, "in the citation styles: copy as <plain text / Markdown / BibTeX / \
                     CSL-JSON / APA / Chicago author-date>", [
            on(CiteAsPlain, CITE, Any, &[ch('1')]), on(CiteAsMarkdown, CITE, Any, &[ch('2')]),
            on(CiteAsBibtex, CITE, Any, &[ch('3')]), on(CiteAsCslJson, CITE, Any, &[ch('4')]),
            on(CiteAsApa, CITE, Any, &[ch('5')]), on(CiteAsChicago, CITE, Any, &[ch('6')]),
        ]).layout(Layout::Run),
        // Where a letter is no text, q quits, as in the help.
        line(Views, "in the citation styles: <copy in the style set (cite_style) / close / quit>", [
            on(SearchSubmit, CITE, Any, &[Enter]), on(Cancel, CITE, Any, &[Esc]),
            on(Quit, CITE, NoCtrl, &[ch('q')]),
        ]),
        line(Search, "search every tab and the source text", [browse(OpenSearch, &[ch('/')])])
            ,
        words(Search, "type", "any case or form, initials, typos from 5 letters"),
        line(Search, "choose a result", [
            on(SearchSelectDown, SEARCH, Any, &[Down]), on(SearchSelectUp, SEARCH, Any, &[Up]),
            on(SearchSelectDown, SEARCH, Ctrl, &[ch('n')]),
            on(SearchSelectUp, SEARCH, Ctrl, &[ch('p')]),
        ]).layout(Layout::Run)
            ,
        line(Search, "", [
            on(SearchSelectDown, SEARCH, Any, &[KeyCode::Tab]),
            on(SearchSelectUp, SEARCH, Any, &[BackTab]),
        ]).says(Help::As("the <next / previous> result")),
        line(Search, "a page of results <down / up>", [
            on(SearchSelectPageDown, SEARCH, Any, &[PageDown]),
            on(SearchSelectPageUp, SEARCH, Any, &[PageUp]),
        ]),
        line(Search, "go to the chosen result", [on(SearchSubmit, SEARCH, Any, &[Enter])])
            ,
        line(Search, "delete the character before the cursor", [
            on(SearchBackspace, TYPING, Plain, &[Backspace]),
        ]),
        line(Search, "", [
            on(SearchDeleteWord, TYPING, Ctrl, &[ch('w')]),
            // What most terminals send for Ctrl-Backspace.
            unsaid(SearchDeleteWord, TYPING, Ctrl, &[ch('h')]),
            on(SearchDeleteWord, TYPING, Ctrl, &[Backspace]),
            unsaid(SearchDeleteWord, TYPING, Alt, &[Backspace]),
        ]).says(Help::Too("delete the word before the cursor", Key { code: Backspace, mods: Alt })),
        line(Search, "clear the query", [on(SearchClear, TYPING, Ctrl, &[ch('u')])]),
        line(Search, "keep the results as the filter of their tab and go there", [
            on(KeepAsFilter, SEARCH, Ctrl, &[ch('f')]),
        ]),
        line(Search, "cancel the search", [on(Cancel, SEARCH, Any, &[Esc])])
            ,
        line(Search, "after a search: <next / previous> result", [
            browse(NextResult, &[ch('n')]), browse(PreviousResult, &[ch('N')]),
        ]),
        line(Palette, "every action by what it does, filtered as you type", [
            browse(OpenPalette, &[ch(':')]), on(OpenPalette, BROWSE, CtrlOnly, &[ch('p')]),
        ]),
        line(Palette, "in the palette: the <next / previous> action", [
            on(SearchSelectDown, PALETTE, Any, &[Down]), on(SearchSelectUp, PALETTE, Any, &[Up]),
            on(SearchSelectDown, PALETTE, Ctrl, &[ch('n')]),
            on(SearchSelectUp, PALETTE, Ctrl, &[ch('p')]),
        ]).layout(Layout::Run),
        line(Palette, "in the palette: a page of actions <down / up>", [
            on(SearchSelectPageDown, PALETTE, Any, &[PageDown]),
            on(SearchSelectPageUp, PALETTE, Any, &[PageUp]),
        ]),
        line(Palette, "in the palette: run the chosen action; in the help's filter: keep it", [
            on(SearchSubmit, PALETTE, Any, &[Enter]),
        ]),
        line(Palette, "in the palette: close it; in the help's filter: clear it", [
            on(Cancel, PALETTE, Any, &[Esc]),
        ]),
        line(Palette, "in the help: filter its lines as you type", [
            on(FilterHelp, HELP, Plain, &[ch('/')]),
        ]),
        words(Query, "'w ^w w$ !w", "whole word; field starts / ends with w; not w"),
        words(Query, "year:2005  y:", "a year or a range: y:2003-2006 (repeated: either)"),
        words(Query, "kind:summit  k:", "records of a kind (a wrong kind lists them all)"),
        words(Query, "place:baku  p:", "events held there: city, country, other spelling"),
        words(Query, "tab:funding  t:", "one tab's records; tab:source the source's paragraphs"),
        line(Anywhere, "", [
            browse(ToggleHelp, &[ch('?'), F(1)]), on(ToggleHelp, READING, Any, &[ch('?'), F(1)]),
            on(ToggleHelp, SEARCH, Any, &[F(1)]),
        ]).says(Help::InSearch("this help over whatever is open")),
        line(Anywhere, "", [
            on(ToggleHelp, HELP, Any, &[Esc]), on(ToggleSource, SOURCE, Any, &[Esc]),
        ]).says(Help::Closes),
        line(Anywhere, "", [
            browse(Quit, &[ch('q')]), on(Quit, READING, NoCtrl, &[ch('q')]),
        ]).says(Help::LettersInSearch("quit")),
        // Terminals send Ctrl with a letter in either case; the help writes it in capitals.
        line(Anywhere, "", [on(Quit, Modes::ALL, Ctrl, &[ch('C'), ch('c')])])
            .says(Help::Anywhere("quit")),
        line(Anywhere, "suspend to the shell; fg brings it back", [
            on(Suspend, Modes::ALL, Ctrl, &[ch('Z'), ch('z')]),
        ]),
    ]
}
