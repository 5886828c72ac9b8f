//! Text made safe to show: a dataset is untrusted, and its text goes straight onto the user's
//! terminal. Control characters (C0, DEL, C1), bidirectional overrides and isolates, and
//! invisible format characters are shown as visible escapes (`\u{1b}`), never sent as they
//! are; very long fields are cut for display. The loaded data itself is kept as it was, for
//! export (see [`super::Catalog::show_raw_text`]).

use std::borrow::Cow;

/// The most characters shown of a one-line field (a title, a name, a place).
pub const LINE_CAP: usize = 1_000;
/// The most characters shown of running text (a summary, a note, a quote).
pub const TEXT_CAP: usize = 20_000;

/// Whether `c` must not reach the terminal as it is. Line feeds stay (running text wraps at
/// them); zero-width joiners and non-joiners stay too, as emoji sequences and several scripts
/// need them and they reorder nothing.
pub fn needs_escape(c: char) -> bool {
    match c {
        '\n' => false,
        c if c.is_control() => true, // C0, DEL and C1
        '\u{061C}'                   // Arabic letter mark
        | '\u{180E}'                 // Mongolian vowel separator
        | '\u{200B}'                 // zero-width space
        | '\u{200E}'..='\u{200F}'    // left-to-right and right-to-left marks
        | '\u{2028}'..='\u{2029}'    // line and paragraph separators
        | '\u{202A}'..='\u{202E}'    // bidirectional embeddings and overrides
        | '\u{2060}'..='\u{2064}'    // word joiner, invisible operators
        | '\u{2066}'..='\u{206F}'    // bidirectional isolates, deprecated format characters
        | '\u{FEFF}'                 // zero-width no-break space (byte order mark)
        | '\u{FFF9}'..='\u{FFFB}' => true, // interlinear annotation
        _ => false,
    }
}

/// Whether any byte of `text` could start a character that needs escaping: a cheap test
/// that passes all of plain ASCII prose at once.
fn may_need_escape(text: &str) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Eight bytes at a time: a byte below 0x20, a byte 0x7F, or any byte with its high bit set
    // (beyond ASCII) makes the word suspect. Loading a dataset checks every byte of its text.
    let suspect = |word: u64| {
        let below_space = word.wrapping_sub(ONES * 0x20) & !word;
        let delete = word ^ (ONES * 0x7F);
        let is_delete = delete.wrapping_sub(ONES) & !delete;
        (below_space | is_delete | word) & HIGH != 0
    };
    let bytes = text.as_bytes();
    let mut words = bytes.chunks_exact(8);
    let found = words.by_ref().any(|chunk| {
        chunk
            .try_into()
            .is_ok_and(|b| suspect(u64::from_le_bytes(b)))
    });
    found
        || words
            .remainder()
            .iter()
            .any(|&b| !(0x20..0x7F).contains(&b))
}

/// Whether `text` cannot be shown as it is: it holds something to escape or is longer than
/// `cap` characters. Fast for the usual case, plain text of ordinary length.
pub fn needs_display(text: &str, cap: usize) -> bool {
    (text.len() > cap && text.chars().nth(cap).is_some())
        || (may_need_escape(text) && text.chars().any(needs_escape))
}

/// `text` as it may be shown: escapes for what [`needs_escape`], and at most `cap` characters
/// followed by a note of how many more there are. `None` when it is already fine as it is.
pub fn display_text(text: &str, cap: usize) -> Option<String> {
    if !needs_display(text, cap) {
        return None;
    }
    let mut shown = String::with_capacity(text.len().min(cap.saturating_mul(4)) + 16);
    let mut chars = text.chars();
    for (count, c) in chars.by_ref().enumerate() {
        if count == cap {
            let rest = 1 + chars.count();
            shown.push_str(&format!(" … [{rest} more characters not shown]"));
            return Some(shown);
        }
        if needs_escape(c) {
            shown.extend(c.escape_unicode());
        } else {
            shown.push(c);
        }
    }
    Some(shown)
}

/// `text` with what [`needs_escape`] escaped, for text shown outside the catalog (the source
/// document, a message).
pub fn escaped(text: &str) -> Cow<'_, str> {
    match display_text(text, usize::MAX) {
        Some(shown) => Cow::Owned(shown),
        None => Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_word_at_a_time_test_misses_nothing() {
        for byte in 0u8..=0x7F {
            for at in 0..17 {
                let mut text = vec![b'a'; 17];
                text[at] = byte;
                let text = String::from_utf8(text).expect("ASCII");
                let expected = !(0x20..0x7F).contains(&byte);
                assert_eq!(may_need_escape(&text), expected, "{byte:#x} at {at}");
            }
        }
        assert!(may_need_escape("ascii then é"));
    }

    use super::*;

    #[test]
    fn plain_text_is_left_alone() {
        for text in [
            "Kazakhstan joins the OIC",
            "Алматы — “Астана”",
            "",
            "line\nbreak",
        ] {
            assert_eq!(display_text(text, 100), None, "{text:?}");
        }
    }

    #[test]
    fn controls_and_invisible_characters_become_visible_escapes() {
        assert_eq!(
            display_text("a\u{1b}[31mred\u{7}", 100).as_deref(),
            Some("a\\u{1b}[31mred\\u{7}")
        );
        assert_eq!(
            display_text("\u{202E}cba\u{2066}x\u{200B}", 100).as_deref(),
            Some("\\u{202e}cba\\u{2066}x\\u{200b}")
        );
        assert_eq!(
            display_text("tab\there\r\0\u{9b}", 100).as_deref(),
            Some("tab\\u{9}here\\u{d}\\u{0}\\u{9b}")
        );
        // Emoji sequences keep their joiners.
        assert_eq!(display_text("👩\u{200D}💻", 100), None);
    }

    #[test]
    fn long_text_is_cut_with_a_note() {
        let long = "x".repeat(100_000);
        let shown = display_text(&long, 1_000).expect("cut");
        assert!(shown.starts_with(&"x".repeat(1_000)));
        assert!(
            shown.ends_with(" … [99000 more characters not shown]"),
            "{}",
            &shown[990..]
        );
    }
}
