//! Correctness at scale, with small N: incremental search agrees with a full search, searches
//! run off the loop and are cancelled by newer ones, the loop draws only when something
//! changed, and a slow load shows the loading screen.

use std::{
    sync::{
        Arc, Mutex,
        mpsc::{self, Sender},
    },
    thread,
    time::Duration,
};

use crate::common::{pty::PtySession, terminal_text};
use oic_explorer::{
    App, Catalog, LoopEvent, Query, ReportTiming, SearchEvent, SearchIndex, SearchStatus,
    SearchWorker, drive, synthetic,
};
use ratatui::{
    Terminal,
    backend::TestBackend,
    crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers},
    layout::Size,
};

fn synthetic_catalog(records: usize) -> Arc<Catalog> {
    let dataset = synthetic::generate(records, 11);
    Arc::new(Catalog::new(dataset, None).expect("synthetic data is valid"))
}

fn key(c: char) -> LoopEvent {
    LoopEvent::Input(Event::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::NONE,
    )))
}

#[test]
fn typing_narrows_to_what_a_full_search_finds() {
    let catalog = synthetic_catalog(3_000);
    // Small chunks: the scan runs on two threads and in many pieces, as at a million records.
    let chunked = SearchIndex::new(&catalog).with_chunk_size(200);
    let whole = SearchIndex::new(&catalog);
    for typed in [
        "conference baku",
        "kazakhstan summit",
        "y:2001 council",
        "t:funding plan",
        "syzd",
        "islamic !fund",
    ] {
        let mut previous = None;
        for end in 1..=typed.len() {
            let query = Query::parse(&typed[..end]);
            let narrowed = chunked
                .search_from(&query, previous.as_ref(), |_| true)
                .expect("not cancelled");
            let full = whole.search(&query);
            assert_eq!(narrowed.hits(), full.hits(), "{:?}", &typed[..end]);
            previous = Some(narrowed);
        }
        assert!(
            previous.is_some_and(|results| !results.is_empty()) || typed.contains('!'),
            "{typed:?} finds something, so the comparison means something"
        );
    }
}

#[test]
fn a_search_stops_between_chunks_when_told() {
    let catalog = synthetic_catalog(2_000);
    let index = SearchIndex::new(&catalog).with_chunk_size(100);
    let mut reports = 0;
    let stopped = index.search_from(&Query::parse("a"), None, |progress| {
        reports += 1;
        assert!(progress.scanned < progress.total);
        false
    });
    assert!(stopped.is_none(), "a stopped search has no results");
    assert_eq!(reports, 1, "it stopped at the first report");
}

/// Runs the real loop on a `TestBackend` while `script` sends it events; returns every frame
/// drawn, as text.
fn run_loop(
    app: App,
    worker: Option<SearchWorker>,
    sender: Sender<LoopEvent>,
    events: mpsc::Receiver<LoopEvent>,
    script: impl FnOnce(&Sender<LoopEvent>) + Send + 'static,
) -> Vec<String> {
    let mut app = app;
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    let frames = Arc::new(Mutex::new(Vec::new()));
    let drawn = Arc::clone(&frames);
    let scripted = thread::spawn(move || script(&sender));
    drive(
        &mut app,
        &events,
        worker.as_ref().map(SearchWorker::handle),
        |app| {
            let Ok(_) = terminal.draw(|frame| oic_explorer::render(app, frame));
            drawn.lock().expect("lock").push(terminal_text(&terminal));
            Ok(())
        },
        |_| Ok(()),
        |work| Some(work.run()),
    )
    .expect("the loop runs");
    scripted.join().expect("the script ran");
    frames.lock().expect("lock").clone()
}

#[test]
fn an_idle_explorer_draws_nothing() {
    let catalog = Arc::new(oic_explorer::load_embedded().expect("embedded"));
    let app = App::new(catalog, Size::new(100, 30));
    let (sender, events) = mpsc::channel();
    let frames = run_loop(app, None, sender, events, |send| {
        send.send(key('j')).expect("send");
        // Idle: nothing happens for a while, then events that change nothing.
        thread::sleep(Duration::from_millis(300));
        send.send(LoopEvent::Input(Event::FocusGained))
            .expect("send");
        send.send(LoopEvent::Input(Event::FocusLost)).expect("send");
        thread::sleep(Duration::from_millis(300));
        send.send(key('q')).expect("send");
    });
    assert_eq!(
        frames.len(),
        2,
        "one frame at the start, one after j, none while idle or for events that change nothing"
    );
    assert_ne!(frames[0], frames[1], "j moved the selection");
}

#[test]
fn a_burst_of_keys_is_drawn_once_per_batch() {
    let catalog = Arc::new(oic_explorer::load_embedded().expect("embedded"));
    let app = App::new(catalog, Size::new(100, 30));
    let (sender, events) = mpsc::channel();
    // The whole burst is queued before the loop starts.
    for _ in 0..40 {
        sender.send(key('j')).expect("send");
    }
    let frames = run_loop(app, None, sender, events, |send| {
        thread::sleep(Duration::from_millis(100));
        send.send(key('q')).expect("send");
    });
    assert_eq!(
        frames.len(),
        2,
        "the first frame, then one for the whole burst"
    );
}

#[test]
fn searches_run_off_the_loop_and_their_results_arrive() {
    let catalog = synthetic_catalog(2_000);
    let app = App::new(Arc::clone(&catalog), Size::new(100, 30)).with_background_search(true);
    let (sender, events) = mpsc::channel();
    let results = sender.clone();
    let worker = SearchWorker::spawn(
        Arc::clone(app.search_index()),
        ReportTiming::default(),
        move |event| {
            let _ = results.send(LoopEvent::Search(event));
        },
    )
    .expect("a worker thread");
    let expected = SearchIndex::new(&catalog).search(&Query::parse("council"));
    assert!(!expected.is_empty());
    let frames = run_loop(app, Some(worker), sender, events, |send| {
        for c in "/council".chars() {
            send.send(key(c)).expect("send");
        }
        thread::sleep(Duration::from_millis(1_500));
        send.send(LoopEvent::Input(Event::Key(KeyEvent::new(
            KeyCode::Esc,
            KeyModifiers::NONE,
        ))))
        .expect("send");
        send.send(key('q')).expect("send");
    });
    let counter = format!("[1/{}]", expected.len());
    let shown = frames
        .iter()
        .position(|frame| frame.contains("/ council") && frame.contains(&counter));
    let typed = frames
        .iter()
        .position(|frame| frame.contains("/ council"))
        .expect("the query was drawn");
    assert!(
        shown.is_some_and(|shown| shown >= typed),
        "the results arrived after the query was typed: {counter}\n{}",
        frames.last().map_or("", String::as_str)
    );
}

/// The next event that carries results: a slow machine may first say how far the search is
/// from ready.
fn next_result(events: &mpsc::Receiver<SearchEvent>) -> SearchEvent {
    loop {
        let event = events
            .recv_timeout(Duration::from_secs(30))
            .expect("the search ends");
        if !matches!(event, SearchEvent::Preparing { .. }) {
            return event;
        }
    }
}

#[test]
fn a_query_waiting_for_the_search_to_get_ready_says_how_far_it_has_got() {
    let catalog = synthetic_catalog(2_000);
    let mut app = App::new(Arc::clone(&catalog), Size::new(100, 30)).with_background_search(true);
    app.update(oic_explorer::Action::OpenSearch);
    for c in "council".chars() {
        app.update(oic_explorer::Action::SearchType(c));
    }
    let Some(oic_explorer::SearchCommand::Run(request)) = app.take_search_command() else {
        panic!("a search to run");
    };
    let preparing = |generation, percent| SearchEvent::Preparing {
        generation,
        percent,
    };
    assert!(
        !app.receive_search(preparing(request.generation - 1, 10)),
        "an older query's"
    );
    assert!(app.receive_search(preparing(request.generation, 40)));
    assert_eq!(
        app.prompt().status(),
        SearchStatus::Preparing { percent: 40 }
    );
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("a test terminal");
    terminal
        .draw(|frame| oic_explorer::render(&app, frame))
        .expect("drawn");
    let screen = terminal_text(&terminal);
    assert!(screen.contains("preparing search 40%"), "{screen}");
    assert!(screen.contains("Getting the search ready"), "{screen}");
    let results = SearchIndex::new(&catalog).search(&request.query);
    let done = SearchEvent::Done {
        generation: request.generation,
        results: results.clone(),
    };
    assert!(app.receive_search(done));
    assert_eq!(app.prompt().status(), SearchStatus::Complete);
    assert_eq!(app.prompt().results().hits(), results.hits());
}

#[test]
fn background_results_replace_the_waiting_prompt() {
    let catalog = synthetic_catalog(2_000);
    let mut app = App::new(Arc::clone(&catalog), Size::new(100, 30)).with_background_search(true);
    app.update(oic_explorer::Action::OpenSearch);
    for c in "council".chars() {
        app.update(oic_explorer::Action::SearchType(c));
    }
    assert_eq!(app.prompt().status(), SearchStatus::Waiting);
    let command = app.take_search_command().expect("a search to run");
    let oic_explorer::SearchCommand::Run(request) = command else {
        panic!("a search to run, not a cancel");
    };
    let (sender, received) = mpsc::channel();
    let worker = SearchWorker::spawn(
        Arc::clone(app.search_index()),
        ReportTiming::default(),
        move |event| {
            let _ = sender.send(event);
        },
    )
    .expect("a worker thread");
    // A stale request first: its results must not be shown for the current query.
    let mut stale = (*request).clone();
    stale.generation -= 1;
    stale.query = Query::parse("zzzz");
    worker.handle().submit(stale);
    let stale_event = next_result(&received);
    assert!(
        !app.receive_search(stale_event),
        "stale results are ignored"
    );
    worker.handle().submit(*request);
    let event = next_result(&received);
    assert!(app.receive_search(event));
    assert_eq!(app.prompt().status(), SearchStatus::Complete);
    // A wider query waits for its own results: the previous query's still shown are never
    // counted as its own, the prompt says it is searching.
    app.update(oic_explorer::Action::SearchBackspace);
    assert_eq!(app.prompt().status(), SearchStatus::Waiting);
    let screen = crate::common::screen_text(&app);
    let prompt_line = screen
        .lines()
        .find(|line| line.contains("counci"))
        .unwrap_or_default();
    assert!(prompt_line.contains("searching…"), "{screen}");
    assert!(!prompt_line.contains("[1/"), "{screen}");
    // Nor do the groups' headings count them.
    assert!(!screen.contains(" matches"), "{screen}");
    assert!(!screen.contains(" match "), "{screen}");
    assert!(screen.contains(" · …"), "{screen}");
    app.update(oic_explorer::Action::SearchType('l'));
    let expected = SearchIndex::new(&catalog).search(&Query::parse("council"));
    assert_eq!(app.prompt().results().hits(), expected.hits());
}

#[test]
fn a_slow_load_shows_the_loading_screen_then_the_explorer() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = folder.path().join("large.json");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).expect("create"));
    // Large enough that loading takes longer than the 40 ms before the loading screen.
    synthetic::write_json(30_000, 5, &mut file).expect("write");
    drop(file);
    let path = path.to_str().expect("a UTF-8 path");
    let mut session = PtySession::spawn_with_args(100, 30, &["--data", path]);
    session.wait_for_text("Loading");
    session.wait_for_text("Checking references");
    session.wait_for_text("1 Timeline 30000");
    session.send("q");
    let status = session.wait_for_exit();
    assert!(status.success());
}

#[test]
fn a_slow_load_that_fails_restores_the_terminal_and_says_why() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = folder.path().join("broken.json");
    let mut bytes = Vec::new();
    synthetic::write_json(30_000, 5, &mut bytes).expect("write");
    // A reference to a record that does not exist, found only after the whole file is read.
    let text = String::from_utf8(bytes).expect("UTF-8");
    let broken = text.replacen(
        "\"participants\":[\"",
        "\"participants\":[\"nobody-at-all\",\"",
        1,
    );
    assert_ne!(broken, text, "the file was broken");
    std::fs::write(&path, broken).expect("write");
    let path = path.to_str().expect("a UTF-8 path");
    let mut session = PtySession::spawn_with_args(100, 30, &["--data", path]);
    let status = session.wait_for_exit();
    assert_eq!(status.exit_code(), 1, "a dataset with problems exits 1");
    let output = session.output_text();
    assert!(output.contains("nobody-at-all"), "{output}");
    assert!(output.contains("\x1b[?1049l"), "left the alternate screen");
    let error_at = output.find("nobody-at-all").unwrap_or(0);
    let left_at = output.rfind("\x1b[?1049l").unwrap_or(usize::MAX);
    assert!(
        left_at < error_at,
        "the terminal is restored before the message is printed"
    );
}

/// Types `keys` into an explorer whose search runs in the background, with the results of
/// `/council` arriving after them (`ahead`) or before them (`after`); returns both screens and
/// whether the first still waited for results before they came.
fn typed_ahead_and_after(keys: &[Event]) -> (String, String, bool) {
    let catalog = synthetic_catalog(2_000);
    let open = |app: &mut App| {
        for c in "/council".chars() {
            app.input(Event::Key(KeyEvent::new(
                KeyCode::Char(c),
                KeyModifiers::NONE,
            )));
        }
        let Some(oic_explorer::SearchCommand::Run(request)) = app.take_search_command() else {
            panic!("a search to run");
        };
        SearchEvent::Done {
            generation: request.generation,
            results: SearchIndex::new(&catalog).search(&request.query),
        }
    };
    let new_app =
        || App::new(Arc::clone(&catalog), Size::new(100, 30)).with_background_search(true);
    let mut ahead = new_app();
    let done = open(&mut ahead);
    for key in keys {
        ahead.input(key.clone());
    }
    let waited = ahead.awaits_results() && ahead.prompt().text() == "council";
    ahead.receive_search(done);
    let mut after = new_app();
    let done = open(&mut after);
    after.receive_search(done);
    for key in keys {
        after.input(key.clone());
    }
    (
        crate::common::screen_text(&ahead),
        crate::common::screen_text(&after),
        waited,
    )
}

fn pressed(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

/// `Enter` on a search still running, then `n` `n`: the `n`s step through the results once
/// `Enter` has gone to the first, as they would had the results been in; they are never typed
/// into the query. Ctrl-f likewise keeps the results as the filter once they are in.
#[test]
fn keys_typed_while_enter_waits_for_results_go_where_enter_leads() {
    let plain = |c| pressed(KeyCode::Char(c), KeyModifiers::NONE);
    let enter = pressed(KeyCode::Enter, KeyModifiers::NONE);
    let keep = pressed(KeyCode::Char('f'), KeyModifiers::CONTROL);
    for keys in [
        vec![enter.clone(), plain('n'), plain('n')],
        vec![enter.clone(), plain('j'), plain('j'), plain('N')],
        vec![keep.clone(), plain('n')],
        vec![keep, plain('j'), enter],
    ] {
        let (ahead, after, waited) = typed_ahead_and_after(&keys);
        assert!(
            waited,
            "{keys:?}: the keys waited and the query is untouched"
        );
        assert_eq!(ahead, after, "{keys:?}");
        assert!(!ahead.contains("still running"), "{ahead}");
    }
}

/// `Esc` while `Enter` waits cancels it and drops the keys typed meanwhile.
#[test]
fn escape_while_enter_waits_cancels_it_with_the_keys_held() {
    let keys = [
        pressed(KeyCode::Enter, KeyModifiers::NONE),
        pressed(KeyCode::Char('j'), KeyModifiers::NONE),
        pressed(KeyCode::Esc, KeyModifiers::NONE),
    ];
    let (ahead, _, _) = typed_ahead_and_after(&keys);
    let untouched = {
        let catalog = synthetic_catalog(2_000);
        crate::common::screen_text(&App::new(catalog, Size::new(100, 30)))
    };
    assert_eq!(ahead, untouched, "back where it was, the j dropped");
}

/// `&word Enter` on a list whose filter's answer has not come, then `e Enter`: the export
/// waits for the answer and writes the filtered list, as the screen shows it, never the
/// whole list the filter had not yet narrowed.
#[test]
fn an_export_typed_before_a_filter_is_answered_writes_the_filtered_list() {
    let catalog = synthetic_catalog(2_000);
    let mut app = App::new(Arc::clone(&catalog), Size::new(100, 30)).with_background_search(true);
    let plain = |c| pressed(KeyCode::Char(c), KeyModifiers::NONE);
    let enter = pressed(KeyCode::Enter, KeyModifiers::NONE);
    for c in "&council".chars() {
        app.input(plain(c));
    }
    let Some(oic_explorer::SearchCommand::Run(request)) = app.take_search_command() else {
        panic!("the filter's search to run");
    };
    app.input(enter.clone());
    for key in [plain('e'), enter] {
        app.input(key);
    }
    assert!(
        app.take_file_work().is_none(),
        "nothing written before the answer"
    );
    let results = SearchIndex::new(&catalog).search(&request.query);
    let filtered = results
        .records()
        .iter()
        .filter(|&&record| oic_explorer::Tab::of(record) == oic_explorer::Tab::Timeline)
        .count();
    assert!(filtered > 0 && filtered < catalog.counts().events);
    app.receive_search(SearchEvent::Done {
        generation: request.generation,
        results,
    });
    let Some(oic_explorer::FileWork::Export(job)) = app.take_file_work() else {
        panic!("the export to write once the answer came");
    };
    let written: usize = job
        .selection
        .tabs
        .iter()
        .map(|(_, records)| records.len())
        .sum();
    assert_eq!(written, filtered, "the filtered list, as on screen");
}

/// `Esc` after `&word Enter`, before the answer: the filter is dropped with the keys typed
/// after it, and its late answer narrows nothing.
#[test]
fn escape_drops_a_filter_kept_before_its_answer() {
    let catalog = synthetic_catalog(2_000);
    let mut app = App::new(Arc::clone(&catalog), Size::new(100, 30)).with_background_search(true);
    let untouched = crate::common::screen_text(&app);
    for c in "&council".chars() {
        app.input(pressed(KeyCode::Char(c), KeyModifiers::NONE));
    }
    let Some(oic_explorer::SearchCommand::Run(request)) = app.take_search_command() else {
        panic!("the filter's search to run");
    };
    for key in [KeyCode::Enter, KeyCode::Char('j'), KeyCode::Esc] {
        app.input(pressed(key, KeyModifiers::NONE));
    }
    assert!(!app.awaits_results());
    app.receive_search(SearchEvent::Done {
        generation: request.generation,
        results: SearchIndex::new(&catalog).search(&request.query),
    });
    let screen = crate::common::screen_text(&app);
    let list = |screen: &str| screen.lines().take(20).collect::<Vec<_>>().join("\n");
    assert_eq!(list(&screen), list(&untouched), "{screen}");
    assert!(screen.contains("dropped"), "{screen}");
}

/// `o e Enter` on a list long enough to be ordered on a thread: the export waits for the
/// order and writes the list in it, as the screen will show it, never the order before.
#[test]
fn an_export_asked_while_its_list_is_ordered_writes_the_new_order() {
    let catalog = synthetic_catalog(24_000);
    assert!(catalog.counts().events > 20_000, "ordered on a thread");
    let mut app = App::new(Arc::clone(&catalog), Size::new(100, 30));
    let (sender, built) = mpsc::channel();
    app.order_in_background(move |tab| {
        let _ = sender.send(tab);
    });
    let plain = |c| pressed(KeyCode::Char(c), KeyModifiers::NONE);
    for key in [
        plain('o'),
        plain('e'),
        pressed(KeyCode::Enter, KeyModifiers::NONE),
    ] {
        app.input(key);
    }
    assert!(
        app.view(oic_explorer::Tab::Timeline).is_ordering(),
        "still ordering"
    );
    assert!(
        app.take_file_work().is_none(),
        "nothing written in the old order"
    );
    assert!(crate::common::screen_text(&app).contains("ordering…"));
    let tab = built
        .recv_timeout(Duration::from_secs(60))
        .expect("the order is built");
    app.order_built(tab);
    let Some(oic_explorer::FileWork::Export(job)) = app.take_file_work() else {
        panic!("the export to write once the order is built");
    };
    let view = app.view(oic_explorer::Tab::Timeline);
    let shown: Vec<_> = (0..view.len())
        .filter_map(|row| view.rows.get(row))
        .collect();
    assert_eq!(
        job.selection.tabs[0].1, shown,
        "the list as the screen shows it"
    );
}

/// While `Enter` waits: Ctrl-Z suspends at once, and keys beyond what is held are said to be
/// dropped, never silently lost.
#[test]
fn while_enter_waits_ctrl_z_suspends_and_dropped_keys_are_said() {
    let catalog = synthetic_catalog(2_000);
    let mut app = App::new(Arc::clone(&catalog), Size::new(100, 30)).with_background_search(true);
    for c in "/council".chars() {
        app.input(pressed(KeyCode::Char(c), KeyModifiers::NONE));
    }
    app.input(pressed(KeyCode::Enter, KeyModifiers::NONE));
    assert!(app.awaits_results());
    app.input(pressed(KeyCode::Char('z'), KeyModifiers::CONTROL));
    assert!(app.take_suspend(), "Ctrl-Z is not held");
    for _ in 0..5_000 {
        app.input(pressed(KeyCode::Char('j'), KeyModifiers::NONE));
    }
    assert!(
        app.message()
            .is_some_and(|message| message.contains("dropped")),
        "{:?}",
        app.message()
    );
}
