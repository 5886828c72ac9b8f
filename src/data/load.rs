//! Loading a dataset: read, parse, validate, build the catalog. One error type says where:
//! file, line, column and field path, and what was expected.

use std::{borrow::Cow, collections::HashSet, fmt, fs, path::Path};

use serde::de::DeserializeSeed;

use super::{
    catalog::Catalog,
    dataset::Dataset,
    display_safe::DisplayTexts,
    explain::explain,
    locate::locate,
    marks,
    parse::{
        DatasetSeed, PARALLEL_THRESHOLD, ParallelFailure, parse_in_parallel,
        parse_in_parallel_giving_back,
    },
    problems::{Problem, Problems},
    progress::{LoadProgress, LoadStage},
    read::{BYTE_ORDER_MARK, Expect, SizeLimits, read_limited},
    record::RecordCounts,
    records::Records,
    relations::Edges,
    source::SourceText,
    spellings::Spellings,
    store::Store,
    validate::{self, Parts},
};
use crate::plural::counted;

/// The dataset compiled into the binary.
pub const EMBEDDED_DATASET: &str = include_str!("../../assets/dataset.json");

/// The source document the embedded dataset quotes.
pub const EMBEDDED_SOURCE: &str = include_str!("../../assets/source.txt");

/// How the embedded dataset is named in messages.
pub const EMBEDDED_NAME: &str = "the embedded dataset";

/// Why a dataset could not be loaded.
#[derive(Debug)]
pub enum LoadError {
    /// The file could not be read, or was not: too large, or not a file.
    Read {
        /// The file.
        origin: String,
        /// Why, as a sentence.
        message: String,
    },
    /// The file is not UTF-8 text.
    NotUtf8 {
        /// The file.
        origin: String,
        /// The line of the first bad byte, counting from 1.
        line: usize,
        /// The column (in bytes) of the first bad byte, counting from 1.
        column: usize,
    },
    /// The text is not valid JSON of the dataset's shape.
    Syntax {
        /// The file, or "the embedded dataset".
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
        /// The file, or "the embedded dataset".
        origin: String,
        /// How many records each collection holds.
        counts: RecordCounts,
        /// The problems found, up to a cap.
        problems: Vec<Problem>,
        /// How many more problems were found but not listed.
        unlisted: usize,
    },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Read { origin, message } => write!(f, "{origin}: {message}"),
            Self::NotUtf8 {
                origin,
                line,
                column,
            } => write!(
                f,
                "{origin}:{line}:{column}: the file is not UTF-8 text (expected UTF-8, found an invalid byte here)"
            ),
            Self::Syntax {
                origin,
                line,
                column,
                path,
                message,
            } => {
                write!(f, "{origin}:{line}:{column}: ")?;
                if !path.is_empty() {
                    write!(f, "at {path}: ")?;
                }
                write!(f, "{message}")
            }
            Self::Invalid {
                origin,
                problems,
                unlisted,
                ..
            } => {
                let total = problems.len() + unlisted;
                write!(f, "{origin}: {} found", counted(total, "problem"))?;
                for problem in problems {
                    match problem.position {
                        Some((line, column)) => {
                            write!(f, "\n  {origin}:{line}:{column}: {problem}")?
                        }
                        None => write!(f, "\n  {problem}")?,
                    }
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
    load_reporting(origin, json, source, &LoadProgress::new())
}

fn load_reporting(
    origin: &str,
    json: &str,
    source: Option<&str>,
    progress: &LoadProgress,
) -> Result<Catalog, LoadError> {
    let parsed = parse(origin, json, progress)?;
    build(origin, parsed, source, progress, || {
        Some(Cow::Borrowed(json))
    })
}

/// Loads a dataset whose text can be read again from its file: the text is taken, its memory
/// given back while it is parsed and freed before the catalog is built, so the two are never
/// whole in memory at once. The file is read again only to say where problems are.
fn load_rereadable(
    origin: &str,
    json: String,
    read_again: impl Fn() -> Result<String, LoadError>,
    source: Option<&str>,
    progress: &LoadProgress,
) -> Result<Catalog, LoadError> {
    if json.len() < PARALLEL_THRESHOLD {
        return load_reporting(origin, &json, source, progress);
    }
    let parsed = match parse_in_parallel_giving_back(json, progress) {
        Ok(parsed) => parsed,
        Err(ParallelFailure::TextIntact(json)) => {
            return load_reporting(origin, &json, source, progress);
        }
        // Only the file can say what is wrong now, and where.
        Err(ParallelFailure::TextGivenBack) => {
            return load_reporting(origin, &read_again()?, source, progress);
        }
    };
    build(origin, parsed, source, progress, || {
        read_again().ok().map(Cow::Owned)
    })
}

/// Validates `store` and builds the catalog; the problems found are placed in the JSON text
/// that `json` gives, when it can.
fn build<'j>(
    origin: &str,
    (store, records): (Store, Records),
    source: Option<&str>,
    progress: &LoadProgress,
    json: impl FnOnce() -> Option<Cow<'j, str>>,
) -> Result<Catalog, LoadError> {
    progress.begin(LoadStage::Checking, 0);
    let counts = records.counts();
    Catalog::from_parts(store, records, source.map(SourceText::new)).map_err(|problems| {
        let (mut problems, unlisted) = problems.into_parts();
        let wanted: HashSet<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        let text = json();
        let positions = text
            .as_deref()
            .map(|json| locate(json, &wanted))
            .unwrap_or_default();
        for problem in &mut problems {
            problem.position = positions.get(&problem.path).copied();
        }
        // In file order, as an editor would walk them; problems without a place last.
        problems.sort_by_key(|problem| (problem.position.is_none(), problem.position));
        LoadError::Invalid {
            origin: match text {
                Some(_) => origin.to_string(),
                None => format!(
                    "{origin} (it changed while it was loaded, so the problems are not placed)"
                ),
            },
            counts,
            problems,
            unlisted,
        }
    })
}

impl Catalog {
    /// Validates `dataset` (and its quotes against `source`, when given) and builds the
    /// catalog, or returns every problem found.
    pub fn new(dataset: Dataset, source: Option<SourceText>) -> Result<Self, Problems> {
        let mut store = Store {
            schema: dataset.schema.clone(),
            title: dataset.title.clone(),
            description: dataset.description.clone(),
            source: dataset.source.clone(),
            spellings: dataset.spellings.clone(),
            places: dataset.places.clone(),
            document: dataset.document.clone(),
            marks: dataset.marks.clone(),
            ..Store::default()
        };
        let records = Records::from_dataset(&mut store, &dataset);
        Self::from_parts(store, records, source)
    }

    /// Validates what a file gave and builds the catalog: its references resolved, the
    /// reverse ties derived, the programmes summed, the texts unsafe to show escaped.
    fn from_parts(
        mut store: Store,
        mut records: Records,
        source: Option<SourceText>,
    ) -> Result<Self, Problems> {
        let mut problems = Problems::default();
        validate::check_limits(&store, &records, &mut problems);
        if !problems.is_empty() {
            return Err(problems);
        }
        validate::check_fields(&store, &records, source.as_ref(), &mut problems);
        let ids = validate::index_ids(&store, &records, &mut problems);
        let pending = std::mem::take(&mut store.pending);
        let parts = Parts {
            store: &store,
            records: &records,
            source: source.as_ref(),
            ids: &ids,
        };
        let (ties, programmes) = validate::resolve_references(&parts, &pending, &mut problems);
        validate::check_spellings(&parts, &store.spellings, &mut problems);
        marks::check(&store.marks, &mut problems);
        if let Some(document) = &store.document {
            super::document::check(document, &mut problems);
        }
        drop(pending);
        store.pending_text = Default::default();
        for (row, programme) in records.projects.iter_mut().zip(programmes) {
            row.programme = programme;
        }
        let counts = records.counts();
        let mut catalog = Self {
            store,
            records,
            source,
            ids,
            edges: Edges::default(),
            programme_totals: Vec::new(),
            programme_largest: Vec::new(),
            display: DisplayTexts::default(),
            passages: std::sync::OnceLock::new(),
            spellings: Spellings::default(),
            places: std::sync::OnceLock::new(),
        };
        catalog.sum_programmes(&mut problems);
        if !problems.is_empty() {
            return Err(problems);
        }
        catalog.edges = Edges::new(&counts, &catalog.store, &ties);
        super::places::check_places(&catalog, &mut problems);
        if !problems.is_empty() {
            return Err(problems);
        }
        catalog.spellings = Spellings::new(&catalog.store.spellings);
        catalog.display = DisplayTexts::make(&mut catalog.store, &catalog.records);
        catalog.store.texts.arena.shrink();
        super::pages::return_freed_memory();
        Ok(catalog)
    }
}

/// The embedded dataset, checked against the embedded source.
pub fn load_embedded() -> Result<Catalog, LoadError> {
    load(EMBEDDED_NAME, EMBEDDED_DATASET, Some(EMBEDDED_SOURCE))
}

/// Reads a source text of at most `limit` bytes, with errors that name it and, for bad UTF-8,
/// say where; telling `progress` how far it has got and when it waits for a pipe.
pub fn read_text_with_progress(
    path: &Path,
    limit: u64,
    progress: &LoadProgress,
) -> Result<String, LoadError> {
    read_text_reporting(path, limit, Expect::Text, progress)
}

fn read_text_reporting(
    path: &Path,
    limit: u64,
    expect: Expect,
    progress: &LoadProgress,
) -> Result<String, LoadError> {
    let origin = crate::quoted::quoted_path(path);
    let mut bytes =
        read_limited(path, limit, expect, progress).map_err(|refusal| LoadError::Read {
            origin: origin.clone(),
            message: refusal.to_string(),
        })?;
    // Editors on Windows start UTF-8 files with a byte order mark; it is not text.
    if bytes.starts_with(BYTE_ORDER_MARK) {
        bytes.drain(..BYTE_ORDER_MARK.len());
    }
    String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = valid
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |at| at + 1);
        LoadError::NotUtf8 {
            origin,
            line,
            column: valid.len() - line_start + 1,
        }
    })
}

/// A dataset from a file, with its quotes checked against the source file when one is given;
/// each file no larger than the default `SizeLimits`.
pub fn load_file(path: &Path, source: Option<&Path>) -> Result<Catalog, LoadError> {
    load_file_with_progress(path, source, SizeLimits::default(), &LoadProgress::new())
}

/// [`load_file`] within `limits`, telling `progress` how far it has got.
pub fn load_file_with_progress(
    path: &Path,
    source: Option<&Path>,
    limits: SizeLimits,
    progress: &LoadProgress,
) -> Result<Catalog, LoadError> {
    let source = source
        .map(|source| read_text_reporting(source, limits.source, Expect::Text, progress))
        .transpose()?;
    let json = read_text_reporting(path, limits.dataset, Expect::Json, progress)?;
    let origin = crate::quoted::quoted_path(path);
    // A pipe's text cannot be had twice: it stays in memory until the catalog is built.
    let Some(read) = fs::metadata(path)
        .ok()
        .filter(fs::Metadata::is_file)
        .map(|metadata| FileIdentity::of(&metadata))
    else {
        return load_reporting(&origin, &json, source.as_deref(), progress);
    };
    let read_again = || read_unchanged(path, read, limits.dataset);
    load_rereadable(&origin, json, read_again, source.as_deref(), progress)
}

/// What tells a file read once from one put in its place or changed since: its device and
/// inode (on Unix), size and modification time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct FileIdentity {
    #[cfg(unix)]
    device_and_inode: (u64, u64),
    size: u64,
    modified: Option<std::time::SystemTime>,
}

impl FileIdentity {
    fn of(metadata: &fs::Metadata) -> Self {
        #[cfg(unix)]
        use std::os::unix::fs::MetadataExt;
        Self {
            #[cfg(unix)]
            device_and_inode: (metadata.dev(), metadata.ino()),
            size: metadata.len(),
            modified: metadata.modified().ok(),
        }
    }
}

/// The text of `path` again, if it is still the regular file read before, unchanged: never a
/// pipe or a device put in its place (that read could wait for ever), never other text.
fn read_unchanged(path: &Path, read: FileIdentity, limit: u64) -> Result<String, LoadError> {
    let origin = crate::quoted::quoted_path(path);
    let changed = || LoadError::Read {
        origin: origin.clone(),
        message: "the file changed while it was loaded: load it again".to_string(),
    };
    let now = || {
        fs::metadata(path)
            .ok()
            .map(|metadata| FileIdentity::of(&metadata))
    };
    if now() != Some(read) {
        return Err(changed());
    }
    let mut bytes = super::read::read_regular(path, limit).map_err(|_| changed())?;
    if now() != Some(read) || bytes.len() as u64 != read.size {
        return Err(changed());
    }
    if bytes.starts_with(BYTE_ORDER_MARK) {
        bytes.drain(..BYTE_ORDER_MARK.len());
    }
    String::from_utf8(bytes).map_err(|_| changed())
}

fn parse(origin: &str, json: &str, progress: &LoadProgress) -> Result<(Store, Records), LoadError> {
    if json.len() >= PARALLEL_THRESHOLD
        && let Some(parsed) = parse_in_parallel(json, progress)
    {
        return Ok(parsed);
    }
    progress.begin(LoadStage::Parsing, 0);
    let mut store = Store::default();
    let mut records = Records::default();
    // Text is most of a dataset file; room for it up front spares the arena repeated growth.
    store.texts.arena.reserve(json.len() / 2);
    let mut deserializer = serde_json::Deserializer::from_str(json);
    if (DatasetSeed {
        store: &mut store,
        records: &mut records,
    })
    .deserialize(&mut deserializer)
    .is_err()
    {
        // Tracking the path costs a tenth of the parse, so only a file that fails pays for it:
        // parsing again fails at the same place, now with the path.
        let mut deserializer = serde_json::Deserializer::from_str(json);
        let mut track = serde_path_to_error::Track::new();
        let tracked = serde_path_to_error::Deserializer::new(&mut deserializer, &mut track);
        let (mut scratch, mut rows) = (Store::default(), Records::default());
        let error = match (DatasetSeed {
            store: &mut scratch,
            records: &mut rows,
        })
        .deserialize(tracked)
        {
            Err(error) => error,
            Ok(()) => serde::de::Error::custom("the file could not be read the same way twice"),
        };
        return Err(syntax_error(origin, json, track.path().to_string(), &error));
    }
    deserializer
        .end()
        .map_err(|error| syntax_error(origin, json, String::new(), &error))?;
    Ok((store, records))
}

fn syntax_error(origin: &str, json: &str, path: String, error: &serde_json::Error) -> LoadError {
    // serde_json appends " at line L column C" to its message; the position is shown up front.
    let text = error.to_string();
    let message = text
        .rsplit_once(" at line ")
        .map_or(text.as_str(), |(message, _)| message);
    // serde_path_to_error says "." for the top and "?" where it cannot tell (inside a key).
    let path = path
        .split('.')
        .filter(|step| !matches!(*step, "" | "?"))
        .collect::<Vec<_>>()
        .join(".");
    let message = explain(
        &path,
        message,
        json,
        byte_at(json, error.line(), error.column()),
    );
    let (line, column) = editor_position(json, error.line(), error.column());
    LoadError::Syntax {
        origin: origin.to_string(),
        line,
        column,
        path,
        message,
    }
}

/// The byte of `json` at serde_json's `line` and `column` (the column counts bytes from 1; 0
/// is the line break before the line).
fn byte_at(json: &str, line: usize, column: usize) -> usize {
    let start = match line {
        0 | 1 => 0,
        line => json
            .match_indices('\n')
            .nth(line - 2)
            .map_or(json.len(), |(at, _)| at + 1),
    };
    (start + column).saturating_sub(1).min(json.len())
}

/// serde_json's line and column as an editor counts them. serde_json says column 0 when the
/// error is the line break it just read (an unescaped one inside a string, say): that is the
/// end of the line before, one past its last character.
fn editor_position(json: &str, line: usize, column: usize) -> (usize, usize) {
    if column > 0 || line <= 1 {
        return (line.max(1), column.max(1));
    }
    let previous = json.lines().nth(line - 2).unwrap_or_default();
    (line - 1, previous.chars().count() + 1)
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
        assert!(
            error.contains(
                "kind \"sumit\" is not a kind of event; did you mean \"summit\"? The kinds are: \
                 membership, summit,"
            ),
            "{error}"
        );
    }

    #[test]
    fn a_line_break_inside_a_string_is_placed_where_an_editor_shows_it() {
        let json = MINIMAL.replace("\"title\": \"t\"", "\"title\": \"t\n\"");
        let error = load("x.json", &json, None).unwrap_err();
        let LoadError::Syntax { line, column, .. } = error else {
            panic!("a syntax error: {error}");
        };
        assert_eq!((line, column), (2, 18), "{error}");
    }

    #[test]
    fn unknown_fields_are_rejected() {
        let json = MINIMAL.replace("\"title\": \"t\"", "\"title\": \"t\", \"titel\": 1");
        let error = load("x.json", &json, None).unwrap_err().to_string();
        assert!(
            error.contains("there is no field \"titel\" here; did you mean \"title\"?"),
            "{error}"
        );
    }

    #[test]
    fn trailing_text_is_rejected() {
        let error = load("x.json", &format!("{MINIMAL} []"), None).unwrap_err();
        assert!(
            error.to_string().contains("the dataset ends before this"),
            "{error}"
        );
    }

    #[test]
    fn every_problem_is_listed_with_its_position() {
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
        let dangling = problems
            .iter()
            .find(|p| p.path == "events[0].participants[0]")
            .unwrap();
        assert_eq!(dangling.position, Some((4, 91)));
        assert!(
            problems.iter().all(|p| p.position.is_some()),
            "{problems:?}"
        );
    }

    #[test]
    fn an_optional_text_that_is_given_is_not_blank() {
        let cited = r#""summary": "s", "sources": [{"paragraph": 1, "quote": "q"}]"#;
        let records = [
            (
                "events",
                "place",
                format!(r#""title": "E", "kind": "summit", {cited}"#),
            ),
            (
                "events",
                "note",
                format!(r#""title": "E", "kind": "summit", {cited}"#),
            ),
            (
                "programmes",
                "note",
                format!(r#""title": "P", "period": {{"start": 1, "end": 2}}, {cited}"#),
            ),
            (
                "projects",
                "category",
                format!(r#""title": "P", "programme": "x", "amount_usd": 1, {cited}"#),
            ),
            (
                "initiatives",
                "note",
                format!(r#""title": "I", "kind": "proposal", "outcome": "o", {cited}"#),
            ),
            (
                "participants",
                "office",
                format!(r#""name": "N", "kind": "person", {cited}"#),
            ),
        ];
        for (collection, field, fields) in records {
            let json = format!(
                r#"{{"title": "T", "{collection}": [{{"id": "x", "{field}": " \t", {fields}}}]}}"#
            );
            let LoadError::Invalid { problems, .. } = load("x.json", &json, None).unwrap_err()
            else {
                panic!("{collection}.{field}: expected problems");
            };
            let path = format!("{collection}[0].{field}");
            let problem = problems.iter().find(|p| p.path == path);
            assert_eq!(
                problem.map(|p| p.message.as_str()),
                Some(format!("the {field} is empty").as_str()),
                "{problems:?}"
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
