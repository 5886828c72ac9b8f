//! The table checked against itself: what the help and the hints name is what the keys do.
//! The help's and the hints' words are read back as keys here, and only here, to check them.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use strum::IntoEnumIterator;

use proptest::prelude::*;

use super::{
    Bind, Bindings, Command, Help, Key, Layout, Line, Mode, Modes, Mods, Remap,
    key::{every_modifier_mix, press},
    mode_words, placeholder_parts,
};
use crate::action::{Action, Movement};

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
        "Backspace" | "⌫" => KeyCode::Backspace,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "PgDn" => KeyCode::PageDown,
        "PgUp" => KeyCode::PageUp,
        "Del" => KeyCode::Delete,
        "Ins" => KeyCode::Insert,
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

/// The keys a label of the help or a hint names, `/` joining keys that share a prefix
/// (`Ctrl-n/p`, `j/k`) and two arrows written together (`↑↓`); the mouse's `click` is skipped.
fn named_keys(label: &str) -> Vec<(String, Option<KeyEvent>)> {
    let mut keys = Vec::new();
    for token in label.split_whitespace().filter(|&token| token != "click") {
        let (prefix, last) = token
            .rsplit_once('-')
            .filter(|(_, last)| !last.is_empty())
            .map_or(("", token), |(prefix, last)| (prefix, last));
        let prefix = if prefix.is_empty() {
            String::new()
        } else {
            format!("{prefix}-")
        };
        let parts: Vec<String> = if last.contains('/') && last != "/" {
            last.split('/').map(str::to_string).collect()
        } else if last.chars().count() == 2 && last.chars().all(|c| "↑↓←→".contains(c)) {
            last.chars().map(String::from).collect()
        } else {
            vec![last.to_string()]
        };
        for part in parts {
            let name = format!("{prefix}{part}");
            keys.push((name.clone(), named_key(&name)));
        }
    }
    keys
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

/// The lines that name keys, with their labels.
fn labelled(table: &Bindings) -> impl Iterator<Item = (&Line, String)> {
    table
        .lines
        .iter()
        .filter(|line| !matches!(line.layout, Layout::Words(_)))
        .filter_map(|line| Some((line, Bindings::label(line)?)))
}

/// The keys of a config file, read.
fn remap(name: &str, keys: &[&str]) -> Remap {
    Remap {
        command: Command::iter()
            .find(|command| command.name() == name)
            .expect("a command"),
        keys: keys
            .iter()
            .map(|key| Key::parse(key).expect("a key"))
            .collect(),
    }
}

/// The built-in table, and tables remapped as a config file may: the checks below hold of
/// every one of them.
fn tables() -> Vec<(String, Bindings)> {
    let built_in = Bindings::default();
    let remaps = [
        vec![
            remap("move_down", &["v", "down"]),
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
    // Typing is written as such.
    assert!(
        table
            .lines
            .iter()
            .any(|line| line.layout == Layout::Words("type"))
    );
    for (line, label) in labelled(table) {
        let modes: Vec<Mode> = Mode::iter()
            .filter(|&mode| line.binds.iter().any(|bind| bind.modes.contains(mode)))
            .collect();
        for (name, key) in named_keys(&label) {
            let key = key.unwrap_or_else(|| panic!("{what}: {label:?}: {name:?} is no key"));
            assert!(
                modes
                    .iter()
                    .any(|&mode| reaches(table, &key, mode, &line.binds)),
                "{what}: {label:?} names {name:?}, which does something else",
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
    for mode in Mode::iter() {
        let mode_hints: Vec<_> = table.hints(mode).collect();
        assert!(!mode_hints.is_empty(), "{what}: {mode:?} has hints");
        for (hint, hint_keys) in mode_hints {
            // A hint may join two commands' keys (`j/k`) or two of one command (`S/Esc`):
            // each key does something, and one of them what the hint says.
            let keys: Vec<KeyEvent> = named_keys(&hint_keys)
                .into_iter()
                .map(|(name, key)| {
                    key.unwrap_or_else(|| panic!("{what}: {hint_keys:?}: {name:?} is no key"))
                })
                .collect();
            assert!(
                keys.iter().any(|key| {
                    table
                        .binding_for(key, mode)
                        .is_some_and(|bind| hint.commands.contains(&bind.command))
                }),
                "{what}: {mode:?}: the hint {hint_keys:?} does not do what it says",
            );
            for key in keys {
                assert!(
                    table.binding_for(&key, mode).is_some(),
                    "{what}: {mode:?}: the hint {hint_keys:?} names {key:?}, which does nothing",
                );
            }
        }
    }
}

/// Every key with every mix of Shift, Ctrl and Alt that a binding could answer.
fn every_bound_key(table: &Bindings) -> Vec<KeyEvent> {
    let mut codes: Vec<KeyCode> = table.binds().map(|bind| bind.key.code).collect();
    codes.extend(['a', 'Q', 'é', '中'].map(KeyCode::Char));
    codes.dedup();
    let mut keys = Vec::new();
    for code in codes {
        for modifiers in every_modifier_mix() {
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
    for mode in Mode::iter() {
        for key in every_bound_key(table) {
            let answering: Vec<&Bind> = table
                .binds()
                .filter(|bind| bind.modes.contains(mode) && bind.key.matches(&key))
                .collect();
            let specific: Vec<&&Bind> = answering
                .iter()
                .filter(|bind| bind.key.mods == Mods::Shift)
                .collect();
            let deciding = if specific.is_empty() {
                answering.iter().collect::<Vec<_>>()
            } else {
                specific
            };
            let mut actions: Vec<_> = deciding
                .iter()
                .map(|bind| bind.command.action(mode))
                .collect();
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
    for (line, label) in labelled(table) {
        let named: Vec<KeyEvent> = named_keys(&label)
            .into_iter()
            .filter_map(|(_, key)| key)
            .flat_map(also_sent_as)
            .collect();
        for bind in &line.binds {
            let code = bind.key.code;
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
                // Alt-⌫ is in the words: "(Alt-⌫ too)".
                let in_words = table.help_text(line).contains(&bind.key.help_name(true));
                if !in_words && !named.iter().any(|key| reaching.contains(key)) {
                    unnamed.push(format!(
                        "{mode:?}: {code:?} ({:?}) under {label:?}",
                        bind.key
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
            remap(named.command.name(), &keys)
        })
        .collect();
    assert!(remaps.len() > 40, "{} names", remaps.len());
    assert_eq!(built_in.remapped(&remaps), Ok(built_in));
}

#[test]
fn every_command_has_keys_and_says_what_it_does() {
    let named = Bindings::default().names();
    for command in Command::iter() {
        assert!(!command.about().is_empty(), "{command:?}");
        assert!(
            named.iter().any(|named| named.command == command),
            "{command:?} has no key"
        );
    }
}

#[test]
fn a_movement_has_one_name_wherever_it_moves() {
    for command in Command::iter() {
        let super::Action::Move(way) = command.action(Mode::Browse) else {
            continue;
        };
        assert!(command.name().starts_with("move_"), "{command:?}");
        assert_eq!(command.action(Mode::Links), super::Action::Move(way));
        assert_eq!(command.action(Mode::Help), super::Action::ScrollHelp(way));
        assert_eq!(
            command.action(Mode::Source),
            super::Action::ScrollSource(way)
        );
    }
    assert_eq!(
        Command::SearchSelectPageDown.action(Mode::Search),
        super::Action::SearchSelect(Movement::PageDown)
    );
    assert_eq!(
        Command::SearchSelectPageDown.name(),
        "search_select_page_down"
    );
}

#[test]
fn sets_hold_what_they_are_made_of() {
    let reading = Modes::of(&[Mode::Help, Mode::Source]);
    assert!(reading.contains(Mode::Help) && !reading.contains(Mode::Browse));
    assert_eq!(Modes::of(&Mode::iter().collect::<Vec<_>>()), Modes::ALL);
    assert_eq!(
        Modes::ALL.without(Modes::TYPING).iter().collect::<Vec<_>>(),
        [
            Mode::Browse,
            Mode::Links,
            Mode::Help,
            Mode::Source,
            Mode::Cite
        ]
    );
    assert_eq!(Modes::TYPING.without(Modes::TYPING), Modes::NONE);
    // The help and the quick look, the search, the filter, the palette and the export prompt.
    assert_eq!(reading.union(Modes::TYPING).iter().count(), 6);
}

#[test]
fn a_remapped_key_works_and_the_old_one_does_not() {
    let table = Bindings::default()
        .remapped(&[remap("move_down", &["v"])])
        .expect("a remap");
    let key = |c| press(KeyCode::Char(c), KeyModifiers::NONE);
    let down = Some(super::Action::Move(Movement::Down));
    assert_eq!(table.action_for_key(key('v'), Mode::Browse), down);
    assert_eq!(table.action_for_key(key('v'), Mode::Links), down);
    assert_eq!(table.action_for_key(key('j'), Mode::Browse), None);
    assert_eq!(
        table.action_for_key(key('v'), Mode::Help),
        Some(super::Action::ScrollHelp(Movement::Down))
    );
    // In the prompts v is a letter.
    assert_eq!(
        table.action_for_key(key('v'), Mode::Search),
        Some(super::Action::SearchType('v'))
    );
    let moving = &table.help_sections()[1];
    let row = |at: usize| (moving.entries[at].0.as_str(), moving.entries[at].1.as_str());
    assert_eq!(row(0), ("v", "next record"));
    let hints: Vec<_> = table.hints(Mode::Browse).collect();
    assert_eq!(hints[0].1, "v/k");
    // What did not change keeps its words.
    assert_eq!(row(1), ("k  ↑", "previous record"));
}

#[test]
fn a_key_that_would_mean_two_things_is_refused_naming_both() {
    let error = Bindings::default()
        .remapped(&[remap("cycle_sort", &["o"]), remap("open_search", &["o"])])
        .expect_err("a collision");
    assert_eq!((error.remap, error.key), (1, 0));
    assert!(error.message.contains("open_search"), "{}", error.message);
    assert!(error.message.contains("cycle_sort"), "{}", error.message);
    // A Ctrl key is named by what it does as written (Ctrl-g), not by its shifted twin.
    let error = Bindings::default()
        .remapped(&[remap("quit", &["q", "ctrl-g"])])
        .expect_err("a collision");
    assert!(
        error
            .message
            .starts_with("Ctrl-g would do both quit and move_first"),
        "{}",
        error.message
    );
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
    assert_eq!((error.remap, error.key), (0, 1));
    // A name no command has cannot be remapped at all: the config file refuses it first.
    assert!(Command::iter().all(|command| command.name() != "search_typo"));
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
    use Command as C;
    let table = Bindings::built_in();
    let keys = |commands: &[Command], mode| table.keys_for(commands, mode);
    let browse = Mode::Browse;
    assert_eq!(
        keys(&[C::ScrollDetailDown, C::ScrollDetailUp], browse).as_deref(),
        Some("J/K")
    );
    assert_eq!(keys(&[C::ToggleGrouped], browse).as_deref(), Some("c"));
    assert_eq!(keys(&[C::SelectTabFunding], browse).as_deref(), Some("2"));
    assert_eq!(keys(&[C::Cancel], browse).as_deref(), Some("Esc"));
    assert_eq!(keys(&[C::ToggleSource], browse).as_deref(), Some("S"));
    assert_eq!(keys(&[C::Quit], browse).as_deref(), Some("q"));
    assert_eq!(
        keys(&[C::SearchSubmit], Mode::Filter).as_deref(),
        Some("Enter")
    );
    assert_eq!(keys(&[C::Cancel], Mode::Filter).as_deref(), Some("Esc"));
}

/// The keys a note of the help lists: `q`, `q and x`, `F1, F2 and x`.
fn listed_keys(list: &str) -> Vec<KeyEvent> {
    list.split(", ")
        .flat_map(|part| part.split(" and "))
        .map(|name| named_key(name).unwrap_or_else(|| panic!("{name:?} is no key")))
        .collect()
}

/// The text between `before` and `after` in `text`, if it has both.
fn between<'t>(text: &'t str, before: &str, after: &str) -> Option<&'t str> {
    let rest = text.split_once(before)?.1;
    Some(rest.split_once(after)?.0)
}

/// What each line of the help says of its keys holds of `table`: the keys it says are
/// letters in the search prompt are, and only they; the keys it says quit from anywhere quit
/// in every mode; the keys it names for another command do that command where it says.
fn the_help_says_only_what_is_so(table: &Bindings, what: &str) {
    for line in &table.lines {
        let text = table.help_text(line);
        assert!(
            !text.contains(['{', '}', '[', ']', '<', '>']),
            "{what}: {text:?} is left unfilled"
        );
        let keys: Vec<KeyEvent> = Bindings::line_keys(line)
            .into_iter()
            .map(Key::press)
            .collect();
        let command_of = |key: &KeyEvent| {
            let bind = line.binds.iter().find(|bind| bind.key.matches(key));
            bind.map(|bind| bind.command).expect("a key of the line")
        };
        let does = |key: &KeyEvent, mode: Mode, command: Command| {
            table
                .binding_for(key, mode)
                .is_some_and(|bind| bind.command == command)
        };
        let typed = |key: &KeyEvent| {
            matches!(
                table.action_for_key(*key, Mode::Search),
                Some(Action::SearchType(_))
            )
        };
        match line.help {
            Help::Words(words) => {
                for name in words
                    .split('{')
                    .skip(1)
                    .filter_map(|part| part.split_once('}'))
                {
                    assert!(
                        placeholder_parts(name.0).is_some(),
                        "{{{}}} names no command",
                        name.0
                    );
                }
                for (command, mode, named) in table.fill(words, line).1 {
                    assert!(text.contains(&named), "{what}: {text:?} leaves out {named}");
                    for key in listed_keys(&named) {
                        assert!(
                            does(&key, mode, command),
                            "{what}: {text:?}: {named} does not do {command:?} in {mode:?}"
                        );
                    }
                }
            }
            Help::As(_) => {
                // `, as ↓ ↑ do`: each key does what the line's key in its place does.
                let named = between(&text, ", as ", " do")
                    .or_else(|| between(&text, ", as ", " does"))
                    .map(|keys| keys.split(' ').map(|key| named_key(key).expect("a key")))
                    .map(Vec::from_iter)
                    .unwrap_or_default();
                let here: Vec<&Bind> = (line.commands.iter())
                    .filter_map(|&command| line.binds.iter().find(|bind| bind.command == command))
                    .collect();
                if !named.is_empty() {
                    assert_eq!(named.len(), here.len(), "{what}: {text:?}");
                }
                for (key, bind) in named.iter().zip(here) {
                    let mode = bind.modes.iter().next().expect("a mode");
                    assert!(does(key, mode, bind.command), "{what}: {text:?}: {key:?}");
                }
            }
            Help::LettersInSearch(_) => {
                let said = between(&text, "(in the search prompt ", " is a letter)")
                    .or_else(|| between(&text, "(in the search prompt ", " are letters)"))
                    .map(listed_keys)
                    .unwrap_or_default();
                for key in &keys {
                    assert_eq!(
                        said.contains(key),
                        typed(key),
                        "{what}: {text:?}: {key:?} in the search prompt"
                    );
                }
            }
            Help::Anywhere(_) => {
                let not_in: Vec<Mode> = Mode::iter()
                    .filter(|&mode| {
                        between(&text, "(not in ", ")").is_some_and(|places| {
                            places.split(" or ").any(|p| p == mode_words(mode))
                        })
                    })
                    .collect();
                assert_eq!(
                    text.ends_with(" from anywhere"),
                    not_in.is_empty(),
                    "{what}: {text:?}"
                );
                for mode in Mode::iter() {
                    let all = keys.iter().all(|key| does(key, mode, command_of(key)));
                    assert_eq!(all, !not_in.contains(&mode), "{what}: {text:?} in {mode:?}");
                }
            }
            Help::InSearch(_) => {
                let working: Vec<&KeyEvent> = keys
                    .iter()
                    .filter(|key| does(key, Mode::Search, command_of(key)))
                    .collect();
                if let Some(named) = between(&text, "(in the search prompt: ", ")") {
                    let named = listed_keys(named);
                    assert_eq!(
                        named.iter().collect::<Vec<_>>(),
                        working,
                        "{what}: {text:?}"
                    );
                } else if text.ends_with("(not in the search prompt)") {
                    assert!(working.is_empty(), "{what}: {text:?}");
                } else {
                    assert_eq!(working.len(), keys.len(), "{what}: {text:?}");
                }
            }
            Help::Closes => {
                let any = |command| {
                    keys.iter()
                        .any(|key| Mode::iter().any(|mode| does(key, mode, command)))
                };
                assert_eq!(
                    text.contains("never quits"),
                    !any(Command::Quit),
                    "{what}: {text:?}"
                );
                assert_eq!(
                    text.contains("or cancel"),
                    any(Command::Cancel),
                    "{what}: {text:?}"
                );
            }
            Help::Too(_, key) => {
                if let Some(named) = between(&text, "(", " too)") {
                    let named = named_key(named).expect("a key");
                    assert_eq!(named, key.press());
                    let command = Command::SearchDeleteWord;
                    assert!(
                        line.binds
                            .iter()
                            .any(|bind| bind.command == command && bind.key == key),
                        "{what}: {text:?}"
                    );
                    assert!(does(&named, Mode::Search, command), "{what}: {text:?}");
                }
            }
        }
    }
}

#[test]
fn the_help_says_only_what_is_so_of_every_table() {
    for (what, table) in tables() {
        the_help_says_only_what_is_so(&table, &what);
    }
}

#[test]
fn the_built_in_help_says_what_it_always_said() {
    let table = Bindings::built_in();
    let said: Vec<String> = table
        .help_sections()
        .into_iter()
        .flat_map(|section| section.entries)
        .map(|(keys, what)| format!("{keys} | {what}"))
        .collect();
    for line in [
        "Esc | close an overlay or cancel; never quits",
        "q | quit (in the search prompt q is a letter)",
        "Ctrl-C | quit from anywhere",
        "?  F1 | this help over whatever is open (in the search prompt: F1)",
        "Tab  Shift-Tab | the next / previous result, as ↓ ↑ do",
        "Ctrl-w  Ctrl-⌫ | delete the word before the cursor (Alt-⌫ too)",
        "Space | in the help and the quick look (S): one page down",
        "Timeline | o: date, kind, place · f: summits, ministers… · & filter",
        "Source | paragraphs in the source's order: / searches them",
    ] {
        assert!(
            said.iter().any(|said| said == line),
            "{line:?} not in {said:#?}"
        );
    }
}

#[test]
fn a_remapped_quit_is_said_where_it_works() {
    let table = Bindings::default()
        .remapped(&[remap("quit", &["x", "ctrl-c"])])
        .expect("a remap");
    let said: Vec<(String, String)> = table
        .help_sections()
        .into_iter()
        .flat_map(|section| section.entries)
        .collect();
    let line = |keys: &str| {
        said.iter()
            .find(|(k, _)| k == keys)
            .map(|(_, what)| what.as_str())
    };
    assert_eq!(line("x"), Some("quit (in the search prompt x is a letter)"));
    assert_eq!(line("Ctrl-C"), Some("quit from anywhere"));
    let key = |c| press(KeyCode::Char(c), KeyModifiers::NONE);
    assert_eq!(
        table.action_for_key(key('x'), Mode::Links),
        Some(Action::Quit)
    );
    assert_eq!(
        table.action_for_key(key('x'), Mode::Search),
        Some(Action::SearchType('x'))
    );
    // Keys of other lines named in words follow their remaps too.
    let table = Bindings::default()
        .remapped(&[
            remap("toggle_help", &["f2"]),
            remap("cycle_sort", &["z"]),
            remap("toggle_source", &["v"]),
            remap("search_delete_word", &["ctrl-w"]),
            remap("search_select_down", &["ctrl-j"]),
        ])
        .expect("a remap");
    let said: Vec<String> = table
        .help_sections()
        .into_iter()
        .flat_map(|section| section.entries)
        .map(|(keys, what)| format!("{keys} | {what}"))
        .collect();
    for line in [
        "F2 | this help over whatever is open",
        "Shift-Tab | the previous result, as ↑ does",
        "Timeline | z: date, kind, place · f: summits, ministers… · & filter",
        "Space | in the help and the quick look (v): one page down",
        "Ctrl-w | delete the word before the cursor",
    ] {
        assert!(
            said.iter().any(|said| said == line),
            "{line:?} not in {said:#?}"
        );
    }
}

/// Commands a config file may well remap, and keys it may give them.
const REMAPPABLE: [&str; 13] = [
    "quit",
    "toggle_help",
    "search_delete_word",
    "search_select_down",
    "search_select_up",
    "toggle_source",
    "cycle_sort",
    "step_kind_forward",
    "open_filter",
    "open_search",
    "cancel",
    "move_page_down",
    "focus_list",
];
const KEYS: [&str; 22] = [
    "x",
    "z",
    "v",
    "t",
    "|",
    "ctrl-q",
    "ctrl-k",
    "ctrl-j",
    "f2",
    "f3",
    "alt-x",
    "?",
    "q",
    "ctrl-c",
    "esc",
    "enter",
    "tab",
    "ctrl-w",
    "alt-backspace",
    "ctrl-backspace",
    "down",
    "F1",
];

fn remaps() -> impl Strategy<Value = Vec<Remap>> {
    let one = (
        0..REMAPPABLE.len(),
        prop::collection::vec(0..KEYS.len(), 1..3),
    )
        .prop_map(|(command, keys)| {
            let keys: Vec<&str> = keys.into_iter().map(|key| KEYS[key]).collect();
            remap(REMAPPABLE[command], &keys)
        });
    prop::collection::vec(one, 1..4)
}

proptest! {
    // Failures are kept beside this file, in `tests.proptest-regressions`.
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::WithSource("proptest-regressions"),
        )),
        ..ProptestConfig::default()
    })]

    /// Every table a config file can make keeps the help true: what it says of each key
    /// holds, every key it names works, every key that works is named.
    #[test]
    fn a_remapped_help_says_only_what_is_so(remaps in remaps()) {
        let Ok(table) = Bindings::default().remapped(&remaps) else {
            return Ok(());
        };
        let what = format!("{remaps:?}");
        the_help_says_only_what_is_so(&table, &what);
        every_key_the_help_names_does_what_it_says_in(&table, &what);
        every_hint_names_keys_that_do_it_in(&table, &what);
        no_key_means_two_things_in(&table, &what);
        every_key_that_works_is_in_the_help_of(&table, &what);
    }
}

/// The palette names each key once: no row lists two names a person reads as one key
/// (`Ctrl-C Ctrl-c`), in any mode, with the built-in bindings.
#[test]
fn the_palette_names_each_key_once() {
    let bindings = Bindings::built_in();
    for mode in Mode::iter() {
        for (command, keys) in bindings.commands_in(mode) {
            // Ctrl with a letter is one key in either case; `s` and `S` are two.
            let folded: Vec<String> = keys
                .iter()
                .map(|key| match key.starts_with("Ctrl-") {
                    true => key.to_lowercase(),
                    false => key.clone(),
                })
                .collect();
            let mut unique = folded.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(
                unique.len(),
                folded.len(),
                "{command:?} in {mode:?} lists {keys:?}"
            );
        }
    }
}
