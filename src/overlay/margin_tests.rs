//! Every box drawn over the tabs clears a one-cell margin round its border, at every size: no
//! letter of the pane underneath may sit against it (`│K│`).

use std::sync::{Arc, LazyLock};

use proptest::prelude::*;
use ratatui::{
    buffer::Buffer,
    layout::{Rect, Size},
    widgets::Widget,
};

use super::{HelpOverlay, SearchOverlay, SearchPrompt, SourceOverlay, text_page::PageKeys};
use crate::{
    action::Bindings,
    chrome::{
        layout::{SearchBox, TextBox},
        theme::Theme,
    },
    data::{Catalog, RecordRef, load_embedded},
};

static CATALOG: LazyLock<Arc<Catalog>> =
    LazyLock::new(|| Arc::new(load_embedded().expect("the embedded dataset loads")));

/// What the pane underneath is drawn with, so a cell of it is told from the box's own.
const UNDER: &str = "X";

/// Whether any cell of `margin` outside `frame` still shows the pane underneath.
fn pane_shows_in_margin(buf: &Buffer, margin: Rect, frame: Rect) -> Option<(u16, u16)> {
    margin
        .positions()
        .filter(|&position| !frame.contains(position))
        .find(|&position| {
            buf.cell(position)
                .is_some_and(|cell| cell.symbol() == UNDER)
        })
        .map(|position| (position.x, position.y))
}

/// `overlay` drawn at `size` over a screen full of [`UNDER`].
fn drawn(size: Size, overlay: impl Widget) -> Buffer {
    let area = Rect::new(0, 0, size.width, size.height);
    let mut buf = Buffer::empty(area);
    for position in area.positions() {
        if let Some(cell) = buf.cell_mut(position) {
            cell.set_symbol(UNDER);
        }
    }
    overlay.render(area, &mut buf);
    buf
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn every_box_clears_its_margin(width in 0u16..240, height in 0u16..90) {
        let size = Size::new(width, height);
        let (theme, bindings) = (Theme::default(), Bindings::built_in());
        let help = HelpOverlay::new(size, theme, Arc::clone(&bindings));
        let text_box = TextBox::help(size);
        let buf = drawn(size, &help);
        prop_assert_eq!(pane_shows_in_margin(&buf, text_box.margin, text_box.frame), None);

        let search = SearchOverlay::new(
            Arc::clone(&CATALOG),
            SearchPrompt::after(0),
            theme,
            &bindings,
        );
        let search_box = SearchBox::new(size);
        let buf = drawn(size, &search);
        prop_assert_eq!(pane_shows_in_margin(&buf, search_box.margin, search_box.frame), None);

        let source = SourceOverlay::new(
            Arc::clone(&CATALOG),
            RecordRef::new(0, 0),
            size,
            theme,
            PageKeys::default(),
        );
        let text_box = TextBox::source(size);
        let buf = drawn(size, &source);
        prop_assert_eq!(pane_shows_in_margin(&buf, text_box.margin, text_box.frame), None);
    }
}

#[test]
fn the_margin_is_one_cell_round_the_box_where_the_screen_has_room() {
    let size = Size::new(80, 24);
    let text_box = TextBox::help(size);
    assert_eq!(text_box.margin.x + 1, text_box.frame.x);
    assert_eq!(text_box.margin.width, text_box.frame.width + 2);
}
