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
use strum::{EnumIter, EnumMessage, IntoEnumIterator};

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
struct Modes(u8);

impl Modes {
    const NONE: Self = Self(0);
    /// A binding for every mode (Ctrl-C, Ctrl-Z) is tried before any other.
    const ALL: Self = Self(0b11_1111);
    /// Where a printable key is typed as text: the search and filter prompts.
    const TYPING: Self = Self::of(&[Mode::Search, Mode::Filter]);

    const fn of(modes: &[Mode]) -> Self {
        let (mut bits, mut at) = (0, 0);
        while at < modes.len() {
            bits |= 1 << modes[at] as u8;
            at += 1;
        }
        Self(bits)
    }

    const fn contains(self, mode: Mode) -> bool {
        self.0 & 1 << mode as u8 != 0
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

/// One line of the help: what it says its keys do, and the bindings behind them.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Line {
    section: Section,
    layout: Layout,
    help: &'static str,
    /// In the order the help and a config file name their keys.
    binds: Vec<Bind>,
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
    pub entries: Vec<(String, &'static str)>,
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

    /// A line's keys as the help writes them; `None` when it has none left.
    fn label(line: &Line) -> Option<String> {
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

    /// The help, section by section.
    pub fn help_sections(&self) -> Vec<HelpSection> {
        let entries = |section| {
            let lines = self
                .lines
                .iter()
                .filter(move |line| line.section == section);
            lines
                .filter_map(|line| Some((Self::label(line)?, line.help)))
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

    /// The mode's hints as one line, `keys what · keys what`, less those naming `except` (the
    /// quit every mode has): what an overlay's border reminds of.
    pub fn reminder(&self, mode: Mode, except: Command) -> String {
        let hints = self
            .hints(mode)
            .filter(|(hint, _)| !hint.commands.contains(&except));
        let said: Vec<String> = hints
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
