//! Text made safe to show: a dataset is untrusted, and its text goes straight onto the user's
//! terminal. What Unicode calls controls (Cc: C0, DEL, C1), format characters (Cf:
//! bidirectional controls, zero-width characters, tag characters, the soft hyphen, ...),
//! default-ignorable code points (invisible by definition: Hangul fillers, the combining
//! grapheme joiner, ...) and line and paragraph separators are shown as visible escapes
//! (`\u{1b}`), never sent as they are, and so is a variation selector that modifies nothing;
//! very long fields are cut for display. The properties come from ICU4X (`icu_properties`),
//! the Unicode Consortium's own tables. The loaded data itself is kept as it was, for export
//! (see [`super::Catalog::show_raw_text`]).

use std::borrow::Cow;

use icu_properties::{
    CodePointMapData, CodePointSetData,
    props::{
        DefaultIgnorableCodePoint, Emoji, EmojiModifier, ExtendedPictographic, GeneralCategory,
        GeneralCategoryGroup, GraphemeExtend, Ideographic, VariationSelector,
    },
};

use unicode_normalization::char::is_combining_mark;

use crate::plural::counted;

/// The most characters shown of a one-line field (a title, a name, a place): see
/// [`display_line`].
pub const LINE_CAP: usize = 1_000;
/// The most characters shown of running text (a summary, a note, a quote).
pub const TEXT_CAP: usize = 20_000;

/// Whether `c` must never reach the terminal as it is: controls (Cc) but the line feed, at
/// which running text wraps; format characters (Cf), default-ignorable code points, line and
/// paragraph separators (Zl, Zp). Kept: the zero-width joiner and non-joiner, which emoji
/// sequences and several scripts need and which reorder and hide nothing, and variation
/// selectors: [`display_text`] judges those and the joiner by what is around them.
pub fn needs_escape(c: char) -> bool {
    // Below U+0600 only the controls and the soft hyphen qualify (U+034F, the combining
    // grapheme joiner, too): the common scripts skip the tables.
    if c < '\u{0600}' {
        return (c.is_control() && c != '\n') || matches!(c, '\u{00AD}' | '\u{034F}');
    }
    if matches!(c, '\u{200C}' | '\u{200D}') || is_variation_selector(c) {
        return false;
    }
    let category = CodePointMapData::<GeneralCategory>::new().get(c);
    (GeneralCategoryGroup::Control
        .union(GeneralCategoryGroup::Format)
        .union(GeneralCategoryGroup::LineSeparator)
        .union(GeneralCategoryGroup::ParagraphSeparator))
    .contains(category)
        || CodePointSetData::new::<DefaultIgnorableCodePoint>().contains(c)
}

/// Whether `c` is a variation selector (Unicode's Variation_Selector property): invisible, it
/// picks a glyph for the character before it, and a run of them can carry hidden text.
pub fn is_variation_selector(c: char) -> bool {
    // The first selectors are the Mongolian ones at U+180B: everything before skips the table.
    c >= '\u{180B}' && CodePointSetData::new::<VariationSelector>().contains(c)
}

/// Whether the variation selector `selector` may stay after `before`: one selector, right
/// after a character it can modify: the emoji and text selectors (U+FE0E, U+FE0F) after an
/// emoji (`❤️`), the ideographic ones (U+E0100 on) after an ideograph (CJK variants of names),
/// the rest (Mongolian forms, mathematical and CJK compatibility variants) after a letter,
/// number or symbol. A selector after a selector, a mark, a space or nothing is escaped.
fn selector_may_stay(before: Option<char>, selector: char) -> bool {
    let Some(base) = before else {
        return false;
    };
    if is_variation_selector(base) || needs_escape(base) {
        return false;
    }
    match selector {
        '\u{FE0E}' | '\u{FE0F}' => CodePointSetData::new::<Emoji>().contains(base),
        '\u{E0100}'..='\u{E01EF}' => CodePointSetData::new::<Ideographic>().contains(base),
        _ => GeneralCategoryGroup::Letter
            .union(GeneralCategoryGroup::Number)
            .union(GeneralCategoryGroup::Symbol)
            .contains(CodePointMapData::<GeneralCategory>::new().get(base)),
    }
}

/// Each character of `text` with whether it is escaped for display.
fn with_escapes(text: &str) -> impl Iterator<Item = (char, bool)> + '_ {
    escapes_after(text, None).map(|(_, c, escape)| (c, escape))
}

/// Whether `c` is a pictograph (Extended_Pictographic): what emoji sequences join.
fn is_pictograph(c: char) -> bool {
    // The first is `©` (U+00A9): ASCII skips the table.
    c >= '\u{A9}' && CodePointSetData::new::<ExtendedPictographic>().contains(c)
}

/// Whether `c` extends the character before it into one grapheme (Grapheme_Cluster_Break
/// Extend: combining marks, variation selectors, emoji skin tones).
fn extends(c: char) -> bool {
    CodePointSetData::new::<GraphemeExtend>().contains(c)
        || CodePointSetData::new::<EmojiModifier>().contains(c)
}

/// Each character of `text`, with its byte offset and whether it is escaped for display, when
/// `text` follows `before` (a piece of a longer text; what follows it is not known, so a joiner
/// at its end is escaped).
pub fn escapes_after(
    text: &str,
    mut before: Option<char>,
) -> impl Iterator<Item = (usize, char, bool)> + '_ {
    let mut marks = 0;
    // Whether what came last is a pictograph with its extenders (`🏳️`, `👩🏽`): a zero-width
    // joiner stays only there, and only before another pictograph, inside an emoji sequence
    // (`👩‍💻`, `🏳️‍🌈`). Anywhere else a terminal may join the next character into the cell of
    // the one before (tmux does), which the screen's layout does not expect: the row shifts
    // and borders break.
    let mut in_pictograph = before.is_some_and(is_pictograph);
    text.char_indices().map(move |(at, c)| {
        // A pile of combining marks on one letter runs over the lines around it: past a few,
        // each is escaped.
        marks = if is_combining_mark(c) { marks + 1 } else { 0 };
        let joins = || {
            in_pictograph
                && text[at + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(is_pictograph)
        };
        let escape = needs_escape(c)
            || (is_variation_selector(c) && !selector_may_stay(before, c))
            || (c == ZERO_WIDTH_JOINER && !joins())
            || marks > MOST_MARKS;
        in_pictograph = is_pictograph(c) || (in_pictograph && extends(c));
        before = Some(c);
        (at, c, escape)
    })
}

/// U+200D, which joins emoji into one (`👩‍💻`).
const ZERO_WIDTH_JOINER: char = '\u{200D}';

/// The most combining marks in a row shown as they are: enough for any script's stacked
/// diacritics.
pub const MOST_MARKS: usize = 4;

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
    needs(text, cap, Breaks::Kept)
}

/// Whether `text`, a one-line field, cannot be shown as it is (see [`display_line`]).
pub fn needs_display_line(text: &str) -> bool {
    needs(text, LINE_CAP, Breaks::Spaces)
}

/// What a shown text makes of a line break.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Breaks {
    /// Running text: a line break.
    Kept,
    /// A one-line field: a space.
    Spaces,
    /// A field of a line-based format (a TSV cell): a visible escape.
    Escaped,
}

/// [`needs_display`], a line break needing a change unless `breaks` keeps it.
fn needs(text: &str, cap: usize, breaks: Breaks) -> bool {
    let one_line = breaks != Breaks::Kept;
    (text.len() > cap && text.chars().nth(cap).is_some())
        || (one_line && text.contains(breaks_line))
        || (may_need_escape(text) && with_escapes(text).any(|(_, escape)| escape))
}

/// Whether `c` ends a line, as Unicode's mandatory breaks do: a line feed, a carriage return
/// (`\r\n` is one break), a vertical tab, a form feed, U+0085, and the line and paragraph
/// separators. Running text shows each as a line break and a one-line field as a space (see
/// [`Breaks`]), so a file written on another system shows no escape at its line ends.
fn breaks_line(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// `text` with each line break (see [`breaks_line`]; `\r\n` is one) as a space, for a format
/// whose cells are one line; nothing else changed.
pub fn breaks_as_spaces(text: &str) -> Cow<'_, str> {
    if !text.contains(breaks_line) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.replace("\r\n", " ").replace(breaks_line, " "))
}

/// `text`, a one-line field (a title, a name, a place, what is typed in a prompt), as it may
/// be shown: as [`display_text`] shows running text, at most [`LINE_CAP`] characters, and a
/// line break as a space, as plain output writes it, rather than dropped where the line is
/// drawn (two words run together). `None` when it is already fine as it is.
pub fn display_line(text: &str) -> Option<String> {
    shown(text, LINE_CAP, Breaks::Spaces)
}

/// `text` as it may be shown: escapes for what `needs_escape` and for a variation selector
/// that modifies nothing, and at most `cap` characters
/// followed by a note of how many more there are. `None` when it is already fine as it is.
pub fn display_text(text: &str, cap: usize) -> Option<String> {
    shown(text, cap, Breaks::Kept)
}

/// `text` as one field of a line-based format may show it on a terminal (a TSV cell): as
/// [`display_text`] shows running text, but every line break a visible escape, as the
/// format's own breaks are, so no field ever starts a line.
pub fn display_field(text: &str, cap: usize) -> Option<String> {
    shown(text, cap, Breaks::Escaped)
}

/// [`display_text`], line breaks made what `breaks` says.
fn shown(text: &str, cap: usize, breaks: Breaks) -> Option<String> {
    if !needs(text, cap, breaks) {
        return None;
    }
    let mut shown = String::with_capacity(text.len().min(cap.saturating_mul(4)) + 16);
    let mut after_return = false;
    for (count, (at, c, escape)) in escapes_after(text, None).enumerate() {
        if count == cap {
            // Counted plainly: the rest is not shown, so not judged either.
            let rest = text[at..].chars().count();
            shown.push_str(&format!(
                " … [{} not shown]",
                counted(rest, "more character")
            ));
            return Some(shown);
        }
        if breaks_line(c) {
            match breaks {
                Breaks::Escaped => shown.extend(c.escape_unicode()),
                _ if c == '\n' && after_return => {}
                Breaks::Spaces => shown.push(' '),
                Breaks::Kept => shown.push('\n'),
            }
            after_return = c == '\r';
            continue;
        }
        after_return = false;
        if escape {
            shown.extend(c.escape_unicode());
        } else {
            shown.push(c);
        }
    }
    Some(shown)
}

/// `text` with what `needs_escape` (and a stray variation selector) escaped, for text shown
/// outside the catalog (the source document, a message).
pub fn escaped(text: &str) -> Cow<'_, str> {
    match display_text(text, usize::MAX) {
        Some(shown) => Cow::Owned(shown),
        None => Cow::Borrowed(text),
    }
}

/// `text` with every character a terminal would act on written as a visible escape, a line
/// break too: for a name (a path being typed), where a break is part of the name and showing
/// it as a break or a space would name another file.
pub fn escaped_name(text: &str) -> Cow<'_, str> {
    match display_field(text, usize::MAX) {
        Some(shown) => Cow::Owned(shown),
        None => Cow::Borrowed(text),
    }
}

/// `bytes` as one shell word. Plain text is quoted as POSIX shells read it (shlex); text with
/// a control or invisible character, or bytes that are not UTF-8 (a file name may be anything),
/// is written in `$'...'` quoting with escapes (bash, zsh, ksh, and POSIX shells since 2024),
/// so the clipboard carries nothing a terminal would act on when it is pasted.
pub fn shell_word(bytes: &[u8]) -> String {
    if let Ok(text) = std::str::from_utf8(bytes)
        && !escapes_after(text, None).any(|(_, c, escape)| escape || c.is_control())
        && let Ok(quoted) = shlex::try_quote(text)
    {
        return quoted.into_owned();
    }
    let mut word = String::from("$'");
    for chunk in bytes.utf8_chunks() {
        for (_, c, escape) in escapes_after(chunk.valid(), None) {
            match c {
                '\\' => word.push_str("\\\\"),
                '\'' => word.push_str("\\'"),
                c if c.is_ascii_control() => word.push_str(&format!("\\x{:02x}", c as u32)),
                c if c.is_control() || escape => {
                    word.push_str(&format!("\\U{:08x}", c as u32));
                }
                c => word.push(c),
            }
        }
        for byte in chunk.invalid() {
            word.push_str(&format!("\\x{byte:02x}"));
        }
    }
    word.push('\'');
    word
}

/// `path` as one shell word (see [`shell_word`]): how a message names a file, so a name with
/// spaces, quotes or controls reads as one path and shows nothing a terminal would act on.
pub fn shell_path(path: &std::path::Path) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        shell_word(path.as_os_str().as_bytes())
    }
    #[cfg(not(unix))]
    {
        shell_word(path.to_string_lossy().as_bytes())
    }
}

/// `text` as a message quotes a value from a file or the command line (see
/// [`crate::quoted::said`]: in double quotes when plain, one shell word otherwise, cut at 200
/// characters).
pub fn quoted(text: &str) -> String {
    crate::quoted::said(text, '"')
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_quoted_value_is_escaped_and_cut() {
        assert_eq!(quoted("5 mln"), "\"5 mln\"");
        assert_eq!(quoted("say \"hi\"\u{1b}"), "$'say \"hi\"\\x1b'");
        let huge = "x".repeat(900_000);
        assert_eq!(
            quoted(&huge),
            format!("{}… (899800 more characters)", "x".repeat(200))
        );
    }

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
    fn a_path_reads_as_one_shell_word() {
        use std::path::Path;
        assert_eq!(
            shell_path(Path::new("/tmp/funding.csv")),
            "/tmp/funding.csv"
        );
        assert_eq!(shell_path(Path::new("my file.csv")), "'my file.csv'");
        assert_eq!(shell_path(Path::new("a\x1b[2Jb")), "$'a\\x1b[2Jb'");
    }

    #[test]
    fn a_line_feed_is_a_space_in_a_line_and_kept_in_running_text() {
        assert_eq!(
            display_line("Kazakhstan\njoins").as_deref(),
            Some("Kazakhstan joins")
        );
        assert!(needs_display_line("a\nb"));
        assert_eq!(display_text("a\nb", TEXT_CAP), None);
        assert_eq!(display_line("plain"), None);
    }

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

    /// The cap holds whatever character stands at it, a line break too, in every mode.
    #[test]
    fn the_cap_holds_with_a_line_break_at_it() {
        for at in ["\n", "\r\n", "\u{2028}"] {
            let text = format!("{}{at}{}", "a".repeat(10), "b".repeat(1000));
            for shown in [
                display_text(&text, 10),
                display_field(&text, 10),
                shown(&text, 10, Breaks::Spaces),
            ] {
                let shown = shown.expect("cut");
                assert!(shown.len() < 100, "{at:?}: {shown}");
                assert!(shown.contains("not shown"), "{at:?}: {shown}");
            }
        }
    }

    #[test]
    fn a_name_shows_every_line_break_and_control_as_an_escape() {
        assert_eq!(
            escaped_name("a\nb\rc\u{1b}d\u{202e}e.json"),
            "a\\u{a}b\\u{d}c\\u{1b}d\\u{202e}e.json"
        );
        assert!(matches!(escaped_name("plain/path.json"), Cow::Borrowed(_)));
    }

    /// A line break written the way another system writes it (`\r\n`, a lone `\r`, the
    /// Unicode separators) is a line break in running text and a space in a one-line field:
    /// never an escape, never two breaks for `\r\n`, never a raw carriage return.
    #[test]
    fn every_kind_of_line_break_is_one_line_break() {
        let text = "a\r\nb\rc\u{2028}d\u{2029}e\u{85}f\u{b}g\u{c}h\n\ni";
        assert_eq!(
            display_text(text, 100).as_deref(),
            Some("a\nb\nc\nd\ne\nf\ng\nh\n\ni")
        );
        assert_eq!(display_line(text).as_deref(), Some("a b c d e f g h  i"));
        // A return at the very end, and one before an escape, stay breaks.
        assert_eq!(display_line("x\r").as_deref(), Some("x "));
        assert_eq!(display_text("x\r\u{7}", 10).as_deref(), Some("x\n\\u{7}"));
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
            display_text("tab\there\0\u{9b}", 100).as_deref(),
            Some("tab\\u{9}here\\u{0}\\u{9b}")
        );
        // Emoji sequences keep their joiners.
        assert_eq!(display_text("👩\u{200D}💻", 100), None);
    }

    #[test]
    fn every_format_character_is_escaped_by_its_category() {
        for c in [
            '\u{00AD}',  // soft hyphen
            '\u{0600}',  // Arabic number sign
            '\u{200B}',  // zero-width space
            '\u{2066}',  // left-to-right isolate
            '\u{E0001}', // language tag
            '\u{E0041}', // tag latin capital letter A: hidden text
            '\u{E007F}', // cancel tag
            '\u{13430}', // Egyptian hieroglyph vertical joiner
            '\u{1D173}', // musical symbol begin beam
            '\u{2028}',  // line separator
            '\u{0085}',  // next line (C1)
            '\u{115F}',  // Hangul choseong filler (default-ignorable, a letter)
            '\u{3164}',  // Hangul filler
            '\u{FFA0}',  // halfwidth Hangul filler
            '\u{034F}',  // combining grapheme joiner
            '\u{17B4}',  // Khmer vowel inherent
        ] {
            assert!(needs_escape(c), "{:?}", c.escape_unicode().to_string());
            assert!(display_text(&format!("a{c}b"), 100).is_some());
        }
        for c in [
            '\u{200D}', '\u{200C}', 'a', 'é', 'Ж', 'ع', '中', '\n', '\u{0301}',
        ] {
            assert!(!needs_escape(c), "{:?}", c.escape_unicode().to_string());
        }
    }

    /// A zero-width joiner stays only inside an emoji sequence: between letters, after a
    /// pictograph with no pictograph after it, or at the end, a terminal could join the next
    /// character into the cell before, so it is escaped.
    #[test]
    fn a_joiner_stays_only_between_two_pictographs() {
        assert_eq!(display_text("👩\u{200D}💻", 100), None);
        assert_eq!(display_text("👨\u{200D}👩\u{200D}👧", 100), None);
        // Past an emoji's presentation selector or skin tone too.
        assert_eq!(display_text("🏳\u{FE0F}\u{200D}🌈", 100), None);
        assert_eq!(display_text("👩\u{1F3FD}\u{200D}💻", 100), None);
        for (text, shown) in [
            ("zero\u{200D}width", "zero\\u{200d}width"),
            ("👩\u{200D}x", "👩\\u{200d}x"),
            ("x\u{200D}💻", "x\\u{200d}💻"),
            ("👩\u{200D}", "👩\\u{200d}"),
            ("\u{200D}💻", "\\u{200d}💻"),
        ] {
            assert_eq!(display_text(text, 100).as_deref(), Some(shown), "{text:?}");
            assert!(needs_display_line(text), "{text:?}");
        }
    }

    #[test]
    fn a_variation_selector_stays_only_right_after_what_it_modifies() {
        // Kept: an emoji's presentation, a keycap, a CJK variant, a Mongolian form.
        for kept in [
            "❤\u{FE0F}",
            "1\u{FE0F}\u{20E3}",
            "☺\u{FE0E}",
            "葛\u{E0100}",
            "ᠠ\u{180B}",
        ] {
            assert_eq!(display_text(kept, 100), None, "{kept:?}");
        }
        // Escaped: selectors after an emoji that take no part in it (hidden data), an emoji
        // selector after a plain letter, one after a space, one after another.
        assert_eq!(
            display_text("😀\u{E0101}\u{E0102}", 100).as_deref(),
            Some("😀\\u{e0101}\\u{e0102}")
        );
        assert_eq!(
            display_text("a\u{FE0F} \u{FE00}\u{FE0F}", 100).as_deref(),
            Some("a\\u{fe0f} \\u{fe00}\\u{fe0f}")
        );
        // An ideographic selector only after an ideograph.
        assert_eq!(
            display_text("a\u{E0100}", 100).as_deref(),
            Some("a\\u{e0100}")
        );
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
