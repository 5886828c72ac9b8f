//! What is wrong with a config file, and where: `path:line:column: what was expected`, the
//! way compilers say it, so an editor can jump there. Holds the words only; printing them
//! (escaped, as all outside text is) is the caller's.

use crate::quoted::quoted_path;
use std::{fmt, path::PathBuf};

/// A config file that cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// The file.
    pub path: PathBuf,
    /// The line and column (from 1, the column in characters), when the trouble has a place.
    pub position: Option<(usize, usize)>,
    /// What is wrong, or what was expected.
    pub message: String,
}

impl ConfigError {
    /// An error at byte `at` of `text`, the file at `path`.
    pub fn at(path: &std::path::Path, text: &str, at: usize, message: impl Into<String>) -> Self {
        Self::at_line(path, &Lines::new(text), at, message)
    }

    /// An error at byte `at` of the text whose `lines` these are, the file at `path`.
    pub fn at_line(
        path: &std::path::Path,
        lines: &Lines<'_>,
        at: usize,
        message: impl Into<String>,
    ) -> Self {
        Self {
            path: path.to_path_buf(),
            position: Some(lines.line_column(at)),
            message: message.into(),
        }
    }

    /// An error about the file as a whole (it cannot be read, it is not a file).
    pub fn whole(path: &std::path::Path, message: impl Into<String>) -> Self {
        Self {
            path: path.to_path_buf(),
            position: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, column)) => write!(
                f,
                "{}:{line}:{column}: {}",
                quoted_path(&self.path),
                self.message
            ),
            None => write!(f, "{}: {}", quoted_path(&self.path), self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

/// How many of a file's mistakes are said one by one; the rest are counted.
pub const LISTED_ERRORS: usize = 20;

/// What to say of `errors`, a line each: the first [`LISTED_ERRORS`], then how many more, so
/// a file of nothing but mistakes does not flood the terminal.
pub fn error_lines(errors: &[ConfigError]) -> Vec<String> {
    let mut lines: Vec<String> = errors
        .iter()
        .take(LISTED_ERRORS)
        .map(ToString::to_string)
        .collect();
    if let Some(more) = errors
        .len()
        .checked_sub(LISTED_ERRORS)
        .filter(|&more| more > 0)
    {
        lines.push(format!(
            "{}: and {more} more {}",
            quoted_path(&errors[0].path),
            if more == 1 { "mistake" } else { "mistakes" }
        ));
    }
    lines
}

/// Where each line of a text starts, so the place of many bytes is found without reading the
/// text again for each: a file of many mistakes is told in time linear in its size.
pub struct Lines<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> Lines<'t> {
    /// The lines of `text`.
    pub fn new(text: &'t str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        Self { text, starts }
    }

    /// The line and column (from 1; the column counts characters) of byte `at`.
    pub fn line_column(&self, at: usize) -> (usize, usize) {
        let mut at = at.min(self.text.len());
        while !self.text.is_char_boundary(at) {
            at -= 1;
        }
        let line = self.starts.partition_point(|&start| start <= at);
        let start = self.starts.get(line - 1).copied().unwrap_or(0);
        (line, self.text[start..at].chars().count() + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "a = 1\nété = x\n";
        let line_column = |text, at| Lines::new(text).line_column(at);
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 4), (1, 5));
        assert_eq!(line_column(text, 6), (2, 1));
        // `x` is the 7th character of line 2, after two two-byte letters.
        assert_eq!(line_column(text, text.find('x').unwrap()), (2, 7));
        assert_eq!(line_column(text, 999), (3, 1));
    }

    #[test]
    fn many_errors_are_listed_up_to_the_cap_then_counted() {
        let path = std::path::Path::new("/c.toml");
        let errors: Vec<ConfigError> = (0..LISTED_ERRORS + 3)
            .map(|at| ConfigError::at(path, "a\n".repeat(30).as_str(), at * 2, "wrong"))
            .collect();
        let lines = error_lines(&errors);
        assert_eq!(lines.len(), LISTED_ERRORS + 1);
        assert_eq!(lines[0], "/c.toml:1:1: wrong");
        assert_eq!(lines[LISTED_ERRORS], "/c.toml: and 3 more mistakes");
        assert_eq!(error_lines(&errors[..LISTED_ERRORS]).len(), LISTED_ERRORS);
    }

    #[test]
    fn the_message_says_where() {
        let error = ConfigError::at(
            std::path::Path::new("/c/config.toml"),
            "\nx",
            1,
            "expected a boolean",
        );
        assert_eq!(error.to_string(), "/c/config.toml:2:1: expected a boolean");
    }
}
