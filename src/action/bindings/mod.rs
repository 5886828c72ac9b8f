//! The one table of key bindings. The key map ([`action_for_key`]), the help overlay, the
//! status bar's hints and the README's key table all read it, so a key that works is in the
//! help and the help names no key that does nothing (tests check both). An entry is one row of
//! the help: its keys as the help writes them, what they do, and the bindings behind it, each
//! a key (with the modifiers it takes) in some modes and the action it asks for.

mod key_name;
mod modes;
mod names;
mod remap;
mod table;
#[cfg(test)]
mod tests;

use std::{
    borrow::Cow,
    sync::{Arc, LazyLock},
};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

pub use key_name::{KEY_SYNTAX, KeySpec, config_names, help_name, named_key, named_keys};
pub use modes::Modes;
pub use names::name_of;
pub use remap::{Remap, RemapError};

use super::{Action, Mode};

/// The help's sections, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// Switching tabs.
    Tabs,
    /// Moving in a list.
    Moving,
    /// Links and history.
    Links,
    /// Filtering and sorting a tab's list.
    Lists,
    /// Views of the data.
    Views,
    /// Search.
    Search,
    /// What a query can say: whole words, scopes.
    Query,
    /// Keys that work anywhere.
    Anywhere,
}

impl Section {
    /// Every section, in the help's order.
    pub const ALL: [Self; 8] = [
        Self::Tabs,
        Self::Moving,
        Self::Links,
        Self::Lists,
        Self::Views,
        Self::Search,
        Self::Query,
        Self::Anywhere,
    ];

    /// The section's heading.
    pub fn title(self) -> &'static str {
        match self {
            Self::Tabs => "Tabs",
            Self::Moving => "Moving in a list",
            Self::Links => "Links and history",
            Self::Lists => "Filter and sort the list",
            Self::Views => "Views",
            Self::Search => "Search",
            Self::Query => "In a search query",
            Self::Anywhere => "Anywhere",
        }
    }
}

/// Which modifiers a binding takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mods {
    /// Neither Ctrl nor Alt; Shift as the key comes (a capital letter carries it).
    Plain,
    /// Shift, and neither Ctrl nor Alt (Shift-↓ against ↓).
    Shift,
    /// Ctrl, whatever else.
    Ctrl,
    /// Ctrl without Alt.
    CtrlOnly,
    /// Alt, whatever else.
    Alt,
    /// Ctrl or Alt.
    CtrlOrAlt,
    /// Anything but Ctrl.
    NoCtrl,
    /// Any modifiers.
    Any,
}

impl Mods {
    /// Whether a key pressed with `modifiers` is taken.
    pub fn allow(self, modifiers: KeyModifiers) -> bool {
        let control = modifiers.contains(KeyModifiers::CONTROL);
        let alt = modifiers.contains(KeyModifiers::ALT);
        let shift = modifiers.contains(KeyModifiers::SHIFT);
        match self {
            Self::Plain => !control && !alt,
            Self::Shift => shift && !control && !alt,
            Self::Ctrl => control,
            Self::CtrlOnly => control && !alt,
            Self::Alt => alt,
            Self::CtrlOrAlt => control || alt,
            Self::NoCtrl => !control,
            Self::Any => true,
        }
    }

    /// Whether a binding taking these is tried before those taking [`Mods::Plain`]: Shift-↓
    /// is a key of its own, though ↓ ignores Shift.
    pub fn specific(self) -> bool {
        self == Self::Shift
    }
}

/// A key a binding answers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// This key with these modifiers.
    Code(KeyCode, Mods),
    /// Any printable character typed without Ctrl or Alt (search typing).
    Printable,
}

impl Key {
    /// Whether a press of `key` calls on this one.
    pub fn matches(self, key: &KeyEvent) -> bool {
        match self {
            Self::Code(code, mods) => key.code == code && mods.allow(key.modifiers),
            Self::Printable => {
                matches!(key.code, KeyCode::Char(c) if !c.is_control())
                    && Mods::Plain.allow(key.modifiers)
            }
        }
    }
}

/// One binding: a key in some modes, and what it asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bind {
    /// The modes it works in; a binding for [`Mode::Browse`] works while the links have the
    /// focus too, unless a binding for [`Mode::Links`] takes the same key.
    pub modes: Modes,
    /// The key.
    pub key: Key,
    /// The action; for [`Key::Printable`], a placeholder the typed character fills.
    pub action: Action,
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

/// A hint in the status bar: in `mode`, at `rank` (lowest first), `keys` and what they do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hint {
    /// The mode it shows in.
    pub mode: Mode,
    /// Its place among the mode's hints.
    pub rank: u8,
    /// The keys, as the status bar writes them.
    pub keys: Cow<'static, str>,
    /// What they do, in a word or two.
    pub what: &'static str,
    /// When it shows.
    pub when: HintWhen,
}

/// Something besides keys an entry documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Also {
    /// Nothing.
    Nothing,
    /// The mouse.
    Mouse,
    /// The search's own syntax.
    Syntax,
    /// Notes that name no keys (what each tab offers).
    Notes,
}

/// One row of the help: keys, what they do, and the bindings behind them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The section it is listed in.
    pub section: Section,
    /// The keys, as the help writes them.
    pub keys: Cow<'static, str>,
    /// What they do.
    pub help: &'static str,
    /// The bindings.
    pub binds: Vec<Bind>,
    /// Its hints in the status bar.
    pub hints: Vec<Hint>,
    /// What else it documents.
    pub also: Also,
}

/// The key bindings in force: the built-in table, or that table with a config file's
/// remaps ([`Bindings::remapped`]). Everything that names or reads a key reads this.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bindings {
    entries: Vec<Entry>,
}

static BUILT_IN: LazyLock<Arc<Bindings>> = LazyLock::new(|| {
    Arc::new(Bindings {
        entries: table::entries(),
    })
});

impl Default for Bindings {
    fn default() -> Self {
        Self::clone(&BUILT_IN)
    }
}

/// One section of the help: its title and its rows.
#[derive(Clone, Debug)]
pub struct HelpSection<'a> {
    /// The heading.
    pub title: &'static str,
    /// Each row: the keys, and what they do.
    pub entries: Vec<(&'a str, &'static str)>,
}

impl Bindings {
    /// The built-in bindings, shared.
    pub fn built_in() -> Arc<Self> {
        Arc::clone(&BUILT_IN)
    }

    /// Every row of the help, in order, with its bindings and hints.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    fn binds(&self) -> impl Iterator<Item = &Bind> {
        self.entries.iter().flat_map(|entry| entry.binds.iter())
    }

    /// The binding `key` calls on in `mode`, if any: bindings that name every mode first
    /// (Ctrl-C, Ctrl-Z), then those of the mode, then, while the links have the focus, those
    /// of browsing; within each, a binding that asks for Shift before one that ignores it.
    pub fn binding_for(&self, key: &KeyEvent, mode: Mode) -> Option<&Bind> {
        let find = |group: &dyn Fn(&Bind) -> bool| {
            let matching = |bind: &&Bind| group(bind) && bind.key.matches(key);
            self.binds()
                .filter(|bind| matches!(bind.key, Key::Code(_, mods) if mods.specific()))
                .find(matching)
                .or_else(|| self.binds().find(matching))
        };
        find(&|bind| bind.modes == Modes::ALL)
            .or_else(|| find(&|bind| bind.modes.contains(mode)))
            .or_else(|| {
                (mode == Mode::Links)
                    .then(|| find(&|bind| bind.modes.contains(Mode::Browse)))
                    .flatten()
            })
    }

    /// The action a key press means in `mode`, if any.
    pub fn action_for_key(&self, key: KeyEvent, mode: Mode) -> Option<Action> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        let bind = self.binding_for(&key, mode)?;
        match (bind.key, key.code) {
            (Key::Printable, KeyCode::Char(c)) => Some(Action::SearchType(c)),
            _ => Some(bind.action.clone()),
        }
    }

    /// The help, section by section.
    pub fn help_sections(&self) -> Vec<HelpSection<'_>> {
        Section::ALL
            .iter()
            .map(|&section| HelpSection {
                title: section.title(),
                entries: self
                    .entries
                    .iter()
                    .filter(|entry| entry.section == section)
                    .map(|entry| (entry.keys.as_ref(), entry.help))
                    .collect(),
            })
            .collect()
    }

    /// The status bar's hints for `mode`, in order.
    pub fn hints(&self, mode: Mode) -> Vec<Hint> {
        let mut hints: Vec<Hint> = self
            .entries
            .iter()
            .flat_map(|entry| entry.hints.iter().cloned())
            .filter(|hint| hint.mode == mode)
            .collect();
        hints.sort_by_key(|hint| hint.rank);
        hints
    }

    /// The mode's hints as one line, `keys what · keys what`, less those whose action is also
    /// `except`'s (the quit every mode has): what an overlay's border reminds of.
    pub fn reminder(&self, mode: Mode, except: &Action) -> String {
        self.hints(mode)
            .iter()
            .filter(|hint| {
                named_keys(&hint.keys).iter().all(|(_, key)| {
                    key.and_then(|key| self.action_for_key(key, mode)).as_ref() != Some(except)
                })
            })
            .map(|hint| {
                format!("{} {}", hint.keys, hint.what)
                    .trim_end()
                    .to_string()
            })
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// The hint of `mode` that does `what` (`scroll`, `close`), as `keys what`.
    pub fn hint(&self, mode: Mode, what: &str) -> Option<String> {
        self.hints(mode)
            .into_iter()
            .find(|hint| hint.what == what)
            .map(|hint| format!("{} {what}", hint.keys))
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

    /// Every name a key can be bound to, in the table's order, with the section of its first
    /// row, what it does, and its keys as a config file writes them.
    pub fn names(&self) -> Vec<NamedKeys> {
        let mut names: Vec<NamedKeys> = Vec::new();
        for entry in &self.entries {
            for bind in &entry.binds {
                let Some(name) = name_of(&bind.action) else {
                    continue;
                };
                let at = match names.iter().position(|named| named.name == name) {
                    Some(at) => at,
                    None => {
                        names.push(NamedKeys {
                            name,
                            section: entry.section,
                            help: names::described(name),
                            keys: Vec::new(),
                        });
                        names.len() - 1
                    }
                };
                for key in config_names(bind.key) {
                    if !names[at].keys.contains(&key) {
                        names[at].keys.push(key);
                    }
                }
            }
        }
        names
    }
}

/// A name keys can be bound to, as a config file lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NamedKeys {
    /// The name (`move_down`).
    pub name: &'static str,
    /// The section of the help it is first listed in.
    pub section: Section,
    /// What it does, in a few words.
    pub help: &'static str,
    /// Its keys as a config file writes them (`j`, `down`).
    pub keys: Vec<String>,
}
