//! The explorer's session: the terminal taken over, the loading screen while a file loads,
//! then the app driven until the user quits, suspends or a signal ends it.

use std::{
    sync::{
        Arc,
        mpsc::{Receiver, RecvTimeoutError, Sender},
    },
    time::{Duration, Instant},
};

use ratatui::crossterm::event::{Event, KeyCode, KeyEventKind};

use super::{Failure, LoopEvent, Stop, drive};
use crate::{
    action::{Action, Bindings, Mode},
    app::{self, App},
    chrome::{loading::LoadingFile, theme::Theme},
    data::{Catalog, LoadProgress},
    exit,
    search::{ReportTiming, SearchWorker},
    terminal::{TerminalSession, copy_to_clipboard, spawn_input, watch_for_hang_up, watch_signals},
};

/// How often the loading screen redraws while nothing else happens.
const LOADING_TICK: Duration = Duration::from_millis(100);

/// How the explorer starts: with its app ready, or once a file has loaded.
pub enum Start {
    /// The app, ready to show.
    Ready(Box<App>),
    /// A file still loading on another thread.
    Loading(Box<Loading>),
}

/// A load in progress, and what to make of its catalog.
pub struct Loading {
    /// The file, as the loading screen names it.
    pub file: LoadingFile,
    /// How far the load has got.
    pub progress: Arc<LoadProgress>,
    /// When the load began.
    pub started: Instant,
    /// The theme to draw the loading screen in.
    pub theme: Theme,
    /// The key bindings in force, for the keys that quit or suspend.
    pub bindings: Arc<Bindings>,
    /// Builds the app once the catalog is in.
    pub build: Box<dyn FnOnce(Arc<Catalog>) -> Result<App, Failure>>,
}

/// Runs the explorer until the user quits, reporting the mouse unless `mouse` is false.
/// `events` is the loop's channel, on which a running load reports (see
/// [`LoopEvent::Loaded`]); `sender` feeds it. Blocks on input between frames and redraws only
/// after something changed, so an idle explorer uses no CPU.
pub fn run(
    start: Start,
    mouse: bool,
    sender: &Sender<LoopEvent>,
    events: &Receiver<LoopEvent>,
) -> Result<(), Failure> {
    if !has_keyboard() {
        return Err(Failure::new(
            "no terminal to read keys from: standard input is not a terminal and there is no \
             controlling terminal (/dev/tty); run it in a terminal, or use --plain",
            exit::FAILED,
        ));
    }
    let mut session = TerminalSession::enter(mouse)?;
    spawn_input(sender.clone())?;
    watch_signals(sender.clone())?;
    watch_for_hang_up()?;
    let mut app = match start {
        Start::Ready(app) => *app,
        Start::Loading(loading) => match wait_for_load(&mut session, *loading, events)? {
            Some(app) => app,
            None => return Ok(()),
        },
    };
    let size = session.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    // Every search runs on the search thread, whatever the catalog's size: a small catalog can
    // still be slow to search (a name with tens of thousands of other spellings), and keys
    // must never wait on a search. Only when that thread cannot be started are searches run
    // here, at once.
    let results = sender.clone();
    let worker = SearchWorker::spawn(
        Arc::clone(app.search_index()),
        ReportTiming::default(),
        move |event| {
            let _ = results.send(LoopEvent::Search(event));
        },
    )
    .ok();
    let mut app = app.with_background_search(worker.is_some());
    // Likewise a long list's new order is sorted on a thread, the list saying "ordering…".
    let ordered = sender.clone();
    app.order_in_background(move |tab| {
        let _ = ordered.send(LoopEvent::Ordered(tab));
    });
    loop {
        let stop = drive(
            &mut app,
            events,
            worker.as_ref().map(SearchWorker::handle),
            |app| {
                session.draw(|frame| app::render(app, frame))?;
                panic_if_asked();
                Ok(())
            },
            copy_to_clipboard,
            |work| file_work(work, sender),
        )?;
        match stop {
            Stop::Quit => return Ok(()),
            Stop::Suspend => session.suspend()?,
            Stop::Redraw => session.start_afresh()?,
        }
    }
}

/// Does file work the app asks for: a path's completion at once (one folder read), an export
/// on a thread of its own, which reports on the loop's channel, so a large list never holds
/// up the keys or the screen. Only when no thread can be started is it written here.
fn file_work(work: app::FileWork, sender: &Sender<LoopEvent>) -> Option<app::FileAnswer> {
    if let app::FileWork::Export(_) = work {
        let answers = sender.clone();
        let pending = std::sync::Arc::new(std::sync::Mutex::new(Some(work)));
        let taken = std::sync::Arc::clone(&pending);
        let spawned = std::thread::Builder::new()
            .name("export".to_string())
            .spawn(move || {
                let work = taken.lock().ok().and_then(|mut work| work.take());
                if let Some(work) = work {
                    let _ = answers.send(LoopEvent::Files(work.run()));
                }
            });
        if spawned.is_ok() {
            return None;
        }
        let work = pending.lock().ok().and_then(|mut work| work.take())?;
        return Some(work.run());
    }
    Some(work.run())
}

/// Whether keys can be read: from standard input when it is a terminal, else from the
/// controlling terminal, as the input thread reads them.
fn has_keyboard() -> bool {
    use std::io::IsTerminal;
    std::io::stdin().is_terminal() || std::fs::File::open("/dev/tty").is_ok()
}

/// Panics after a frame when `OIC_EXPLORER_TEST_PANIC` is set, in debug builds only: how the
/// tests check that a panic restores the terminal before its message.
fn panic_if_asked() {
    #[cfg(debug_assertions)]
    if std::env::var_os("OIC_EXPLORER_TEST_PANIC").is_some() {
        panic!("a panic asked for by OIC_EXPLORER_TEST_PANIC");
    }
}

/// Shows the loading screen until the load ends (the app it builds) or the user quits (`None`).
fn wait_for_load(
    session: &mut TerminalSession,
    loading: Loading,
    events: &Receiver<LoopEvent>,
) -> Result<Option<App>, Failure> {
    let Loading {
        file,
        progress,
        started,
        theme,
        bindings,
        build,
    } = loading;
    let quit = crate::chrome::loading::quit_hint(&bindings);
    loop {
        session.draw(|frame| {
            crate::chrome::loading::render_loading(
                frame,
                &file,
                &progress,
                started.elapsed(),
                &theme,
                &quit,
            );
        })?;
        match events.recv_timeout(LOADING_TICK) {
            Ok(LoopEvent::Loaded(result)) => {
                let catalog = (*result)?;
                return build(Arc::new(catalog)).map(Some);
            }
            // The explorer's own quit keys, and Esc, which has nothing else to close here.
            Ok(LoopEvent::Input(Event::Key(key)))
                if (key.code == KeyCode::Esc && key.kind != KeyEventKind::Release)
                    || bindings.action_for_key(key, Mode::Browse) == Some(Action::Quit) =>
            {
                return Ok(None);
            }
            // Ctrl-Z and SIGTSTP suspend here as anywhere: a load can take long.
            Ok(LoopEvent::Input(Event::Key(key)))
                if bindings.action_for_key(key, Mode::Browse) == Some(Action::Suspend) =>
            {
                session.suspend()?;
            }
            Ok(LoopEvent::Suspend) => session.suspend()?,
            Ok(LoopEvent::Continued) => session.start_afresh()?,
            Ok(LoopEvent::InputFailed(error)) => return Err(error.into()),
            Ok(_) | Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return Err(Failure::load_vanished()),
        }
    }
}
