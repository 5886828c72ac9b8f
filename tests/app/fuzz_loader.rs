//! The loader against untrusted input: arbitrary bytes, and valid datasets mutated byte by
//! byte and token by token. It never panics: always a catalog or a clear error, and a catalog
//! it accepts can be explored. Failures proptest finds are kept in
//! `tests/app/fuzz_loader.proptest-regressions` and replayed first on every run.

use std::sync::Arc;

use crate::common;

use oic_explorer::{App, EMBEDDED_DATASET, LoadError, load, render};
use proptest::prelude::*;
use ratatui::{Terminal, backend::TestBackend, layout::Size};

/// Tokens that trip parsers and validators: structure, numbers at the edges, hostile text,
/// dates that do not exist, ids that do.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "null",
    "true",
    "-1",
    "0",
    "1e309",
    "-0",
    "18446744073709551616",
    "4294967296",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "\"\\u001b[2J\"",
    "\"p-kazakhstan\"",
    "\"ev-1995-membership\"",
    "\"events\"",
    "\"sources\"",
    "\"2005-02-30\"",
    "\"1995-13\"",
    "\"2005-09-11/2005-09-09\"",
    "\"amount_usd\"",
    "{\"paragraph\":0,\"quote\":\"\"}",
    "\"\u{202e}\"",
    "\"\\n\\r\\t\"",
    "[[[[[[[[[[",
    "]]]]]]]]]]",
    "\"\"",
];

#[derive(Clone, Debug)]
enum Mutation {
    Delete { at: usize, length: usize },
    Insert { at: usize, token: usize },
    Duplicate { at: usize, length: usize },
    Replace { at: usize, byte: u8 },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1usize..64).prop_map(|(at, length)| Mutation::Delete { at, length }),
        (any::<usize>(), 0..TOKENS.len()).prop_map(|(at, token)| Mutation::Insert { at, token }),
        (any::<usize>(), 1usize..512).prop_map(|(at, length)| Mutation::Duplicate { at, length }),
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Mutation::Replace { at, byte }),
    ]
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let at = |at: usize, bytes: &Vec<u8>| at % (bytes.len() + 1);
    match *mutation {
        Mutation::Delete {
            at: position,
            length,
        } => {
            let start = at(position, bytes);
            let end = (start + length).min(bytes.len());
            bytes.drain(start..end);
        }
        Mutation::Insert {
            at: position,
            token,
        } => {
            let start = at(position, bytes);
            bytes.splice(start..start, TOKENS[token].bytes());
        }
        Mutation::Duplicate {
            at: position,
            length,
        } => {
            let start = at(position, bytes);
            let end = (start + length).min(bytes.len());
            let copy = bytes[start..end].to_vec();
            bytes.splice(end..end, copy);
        }
        Mutation::Replace { at: position, byte } => {
            if !bytes.is_empty() {
                let index = position % bytes.len();
                bytes[index] = byte;
            }
        }
    }
}

/// Loads `bytes` as a file would be; an accepted dataset is drawn once.
fn load_and_show(bytes: &[u8]) -> Result<(), TestCaseError> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        // Not UTF-8 is refused before parsing; the rest of the bytes still get parsed here.
        Err(_) => String::from_utf8_lossy(bytes).into_owned(),
    };
    match load("fuzz.json", &text, None) {
        Ok(catalog) => {
            let mut terminal = Terminal::new(TestBackend::new(100, 30))
                .map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
            let app = App::new(Arc::new(catalog), Size::new(100, 30));
            terminal
                .draw(|frame| render(&app, frame))
                .map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        }
        Err(error) => {
            let message = error.to_string();
            prop_assert!(!message.is_empty());
            prop_assert!(matches!(error.exit_code(), 1 | 2));
            if let LoadError::Syntax { line, column, .. } = error {
                prop_assert!(line >= 1 && column >= 1, "{}", message);
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(common::proptest_config(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        load_and_show(&bytes)?;
    }

    #[test]
    fn json_shaped_noise_never_panics(text in "[\\[\\]{}:,\" a-z0-9.eE+-]{0,400}") {
        load_and_show(text.as_bytes())?;
    }

    #[test]
    fn mutated_datasets_never_panic(mutations in prop::collection::vec(mutation(), 1..8)) {
        let mut bytes = EMBEDDED_DATASET.as_bytes().to_vec();
        for mutation in &mutations {
            apply(&mut bytes, mutation);
        }
        load_and_show(&bytes)?;
    }
}
