//! The built-in table with a config file's keys: each name given keys loses the keys it had
//! and takes those. A key it already had keeps working exactly where it did; a new key works
//! wherever the name's action did, except, for a key that types a character, in the search
//! and filter prompts, where it is text. A key that would then mean two things in one mode is
//! refused, naming both actions. The help's rows and the status bar's hints whose keys
//! changed are written anew from the table; the rest keep their words.

use std::borrow::Cow;

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::{
    Action, Also, Bind, Bindings, Entry, Hint, Key, KeySpec, Mode, Modes, Mods, help_name,
    key_name, name_of, named_keys,
};

/// The keys a config file gives one name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Remap {
    /// The name (`move_down`).
    pub name: String,
    /// Its keys, in the order given.
    pub keys: Vec<KeySpec>,
}

/// A remap that cannot be: which one (by its place in the list), which of its keys (if the
/// key is the trouble), and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemapError {
    /// The remap, counting from 0.
    pub remap: usize,
    /// Its key, counting from 0; `None` when the name is the trouble.
    pub key: Option<usize>,
    /// What is wrong.
    pub message: String,
}

/// A new binding: where it went, and the remap and key that asked for it.
struct Added {
    entry: usize,
    bind: usize,
    remap: usize,
    key: usize,
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
    }
}

/// Whether `key` types a character in the search and filter prompts.
fn types_text(key: KeySpec) -> bool {
    matches!(key.code, KeyCode::Char(c) if !c.is_control()) && key.modifiers.is_empty()
}

fn named(bind: &Bind, name: &str) -> bool {
    name_of(&bind.action) == Some(name)
}

impl Bindings {
    /// These bindings with `remaps` applied (see the module's notes), or the first remap that
    /// cannot be.
    pub fn remapped(&self, remaps: &[Remap]) -> Result<Self, RemapError> {
        let mut entries = self.entries.clone();
        let mut added = Vec::new();
        for (index, remap) in remaps.iter().enumerate() {
            self.remap_one(&mut entries, index, remap, &mut added)?;
        }
        let remapped = Self { entries };
        remapped.check_collisions(remaps, &added)?;
        Ok(remapped.relabelled(self))
    }

    fn remap_one(
        &self,
        entries: &mut [Entry],
        index: usize,
        remap: &Remap,
        added: &mut Vec<Added>,
    ) -> Result<(), RemapError> {
        let name = remap.name.as_str();
        // The name's built-in bindings, where each sat.
        let defaults: Vec<(usize, &Bind)> = self
            .entries
            .iter()
            .enumerate()
            .flat_map(|(at, entry)| entry.binds.iter().map(move |bind| (at, bind)))
            .filter(|(_, bind)| named(bind, name))
            .collect();
        if defaults.is_empty() {
            return Err(RemapError {
                remap: index,
                key: None,
                message: format!("no action is called {name:?}"),
            });
        }
        let known = |key: KeySpec, bind: &Bind| key.events().iter().any(|e| bind.key.matches(e));
        // Each action the name stands for in each row, and the modes it worked in there.
        let mut actions: Vec<(&Bind, Modes, usize)> = Vec::new();
        for &(at, bind) in &defaults {
            let same = |(first, _, row): &&mut (&Bind, Modes, usize)| {
                first.action == bind.action && *row == at
            };
            match actions.iter_mut().find(same) {
                Some((_, modes, _)) => *modes = modes.union(bind.modes),
                None => actions.push((bind, bind.modes, at)),
            }
        }
        // The name's bindings in each row, in the order of the keys given: a key it had keeps
        // its own bindings, a new one gets one wherever an action of the name worked.
        let mut rows: Vec<Vec<(Bind, Option<usize>)>> = vec![Vec::new(); entries.len()];
        for (key_index, &key) in remap.keys.iter().enumerate() {
            if remap.keys.iter().position(|&other| other == key) != Some(key_index) {
                continue;
            }
            if defaults.iter().any(|(_, bind)| known(key, bind)) {
                for &(at, bind) in &defaults {
                    if known(key, bind) && !rows[at].iter().any(|(kept, _)| kept == bind) {
                        rows[at].push((bind.clone(), None));
                    }
                }
                continue;
            }
            let mut placed = false;
            // The modes each action already has this key in, from a row before.
            let mut covered: Vec<(&Action, Modes)> = Vec::new();
            for (bind, modes, at) in &actions {
                let mut modes = if types_text(key) {
                    modes.without(Modes::TYPING)
                } else {
                    *modes
                };
                for (action, done) in &covered {
                    if **action == bind.action {
                        modes = modes.without(*done);
                    }
                }
                if modes.is_empty() {
                    continue;
                }
                covered.push((&bind.action, modes));
                placed = true;
                for table_key in key.keys() {
                    let new = Bind {
                        modes,
                        key: table_key,
                        action: bind.action.clone(),
                    };
                    rows[*at].push((new, Some(key_index)));
                }
            }
            if !placed {
                return Err(RemapError {
                    remap: index,
                    key: Some(key_index),
                    message: format!(
                        "{name} works only in the search and filter prompts, where this key \
                         types itself: give it a key with ctrl- or alt-, or a named key (f2)"
                    ),
                });
            }
        }
        for (at, (entry, row)) in entries.iter_mut().zip(rows).enumerate() {
            let Some(first) = entry.binds.iter().position(|bind| named(bind, name)) else {
                continue;
            };
            if row.iter().all(|(_, new)| new.is_none()) {
                // Only keys it had: they stay as the table lists them.
                entry
                    .binds
                    .retain(|bind| !named(bind, name) || row.iter().any(|(kept, _)| kept == bind));
                continue;
            }
            let before = entry.binds[..first].len();
            entry.binds.retain(|bind| !named(bind, name));
            for (offset, (bind, key)) in row.into_iter().enumerate() {
                entry.binds.insert(before + offset, bind);
                if let Some(key) = key {
                    added.push(Added {
                        entry: at,
                        bind: before + offset,
                        remap: index,
                        key,
                    });
                }
            }
        }
        Ok(())
    }

    /// The last new binding whose key means something else too in one of its modes (of two
    /// new ones, the later is the one to blame).
    fn check_collisions(&self, remaps: &[Remap], added: &[Added]) -> Result<(), RemapError> {
        for new in added.iter().rev() {
            let bind = &self.entries[new.entry].binds[new.bind];
            let Key::Code(code, _) = bind.key else {
                continue;
            };
            for mode in bind.modes.iter() {
                for modifiers in every_modifier_mix() {
                    let event = key_name::press(code, modifiers);
                    if !bind.key.matches(&event) {
                        continue;
                    }
                    let answering: Vec<&Bind> = self
                        .binds()
                        .filter(|other| other.modes.contains(mode) && other.key.matches(&event))
                        .filter(|other| matches!(other.key, Key::Code(..)))
                        .collect();
                    let specific = answering
                        .iter()
                        .any(|other| matches!(other.key, Key::Code(_, mods) if mods.specific()));
                    let deciding = answering.iter().filter(|other| {
                        !specific || matches!(other.key, Key::Code(_, mods) if mods.specific())
                    });
                    let mine = name_of(&bind.action).unwrap_or("?");
                    if let Some(other) = deciding
                        .filter(|other| other.action != bind.action)
                        .find_map(|other| name_of(&other.action))
                    {
                        let written = remaps
                            .get(new.remap)
                            .and_then(|remap| remap.keys.get(new.key))
                            .and_then(|&key| key.keys().first().and_then(|&k| help_name(k, false)))
                            .unwrap_or_default();
                        return Err(RemapError {
                            remap: new.remap,
                            key: Some(new.key),
                            message: format!(
                                "{written} would do both {mine} and {other} in {}: give one \
                                 of them another key (a name's keys replace all it had)",
                                mode_words(mode)
                            ),
                        });
                    }
                }
            }
        }
        Ok(())
    }

    /// This table with the help's rows and the hints whose keys differ from `built_in`'s
    /// written anew, and rows left with no key dropped.
    fn relabelled(mut self, built_in: &Self) -> Self {
        let changed: Vec<&'static str> = built_in
            .binds()
            .chain(self.binds())
            .filter_map(|bind| name_of(&bind.action))
            .filter(|&name| {
                let of = |table: &Self| -> Vec<Bind> {
                    table.binds().filter(|b| named(b, name)).cloned().collect()
                };
                of(built_in) != of(&self)
            })
            .collect();
        let hints: Vec<Vec<Hint>> = self
            .entries
            .iter()
            .map(|entry| {
                entry
                    .hints
                    .iter()
                    .filter_map(|hint| self.rewritten_hint(built_in, hint, &changed))
                    .collect()
            })
            .collect();
        for ((entry, hints), old) in self.entries.iter_mut().zip(hints).zip(&built_in.entries) {
            entry.hints = hints;
            if entry.binds != old.binds {
                entry.keys = Cow::Owned(label(entry));
            }
        }
        self.entries
            .retain(|entry| !entry.binds.is_empty() || entry.also != Also::Nothing);
        self
    }

    /// `hint` as it stays: as written when none of the names it shows changed keys, else
    /// with the first key of each in its mode (`e/k`); `None` when none has a key there.
    fn rewritten_hint(&self, built_in: &Self, hint: &Hint, changed: &[&str]) -> Option<Hint> {
        let mut names: Vec<&'static str> = Vec::new();
        for (_, key) in named_keys(&hint.keys) {
            let name = key
                .and_then(|key| built_in.binding_for(&key, hint.mode))
                .and_then(|bind| name_of(&bind.action));
            if let Some(name) = name
                && !names.contains(&name)
            {
                names.push(name);
            }
        }
        if !names.iter().any(|name| changed.contains(name)) {
            return Some(hint.clone());
        }
        self.keys_for(&names, hint.mode).map(|keys| Hint {
            keys: Cow::Owned(keys),
            ..hint.clone()
        })
    }

    /// The first key of each of `names` in `mode`, as the hints write them together (`J/K`,
    /// `e/k`); `None` when none has a key there. What any text naming a key says.
    pub fn keys_for(&self, names: &[&str], mode: Mode) -> Option<String> {
        let keys: Vec<String> = names
            .iter()
            .filter_map(|name| self.first_key(name, mode))
            .collect();
        // `e/k` as the hints write keys, unless a key has a `/` or a prefix of its own.
        let plain = keys.iter().all(|key| !key.contains(['/', '-']));
        (!keys.is_empty()).then(|| keys.join(if plain { "/" } else { " " }))
    }

    /// The first key that calls on `name` in `mode`, as the status bar writes it: one bound
    /// in that mode before one that works there only as it does while browsing.
    pub fn first_key(&self, name: &str, mode: Mode) -> Option<String> {
        let reaching = |own: bool| {
            self.binds()
                .filter(|bind| named(bind, name) && bind.modes.contains(mode) == own)
                .find_map(|bind| {
                    let Key::Code(code, mods) = bind.key else {
                        return None;
                    };
                    let event = key_name::press(code, typical_modifiers(mods));
                    let reached = self.binding_for(&event, mode)?;
                    (reached == bind)
                        .then(|| help_name(bind.key, true))
                        .flatten()
                })
        };
        reaching(true).or_else(|| reaching(false))
    }
}

/// The modifiers a key is pressed with to reach a binding taking `mods`.
fn typical_modifiers(mods: Mods) -> KeyModifiers {
    match mods {
        Mods::Plain | Mods::NoCtrl | Mods::Any => KeyModifiers::NONE,
        Mods::Shift => KeyModifiers::SHIFT,
        Mods::Ctrl | Mods::CtrlOnly | Mods::CtrlOrAlt => KeyModifiers::CONTROL,
        Mods::Alt => KeyModifiers::ALT,
    }
}

/// Every mix of Shift, Ctrl and Alt.
pub(super) fn every_modifier_mix() -> impl Iterator<Item = KeyModifiers> {
    (0..8u8).map(|bits| {
        let mut modifiers = KeyModifiers::NONE;
        for (bit, modifier) in [
            KeyModifiers::SHIFT,
            KeyModifiers::CONTROL,
            KeyModifiers::ALT,
        ]
        .into_iter()
        .enumerate()
        {
            if bits & (1 << bit) != 0 {
                modifiers |= modifier;
            }
        }
        modifiers
    })
}

/// A row's keys as the help writes them, from its bindings: each key once, in order.
fn label(entry: &Entry) -> String {
    let mut names: Vec<String> = Vec::new();
    for bind in &entry.binds {
        if let Some(name) = help_name(bind.key, false)
            && !names.contains(&name)
        {
            names.push(name);
        }
    }
    if entry.also == Also::Mouse {
        names.push("click".to_string());
    }
    names.join("  ")
}
