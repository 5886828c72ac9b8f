//! Citing in the reader's style: `y` copies in the style set (`cite_style`), `C` opens the
//! chooser whose keys copy in one style for this copy, and the status bar says which style
//! was sent; on the Source tab the paragraph is cited whole.

use crate::common::{app, draw, press};
use oic_explorer::{CiteStyle, Mode};
use ratatui::crossterm::event::KeyCode;

#[test]
fn y_copies_in_the_style_set_and_says_which() {
    let mut app = app(80, 24).with_cite_style(CiteStyle::Apa);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('y'));
    let copied = app.take_clipboard().expect("copied");
    assert!(
        copied.contains("([Republic of Kazakhstan], ca. 2006, para. 3)"),
        "{copied}"
    );
    assert_eq!(
        app.message(),
        Some(
            "Sent as APA to the terminal's clipboard: the citation of “24th Islamic Conference of Foreign Ministers”"
        )
    );
}

#[test]
fn the_chooser_copies_one_style_for_this_copy_and_closes() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('C'));
    assert_eq!(app.mode(), Mode::Cite);
    press(&mut app, KeyCode::Char('3'));
    assert_eq!(app.mode(), Mode::Browse);
    let copied = app.take_clipboard().expect("copied");
    assert!(
        copied.starts_with("@misc{oic-ev-1995-membership,"),
        "{copied}"
    );
    assert!(
        app.message()
            .unwrap_or_default()
            .starts_with("Sent as BibTeX ")
    );
    // The style set is unchanged: y copies plain text still.
    press(&mut app, KeyCode::Char('y'));
    let copied = app.take_clipboard().expect("copied");
    assert!(
        copied.starts_with("Kazakhstan joins the OIC (1995). Source, paragraph 1"),
        "{copied}"
    );
    // Enter copies in the style set; Esc closes without copying; q quits.
    let mut app = app.with_cite_style(CiteStyle::CslJson);
    press(&mut app, KeyCode::Char('C'));
    press(&mut app, KeyCode::Enter);
    let copied = app.take_clipboard().expect("copied");
    assert!(copied.starts_with('['), "{copied}");
    press(&mut app, KeyCode::Char('C'));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Browse);
    assert_eq!(app.take_clipboard(), None);
    press(&mut app, KeyCode::Char('C'));
    press(&mut app, KeyCode::Char('q'));
    assert!(!app.is_running());
}

#[test]
fn a_paragraph_of_the_source_is_cited_whole_with_its_number() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('5'));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('C'));
    press(&mut app, KeyCode::Char('6'));
    let copied = app.take_clipboard().expect("copied");
    assert!(
        copied.starts_with("“Since entering the OIC, Kazakhstan has gradually"),
        "{copied}"
    );
    assert!(copied.contains("[2006?], para. 2)"), "{copied}");
    assert_eq!(
        app.message(),
        Some(
            "Sent as Chicago author-date to the terminal's clipboard: paragraph 2 with its citation"
        )
    );
}

#[test]
fn the_chooser_at_80x24_and_120x40() {
    for (width, height) in [(80, 24), (120, 40)] {
        let mut app = app(width, height).with_cite_style(CiteStyle::Apa);
        press(&mut app, KeyCode::Char('C'));
        insta::assert_snapshot!(
            format!("cite_styles_{width}x{height}"),
            draw(&app).backend()
        );
    }
}
