//! The app driven by key and mouse events, checked by its state afterwards.

use crate::common::{self, act, app, press, press_with, selected_title, type_text};
use oic_explorer::{Action, Mode, QUERY_CAP, RecordRef, Tab};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

#[test]
fn starts_on_the_timeline_at_the_first_event() {
    let app = app(80, 24);
    assert_eq!(app.tab(), Tab::Timeline);
    assert_eq!(app.mode(), Mode::Browse);
    assert_eq!(selected_title(&app), "Kazakhstan joins the OIC");
    assert!(app.is_running());
}

#[test]
fn number_keys_tab_and_brackets_switch_tabs() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('3'));
    assert_eq!(app.tab(), Tab::Initiatives);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.tab(), Tab::Participants);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.tab(), Tab::Source);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.tab(), Tab::Map);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.tab(), Tab::Timeline, "Tab wraps around");
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.tab(), Tab::Map);
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.tab(), Tab::Source);
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.tab(), Tab::Participants);
    press(&mut app, KeyCode::Char('['));
    assert_eq!(app.tab(), Tab::Initiatives);
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(app.tab(), Tab::Participants);
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(app.tab(), Tab::Funding);
}

#[test]
fn each_tab_keeps_its_own_selection() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('4'));
    press(&mut app, KeyCode::Char('G'));
    press(&mut app, KeyCode::Char('1'));
    assert_eq!(app.view(Tab::Timeline).list.selected, 1);
    assert_eq!(app.view(Tab::Participants).list.selected, 17);
}

#[test]
fn movement_is_clamped_at_both_ends() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('k'));
    press(&mut app, KeyCode::Up);
    assert_eq!(app.view(Tab::Timeline).list.selected, 0);
    for _ in 0..30 {
        press(&mut app, KeyCode::Char('j'));
    }
    assert_eq!(app.view(Tab::Timeline).list.selected, 11);
    assert_eq!(
        selected_title(&app),
        "Annual Coordination Meetings of Foreign Ministers"
    );
    press(&mut app, KeyCode::Down);
    assert_eq!(app.view(Tab::Timeline).list.selected, 11);
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(app.view(Tab::Timeline).list.selected, 0);
    press(&mut app, KeyCode::End);
    assert_eq!(app.view(Tab::Timeline).list.selected, 11);
    press(&mut app, KeyCode::Home);
    assert_eq!(app.view(Tab::Timeline).list.selected, 0);
}

#[test]
fn paging_moves_by_the_rows_on_screen() {
    let mut app = app(80, 24);
    let page = app.panes().unwrap().list_rows().height as usize;
    assert_eq!(page, 7, "the timeline strip takes two lines");
    press(&mut app, KeyCode::PageDown);
    assert_eq!(app.view(Tab::Timeline).list.selected, page);
    press_with(&mut app, KeyCode::Char('d'), KeyModifiers::CONTROL);
    assert_eq!(
        app.view(Tab::Timeline).list.selected,
        11,
        "clamped at the end"
    );
    press_with(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(app.view(Tab::Timeline).list.selected, 11 - page);
    press(&mut app, KeyCode::PageUp);
    assert_eq!(app.view(Tab::Timeline).list.selected, 0);
}

#[test]
fn the_selection_stays_on_screen() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('G'));
    let list = app.view(Tab::Timeline).list;
    assert!(
        list.offset <= list.selected && list.selected < list.offset + 8,
        "{list:?}"
    );
    act(
        &mut app,
        Action::Resize {
            width: 80,
            height: 16,
        },
    );
    let page = app.panes().unwrap().list_rows().height as usize;
    let list = app.view(Tab::Timeline).list;
    assert!(
        list.offset <= list.selected && list.selected < list.offset + page,
        "{list:?}"
    );
}

#[test]
fn the_timeline_is_in_date_order_with_the_undated_last() {
    let app = app(80, 24);
    let view = app.view(Tab::Timeline);
    let dataset = app.catalog().to_dataset();
    let events = &dataset.events;
    let dates: Vec<_> = (0..view.rows.len())
        .map(|row| match view.rows.get(row) {
            Some(RecordRef::Event(i)) => events[i as usize].date,
            other => panic!("not an event: {other:?}"),
        })
        .collect();
    let dated: Vec<_> = dates.iter().flatten().collect();
    assert!(dated.windows(2).all(|pair| pair[0] <= pair[1]), "{dates:?}");
    assert_eq!(dates.last(), Some(&None));
}

#[test]
fn the_funding_tab_lists_the_programme_then_its_projects() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(selected_title(&app), "IDB Program for Kazakhstan");
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(selected_title(&app), "Syzganov Institute");
    assert_eq!(app.view(Tab::Funding).rows.len(), 5);
}

#[test]
fn the_detail_pane_scrolls_within_its_text_and_resets_on_move() {
    let mut app = app(80, 24);
    for _ in 0..100 {
        press(&mut app, KeyCode::Char('J'));
    }
    let scrolled = app.view(Tab::Timeline).detail_scroll;
    assert!(
        scrolled > 0,
        "the first event's details are longer than the pane"
    );
    press(&mut app, KeyCode::Char('K'));
    assert_eq!(
        app.view(Tab::Timeline).detail_scroll,
        scrolled - 1,
        "clamped, so one K moves"
    );
    press_with(&mut app, KeyCode::Down, KeyModifiers::SHIFT);
    assert_eq!(app.view(Tab::Timeline).detail_scroll, scrolled);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.view(Tab::Timeline).detail_scroll, 0);
}

#[test]
fn search_opens_types_and_jumps_to_the_result_in_its_tab() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('/'));
    assert_eq!(app.mode(), Mode::Search);
    type_text(&mut app, "syzganov");
    assert_eq!(app.prompt().text(), "syzganov");
    assert_eq!(app.prompt().results().len(), 1);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Browse);
    assert_eq!(app.tab(), Tab::Funding);
    assert_eq!(selected_title(&app), "Syzganov Institute");
}

#[test]
fn letters_in_the_prompt_are_text_not_commands() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "q4jk?");
    assert!(app.is_running());
    assert_eq!(app.mode(), Mode::Search);
    assert_eq!(app.tab(), Tab::Timeline);
    assert_eq!(app.prompt().text(), "q4jk?");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.prompt().text(), "q4jk");
    press_with(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(app.prompt().text(), "");
    type_text(&mut app, "foreign ministers");
    press_with(&mut app, KeyCode::Char('w'), KeyModifiers::CONTROL);
    assert_eq!(app.prompt().text(), "foreign ");
}

#[test]
fn escape_cancels_a_search_where_it_was() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "syzganov");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Browse);
    assert_eq!(app.tab(), Tab::Timeline);
    assert_eq!(app.view(Tab::Timeline).list.selected, 1);
    assert!(app.last_search().is_none());
    press(&mut app, KeyCode::Esc);
    assert!(app.is_running(), "Esc never quits");
}

#[test]
fn enter_with_no_results_keeps_the_prompt_open() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "xqzxqz");
    assert!(app.prompt().results().is_empty());
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Search);
}

#[test]
fn arrows_choose_a_result_and_n_steps_through_them_afterwards() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "summit");
    let results = app.prompt().results().clone();
    assert!(results.len() >= 4, "{results:?}");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Up);
    assert_eq!(app.prompt().selected(), 1);
    press(&mut app, KeyCode::Enter);
    let second = results.get(1).unwrap().record;
    assert_eq!(app.view(app.tab()).selected(), Some(second));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.last_search().unwrap().position(), 2);
    assert_eq!(
        app.view(app.tab()).selected(),
        Some(results.get(2).unwrap().record)
    );
    press(&mut app, KeyCode::Char('N'));
    press(&mut app, KeyCode::Char('N'));
    assert_eq!(app.last_search().unwrap().position(), 0);
    press(&mut app, KeyCode::Char('N'));
    let total = app.last_search().unwrap().len();
    // "summit" is in the source too, in ¶3 and ¶12: the last result is a paragraph.
    assert_eq!(total, results.len() + 2, "records and paragraphs");
    assert_eq!(app.last_search().unwrap().position(), total - 1, "wraps");
    assert_eq!(app.tab(), Tab::Source);
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.last_search().unwrap().position(), 0, "and round again");
    assert_eq!(
        app.view(app.tab()).selected(),
        Some(results.get(0).unwrap().record)
    );
}

#[test]
fn n_without_a_search_does_nothing() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.tab(), Tab::Timeline);
    assert_eq!(app.view(Tab::Timeline).list.selected, 0);
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.mode(), Mode::Help);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.help_scroll(), 1, "the help is longer than 24 rows");
    press(&mut app, KeyCode::Char('G'));
    let bottom = app.help_scroll();
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.help_scroll(), bottom, "clamped at the end");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Browse);
    press(&mut app, KeyCode::F(1));
    assert_eq!(app.mode(), Mode::Help);
    assert_eq!(app.help_scroll(), 0);
    press(&mut app, KeyCode::F(1));
    assert_eq!(app.mode(), Mode::Browse);
}

#[test]
fn help_does_not_scroll_when_it_fits() {
    let mut app = app(120, 140);
    press(&mut app, KeyCode::Char('?'));
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.help_scroll(), 0);
}

#[test]
fn q_quits_and_control_c_quits_from_anywhere() {
    let mut browsing = app(80, 24);
    press(&mut browsing, KeyCode::Char('q'));
    assert!(!browsing.is_running());

    let mut searching = app(80, 24);
    press(&mut searching, KeyCode::Char('/'));
    press_with(&mut searching, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(!searching.is_running());

    let mut reading_help = app(80, 24);
    press(&mut reading_help, KeyCode::Char('?'));
    press_with(&mut reading_help, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(!reading_help.is_running());
}

#[test]
fn clicking_a_tab_title_selects_that_tab() {
    let mut app = app(120, 40);
    let screen = common::screen_text(&app);
    let first_line = screen.lines().next().unwrap();
    let column = first_line.find("Initiatives").unwrap();
    let column = first_line[..column].chars().count() as u16;
    act(&mut app, Action::Click { column, row: 0 });
    assert_eq!(app.tab(), Tab::Initiatives);
}

#[test]
fn clicking_a_row_selects_it_and_the_wheel_scrolls() {
    let mut app = app(120, 40);
    let rows = app.panes().unwrap().list_rows();
    act(
        &mut app,
        Action::Click {
            column: rows.x + 5,
            row: rows.y + 3,
        },
    );
    assert_eq!(app.view(Tab::Timeline).list.selected, 3);
    act(
        &mut app,
        Action::Click {
            column: rows.x + 5,
            row: rows.y + 30,
        },
    );
    assert_eq!(
        app.view(Tab::Timeline).list.selected,
        3,
        "a click below the last row does nothing"
    );
    act(
        &mut app,
        Action::Wheel {
            column: rows.x + 5,
            row: rows.y,
            lines: 3,
        },
    );
    assert_eq!(app.view(Tab::Timeline).list.selected, 6);
    let detail = app.panes().unwrap().detail_text();
    act(
        &mut app,
        Action::Wheel {
            column: detail.x + 1,
            row: detail.y,
            lines: -3,
        },
    );
    assert_eq!(
        app.view(Tab::Timeline).list.selected,
        6,
        "the wheel over the detail leaves the list"
    );
}

#[test]
fn a_too_small_terminal_ignores_clicks_and_keeps_working() {
    let mut app = app(20, 5);
    act(&mut app, Action::Click { column: 3, row: 0 });
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('J'));
    assert_eq!(app.tab(), Tab::Timeline);
    act(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    assert_eq!(app.view(Tab::Timeline).list.selected, 1);
}

#[test]
fn a_pasted_megabyte_is_cut_to_a_query_a_person_would_type() {
    let mut app = app(100, 30);
    press(&mut app, KeyCode::Char('/'));
    act(&mut app, Action::SearchPaste("!q ".repeat(350_000)));
    assert_eq!(app.prompt().text().chars().count(), QUERY_CAP);
    assert!(
        app.message()
            .is_some_and(|m| m.contains("at most 200 characters")),
        "the cut is said"
    );
    press(&mut app, KeyCode::Char('x'));
    assert_eq!(
        app.prompt().text().chars().count(),
        QUERY_CAP,
        "typing adds nothing"
    );
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.prompt().text().chars().count(), QUERY_CAP - 1);
    assert!(app.message().is_none());
}

#[test]
fn the_help_opens_over_the_search_and_gives_it_back() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "baku");
    press(&mut app, KeyCode::F(1));
    assert_eq!(app.mode(), Mode::Help);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Search, "the search is back");
    assert_eq!(app.prompt().text(), "baku", "with its query");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('S'));
    assert_eq!(app.mode(), Mode::Source);
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.mode(), Mode::Help);
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.mode(), Mode::Source, "the quick look is back");
}

#[test]
fn a_resize_keeps_the_picked_link_on_screen() {
    let mut app = app(120, 40);
    press(&mut app, KeyCode::Char('4'));
    press(&mut app, KeyCode::Char('G'));
    press(&mut app, KeyCode::Char('l'));
    press(&mut app, KeyCode::Char('G'));
    act(
        &mut app,
        Action::Resize {
            width: 60,
            height: 15,
        },
    );
    let screen = common::screen_text(&app);
    assert!(screen.contains("▶ "), "the picked link is drawn:\n{screen}");
    let picked = screen.lines().filter(|line| line.contains('▶')).count();
    assert!(picked >= 2, "the row and the link:\n{screen}");
}

#[test]
fn the_search_counter_follows_the_record_on_screen() {
    let mut app = app(120, 40);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "baku");
    press(&mut app, KeyCode::Enter);
    let status = |app: &oic_explorer::App| {
        common::screen_text(app)
            .lines()
            .last()
            .unwrap_or("")
            .to_string()
    };
    assert!(status(&app).contains("[1/"), "{}", status(&app));
    press(&mut app, KeyCode::Char('n'));
    press(&mut app, KeyCode::Char('n'));
    assert!(status(&app).contains("[3/"), "{}", status(&app));
    press(&mut app, KeyCode::Backspace);
    assert!(
        status(&app).contains("[2/"),
        "back on the second result: {}",
        status(&app)
    );
    press(&mut app, KeyCode::Char('n'));
    assert!(
        status(&app).contains("[3/"),
        "n goes on from where you are: {}",
        status(&app)
    );
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Char('g'));
    assert!(
        !status(&app).contains("baku") && !status(&app).contains("[–/"),
        "off the results the search is forgotten: {}",
        status(&app)
    );
    press(&mut app, KeyCode::Char('n'));
    assert!(
        status(&app).contains("baku"),
        "n still steps, and the search is back: {}",
        status(&app)
    );
}

/// Leaving the results (a record outside them, by any move) takes the search out of the status
/// bar and out of the command line `Y` copies; `n` with no search at all says so.
#[test]
fn a_search_left_behind_is_forgotten_by_the_bar_and_by_y() {
    let copied = |app: &mut oic_explorer::App| {
        press(app, KeyCode::Char('Y'));
        app.take_clipboard().unwrap_or_default()
    };
    for (width, height) in [(80, 24), (160, 40)] {
        let mut app = app(width, height);
        press(&mut app, KeyCode::Char('n'));
        assert_eq!(
            app.message(),
            Some("No search to step through: / searches.")
        );
        press(&mut app, KeyCode::Char('/'));
        type_text(&mut app, "2005");
        press(&mut app, KeyCode::Enter);
        assert!(copied(&mut app).contains("--query 2005"));
        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::Char('1'));
        press(&mut app, KeyCode::Char('g'));
        let screen = common::screen_text(&app);
        assert!(!screen.contains("2005”"), "{screen}");
        insta::assert_snapshot!(
            format!("status_after_leaving_results_{width}x{height}"),
            screen
        );
        assert!(!copied(&mut app).contains("--query"));
    }
}

#[test]
fn a_selection_given_with_a_query_leaves_n_at_the_first_result() {
    let mut app = app(120, 40);
    let catalog = app.catalog();
    let yemen = catalog.find("p-yemen").expect("Yemen");
    app.open_view(None, Some(yemen), Some("baku"));
    assert_eq!(selected_title(&app), "Yemen");
    assert!(common::screen_text(&app).contains("[–/"));
    press(&mut app, KeyCode::Char('n'));
    assert!(
        common::screen_text(&app).contains("[1/"),
        "n shows the first result"
    );
}

#[test]
fn enter_before_a_background_search_ends_waits_for_its_results() {
    use oic_explorer::{SearchCommand, SearchEvent};
    let mut app = app(120, 40).with_background_search(true);
    let answer = |app: &mut oic_explorer::App| {
        let Some(SearchCommand::Run(request)) = app.take_search_command() else {
            panic!("a search to run");
        };
        let results = app.search_index().search(&request.query);
        app.receive_search(SearchEvent::Done {
            generation: request.generation,
            results,
        });
    };
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "summit");
    answer(&mut app);
    // A new query: the source's paragraphs are in at once, its records not yet, and the list
    // still holds the last query's records above the paragraph.
    press_with(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    type_text(&mut app, "mekkah");
    while app.prompt().selected_source_hit().is_none() {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.mode(),
        Mode::Search,
        "Enter waits for this query's results"
    );
    assert!(
        app.last_search().is_none(),
        "nothing saved with the last query's records"
    );
    answer(&mut app);
    assert_eq!(app.mode(), Mode::Browse, "it went once they were in");
    let last = app.last_search().expect("the search submitted");
    assert_eq!(last.text(), "mekkah");
    let expected = app
        .search_index()
        .search(&oic_explorer::Query::parse("mekkah"));
    assert_eq!(
        last.len(),
        expected.len() + 1,
        "its own records and its paragraph"
    );
}
