//! The default config file, as `oic-explorer config --default` prints it and the README
//! shows it: every setting and every action's keys, at their built-in values, commented out,
//! so the file changes nothing until a line is uncommented. Written from the binding table,
//! so it names every action and key there is.

use std::fmt::Write;

use crate::action::Bindings;

/// The column the comment after a binding starts at, where the binding is shorter.
const COMMENT_AT: usize = 40;

/// The text before the key bindings: what the file is, and the settings.
const SETTINGS: &str = r#"# oic-explorer's settings. It reads them from $XDG_CONFIG_HOME/oic-explorer/config.toml
# (~/.config/oic-explorer/config.toml when XDG_CONFIG_HOME is unset), or from the file
# --config names; --no-config reads none. Every setting below is commented out and shows
# the built-in default: remove the # to change one. The command line overrides this file.

# The palette: default (reads on dark and light backgrounds), dark, light, or mono.
#theme = "default"

# The style y copies a citation in: plain (one line), markdown, bibtex, csl-json, apa, or
# chicago (author-date); C picks another for one copy.
#cite_style = "plain"

# When to use colour: auto (on a terminal, unless NO_COLOR is set), always, or never.
#color = "auto"

# Whether the explorer has the mouse (clicks, the wheel); false leaves it to the terminal,
# whose own selection then works (as --no-mouse does).
#mouse = true

# The tab to open on: timeline, funding, initiatives, participants, or source (unless
# --tab, --select or --paragraph says where to open).
#tab = "timeline"

# A dataset to open instead of the embedded one, and the source text its quotes are checked
# against, as --data and --source take them; a relative path is read from this file's
# folder. Either of them on the command line sets both of these aside.
# data = "dataset.json"
# source = "source.txt"
"#;

/// The text before the key bindings' table.
const KEYS: &str = "
# Key bindings, by action: a key or a list of keys, which replace all the action's keys.
# A key is a character (j, J, /), a named key (down, up, left, right, pgdn, pgup, home, end,
# enter, esc, tab, backspace, space, f1 … f12), or one of these after ctrl-, alt- or shift-
# (ctrl-d, alt-left, shift-tab). A key that types a character stays text in the search and
# filter prompts; a key that would do two things in one place is an error. In the explorer,
# ? shows the keys in force.
[keys]
";

/// Writes `text` as a TOML string.
fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The default config file.
pub fn default_file() -> String {
    let mut out = String::from(SETTINGS);
    out.push_str(KEYS);
    let mut names = Bindings::built_in().names();
    // By section, as the help lists them.
    names.sort_by_key(|named| named.section);
    let mut section = None;
    for named in names {
        if section != Some(named.section) {
            section = Some(named.section);
            let _ = writeln!(out, "\n# {}", named.section.title());
        }
        let line = format!("#{} = {}", named.command.name(), value(&named.keys));
        let _ = writeln!(out, "{line:<COMMENT_AT$}  # {}", named.command.about());
    }
    out
}

/// An action's keys as the file writes them: one key, or a list.
fn value(keys: &[String]) -> String {
    match keys {
        [one] => quoted(one),
        many => {
            let keys: Vec<String> = many.iter().map(|key| quoted(key)).collect();
            format!("[{}]", keys.join(", "))
        }
    }
}
