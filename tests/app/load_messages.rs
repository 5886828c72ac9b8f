//! What a dataset's author reads when a file is wrong, from generated cases: a valid dataset
//! with one field given a value of the wrong JSON type, one kind or one referenced id
//! misspelt by a letter, one comma doubled, and `--select` given an id a letter off. Each
//! message names the field as the file does, suggests the nearest valid name where there is
//! one, and says nothing in the words of the Rust code that reads the file.

use oic_explorer::{Cli, EMBEDDED_DATASET, LoadError, load};
use proptest::prelude::*;
use serde_json::{Value, json};

use crate::common::{self, RUST_WORDS};

fn embedded() -> Value {
    serde_json::from_str(EMBEDDED_DATASET).expect("the embedded dataset")
}

/// `message` says nothing in the reader's code's words, but in the values it quotes from the
/// file (an id a letter off may well read `ev-u32`).
fn in_authors_words(message: &str) -> Result<(), TestCaseError> {
    let unquoted: String = message
        .split('"')
        .step_by(2)
        .collect::<Vec<_>>()
        .join("\"…\"");
    for rust in RUST_WORDS {
        prop_assert!(!unquoted.contains(rust), "{rust:?} in: {message}");
    }
    Ok(())
}

/// Every field of every object in `value`: where it is (a JSON pointer), its name, its value.
fn fields(value: &Value, at: &str, found: &mut Vec<(String, String, Value)>) {
    match value {
        Value::Object(map) => {
            for (name, inner) in map {
                let here = format!("{at}/{}", name.replace('~', "~0").replace('/', "~1"));
                found.push((here.clone(), name.clone(), inner.clone()));
                fields(inner, &here, found);
            }
        }
        Value::Array(items) => {
            for (index, inner) in items.iter().enumerate() {
                fields(inner, &format!("{at}/{index}"), found);
            }
        }
        _ => {}
    }
}

/// Values of another JSON type than `value`'s that its field cannot take: a field holding
/// text may hold a tie's object instead, and a number may be a negative year, so neither is
/// offered there.
fn wrong_for(value: &Value) -> Vec<Value> {
    match value {
        // A coordinate takes a fraction, so 2.5 is not wrong there.
        Value::Number(number) if number.is_f64() => {
            vec![json!("5 mln"), json!(false), json!([1]), json!({"a": 1})]
        }
        Value::String(_) => vec![json!(5), json!(-5), json!(2.5), json!(true), json!([1])],
        Value::Number(_) => vec![
            json!("5 mln"),
            json!(2.5),
            json!(false),
            json!([1]),
            json!({"a": 1}),
        ],
        Value::Array(_) => vec![json!("5 mln"), json!(5), json!(true), json!({"a": 1})],
        Value::Object(_) => vec![json!(5), json!(2.5), json!(true)],
        Value::Bool(_) | Value::Null => vec![json!([1])],
    }
}

/// `word` with one letter changed, dropped, added or two swapped (`edit` picks which and
/// where), never `word` itself.
fn misspelt(word: &str, edit: (u8, usize, char)) -> String {
    let mut letters: Vec<char> = word.chars().collect();
    let (how, at, letter) = edit;
    let at = at % letters.len().max(1);
    match how % 4 {
        0 if letters[at] != letter => letters[at] = letter,
        1 if letters.len() > 2 => {
            letters.remove(at);
        }
        2 if at + 1 < letters.len() && letters[at] != letters[at + 1] => letters.swap(at, at + 1),
        _ => letters.insert(at, letter),
    }
    letters.into_iter().collect()
}

fn an_edit() -> impl Strategy<Value = (u8, usize, char)> {
    (any::<u8>(), any::<usize>(), proptest::char::range('a', 'z'))
}

/// The name in `message` after `did you mean `, unquoted.
fn suggested(message: &str) -> Option<&str> {
    let rest = message.split("did you mean \"").nth(1)?;
    rest.split("\"?").next()
}

/// Every place the dataset refers to a record by id: a JSON pointer to the id's text.
fn references(data: &Value) -> Vec<String> {
    const TIES: [&str; 10] = [
        "participants",
        "country",
        "funder",
        "recipient",
        "programme",
        "proposed_by",
        "partners",
        "events",
        "part_of",
        "represents",
    ];
    let mut found = Vec::new();
    let mut all = Vec::new();
    fields(data, "", &mut all);
    // Only fields inside a record: the top level's `events` and `participants` are lists of
    // records, not of references.
    for (at, name, value) in all.iter().filter(|(at, ..)| at.matches('/').count() >= 3) {
        if !TIES.contains(&name.as_str()) {
            continue;
        }
        let entries: Vec<(String, &Value)> = match value {
            Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(index, item)| (format!("{at}/{index}"), item))
                .collect(),
            other => vec![(at.clone(), other)],
        };
        for (at, entry) in entries {
            match entry {
                Value::String(_) => found.push(at),
                Value::Object(tie) if tie.contains_key("id") => found.push(format!("{at}/id")),
                _ => {}
            }
        }
    }
    found
}

/// Every record's id.
fn ids(data: &Value) -> Vec<String> {
    [
        "events",
        "programmes",
        "projects",
        "initiatives",
        "participants",
    ]
    .iter()
    .flat_map(|collection| data[collection].as_array().cloned().unwrap_or_default())
    .filter_map(|record| Some(record["id"].as_str()?.to_string()))
    .collect()
}

#[test]
fn the_cases_are_there_to_be_made() {
    let data = embedded();
    let mut all = Vec::new();
    fields(&data, "", &mut all);
    assert!(all.len() > 500, "{} fields", all.len());
    assert!(references(&data).len() > 50);
    assert_eq!(misspelt("summit", (1, 1, 'x')), "smmit");
    assert_eq!(misspelt("summit", (2, 0, 'x')), "usmmit");
    assert_eq!(
        suggested("x; did you mean \"summit\"? The kinds"),
        Some("summit")
    );
}

proptest! {
    #![proptest_config(common::proptest_config(96))]

    /// A field given a value of the wrong JSON type is named, with what it must be and what
    /// it holds.
    #[test]
    fn a_value_of_the_wrong_type_is_named_by_its_field(pick in any::<usize>(), wrong in any::<usize>()) {
        let mut data = embedded();
        let mut all = Vec::new();
        fields(&data, "", &mut all);
        let (at, name, value) = all[pick % all.len()].clone();
        let choices = wrong_for(&value);
        let replacement = choices[wrong % choices.len()].clone();
        *data.pointer_mut(&at).expect("the field") = replacement.clone();
        let text = serde_json::to_string_pretty(&data).expect("json");
        let error = load("x.json", &text, None).expect_err("a wrong type is refused");
        let said = error.to_string();
        let LoadError::Syntax { path, message, .. } = &error else {
            return Err(TestCaseError::fail(format!("{at} = {replacement}: not a parse error: {said}")));
        };
        prop_assert!(path.ends_with(&name), "{at}: the path {path:?}: {said}");
        prop_assert!(message.starts_with(&format!("{name} must be ")), "{at} = {replacement}: {said}");
        prop_assert!(message.contains("; found "), "{said}");
        in_authors_words(&said)?;
    }

    /// A kind a letter off is refused with the kind it most likely was, and all the kinds.
    #[test]
    fn a_kind_a_letter_off_gets_the_nearest(pick in any::<usize>(), edit in an_edit()) {
        let mut data = embedded();
        let mut all = Vec::new();
        fields(&data, "", &mut all);
        let kinds: Vec<(String, String)> = all
            .into_iter()
            .filter(|(_, name, value)| name == "kind" && value.is_string())
            .map(|(at, _, value)| (at, value.as_str().unwrap_or_default().to_string()))
            .collect();
        let (at, kind) = kinds[pick % kinds.len()].clone();
        let typo = misspelt(&kind, edit);
        prop_assume!(typo != kind);
        *data.pointer_mut(&at).expect("the kind") = json!(typo.clone());
        let text = serde_json::to_string_pretty(&data).expect("json");
        let said = match load("x.json", &text, None) {
            // The typo is another kind, or one this field does not take.
            Ok(_) => return Ok(()),
            Err(LoadError::Invalid { .. }) => return Ok(()),
            Err(error) => error.to_string(),
        };
        prop_assert!(
            said.contains(&format!("kind \"{typo}\" is not a kind of ")),
            "{at} = {typo:?}: {said}"
        );
        prop_assert_eq!(suggested(&said), Some(kind.as_str()), "{}", said);
        prop_assert!(said.contains("The kinds are: "), "{}", said);
        in_authors_words(&said)?;
    }

    /// An id a letter off is refused with a record's id as near to it as the one meant.
    #[test]
    fn an_id_a_letter_off_gets_the_nearest(pick in any::<usize>(), edit in an_edit()) {
        let mut data = embedded();
        let places = references(&data);
        let at = places[pick % places.len()].clone();
        let id = data.pointer(&at).and_then(Value::as_str).expect("an id").to_string();
        let typo = misspelt(&id, edit);
        let known = ids(&data);
        prop_assume!(!known.contains(&typo));
        *data.pointer_mut(&at).expect("the id") = json!(typo.clone());
        let text = serde_json::to_string_pretty(&data).expect("json");
        let error = load("x.json", &text, None).expect_err("a missing id is refused");
        let said = error.to_string();
        prop_assert!(matches!(error, LoadError::Invalid { .. }), "{said}");
        prop_assert!(said.contains(&format!("no record has the id \"{typo}\"")), "{said}");
        let near = suggested(&said).unwrap_or_else(|| panic!("no suggestion: {said}"));
        prop_assert!(known.iter().any(|id| id == near), "{near:?} is no id: {said}");
        prop_assert!(
            strsim::osa_distance(near, &typo) <= strsim::osa_distance(&id, &typo),
            "{near:?} is further from {typo:?} than {id:?}: {said}"
        );
        in_authors_words(&said)?;
    }

    /// A comma written twice is named as such, where it is.
    #[test]
    fn a_doubled_comma_is_named_where_it_is(pick in any::<usize>()) {
        let text = serde_json::to_string_pretty(&embedded()).expect("json");
        // In pretty JSON a comma at the end of a line is between two entries or fields.
        let commas: Vec<usize> = text.match_indices(",\n").map(|(at, _)| at).collect();
        let at = commas[pick % commas.len()];
        let broken = format!("{},{}", &text[..at], &text[at..]);
        let error = load("x.json", &broken, None).expect_err("a doubled comma is refused");
        let said = error.to_string();
        prop_assert!(said.contains("a comma is doubled"), "{said}");
        let LoadError::Syntax { line, column, .. } = error else {
            return Err(TestCaseError::fail(said));
        };
        let line_text = broken.lines().nth(line - 1).unwrap_or_default();
        prop_assert_eq!(line_text.get(column - 1..column), Some(","), "{}", said);
        prop_assert!(line_text.ends_with(",,"), "{}", said);
        in_authors_words(&said)?;
    }

    /// `--select` with an id a letter off names the id it most likely was.
    #[test]
    fn select_a_letter_off_gets_the_nearest(pick in any::<usize>(), edit in an_edit()) {
        let catalog = common::catalog();
        let known = ids(&embedded());
        let id = known[pick % known.len()].clone();
        let typo = misspelt(&id, edit);
        prop_assume!(!known.contains(&typo));
        let select = format!("--select={typo}");
        let cli = <Cli as clap::Parser>::try_parse_from(["oic-explorer", select.as_str()])
            .expect("the command line parses");
        let said = cli.selected_record(&catalog).expect_err("no such record");
        prop_assert!(said.contains(&format!("no record has the id \"{typo}\"")), "{said}");
        let near = suggested(&said).unwrap_or_else(|| panic!("no suggestion: {said}"));
        prop_assert!(
            strsim::osa_distance(near, &typo) <= strsim::osa_distance(&id, &typo),
            "{said}"
        );
    }
}

#[test]
fn a_huge_unknown_name_is_quoted_short() {
    let huge = "x".repeat(900_000);
    let text = EMBEDDED_DATASET.replacen("\"summit\"", &format!("\"{huge}\""), 1);
    // How fast it answers is a bench's business; here, that it answers short.
    let said = load("x.json", &text, None)
        .expect_err("an unknown kind")
        .to_string();
    assert!(
        said.contains("(899800 more characters)"),
        "{}",
        &said[..300]
    );
    assert!(said.len() < 2_000, "{} bytes", said.len());
    let id = "p-".to_string() + &"y".repeat(900_000);
    let text = EMBEDDED_DATASET.replacen("\"p-kazakhstan\"", &format!("\"{id}\""), 1);
    let said = load("x.json", &text, None)
        .expect_err("a missing id")
        .to_string();
    assert!(said.contains("(899802 more characters)"), "{said:.300}");
}

#[test]
fn the_examples_read_as_an_author_would_say_them() {
    let data = embedded();
    let with = |edit: &dyn Fn(&mut Value)| {
        let mut data = data.clone();
        edit(&mut data);
        let text = serde_json::to_string_pretty(&data).expect("json");
        load("x.json", &text, None)
            .expect_err("refused")
            .to_string()
    };
    let amount = with(&|data| data["projects"][0]["amount_usd"] = json!("5 mln"));
    assert!(
        amount.contains(
            "at projects[0].amount_usd: amount_usd must be a whole number of US dollars, like \
             5000000; found the text \"5 mln\""
        ),
        "{amount}"
    );
    let kind = with(&|data| data["events"][0]["kind"] = json!("sumit"));
    assert!(
        kind.contains(
            "kind \"sumit\" is not a kind of event; did you mean \"summit\"? The kinds are: \
             membership, summit, extraordinary_summit,"
        ),
        "{kind}"
    );
    let text = serde_json::to_string_pretty(&data).expect("json");
    let doubled = text.replacen("\",\n", "\",,\n", 1);
    let comma = load("x.json", &doubled, None)
        .expect_err("refused")
        .to_string();
    assert!(
        comma.contains("a comma is doubled, or a field is missing before this comma"),
        "{comma}"
    );
}
