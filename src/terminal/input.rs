//! Reading the terminal: a thread reads its bytes, [`InputSplitter`](super::input_split::InputSplitter) cuts them into whole
//! pieces with time limits, and termina's parser (crossterm's, with more sequences) decodes
//! each piece into the crossterm event the app's key map reads. Reading the bytes here rather
//! than through crossterm's reader is what lets an unfinished escape sequence expire: crossterm
//! waits for its end forever, deaf to every key meanwhile.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};

use super::input_split::Piece;

/// The crossterm event a whole piece of input means, if any.
pub fn decode(piece: Piece) -> Option<Event> {
    let bytes = match piece {
        Piece::Paste(text) => return Some(Event::Paste(text)),
        Piece::Sequence(bytes) => bytes,
    };
    // ESC before a sequence: Alt with the key it stands for (`ESC ESC [ D` is Alt-←).
    if let Some(sequence) = bytes.strip_prefix(b"\x1b")
        && sequence.starts_with(b"\x1b")
        && sequence.len() > 1
    {
        return match decode(Piece::Sequence(sequence.to_vec()))? {
            Event::Key(mut key) => {
                key.modifiers |= KeyModifiers::ALT;
                Some(Event::Key(key))
            }
            _ => None,
        };
    }
    if !mouse_report_in_range(&bytes) {
        return None;
    }
    // A fresh parser per piece: a piece it cannot read leaves nothing behind to swallow the next.
    let mut parser = termina::Parser::default();
    parser.parse(&bytes, false);
    match parser.pop()? {
        termina::Event::Key(key) => key_event(key).map(Event::Key),
        termina::Event::Mouse(mouse) => mouse_event(mouse).map(Event::Mouse),
        termina::Event::Paste(text) => Some(Event::Paste(text)),
        termina::Event::FocusIn => Some(Event::FocusGained),
        termina::Event::FocusOut => Some(Event::FocusLost),
        // Replies to queries the app never makes.
        _ => None,
    }
}

/// Whether a mouse report (`ESC [ < b ; x ; y M`, or rxvt's without `<`) has a column and row
/// from 1 up, as terminals count them; termina subtracts 1 from each, which a hostile 0 would
/// overflow. Anything that is not such a report passes.
fn mouse_report_in_range(bytes: &[u8]) -> bool {
    let Some(body) = bytes
        .strip_prefix(b"\x1b[")
        .and_then(|rest| rest.strip_suffix(b"M").or_else(|| rest.strip_suffix(b"m")))
    else {
        return true;
    };
    let body = body.strip_prefix(b"<").unwrap_or(body);
    if body.is_empty() || !body.iter().all(|b| b.is_ascii_digit() || *b == b';') {
        return true;
    }
    body.split(|&b| b == b';')
        .skip(1)
        .take(2)
        .all(|number| number.iter().any(|&digit| digit != b'0'))
}

fn modifiers(modifiers: termina::event::Modifiers) -> KeyModifiers {
    use termina::event::Modifiers as M;
    let mut out = KeyModifiers::NONE;
    for (from, to) in [
        (M::SHIFT, KeyModifiers::SHIFT),
        (M::ALT, KeyModifiers::ALT),
        (M::CONTROL, KeyModifiers::CONTROL),
        (M::SUPER, KeyModifiers::SUPER),
        (M::HYPER, KeyModifiers::HYPER),
        (M::META, KeyModifiers::META),
    ] {
        if modifiers.contains(from) {
            out |= to;
        }
    }
    out
}

fn key_code(code: termina::event::KeyCode) -> Option<KeyCode> {
    use termina::event::KeyCode as K;
    Some(match code {
        K::Char(c) => KeyCode::Char(c),
        K::Enter => KeyCode::Enter,
        K::Backspace => KeyCode::Backspace,
        K::Tab => KeyCode::Tab,
        K::Escape => KeyCode::Esc,
        K::Left => KeyCode::Left,
        K::Right => KeyCode::Right,
        K::Up => KeyCode::Up,
        K::Down => KeyCode::Down,
        K::Home => KeyCode::Home,
        K::End => KeyCode::End,
        K::BackTab => KeyCode::BackTab,
        K::PageUp => KeyCode::PageUp,
        K::PageDown => KeyCode::PageDown,
        K::Insert => KeyCode::Insert,
        K::Delete => KeyCode::Delete,
        K::KeypadBegin => KeyCode::KeypadBegin,
        K::Function(n) => KeyCode::F(n),
        K::Null => KeyCode::Null,
        // Keys the app has no use for.
        _ => return None,
    })
}

fn key_event(key: termina::event::KeyEvent) -> Option<KeyEvent> {
    let kind = match key.kind {
        termina::event::KeyEventKind::Press => KeyEventKind::Press,
        termina::event::KeyEventKind::Repeat => KeyEventKind::Repeat,
        termina::event::KeyEventKind::Release => KeyEventKind::Release,
    };
    Some(KeyEvent {
        code: key_code(key.code)?,
        modifiers: modifiers(key.modifiers),
        kind,
        state: KeyEventState::NONE,
    })
}

fn mouse_button(button: termina::event::MouseButton) -> MouseButton {
    match button {
        termina::event::MouseButton::Left => MouseButton::Left,
        termina::event::MouseButton::Right => MouseButton::Right,
        termina::event::MouseButton::Middle => MouseButton::Middle,
    }
}

fn mouse_event(mouse: termina::event::MouseEvent) -> Option<MouseEvent> {
    use termina::event::MouseEventKind as M;
    let kind = match mouse.kind {
        M::Down(button) => MouseEventKind::Down(mouse_button(button)),
        M::Up(button) => MouseEventKind::Up(mouse_button(button)),
        M::Drag(button) => MouseEventKind::Drag(mouse_button(button)),
        M::Moved => MouseEventKind::Moved,
        M::ScrollDown => MouseEventKind::ScrollDown,
        M::ScrollUp => MouseEventKind::ScrollUp,
        M::ScrollLeft => MouseEventKind::ScrollLeft,
        M::ScrollRight => MouseEventKind::ScrollRight,
    };
    Some(MouseEvent {
        kind,
        column: mouse.column,
        row: mouse.row,
        modifiers: modifiers(mouse.modifiers),
    })
}

#[cfg(unix)]
pub use reader::spawn_input;

#[cfg(unix)]
mod reader {
    use std::{
        io::{self, IsTerminal},
        os::fd::{AsFd, BorrowedFd, OwnedFd},
        sync::mpsc::Sender,
        thread,
        time::Instant,
    };

    use rustix::{
        event::{PollFd, PollFlags, Timespec, poll},
        io::Errno,
    };

    use super::decode;
    use crate::terminal::{TerminalEvent, input_split::InputSplitter};

    /// The terminal's input: standard input when it is the terminal, else `/dev/tty`, as
    /// crossterm chooses.
    enum Tty {
        Stdin(io::Stdin),
        Opened(OwnedFd),
    }

    impl Tty {
        fn open() -> io::Result<Self> {
            let stdin = io::stdin();
            if stdin.is_terminal() {
                return Ok(Self::Stdin(stdin));
            }
            Ok(Self::Opened(std::fs::File::open("/dev/tty")?.into()))
        }

        fn fd(&self) -> BorrowedFd<'_> {
            match self {
                Self::Stdin(stdin) => stdin.as_fd(),
                Self::Opened(fd) => fd.as_fd(),
            }
        }
    }

    /// Reads terminal input on a thread of its own and sends each event to the loop, so the
    /// loop can wait on input, search results and a load at once.
    pub fn spawn_input<E: From<TerminalEvent> + Send + 'static>(
        events: Sender<E>,
    ) -> io::Result<()> {
        let tty = Tty::open()?;
        thread::Builder::new()
            .name("input".to_string())
            .spawn(move || {
                if let Err(error) = read_forever(&tty, &events) {
                    let _ = events.send(TerminalEvent::InputFailed(error).into());
                }
            })
            .map(drop)
    }

    /// Reads until the terminal fails or the loop stops listening.
    fn read_forever<E: From<TerminalEvent>>(tty: &Tty, events: &Sender<E>) -> io::Result<()> {
        let mut splitter = InputSplitter::default();
        let mut buffer = [0u8; 8192];
        let mut pieces = Vec::new();
        loop {
            let timeout = splitter.deadline().map(|deadline| {
                let left = deadline.saturating_duration_since(Instant::now());
                Timespec::try_from(left).unwrap_or(Timespec {
                    tv_sec: 0,
                    tv_nsec: 0,
                })
            });
            let fd = tty.fd();
            let mut fds = [PollFd::new(&fd, PollFlags::IN)];
            match poll(&mut fds, timeout.as_ref()) {
                Ok(_) => {}
                Err(Errno::INTR) => continue,
                Err(error) => return Err(error.into()),
            }
            let readable = !fds[0].revents().is_empty();
            if readable {
                match rustix::io::read(tty.fd(), &mut buffer) {
                    Ok(0) => {
                        return Err(io::Error::new(
                            io::ErrorKind::UnexpectedEof,
                            "the terminal closed its input",
                        ));
                    }
                    Ok(read) => splitter.push(&buffer[..read], Instant::now(), &mut pieces),
                    Err(Errno::INTR | Errno::AGAIN) => {}
                    Err(error) => return Err(error.into()),
                }
            }
            splitter.expire(Instant::now(), &mut pieces);
            for piece in pieces.drain(..) {
                if let Some(event) = decode(piece)
                    && events.send(TerminalEvent::Input(event).into()).is_err()
                {
                    return Ok(());
                }
            }
        }
    }
}

/// Elsewhere, crossterm's own reader.
#[cfg(not(unix))]
pub fn spawn_input<E: From<super::TerminalEvent> + Send + 'static>(
    events: std::sync::mpsc::Sender<E>,
) -> std::io::Result<()> {
    use super::TerminalEvent;
    std::thread::Builder::new()
        .name("input".to_string())
        .spawn(move || {
            loop {
                let (event, failed) = match ratatui::crossterm::event::read() {
                    Ok(event) => (TerminalEvent::Input(event), false),
                    Err(error) => (TerminalEvent::InputFailed(error), true),
                };
                if events.send(event.into()).is_err() || failed {
                    return;
                }
            }
        })
        .map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(bytes: &[u8]) -> Option<Event> {
        decode(Piece::Sequence(bytes.to_vec()))
    }

    fn pressed(code: KeyCode, modifiers: KeyModifiers) -> Option<Event> {
        Some(Event::Key(KeyEvent::new(code, modifiers)))
    }

    #[test]
    fn keys_decode_as_crossterm_reads_them() {
        let none = KeyModifiers::NONE;
        let cases = [
            (&b"q"[..], pressed(KeyCode::Char('q'), none)),
            (b"\x03", pressed(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            (b"\x1b", pressed(KeyCode::Esc, none)),
            (b"\r", pressed(KeyCode::Enter, none)),
            (b"\x7f", pressed(KeyCode::Backspace, none)),
            (b"\t", pressed(KeyCode::Tab, none)),
            (b"\x1b[Z", pressed(KeyCode::BackTab, KeyModifiers::SHIFT)),
            (b"\x1b[A", pressed(KeyCode::Up, none)),
            (b"\x1b[1;2B", pressed(KeyCode::Down, KeyModifiers::SHIFT)),
            (b"\x1b[1;3D", pressed(KeyCode::Left, KeyModifiers::ALT)),
            (b"\x1b[5~", pressed(KeyCode::PageUp, none)),
            (b"\x1bOP", pressed(KeyCode::F(1), none)),
            (b"\x1b[H", pressed(KeyCode::Home, none)),
            ("é".as_bytes(), pressed(KeyCode::Char('é'), none)),
            (b"G", pressed(KeyCode::Char('G'), KeyModifiers::SHIFT)),
        ];
        for (bytes, expected) in cases {
            assert_eq!(key(bytes), expected, "{bytes:?}");
        }
    }

    #[test]
    fn mouse_reports_and_pastes_decode() {
        assert_eq!(
            key(b"\x1b[<0;10;5M"),
            Some(Event::Mouse(MouseEvent {
                kind: MouseEventKind::Down(MouseButton::Left),
                column: 9,
                row: 4,
                modifiers: KeyModifiers::NONE,
            }))
        );
        assert!(matches!(
            key(b"\x1b[<65;3;3M"),
            Some(Event::Mouse(MouseEvent {
                kind: MouseEventKind::ScrollDown,
                ..
            }))
        ));
        assert_eq!(
            decode(Piece::Paste("text".to_string())),
            Some(Event::Paste("text".to_string()))
        );
    }

    #[test]
    fn alt_before_a_sequence_and_mouse_reports_at_zero() {
        assert_eq!(
            key(b"\x1b\x1b[D"),
            pressed(KeyCode::Left, KeyModifiers::ALT)
        );
        for report in [&b"\x1b[<0;0;0M"[..], b"\x1b[<0;5;0m", b"\x1b[32;0;3M"] {
            assert_eq!(key(report), None, "{report:?}");
        }
        assert!(key(b"\x1b[<0;1;1M").is_some());
    }

    proptest::proptest! {
        /// termina's parser has arithmetic a hostile sequence could overflow (a panic in a
        /// debug build): every piece the splitter can make decodes without one.
        #[test]
        fn no_piece_of_input_panics_the_decoder(
            start in proptest::prop_oneof![
                3 => proptest::strategy::Just(&b"\x1b[<"[..]),
                2 => proptest::strategy::Just(&b"\x1b["[..]),
                1 => proptest::sample::select(vec![
                    &b"\x1b[?"[..], b"\x1b[>", b"\x1bO", b"\x1b", b"\x1b\x1b[", b"",
                ]),
            ],
            numbers in proptest::collection::vec(
                proptest::prop_oneof![proptest::strategy::Just(0u32), 1u32..300, 0u32..70_000],
                0..5,
            ),
            end in proptest::prop_oneof![
                3 => proptest::sample::select(b"Mm".to_vec()),
                1 => proptest::sample::select(b"ABCDHFPQRSZu~cRtIO:;q".to_vec()),
            ],
            noise in proptest::collection::vec(proptest::num::u8::ANY, 0..6),
        ) {
            let mut splitter = crate::terminal::input_split::InputSplitter::default();
            let mut pieces = Vec::new();
            let now = std::time::Instant::now();
            let mut bytes = start.to_vec();
            let numbers: Vec<String> = numbers.iter().map(u32::to_string).collect();
            bytes.extend(numbers.join(";").bytes());
            bytes.push(end);
            bytes.extend(noise);
            splitter.push(&bytes, now, &mut pieces);
            splitter.expire(now + std::time::Duration::from_secs(1), &mut pieces);
            for piece in pieces {
                let _ = decode(piece);
            }
        }
    }

    #[test]
    fn sequences_it_cannot_read_mean_nothing() {
        for bytes in [&b"\x1b[<0;1;1q"[..], b"\x1b[?1;2c", b"\x1b[999z", b"\xff"] {
            assert_eq!(key(bytes), None, "{bytes:?}");
        }
    }
}
