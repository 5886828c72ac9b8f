//! The only code that touches the terminal: entering and leaving it, and the event loop.

use std::{
    io::{self, Stdout, Write},
    sync::atomic::{AtomicBool, Ordering},
};

use ratatui::{
    Terminal,
    backend::CrosstermBackend,
    crossterm::{
        cursor::Show,
        event::{
            self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste,
            EnableMouseCapture, Event,
        },
        execute,
        style::Colored,
        terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode},
    },
};

use crate::{
    action::{Action, Mode, action_for_key, action_for_mouse},
    app::App,
    ui,
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

/// What a terminal event asks of the app in its current mode.
fn action_for_event(event: Event, mode: Mode) -> Option<Action> {
    match event {
        Event::Key(key) => action_for_key(key, mode),
        Event::Mouse(mouse) => action_for_mouse(mouse),
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        Event::Paste(text) if mode == Mode::Search => Some(Action::SearchPaste(text)),
        _ => None,
    }
}

/// Runs the app until it quits. Blocks on input between frames and redraws only after an
/// event that changed something, so an idle explorer uses no CPU.
pub fn run(app: &mut App) -> io::Result<()> {
    let mut session = TerminalSession::enter()?;
    let size = session.terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let mut dirty = true;
    while app.is_running() {
        if dirty {
            session.terminal.draw(|frame| ui::render(app, frame))?;
            dirty = false;
        }
        if let Some(action) = action_for_event(event::read()?, app.mode()) {
            app.update(action);
            dirty = true;
        }
        if let Some(text) = app.take_clipboard() {
            let mut stdout = io::stdout();
            stdout.write_all(osc52(&text).as_bytes())?;
            stdout.flush()?;
        }
    }
    Ok(())
}
