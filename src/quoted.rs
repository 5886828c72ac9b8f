//! How a message quotes a value it did not write itself: a path, a command-line value, a name
//! from a config file or a dataset. One function, so that every message says such a value the
//! same safe way: as it is when it is plain and short; otherwise as coreutils' `ls` quotes a
//! file name, `$'…'` with what a terminal would act on or hide written as an escape (`\n`,
//! `\u{1b}`, `\u{202e}`), so no value can forge a line of its own; and never more than
//! [`QUOTED_CAP`] characters, then how many more there were.

use std::path::Path;

use crate::data::display::escapes_after;

/// The most characters of a value a message repeats.
pub const QUOTED_CAP: usize = 200;

/// `value` as a message may repeat it.
pub fn quoted(value: &str) -> String {
    let total = value.chars().count();
    let shown: String = value.chars().take(QUOTED_CAP).collect();
    let escapes: Vec<(char, bool)> = escapes_after(&shown, None)
        .map(|(_, c, escape)| (c, escape || c == '\n'))
        .collect();
    let mut out = if escapes.iter().any(|&(_, escape)| escape) {
        let mut out = String::from("$'");
        for (c, escape) in escapes {
            match (c, escape) {
                ('\n', _) => out.push_str("\\n"),
                ('\t', _) => out.push_str("\\t"),
                ('\r', _) => out.push_str("\\r"),
                (c, true) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
                ('\'', false) => out.push_str("\\'"),
                ('\\', false) => out.push_str("\\\\"),
                (c, false) => out.push(c),
            }
        }
        out.push('\'');
        out
    } else {
        shown
    };
    if total > QUOTED_CAP {
        out.push_str(&format!("… ({} more characters)", total - QUOTED_CAP));
    }
    out
}

/// `value` in a sentence: between `mark`s (`"p-abdildin"`, `` `theme` ``) when it is plain,
/// else as [`quoted`] writes it, which marks it already.
pub fn said(value: &str, mark: char) -> String {
    let quoted = quoted(value);
    if quoted == value {
        format!("{mark}{value}{mark}")
    } else {
        quoted
    }
}

/// A path as a message may repeat it (see [`quoted`]).
pub fn quoted_path(path: &Path) -> String {
    quoted(&path.to_string_lossy())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_value_is_as_it_is() {
        assert_eq!(quoted("/tmp/data.json"), "/tmp/data.json");
        assert_eq!(quoted("Bakü – 2006"), "Bakü – 2006");
    }

    #[test]
    fn a_value_that_could_forge_a_line_or_act_on_the_terminal_is_escaped() {
        assert_eq!(
            quoted("/tmp/x.json\noic-explorer: all records verified"),
            "$'/tmp/x.json\\noic-explorer: all records verified'"
        );
        assert_eq!(quoted("a\u{1b}]0;t\u{7}"), "$'a\\u{1b}]0;t\\u{7}'");
        assert_eq!(quoted("x\u{202e}y'z"), "$'x\\u{202e}y\\'z'");
    }

    #[test]
    fn a_long_value_is_cut_and_says_how_much_more() {
        let long = "a".repeat(100_000);
        let shown = quoted(&long);
        assert!(shown.starts_with(&"a".repeat(QUOTED_CAP)));
        assert!(shown.ends_with("… (99800 more characters)"), "{shown}");
    }

    proptest::proptest! {
        #[test]
        fn no_quoted_value_holds_a_line_break_or_a_control(value in "\\PC*|[\\u{0}-\\u{1f}\\u{7f}-\\u{9f}\\u{2028}\\u{2029}\\u{202a}-\\u{202e}]{0,40}|.{0,300}") {
            let shown = quoted(&value);
            proptest::prop_assert!(!shown.contains('\n'));
            proptest::prop_assert!(shown.chars().all(|c| !crate::data::display::needs_escape(c)));
            proptest::prop_assert!(shown.chars().count() <= QUOTED_CAP * 10 + 40);
        }
    }
}
