//! One key: the presses it answers (a code, and the modifiers it takes), and how people write
//! it. A config file writes `ctrl-d`, `shift-tab`, `space`, `J` ([`Key::parse`] reads them,
//! [`Key::config_name`] writes them back); the help writes `Ctrl-d`, `Shift-Tab`, `Space`, `↓`,
//! and the status bar `⌫` for Backspace ([`Key::help_name`]). Which key does what is the
//! table's business.

use crate::{
    data::display::{is_variation_selector, needs_escape},
    quoted::said,
};
use ratatui::crossterm::event::{
    KeyCode::{self, *},
    KeyEvent, KeyEventKind, KeyEventState, KeyModifiers,
};

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
        match self {
            Self::Plain => !control && !alt,
            Self::Shift => modifiers.contains(KeyModifiers::SHIFT) && !control && !alt,
            Self::Ctrl => control,
            Self::CtrlOnly => control && !alt,
            Self::Alt => alt,
            Self::NoCtrl => !control,
            Self::Any => true,
        }
    }

    /// The modifiers a key is pressed with to reach a binding taking these, and how a config
    /// file and the help write them.
    pub fn named(self) -> (KeyModifiers, &'static str, &'static str) {
        match self {
            Self::Plain | Self::NoCtrl | Self::Any => (KeyModifiers::NONE, "", ""),
            Self::Shift => (KeyModifiers::SHIFT, "shift-", "Shift-"),
            Self::Ctrl | Self::CtrlOnly => (KeyModifiers::CONTROL, "ctrl-", "Ctrl-"),
            Self::Alt => (KeyModifiers::ALT, "alt-", "Alt-"),
        }
    }
}

/// A key a binding answers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// The modifiers it takes.
    pub mods: Mods,
}

/// A key with a name: the names a config file may give it (the first is written back), and
/// the help's.
type Named = (KeyCode, &'static [&'static str], &'static str);

const NAMED: [Named; 16] = [
    (Down, &["down"], "↓"),
    (Up, &["up"], "↑"),
    (Left, &["left"], "←"),
    (Right, &["right"], "→"),
    (Enter, &["enter", "return"], "Enter"),
    (Esc, &["esc", "escape"], "Esc"),
    (Tab, &["tab"], "Tab"),
    // Read as shift- and tab, or by its own name.
    (BackTab, &["shift-tab", "backtab"], "Shift-Tab"),
    (Backspace, &["backspace"], "Backspace"),
    (Home, &["home"], "Home"),
    (End, &["end"], "End"),
    (PageDown, &["pgdn", "pagedown"], "PgDn"),
    (PageUp, &["pgup", "pageup"], "PgUp"),
    (Char(' '), &["space"], "Space"),
    (Delete, &["delete", "del"], "Del"),
    (Insert, &["insert", "ins"], "Ins"),
];

/// What a key name in a config file should look like, for error messages.
const KEY_SYNTAX: &str = "a character (j, J, /), a named key (down, pgdn, enter, esc, \
     tab, backspace, space, home, end, f1 … f12), or one of these after ctrl-, alt- or shift- \
     (ctrl-d, alt-left, shift-tab)";

impl Key {
    /// The keys a config file's `text` stands for: `j`, `J`, `/`, `down`, `ctrl-d`, `alt-left`,
    /// `shift-tab`, `shift-j` (which is `J`), `f1`; Ctrl with a letter in either case, as
    /// terminals differ. Names and modifiers take any case; a character is taken as written.
    pub fn parse(text: &str) -> Result<Vec<Self>, String> {
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text;
        // A lone `-` is the minus key; `ctrl--` is Ctrl with it.
        while rest.chars().count() > 1
            && let Some((prefix, after)) = rest.split_once('-')
            && let Some(modifier) = modifier_named(prefix)
        {
            if !modifiers.is_empty() {
                return Err(format!(
                    "{}: one modifier at most (ctrl-, alt- or shift-)",
                    said(text, '"')
                ));
            }
            modifiers = modifier;
            rest = after;
        }
        let code = code_named(rest)
            .ok_or_else(|| format!("{} is not a key: write {KEY_SYNTAX}", said(text, '"')))?;
        let (code, mods) =
            folded(code, modifiers).map_err(|why| format!("{}: {why}", said(text, '"')))?;
        let codes = match code {
            Char(c) if mods == Mods::CtrlOnly && c.is_ascii_alphabetic() => {
                vec![Char(c.to_ascii_lowercase()), Char(c.to_ascii_uppercase())]
            }
            code => vec![code],
        };
        Ok(codes.into_iter().map(|code| Self { code, mods }).collect())
    }

    /// Whether a press of `key` calls on this one.
    pub fn matches(self, key: &KeyEvent) -> bool {
        let code = match key.code {
            Char(c) if key.modifiers.contains(KeyModifiers::CONTROL) => {
                Char(control_sign(c).unwrap_or(c))
            }
            code => code,
        };
        code == self.code && self.mods.allow(key.modifiers)
    }

    /// A press that reaches it.
    pub fn press(self) -> KeyEvent {
        press(self.code, self.mods.named().0)
    }

    /// How a config file writes it: `j`, `down`, `ctrl-d` (Ctrl takes a letter in either case).
    pub fn config_name(self) -> String {
        let (modifiers, prefix, _) = self.mods.named();
        let name = match self.code {
            Char(c) if modifiers == KeyModifiers::CONTROL && c.is_ascii_alphabetic() => {
                c.to_ascii_lowercase().to_string()
            }
            code => code_name(code, |(_, names, _)| names[0]),
        };
        format!("{prefix}{name}")
    }

    /// How the help writes it (`Ctrl-d`, `Shift-↓`, `Alt-←`), or the status bar when `short`
    /// (`⌫` for Backspace).
    pub fn help_name(self, short: bool) -> String {
        format!("{}{}", self.mods.named().2, self.help_code(short))
    }

    /// How the help writes its code, without the modifier.
    pub fn help_code(self, short: bool) -> String {
        match self.code {
            Backspace if short => "⌫".to_string(),
            F(number) => format!("F{number}"),
            code => code_name(code, |(_, _, help)| help),
        }
    }
}

/// `code` by `name` if it has a name, else as typed (`j`) or numbered (`f1`).
fn code_name(code: KeyCode, name: fn(&Named) -> &'static str) -> String {
    match (NAMED.iter().find(|named| named.0 == code), code) {
        (Some(named), _) => name(named).to_string(),
        (None, Char(c)) => c.to_string(),
        (None, F(number)) => format!("f{number}"),
        (None, code) => format!("{code:?}"),
    }
}

/// The one name of a Ctrl key a terminal sends as one of the five control bytes outside the
/// letters, whichever way it was written or read: the terminal sends `ctrl-\\` and `ctrl-4`
/// alike (0x1C, which crossterm reads as Ctrl-4), `ctrl-]` and `ctrl-5`, `ctrl-^` and
/// `ctrl-6`, `ctrl-_`, `ctrl-/`, `ctrl--` and `ctrl-7` (0x1F), `ctrl-@`, `ctrl-2` and
/// `ctrl-space` (0x00).
fn control_sign(c: char) -> Option<char> {
    match c {
        '\\' | '4' => Some('\\'),
        ']' | '5' => Some(']'),
        '^' | '6' => Some('^'),
        '_' | '/' | '-' | '7' => Some('_'),
        '@' | '2' | ' ' => Some(' '),
        _ => None,
    }
}

/// The key `code` with `modifiers`, as a binding takes it, Shift folded in where the code
/// carries it (`shift-j` is `J`, `shift-tab` is Back-Tab); why not, for a key no terminal
/// sends.
fn folded(code: KeyCode, modifiers: KeyModifiers) -> Result<(KeyCode, Mods), String> {
    Ok(match (code, modifiers) {
        (Char(c), KeyModifiers::SHIFT) if c.is_ascii_alphabetic() => {
            (Char(c.to_ascii_uppercase()), Mods::Plain)
        }
        // A terminal sends these as Enter, Tab and Esc: bound, they would never
        // come (and `quit = "ctrl-m"` would leave no way out).
        (Char(c), KeyModifiers::CONTROL) if matches!(c.to_ascii_lowercase(), 'm' | 'i' | '[') => {
            let sent = match c.to_ascii_lowercase() {
                'm' => "enter",
                'i' => "tab",
                _ => "esc",
            };
            return Err(format!(
                "a terminal sends ctrl-{c} as {sent}: write {sent} if that is the key meant"
            ));
        }
        // A terminal sends Ctrl with a letter or a few signs, each sign (and the digit on its
        // key) one control byte: bound by one name, read back whichever way it comes.
        (Char(c), KeyModifiers::CONTROL) if control_sign(c).is_some() => {
            (Char(control_sign(c).unwrap_or(c)), Mods::CtrlOnly)
        }
        (Char(c @ ('3' | '8')), KeyModifiers::CONTROL) => {
            let sent = if c == '3' { "esc" } else { "backspace" };
            return Err(format!(
                "a terminal sends ctrl-{c} as {sent}: write {sent} if that is the key meant"
            ));
        }
        // Ctrl with another digit, another sign or a letter beyond ASCII sends the plain key
        // or nothing, so a binding to it would never come (`quit = "ctrl-1"` would leave no
        // way out).
        (Char(c), KeyModifiers::CONTROL) if !c.is_ascii_alphabetic() => {
            return Err(format!(
                "a terminal cannot send ctrl-{}: write ctrl- with a letter (ctrl-a to ctrl-z) \
                 or with one of \\ ] ^ _ @",
                c.escape_debug()
            ));
        }
        (Enter, KeyModifiers::SHIFT) => return Err("a terminal sends shift-enter as enter".into()),
        (Esc, KeyModifiers::SHIFT) => return Err("a terminal sends shift-esc as esc".into()),
        (Backspace, KeyModifiers::SHIFT) => {
            return Err("a terminal sends shift-backspace as backspace".into());
        }
        (Char(' '), KeyModifiers::SHIFT) => {
            return Err("shift-space is not told apart from space".into());
        }
        (Char(_), KeyModifiers::SHIFT) => {
            return Err(
                "write the character Shift types (! for shift-1) rather than shift-".into(),
            );
        }
        (Tab, KeyModifiers::SHIFT) => (BackTab, Mods::Plain),
        (BackTab, modifiers) if modifiers != KeyModifiers::NONE => {
            return Err("backtab is shift-tab already; it takes no modifier".into());
        }
        (Char(c), _) if c.is_control() => {
            return Err("a control character is no key; write ctrl- and a letter".into());
        }
        // An invisible key could not be told in the help or the status bar, nor typed.
        // Nor one that only joins or marks the character beside it: a joiner, a variation
        // selector, a combining mark.
        (Char(c), _)
            if needs_escape(c)
                || (c.is_whitespace() && c != ' ')
                || matches!(c, '\u{200C}' | '\u{200D}')
                || is_variation_selector(c)
                || unicode_normalization::char::is_combining_mark(c) =>
        {
            return Err("an invisible character is no key to press".into());
        }
        (code, KeyModifiers::CONTROL) => (code, Mods::CtrlOnly),
        (code, KeyModifiers::ALT) => (code, Mods::Alt),
        (code, KeyModifiers::SHIFT) => (code, Mods::Shift),
        (code, _) => (code, Mods::Plain),
    })
}

fn modifier_named(name: &str) -> Option<KeyModifiers> {
    match name.to_ascii_lowercase().as_str() {
        "ctrl" | "control" => Some(KeyModifiers::CONTROL),
        "alt" | "meta" => Some(KeyModifiers::ALT),
        "shift" => Some(KeyModifiers::SHIFT),
        _ => None,
    }
}

/// The key `name` means: a name of [`NAMED`], a character (an arrow or `⌫` as the help
/// writes them), or `f1` to `f12`.
fn code_named(name: &str) -> Option<KeyCode> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        let arrow = NAMED.iter().find(|(_, _, help)| *help == name);
        return Some(
            arrow.map_or(if c == '⌫' { Backspace } else { Char(c) }, |named| {
                named.0
            }),
        );
    }
    let lower = name.to_ascii_lowercase();
    let named = NAMED
        .iter()
        .find(|(_, names, _)| names.contains(&lower.as_str()));
    let numbered = || {
        lower
            .strip_prefix('f')?
            .parse()
            .ok()
            .filter(|n| (1..=12).contains(n))
    };
    named.map(|named| named.0).or_else(|| numbered().map(F))
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

/// Every mix of Shift, Ctrl and Alt.
pub fn every_modifier_mix() -> impl Iterator<Item = KeyModifiers> {
    let each = [
        KeyModifiers::SHIFT,
        KeyModifiers::CONTROL,
        KeyModifiers::ALT,
    ];
    (0..8).map(move |bits| {
        let chosen = each
            .iter()
            .enumerate()
            .filter(|(bit, _)| bits & (1 << bit) != 0);
        chosen.fold(KeyModifiers::NONE, |mix, (_, &modifier)| mix | modifier)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: Mods) -> Key {
        Key { code, mods }
    }

    #[test]
    fn config_keys_parse() {
        let one = |code, mods| Ok(vec![key(code, mods)]);
        let cases = [
            ("j", one(Char('j'), Mods::Plain)),
            ("J", one(Char('J'), Mods::Plain)),
            ("shift-j", one(Char('J'), Mods::Plain)),
            ("/", one(Char('/'), Mods::Plain)),
            ("-", one(Char('-'), Mods::Plain)),
            ("ctrl--", one(Char('_'), Mods::CtrlOnly)),
            ("down", one(Down, Mods::Plain)),
            ("PgDn", one(PageDown, Mods::Plain)),
            ("space", one(Char(' '), Mods::Plain)),
            (" ", one(Char(' '), Mods::Plain)),
            ("alt-left", one(Left, Mods::Alt)),
            ("shift-down", one(Down, Mods::Shift)),
            ("shift-tab", one(BackTab, Mods::Plain)),
            ("f12", one(F(12), Mods::Plain)),
            ("é", one(Char('é'), Mods::Plain)),
            ("↓", one(Down, Mods::Plain)),
            ("⌫", one(Backspace, Mods::Plain)),
        ];
        for (text, expected) in cases {
            assert_eq!(Key::parse(text), expected, "{text}");
        }
        let ctrl_d = Ok(vec![
            key(Char('d'), Mods::CtrlOnly),
            key(Char('D'), Mods::CtrlOnly),
        ]);
        assert_eq!(Key::parse("ctrl-d"), ctrl_d);
        assert_eq!(Key::parse("Ctrl-D"), ctrl_d);
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
            assert!(Key::parse(bad).is_err(), "{bad:?} should not parse");
        }
    }

    /// Ctrl with a sign reaches its binding however the config writes it and however the
    /// terminal's byte is read: crossterm reads 0x1C to 0x1F as Ctrl-4 to Ctrl-7 and 0x00 as
    /// Ctrl-Space.
    #[test]
    fn a_ctrl_sign_binding_is_reached_by_the_byte_the_terminal_sends() {
        let ctrl = |c| KeyEvent::new(Char(c), KeyModifiers::CONTROL);
        for (names, read) in [
            (&["ctrl-\\", "ctrl-4"][..], '4'),
            (&["ctrl-]", "ctrl-5"][..], '5'),
            (&["ctrl-^", "ctrl-6"][..], '6'),
            (&["ctrl-_", "ctrl-/", "ctrl--", "ctrl-7"][..], '7'),
            (&["ctrl-@", "ctrl-2", "ctrl-space"][..], ' '),
        ] {
            for name in names {
                let keys = Key::parse(name).unwrap_or_else(|why| panic!("{name}: {why}"));
                assert!(keys.iter().any(|key| key.matches(&ctrl(read))), "{name}");
                // And by the sign itself, where a terminal reports keys as pressed.
                let sign = name.trim_start_matches("ctrl-");
                if let (Some(c), 1) = (sign.chars().next(), sign.chars().count()) {
                    assert!(keys.iter().any(|key| key.matches(&ctrl(c))), "{name}");
                }
            }
        }
    }

    #[test]
    fn keys_a_terminal_sends_as_others_are_refused() {
        for text in [
            "ctrl-m",
            "ctrl-M",
            "ctrl-i",
            "ctrl-[",
            "shift-enter",
            "shift-esc",
            "shift-backspace",
            "ctrl-3",
            "ctrl-8",
            "ctrl-;",
            "ctrl-0",
            "ctrl-1",
            "ctrl-9",
            "ctrl-é",
            "\u{200B}",
            "\u{202E}",
            "alt-\u{2028}",
            "\u{E0041}",
            // Characters that only join or mark the one beside them.
            "\u{200D}",
            "\u{200C}",
            "\u{301}",
            "\u{FE0F}",
            "ctrl-\u{200D}",
        ] {
            let error = Key::parse(text).expect_err(text);
            let said = [
                "a terminal sends",
                "a terminal cannot send",
                "invisible",
                "not a key",
            ];
            assert!(said.iter().any(|s| error.contains(s)), "{text}: {error}");
            // Said visibly: the message carries no invisible character of the key's.
            assert!(
                error.chars().all(|c| !needs_escape(c) && c != '\u{200D}'),
                "{text}: {error:?}"
            );
        }
        assert!(Key::parse("ctrl-d").is_ok());
        assert!(Key::parse("shift-tab").is_ok());
    }

    #[test]
    fn ctrl_with_a_letter_stands_for_both_cases() {
        let keys = Key::parse("ctrl-c").unwrap();
        let codes: Vec<KeyCode> = keys.iter().map(|key| key.code).collect();
        assert_eq!(codes, [Char('c'), Char('C')]);
    }

    #[test]
    fn names_are_written_back_as_they_are_read() {
        let keys = [
            key(Char('j'), Mods::Plain),
            key(Char('c'), Mods::Ctrl),
            key(Down, Mods::Shift),
            key(BackTab, Mods::Plain),
            key(Char(' '), Mods::Any),
            key(F(1), Mods::Any),
            key(Left, Mods::Alt),
            key(Backspace, Mods::Alt),
        ];
        for key in keys {
            for name in [key.config_name(), key.help_name(false)] {
                let read = Key::parse(&name).unwrap();
                assert!(
                    read.iter().any(|read| key.matches(&read.press())),
                    "{name} reads back as {read:?}, not {key:?}"
                );
            }
        }
        assert_eq!(key(Backspace, Mods::Ctrl).config_name(), "ctrl-backspace");
        assert_eq!(key(Char('C'), Mods::Ctrl).help_name(false), "Ctrl-C");
        assert_eq!(key(Backspace, Mods::Plain).help_name(true), "⌫");
        assert_eq!(key(BackTab, Mods::Plain).config_name(), "shift-tab");
    }
}
