//! The only code that touches the terminal: entering and leaving it (on quit, suspend, a
//! signal or a panic), drawing a frame in one write, and the threads that read its input, the
//! process's signals and its hang-up. Every write goes through [`output`], one at a time.

mod capped;
pub mod input;
pub mod input_split;
pub mod output;
mod safe_cells;

use std::{
    io,
    sync::{Once, mpsc::Sender},
};

use ratatui::{
    CompletedFrame, Frame, Terminal,
    backend::CrosstermBackend,
    crossterm::{
        queue,
        style::Colored,
        terminal::{Clear, ClearType},
    },
};

pub use capped::CappedBackend;
pub use input::spawn_input;
pub use output::restore;

use crate::exit;
use output::FrameBytes;

/// What the terminal's threads report: input, and what the signals ask. The threads send it to
/// whatever channel the caller runs on, as any event type that can be made from it.
#[derive(Debug)]
pub enum TerminalEvent {
    /// A key, the mouse, a paste, a resize.
    Input(ratatui::crossterm::event::Event),
    /// Reading the terminal failed; no input follows.
    InputFailed(io::Error),
    /// `SIGTSTP`: hand the terminal back and stop.
    Suspend,
    /// `SIGCONT`: the process was continued after a stop.
    Continued,
}

/// Makes a panic anywhere restore the terminal before its message (and location) is printed;
/// while the app owns the terminal, the program then ends ([`exit::PANIC`]) rather than go on
/// with a thread missing.
fn install_panic_hook() {
    static INSTALLED: Once = Once::new();
    INSTALLED.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let owned_terminal = output::restore_after_panic();
            previous(info);
            if owned_terminal {
                std::process::exit(i32::from(exit::PANIC));
            }
        }));
    });
}

/// The terminal ratatui draws on: frames gather in memory and go out in one write, at a size
/// no larger than [`crate::chrome::layout::MAX_SIZE`].
type AppTerminal = Terminal<CappedBackend<CrosstermBackend<FrameBytes>>>;

fn new_terminal(frame: &FrameBytes) -> io::Result<AppTerminal> {
    Terminal::new(CappedBackend::new(CrosstermBackend::new(frame.clone())))
}

/// The terminal while the app owns it; dropping it restores the terminal.
pub struct TerminalSession {
    terminal: AppTerminal,
    /// What the terminal's backend has written since the last frame went out.
    frame: FrameBytes,
    /// Whether the mouse is reported to the app (else the terminal keeps it: its own
    /// selection works).
    mouse: bool,
}

impl TerminalSession {
    /// Takes over the terminal: raw mode, alternate screen, bracketed paste, and mouse
    /// reporting when `mouse` is true.
    pub fn enter(mouse: bool) -> io::Result<Self> {
        // The app honours NO_COLOR itself, through its theme; crossterm's own handling would
        // reset bold and reverse with every colour it drops (see `chrome::theme`).
        Colored::set_ansi_color_disabled(false);
        install_panic_hook();
        let frame = FrameBytes::default();
        match output::take_over(mouse).and_then(|()| new_terminal(&frame)) {
            Ok(terminal) => Ok(Self {
                terminal,
                frame,
                mouse,
            }),
            Err(error) => {
                restore();
                Err(error)
            }
        }
    }

    /// The size frames are drawn at: the terminal's, capped.
    pub fn size(&self) -> io::Result<ratatui::layout::Size> {
        self.terminal.size()
    }

    /// Draws a frame with `render` and sends it to the terminal in one write.
    pub fn draw(&mut self, render: impl FnOnce(&mut Frame)) -> io::Result<()> {
        let _: CompletedFrame = self.terminal.draw(render)?;
        self.present()
    }

    fn present(&mut self) -> io::Result<()> {
        output::present(&self.frame)
    }

    /// Hands the terminal back to the shell and stops the process, as Ctrl-Z does in any
    /// program; when the shell continues it (`fg`), takes the terminal back and clears it, so
    /// the next frame is drawn whole.
    pub fn suspend(&mut self) -> io::Result<()> {
        restore();
        #[cfg(unix)]
        signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
        output::take_over(self.mouse)?;
        self.start_afresh()
    }

    /// Clears the screen and forgets what was drawn, so the next frame is drawn whole.
    /// (`Terminal::clear` would ask the terminal where its cursor is, and the answer would go
    /// to the input thread.)
    pub fn start_afresh(&mut self) -> io::Result<()> {
        self.terminal = new_terminal(&self.frame)?;
        queue!(self.frame, Clear(ClearType::All))?;
        self.present()
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

/// Sends `text` to the terminal's clipboard (see [`osc52`]).
pub fn copy_to_clipboard(text: &str) -> io::Result<()> {
    output::write_out(osc52(text).as_bytes())
}

/// Watches for signals from outside. `SIGTERM`, `SIGHUP`, `SIGINT` and `SIGQUIT` end the
/// program with the conventional status (128 + the signal's number), at once, whatever the
/// loop is doing, once the frame being written is out, so the restore is the last thing
/// written. `SIGTSTP` asks the loop to suspend as Ctrl-Z does, `SIGCONT` to draw the screen
/// again, and `SIGWINCH` reports the new size.
#[cfg(unix)]
pub fn watch_signals<E: From<TerminalEvent> + Send + 'static>(events: Sender<E>) -> io::Result<()> {
    use ratatui::crossterm::event::Event;
    use signal_hook::{consts::*, iterator::Signals};
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT, SIGWINCH])?;
    std::thread::Builder::new()
        .name("signals".to_string())
        .spawn(move || {
            for signal in signals.forever() {
                let event = match signal {
                    SIGTSTP => TerminalEvent::Suspend,
                    SIGCONT => TerminalEvent::Continued,
                    SIGWINCH => match ratatui::crossterm::terminal::size() {
                        Ok((width, height)) => TerminalEvent::Input(Event::Resize(width, height)),
                        Err(_) => continue,
                    },
                    _ => {
                        let status = u8::try_from(signal).map_or(exit::FAILED, exit::signal);
                        output::end_process(i32::from(status))
                    }
                };
                let _ = events.send(event.into());
            }
        })
        .map(drop)
}

/// Signals are a Unix matter; elsewhere the terminal's own handling stays.
#[cfg(not(unix))]
pub fn watch_signals<E: From<TerminalEvent> + Send + 'static>(
    _events: Sender<E>,
) -> io::Result<()> {
    Ok(())
}

/// Ends the program as a hang-up does (129) when the terminal goes away without sending one
/// (the program is not the terminal's session leader, or SIGHUP is ignored): the terminal's
/// descriptors report a hang-up, which a thread waits for at no cost while all is well.
#[cfg(unix)]
pub fn watch_for_hang_up() -> io::Result<()> {
    use rustix::event::{PollFd, PollFlags, poll};
    use std::io::IsTerminal;
    // The input is read from standard input when it is the terminal, else /dev/tty.
    let tty = if io::stdin().is_terminal() {
        None
    } else {
        Some(std::fs::File::open("/dev/tty")?)
    };
    std::thread::Builder::new()
        .name("hang-up".to_string())
        .spawn(move || {
            let (stdin, stdout) = (io::stdin(), io::stdout());
            loop {
                let mut fds = [
                    match &tty {
                        Some(tty) => PollFd::new(tty, PollFlags::empty()),
                        None => PollFd::new(&stdin, PollFlags::empty()),
                    },
                    PollFd::new(&stdout, PollFlags::empty()),
                ];
                match poll(&mut fds, None) {
                    Ok(_) => {
                        let gone = PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL;
                        if fds.iter().any(|fd| fd.revents().intersects(gone)) {
                            output::end_process(i32::from(exit::HANG_UP));
                        }
                    }
                    Err(rustix::io::Errno::INTR) => {}
                    // Nothing to watch with: the signals and failed writes remain.
                    Err(_) => return,
                }
            }
        })
        .map(drop)
}

/// Hang-ups are a Unix matter.
#[cfg(not(unix))]
pub fn watch_for_hang_up() -> io::Result<()> {
    Ok(())
}
