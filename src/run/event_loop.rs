//! The explorer's loop, apart from the terminal: everything that can happen arrives on one
//! channel (keys, mouse, resizes, search results, a finished load), and a frame is drawn only
//! after something changed. Generic over drawing, so tests run it on a `TestBackend`.

use std::{io, sync::mpsc::Receiver};

use ratatui::crossterm::event::Event;

use super::Failure;
use crate::{
    app::{App, FileAnswer, FileWork, SearchCommand},
    data::Catalog,
    search::{SearchEvent, SearchHandle},
    terminal::TerminalEvent,
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
    /// File work done off the loop (an export) reports.
    Files(FileAnswer),
    /// A thread built the order a tab's list waits for.
    Ordered(crate::data::Tab),
    /// A background load ended.
    Loaded(Box<Result<Catalog, Failure>>),
    /// Asked from outside (`SIGTSTP`) to hand the terminal back and stop.
    Suspend,
    /// The process was continued after a stop: the screen may need drawing again.
    Continued,
}

impl From<TerminalEvent> for LoopEvent {
    fn from(event: TerminalEvent) -> Self {
        match event {
            TerminalEvent::Input(event) => Self::Input(event),
            TerminalEvent::InputFailed(error) => Self::InputFailed(error),
            TerminalEvent::Suspend => Self::Suspend,
            TerminalEvent::Continued => Self::Continued,
        }
    }
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

/// Events handled before a frame is drawn, at most: a burst (a held key, a paste, a resize
/// storm) is drawn once, yet the screen never lags far behind.
const BATCH: usize = 64;

/// Runs `app` until it quits or `events` has no senders left: draws with `draw` whenever
/// something changed, hands searches to `search`, clipboard text to `clipboard`, and file work
/// to `files`, which answers at once or later, as [`LoopEvent::Files`]. Blocks between events,
/// so an idle explorer draws nothing and uses no CPU.
pub fn drive(
    app: &mut App,
    events: &Receiver<LoopEvent>,
    search: Option<&SearchHandle>,
    mut draw: impl FnMut(&App) -> io::Result<()>,
    mut clipboard: impl FnMut(&str) -> io::Result<()>,
    mut files: impl FnMut(FileWork) -> Option<FileAnswer>,
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
            if let Some(work) = app.take_file_work()
                && let Some(answer) = files(work)
            {
                app.receive_file_answer(answer);
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
        LoopEvent::Input(event) => app.input(event),
        LoopEvent::InputFailed(error) => return Err(error),
        LoopEvent::Search(event) => app.receive_search(event),
        LoopEvent::Files(answer) => {
            app.receive_file_answer(answer);
            true
        }
        LoopEvent::Ordered(tab) => app.order_built(tab),
        LoopEvent::Loaded(_) | LoopEvent::Suspend | LoopEvent::Continued => false,
    })
}
