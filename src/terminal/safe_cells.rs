//! The last gate before the terminal: every cell of every frame is checked here as it becomes
//! bytes, so no text from anywhere (the dataset, a query typed or pasted or given with
//! `--query`, a path, a key name from a config file) can reach the terminal as a control, a
//! bidirectional override, an invisible or tag character, a line separator or a pile of
//! combining marks, whatever path drew it. The texts themselves show such characters as
//! visible escapes before they are drawn (`data::display`); what still arrives here is
//! dropped, and a cell left with nothing shows `�`.

use std::borrow::Cow;

use ratatui::buffer::Cell;

#[cfg(test)]
use crate::data::display::MOST_MARKS;
use crate::data::display::escapes_after;
#[cfg(test)]
use crate::data::display::needs_escape;

/// `cell` as it may be written to a terminal.
pub fn safe_cell(cell: &Cell) -> Cow<'_, Cell> {
    let symbol = cell.symbol();
    if symbol.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return Cow::Borrowed(cell);
    }
    let safe = safe_symbol(symbol);
    if safe == symbol {
        return Cow::Borrowed(cell);
    }
    let mut owned = cell.clone();
    owned.set_symbol(&safe);
    Cow::Owned(owned)
}

/// `symbol` without what must not reach a terminal; `�` when nothing is left of a symbol that
/// had something.
fn safe_symbol(symbol: &str) -> String {
    let kept: String = escapes_after(symbol, None)
        .filter(|&(_, c, escape)| !escape && c != '\n')
        .map(|(_, c, _)| c)
        .collect();
    if kept.is_empty() && !symbol.is_empty() {
        "\u{FFFD}".to_string()
    } else {
        kept
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(symbol: &str) -> String {
        let mut cell = Cell::default();
        cell.set_symbol(symbol);
        safe_cell(&cell).symbol().to_string()
    }

    #[test]
    fn what_a_terminal_would_act_on_or_hide_never_passes() {
        assert_eq!(shown("a"), "a");
        assert_eq!(shown("é"), "é");
        assert_eq!(shown("❤\u{FE0F}"), "❤\u{FE0F}");
        assert_eq!(shown("a\u{202E}"), "a");
        assert_eq!(shown("\u{1b}"), "\u{FFFD}");
        assert_eq!(shown("x\u{2028}"), "x");
        assert_eq!(shown("\u{E0041}"), "\u{FFFD}");
        assert_eq!(shown("a\u{061C}"), "a");
        assert_eq!(shown("b\u{FE0F}\u{FE0F}"), "b");
        let piled = format!("a{}", "\u{301}".repeat(200));
        assert_eq!(shown(&piled).chars().count(), 1 + MOST_MARKS);
    }

    proptest::proptest! {
        #[test]
        fn no_cell_ever_carries_a_character_to_escape(symbol in "\\PC{0,3}|[\\u{0}-\\u{1f}\\u{7f}-\\u{9f}\\u{200b}-\\u{206f}\\u{e0000}-\\u{e007f}]{1,3}|.{1,6}") {
            let mut cell = Cell::default();
            cell.set_symbol(&symbol);
            let safe = safe_cell(&cell);
            proptest::prop_assert!(safe.symbol().chars().all(|c| !needs_escape(c) && c != '\n'));
        }
    }
}
