//! Why the program ends other than by the user quitting: what to say on stderr, and the exit
//! status, for every way a run can fail (the data, the terminal, a thread).

use std::io;

use crate::data::LoadError;

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
