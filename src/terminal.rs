//! The only code that touches the terminal: entering and leaving it, and the event loop.

use std::{
    io::{self, Stdout, Write},
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
        mpsc::{Receiver, RecvTimeoutError, Sender},
    },
    thread,
    time::{Duration, Instant},
};

use ratatui::{
    Terminal,
    backend::CrosstermBackend,
    crossterm::{
        cursor::Show,
        event::{
            self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste,
            EnableMouseCapture, Event, KeyCode, KeyEventKind, KeyModifiers,
        },
        execute,
        style::Colored,
        terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode},
    },
};

use crate::{
    action::Action,
    app::App,
    data::{Catalog, LoadProgress},
    event_loop::{Failure, LoopEvent, drive},
    search::{ReportTiming, SearchWorker},
    ui::{self, loading::LoadingFile, theme::Theme},
};

/// Whether the terminal is in the app's state (raw mode, alternate screen, mouse reporting).
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Puts the terminal back as it was: mouse reporting and paste mode off, main screen back,
/// cursor shown, raw mode off. Safe to call more than once and from a panic.
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let mut stdout = io::stdout();
        // Best effort: the terminal may already be gone.
        let _ = execute!(
            stdout,
            DisableBracketedPaste,
            DisableMouseCapture,
            LeaveAlternateScreen,
            Show
        );
        let _ = disable_raw_mode();
        let _ = stdout.flush();
    }
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// The terminal while the app owns it; dropping it restores the terminal.
pub struct TerminalSession {
    terminal: Terminal<CrosstermBackend<Stdout>>,
}

impl TerminalSession {
    /// Takes over the terminal: raw mode, alternate screen, mouse reporting, bracketed paste.
    pub fn enter() -> io::Result<Self> {
        // The app honours NO_COLOR itself, through its theme; crossterm's own handling would
        // reset bold and reverse with every colour it drops (see `ui::theme`).
        Colored::set_ansi_color_disabled(false);
        install_panic_hook();
        enable_raw_mode()?;
        ACTIVE.store(true, Ordering::SeqCst);
        let entered = execute!(
            io::stdout(),
            EnterAlternateScreen,
            EnableMouseCapture,
            EnableBracketedPaste
        )
        .and_then(|()| Terminal::new(CrosstermBackend::new(io::stdout())));
        match entered {
            Ok(terminal) => Ok(Self { terminal }),
            Err(error) => {
                restore();
                Err(error)
            }
        }
    }
}

impl Drop for TerminalSession {
    fn drop(&mut self) {
        restore();
    }
}

/// The OSC 52 sequence that asks the terminal to put `text` on the clipboard; it travels with
/// the output, so it works over SSH and in tmux (with `set-clipboard on`).
pub fn osc52(text: &str) -> String {
    use base64::Engine;
    format!(
        "\x1b]52;c;{}\x07",
        base64::engine::general_purpose::STANDARD.encode(text)
    )
}

/// Reads terminal events on a thread of their own and sends them to the loop, so the loop can
/// wait on input, search results and a load at once.
fn spawn_input(events: Sender<LoopEvent>) -> io::Result<()> {
    thread::Builder::new()
        .name("input".to_string())
        .spawn(move || {
            loop {
                let (event, failed) = match event::read() {
                    Ok(event) => (LoopEvent::Input(event), false),
                    Err(error) => (LoopEvent::InputFailed(error), true),
                };
                if events.send(event).is_err() || failed {
                    return;
                }
            }
        })
        .map(drop)
}

/// Catalogs larger than this are searched off the drawing thread; smaller ones are searched
/// at once, so their results arrive with the keystroke that asked for them.
const BACKGROUND_SEARCH_FROM: usize = 20_000;

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
    /// Builds the app once the catalog is in.
    pub build: Box<dyn FnOnce(Arc<Catalog>) -> Result<App, Failure>>,
}

/// Runs the explorer until the user quits. `events` is the loop's channel, on which a running
/// load reports (see [`LoopEvent::Loaded`]); `sender` feeds it. Blocks on input between
/// frames and redraws only after something changed, so an idle explorer uses no CPU.
pub fn run(
    start: Start,
    sender: &Sender<LoopEvent>,
    events: &Receiver<LoopEvent>,
) -> Result<(), Failure> {
    let mut session = TerminalSession::enter()?;
    spawn_input(sender.clone())?;
    let mut app = match start {
        Start::Ready(app) => *app,
        Start::Loading(loading) => match wait_for_load(&mut session, *loading, events)? {
            Some(app) => app,
            None => return Ok(()),
        },
    };
    let size = session.terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let worker = if app.catalog().record_count() > BACKGROUND_SEARCH_FROM {
        let results = sender.clone();
        SearchWorker::spawn(
            Arc::clone(app.search_index()),
            ReportTiming::default(),
            move |event| {
                let _ = results.send(LoopEvent::Search(event));
            },
        )
        .ok()
    } else {
        None
    };
    let mut app = app.with_background_search(worker.is_some());
    let terminal = &mut session.terminal;
    drive(
        &mut app,
        events,
        worker.as_ref().map(SearchWorker::handle),
        |app| terminal.draw(|frame| ui::render(app, frame)).map(drop),
        |text| {
            let mut stdout = io::stdout();
            stdout.write_all(osc52(text).as_bytes())?;
            stdout.flush()
        },
    )?;
    Ok(())
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
        build,
    } = loading;
    loop {
        session.terminal.draw(|frame| {
            ui::loading::render_loading(frame, &file, &progress, started.elapsed(), &theme);
        })?;
        match events.recv_timeout(LOADING_TICK) {
            Ok(LoopEvent::Loaded(result)) => {
                let catalog = (*result)?;
                return build(Arc::new(catalog)).map(Some);
            }
            Ok(LoopEvent::Input(Event::Key(key))) if key.kind != KeyEventKind::Release => {
                let quits = matches!(key.code, KeyCode::Char('q') | KeyCode::Esc)
                    || (key.code == KeyCode::Char('c')
                        && key.modifiers.contains(KeyModifiers::CONTROL));
                if quits {
                    return Ok(None);
                }
            }
            Ok(LoopEvent::InputFailed(error)) => return Err(error.into()),
            Ok(_) | Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => {
                return Err(Failure::new(
                    "the dataset stopped loading without a result",
                    1,
                ));
            }
        }
    }
}
