//! The one way out to the terminal. Every byte the explorer shows (a frame, a clipboard
//! sequence, the sequences that take the terminal over and give it back) goes through this
//! module under one lock, so two threads never interleave their bytes, and once the terminal
//! has been given back nothing more is written to it. It must not decide what is drawn.

use std::{
    cell::RefCell,
    io::{self, Write},
    rc::Rc,
    sync::{
        Mutex, MutexGuard, PoisonError,
        atomic::{AtomicBool, AtomicU64, Ordering},
    },
    thread,
    time::{Duration, Instant},
};

use ratatui::crossterm::{
    cursor::Show,
    event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture},
    queue,
    terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode},
};

/// Who owns the terminal, guarded by the lock every write takes.
struct Output {
    /// The terminal is in the app's state: raw mode, alternate screen, mouse reporting.
    owned: bool,
    /// The program is ending: the terminal is never taken over again.
    ending: bool,
}

static OUTPUT: Mutex<Output> = Mutex::new(Output {
    owned: false,
    ending: false,
});

/// How long a signal or a panic waits for a frame being written to finish before it gives the
/// terminal back regardless (a terminal that stopped reading, with the frame's write stuck).
const WAIT_FOR_WRITER: Duration = Duration::from_secs(1);

fn lock() -> MutexGuard<'static, Output> {
    // A thread that panicked while writing left nothing half-updated that matters here.
    OUTPUT.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The lock, if it can be had within `limit`.
fn lock_within(limit: Duration) -> Option<MutexGuard<'static, Output>> {
    let start = Instant::now();
    loop {
        match OUTPUT.try_lock() {
            Ok(guard) => return Some(guard),
            Err(std::sync::TryLockError::Poisoned(poisoned)) => return Some(poisoned.into_inner()),
            Err(std::sync::TryLockError::WouldBlock) if start.elapsed() < limit => {
                thread::sleep(Duration::from_millis(1));
            }
            Err(std::sync::TryLockError::WouldBlock) => return None,
        }
    }
}

/// The bytes that take the terminal over: the alternate screen, mouse reporting (when
/// `mouse`), pastes.
fn take_over_sequence(mouse: bool) -> Vec<u8> {
    let mut bytes = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = queue!(bytes, EnterAlternateScreen);
    if mouse {
        let _ = queue!(bytes, EnableMouseCapture);
    }
    let _ = queue!(bytes, EnableBracketedPaste);
    bytes
}

/// The bytes that give the terminal back: paste mode and mouse reporting off, the cursor
/// shown, the main screen back.
pub fn restore_sequence() -> Vec<u8> {
    let mut bytes = Vec::new();
    let _ = queue!(
        bytes,
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        Show
    );
    bytes
}

/// Writes all of `bytes` to standard output, in as few `write` calls as the terminal takes
/// (one, unless it accepts only part).
#[cfg(unix)]
fn write_fully(bytes: &[u8]) -> io::Result<()> {
    write_within(rustix::stdio::stdout(), bytes, RESTORE_WITHIN, None)
}

/// [`write_fully`] for a frame: once the program has begun to end, a frame that cannot go out
/// at once gives up instead of waiting for room, so it neither holds the lock the restore
/// needs nor fills the room made for it.
#[cfg(unix)]
fn write_frame(bytes: &[u8]) -> io::Result<()> {
    write_within(
        rustix::stdio::stdout(),
        bytes,
        RESTORE_WITHIN,
        Some(&ENDING),
    )
}

#[cfg(not(unix))]
fn write_frame(bytes: &[u8]) -> io::Result<()> {
    write_fully(bytes)
}

/// The longest the restore sequence waits for a terminal that has stopped reading: it is the
/// last thing written, and a shell left in the alternate screen with the mouse captured is
/// worse than a wait; a terminal gone for good is not waited for beyond this.
const RESTORE_WITHIN: Duration = Duration::from_secs(2);

/// Writes all of `bytes`; when standard output was made not to wait (a stuck frame given up,
/// see [`unstick_writer`]), waits for room for up to `limit`, so a slow terminal still gets
/// them once it reads again; gives up at once instead while `give_up` is set (for a frame:
/// [`ENDING`]).
#[cfg(unix)]
fn write_within(
    stdout: impl rustix::fd::AsFd,
    mut bytes: &[u8],
    limit: Duration,
    give_up: Option<&AtomicBool>,
) -> io::Result<()> {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    let start = Instant::now();
    while !bytes.is_empty() {
        match rustix::io::write(&stdout, bytes) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(written) => bytes = &bytes[written..],
            Err(rustix::io::Errno::INTR | rustix::io::Errno::AGAIN)
                if give_up.is_some_and(|flag| flag.load(Ordering::SeqCst)) =>
            {
                return Err(io::ErrorKind::Interrupted.into());
            }
            Err(rustix::io::Errno::INTR) => {}
            Err(rustix::io::Errno::AGAIN) => {
                let left = limit.saturating_sub(start.elapsed());
                if left.is_zero() {
                    return Err(io::ErrorKind::TimedOut.into());
                }
                let mut fds = [PollFd::new(&stdout, PollFlags::OUT)];
                let timeout = Timespec::try_from(left).unwrap_or(Timespec {
                    tv_sec: 2,
                    tv_nsec: 0,
                });
                match poll(&mut fds, Some(&timeout)) {
                    Ok(_) | Err(rustix::io::Errno::INTR) => {}
                    Err(error) => return Err(error.into()),
                }
            }
            Err(error) => return Err(error.into()),
        }
    }
    Ok(())
}

#[cfg(not(unix))]
fn write_fully(bytes: &[u8]) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    stdout.write_all(bytes)?;
    stdout.flush()
}

/// The thread writing to the terminal now (its `pthread_t`), 0 when none: a write that is
/// stuck can be woken with a signal (see [`unstick_writer`]).
static WRITER: AtomicU64 = AtomicU64::new(0);

/// Set once a signal or a hang-up has begun to end the program: a writer whose write fails
/// from then on waits for that ending instead of ending the program its own way.
static ENDING: AtomicBool = AtomicBool::new(false);

#[cfg(unix)]
fn this_thread() -> u64 {
    // SAFETY: pthread_self has no preconditions.
    unsafe { libc::pthread_self() as u64 }
}

/// Lets a signal break into a blocked write: a handler that does nothing (an ignored signal
/// would not interrupt the system call).
#[cfg(unix)]
fn prepare_wake_up() {
    static PREPARED: std::sync::Once = std::sync::Once::new();
    PREPARED.call_once(|| {
        // SAFETY: the action does nothing, which is async-signal-safe.
        let _ = unsafe { signal_hook::low_level::register(signal_hook::consts::SIGURG, || {}) };
    });
}

/// Writes `bytes` to the terminal while the app owns it; after the terminal has been given
/// back, writes nothing.
pub fn write_out(bytes: &[u8]) -> io::Result<()> {
    let written = {
        let output = lock();
        if !output.owned {
            return Ok(());
        }
        #[cfg(unix)]
        WRITER.store(this_thread(), Ordering::SeqCst);
        let written = write_frame(bytes);
        WRITER.store(0, Ordering::SeqCst);
        written
    };
    if written.is_err() && ENDING.load(Ordering::SeqCst) {
        // The write was broken off so the program could end with the signal's status; the
        // thread ending it exits the process. Waiting here keeps this one from ending it first.
        loop {
            thread::park();
        }
    }
    written
}

/// Takes the terminal over: raw mode, the alternate screen, mouse reporting (when `mouse`),
/// bracketed paste. Refused once the program has begun to end.
pub fn take_over(mouse: bool) -> io::Result<()> {
    let mut output = lock();
    if output.ending {
        return Err(io::Error::other("the program is ending"));
    }
    #[cfg(unix)]
    prepare_wake_up();
    enable_raw_mode()?;
    output.owned = true;
    write_fully(&take_over_sequence(mouse))
}

/// Gives the terminal back if the app owns it; `true` when it did.
fn give_back(output: &mut Output) -> bool {
    if !output.owned {
        return false;
    }
    output.owned = false;
    // Best effort: the terminal may already be gone.
    let _ = write_fully(&restore_sequence());
    let _ = disable_raw_mode();
    true
}

/// Puts the terminal back as it was: mouse reporting and paste mode off, main screen back,
/// cursor shown, raw mode off. Safe to call more than once; `true` when the app owned it.
pub fn restore() -> bool {
    give_back(&mut lock())
}

/// [`restore`] for a panic, which may strike while the lock is held elsewhere: waits a while
/// for it, then gives the terminal back regardless.
pub fn restore_after_panic() -> bool {
    ENDING.store(true, Ordering::SeqCst);
    let owned = match lock_within(WAIT_FOR_WRITER).or_else(unstick_writer) {
        Some(mut output) => give_back(&mut output),
        None => {
            let _ = write_fully(&restore_sequence());
            let _ = disable_raw_mode();
            true
        }
    };
    let _ = set_output_blocking(true);
    owned
}

/// Ends the program with `code` from any thread: waits for a frame being written to finish,
/// gives the terminal back, and exits holding the lock, so nothing is written after the
/// restore and the terminal is never taken over again.
pub fn end_process(code: i32) -> ! {
    ENDING.store(true, Ordering::SeqCst);
    let output = lock_within(WAIT_FOR_WRITER).or_else(unstick_writer);
    match output {
        Some(mut output) => {
            output.ending = true;
            give_back(&mut output);
            let _ = set_output_blocking(true);
            // The guard is never dropped: `exit` runs no destructors, so the lock stays held
            // while the other threads are torn down.
            std::process::exit(code)
        }
        None => {
            // Still stuck: give back what needs no writing.
            let _ = disable_raw_mode();
            let _ = set_output_blocking(true);
            std::process::exit(code)
        }
    }
}

/// A frame's write is stuck (the terminal stopped reading, its buffer full): makes writes fail
/// rather than wait, wakes the stuck writer with a signal so it sees that and gives up, drops
/// what waits in the terminal's output queue, and takes the lock. Then there is room for the
/// restore sequence, which is written without waiting either.
fn unstick_writer() -> Option<MutexGuard<'static, Output>> {
    let _ = set_output_blocking(false);
    discard_pending_output();
    #[cfg(unix)]
    {
        let writer = WRITER.load(Ordering::SeqCst);
        if writer != 0 {
            // SAFETY: the id was that of a thread of this process while it wrote; a thread
            // that has finished writing since has reset it. SIGURG's handler does nothing.
            unsafe {
                libc::pthread_kill(writer as libc::pthread_t, libc::SIGURG);
            }
        }
    }
    let output = lock_within(WAIT_FOR_WRITER / 2)?;
    // What the stuck writer managed to add before it gave up.
    discard_pending_output();
    Some(output)
}

#[cfg(unix)]
fn discard_pending_output() {
    let _ = rustix::termios::tcflush(
        rustix::stdio::stdout(),
        rustix::termios::QueueSelector::OFlush,
    );
}

#[cfg(not(unix))]
fn discard_pending_output() {}

/// Makes writes to standard output wait for room (`true`, as the shell expects it back) or
/// fail at once (`false`).
#[cfg(unix)]
fn set_output_blocking(blocking: bool) -> io::Result<()> {
    use rustix::fs::{OFlags, fcntl_getfl, fcntl_setfl};
    let stdout = rustix::stdio::stdout();
    let flags = fcntl_getfl(stdout)?;
    let flags = if blocking {
        flags - OFlags::NONBLOCK
    } else {
        flags | OFlags::NONBLOCK
    };
    Ok(fcntl_setfl(stdout, flags)?)
}

#[cfg(not(unix))]
fn set_output_blocking(_blocking: bool) -> io::Result<()> {
    Ok(())
}

/// Where ratatui writes a frame: memory, sent to the terminal in one write by [`present`].
/// Clones share the bytes, so the session can present what the backend gathered.
#[derive(Clone, Debug, Default)]
pub struct FrameBytes {
    bytes: Rc<RefCell<Vec<u8>>>,
}

impl Write for FrameBytes {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.bytes.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    /// Keeps the bytes: a frame goes out whole, in [`present`], not piecemeal as ratatui
    /// flushes after moving the cursor.
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Sends what `frame` gathered to the terminal in one write, keeping its buffer for the next.
pub fn present(frame: &FrameBytes) -> io::Result<()> {
    let mut bytes = frame.bytes.borrow_mut();
    if bytes.is_empty() {
        return Ok(());
    }
    let written = write_out(&bytes);
    bytes.clear();
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frame_is_kept_until_presented() {
        let mut frame = FrameBytes::default();
        frame.write_all(b"abc").unwrap();
        frame.flush().unwrap();
        frame.write_all(b"def").unwrap();
        assert_eq!(*frame.bytes.borrow(), b"abcdef");
    }

    #[test]
    fn the_restore_sequence_leaves_the_alternate_screen_and_shows_the_cursor() {
        let restore = String::from_utf8(restore_sequence()).unwrap();
        assert!(restore.starts_with("\x1b[?2004l"), "{restore:?}");
        assert!(restore.contains("\x1b[?1000l"), "{restore:?}");
        assert!(restore.contains("\x1b[?1049l"), "{restore:?}");
        assert!(restore.ends_with("\x1b[?25h"), "{restore:?}");
    }
}

#[cfg(all(test, unix))]
mod restore_tests {
    use super::*;

    /// A full pipe that is not being read, like a terminal that stopped reading.
    fn full_pipe() -> (io::PipeReader, io::PipeWriter) {
        let (reader, writer) = io::pipe().expect("a pipe");
        let flags = rustix::fs::fcntl_getfl(&writer).expect("flags");
        rustix::fs::fcntl_setfl(&writer, flags | rustix::fs::OFlags::NONBLOCK).expect("set");
        while rustix::io::write(&writer, &[b'x'; 4096]).is_ok() {}
        (reader, writer)
    }

    #[test]
    fn the_restore_reaches_a_terminal_that_reads_again_in_time() {
        let (reader, writer) = full_pipe();
        let drain = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(100));
            let mut buffer = vec![0u8; 1 << 20];
            let mut got = Vec::new();
            while let Ok(read) = rustix::io::read(&reader, &mut buffer) {
                got.extend_from_slice(&buffer[..read]);
                if read == 0 || got.ends_with(b"RESTORED") {
                    break;
                }
            }
            got
        });
        write_within(&writer, b"RESTORED", Duration::from_secs(5), None)
            .expect("written once read");
        assert!(drain.join().expect("drained").ends_with(b"RESTORED"));
    }

    #[test]
    fn a_terminal_that_never_reads_again_is_given_up_within_the_limit() {
        let (_reader, writer) = full_pipe();
        let outcome = write_within(&writer, b"RESTORED", Duration::from_millis(200), None);
        assert_eq!(outcome.map_err(|e| e.kind()), Err(io::ErrorKind::TimedOut));
    }

    #[test]
    fn a_frame_gives_up_at_once_when_the_program_is_ending_and_the_restore_does_not() {
        let (_reader, writer) = full_pipe();
        let ending = AtomicBool::new(true);
        let start = std::time::Instant::now();
        let frame = write_within(&writer, b"FRAME", Duration::from_secs(5), Some(&ending));
        assert_eq!(frame.map_err(|e| e.kind()), Err(io::ErrorKind::Interrupted));
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "it did not wait for room"
        );
        // Not ending: the same frame waits for room, up to its limit.
        ending.store(false, Ordering::SeqCst);
        let waited = write_within(&writer, b"FRAME", Duration::from_millis(100), Some(&ending));
        assert_eq!(waited.map_err(|e| e.kind()), Err(io::ErrorKind::TimedOut));
    }
}
