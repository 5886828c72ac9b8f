//! A file large enough to be parsed on two threads gives its memory back as it is read: what
//! it loads, and what its errors say and where, must be what the same text says in memory.

use crate::common::run;
use oic_explorer::{LoadError, load, load_file, synthetic};

/// A dataset text above the size parsed on two threads (16 MiB).
fn large_text() -> String {
    let mut bytes = Vec::new();
    synthetic::write_json(40_000, 5, &mut bytes).expect("written to memory");
    let text = String::from_utf8(bytes).expect("UTF-8");
    assert!(text.len() > 16 << 20, "{} bytes", text.len());
    text
}

fn written(text: &str) -> tempfile::NamedTempFile {
    let file = tempfile::NamedTempFile::new().expect("a temporary file");
    std::fs::write(file.path(), text).expect("written");
    file
}

/// The error without the name of where it came from.
fn said(error: &LoadError) -> String {
    let text = error.to_string();
    text.split_once(':')
        .map_or(text.clone(), |(_, rest)| rest.to_string())
}

#[test]
fn a_large_file_loads_as_its_text_does() {
    let text = large_text();
    let file = written(&text);
    let from_file = load_file(file.path(), None).expect("loads");
    let in_memory = load("memory", &text, None).expect("loads");
    assert_eq!(from_file.counts(), in_memory.counts());
    for record in in_memory.records().step_by(997) {
        assert_eq!(from_file.title(record), in_memory.title(record));
        let ties = |catalog: &oic_explorer::Catalog| {
            catalog
                .relations(record)
                .iter()
                .map(|relation| (relation.role, relation.target))
                .collect::<Vec<_>>()
        };
        assert_eq!(ties(&from_file), ties(&in_memory), "{record:?}");
    }
    let last = in_memory.records().last().expect("records");
    assert_eq!(from_file.title(last), in_memory.title(last));
}

#[test]
fn a_problem_in_a_large_file_is_placed_though_its_text_was_given_back() {
    let text = large_text();
    let at = text.rfind("{\"id\":\"ev-").expect("an event");
    let edit = text[at..].find("\"participants\":[").expect("participants") + at;
    let mut broken = text.clone();
    broken.insert_str(edit + "\"participants\":[".len(), "\"nobody\",");
    let file = written(&broken);
    let from_file = load_file(file.path(), None).expect_err("a dangling reference");
    let in_memory = load("memory", &broken, None).expect_err("a dangling reference");
    let (
        LoadError::Invalid { problems, .. },
        LoadError::Invalid {
            problems: expected, ..
        },
    ) = (&from_file, &in_memory)
    else {
        panic!("validation problems: {from_file}");
    };
    assert_eq!(problems.len(), 1, "{from_file}");
    assert_eq!(problems[0].path, expected[0].path);
    assert!(
        problems[0].path.ends_with(".participants[0]"),
        "{from_file}"
    );
    assert!(problems[0].position.is_some(), "{from_file}");
    assert_eq!(problems[0].position, expected[0].position);
}

#[test]
fn a_syntax_error_late_in_a_large_file_says_where_as_the_text_does() {
    let text = large_text();
    let at = text.rfind("\"kind\":\"body\"").expect("a body");
    let broken = format!("{}\"kind\":\"bodi\"{}", &text[..at], &text[at + 13..]);
    let file = written(&broken);
    let from_file = load_file(file.path(), None).expect_err("an unknown kind");
    let in_memory = load("memory", &broken, None).expect_err("an unknown kind");
    assert!(matches!(from_file, LoadError::Syntax { .. }), "{from_file}");
    assert_eq!(said(&from_file), said(&in_memory));
    assert!(
        said(&from_file)
            .contains("kind \"bodi\" is not a kind of participant; did you mean \"body\"?"),
        "{from_file}"
    );
    let LoadError::Syntax { line, .. } = from_file else {
        unreachable!()
    };
    assert!(line > 40_000, "the last records' line: {line}");
}

#[test]
fn a_file_larger_than_memory_is_refused_not_aborted() {
    let file = tempfile::NamedTempFile::new().expect("a temporary file");
    // Sparse: a terabyte that takes no disk, more than any test machine's memory.
    file.as_file().set_len(1 << 40).expect("a sparse file");
    let path = file.path().to_str().expect("a UTF-8 path");
    let output = run(["check", "--max-size", "2T", "--data", path]);
    let said = &output.stderr;
    assert_eq!(output.status.code(), Some(2), "{said}");
    assert!(
        said.contains("not read: there is not the memory to hold it"),
        "{said}"
    );
}
