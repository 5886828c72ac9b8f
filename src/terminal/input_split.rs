//! Terminal input cut into whole pieces (one key, one escape sequence, one paste) by the
//! grammar of ECMA-48, with limits a stuck or hostile terminal cannot get past: a sequence
//! left unfinished is dropped once no byte has come for a moment, a control key such as
//! Ctrl-C breaks into any sequence, and no sequence grows without bound. Pure: it reads no
//! terminal and knows no key; [`super::input`] decodes the pieces.

use std::time::{Duration, Instant};

/// A whole piece of input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// The bytes of one key or one escape sequence.
    Sequence(Vec<u8>),
    /// Text pasted between the bracketed-paste markers.
    Paste(String),
}

/// How long an unfinished sequence waits for its next byte before it is dropped. A terminal
/// sends a sequence in one write, so a gap this long means it will never be finished.
pub const SEQUENCE_QUIET: Duration = Duration::from_millis(100);

/// How long a lone ESC waits for a next byte before it is the Esc key: a sequence cut across
/// two reads (a slow link) is joined, and no person presses Esc and another key this fast.
pub const ESCAPE_WAIT: Duration = Duration::from_millis(25);

/// How long a paste waits for its next byte before what came is taken as the whole paste.
/// Longer than [`SEQUENCE_QUIET`]: a long paste over a slow link arrives in bursts.
pub const PASTE_QUIET: Duration = Duration::from_millis(500);

/// The longest escape sequence kept; a longer one is dropped up to its final byte.
const SEQUENCE_CAP: usize = 64;

/// The most bytes of a paste kept; the rest is dropped up to its end marker.
pub const PASTE_CAP: usize = 1 << 20;

const ESC: u8 = 0x1b;
const BEL: u8 = 0x07;
const CTRL_C: u8 = 0x03;
const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Between pieces.
    Ground,
    /// Inside a UTF-8 character (perhaps after ESC, for Alt): this many bytes to come.
    Utf8(u8),
    /// After ESC.
    Escape,
    /// After ESC ESC: Esc twice, or Alt with a key that is itself a sequence (`ESC ESC [ D`).
    EscapeEscape,
    /// Inside a control sequence (ESC [).
    Csi,
    /// Inside a control sequence too long to keep, dropped up to its final byte.
    CsiDropped,
    /// After ESC O: one more byte.
    Ss3,
    /// An old-style mouse report (ESC [ M): this many raw bytes to come.
    X10Mouse(u8),
    /// A string sequence (OSC, DCS, APC, PM, SOS): dropped up to BEL or ESC \.
    Text,
    /// ESC inside a string sequence.
    TextEscape,
    /// Inside a bracketed paste.
    Paste,
}

/// Cuts a stream of terminal input into [`Piece`]s.
#[derive(Debug)]
pub struct InputSplitter {
    state: State,
    /// The bytes of the unfinished piece.
    pending: Vec<u8>,
    /// The text of the paste under way.
    paste: Vec<u8>,
    /// When the last byte came.
    last_byte: Option<Instant>,
}

impl Default for InputSplitter {
    fn default() -> Self {
        Self {
            state: State::Ground,
            pending: Vec::with_capacity(SEQUENCE_CAP),
            paste: Vec::new(),
            last_byte: None,
        }
    }
}

/// How many bytes follow a UTF-8 lead byte, or `None` for a byte that cannot lead.
fn continuation_bytes(lead: u8) -> Option<u8> {
    match lead {
        0xC2..=0xDF => Some(1),
        0xE0..=0xEF => Some(2),
        0xF0..=0xF4 => Some(3),
        _ => None,
    }
}

/// A C0 control other than ESC, or DEL: a key of its own, which ends any sequence under way.
fn is_control_key(byte: u8) -> bool {
    (byte < 0x20 && byte != ESC) || byte == 0x7f
}

impl InputSplitter {
    /// Takes in `bytes`, all that could be read at `now`, and appends the pieces they finish to
    /// `out`. A lone ESC at the end waits [`ESCAPE_WAIT`] for what may follow it.
    pub fn push(&mut self, bytes: &[u8], now: Instant, out: &mut Vec<Piece>) {
        if bytes.is_empty() {
            return;
        }
        self.last_byte = Some(now);
        for &byte in bytes {
            self.take(byte, out);
        }
    }

    /// When the unfinished piece expires, if there is one (see [`Self::expire`]).
    pub fn deadline(&self) -> Option<Instant> {
        let quiet = match self.state {
            State::Ground => return None,
            State::Escape | State::EscapeEscape => ESCAPE_WAIT,
            State::Paste => PASTE_QUIET,
            _ => SEQUENCE_QUIET,
        };
        self.last_byte.map(|last| last + quiet)
    }

    /// Ends an unfinished piece whose deadline has passed at `now`: a lone ESC is the Esc key
    /// (twice for two), a paste is taken as it is, anything else is dropped.
    pub fn expire(&mut self, now: Instant, out: &mut Vec<Piece>) {
        if self.deadline().is_some_and(|deadline| deadline <= now) {
            match self.state {
                State::Escape => out.push(Piece::Sequence(vec![ESC])),
                State::EscapeEscape => {
                    out.push(Piece::Sequence(vec![ESC]));
                    out.push(Piece::Sequence(vec![ESC]));
                }
                State::Paste => self.emit_paste(out),
                _ => {}
            }
            self.reset();
        }
    }

    fn reset(&mut self) {
        self.state = State::Ground;
        self.pending.clear();
    }

    fn emit_pending(&mut self, out: &mut Vec<Piece>) {
        out.push(Piece::Sequence(std::mem::take(&mut self.pending)));
        self.pending.reserve(SEQUENCE_CAP);
        self.state = State::Ground;
    }

    fn emit_paste(&mut self, out: &mut Vec<Piece>) {
        let kept = &self.paste[..self.paste.len().min(PASTE_CAP)];
        out.push(Piece::Paste(String::from_utf8_lossy(kept).into_owned()));
        self.paste = Vec::new();
    }

    /// A control key that breaks into the piece under way: the piece is dropped, the key kept.
    fn interrupt(&mut self, byte: u8, out: &mut Vec<Piece>) {
        self.reset();
        out.push(Piece::Sequence(vec![byte]));
    }

    fn take(&mut self, byte: u8, out: &mut Vec<Piece>) {
        match self.state {
            State::Ground => self.take_in_ground(byte, out),
            State::Utf8(remaining) => {
                if byte & 0xC0 != 0x80 {
                    // Not a continuation: the broken character is dropped.
                    self.reset();
                    self.take_in_ground(byte, out);
                    return;
                }
                self.pending.push(byte);
                if remaining == 1 {
                    self.emit_pending(out);
                } else {
                    self.state = State::Utf8(remaining - 1);
                }
            }
            State::Escape => self.take_after_escape(byte, out),
            State::EscapeEscape => match byte {
                // Alt with a sequence: kept whole, its extra ESC read as Alt when decoded.
                b'[' | b'O' => {
                    self.pending.push(byte);
                    self.state = if byte == b'[' { State::Csi } else { State::Ss3 };
                }
                byte => {
                    out.push(Piece::Sequence(vec![ESC]));
                    self.start_escape();
                    self.take_after_escape(byte, out);
                }
            },
            State::Csi => self.take_in_csi(byte, out),
            State::CsiDropped => match byte {
                0x20..=0x3F => {}
                0x40..=0x7E => self.reset(),
                ESC => self.start_escape(),
                byte if is_control_key(byte) => self.interrupt(byte, out),
                byte => {
                    self.reset();
                    self.take_in_ground(byte, out);
                }
            },
            State::Ss3 => match byte {
                0x20..=0x7E => {
                    self.pending.push(byte);
                    self.emit_pending(out);
                }
                ESC => self.start_escape(),
                byte if is_control_key(byte) => self.interrupt(byte, out),
                byte => {
                    self.reset();
                    self.take_in_ground(byte, out);
                }
            },
            // A report's bytes are 32 and up: a control key breaks in.
            State::X10Mouse(_) if byte < 0x20 => self.interrupt(byte, out),
            State::X10Mouse(remaining) => {
                self.pending.push(byte);
                if remaining == 1 {
                    self.emit_pending(out);
                } else {
                    self.state = State::X10Mouse(remaining - 1);
                }
            }
            State::Text => match byte {
                BEL => self.reset(),
                ESC => self.state = State::TextEscape,
                byte if is_control_key(byte) => self.interrupt(byte, out),
                _ => {}
            },
            State::TextEscape => {
                if byte == b'\\' {
                    self.reset();
                } else {
                    self.start_escape();
                    self.take_after_escape(byte, out);
                }
            }
            State::Paste => self.take_in_paste(byte, out),
        }
    }

    fn start_escape(&mut self) {
        self.pending.clear();
        self.pending.push(ESC);
        self.state = State::Escape;
    }

    fn take_in_ground(&mut self, byte: u8, out: &mut Vec<Piece>) {
        match byte {
            ESC => self.start_escape(),
            0x00..=0x7F => out.push(Piece::Sequence(vec![byte])),
            lead => {
                if let Some(remaining) = continuation_bytes(lead) {
                    self.pending.clear();
                    self.pending.push(lead);
                    self.state = State::Utf8(remaining);
                }
                // A byte that cannot start a character is dropped.
            }
        }
    }

    fn take_after_escape(&mut self, byte: u8, out: &mut Vec<Piece>) {
        match byte {
            b'[' => {
                self.pending.push(byte);
                self.state = State::Csi;
            }
            b'O' => {
                self.pending.push(byte);
                self.state = State::Ss3;
            }
            b']' | b'P' | b'X' | b'^' | b'_' => {
                self.pending.clear();
                self.state = State::Text;
            }
            // Esc twice, or Alt with a sequence: the next byte tells.
            ESC => {
                self.pending.push(ESC);
                self.state = State::EscapeEscape;
            }
            // Alt with a key.
            0x00..=0x7F => {
                self.pending.push(byte);
                self.emit_pending(out);
            }
            lead => match continuation_bytes(lead) {
                Some(remaining) => {
                    self.pending.push(lead);
                    self.state = State::Utf8(remaining);
                }
                None => self.emit_pending(out),
            },
        }
    }

    fn take_in_csi(&mut self, byte: u8, out: &mut Vec<Piece>) {
        match byte {
            b'M' if self.pending.ends_with(b"\x1b[") && self.pending.len() <= 3 => {
                self.pending.push(byte);
                self.state = State::X10Mouse(3);
            }
            0x20..=0x3F => {
                if self.pending.len() >= SEQUENCE_CAP {
                    self.pending.clear();
                    self.state = State::CsiDropped;
                } else {
                    self.pending.push(byte);
                }
            }
            0x40..=0x7E => {
                self.pending.push(byte);
                if self.pending == PASTE_START {
                    self.pending.clear();
                    self.paste.clear();
                    self.state = State::Paste;
                } else {
                    self.emit_pending(out);
                }
            }
            ESC => self.start_escape(),
            byte if is_control_key(byte) => self.interrupt(byte, out),
            byte => {
                self.reset();
                self.take_in_ground(byte, out);
            }
        }
    }

    fn take_in_paste(&mut self, byte: u8, out: &mut Vec<Piece>) {
        // Ctrl-C always reaches the app, even from inside a paste that never ends.
        if byte == CTRL_C {
            self.emit_paste(out);
            self.interrupt(byte, out);
            return;
        }
        self.paste.push(byte);
        if self.paste.ends_with(PASTE_END) {
            self.paste.truncate(self.paste.len() - PASTE_END.len());
            self.emit_paste(out);
            self.reset();
        } else if self.paste.len() > PASTE_CAP + PASTE_END.len() {
            // Past the cap only the end marker is looked for.
            let end = self.paste.len() - PASTE_END.len();
            self.paste.drain(PASTE_CAP..end);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(chunks: &[&[u8]]) -> (InputSplitter, Vec<Piece>) {
        let mut splitter = InputSplitter::default();
        let mut out = Vec::new();
        let now = Instant::now();
        for chunk in chunks {
            splitter.push(chunk, now, &mut out);
        }
        (splitter, out)
    }

    fn sequence(bytes: &[u8]) -> Piece {
        Piece::Sequence(bytes.to_vec())
    }

    #[test]
    fn keys_and_sequences_come_out_whole() {
        let (_, pieces) = split(&[b"q\x1b[A\x1bOP\x1b[1;5C\x1b[<0;10;5M\x1bj\xc3\xa9\r"]);
        assert_eq!(
            pieces,
            [
                sequence(b"q"),
                sequence(b"\x1b[A"),
                sequence(b"\x1bOP"),
                sequence(b"\x1b[1;5C"),
                sequence(b"\x1b[<0;10;5M"),
                sequence(b"\x1bj"),
                sequence("é".as_bytes()),
                sequence(b"\r"),
            ]
        );
    }

    #[test]
    fn a_sequence_split_across_reads_is_joined() {
        let (_, pieces) = split(&[b"\x1b[<0;1", b"0;5M", "\u{20ac}".as_bytes()]);
        assert_eq!(
            pieces,
            [sequence(b"\x1b[<0;10;5M"), sequence("€".as_bytes())]
        );
    }

    #[test]
    fn a_lone_escape_is_the_esc_key_once_nothing_follows_it() {
        let mut splitter = InputSplitter::default();
        let mut out = Vec::new();
        let start = Instant::now();
        splitter.push(b"\x1b", start, &mut out);
        assert!(out.is_empty(), "it waits for what may follow");
        splitter.expire(start + ESCAPE_WAIT, &mut out);
        assert_eq!(out, [sequence(b"\x1b")]);
        assert_eq!(splitter.deadline(), None);
        // Esc twice.
        let mut out = Vec::new();
        splitter.push(b"\x1b\x1b", start, &mut out);
        splitter.expire(start + ESCAPE_WAIT, &mut out);
        assert_eq!(out, [sequence(b"\x1b"), sequence(b"\x1b")]);
        // A sequence cut right after its ESC (a slow link) is joined.
        let mut out = Vec::new();
        splitter.push(b"\x1b", start, &mut out);
        splitter.push(b"[B", start + ESCAPE_WAIT / 2, &mut out);
        assert_eq!(out, [sequence(b"\x1b[B")]);
    }

    #[test]
    fn esc_before_a_sequence_is_alt_with_it() {
        let (_, pieces) = split(&[b"\x1b\x1b[Dq\x1b\x1bj"]);
        assert_eq!(
            pieces,
            [
                sequence(b"\x1b\x1b[D"),
                sequence(b"q"),
                sequence(b"\x1b"),
                sequence(b"\x1bj")
            ]
        );
    }

    #[test]
    fn an_unfinished_sequence_is_dropped_after_a_quiet_moment() {
        for stuck in [
            &b"\x1b[<0;1;1"[..],
            b"\x1b[<",
            b"\x1b[?",
            b"\x1b]0;title",
            b"\xe2\x82",
        ] {
            let mut splitter = InputSplitter::default();
            let mut out = Vec::new();
            let start = Instant::now();
            splitter.push(stuck, start, &mut out);
            assert!(out.is_empty(), "{stuck:?}");
            let deadline = splitter.deadline().expect("a deadline");
            splitter.expire(deadline - Duration::from_millis(1), &mut out);
            assert!(out.is_empty(), "not yet: {stuck:?}");
            splitter.expire(deadline, &mut out);
            assert!(out.is_empty(), "dropped, not read as keys: {stuck:?}");
            splitter.push(b"q", deadline, &mut out);
            assert_eq!(out, [sequence(b"q")], "{stuck:?}");
        }
    }

    #[test]
    fn control_keys_break_into_any_sequence() {
        for stuck in [
            &b"\x1b[<0;1;1"[..],
            b"\x1b[?",
            b"\x1b]0;x",
            b"\x1bO",
            b"\x1b[200~abc",
            b"\x1b[M",
            b"\x1b[M ",
        ] {
            let (_, pieces) = split(&[stuck, b"\x03"]);
            assert_eq!(pieces.last(), Some(&sequence(b"\x03")), "{stuck:?}");
        }
    }

    #[test]
    fn a_paste_is_one_piece_and_an_unended_one_ends_when_quiet() {
        let (_, pieces) = split(&[b"\x1b[200~a\x1bb\r", b"c\x1b[201~x"]);
        assert_eq!(
            pieces,
            [Piece::Paste("a\x1bb\rc".to_string()), sequence(b"x")]
        );
        let mut splitter = InputSplitter::default();
        let mut out = Vec::new();
        let start = Instant::now();
        splitter.push(b"\x1b[200~half", start, &mut out);
        splitter.expire(start + SEQUENCE_QUIET, &mut out);
        assert!(out.is_empty(), "a paste waits longer than a sequence");
        splitter.expire(start + PASTE_QUIET, &mut out);
        assert_eq!(out, [Piece::Paste("half".to_string())]);
        splitter.push(b"q", start + PASTE_QUIET, &mut out);
        assert_eq!(out.last(), Some(&sequence(b"q")));
    }

    #[test]
    fn pieces_stay_bounded() {
        let mut long = b"\x1b[".to_vec();
        long.extend(std::iter::repeat_n(b'1', 10_000));
        long.extend(b"~q");
        let (splitter, pieces) = split(&[&long]);
        assert_eq!(
            pieces,
            [sequence(b"q")],
            "the long sequence is dropped whole"
        );
        assert!(splitter.pending.capacity() <= 4 * SEQUENCE_CAP);
        let mut paste = PASTE_START.to_vec();
        paste.extend(std::iter::repeat_n(b'x', PASTE_CAP + 5_000));
        paste.extend(PASTE_END);
        let (_, pieces) = split(&[&paste]);
        let [Piece::Paste(text)] = pieces.as_slice() else {
            panic!("one paste: {pieces:?}");
        };
        assert_eq!(text.len(), PASTE_CAP);
    }

    #[test]
    fn string_sequences_are_dropped_and_bad_bytes_skipped() {
        let (_, pieces) = split(&[b"\x1b]11;rgb:0/0/0\x07a\x1bP1$r\x1b\\b\xff\x80c"]);
        assert_eq!(pieces, [sequence(b"a"), sequence(b"b"), sequence(b"c")]);
    }

    #[test]
    fn an_old_style_mouse_report_takes_three_raw_bytes() {
        let (_, pieces) = split(&[b"\x1b[M \x21\x21q"]);
        assert_eq!(pieces, [sequence(b"\x1b[M \x21\x21"), sequence(b"q")]);
        let (_, pieces) = split(&[b"\x1b[M \x03"]);
        assert_eq!(pieces, [sequence(b"\x03")], "Ctrl-C is never part of one");
    }
}
