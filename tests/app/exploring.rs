//! Connected exploration: links, history, the source view, the kind filter, the funding sort
//! and grouping, search scopes, copying and deep links.

use crate::common::{self, act, app, press, press_with, selected_title, type_text};
use oic_explorer::{
    Action, App, Bindings, DetailText, EventKind, Focus, FundingSort, Mode, Query, RecordRef, Role,
    SearchIndex, Tab, source_lines,
};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

fn alt(app: &mut App, code: KeyCode) {
    press_with(app, code, KeyModifiers::ALT);
}

/// The app with the 8th OIC Summit selected on the Timeline.
fn at_the_8th_summit() -> App {
    let mut app = app(120, 40);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(selected_title(&app), "8th OIC Summit");
    app
}

#[test]
fn a_link_is_followed_and_back_and_forward_retrace_it() {
    let mut app = at_the_8th_summit();
    press(&mut app, KeyCode::Char('l'));
    assert_eq!(app.mode(), Mode::Links);
    assert_eq!(app.view(Tab::Timeline).focus, Focus::Links);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.tab(), Tab::Participants);
    assert_eq!(selected_title(&app), "Kazakh delegations");
    assert_eq!(
        app.mode(),
        Mode::Browse,
        "the list of the new tab has the focus"
    );

    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.tab(), Tab::Timeline);
    assert_eq!(selected_title(&app), "8th OIC Summit");
    assert_eq!(app.mode(), Mode::Links, "back where the link was picked");

    alt(&mut app, KeyCode::Right);
    assert_eq!(app.tab(), Tab::Participants);
    assert_eq!(selected_title(&app), "Kazakh delegations");
    alt(&mut app, KeyCode::Left);
    assert_eq!(selected_title(&app), "8th OIC Summit");
}

#[test]
fn links_are_picked_with_j_and_k_and_the_list_takes_the_focus_back() {
    let mut app = app(120, 40);
    press(&mut app, KeyCode::Char('4'));
    // Kazakhstan: its events, then the initiatives it proposed.
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Char('G'));
    let view = app.view(Tab::Participants);
    let record = view.selected().unwrap();
    let links = app.catalog().relations(record).len();
    assert_eq!(view.link, links - 1);
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.view(Tab::Participants).link, links - 2);
    press(&mut app, KeyCode::Char('h'));
    assert_eq!(app.mode(), Mode::Browse);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(
        selected_title(&app),
        "N. Nazarbayev",
        "j moves the list again"
    );
}

#[test]
fn picking_a_link_far_down_scrolls_the_detail_pane_to_it() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('4'));
    press(&mut app, KeyCode::Char('l'));
    press(&mut app, KeyCode::Char('G'));
    assert!(app.view(Tab::Participants).detail_scroll > 0);
    let screen = common::screen_text(&app);
    assert!(
        screen.contains("▶ 6th Conference of the Parliamentary Union"),
        "{screen}"
    );
}

#[test]
fn a_record_without_links_keeps_the_focus_on_the_list() {
    let catalog = common::catalog();
    let lonely = catalog.records().find(|&r| catalog.relations(r).is_empty());
    // Every record of the embedded data has ties; the message path is still checked.
    assert!(lonely.is_none());
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Links);
}

#[test]
fn back_after_a_tab_switch_and_after_a_search() {
    let mut app = at_the_8th_summit();
    press(&mut app, KeyCode::Char('3'));
    assert_eq!(app.tab(), Tab::Initiatives);
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.tab(), Tab::Timeline);
    assert_eq!(selected_title(&app), "8th OIC Summit");

    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "syzganov");
    press(&mut app, KeyCode::Enter);
    assert_eq!(selected_title(&app), "Syzganov Institute");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.tab(), Tab::Timeline);
    assert_eq!(selected_title(&app), "8th OIC Summit");
    alt(&mut app, KeyCode::Right);
    assert_eq!(selected_title(&app), "Syzganov Institute");
}

#[test]
fn a_new_step_after_going_back_drops_the_way_forward() {
    let mut app = at_the_8th_summit();
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.history().forward_len(), 1);
    press(&mut app, KeyCode::Char('4'));
    assert_eq!(app.history().forward_len(), 0);
    alt(&mut app, KeyCode::Right);
    assert_eq!(
        app.tab(),
        Tab::Participants,
        "nothing ahead, nothing changes"
    );
}

#[test]
fn a_participant_shows_every_event_and_initiative_tied_to_it() {
    let catalog = common::catalog();
    let delegations = catalog.find("p-kazakh-delegations").unwrap();
    let events_listing_it = catalog
        .to_dataset()
        .events
        .iter()
        .filter(|event| {
            event
                .participants
                .iter()
                .any(|tie| tie.id() == "p-kazakh-delegations")
        })
        .count();
    let took_part = catalog
        .relations(delegations)
        .iter()
        .filter(|r| r.role == Role::TookPartIn)
        .count();
    assert_eq!(took_part, events_listing_it);
    assert_eq!(took_part, 8);
    let kazakhstan = catalog.find("p-kazakhstan").unwrap();
    let proposed = catalog
        .relations(kazakhstan)
        .iter()
        .filter(|r| r.role == Role::Proposed)
        .count();
    let proposing = catalog
        .to_dataset()
        .initiatives
        .iter()
        .filter(|i| i.proposed_by.iter().any(|tie| tie.id() == "p-kazakhstan"))
        .count();
    assert_eq!(proposed, proposing);
}

#[test]
fn the_source_view_opens_scrolls_and_closes() {
    let mut app = app(80, 24);
    for _ in 0..7 {
        press(&mut app, KeyCode::Char('j'));
    }
    assert_eq!(
        selected_title(&app),
        "Third Extraordinary Conference (Extraordinary Summit)"
    );
    press(&mut app, KeyCode::Char('S'));
    assert_eq!(app.mode(), Mode::Source);
    let screen = common::screen_text(&app);
    assert!(screen.contains("¶11 · paragraph 11 of 15"), "{screen}");
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(
        app.source_scroll(),
        1,
        "two paragraphs do not fit in 24 rows"
    );
    press(&mut app, KeyCode::Char('G'));
    let bottom = app.source_scroll();
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.source_scroll(), bottom);
    press(&mut app, KeyCode::Char('S'));
    assert_eq!(app.mode(), Mode::Browse);
    press(&mut app, KeyCode::Char('S'));
    assert_eq!(app.source_scroll(), 0, "opens at the top again");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Browse);
}

#[test]
fn the_quoted_words_are_highlighted_in_the_source_view() {
    let app = app(120, 40);
    let catalog = app.catalog();
    let record = catalog.find("proj-syzganov-institute").unwrap();
    let lines = source_lines(catalog, record, 90);
    let highlighted: String = lines
        .iter()
        .flat_map(|line| line.to_line(app.theme(), false).spans)
        .filter(|span| {
            span.style
                .add_modifier
                .contains(ratatui::style::Modifier::UNDERLINED)
        })
        .map(|span| span.content.to_string())
        .collect();
    assert_eq!(highlighted, "Syzganov Institute – USD 10 mln");
    let text: String = lines.iter().map(|line| line.text() + "\n").collect();
    assert!(
        text.contains("paragraph 9 of 15 · lines 17–20 of 32"),
        "{text}"
    );
    assert!(
        text.contains("Highway Gulshat"),
        "the whole paragraph is shown"
    );
}

#[test]
fn f_filters_the_timeline_by_kind_and_cycles_back_to_all() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('f'));
    assert_eq!(app.row_options().kind_filter, Some(EventKind::Membership));
    press(&mut app, KeyCode::Char('f'));
    assert_eq!(app.row_options().kind_filter, Some(EventKind::Summit));
    let view = app.view(Tab::Timeline);
    assert_eq!(view.rows.len(), 3);
    assert_eq!(
        view.rows.month_keys().len(),
        3,
        "the strip follows the filter"
    );
    let screen = common::screen_text(&app);
    assert!(screen.contains("summits: 3 of 12"), "{screen}");
    assert!(
        screen.contains("Timeline 3 "),
        "the tab's count follows the filter: {screen}"
    );
    for _ in 0..20 {
        press(&mut app, KeyCode::Char('f'));
        if app.row_options().kind_filter.is_none() {
            break;
        }
    }
    assert_eq!(app.row_options().kind_filter, None);
    assert_eq!(app.view(Tab::Timeline).rows.len(), 12);
}

#[test]
fn jumping_to_an_event_the_filter_hides_clears_the_filter() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('f'));
    press(&mut app, KeyCode::Char('f'));
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "tab:timeline baku");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        selected_title(&app),
        "33rd Islamic Conference of Foreign Ministers"
    );
    assert_eq!(app.row_options().kind_filter, None);
}

#[test]
fn o_cycles_the_funding_sort_and_keeps_the_selection() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(selected_title(&app), "Syzganov Institute");
    let order = |app: &App| -> Vec<String> {
        let view = app.view(Tab::Funding);
        (0..view.rows.len())
            .map(|row| app.catalog().title(view.rows.get(row).unwrap()).to_string())
            .collect()
    };
    press(&mut app, KeyCode::Char('o'));
    assert_eq!(
        app.row_options().funding_sort,
        FundingSort::AmountDescending
    );
    assert_eq!(
        order(&app),
        [
            "IDB Program for Kazakhstan",
            "Osakarovka – Vishnevka segment",
            "Small and medium enterprises",
            "Syzganov Institute",
            "Gulshat – Karaganda highway"
        ]
    );
    assert_eq!(
        selected_title(&app),
        "Syzganov Institute",
        "the selection follows the record"
    );
    press(&mut app, KeyCode::Char('o'));
    assert_eq!(
        order(&app)[1..],
        [
            "Gulshat – Karaganda highway",
            "Osakarovka – Vishnevka segment",
            "Small and medium enterprises",
            "Syzganov Institute"
        ]
    );
    press(&mut app, KeyCode::Char('o'));
    assert_eq!(app.row_options().funding_sort, FundingSort::Source);
    assert_eq!(order(&app)[1], "Syzganov Institute");
}

#[test]
fn c_groups_the_funding_by_category_as_a_second_chart() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('c'));
    assert!(app.grouped());
    assert_eq!(app.tab_extras(Tab::Funding).second_chart_rows, 3);
    let screen = common::screen_text(&app);
    assert!(screen.contains("By category"), "{screen}");
    assert!(
        screen.contains("roads (2)") && screen.contains("USD 30 mln") && screen.contains("54.5%"),
        "{screen}"
    );
    press(&mut app, KeyCode::Char('c'));
    assert!(!app.grouped());
    assert!(!common::screen_text(&app).contains("By category"));
}

/// The bar on the screen line that holds `label`, in eighths of a cell.
fn bar_eighths(screen: &str, label: &str) -> usize {
    let line = screen
        .lines()
        .find(|line| line.contains(label))
        .unwrap_or_else(|| panic!("no line with {label:?} in\n{screen}"));
    // The bar runs from the label to its amount; the detail pane's scrollbar may share the line.
    let after = &line[line.find(label).unwrap_or(0)..];
    let bar = after.split("USD").next().unwrap_or(after);
    bar.chars()
        .map(|c| match c {
            '█' => 8,
            '▉' => 7,
            '▊' => 6,
            '▋' => 5,
            '▌' => 4,
            '▍' => 3,
            '▎' => 2,
            '▏' => 1,
            _ => 0,
        })
        .sum()
}

#[test]
fn both_funding_charts_draw_an_amount_with_the_same_bar() {
    for width in [80, 100, 120, 200] {
        let mut app = app(width, 40);
        press(&mut app, KeyCode::Char('2'));
        press(&mut app, KeyCode::Char('c'));
        let screen = common::screen_text(&app);
        // USD 10 mln, 20 mln and 30 mln: a project, a project and a category.
        let project = bar_eighths(&screen, "Syzganov");
        let category = bar_eighths(&screen, "research inst");
        let twice = bar_eighths(&screen, "Osakarovka");
        let thrice = bar_eighths(&screen, "roads (2)");
        eprintln!(
            "{width} columns: 10 mln {project}/8 and {category}/8, 20 mln {twice}/8, 30 mln {thrice}/8"
        );
        assert_eq!(project, category, "USD 10 mln at {width} columns\n{screen}");
        assert!(project > 8, "a bar worth comparing at {width} columns");
        // Within an eighth of a cell, each rounded once.
        assert!(
            twice.abs_diff(2 * project) <= 2,
            "20 mln at {width}: {twice} vs {project}"
        );
        assert!(
            thrice.abs_diff(3 * project) <= 2,
            "30 mln at {width}: {thrice} vs {project}"
        );
    }
}

#[test]
fn a_short_terminal_says_which_categories_it_leaves_out_and_keeps_the_marked_one() {
    let mut app = app(60, 15);
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('c'));
    let screen = common::screen_text(&app);
    assert!(screen.contains("roads (2)"), "{screen}");
    assert!(screen.contains(" +1 more "), "{screen}");
    // Syzganov Institute, a research institute: the smallest category, below the fold.
    press(&mut app, KeyCode::Char('j'));
    let screen = common::screen_text(&app);
    assert!(screen.contains("•   research institute (1)"), "{screen}");
    assert!(screen.contains(" +1 more "), "{screen}");
}

/// With the totals by category shown, the selected project's category is marked, but only
/// the list's row has the selection's `▶`; and the projects' bars stay as they were.
#[test]
fn the_categories_leave_one_selection_marker_and_the_bars_as_they_were() {
    for (width, height) in [(80, 24), (200, 60)] {
        let mut app = app(width, height);
        press(&mut app, KeyCode::Char('2'));
        press(&mut app, KeyCode::Char('j'));
        let before = common::screen_text(&app);
        press(&mut app, KeyCode::Char('c'));
        let after = common::screen_text(&app);
        assert_eq!(after.matches('▶').count(), 1, "{width}x{height}\n{after}");
        assert!(after.contains("•   research institute (1)"), "{after}");
        for label in ["Syzganov", "Osakarovka", "Small and medium"] {
            assert_eq!(
                bar_eighths(&after, label),
                bar_eighths(&before, label),
                "{label} at {width}x{height}\n{before}\n{after}"
            );
        }
    }
}

fn titles(query: &str) -> Vec<String> {
    let catalog = common::catalog();
    let index = SearchIndex::new(&catalog);
    index
        .search(&Query::parse(query))
        .hits()
        .iter()
        .map(|hit| catalog.title(hit.record).to_string())
        .collect()
}

#[test]
fn search_scopes_narrow_the_results() {
    assert_eq!(
        titles("tab:timeline year:2005"),
        [
            "32nd Islamic Conference of Foreign Ministers",
            "Conference of Muslim Scholars and Thinkers",
            "Third Extraordinary Conference (Extraordinary Summit)"
        ]
    );
    let mut summits = titles("kind:summit");
    summits.sort();
    assert_eq!(
        summits,
        [
            "10th OIC Summit",
            "8th OIC Summit",
            "9th OIC Summit",
            "Third Extraordinary Conference (Extraordinary Summit)"
        ]
    );
    assert_eq!(
        titles("place:baku")[0],
        "33rd Islamic Conference of Foreign Ministers"
    );
    assert_eq!(titles("t:funding syzganov"), ["Syzganov Institute"]);
    assert_eq!(titles("y:2003-2004 tab:timeline"), ["10th OIC Summit"]);
    assert!(titles("y:1990").is_empty());
    assert_eq!(titles("kind:person t:p").len(), 3);
}

#[test]
fn a_wrong_scope_says_what_it_expected() {
    let query = Query::parse("year:soon baku");
    assert_eq!(query.problems().len(), 1);
    assert!(titles("year:soon baku").is_empty());
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "year:soon");
    assert!(common::screen_text(&app).contains("expected a year"));
}

#[test]
fn a_person_finds_the_records_that_name_them_and_the_field_is_shown() {
    let found = titles("nazarbayev");
    assert_eq!(found[0], "N. Nazarbayev");
    assert!(
        found.contains(&"President's Address to the People of Kazakhstan".to_string()),
        "{found:?}"
    );
    assert!(
        found.contains(&"Second Congress of World and Traditional Religions".to_string()),
        "{found:?}"
    );
    let catalog = common::catalog();
    let address = catalog.find("ev-2006-03-01-address").unwrap();
    let highlight = SearchIndex::highlight(&catalog, address, &Query::parse("nazarbayev"));
    assert!(highlight.title.is_empty());
    let field = highlight.field.unwrap();
    assert!(
        matches!(field.name, "delivered by" | "summary" | "source"),
        "{}",
        field.name
    );
}

#[test]
fn y_copies_the_citation_and_capital_y_the_command_line() {
    let mut app = at_the_8th_summit();
    press(&mut app, KeyCode::Char('y'));
    let citation = app.take_clipboard().unwrap();
    assert!(
        citation.starts_with("8th OIC Summit (December 1997, Tehran). Source, paragraph 3:"),
        "{citation}"
    );
    assert!(
        app.message()
            .unwrap()
            .contains("to the terminal's clipboard")
    );
    assert!(app.take_clipboard().is_none(), "taken once");
    press(&mut app, KeyCode::Char('Y'));
    assert_eq!(
        app.take_clipboard().unwrap(),
        "oic-explorer --tab timeline --select ev-1997-12-summit-8"
    );
    press(&mut app, KeyCode::Char('j'));
    assert!(
        app.message().is_none(),
        "the confirmation goes with the next key"
    );

    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "doha summit");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('Y'));
    assert_eq!(
        app.take_clipboard().unwrap(),
        "oic-explorer --tab timeline --select ev-2000-11-summit-9 --query 'doha summit'"
    );
}

/// The app the command line `args` opens, as the program builds it.
fn opened_with(args: &[String]) -> App {
    use clap::Parser;
    let cli = oic_explorer::Cli::try_parse_from(args).expect("the command line parses");
    let catalog = oic_explorer::commands::load_dataset(&cli, None).expect("the dataset loads");
    oic_explorer::build_app(&cli, &Bindings::built_in(), std::sync::Arc::new(catalog))
        .expect("the view opens")
}

#[test]
fn capital_y_copies_a_command_line_that_reopens_the_same_view_from_anywhere() {
    let folder = tempfile::tempdir().expect("a folder");
    let data = folder.path().join("my data.json");
    let source = folder.path().join("source.txt");
    std::fs::write(&data, oic_explorer::EMBEDDED_DATASET).expect("written");
    std::fs::write(&source, oic_explorer::EMBEDDED_SOURCE).expect("written");
    let start: Vec<String> = ["oic-explorer", "--data"]
        .into_iter()
        .map(String::from)
        .chain([
            data.display().to_string(),
            "--source".into(),
            source.display().to_string(),
        ])
        .collect();
    let mut app = opened_with(&start);
    // A filtered Timeline, a sorted and grouped Funding tab, a search, a selected project.
    press(&mut app, KeyCode::Char('f'));
    press(&mut app, KeyCode::Char('f'));
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('o'));
    press(&mut app, KeyCode::Char('c'));
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "highway");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('Y'));
    let line = app.take_clipboard().expect("copied");
    assert!(
        line.contains(&format!("--data '{}'", data.display())),
        "the dataset, as an absolute path: {line}"
    );
    let args = shlex::split(&line).expect("a shell command line");
    let reopened = opened_with(&args);
    assert_eq!(reopened.tab(), app.tab());
    assert_eq!(
        reopened.view(Tab::Funding).selected(),
        app.view(Tab::Funding).selected(),
        "{line}"
    );
    assert_eq!(reopened.row_options(), app.row_options(), "{line}");
    assert_eq!(reopened.grouped(), app.grouped(), "{line}");
    assert_eq!(
        reopened.last_search().map(|last| last.text().to_string()),
        app.last_search().map(|last| last.text().to_string())
    );
    // The real binary takes it too, from another folder.
    let output = std::process::Command::new(common::pty::BINARY)
        .args(&args[1..])
        .arg("--plain")
        .current_dir("/")
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{line}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// `--kind` and `kind:` take one vocabulary: the kind as the list shows it, and as a dataset
/// file writes it; each says the list's names when it is wrong.
#[test]
fn a_kind_is_named_as_the_list_shows_it_or_as_a_file_writes_it() {
    use clap::Parser;
    for typed in [
        "ministers",
        "foreign_ministers",
        "Foreign Ministers",
        "extraordinary_summit",
    ] {
        let cli = oic_explorer::Cli::try_parse_from(["oic-explorer", "--kind", typed]);
        assert!(cli.is_ok(), "--kind {typed}");
        let query = Query::parse(&format!("kind:{}", typed.replace(' ', "_")));
        assert!(
            query.problems().is_empty(),
            "kind:{typed}: {:?}",
            query.problems()
        );
    }
    let cli = oic_explorer::Cli::try_parse_from(["oic-explorer", "--kind", "ministers"]);
    assert_eq!(cli.expect("parses").kind, Some(EventKind::ForeignMinisters));
    let wrong = oic_explorer::Cli::try_parse_from(["oic-explorer", "--kind", "picnic"])
        .expect_err("refused")
        .to_string();
    let problem = Query::parse("kind:picnic").problems().join(" ");
    for said in [&wrong, &problem] {
        assert!(said.contains("ministers, coordination"), "{said}");
        assert!(!said.contains("foreign_ministers"), "{said}");
    }
}

#[test]
fn an_event_kind_the_dataset_lacks_is_refused() {
    use clap::Parser;
    let cli =
        oic_explorer::Cli::try_parse_from(["oic-explorer", "--kind", "other"]).expect("parses");
    let failure = oic_explorer::build_app(&cli, &Bindings::built_in(), common::catalog())
        .err()
        .expect("refused");
    assert_eq!(failure.code, 2);
    assert!(failure.message.contains("no event of this kind"));
    let unknown = oic_explorer::Cli::try_parse_from(["oic-explorer", "--kind", "picnic"]);
    assert!(
        unknown
            .expect_err("refused")
            .to_string()
            .contains("the kinds are membership, summit")
    );
}

#[test]
fn a_deep_link_opens_the_view_it_names() {
    let catalog = common::catalog();
    let mut opened = app(80, 24);
    let project = catalog.find("proj-sme-development");
    opened.open_view(Some(Tab::Initiatives), project, Some("baku"));
    assert_eq!(opened.tab(), Tab::Funding, "the selected record's tab wins");
    assert_eq!(selected_title(&opened), "Small and medium enterprises");
    assert_eq!(
        opened.last_search().unwrap().len(),
        titles("baku").len() + 2,
        "the records, and the two paragraphs naming Baku"
    );
    assert!(
        opened.history().trail().is_empty(),
        "opening is not a step to go back to"
    );
    press(&mut opened, KeyCode::Char('n'));
    assert_eq!(opened.tab(), Tab::Timeline);

    let mut on_tab = app(80, 24);
    on_tab.open_view(Some(Tab::Participants), None, None);
    assert_eq!(on_tab.tab(), Tab::Participants);
}

#[test]
fn clicking_a_link_follows_it() {
    let mut app = at_the_8th_summit();
    let record = app.view(Tab::Timeline).selected().unwrap();
    let text_area = app.panes().unwrap().detail_text();
    let text = DetailText::new(app.catalog(), record, text_area.width);
    let line = text.link_lines[0];
    act(
        &mut app,
        Action::Click {
            column: text_area.x + 4,
            row: text_area.y + line as u16,
        },
    );
    assert_eq!(selected_title(&app), "Kazakh delegations");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(selected_title(&app), "8th OIC Summit");
}

#[test]
fn following_a_link_to_the_programme_selects_its_row() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('l'));
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.view(Tab::Funding).selected(),
        Some(RecordRef::Programme(0))
    );
}

#[test]
fn empty_tabs_say_so_instead_of_failing() {
    let json = r#"{"title": "t", "events": [{"id": "e", "title": "E", "kind": "summit", "summary": "s",
        "sources": [{"paragraph": 1, "quote": "q"}]}]}"#;
    let catalog = std::sync::Arc::new(oic_explorer::load("t", json, None).unwrap());
    let mut app = App::new(catalog, ratatui::layout::Size::new(80, 24));
    press(&mut app, KeyCode::Char('2'));
    for key in ['s', 'y', 'l', 'o', 'c', 'j', 'G', 'J'] {
        press(&mut app, KeyCode::Char(key));
        assert_eq!(app.mode(), Mode::Browse, "after {key}");
        common::draw(&app);
    }
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(
        app.message(),
        Some("The source text is not loaded: open with --source PATH.")
    );
    press(&mut app, KeyCode::Char('y'));
    assert!(app.take_clipboard().is_none());
    assert!(common::screen_text(&app).contains("Nothing to show"));
}

#[test]
fn the_source_tab_leads_from_a_passage_to_who_quotes_it_and_back() {
    let mut app = app(120, 40);
    press(&mut app, KeyCode::Char('5'));
    assert_eq!(app.tab(), Tab::Source);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.view(Tab::Source).selected_paragraph(), Some(3));
    press(&mut app, KeyCode::Char('y'));
    let copied = app.take_clipboard().expect("a copy");
    assert!(
        copied.starts_with("“Kazakh delegations have participated"),
        "{copied}"
    );
    assert!(copied.contains("Source, paragraph 3"), "{copied}");
    press(&mut app, KeyCode::Char('l'));
    assert_eq!(app.mode(), Mode::Links);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.tab(), Tab::Timeline);
    assert_eq!(selected_title(&app), "8th OIC Summit");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.tab(), Tab::Source);
    assert_eq!(app.view(Tab::Source).selected_paragraph(), Some(3));
    assert_eq!(
        app.mode(),
        Mode::Links,
        "back where we were, the link still picked"
    );
    assert_eq!(app.view(Tab::Source).link, 1);
    press(&mut app, KeyCode::Char('G'));
    press(&mut app, KeyCode::Char('h'));
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(app.view(Tab::Source).selected_paragraph(), Some(15));
    assert!(common::screen_text(&app).contains("Source ¶15/15"));
}

#[test]
fn s_opens_the_source_tab_at_the_records_first_passage() {
    let mut app = app(120, 40);
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(selected_title(&app), "Syzganov Institute");
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.tab(), Tab::Source);
    let view = app.view(Tab::Source);
    assert_eq!(
        view.selected_paragraph(),
        Some(9),
        "its own quote, not its tie's"
    );
    assert_eq!(app.mode(), Mode::Links);
    assert_eq!(
        view.link_target(app.catalog()),
        app.catalog().find("proj-syzganov-institute")
    );
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.tab(), Tab::Funding);
    assert_eq!(selected_title(&app), "Syzganov Institute");
    press(&mut app, KeyCode::Char('5'));
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.tab(), Tab::Source, "s on the Source tab stays");
    assert!(
        app.message()
            .is_some_and(|m| m.contains("This is the source"))
    );
}

#[test]
fn a_click_on_a_paragraph_selects_it_and_the_wheel_moves_by_paragraph() {
    let mut app = app(120, 40);
    press(&mut app, KeyCode::Char('5'));
    let screen = common::screen_text(&app);
    let row = screen
        .lines()
        .position(|line| line.contains("¶2 · cited by"))
        .expect("¶2 on screen");
    common::act(
        &mut app,
        oic_explorer::Action::Click {
            column: 10,
            row: u16::try_from(row + 1).expect("a row"),
        },
    );
    assert_eq!(
        app.view(Tab::Source).selected_paragraph(),
        Some(2),
        "a click on the line under the heading, in its text"
    );
    common::act(
        &mut app,
        oic_explorer::Action::Wheel {
            column: 10,
            row: 10,
            lines: 3,
        },
    );
    assert_eq!(app.view(Tab::Source).selected_paragraph(), Some(5));
}

#[test]
fn search_finds_the_source_text_and_enter_opens_that_passage() {
    let mut app = app(120, 40);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "semipalatinsk");
    let prompt = app.prompt();
    assert_eq!(prompt.results().len(), 2, "two records");
    assert_eq!(prompt.total(), 4, "and two paragraphs");
    let screen = common::screen_text(&app);
    assert!(screen.contains("Source · 2 matches"), "{screen}");
    assert!(screen.contains("¶12  …"), "{screen}");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    assert_eq!(
        app.prompt().selected_source_hit().map(|h| h.paragraph),
        Some(12)
    );
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.tab(), Tab::Source);
    let view = app.view(Tab::Source);
    assert_eq!(view.selected_paragraph(), Some(12));
    assert_eq!(
        app.mode(),
        Mode::Links,
        "the passage holding the match is picked"
    );
    assert_eq!(
        view.link_target(app.catalog()),
        app.catalog()
            .find("init-religious-dialogue-and-disaster-relief")
    );
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.tab(), Tab::Timeline, "back where the search started");
    // A scope on records leaves the source out; tab:source keeps only it.
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "tab:source mekkah");
    assert_eq!(app.prompt().results().len(), 0);
    assert_eq!(app.prompt().total(), 1);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "year:2005 mekkah");
    assert_eq!(app.prompt().total(), app.prompt().results().len());
}

#[test]
fn a_kind_that_names_nothing_says_which_kinds_there_are() {
    let mut app = app(120, 40);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "kind:foo");
    let screen = common::screen_text(&app);
    assert!(
        screen
            .contains("kind:foo — no kind of record is called that; the kinds: membership, summit"),
        "{screen}"
    );
    assert!(
        !Query::parse("kind:extraordinary")
            .problems()
            .iter()
            .any(|p| p.contains("kind"))
    );
    assert!(
        !Query::parse("kind:ministers")
            .problems()
            .iter()
            .any(|p| p.contains("kind"))
    );
    assert!(
        !Query::parse("k:state")
            .problems()
            .iter()
            .any(|p| p.contains("kind"))
    );
}

/// Stacked, a list shorter than its share of the screen keeps no blank rows: the detail pane
/// below has them. Side by side, the list keeps the height beside the detail pane.
#[test]
fn a_short_list_gives_its_blank_rows_to_the_detail_pane() {
    for (width, height) in [(80, 24), (60, 15), (200, 60)] {
        let mut app = app(width, height);
        press(&mut app, KeyCode::Char('2'));
        let panes = app.panes().expect("a layout");
        let rows = app.view(Tab::Funding).len();
        if width < 100 {
            // At 60x15 the list's share is shorter than its rows: it scrolls, with no blank row.
            let expected = if height < 24 { panes.list.height } else { 7 };
            assert!(
                usize::from(panes.list.height) <= rows + 2,
                "{width}x{height}"
            );
            assert_eq!(
                panes.list.height, expected,
                "all five rows at {width}x{height}"
            );
            assert_eq!(panes.detail.y, panes.list.bottom(), "{width}x{height}");
        } else {
            assert_eq!(panes.list.height, panes.detail.height, "{width}x{height}");
        }
        let screen = common::screen_text(&app);
        let list = screen
            .lines()
            .skip(usize::from(panes.list.y))
            .take(usize::from(panes.list.height));
        let blank = list.filter(|line| line.trim_end_matches(['│', ' ']).is_empty());
        let blank = if width < 100 { blank.count() } else { 0 };
        assert_eq!(blank, 0, "{width}x{height}\n{screen}");
    }
}

/// At 200 columns the Participants list shows an office whole where the name column has room
/// to spare.
#[test]
fn a_wide_list_shows_a_column_whole_when_another_can_spare_the_room() {
    let mut app = app(200, 60);
    press(&mut app, KeyCode::Char('4'));
    let screen = common::screen_text(&app);
    assert!(
        screen.contains("President of the Republic of Kazakhstan "),
        "{screen}"
    );
    assert!(
        screen.contains("Islamic Education, Science and Culture Organization (ISESCO)"),
        "{screen}"
    );
}

/// A result shown for a name from a note, or one a tie gives by a reading, keeps its mark at
/// every width the explorer draws: what gives way is how the words matched, the field's name
/// and the title, never what the field is.
#[test]
fn search_results_keep_their_marks_at_every_width() {
    for width in [60, 66, 70, 76, 80, 90, 100, 120, 160] {
        for (query, word) in [
            ("Mecca", "Mecca"),
            ("Nursultan", "Nursultan"),
            ("IsDB", "IsDB"),
        ] {
            let mut app = app(width, 30);
            press(&mut app, KeyCode::Char('/'));
            type_text(&mut app, query);
            let screen = common::screen_text(&app);
            let prompt = format!("/ {query}");
            let results: Vec<&str> = screen
                .lines()
                .filter(|line| line.contains(word) && !line.contains(&prompt))
                .collect();
            assert!(results.len() >= 2, "{width}: {query}:\n{screen}");
            for line in results {
                assert!(
                    line.contains("(from a note"),
                    "{width} columns, {query}: a result without its mark: {line}\n{screen}"
                );
            }
        }
    }
}
