//! A list of everything wrong with a dataset, each problem named by where it is.

use std::fmt;

/// The most problems one report lists; the rest are counted.
pub const PROBLEM_CAP: usize = 50;

/// One thing wrong with a dataset, at a field path such as `events[3].participants[1]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where the problem is, as a path of fields and indices.
    pub path: String,
    /// What is wrong, with what was expected and what was found.
    pub message: String,
    /// The line and column of the field in the file, when it could be found.
    pub position: Option<(usize, usize)>,
}

impl fmt::Display for Problem {
    /// One line, whatever the message quotes: a problem is listed a line each, and no text
    /// from a dataset may print a line of its own.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let one_line = super::display::breaks_as_spaces;
        write!(f, "{}: {}", one_line(&self.path), one_line(&self.message))
    }
}

/// Collects problems up to [`PROBLEM_CAP`] and counts the rest.
#[derive(Debug, Default)]
pub struct Problems {
    listed: Vec<Problem>,
    unlisted: usize,
}

impl Problems {
    /// Records a problem at `path`.
    pub fn add(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.add_with(|| (path.into(), message.into()));
    }

    /// Records a problem whose path and message `make` writes, only when it will be listed:
    /// a dataset with a million problems costs a count, not a million messages.
    pub fn add_with(&mut self, make: impl FnOnce() -> (String, String)) {
        if self.will_list() {
            let (path, message) = make();
            self.listed.push(Problem {
                path,
                message,
                position: None,
            });
        } else {
            self.unlisted += 1;
        }
    }

    /// Whether a problem added now would be listed (and not only counted): what it says
    /// need only be worked out then.
    pub fn will_list(&self) -> bool {
        self.listed.len() < PROBLEM_CAP
    }

    /// Adds the problems another check found, after these.
    pub fn merge(&mut self, other: Problems) {
        for problem in other.listed {
            self.add(problem.path, problem.message);
        }
        self.unlisted += other.unlisted;
    }

    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.listed.is_empty()
    }

    /// How many problems were found, listed or not.
    pub fn len(&self) -> usize {
        self.listed.len() + self.unlisted
    }

    /// The problems listed, in the order they were found.
    pub fn listed(&self) -> &[Problem] {
        &self.listed
    }

    /// How many more were found than are listed.
    pub fn unlisted(&self) -> usize {
        self.unlisted
    }

    /// The problems listed and how many more were found but not listed.
    pub fn into_parts(self) -> (Vec<Problem>, usize) {
        (self.listed, self.unlisted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_is_said_on_one_line() {
        let problem = Problem {
            path: "events[0].summary".into(),
            message: "“Zed.\nd.json: clean\u{2028}x” shares no word".into(),
            position: None,
        };
        assert_eq!(
            problem.to_string(),
            "events[0].summary: “Zed. d.json: clean x” shares no word"
        );
    }

    #[test]
    fn problems_past_the_cap_are_counted_without_being_written() {
        let mut problems = Problems::default();
        let mut written = 0;
        for index in 0..PROBLEM_CAP + 7 {
            problems.add_with(|| {
                written += 1;
                (format!("events[{index}]"), "wrong".to_string())
            });
        }
        assert_eq!(written, PROBLEM_CAP);
        assert_eq!(problems.len(), PROBLEM_CAP + 7);
        assert_eq!(problems.unlisted(), 7);
        assert_eq!(problems.listed()[0].path, "events[0]");
        assert_eq!(problems.listed().len(), PROBLEM_CAP);
    }
}
