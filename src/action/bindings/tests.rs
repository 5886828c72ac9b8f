//! The table checked against itself: what the help and the hints name is what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::{
    Also, Bind, Bindings, Key, KeySpec, Mode, Remap, key_name::press, name_of, named_keys,
};

const MODES: [Mode; 6] = [
    Mode::Browse,
    Mode::Links,
    Mode::Search,
    Mode::Help,
    Mode::Source,
    Mode::Filter,
];

/// The keys of a config file, read.
fn remap(name: &str, keys: &[&str]) -> Remap {
    Remap {
        name: name.to_string(),
        keys: keys
            .iter()
            .map(|key| KeySpec::parse(key).expect("a key"))
            .collect(),
    }
}

/// The built-in table, and tables remapped as a config file may: the checks below hold of
/// every one of them.
fn tables() -> Vec<(String, Bindings)> {
    let built_in = Bindings::default();
    let remaps = [
        vec![
            remap("move_down", &["e", "down"]),
            remap("move_up", &["u", "up"]),
        ],
        vec![
            remap("open_search", &["s"]),
            remap("show_in_source", &["ctrl-s"]),
        ],
        vec![remap("quit", &["x"]), remap("toggle_help", &["f2", "?"])],
        vec![
            remap("back", &["alt-b"]),
            remap("search_select_down", &["ctrl-j"]),
            remap("move_page_down", &["pgdn"]),
            remap("follow_link", &["o", "enter"]),
        ],
    ];
    let mut tables = vec![("built in".to_string(), built_in.clone())];
    for remaps in remaps {
        let remapped = built_in
            .remapped(&remaps)
            .unwrap_or_else(|error| panic!("{remaps:?}: {error:?}"));
        tables.push((format!("{remaps:?}"), remapped));
    }
    tables
}

/// Whether `key` in `mode` calls on one of `binds`.
fn reaches(table: &Bindings, key: &KeyEvent, mode: Mode, binds: &[Bind]) -> bool {
    table
        .binding_for(key, mode)
        .is_some_and(|bind| binds.contains(bind))
}

#[test]
fn every_key_the_help_names_does_what_it_says() {
    for (what, table) in tables() {
        every_key_the_help_names_does_what_it_says_in(&table, &what);
    }
}

fn every_key_the_help_names_does_what_it_says_in(table: &Bindings, what: &str) {
    for entry in table
        .entries()
        .iter()
        .filter(|entry| !matches!(entry.also, Also::Syntax | Also::Notes))
    {
        if entry.binds.iter().any(|bind| bind.key == Key::Printable) {
            assert_eq!(entry.keys, "type", "typing is written as such");
            continue;
        }
        let modes: Vec<Mode> = MODES
            .into_iter()
            .filter(|&mode| entry.binds.iter().any(|bind| bind.modes.contains(mode)))
            .collect();
        for (name, key) in named_keys(&entry.keys) {
            let key = key.unwrap_or_else(|| panic!("{what}: {:?}: {name:?} is no key", entry.keys));
            assert!(
                modes
                    .iter()
                    .any(|&mode| reaches(table, &key, mode, &entry.binds)),
                "{what}: {:?} names {name:?}, which does something else",
                entry.keys
            );
        }
    }
}

#[test]
fn every_hint_names_keys_that_do_it_in_its_mode() {
    for (what, table) in tables() {
        every_hint_names_keys_that_do_it_in(&table, &what);
    }
}

fn every_hint_names_keys_that_do_it_in(table: &Bindings, what: &str) {
    for mode in MODES {
        let mode_hints = table.hints(mode);
        assert!(!mode_hints.is_empty(), "{what}: {mode:?} has hints");
        for hint in mode_hints {
            let entry = table
                .entries()
                .iter()
                .find(|entry| entry.hints.contains(&hint))
                .expect("the hint's entry");
            // A hint may join two entries' keys (`j/k`, `s/Esc`): each key does something,
            // and one of them what the hint's entry does (in a remapped table, what it did:
            // the key may now sit in another row).
            let built_in = Bindings::default();
            let was = built_in
                .entries()
                .iter()
                .find(|old| old.help == entry.help)
                .expect("the row was built in");
            let names: Vec<_> = was.binds.iter().map(|bind| name_of(&bind.action)).collect();
            let keys: Vec<KeyEvent> = named_keys(&hint.keys)
                .into_iter()
                .map(|(name, key)| {
                    key.unwrap_or_else(|| panic!("{what}: {:?}: {name:?} is no key", hint.keys))
                })
                .collect();
            assert!(
                keys.iter().any(|key| {
                    table
                        .binding_for(key, mode)
                        .is_some_and(|bind| names.contains(&name_of(&bind.action)))
                }),
                "{what}: {mode:?}: the hint {:?} does not do what its entry does",
                hint.keys
            );
            for key in keys {
                assert!(
                    table.binding_for(&key, mode).is_some(),
                    "{what}: {mode:?}: the hint {:?} names {key:?}, which does nothing",
                    hint.keys
                );
            }
        }
    }
}

/// Every key with every mix of Shift, Ctrl and Alt that a binding could answer.
fn every_bound_key(table: &Bindings) -> Vec<KeyEvent> {
    let mut codes: Vec<KeyCode> = table
        .binds()
        .filter_map(|bind| match bind.key {
            Key::Code(code, _) => Some(code),
            Key::Printable => None,
        })
        .collect();
    codes.extend(['a', 'Q', 'é', '中'].map(KeyCode::Char));
    codes.dedup();
    let mut keys = Vec::new();
    for code in codes {
        for modifiers in super::remap::every_modifier_mix() {
            keys.push(press(code, modifiers));
        }
    }
    keys
}

#[test]
fn no_key_means_two_things_in_one_mode() {
    for (what, table) in tables() {
        no_key_means_two_things_in(&table, &what);
    }
}

fn no_key_means_two_things_in(table: &Bindings, what: &str) {
    for mode in MODES {
        for key in every_bound_key(table) {
            let answering: Vec<&Bind> = table
                .binds()
                .filter(|bind| bind.modes.contains(mode) && bind.key.matches(&key))
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
                "{what}: {mode:?}: {key:?} means {actions:?}: the order of the table decides"
            );
        }
    }
}

#[test]
fn a_release_does_nothing_and_printable_keys_type_in_the_search() {
    let mut release = press(KeyCode::Char('q'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    let table = Bindings::default();
    assert_eq!(table.action_for_key(release, Mode::Browse), None);
    let typed = press(KeyCode::Char('ж'), KeyModifiers::SHIFT);
    assert_eq!(
        table.action_for_key(typed, Mode::Search),
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
    for (what, table) in tables() {
        every_key_that_works_is_in_the_help_of(&table, &what);
    }
}

fn every_key_that_works_is_in_the_help_of(table: &Bindings, what: &str) {
    let mut unnamed = Vec::new();
    let every = every_bound_key(table);
    for entry in table.entries() {
        let named: Vec<KeyEvent> = named_keys(&entry.keys)
            .into_iter()
            .filter_map(|(_, key)| key)
            .flat_map(also_sent_as)
            .collect();
        for bind in &entry.binds {
            let Key::Code(code, _) = bind.key else {
                continue;
            };
            for mode in bind.modes.iter() {
                // The keys that reach this binding in this mode (another may shadow it).
                let reaching: Vec<KeyEvent> = every
                    .iter()
                    .copied()
                    .filter(|key| key.code == code)
                    .filter(|key| table.binding_for(key, mode) == Some(bind))
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
        "{what}: keys that work but the help does not name:\n{}",
        unnamed.join("\n")
    );
}

#[test]
fn every_name_given_its_own_keys_leaves_the_table_as_it_was() {
    let built_in = Bindings::default();
    let remaps: Vec<Remap> = built_in
        .names()
        .iter()
        .map(|named| {
            let keys: Vec<&str> = named.keys.iter().map(String::as_str).collect();
            remap(named.name, &keys)
        })
        .collect();
    assert!(remaps.len() > 40, "{} names", remaps.len());
    assert_eq!(built_in.remapped(&remaps), Ok(built_in));
}

#[test]
fn a_remapped_key_works_and_the_old_one_does_not() {
    let table = Bindings::default()
        .remapped(&[remap("move_down", &["e"])])
        .expect("a remap");
    let key = |c| press(KeyCode::Char(c), KeyModifiers::NONE);
    let down = Some(super::Action::Move(crate::action::Movement::Down));
    assert_eq!(table.action_for_key(key('e'), Mode::Browse), down);
    assert_eq!(table.action_for_key(key('e'), Mode::Links), down);
    assert_eq!(table.action_for_key(key('j'), Mode::Browse), None);
    assert_eq!(
        table.action_for_key(key('e'), Mode::Help),
        Some(super::Action::ScrollHelp(crate::action::Movement::Down))
    );
    // In the prompts e is a letter.
    assert_eq!(
        table.action_for_key(key('e'), Mode::Search),
        Some(super::Action::SearchType('e'))
    );
    let moving = &table.help_sections()[1];
    assert_eq!(moving.entries[0], ("e", "next record"));
    let hints = table.hints(Mode::Browse);
    assert_eq!(hints[0].keys, "e/k");
    // What did not change keeps its words.
    assert_eq!(moving.entries[1], ("k  ↑", "previous record"));
}

#[test]
fn a_key_that_would_mean_two_things_is_refused_naming_both() {
    let error = Bindings::default()
        .remapped(&[remap("cycle_sort", &["o"]), remap("open_search", &["o"])])
        .expect_err("a collision");
    assert_eq!((error.remap, error.key), (1, Some(0)));
    assert!(error.message.contains("open_search"), "{}", error.message);
    assert!(error.message.contains("cycle_sort"), "{}", error.message);
    // A key another action keeps by default collides too.
    let error = Bindings::default()
        .remapped(&[remap("toggle_help", &["j"])])
        .expect_err("a collision");
    assert!(error.message.contains("move_down"), "{}", error.message);
    // Ctrl-n is the search's next result; Ctrl-Z works everywhere, so a new key for
    // suspend would too.
    let error = Bindings::default()
        .remapped(&[remap("suspend", &["ctrl-n"])])
        .expect_err("a collision");
    assert!(
        error.message.contains("search_select_down"),
        "{}",
        error.message
    );
}

#[test]
fn a_letter_cannot_be_given_to_what_only_the_prompts_do() {
    let error = Bindings::default()
        .remapped(&[remap("search_clear", &["ctrl-l", "x"])])
        .expect_err("x is text in the prompt");
    assert_eq!((error.remap, error.key), (0, Some(1)));
    let error = Bindings::default()
        .remapped(&[remap("search_typo", &["x"])])
        .expect_err("no such name");
    assert_eq!(error.key, None);
}

#[test]
fn a_row_left_without_keys_leaves_the_help() {
    let table = Bindings::default()
        .remapped(&[remap("move_page_down", &["pgdn"])])
        .expect("a remap");
    let views = &table.help_sections()[4];
    assert!(
        !views
            .entries
            .iter()
            .any(|(_, what)| what.contains("one page down")),
        "{views:?}"
    );
}

#[test]
fn the_texts_naming_keys_name_the_built_in_ones_as_they_always_did() {
    let table = Bindings::built_in();
    let keys = |names: &[&str], mode| table.keys_for(names, mode);
    let browse = Mode::Browse;
    assert_eq!(
        keys(&["scroll_detail_down", "scroll_detail_up"], browse).as_deref(),
        Some("J/K")
    );
    assert_eq!(keys(&["toggle_grouped"], browse).as_deref(), Some("c"));
    assert_eq!(keys(&["select_tab_funding"], browse).as_deref(), Some("2"));
    assert_eq!(keys(&["cancel"], browse).as_deref(), Some("Esc"));
    assert_eq!(keys(&["toggle_source"], browse).as_deref(), Some("S"));
    assert_eq!(keys(&["quit"], browse).as_deref(), Some("q"));
    assert_eq!(
        keys(&["search_submit"], Mode::Filter).as_deref(),
        Some("Enter")
    );
    assert_eq!(keys(&["cancel"], Mode::Filter).as_deref(), Some("Esc"));
}
