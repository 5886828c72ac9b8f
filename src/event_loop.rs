//! The explorer's loop, apart from the terminal: everything that can happen arrives on one
//! channel (keys, mouse, resizes, search results, a finished load), and a frame is drawn only
//! after something changed. Generic over drawing, so tests run it on a `TestBackend`.

use std::{io, sync::mpsc::Receiver};

use ratatui::crossterm::event::Event;

use crate::{
    action::{Action, Mode, action_for_key, action_for_mouse},
    app::{App, SearchCommand},
    data::{Catalog, LoadError},
    search::{SearchEvent, SearchHandle},
};

/// Something that happened, for the loop to act on.
#[derive(Debug)]
pub enum LoopEvent {
    /// A terminal event: a key, the mouse, a paste, a resize.
    Input(Event),
    /// Reading the terminal failed; the loop ends with this error.
    InputFailed(io::Error),
    /// A background search reports.
    Search(SearchEvent),
    /// A background load ended.
    Loaded(Box<Result<Catalog, Failure>>),
    /// Asked from outside (`SIGTSTP`) to hand the terminal back and stop.
    Suspend,
    /// The process was continued after a stop: the screen may need drawing again.
    Continued,
}

/// Why [`drive`] returned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stop {
    /// The user quit (or nothing can send events any more).
    Quit,
    /// The user or a signal asked to suspend: hand the terminal back, stop, then drive again.
    Suspend,
    /// The process was continued: draw the whole screen again, then drive again.
    Redraw,
}

/// Why the program ends other than by the user quitting: what to say, and the exit status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// The message for stderr.
    pub message: String,
    /// The exit status.
    pub code: u8,
}

impl Failure {
    /// A failure saying `message`, ending with `code`.
    pub fn new(message: impl Into<String>, code: u8) -> Self {
        Self {
            message: message.into(),
            code,
        }
    }
}

impl Failure {
    /// The loading thread ended without sending its outcome (it cannot, short of a bug).
    pub fn load_vanished() -> Self {
        Self::new("the dataset stopped loading without a result", 1)
    }
}

impl From<LoadError> for Failure {
    fn from(error: LoadError) -> Self {
        Self::new(error.to_string(), error.exit_code())
    }
}

impl From<io::Error> for Failure {
    /// A terminal that has gone away (its reads end, or fail as a hung-up terminal's do)
    /// ends the program as the hang-up signal would, 129; any other failure with 1.
    fn from(error: io::Error) -> Self {
        const EIO: i32 = 5;
        const ENXIO: i32 = 6;
        let gone = matches!(
            error.kind(),
            io::ErrorKind::BrokenPipe | io::ErrorKind::UnexpectedEof
        ) || matches!(error.raw_os_error(), Some(EIO | ENXIO));
        if gone {
            Self::new(format!("the terminal went away: {error}"), 129)
        } else {
            Self::new(format!("the terminal failed: {error}"), 1)
        }
    }
}

/// Events handled before a frame is drawn, at most: a burst (a held key, a paste, a resize
/// storm) is drawn once, yet the screen never lags far behind.
const BATCH: usize = 64;

/// What a terminal event asks of the app in its current mode.
pub fn action_for_event(event: Event, mode: Mode) -> Option<Action> {
    match event {
        Event::Key(key) => action_for_key(key, mode),
        Event::Mouse(mouse) => action_for_mouse(mouse),
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        Event::Paste(text) if mode == Mode::Search => Some(Action::SearchPaste(text)),
        _ => None,
    }
}

/// Runs `app` until it quits or `events` has no senders left: draws with `draw` whenever
/// something changed, hands searches to `search`, and clipboard text to `clipboard`. Blocks
/// between events, so an idle explorer draws nothing and uses no CPU.
pub fn drive(
    app: &mut App,
    events: &Receiver<LoopEvent>,
    search: Option<&SearchHandle>,
    mut draw: impl FnMut(&App) -> io::Result<()>,
    mut clipboard: impl FnMut(&str) -> io::Result<()>,
) -> io::Result<Stop> {
    let mut dirty = true;
    while app.is_running() {
        if dirty {
            draw(app)?;
            dirty = false;
        }
        let Ok(first) = events.recv() else {
            return Ok(Stop::Quit);
        };
        let mut next = Some(first);
        let mut handled = 0;
        while let Some(event) = next.take() {
            match event {
                LoopEvent::Suspend => return Ok(Stop::Suspend),
                LoopEvent::Continued => return Ok(Stop::Redraw),
                event => dirty |= handle(app, event)?,
            }
            if app.take_suspend() {
                return Ok(Stop::Suspend);
            }
            if let Some(command) = app.take_search_command()
                && let Some(search) = search
            {
                match command {
                    SearchCommand::Run(request) => search.submit(*request),
                    SearchCommand::Cancel => search.cancel(),
                }
            }
            if let Some(text) = app.take_clipboard() {
                clipboard(&text)?;
            }
            if !app.is_running() {
                return Ok(Stop::Quit);
            }
            handled += 1;
            if handled < BATCH {
                next = events.try_recv().ok();
            }
        }
    }
    Ok(Stop::Quit)
}

/// Acts on one event; `true` when the screen changes.
fn handle(app: &mut App, event: LoopEvent) -> io::Result<bool> {
    Ok(match event {
        LoopEvent::Input(event) => match action_for_event(event, app.mode()) {
            Some(action) => {
                app.update(action);
                true
            }
            None => false,
        },
        LoopEvent::InputFailed(error) => return Err(error),
        LoopEvent::Search(event) => app.receive_search(event),
        LoopEvent::Loaded(_) | LoopEvent::Suspend | LoopEvent::Continued => false,
    })
}
