//! The built-in table with a config file's keys: each command given keys loses the keys it
//! had and takes those. A key it already had keeps working exactly where it did; a new key
//! works wherever the command did, except, for a key that types a character, in the search and
//! filter prompts, where it is text. A key that would then mean two things in one mode is
//! refused, naming both commands. The help and the hints are formatted from the result.

use ratatui::crossterm::event::KeyCode;

use super::{Bind, Bindings, Key, Mode, Modes, Mods, key, mode_words};
use crate::action::{Action, Command};

/// The keys a config file gives one command.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Remap {
    /// The command (`move_down`).
    pub command: Command,
    /// Its keys, in the order given, each as the keys it stands for ([`Key::parse`]).
    pub keys: Vec<Vec<Key>>,
}

/// A remap that cannot be: which one and which of its keys (counting from 0), and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemapError {
    /// The remap.
    pub remap: usize,
    /// Its key.
    pub key: usize,
    /// What is wrong.
    pub message: String,
}

/// A new binding, and the remap and key that asked for it.
type Added = (Bind, usize, usize);

/// A command's bindings on one line, each new one with the key that asked for it.
type Row = Vec<(Bind, Option<usize>)>;

impl Bindings {
    /// These bindings with `remaps` applied (see the module's notes), or the first remap that
    /// cannot be.
    pub fn remapped(&self, remaps: &[Remap]) -> Result<Self, RemapError> {
        let mut remapped = self.clone();
        let mut added = Vec::new();
        for (index, remap) in remaps.iter().enumerate() {
            let rows = self.rows(remap).map_err(|key| RemapError {
                remap: index,
                key,
                message: format!(
                    "{} works only in the search and filter prompts, where this key types \
                     itself: give it a key with ctrl- or alt-, or a named key (f2)",
                    remap.command.name()
                ),
            })?;
            for (line, row) in remapped.lines.iter_mut().zip(rows) {
                let mine = |bind: &Bind| bind.command == remap.command;
                let Some(first) = line.binds.iter().position(mine) else {
                    continue;
                };
                if row.iter().all(|(_, new)| new.is_none()) {
                    // Only keys it had: they stay as the table lists them.
                    line.binds
                        .retain(|bind| !mine(bind) || row.iter().any(|(kept, _)| kept == bind));
                    continue;
                }
                line.binds.retain(|bind| !mine(bind));
                for (offset, (bind, new)) in row.into_iter().enumerate() {
                    line.binds.insert(first + offset, bind);
                    added.extend(new.map(|key| (bind, index, key)));
                }
            }
        }
        remapped.check_collisions(remaps, &added)?;
        Ok(remapped)
    }

    /// `remap`'s bindings on each line, in the order of its keys, each new one with the key
    /// that asked for it: a key the command had keeps its own bindings, a new one gets one
    /// for each action the command asked for on a line, in the modes it did so there; or the
    /// key that types itself wherever the command works.
    fn rows(&self, remap: &Remap) -> Result<Vec<Row>, usize> {
        let command = remap.command;
        let defaults: Vec<(usize, &Bind)> = self
            .lines
            .iter()
            .enumerate()
            .flat_map(|(at, line)| line.binds.iter().map(move |bind| (at, bind)))
            .filter(|(_, bind)| bind.command == command)
            .collect();
        let mut places: Vec<(usize, Action, Modes)> = Vec::new();
        for (at, mode) in defaults
            .iter()
            .flat_map(|&(at, bind)| bind.modes.iter().map(move |mode| (at, mode)))
        {
            let action = command.action(mode);
            match places
                .iter_mut()
                .find(|(line, done, _)| *line == at && *done == action)
            {
                Some((_, _, modes)) => *modes = modes.union(Modes::of(&[mode])),
                None => places.push((at, action, Modes::of(&[mode]))),
            }
        }
        let mut rows: Vec<Row> = vec![Vec::new(); self.lines.len()];
        for (index, keys) in remap.keys.iter().enumerate() {
            if remap.keys[..index].contains(keys) {
                continue;
            }
            let known = |bind: &&Bind| keys.iter().any(|key| bind.key.matches(&key.press()));
            if defaults.iter().any(|(_, bind)| known(bind)) {
                for &(at, bind) in defaults.iter().filter(|(_, bind)| known(bind)) {
                    if !rows[at].iter().any(|(kept, _)| kept == bind) {
                        rows[at].push((*bind, None));
                    }
                }
                continue;
            }
            // A key that types a character stays text in the prompts.
            let typed = keys[0].mods == Mods::Plain
                && matches!(keys[0].code, KeyCode::Char(c) if !c.is_control());
            let unplaced = if typed { Modes::TYPING } else { Modes::NONE };
            let mut covered = unplaced;
            // While the links have the focus a key bound for browsing works as it does there,
            // unless the links take it themselves.
            let links = Modes::of(&[Mode::Links]);
            let links_take_it = self.binds().any(|bind| {
                bind.modes.contains(Mode::Links)
                    && keys.iter().any(|key| bind.key.matches(&key.press()))
            });
            let as_browsing =
                !links_take_it && command.action(Mode::Links) == command.action(Mode::Browse);
            // A key that types nothing goes wholly on a line that speaks of every mode the
            // command works in (`quit from anywhere`), not in pieces on several.
            let every =
                (places.iter()).fold(Modes::NONE, |every, &(_, _, modes)| every.union(modes));
            let widest = places.iter().find(|&&(_, _, modes)| modes == every);
            let places = match widest {
                Some(widest) if !typed => vec![widest.clone()],
                _ => places.clone(),
            };
            for &(at, _, all) in &places {
                let modes = all.without(covered);
                if modes == links && all != links && covered.contains(Mode::Browse) && as_browsing {
                    // Left only the links on a line that speaks of more (`quit from anywhere`):
                    // the key's line for browsing takes them, and says no more than is so.
                    for (bind, new) in rows.iter_mut().flatten() {
                        if *new == Some(index) && bind.modes.contains(Mode::Browse) {
                            bind.modes = bind.modes.union(links);
                        }
                    }
                    covered = covered.union(links);
                    continue;
                }
                if modes != Modes::NONE {
                    covered = covered.union(modes);
                    let bind = |&key| (Bind::new(command, modes, key), Some(index));
                    rows[at].extend(keys.iter().map(bind));
                }
            }
            if covered == unplaced {
                return Err(index);
            }
        }
        Ok(rows)
    }

    /// The last new binding whose key means something else too in one of its modes (of two
    /// new ones, the later is the one to blame).
    fn check_collisions(&self, remaps: &[Remap], added: &[Added]) -> Result<(), RemapError> {
        // The later key to blame first, but one key's variants (`ctrl-g` is Ctrl-g and Ctrl-G)
        // in the order written, so the message names the key as the file writes it.
        let mut blamed: Vec<&Added> = added.iter().collect();
        blamed.sort_by_key(|&&(_, remap, key)| std::cmp::Reverse((remap, key)));
        for &(bind, remap, key) in blamed {
            for (mode, modifiers) in bind
                .modes
                .iter()
                .flat_map(|mode| key::every_modifier_mix().map(move |mix| (mode, mix)))
            {
                let event = key::press(bind.key.code, modifiers);
                if !bind.key.matches(&event) {
                    continue;
                }
                let answering = self
                    .binds()
                    .filter(|other| other.modes.contains(mode) && other.key.matches(&event));
                // A key taking Shift decides before those that ignore it.
                let shifted = answering.clone().any(|other| other.key.mods == Mods::Shift);
                let mut deciding =
                    answering.filter(|other| !shifted || other.key.mods == Mods::Shift);
                if let Some(other) = deciding.find(|other| other.command != bind.command) {
                    let written = remaps[remap].keys[key][0].help_name(false);
                    let (mine, other) = (bind.command.name(), other.command.name());
                    return Err(RemapError {
                        remap,
                        key,
                        message: format!(
                            "{written} would do both {mine} and {other} in {}: give one of them \
                             another key (a name's keys replace all it had)",
                            mode_words(mode)
                        ),
                    });
                }
            }
        }
        Ok(())
    }
}
