//! The only code that touches the terminal: entering and leaving it (on quit, suspend, a
//! signal or a panic), and the threads that read its input and the process's signals.

use std::{
    io::{self, Stdout, Write},
    mem::ManuallyDrop,
    sync::{
        Once,
        atomic::{AtomicBool, Ordering},
        mpsc::Sender,
    },
    thread,
};

use ratatui::{
    Terminal,
    backend::CrosstermBackend,
    crossterm::{
        cursor::Show,
        event::{
            self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste,
            EnableMouseCapture,
        },
        execute,
        style::Colored,
        terminal::{
            Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode,
            enable_raw_mode,
        },
    },
};

use crate::event_loop::LoopEvent;

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

/// Makes a panic anywhere restore the terminal before its message (and location) is printed;
/// while the app owns the terminal, the program then ends (status 101) rather than go on with
/// a thread missing.
fn install_panic_hook() {
    static INSTALLED: Once = Once::new();
    INSTALLED.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let owned_terminal = ACTIVE.load(Ordering::SeqCst);
            restore();
            previous(info);
            if owned_terminal {
                std::process::exit(101);
            }
        }));
    });
}

/// The terminal while the app owns it; dropping it restores the terminal.
pub struct TerminalSession {
    /// Never dropped: ratatui's `Terminal` prints to stderr when it cannot show the cursor on
    /// drop, and `eprintln!` panics when stderr is gone with the terminal. `restore` shows the
    /// cursor instead.
    terminal: ManuallyDrop<Terminal<CrosstermBackend<Stdout>>>,
}

impl TerminalSession {
    /// Takes over the terminal: raw mode, alternate screen, mouse reporting, bracketed paste.
    pub fn enter() -> io::Result<Self> {
        // The app honours NO_COLOR itself, through its theme; crossterm's own handling would
        // reset bold and reverse with every colour it drops (see `ui::theme`).
        Colored::set_ansi_color_disabled(false);
        install_panic_hook();
        let entered = take_over().and_then(|()| Terminal::new(CrosstermBackend::new(io::stdout())));
        match entered {
            Ok(terminal) => Ok(Self {
                terminal: ManuallyDrop::new(terminal),
            }),
            Err(error) => {
                restore();
                Err(error)
            }
        }
    }

    /// The terminal to draw on.
    pub fn terminal(&mut self) -> &mut Terminal<CrosstermBackend<Stdout>> {
        &mut self.terminal
    }

    /// Hands the terminal back to the shell and stops the process, as Ctrl-Z does in any
    /// program; when the shell continues it (`fg`), takes the terminal back and clears it, so
    /// the next frame is drawn whole.
    pub fn suspend(&mut self) -> io::Result<()> {
        restore();
        #[cfg(unix)]
        signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
        take_over()?;
        self.start_afresh()
    }

    /// Clears the screen and forgets what was drawn, so the next frame is drawn whole.
    /// (`Terminal::clear` would ask the terminal where its cursor is, and the answer would go
    /// to the input thread.)
    pub fn start_afresh(&mut self) -> io::Result<()> {
        execute!(io::stdout(), Clear(ClearType::All))?;
        let fresh = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        // The terminal is ours again here, so the old one can show its cursor as it goes.
        drop(ManuallyDrop::into_inner(std::mem::replace(
            &mut self.terminal,
            ManuallyDrop::new(fresh),
        )));
        Ok(())
    }
}

/// Raw mode, the alternate screen, mouse reporting and bracketed paste.
fn take_over() -> io::Result<()> {
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )
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
pub fn spawn_input(events: Sender<LoopEvent>) -> io::Result<()> {
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

/// Watches for signals from outside. `SIGTERM`, `SIGHUP`, `SIGINT` and `SIGQUIT` restore the
/// terminal and end the program with the conventional status (128 + the signal's number), at
/// once, whatever the loop is doing. `SIGTSTP` asks the loop to suspend as Ctrl-Z does, and
/// `SIGCONT` to draw the screen again.
#[cfg(unix)]
pub fn watch_signals(events: Sender<LoopEvent>) -> io::Result<()> {
    use signal_hook::{consts::*, iterator::Signals};
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT])?;
    thread::Builder::new()
        .name("signals".to_string())
        .spawn(move || {
            for signal in signals.forever() {
                match signal {
                    SIGTSTP => {
                        let _ = events.send(LoopEvent::Suspend);
                    }
                    SIGCONT => {
                        let _ = events.send(LoopEvent::Continued);
                    }
                    _ => {
                        restore();
                        std::process::exit(128 + signal);
                    }
                }
            }
        })
        .map(drop)
}

/// Signals are a Unix matter; elsewhere the terminal's own handling stays.
#[cfg(not(unix))]
pub fn watch_signals(_events: Sender<LoopEvent>) -> io::Result<()> {
    Ok(())
}

/// Ends the program as a hang-up does (129) when the terminal goes away without sending one
/// (the program is not the terminal's session leader, or SIGHUP is ignored): the terminal's
/// descriptors report a hang-up, which a thread waits for at no cost while all is well.
/// Without it, crossterm would re-read the dead terminal forever (crossterm-rs/crossterm#793).
#[cfg(unix)]
pub fn watch_for_hang_up() -> io::Result<()> {
    use rustix::event::{PollFd, PollFlags, poll};
    use std::io::IsTerminal;
    // Crossterm reads standard input when it is the terminal, else /dev/tty.
    let tty = if io::stdin().is_terminal() {
        None
    } else {
        Some(std::fs::File::open("/dev/tty")?)
    };
    thread::Builder::new()
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
                            restore();
                            std::process::exit(129);
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
