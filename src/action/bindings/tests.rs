//! The table checked against itself: what the help and the hints name is what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};

use super::{Also, Bind, ENTRIES, Key, Mode, binding_for, hints};

const MODES: [Mode; 6] = [
    Mode::Browse,
    Mode::Links,
    Mode::Search,
    Mode::Help,
    Mode::Source,
    Mode::Filter,
];

/// Words of an entry's keys that name no key: the mouse's.
const MOUSE_WORDS: [&str; 4] = ["click", "wheel", "a", "title"];

fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent {
        code,
        modifiers,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    }
}

/// The key a name of the help means: `j`, `↓`, `PgDn`, `Ctrl-d`, `Shift-Tab`, `Alt-←`.
fn named_key(name: &str) -> Option<KeyEvent> {
    let mut modifiers = KeyModifiers::NONE;
    let mut rest = name;
    loop {
        if let Some(after) = rest.strip_prefix("Ctrl-") {
            modifiers |= KeyModifiers::CONTROL;
            rest = after;
        } else if let Some(after) = rest.strip_prefix("Alt-") {
            modifiers |= KeyModifiers::ALT;
            rest = after;
        } else if let Some(after) = rest.strip_prefix("Shift-") {
            modifiers |= KeyModifiers::SHIFT;
            rest = after;
        } else {
            break;
        }
    }
    let code = match rest {
        "↓" => KeyCode::Down,
        "↑" => KeyCode::Up,
        "←" => KeyCode::Left,
        "→" => KeyCode::Right,
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Tab" if modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
        "Tab" => KeyCode::Tab,
        // Most terminals send Ctrl-Backspace as Ctrl-h; the help names the key pressed.
        "Backspace" | "⌫" if modifiers.contains(KeyModifiers::CONTROL) => {
            return Some(press(KeyCode::Backspace, modifiers));
        }
        "Backspace" | "⌫" => KeyCode::Backspace,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "PgDn" => KeyCode::PageDown,
        "PgUp" => KeyCode::PageUp,
        "Space" => KeyCode::Char(' '),
        _ if rest.starts_with('F') && rest.len() > 1 => KeyCode::F(rest[1..].parse().ok()?),
        _ => {
            let mut chars = rest.chars();
            let c = chars.next()?;
            if chars.next().is_some() {
                return None;
            }
            // A terminal sends Ctrl-C as Ctrl and a small c.
            if modifiers.contains(KeyModifiers::CONTROL) {
                KeyCode::Char(c.to_ascii_lowercase())
            } else {
                KeyCode::Char(c)
            }
        }
    };
    Some(press(code, modifiers))
}

/// The keys a label names, `/` joining keys that share a prefix (`Ctrl-n/p`, `j/k`).
fn named_keys(label: &str) -> Vec<(String, Option<KeyEvent>)> {
    let mut keys = Vec::new();
    for token in label.split_whitespace() {
        if MOUSE_WORDS.contains(&token) {
            continue;
        }
        let (prefix, last) = token
            .rsplit_once('-')
            .filter(|(_, last)| !last.is_empty())
            .map_or(("", token), |(prefix, last)| (prefix, last));
        let prefix = if prefix.is_empty() {
            String::new()
        } else {
            format!("{prefix}-")
        };
        let parts: Vec<&str> = if last.contains('/') && last != "/" {
            last.split('/').collect()
        } else if last.chars().count() == 2 && last.chars().all(|c| "↑↓←→".contains(c)) {
            // `↑↓`: two arrows written together.
            return last
                .chars()
                .map(|c| (c.to_string(), named_key(&c.to_string())))
                .collect();
        } else {
            vec![last]
        };
        for part in parts {
            let name = format!("{prefix}{part}");
            keys.push((name.clone(), named_key(&name)));
        }
    }
    keys
}

/// Whether `key` in `mode` calls on one of `binds`.
fn reaches(key: &KeyEvent, mode: Mode, binds: &[Bind]) -> bool {
    binding_for(key, mode).is_some_and(|bind| binds.contains(bind))
}

#[test]
fn the_names_are_read_as_keys() {
    let named = |label: &str| -> Vec<KeyEvent> {
        named_keys(label)
            .into_iter()
            .map(|(_, key)| key.expect("a key"))
            .collect()
    };
    let control = KeyModifiers::CONTROL;
    assert_eq!(
        named("↓ ↑  Ctrl-n/p"),
        [
            press(KeyCode::Down, KeyModifiers::NONE),
            press(KeyCode::Up, KeyModifiers::NONE),
            press(KeyCode::Char('n'), control),
            press(KeyCode::Char('p'), control),
        ]
    );
    assert_eq!(
        named("Shift-Tab  ["),
        [
            press(KeyCode::BackTab, KeyModifiers::SHIFT),
            press(KeyCode::Char('['), KeyModifiers::NONE),
        ]
    );
    assert_eq!(named("Ctrl-C"), [press(KeyCode::Char('c'), control)]);
    assert_eq!(named("/"), [press(KeyCode::Char('/'), KeyModifiers::NONE)]);
    assert_eq!(named("s/Esc").len(), 2);
}

#[test]
fn every_key_the_help_names_does_what_it_says() {
    for entry in ENTRIES
        .iter()
        .filter(|entry| !matches!(entry.also, Also::Syntax | Also::Notes))
    {
        if entry.binds.iter().any(|bind| bind.key == Key::Printable) {
            assert_eq!(entry.keys, "type", "typing is written as such");
            continue;
        }
        let modes: Vec<Mode> = MODES
            .into_iter()
            .filter(|mode| entry.binds.iter().any(|bind| bind.modes.contains(mode)))
            .collect();
        for (name, key) in named_keys(entry.keys) {
            let key = key.unwrap_or_else(|| panic!("{:?}: {name:?} is no key", entry.keys));
            assert!(
                modes.iter().any(|&mode| reaches(&key, mode, &entry.binds)),
                "{:?} names {name:?}, which does something else",
                entry.keys
            );
        }
    }
}

#[test]
fn every_hint_names_keys_that_do_it_in_its_mode() {
    for mode in MODES {
        let mode_hints = hints(mode);
        assert!(!mode_hints.is_empty(), "{mode:?} has hints");
        for hint in mode_hints {
            let entry = ENTRIES
                .iter()
                .find(|entry| entry.hints.contains(&hint))
                .expect("the hint's entry");
            // A hint may join two entries' keys (`j/k`, `s/Esc`): each key does something,
            // and one of them what the hint's entry does.
            let keys: Vec<KeyEvent> = named_keys(hint.keys)
                .into_iter()
                .map(|(name, key)| {
                    key.unwrap_or_else(|| panic!("{:?}: {name:?} is no key", hint.keys))
                })
                .collect();
            assert!(
                keys.iter().any(|key| reaches(key, mode, &entry.binds)),
                "{mode:?}: the hint {:?} does not do what its entry does",
                hint.keys
            );
            for key in keys {
                assert!(
                    binding_for(&key, mode).is_some(),
                    "{mode:?}: the hint {:?} names {key:?}, which does nothing",
                    hint.keys
                );
            }
        }
    }
}

/// Every key with every mix of Shift, Ctrl and Alt that a binding could answer.
fn every_bound_key() -> Vec<KeyEvent> {
    let mut codes: Vec<KeyCode> = ENTRIES
        .iter()
        .flat_map(|entry| entry.binds.iter())
        .filter_map(|bind| match bind.key {
            Key::Code(code, _) => Some(code),
            Key::Printable => None,
        })
        .collect();
    codes.extend(['a', 'Q', 'é', '中'].map(KeyCode::Char));
    codes.dedup();
    let mut keys = Vec::new();
    for code in codes {
        for bits in 0..8u8 {
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
            keys.push(press(code, modifiers));
        }
    }
    keys
}

#[test]
fn no_key_means_two_things_in_one_mode() {
    for mode in MODES {
        for key in every_bound_key() {
            let answering: Vec<&Bind> = ENTRIES
                .iter()
                .flat_map(|entry| entry.binds.iter())
                .filter(|bind| bind.modes.contains(&mode) && bind.key.matches(&key))
                .filter(|bind| matches!(bind.key, Key::Code(..)))
                .collect();
            let specific: Vec<&&Bind> = answering
                .iter()
                .filter(|bind| matches!(bind.key, Key::Code(_, mods) if mods.specific()))
                .collect();
            let deciding = if specific.is_empty() {
                answering.iter().collect::<Vec<_>>()
            } else {
                specific
            };
            let mut actions: Vec<_> = deciding.iter().map(|bind| &bind.action).collect();
            actions.dedup();
            assert!(
                actions.len() <= 1,
                "{mode:?}: {key:?} means {actions:?}: the order of the table decides"
            );
        }
    }
}

#[test]
fn a_release_does_nothing_and_printable_keys_type_in_the_search() {
    let mut release = press(KeyCode::Char('q'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    assert_eq!(super::action_for_key(release, Mode::Browse), None);
    let typed = press(KeyCode::Char('ж'), KeyModifiers::SHIFT);
    assert_eq!(
        super::action_for_key(typed, Mode::Search),
        Some(super::Action::SearchType('ж'))
    );
}

/// A key as the help names it, and as terminals may send it: Ctrl-c with Shift as Ctrl-C,
/// Ctrl-Backspace as Ctrl-h.
fn also_sent_as(key: KeyEvent) -> Vec<KeyEvent> {
    let mut keys = vec![key];
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        match key.code {
            KeyCode::Char(c) if c.is_ascii_lowercase() => {
                let upper = KeyCode::Char(c.to_ascii_uppercase());
                keys.push(press(upper, key.modifiers));
                keys.push(press(upper, key.modifiers | KeyModifiers::SHIFT));
            }
            KeyCode::Backspace => keys.push(press(KeyCode::Char('h'), key.modifiers)),
            _ => {}
        }
    }
    keys
}

#[test]
fn every_key_that_works_is_in_the_help() {
    let mut unnamed = Vec::new();
    for entry in ENTRIES.iter() {
        let named: Vec<KeyEvent> = named_keys(entry.keys)
            .into_iter()
            .filter_map(|(_, key)| key)
            .flat_map(also_sent_as)
            .collect();
        for bind in &entry.binds {
            let Key::Code(code, _) = bind.key else {
                continue;
            };
            for &mode in bind.modes {
                // The keys that reach this binding in this mode (another may shadow it).
                let reaching: Vec<KeyEvent> = every_bound_key()
                    .into_iter()
                    .filter(|key| key.code == code)
                    .filter(|key| binding_for(key, mode) == Some(bind))
                    .collect();
                if reaching.is_empty() {
                    continue;
                }
                if !named.iter().any(|key| reaching.contains(key)) {
                    unnamed.push(format!(
                        "{mode:?}: {code:?} ({:?}) under {:?}",
                        bind.key, entry.keys
                    ));
                }
            }
        }
    }
    assert!(
        unnamed.is_empty(),
        "keys that work but the help does not name:\n{}",
        unnamed.join("\n")
    );
}
