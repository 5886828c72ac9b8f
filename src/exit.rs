//! Every status the program exits with, and why: the one place to read them (the README's
//! tables repeat them). Also [`Failure`], an ending other than the user quitting: what to say
//! on stderr and the status to end with. The statuses are numbers the shell sees; nothing
//! here prints or exits.

use std::io;

use crate::data::LoadError;

/// All went well: the user quit, the dataset has no problems, the output was written.
pub const OK: u8 = 0;
/// A dataset whose content is wrong, or a failure while running (the output could not be
/// written, the terminal failed).
pub const FAILED: u8 = 1;
/// A file that cannot be read or parsed, or arguments that make no sense.
pub const UNUSABLE: u8 = 2;
/// A panic: Rust's own status for it, kept so a bug is told apart from a failure.
pub const PANIC: u8 = 101;
/// The terminal went away, as the hang-up signal ends a program.
pub const HANG_UP: u8 = signal(1);

/// The status a program ended by signal `number` conventionally exits with, 128 + the number.
pub const fn signal(number: u8) -> u8 {
    128 + number
}

impl LoadError {
    /// The exit status for this error: [`UNUSABLE`] for a file that cannot be read or parsed,
    /// [`FAILED`] for one whose content is wrong.
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Read { .. } | Self::NotUtf8 { .. } | Self::Syntax { .. } => UNUSABLE,
            Self::Invalid { .. } => FAILED,
        }
    }
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

    /// Arguments that make no sense for the data (`--select` an id it lacks).
    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(message, UNUSABLE)
    }

    /// The loading thread ended without sending its outcome (it cannot, short of a bug).
    pub fn load_vanished() -> Self {
        Self::new("the dataset stopped loading without a result", FAILED)
    }
}

impl From<LoadError> for Failure {
    fn from(error: LoadError) -> Self {
        Self::new(error.to_string(), error.exit_code())
    }
}

impl From<io::Error> for Failure {
    /// A terminal that has gone away (its reads end, or fail as a hung-up terminal's do)
    /// ends the program as the hang-up signal would, [`HANG_UP`]; any other failure with
    /// [`FAILED`].
    fn from(error: io::Error) -> Self {
        const EIO: i32 = 5;
        const ENXIO: i32 = 6;
        let gone = matches!(
            error.kind(),
            io::ErrorKind::BrokenPipe | io::ErrorKind::UnexpectedEof
        ) || matches!(error.raw_os_error(), Some(EIO | ENXIO));
        if gone {
            Self::new(format!("the terminal went away: {error}"), HANG_UP)
        } else {
            Self::new(format!("the terminal failed: {error}"), FAILED)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_statuses_are_the_conventional_numbers() {
        assert_eq!((OK, FAILED, UNUSABLE, PANIC), (0, 1, 2, 101));
        assert_eq!(HANG_UP, 129);
        assert_eq!(signal(15), 143);
    }

    #[test]
    fn a_terminal_gone_ends_as_a_hang_up() {
        let gone = io::Error::new(io::ErrorKind::UnexpectedEof, "closed");
        assert_eq!(Failure::from(gone).code, HANG_UP);
        assert_eq!(Failure::from(io::Error::from_raw_os_error(5)).code, HANG_UP);
        let other = io::Error::other("odd");
        assert_eq!(Failure::from(other).code, FAILED);
    }
}
