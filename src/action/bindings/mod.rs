//! The one table of key bindings. The key map ([`Bindings::action_for_key`]), the help
//! overlay, the status bar's hints, the texts that name a key, the README's key table and the
//! default config file all read it, and every key they name is formatted from it, so a key
//! that works is in the help and the help names no key that does nothing (tests check both).
//! Each line of the help lists the bindings behind it: a key (with the modifiers it takes)
//! asking for a [`Command`] in some modes.

mod key;
mod remap;
mod table;
#[cfg(test)]
mod tests;

use std::sync::{Arc, LazyLock};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind};
use strum::{EnumCount, EnumIter, EnumMessage, IntoEnumIterator};

pub use key::{Key, Mods};
pub use remap::Remap;

use super::{Action, Command, Mode};

/// The help's sections, in order; each one's doc comment is its heading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, EnumIter, EnumMessage)]
pub enum Section {
    /// Tabs
    Tabs,
    /// Moving in a list
    Moving,
    /// Links and history
    Links,
    /// Filter and sort the list
    Lists,
    /// Views
    Views,
    /// Search
    Search,
    /// The command palette
    Palette,
    /// In a search query
    Query,
    /// Anywhere
    Anywhere,
}

impl Section {
    /// The section's heading.
    pub fn title(self) -> &'static str {
        self.get_documentation().unwrap_or_default()
    }
}

/// Some of the modes, as bits: those a binding works in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Modes(u16);

impl Modes {
    const NONE: Self = Self(0);
    /// A binding for every mode (Ctrl-C, Ctrl-Z) is tried before any other.
    const ALL: Self = Self((1 << Mode::COUNT) - 1);
    /// Where a printable key is typed as text: the search, filter and export prompts, the
    /// palette.
    const TYPING: Self = Self::of(&[Mode::Search, Mode::Filter, Mode::Palette, Mode::Export]);

    const fn of(modes: &[Mode]) -> Self {
        let (mut bits, mut at) = (0, 0);
        while at < modes.len() {
            bits |= 1 << modes[at] as u16;
            at += 1;
        }
        Self(bits)
    }

    const fn contains(self, mode: Mode) -> bool {
        self.0 & 1 << mode as u16 != 0
    }

    fn union(self, other: Self) -> Self {
        Self(self.0 | other.0)
    }

    fn without(self, other: Self) -> Self {
        Self(self.0 & !other.0)
    }

    fn iter(self) -> impl Iterator<Item = Mode> {
        Mode::iter().filter(move |&mode| self.contains(mode))
    }
}

/// One binding: a key that asks for `command` in some modes (a binding for browsing works
/// while the links have the focus too, unless one for the links takes the same key).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Bind {
    command: Command,
    modes: Modes,
    key: Key,
    /// Whether the help names it while its command has other keys on the line: not a key a
    /// terminal sends for another (Ctrl-h for Ctrl-⌫), nor one the line's words name.
    said: bool,
}

impl Bind {
    /// A binding the help names.
    fn new(command: Command, modes: Modes, key: Key) -> Self {
        let said = true;
        Self {
            command,
            modes,
            key,
            said,
        }
    }
}

/// How a line of the help writes its keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Layout {
    /// Each key once, two spaces apart: `j  ↓`.
    Spaced,
    /// Then the mouse's: `Enter  click`.
    AndClick,
    /// A run of keys one space apart, those taking the same modifier written once and set
    /// two spaces off: `1 2 3 4 5`, `↓ ↑  Ctrl-n/p`.
    Run,
    /// Words that name no key: the mouse's, typing, a query's syntax, a tab's notes.
    Words(&'static str),
}

/// What a line of the help says its keys do. Where the words state how keys behave (which are
/// letters in the search prompt, which quit from anywhere, which other key does the same),
/// that part is worked out from the bindings in force ([`Bindings::help_text`]), so no remap
/// can make it false.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Help {
    /// Words that hold whatever the keys. They may name another command's key as
    /// `{command}` (its key while browsing) or `{command:mode}` (`{search_select_down:search}`),
    /// a key not of this line; a part in `[…]` is left out when a command it names has none.
    /// In `<next / previous>` each part is what one of the line's commands does, in the order
    /// the table first gave them, and is said only while that command has keys on the line.
    Words(&'static str),
    /// The words, then which keys of other lines do what the line's keys do: `, as ↓ ↑ do`.
    As(&'static str),
    /// The words, then which of the line's keys are letters in the search prompt, if any:
    /// `quit (in the search prompt q is a letter)`.
    LettersInSearch(&'static str),
    /// The words, then `from anywhere` when each of the line's keys does its command in every
    /// mode, or else where one does not: `(not in the search prompt)`.
    Anywhere(&'static str),
    /// The words, then which of the line's keys do their command in the search prompt, when
    /// not all of them do: `(in the search prompt: F1)`, `(not in the search prompt)`.
    InSearch(&'static str),
    /// Closing an overlay: `or cancel` when the line's keys cancel elsewhere, `never quits`
    /// when none of them quits anywhere.
    Closes,
    /// The words, then `key`, a key the label leaves out, while the line still has it:
    /// `(Alt-⌫ too)`.
    Too(&'static str, Key),
}

/// One line of the help: what it says its keys do, and the bindings behind them.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Line {
    section: Section,
    layout: Layout,
    help: Help,
    /// In the order the help and a config file name their keys.
    binds: Vec<Bind>,
    /// The commands of its keys as the table first gave them, in order (a remap leaves them):
    /// what the parts of its words in `<… / …>` are about.
    commands: Vec<Command>,
}

/// When a hint is worth showing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HintWhen {
    /// Always.
    Always,
    /// When the selected record has links.
    HasLinks,
    /// When there is a place to go back to.
    HasHistory,
    /// When a search was submitted (the hint then shows its position and query).
    HasSearch,
    /// In the command palette, not in the help's filter (the two share a mode).
    InPalette,
    /// While the help's filter is typed, where the palette's keys keep or clear it.
    InHelpFilter,
}

/// A hint in the status bar: in `mode`, a key of each of `commands` and what they do;
/// `every_line` names one of each line of the help the command is on (`S/Esc`).
#[derive(Clone, Copy, Debug)]
pub struct Hint {
    mode: Mode,
    commands: &'static [Command],
    /// What they do, in a word or two.
    pub what: &'static str,
    /// When it shows.
    pub when: HintWhen,
    every_line: bool,
}

impl Hint {
    /// Whether it is a way out (of an overlay, of the app) or to the help, which the status
    /// bar keeps at every width; while typing, the prompt's own keys outrank quitting.
    pub fn is_way_out_or_help(&self) -> bool {
        let typing = Modes::TYPING.contains(self.mode);
        self.commands.iter().any(|command| match command {
            Command::ToggleHelp | Command::Cancel => true,
            Command::Quit => !typing,
            _ => false,
        })
    }
}

/// The key bindings in force: the built-in table, or that table with a config file's
/// remaps ([`Bindings::remapped`]). Everything that names or reads a key reads this.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bindings {
    lines: Vec<Line>,
}

static BUILT_IN: LazyLock<Arc<Bindings>> = LazyLock::new(|| {
    Arc::new(Bindings {
        lines: table::lines(),
    })
});

impl Default for Bindings {
    fn default() -> Self {
        Self::clone(&BUILT_IN)
    }
}

/// One section of the help: its title and its rows.
#[derive(Clone, Debug)]
pub struct HelpSection {
    /// The heading.
    pub title: &'static str,
    /// Each row: the keys, and what they do.
    pub entries: Vec<(String, String)>,
}

/// A command as a config file lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NamedKeys {
    /// The command.
    pub command: Command,
    /// The section of the help it is first listed in.
    pub section: Section,
    /// Its keys as a config file writes them (`j`, `down`).
    pub keys: Vec<String>,
}

impl Bindings {
    /// The built-in bindings, shared.
    pub fn built_in() -> Arc<Self> {
        Arc::clone(&BUILT_IN)
    }

    fn binds(&self) -> impl Iterator<Item = &Bind> + Clone {
        self.lines.iter().flat_map(|line| line.binds.iter())
    }

    /// The binding `key` calls on in `mode`, if any: bindings that name every mode first
    /// (Ctrl-C, Ctrl-Z), then those of the mode, then, while the links have the focus, those
    /// of browsing; within each, a binding that asks for Shift before one that ignores it.
    fn binding_for(&self, key: &KeyEvent, mode: Mode) -> Option<&Bind> {
        let find = |group: &dyn Fn(&Bind) -> bool| {
            let matching = |bind: &&Bind| group(bind) && bind.key.matches(key);
            let shifted = self.binds().filter(|bind| bind.key.mods == Mods::Shift);
            shifted
                .clone()
                .find(matching)
                .or_else(|| self.binds().find(matching))
        };
        find(&|bind| bind.modes == Modes::ALL)
            .or_else(|| find(&|bind| bind.modes.contains(mode)))
            .or_else(|| {
                (mode == Mode::Links).then(|| find(&|bind| bind.modes.contains(Mode::Browse)))?
            })
    }

    /// The action a key press means in `mode`, if any; in the prompts, a printable key no
    /// binding takes is typed.
    pub fn action_for_key(&self, key: KeyEvent, mode: Mode) -> Option<Action> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        match (self.binding_for(&key, mode), key.code) {
            (Some(bind), _) => Some(bind.command.action(mode)),
            (None, KeyCode::Char(c))
                if Modes::TYPING.contains(mode)
                    && !c.is_control()
                    && Mods::Plain.allow(key.modifiers) =>
            {
                Some(Action::SearchType(c))
            }
            _ => None,
        }
    }

    /// The keys a line's label names, in order, each once: not those the help leaves unsaid
    /// while their command has other keys on the line.
    fn line_keys(line: &Line) -> Vec<Key> {
        let said = |bind: &&Bind| {
            let other = |other: &Bind| other.said && other.command == bind.command;
            bind.said || !line.binds.iter().any(other)
        };
        let mut keys: Vec<Key> = Vec::new();
        for bind in line.binds.iter().filter(said) {
            if keys
                .iter()
                .all(|key| key.config_name() != bind.key.config_name())
            {
                keys.push(bind.key);
            }
        }
        keys
    }

    /// A line's keys as the help writes them; `None` when it has none left.
    fn label(line: &Line) -> Option<String> {
        let keys = Self::line_keys(line);
        // Each key's modifier and code; Backspace with a modifier is `⌫`, as the hints write
        // it: `Ctrl-⌫`.
        let parts: Vec<(&str, String)> = (keys.iter())
            .map(|key| {
                let modifier = key.mods.named().2;
                (modifier, key.help_code(!modifier.is_empty()))
            })
            .collect();
        let names = parts
            .iter()
            .map(|(modifier, code)| format!("{modifier}{code}"));
        let spaced = names.collect::<Vec<_>>().join("  ");
        Some(match line.layout {
            Layout::Words(words) => words.to_string(),
            _ if keys.is_empty() => return None,
            Layout::Spaced => spaced,
            Layout::AndClick => format!("{spaced}  click"),
            Layout::Run => {
                // Keys taking the same modifier share it, set off from the rest.
                let mut runs: Vec<(&str, Vec<String>)> = Vec::new();
                for (modifier, code) in parts {
                    match runs.last_mut() {
                        Some((last, codes)) if *last == modifier => codes.push(code),
                        _ => runs.push((modifier, vec![code])),
                    }
                }
                let run = |(modifier, codes): (&str, Vec<String>)| match modifier {
                    "" => codes.join(" "),
                    _ => format!("{modifier}{}", codes.join("/")),
                };
                runs.into_iter().map(run).collect::<Vec<_>>().join("  ")
            }
        })
    }

    /// Whether a press of `key` does `command` in `mode`.
    fn does(&self, key: Key, mode: Mode, command: Command) -> bool {
        self.binding_for(&key.press(), mode)
            .is_some_and(|bind| bind.command == command)
    }

    /// Whether a press of `key` does what it does on `line` in `mode`: the command of the
    /// line's binding of that key.
    fn does_here(&self, line: &Line, key: Key, mode: Mode) -> bool {
        let mine = line.binds.iter().filter(|bind| bind.key == key);
        mine.clone().any(|bind| self.does(key, mode, bind.command))
    }

    /// What `line` says its keys do, its statements about them worked out from these
    /// bindings (see [`Help`]).
    fn help_text(&self, line: &Line) -> String {
        let keys = Self::line_keys(line);
        let listed = |keys: &[Key]| -> String {
            let names: Vec<String> = keys.iter().map(|&key| help_key(key)).collect();
            match names.as_slice() {
                [] => String::new(),
                [one] => one.clone(),
                [most @ .., last] => format!("{} and {last}", most.join(", ")),
            }
        };
        match line.help {
            Help::Words(words) => self.fill(words, line).0,
            Help::As(words) => {
                let words = self.fill(words, line).0;
                let same: Option<Vec<String>> = (line.commands.iter())
                    .filter_map(|&command| {
                        let bind = line.binds.iter().find(|bind| bind.command == command)?;
                        let mode = bind.modes.iter().next()?;
                        Some(self.first_key(command, mode, self.other_binds(line)))
                    })
                    .collect();
                match same.as_deref() {
                    None | Some([]) => words,
                    Some([one]) => format!("{words}, as {one} does"),
                    Some(many) => format!("{words}, as {} do", many.join(" ")),
                }
            }
            Help::LettersInSearch(words) => {
                let letters: Vec<Key> = (keys.iter().copied())
                    .filter(|key| {
                        let typed = self.action_for_key(key.press(), Mode::Search);
                        matches!(typed, Some(super::Action::SearchType(_)))
                    })
                    .collect();
                match letters.len() {
                    0 => words.to_string(),
                    1 => format!(
                        "{words} (in the search prompt {} is a letter)",
                        listed(&letters)
                    ),
                    _ => format!(
                        "{words} (in the search prompt {} are letters)",
                        listed(&letters)
                    ),
                }
            }
            Help::Anywhere(words) => {
                let missing: Vec<Mode> = Mode::iter()
                    .filter(|&mode| !keys.iter().all(|&key| self.does_here(line, key, mode)))
                    .collect();
                if missing.is_empty() {
                    return format!("{words} from anywhere");
                }
                let places: Vec<&str> = missing.iter().map(|&mode| mode_words(mode)).collect();
                format!("{words} (not in {})", places.join(" or "))
            }
            Help::InSearch(words) => {
                let here: Vec<Key> = (keys.iter().copied())
                    .filter(|&key| self.does_here(line, key, Mode::Search))
                    .collect();
                match here.len() {
                    n if n == keys.len() => words.to_string(),
                    0 => format!("{words} (not in the search prompt)"),
                    _ => format!("{words} (in the search prompt: {})", listed(&here)),
                }
            }
            Help::Closes => {
                let any = |command: Command| {
                    (keys.iter()).any(|&key| Mode::iter().any(|mode| self.does(key, mode, command)))
                };
                let mut said = "close an overlay".to_string();
                if any(Command::Cancel) {
                    said.push_str(" or cancel");
                }
                if !any(Command::Quit) {
                    said.push_str("; never quits");
                }
                said
            }
            Help::Too(words, key) => {
                let kept = line.binds.iter().any(|bind| {
                    bind.key == key
                        && bind
                            .modes
                            .iter()
                            .any(|mode| self.does(key, mode, bind.command))
                });
                match kept {
                    true => format!("{words} ({} too)", help_key(key)),
                    false => words.to_string(),
                }
            }
        }
    }

    /// `words` with each `{command}` or `{command:mode}` given that command's key in that
    /// mode (browsing when none is named) among the keys of the other lines; a part in `[…]`
    /// is left out when a command it names has none there. See [`Help::Words`]. With the
    /// text, each key it names, for which command, in which mode.
    fn fill(&self, words: &str, line: &Line) -> (String, Vec<(Command, Mode, String)>) {
        let mut out = String::new();
        let mut named = Vec::new();
        // The keys named in the optional part so far.
        let mut pending = Vec::new();
        // The text of an optional part so far, and whether each of its keys was found.
        let mut optional: Option<(String, bool)> = None;
        let mut rest = words;
        while let Some(at) = rest.find(['{', '[', ']', '<']) {
            let (before, from) = rest.split_at(at);
            match &mut optional {
                Some((text, _)) => text.push_str(before),
                None => out.push_str(before),
            }
            let (found, after) = match from.as_bytes()[0] {
                b'<' => {
                    let end = from.find('>').unwrap_or(from.len() - 1);
                    let parts: Vec<&str> = (from[1..end].split(" / ").enumerate())
                        .filter(|&(at, _)| {
                            let command = line.commands.get(at);
                            line.binds.iter().any(|bind| Some(&bind.command) == command)
                        })
                        .map(|(_, part)| part)
                        .collect();
                    let said = parts.join(" / ");
                    match &mut optional {
                        Some((text, _)) => text.push_str(&said),
                        None => out.push_str(&said),
                    }
                    (None, &from[end + 1..])
                }
                b'[' => {
                    optional = Some((String::new(), true));
                    (None, &from[1..])
                }
                b']' => {
                    if let Some((text, true)) = optional.take() {
                        out.push_str(&text);
                        named.append(&mut pending);
                    }
                    pending.clear();
                    optional = None;
                    (None, &from[1..])
                }
                _ => {
                    let end = from.find('}').unwrap_or(from.len() - 1);
                    let name = &from[1..end];
                    let key = self.placeholder(name, line);
                    let stated = placeholder_parts(name).zip(key.clone());
                    let stated = stated.map(|((command, mode), key)| (command, mode, key));
                    (Some((key, stated)), &from[end + 1..])
                }
            };
            if let Some((key, stated)) = found {
                match (&mut optional, key) {
                    (Some((text, _)), Some(key)) => {
                        text.push_str(&key);
                        pending.extend(stated);
                    }
                    (Some((_, found)), None) => *found = false,
                    (None, key) => {
                        out.push_str(&key.unwrap_or_default());
                        named.extend(stated);
                    }
                }
            }
            rest = after;
        }
        out.push_str(rest);
        (out, named)
    }

    /// The key `{command}` or `{command:mode}` names, among the keys of lines other than
    /// `line`.
    fn placeholder(&self, name: &str, line: &Line) -> Option<String> {
        let (command, mode) = placeholder_parts(name)?;
        self.first_key(command, mode, self.other_binds(line))
    }

    /// The bindings of every line but `line`.
    fn other_binds<'a>(&'a self, line: &'a Line) -> impl Iterator<Item = &'a Bind> + Clone {
        (self.lines.iter())
            .filter(move |other| !std::ptr::eq(*other, line))
            .flat_map(|other| other.binds.iter())
    }

    /// The help, section by section.
    pub fn help_sections(&self) -> Vec<HelpSection> {
        let entries = |section| {
            let lines = self
                .lines
                .iter()
                .filter(move |line| line.section == section);
            lines
                .filter_map(|line| Some((Self::label(line)?, self.help_text(line))))
                .collect()
        };
        let section = |section: Section| HelpSection {
            title: section.title(),
            entries: entries(section),
        };
        Section::iter().map(section).collect()
    }

    /// The key table as Markdown, as the README shows it.
    pub fn key_table_markdown(&self) -> String {
        let mut table = String::from("| Keys | What they do |\n|---|---|\n");
        for section in self.help_sections() {
            table.push_str(&format!("| **{}** | |\n", section.title));
            for (keys, what) in section.entries {
                table.push_str(&format!("| `{keys}` | {what} |\n"));
            }
        }
        table
    }

    /// The status bar's hints for `mode`, in order, with their keys (`j/k`); one whose
    /// commands have no key there is left out.
    pub fn hints(&self, mode: Mode) -> impl Iterator<Item = (&'static Hint, String)> {
        let hints = table::HINTS.iter().filter(move |hint| hint.mode == mode);
        hints.filter_map(move |hint| {
            let keys = hint
                .commands
                .iter()
                .flat_map(|&command| match hint.every_line {
                    true => (self.lines.iter())
                        .filter_map(|line| self.first_key(command, mode, &line.binds))
                        .collect(),
                    false => Vec::from_iter(self.first_key(command, mode, self.binds())),
                });
            Some((hint, joined(keys.collect())?))
        })
    }

    /// The mode's hints as one line, `keys what · keys what`: those that always show or show
    /// `when`, less those naming `except` (the quit every mode has): what an overlay's border
    /// reminds of.
    pub fn reminder(&self, mode: Mode, when: HintWhen, except: Command) -> String {
        let hints = self
            .hints(mode)
            .filter(|(hint, _)| matches!(hint.when, HintWhen::Always) || hint.when == when);
        let said: Vec<String> = hints
            .filter(|(hint, _)| !hint.commands.contains(&except))
            .map(|(hint, keys)| format!("{keys} {}", hint.what).trim_end().into())
            .collect();
        said.join(" · ")
    }

    /// The hint of `mode` that names `command`, as `keys what` (`j/k scroll`).
    pub fn hint(&self, mode: Mode, command: Command) -> Option<String> {
        let (hint, keys) = self
            .hints(mode)
            .find(|(hint, _)| hint.commands.contains(&command))?;
        Some(format!("{keys} {}", hint.what))
    }

    /// A key of each of `commands` in `mode`, as the hints write them together (`J/K`);
    /// `None` when none has a key there. What any text naming a key says.
    pub fn keys_for(&self, commands: &[Command], mode: Mode) -> Option<String> {
        joined(
            commands
                .iter()
                .filter_map(|&command| self.first_key(command, mode, self.binds()))
                .collect(),
        )
    }

    /// The key of `binds` that best names `command` in `mode`, as the status bar writes it: the
    /// first that reaches it, one bound in that mode before one that works there only as it
    /// does while browsing, and one bound for that mode alone before one shared (`Esc` closes
    /// the help, though `?` does too).
    fn first_key<'a>(
        &self,
        command: Command,
        mode: Mode,
        binds: impl IntoIterator<Item = &'a Bind>,
    ) -> Option<String> {
        let reaching = |bind: &&Bind| {
            bind.command == command && self.binding_for(&bind.key.press(), mode) == Some(bind)
        };
        let bind = binds
            .into_iter()
            .filter(reaching)
            .min_by_key(|bind| (!bind.modes.contains(mode), bind.modes != Modes::of(&[mode])))?;
        Some(bind.key.help_name(true))
    }

    /// What the command palette lists from `mode`: every command one of whose keys does it
    /// there, or that has no key at all (a config file may leave one without), in the
    /// table's order, with the keys that do it there as the hints write them (`Ctrl-p`).
    pub fn commands_in(&self, mode: Mode) -> Vec<(Command, Vec<String>)> {
        let mut order: Vec<Command> = Vec::new();
        for bind in self.binds() {
            if !order.contains(&bind.command) {
                order.push(bind.command);
            }
        }
        let unbound: Vec<Command> = Command::iter()
            .filter(|command| !order.contains(command))
            .collect();
        let reaching = |command: Command| -> Vec<String> {
            let mut keys: Vec<String> = Vec::new();
            for bind in self.binds().filter(|bind| bind.command == command) {
                let name = bind.key.help_name(true);
                let listed = keys.iter().any(|key| same_to_a_person(key, &name));
                if self.binding_for(&bind.key.press(), mode) == Some(bind) && !listed {
                    keys.push(name);
                }
            }
            keys
        };
        let bound = order.into_iter().filter_map(|command| {
            let keys = reaching(command);
            (!keys.is_empty()).then_some((command, keys))
        });
        bound
            .chain(unbound.into_iter().map(|command| (command, Vec::new())))
            .collect()
    }

    /// Every command keys are bound to, in the table's order, with the section of its first
    /// line and its keys as a config file writes them.
    pub fn names(&self) -> Vec<NamedKeys> {
        let mut names: Vec<NamedKeys> = Vec::new();
        for line in &self.lines {
            for bind in &line.binds {
                let at = names.iter().position(|named| named.command == bind.command);
                let at = at.unwrap_or_else(|| {
                    let (command, section, keys) = (bind.command, line.section, Vec::new());
                    names.push(NamedKeys {
                        command,
                        section,
                        keys,
                    });
                    names.len() - 1
                });
                let key = bind.key.config_name();
                if !names[at].keys.contains(&key) {
                    names[at].keys.push(key);
                }
            }
        }
        names
    }
}

/// Whether two keys' names are one key to a person: the same name, or Ctrl with a letter in
/// either case (`Ctrl-C` and `Ctrl-c` are bound both because terminals send either), which a
/// list of keys names once.
fn same_to_a_person(one: &str, other: &str) -> bool {
    one == other || (one.starts_with("Ctrl-") && one.eq_ignore_ascii_case(other))
}

/// A key as a line of the help writes it: `q`, `F1`, `Ctrl-C`, `Alt-⌫`.
fn help_key(key: Key) -> String {
    let modifier = key.mods.named().2;
    format!("{modifier}{}", key.help_code(!modifier.is_empty()))
}

/// The command and mode a placeholder of the help's words names: `cycle_sort` (while
/// browsing), `search_select_down:search`.
fn placeholder_parts(name: &str) -> Option<(Command, Mode)> {
    let (command, mode) = name.split_once(':').unwrap_or((name, "browse"));
    let command = Command::iter().find(|known| known.name() == command)?;
    let mode = Mode::iter().find(|known| format!("{known:?}").eq_ignore_ascii_case(mode))?;
    Some((command, mode))
}

/// How the help says where a key works.
fn mode_words(mode: Mode) -> &'static str {
    match mode {
        Mode::Browse => "the list",
        Mode::Links => "the detail pane's links",
        Mode::Search => "the search prompt",
        Mode::Help => "the help",
        Mode::Source => "the quick look",
        Mode::Filter => "the filter prompt",
        Mode::Palette => "the palette",
        Mode::Export => "the export prompt",
        Mode::Cite => "the citation styles",
    }
}

/// Keys written together as the hints write them: two arrows side by side (`↑↓`), keys with
/// no modifier joined by `/` (`j/k`), others spaced (`Ctrl-e Ctrl-y`).
fn joined(keys: Vec<String>) -> Option<String> {
    let arrows = keys
        .iter()
        .all(|key| ["↑", "↓", "←", "→"].contains(&key.as_str()));
    let plain = keys.iter().all(|key| !key.contains(['/', '-']));
    let between = if arrows {
        ""
    } else if plain {
        "/"
    } else {
        " "
    };
    (!keys.is_empty()).then(|| keys.join(between))
}
