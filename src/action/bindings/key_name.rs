//! Keys as people write them, three ways: in a config file (`ctrl-d`, `shift-tab`, `space`,
//! `J`), in the help (`Ctrl-d`, `Shift-Tab`, `Space`, `↓`), and in the status bar's hints,
//! where Backspace is `⌫` and keys sharing a prefix share it (`Ctrl-n/p`, `j/k`). Reads and
//! writes names only: which key does what is the table's business.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};

use super::{Key, Mods};

/// A key as a config file names it: a key code and at most one of Ctrl, Alt or Shift.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeySpec {
    /// The key.
    pub code: KeyCode,
    /// Ctrl, Alt, Shift or none.
    pub modifiers: KeyModifiers,
}

/// A key press of `code` with `modifiers`.
pub fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent {
        code,
        modifiers,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    }
}

/// The named keys a config file may write, with their codes; lower case, and the first name
/// of a code is the one written back.
const NAMED: [(&str, KeyCode); 22] = [
    ("down", KeyCode::Down),
    ("up", KeyCode::Up),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("enter", KeyCode::Enter),
    ("return", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("escape", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pgdn", KeyCode::PageDown),
    ("pagedown", KeyCode::PageDown),
    ("pgup", KeyCode::PageUp),
    ("pageup", KeyCode::PageUp),
    ("space", KeyCode::Char(' ')),
    ("delete", KeyCode::Delete),
    ("del", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("ins", KeyCode::Insert),
];

/// What a key name in a config file should look like, for error messages.
pub const KEY_SYNTAX: &str = "a character (j, J, /), a named key (down, pgdn, enter, esc, \
     tab, backspace, space, home, end, f1 … f12), or one of these after ctrl-, alt- or shift- \
     (ctrl-d, alt-left, shift-tab)";

impl KeySpec {
    /// Reads a key as a config file writes it: `j`, `J`, `/`, `down`, `ctrl-d`, `alt-left`,
    /// `shift-tab`, `shift-j` (which is `J`), `f1`. Names and modifiers take any case; a
    /// character is taken as written.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text;
        // A lone `-` is the minus key; `ctrl--` is Ctrl with it.
        while rest.chars().count() > 1
            && let Some((prefix, after)) = rest.split_once('-')
            && let Some(modifier) = modifier_named(prefix)
        {
            if !modifiers.is_empty() {
                return Err(format!(
                    "{text:?}: one modifier at most (ctrl-, alt- or shift-)"
                ));
            }
            modifiers = modifier;
            rest = after;
        }
        let code =
            code_named(rest).ok_or_else(|| format!("{text:?} is not a key: write {KEY_SYNTAX}"))?;
        Self::with(code, modifiers).map_err(|why| format!("{text:?}: {why}"))
    }

    /// The key `code` with `modifiers`, Shift folded in where the code carries it: `shift-j`
    /// is `J`, `shift-tab` is Back-Tab.
    fn with(code: KeyCode, modifiers: KeyModifiers) -> Result<Self, String> {
        let spec = |code| {
            Ok(Self {
                code,
                modifiers: KeyModifiers::NONE,
            })
        };
        match (code, modifiers) {
            (KeyCode::Char(c), KeyModifiers::SHIFT) if c.is_ascii_alphabetic() => {
                spec(KeyCode::Char(c.to_ascii_uppercase()))
            }
            // A terminal sends these as Enter, Tab and Esc: bound, they would never
            // come (and `quit = "ctrl-m"` would leave no way out).
            (KeyCode::Char(c), KeyModifiers::CONTROL)
                if matches!(c.to_ascii_lowercase(), 'm' | 'i' | '[') =>
            {
                let sent = match c.to_ascii_lowercase() {
                    'm' => "enter",
                    'i' => "tab",
                    _ => "esc",
                };
                Err(format!(
                    "a terminal sends ctrl-{c} as {sent}: write {sent} if that is the key meant"
                ))
            }
            (KeyCode::Enter, KeyModifiers::SHIFT) => {
                Err("a terminal sends shift-enter as enter".to_string())
            }
            (KeyCode::Char(' '), KeyModifiers::SHIFT) => {
                Err("shift-space is not told apart from space".to_string())
            }
            (KeyCode::Char(_), KeyModifiers::SHIFT) => Err(
                "write the character Shift types (! for shift-1) rather than shift-".to_string(),
            ),
            (KeyCode::Tab, KeyModifiers::SHIFT) => spec(KeyCode::BackTab),
            (KeyCode::BackTab, _) if modifiers != KeyModifiers::NONE => {
                Err("backtab is shift-tab already; it takes no modifier".to_string())
            }
            (KeyCode::Char(c), _) if c.is_control() => {
                Err("a control character is no key; write ctrl- and a letter".to_string())
            }
            _ => Ok(Self { code, modifiers }),
        }
    }

    /// The presses the key stands for: Ctrl with a letter in either case, as terminals differ.
    pub fn events(self) -> Vec<KeyEvent> {
        let mut events = vec![press(self.code, self.modifiers)];
        if self.modifiers == KeyModifiers::CONTROL
            && let KeyCode::Char(c) = self.code
            && c.is_ascii_alphabetic()
        {
            events = [c.to_ascii_lowercase(), c.to_ascii_uppercase()]
                .map(|c| press(KeyCode::Char(c), self.modifiers))
                .to_vec();
        }
        events
    }

    /// The keys of the table a new binding of this key answers to.
    pub fn keys(self) -> Vec<Key> {
        let mods = match self.modifiers {
            KeyModifiers::CONTROL => Mods::CtrlOnly,
            KeyModifiers::ALT => Mods::Alt,
            KeyModifiers::SHIFT => Mods::Shift,
            _ => Mods::Plain,
        };
        self.events()
            .into_iter()
            .map(|event| Key::Code(event.code, mods))
            .collect()
    }
}

fn modifier_named(name: &str) -> Option<KeyModifiers> {
    match name.to_ascii_lowercase().as_str() {
        "ctrl" | "control" => Some(KeyModifiers::CONTROL),
        "alt" | "meta" => Some(KeyModifiers::ALT),
        "shift" => Some(KeyModifiers::SHIFT),
        _ => None,
    }
}

fn code_named(name: &str) -> Option<KeyCode> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.clone().next()) {
        return Some(match c {
            '↓' => KeyCode::Down,
            '↑' => KeyCode::Up,
            '←' => KeyCode::Left,
            '→' => KeyCode::Right,
            '⌫' => KeyCode::Backspace,
            c => KeyCode::Char(c),
        });
    }
    let lower = name.to_ascii_lowercase();
    if let Some(&(_, code)) = NAMED.iter().find(|(named, _)| *named == lower) {
        return Some(code);
    }
    lower
        .strip_prefix('f')
        .and_then(|number| number.parse::<u8>().ok())
        .filter(|number| (1..=12).contains(number))
        .map(KeyCode::F)
}

/// How a config file writes `code` (without modifiers): `j`, `down`, `space`, `f1`.
fn config_code(code: KeyCode) -> Option<String> {
    match code {
        KeyCode::Char(' ') => Some("space".to_string()),
        KeyCode::Char(c) => Some(c.to_string()),
        KeyCode::F(number) => Some(format!("f{number}")),
        KeyCode::BackTab => Some("shift-tab".to_string()),
        code => NAMED
            .iter()
            .find(|(_, named)| *named == code)
            .map(|(name, _)| (*name).to_string()),
    }
}

/// How a config file writes `key`: one name, or two for a key that takes Ctrl or Alt
/// (`ctrl-backspace`, `alt-backspace`); none for typing.
pub fn config_names(key: Key) -> Vec<String> {
    let Key::Code(code, mods) = key else {
        return Vec::new();
    };
    let code = match code {
        KeyCode::Char(c) if matches!(mods, Mods::Ctrl | Mods::CtrlOnly | Mods::CtrlOrAlt) => {
            KeyCode::Char(c.to_ascii_lowercase())
        }
        code => code,
    };
    let Some(name) = config_code(code) else {
        return Vec::new();
    };
    let prefixes: &[&str] = match mods {
        Mods::Plain | Mods::NoCtrl | Mods::Any => &[""],
        Mods::Shift => &["shift-"],
        Mods::Ctrl | Mods::CtrlOnly => &["ctrl-"],
        Mods::Alt => &["alt-"],
        Mods::CtrlOrAlt => &["ctrl-", "alt-"],
    };
    prefixes
        .iter()
        .map(|prefix| format!("{prefix}{name}"))
        .collect()
}

/// How the help writes `code` alone: `j`, `↓`, `PgDn`, `Space`, `F1`.
fn help_code(code: KeyCode, short: bool) -> Option<String> {
    Some(
        match code {
            KeyCode::Char(' ') => "Space",
            KeyCode::Char(c) => return Some(c.to_string()),
            KeyCode::F(number) => return Some(format!("F{number}")),
            KeyCode::Down => "↓",
            KeyCode::Up => "↑",
            KeyCode::Left => "←",
            KeyCode::Right => "→",
            KeyCode::Enter => "Enter",
            KeyCode::Esc => "Esc",
            KeyCode::Tab => "Tab",
            KeyCode::BackTab => "Shift-Tab",
            KeyCode::Backspace if short => "⌫",
            KeyCode::Backspace => "Backspace",
            KeyCode::Home => "Home",
            KeyCode::End => "End",
            KeyCode::PageDown => "PgDn",
            KeyCode::PageUp => "PgUp",
            KeyCode::Delete => "Del",
            KeyCode::Insert => "Ins",
            _ => return None,
        }
        .to_string(),
    )
}

/// How the help writes `key` (`Ctrl-d`, `Shift-↓`, `Alt-←`), or the status bar when `short`
/// (`⌫` for Backspace); none for typing.
pub fn help_name(key: Key, short: bool) -> Option<String> {
    let Key::Code(code, mods) = key else {
        return None;
    };
    let prefix = match mods {
        Mods::Plain | Mods::NoCtrl | Mods::Any => "",
        Mods::Shift => "Shift-",
        Mods::Ctrl | Mods::CtrlOnly | Mods::CtrlOrAlt => "Ctrl-",
        Mods::Alt => "Alt-",
    };
    let code = match code {
        KeyCode::Char(c) if !prefix.is_empty() => KeyCode::Char(c.to_ascii_lowercase()),
        code => code,
    };
    help_code(code, short).map(|name| format!("{prefix}{name}"))
}

/// Words of the help's keys that name no key: the mouse's.
pub const MOUSE_WORDS: [&str; 4] = ["click", "wheel", "a", "title"];

/// The key a name of the help means: `j`, `↓`, `PgDn`, `Ctrl-d`, `Shift-Tab`, `Alt-←`.
pub fn named_key(name: &str) -> Option<KeyEvent> {
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
/// (`Ctrl-n/p`, `j/k`) and two arrows written together (`↑↓`); mouse words are skipped.
pub fn named_keys(label: &str) -> Vec<(String, Option<KeyEvent>)> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(code: KeyCode, modifiers: KeyModifiers) -> KeySpec {
        KeySpec { code, modifiers }
    }

    #[test]
    fn config_keys_parse() {
        let none = KeyModifiers::NONE;
        let cases = [
            ("j", spec(KeyCode::Char('j'), none)),
            ("J", spec(KeyCode::Char('J'), none)),
            ("shift-j", spec(KeyCode::Char('J'), none)),
            ("/", spec(KeyCode::Char('/'), none)),
            ("-", spec(KeyCode::Char('-'), none)),
            ("ctrl--", spec(KeyCode::Char('-'), KeyModifiers::CONTROL)),
            ("down", spec(KeyCode::Down, none)),
            ("PgDn", spec(KeyCode::PageDown, none)),
            ("space", spec(KeyCode::Char(' '), none)),
            (" ", spec(KeyCode::Char(' '), none)),
            ("ctrl-d", spec(KeyCode::Char('d'), KeyModifiers::CONTROL)),
            ("Ctrl-D", spec(KeyCode::Char('D'), KeyModifiers::CONTROL)),
            ("alt-left", spec(KeyCode::Left, KeyModifiers::ALT)),
            ("shift-down", spec(KeyCode::Down, KeyModifiers::SHIFT)),
            ("shift-tab", spec(KeyCode::BackTab, none)),
            ("f12", spec(KeyCode::F(12), none)),
            ("é", spec(KeyCode::Char('é'), none)),
        ];
        for (text, expected) in cases {
            assert_eq!(KeySpec::parse(text), Ok(expected), "{text}");
        }
        for bad in [
            "",
            "ctrl-",
            "ctrl-alt-x",
            "hyper-x",
            "f13",
            "shift-1",
            "page",
            "\u{1b}",
            "jk",
        ] {
            assert!(KeySpec::parse(bad).is_err(), "{bad:?} should not parse");
        }
    }

    #[test]
    fn keys_a_terminal_sends_as_others_are_refused() {
        for text in ["ctrl-m", "ctrl-M", "ctrl-i", "ctrl-[", "shift-enter"] {
            let error = KeySpec::parse(text).expect_err(text);
            assert!(error.contains("a terminal sends"), "{text}: {error}");
        }
        assert!(KeySpec::parse("ctrl-d").is_ok());
        assert!(KeySpec::parse("shift-tab").is_ok());
    }

    #[test]
    fn ctrl_with_a_letter_stands_for_both_cases() {
        let events = KeySpec::parse("ctrl-c").unwrap().events();
        let codes: Vec<KeyCode> = events.iter().map(|event| event.code).collect();
        assert_eq!(codes, [KeyCode::Char('c'), KeyCode::Char('C')]);
    }

    #[test]
    fn names_are_written_back_as_they_are_read() {
        let keys = [
            Key::Code(KeyCode::Char('j'), Mods::Plain),
            Key::Code(KeyCode::Char('c'), Mods::Ctrl),
            Key::Code(KeyCode::Down, Mods::Shift),
            Key::Code(KeyCode::BackTab, Mods::Plain),
            Key::Code(KeyCode::Char(' '), Mods::Any),
            Key::Code(KeyCode::F(1), Mods::Any),
            Key::Code(KeyCode::Left, Mods::Alt),
        ];
        for key in keys {
            for name in config_names(key) {
                let spec = KeySpec::parse(&name).unwrap();
                assert!(
                    spec.events().iter().any(|event| key.matches(event)),
                    "{name} reads back as {spec:?}, not {key:?}"
                );
            }
            let help = help_name(key, false).unwrap();
            let event = named_key(&help).unwrap();
            assert!(key.matches(&event), "{help} reads back as {event:?}");
        }
        assert_eq!(
            config_names(Key::Code(KeyCode::Backspace, Mods::CtrlOrAlt)),
            ["ctrl-backspace", "alt-backspace"]
        );
        assert_eq!(
            help_name(Key::Code(KeyCode::Backspace, Mods::Plain), true).as_deref(),
            Some("⌫")
        );
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
}
