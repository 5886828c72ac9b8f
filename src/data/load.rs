//! Loading a dataset: parse the JSON, validate it, build the catalog. One error type says where.

use std::fmt;

use super::{
    catalog::Catalog,
    model::Dataset,
    problems::{Problem, Problems},
    source::SourceText,
};

/// The dataset compiled into the binary.
pub const EMBEDDED_DATASET: &str = include_str!("../../assets/dataset.json");

/// The source document the embedded dataset quotes.
pub const EMBEDDED_SOURCE: &str = include_str!("../../assets/source.txt");

/// Why a dataset could not be loaded.
#[derive(Debug)]
pub enum LoadError {
    /// The text is not valid JSON of the dataset's shape.
    Syntax {
        /// Which dataset: a file name, or "the embedded dataset".
        origin: String,
        /// The line of the error, counting from 1.
        line: usize,
        /// The column of the error, counting from 1.
        column: usize,
        /// The field path, such as `events[2].date`.
        path: String,
        /// What was expected and what was found.
        message: String,
    },
    /// The JSON has the right shape but its content is wrong.
    Invalid {
        /// Which dataset: a file name, or "the embedded dataset".
        origin: String,
        /// The problems found, up to a cap.
        problems: Vec<Problem>,
        /// How many more problems were found but not listed.
        unlisted: usize,
    },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Syntax {
                origin,
                line,
                column,
                path,
                message,
            } => {
                write!(f, "{origin}:{line}:{column}: ")?;
                if !path.is_empty() && path != "." {
                    write!(f, "at {path}: ")?;
                }
                write!(f, "{message}")
            }
            Self::Invalid {
                origin,
                problems,
                unlisted,
            } => {
                let total = problems.len() + unlisted;
                write!(
                    f,
                    "{origin}: {total} problem{} found",
                    if total == 1 { "" } else { "s" }
                )?;
                for problem in problems {
                    write!(f, "\n  {problem}")?;
                }
                if *unlisted > 0 {
                    write!(f, "\n  … and {unlisted} more")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// Parses and validates a dataset. `origin` names it in messages; `source`, when given, is the
/// document every quote must appear in verbatim.
pub fn load(origin: &str, json: &str, source: Option<&str>) -> Result<Catalog, LoadError> {
    let dataset = parse(origin, json)?;
    Catalog::new(dataset, source.map(SourceText::new)).map_err(|problems: Problems| {
        let (problems, unlisted) = problems.into_parts();
        LoadError::Invalid {
            origin: origin.to_string(),
            problems,
            unlisted,
        }
    })
}

/// The embedded dataset, checked against the embedded source.
pub fn load_embedded() -> Result<Catalog, LoadError> {
    load(
        "the embedded dataset",
        EMBEDDED_DATASET,
        Some(EMBEDDED_SOURCE),
    )
}

fn parse(origin: &str, json: &str) -> Result<Dataset, LoadError> {
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let dataset: Dataset =
        serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
            let path = error.path().to_string();
            let inner = error.into_inner();
            syntax_error(origin, path, &inner)
        })?;
    deserializer
        .end()
        .map_err(|error| syntax_error(origin, String::new(), &error))?;
    Ok(dataset)
}

fn syntax_error(origin: &str, path: String, error: &serde_json::Error) -> LoadError {
    // serde_json appends " at line L column C" to its message; the position is shown up front.
    let text = error.to_string();
    let message = text
        .rsplit_once(" at line ")
        .map_or(text.as_str(), |(message, _)| message)
        .to_string();
    LoadError::Syntax {
        origin: origin.to_string(),
        line: error.line(),
        column: error.column(),
        path,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"{
      "title": "t",
      "events": [{"id": "e1", "title": "E", "kind": "summit", "summary": "s",
                  "sources": [{"paragraph": 1, "quote": "q"}]}]
    }"#;

    #[test]
    fn a_minimal_dataset_loads() {
        let catalog = load("test", MINIMAL, None).unwrap();
        assert_eq!(catalog.record_count(), 1);
    }

    #[test]
    fn syntax_errors_name_line_column_and_path() {
        let json = MINIMAL.replace("\"summit\"", "\"sumit\"");
        let error = load("x.json", &json, None).unwrap_err().to_string();
        assert!(error.starts_with("x.json:3:"), "{error}");
        assert!(error.contains("events[0].kind"), "{error}");
        assert!(error.contains("unknown variant `sumit`"), "{error}");
    }

    #[test]
    fn unknown_fields_are_rejected() {
        let json = MINIMAL.replace("\"title\": \"t\"", "\"title\": \"t\", \"titel\": 1");
        let error = load("x.json", &json, None).unwrap_err().to_string();
        assert!(error.contains("unknown field `titel`"), "{error}");
    }

    #[test]
    fn trailing_text_is_rejected() {
        let error = load("x.json", &format!("{MINIMAL} []"), None).unwrap_err();
        assert!(error.to_string().contains("trailing characters"), "{error}");
    }

    #[test]
    fn every_problem_is_listed_not_only_the_first() {
        let json = r#"{
          "title": "",
          "events": [
            {"id": "e1", "title": "E", "kind": "summit", "summary": "s", "participants": ["nobody"],
             "sources": []},
            {"id": "e1", "title": "", "kind": "summit", "summary": "s",
             "sources": [{"paragraph": 0, "quote": "q"}]}
          ],
          "projects": [{"id": "p", "title": "P", "programme": "e1", "amount_usd": 0, "summary": "s",
                        "sources": [{"paragraph": 1, "quote": "q"}]}]
        }"#;
        let LoadError::Invalid { problems, .. } = load("x.json", json, None).unwrap_err() else {
            panic!("expected validation problems");
        };
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        for expected in [
            "title",
            "events[1].id",
            "events[0].sources",
            "events[1].title",
            "events[1].sources[0].paragraph",
            "projects[0].amount_usd",
            "events[0].participants[0]",
            "projects[0].programme",
        ] {
            assert!(
                paths.contains(&expected),
                "{expected} missing from {paths:?}"
            );
        }
    }

    #[test]
    fn quotes_must_be_verbatim_in_their_paragraph() {
        let error = load("x.json", MINIMAL, Some("first paragraph\n\nq is here"))
            .unwrap_err()
            .to_string();
        assert!(error.contains("events[0].sources[0].quote"), "{error}");
        assert!(load("x.json", MINIMAL, Some("q is in paragraph one")).is_ok());
    }
}
