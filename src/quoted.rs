//! How a message says a value it did not write itself: a path, a command-line value, a name
//! from a config file or a dataset. One way for every message: as one shell word, as the
//! clipboard's command lines write it (`data::display::shell_word`: a name with a space in
//! quotes, `$'…'` with what a terminal would act on or a line feed written as an escape), so no
//! value can forge a line of its own or act on the terminal; and never more than
//! [`QUOTED_CAP`] characters, then how many more there were.

use std::path::Path;

use crate::data::display::{escapes_after, shell_path, shell_word};

/// The most characters of a value a message repeats.
pub const QUOTED_CAP: usize = 200;

/// `value` as a message may repeat it.
pub fn quoted(value: &str) -> String {
    let total = value.chars().count();
    let shown: String = value.chars().take(QUOTED_CAP).collect();
    capped(shell_word(shown.as_bytes()), total)
}

/// `value` in a sentence: between `mark`s (`"p-abdildin"`, `` `theme` ``) when it is plain,
/// else as [`quoted`] writes it, which marks it already.
pub fn said(value: &str, mark: char) -> String {
    let plain = value.chars().count() <= QUOTED_CAP
        && !value.contains(mark)
        && !escapes_after(value, None).any(|(_, c, escape)| escape || c.is_control());
    if plain {
        format!("{mark}{value}{mark}")
    } else {
        quoted(value)
    }
}

/// A path as a message may repeat it: one shell word (bytes that are not UTF-8 as escapes).
pub fn quoted_path(path: &Path) -> String {
    let total = path.to_string_lossy().chars().count();
    if total <= QUOTED_CAP {
        return shell_path(path);
    }
    let shown: String = path.to_string_lossy().chars().take(QUOTED_CAP).collect();
    capped(shell_word(shown.as_bytes()), total)
}

/// A path being typed, as a prompt shows it: not quoted (it is being edited, and quotes would
/// be taken for part of it), but with what a terminal would act on written as a visible
/// escape, as the dataset's text is.
pub fn shown_path(typed: &str) -> std::borrow::Cow<'_, str> {
    crate::data::display::escaped_name(typed)
}

/// `quoted` with a note of how many characters of `total` were left out.
fn capped(mut quoted: String, total: usize) -> String {
    if total > QUOTED_CAP {
        quoted.push_str(&format!(
            "… ({})",
            crate::plural::counted(total - QUOTED_CAP, "more character")
        ));
    }
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_value_is_as_it_is() {
        assert_eq!(quoted("/tmp/data.json"), "/tmp/data.json");
        assert_eq!(quoted("my file.csv"), "'my file.csv'");
        assert_eq!(said("p-abdildin", '"'), "\"p-abdildin\"");
    }

    #[test]
    fn a_value_that_could_forge_a_line_or_act_on_the_terminal_is_escaped() {
        assert_eq!(
            quoted("/tmp/x.json\noic-explorer: all records verified"),
            "$'/tmp/x.json\\x0aoic-explorer: all records verified'"
        );
        assert_eq!(quoted("a\u{1b}]0;t\u{7}"), "$'a\\x1b]0;t\\x07'");
        assert_eq!(quoted("x\u{202e}y'z"), "$'x\\U0000202ey\\'z'");
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
        }
    }
}
