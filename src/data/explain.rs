//! What serde and serde_json say when a dataset file does not read, said in its author's
//! words, in this one place: by the class of the error (a value of the wrong type, a value
//! out of range, a name not in a set, a field unknown, missing or given twice, and each way
//! JSON's syntax can break), never field by field. A field is named as the file names it; what
//! it must be comes from what the reader expected (a whole number, text, a list, an object,
//! one of a set of names), with the unit and an example where the field's name tells them;
//! what was found is quoted from the file, capped and made safe to show ([`quoted`]); a name
//! not in its set gets the nearest one ([`closest`]). What is not serde's (a date that does
//! not exist, say) is the program's own words already and is kept.

use super::display::quoted;
use crate::{nearest::closest, plural::counted};

/// `message`, serde's or serde_json's (without its position), in a dataset author's words:
/// `path` is where it is (`projects[0].amount_usd`, empty for the whole file), `json` the
/// file's text and `at` the byte of it the error is at.
pub fn explain(path: &str, message: &str, json: &str, at: usize) -> String {
    let path = Path::new(path);
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        return match split_found(rest) {
            Some((found, expected)) => wrong_value(&path, &found, expected, ""),
            None => format!("{} is not of the right type here", path.subject()),
        };
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        return match split_found(rest) {
            Some((found, expected)) => {
                let why = out_of_range(&found, expected);
                wrong_value(&path, &found, expected, why)
            }
            None => format!("{} has a value it cannot take", path.subject()),
        };
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        let (length, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let length: usize = length.parse().unwrap_or(0);
        return format!(
            "{} must be {}; found a list of {}",
            path.subject(),
            expected_words(&path, expected),
            counted(length, "entry")
        );
    }
    if let Some((variant, names)) = named_and_listed(message, "unknown variant `") {
        return unknown_name(&path, variant, &names);
    }
    if let Some((field, names)) = named_and_listed(message, "unknown field `") {
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let said = format!("there is no field {} here", quoted(field));
        return with_names(said, field, &names, "the fields here are");
    }
    if let Some(field) = backticked(message, "missing field `") {
        return format!(
            "the field {} is missing; it is required here",
            quoted(field)
        );
    }
    if let Some(field) = backticked(message, "duplicate field `") {
        return format!(
            "the field {} is given twice here; give it once",
            quoted(field)
        );
    }
    // Else the program's own words (a date that does not exist), kept as they are.
    syntax(&path, message, json, at).unwrap_or_else(|| message.to_string())
}

/// One step of a field path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step<'p> {
    /// A field, by name.
    Field(&'p str),
    /// An entry of a list, counting from 0.
    Entry,
}

/// A field path such as `events[2].participants[0].kind`, as steps.
struct Path<'p> {
    steps: Vec<Step<'p>>,
}

impl<'p> Path<'p> {
    fn new(path: &'p str) -> Self {
        let mut steps = Vec::new();
        for part in path.split('.').filter(|part| !part.is_empty()) {
            let name = part.split('[').next().unwrap_or(part);
            let entries = &part[name.len()..];
            if !name.is_empty() {
                steps.push(Step::Field(name));
            }
            steps.extend(entries.matches('[').map(|_| Step::Entry));
        }
        Self { steps }
    }

    /// The last field named, if any.
    fn field(&self) -> Option<&'p str> {
        self.steps.iter().rev().find_map(|step| match step {
            Step::Field(name) => Some(*name),
            Step::Entry => None,
        })
    }

    /// What the value at the path is called: its field (`amount_usd`), `each entry of
    /// events` for an entry of a list, `the dataset` for the whole file.
    fn subject(&self) -> String {
        match self.steps.as_slice() {
            [] => "the dataset".to_string(),
            [.., Step::Field(name)] => (*name).to_string(),
            [.., Step::Field(name), Step::Entry] => format!("each entry of {name}"),
            [.., Step::Entry] => "each entry of this list".to_string(),
        }
    }

    /// What a name in the set at the path is (`a kind of event`), and how the set is
    /// introduced (`the kinds are`): a record's kind names the record, a tie's the tie.
    fn name_of_set(&self) -> (String, String) {
        match self.steps.as_slice() {
            [Step::Field(collection), Step::Entry, Step::Field("kind")] => (
                format!("a kind of {}", singular(collection)),
                "the kinds are".to_string(),
            ),
            [.., Step::Field("kind")] => ("a kind of tie".to_string(), "the kinds are".to_string()),
            _ => (
                "one of the names allowed here".to_string(),
                "the names allowed are".to_string(),
            ),
        }
    }
}

/// A collection's name in the singular: `events` → `event`.
fn singular(collection: &str) -> &str {
    collection.strip_suffix('s').unwrap_or(collection)
}

/// What was found where a value was wrong, as serde describes it (`Unexpected`).
#[derive(Clone, Debug, PartialEq)]
enum Found {
    /// A string, unescaped.
    Text(String),
    /// A number, as serde writes it.
    Number(String),
    /// `true` or `false`.
    Boolean(String),
    /// `null`.
    Null,
    /// A list.
    List,
    /// An object.
    Object,
    /// Anything else serde names.
    Other,
}

impl Found {
    fn words(&self) -> String {
        match self {
            Self::Text(text) => format!("the text {}", quoted(text)),
            Self::Number(number) => format!("the number {}", quoted_number(number)),
            Self::Boolean(value) => value.clone(),
            Self::Null => "null".to_string(),
            Self::List => "a list [ … ]".to_string(),
            Self::Object => "an object { … }".to_string(),
            Self::Other => "a value of another kind".to_string(),
        }
    }
}

/// A number as serde wrote it, never long: a huge one is cut as a quoted value is.
fn quoted_number(number: &str) -> String {
    let quoted = quoted(number);
    quoted
        .strip_prefix('"')
        .map(|rest| rest.replacen('"', "", 1))
        .unwrap_or(quoted)
}

/// serde's description of what it found, at the start of `text`, and the rest after
/// `, expected `: `string "5 mln", expected u64` gives the text `5 mln` and `u64`.
fn split_found(text: &str) -> Option<(Found, &str)> {
    let valued = [
        ("integer `", Found::Number as fn(String) -> Found),
        ("floating point `", Found::Number),
        ("boolean `", Found::Boolean),
        ("character `", Found::Text),
    ];
    let bare = [
        ("null", Found::Null),
        ("unit value", Found::Null),
        ("sequence", Found::List),
        ("map", Found::Object),
    ];
    let (found, rest) = if let Some(rest) = text.strip_prefix("string \"") {
        let (string, length) = unescape_debug(rest)?;
        (Found::Text(string), &rest[length..])
    } else if let Some((rest, make)) = valued
        .iter()
        .find_map(|(prefix, make)| Some((text.strip_prefix(prefix)?, make)))
    {
        let (value, rest) = rest.split_once('`')?;
        (make(value.to_string()), rest)
    } else {
        let (kind, _) = text.split_once(", expected ")?;
        let found = bare
            .iter()
            .find(|(name, _)| *name == kind)
            .map_or(Found::Other, |(_, found)| found.clone());
        (found, &text[kind.len()..])
    };
    let expected = rest.strip_prefix(", expected ")?;
    Some((found, expected))
}

/// The string a Rust debug quotation (`"a\"b\u{1b}"`, its opening quote gone) stands for,
/// and how many bytes of `text` it takes with its closing quote; `None` if it is not closed.
fn unescape_debug(text: &str) -> Option<(String, usize)> {
    let mut string = String::new();
    let mut chars = text.char_indices();
    while let Some((at, c)) = chars.next() {
        match c {
            '"' => return Some((string, at + 1)),
            '\\' => match chars.next()?.1 {
                'n' => string.push('\n'),
                'r' => string.push('\r'),
                't' => string.push('\t'),
                '0' => string.push('\0'),
                'u' => {
                    let mut hex = String::new();
                    for (_, c) in chars.by_ref() {
                        match c {
                            '{' => {}
                            '}' => break,
                            c => hex.push(c),
                        }
                    }
                    let code = u32::from_str_radix(&hex, 16).ok()?;
                    string.push(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
                }
                other => string.push(other),
            },
            c => string.push(c),
        }
    }
    None
}

/// `subject must be expected; found …`, with `why` after what was found.
fn wrong_value(path: &Path<'_>, found: &Found, expected: &str, why: &str) -> String {
    let expected = expected_words(path, expected);
    format!(
        "{} must be {expected}; found {}{why}",
        path.subject(),
        found.words()
    )
}

/// Why a number of the right type is refused: below zero, or too large, for a whole number.
fn out_of_range(found: &Found, expected: &str) -> &'static str {
    match found {
        Found::Number(number) if is_integer_type(expected) => {
            if number.starts_with('-') {
                ", which is below zero"
            } else {
                ", which is too large"
            }
        }
        _ => "",
    }
}

/// Whether serde's `expected` names an integer type (`u64`, `i32`).
fn is_integer_type(expected: &str) -> bool {
    let digits = expected.strip_prefix(['u', 'i']).unwrap_or_default();
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())) || digits == "size"
}

/// What a whole number in the field `field` counts, after the words `a whole number`, and
/// an example of one: the field's name tells the unit.
fn unit_of(field: Option<&str>) -> (&'static str, &'static str) {
    match field {
        Some(field) if field.ends_with("_usd") => (" of US dollars", "5000000"),
        Some("paragraph") => (" (a paragraph of the source, counting from 1)", "3"),
        Some("start" | "end") => (" (a year)", "2003"),
        _ => ("", "12"),
    }
}

/// serde's `expected` (a type, or what a reader of this program said it expects) in words.
fn expected_words(path: &Path<'_>, expected: &str) -> String {
    if is_integer_type(expected) {
        let (unit, example) = unit_of(path.field());
        return format!("a whole number{unit}, like {example}");
    }
    if let Some(names) = listed(expected) {
        let (what, _) = path.name_of_set();
        return format!("{what}, in double quotes: {}", names.join(", "));
    }
    if let Some(name) = expected.strip_prefix("struct ") {
        let name = name.split(' ').next().unwrap_or(name);
        let noun = a_noun(name);
        // Not `period must be a period`.
        return match noun.ends_with(&format!(" {}", path.subject())) {
            true => "an object in braces { … }".to_string(),
            false => format!("{noun}: an object in braces {{ … }}"),
        };
    }
    match expected {
        "f32" | "f64" => "a number, like 2.5".to_string(),
        "a string" | "a borrowed string" | "string" => {
            "text in double quotes, like \"…\"".to_string()
        }
        "a boolean" | "bool" => "true or false".to_string(),
        "a character" | "char" => "one character in double quotes".to_string(),
        "a sequence" | "a list" => "a list in square brackets [ … ]".to_string(),
        "a map" => "an object in braces { … }".to_string(),
        "unit" => "null".to_string(),
        "option" => "a value, or null".to_string(),
        "a dataset object" => {
            "an object in braces { … } holding the dataset's title and its lists of records"
                .to_string()
        }
        "a list of records" => "a list of records in square brackets [ {…}, {…} ]".to_string(),
        other if other.starts_with("a tuple") => "a list in square brackets [ … ]".to_string(),
        // What one of this program's readers said it expects, in its words already.
        other => other.to_string(),
    }
}

/// A type's name as a noun with its article: `FieldMark` → `a field mark`.
fn a_noun(name: &str) -> String {
    let mut words = String::new();
    for c in name.chars() {
        if c.is_uppercase() && !words.is_empty() {
            words.push(' ');
        }
        words.extend(c.to_lowercase());
    }
    let article = if words.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {words}")
}

/// The names of a list as serde writes one: `` `a` ``, `` `a` or `b` ``,
/// `` one of `a`, `b`, `c` ``; `None` for anything else.
fn listed(text: &str) -> Option<Vec<String>> {
    let text = text.strip_prefix("one of ").unwrap_or(text);
    if !text.starts_with('`') || !text.ends_with('`') {
        return None;
    }
    let names: Vec<String> = text
        .split('`')
        .enumerate()
        .filter(|(at, _)| at % 2 == 1)
        .map(|(_, name)| name.to_string())
        .collect();
    (!names.is_empty()).then_some(names)
}

/// The name in `` prefix`name` `` and the names listed after it, from serde's
/// `` unknown variant `sumit`, expected one of `membership`, … `` (the name is the file's,
/// as it is, so it is found from the end, whose names are the program's).
fn named_and_listed<'m>(message: &'m str, prefix: &str) -> Option<(&'m str, Vec<String>)> {
    let rest = message.strip_prefix(prefix)?;
    if let Some(at) = rest.rfind("`, expected ") {
        let names = listed(&rest[at + "`, expected ".len()..])?;
        return Some((&rest[..at], names));
    }
    let at = rest.rfind("`, there are no ")?;
    Some((&rest[..at], Vec::new()))
}

/// The name in `` prefix`name` ``, which ends the message.
fn backticked<'m>(message: &'m str, prefix: &str) -> Option<&'m str> {
    message.strip_prefix(prefix)?.strip_suffix('`')
}

/// A name not in the set the field takes: which it is not, the nearest, and all of them.
fn unknown_name(path: &Path<'_>, name: &str, names: &[String]) -> String {
    let (what, these) = path.name_of_set();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let said = format!("{} {} is not {what}", path.subject(), quoted(name));
    with_names(said, name, &names, &these)
}

/// `said`, then the nearest of `names` to `name` and all of them, introduced by `these`:
/// `…; did you mean "summit"? The kinds are: …`, or `…; the kinds are: …`.
fn with_names(said: String, name: &str, names: &[&str], these: &str) -> String {
    if names.is_empty() {
        return said;
    }
    let all = names.join(", ");
    match closest(name, names.iter().copied()) {
        Some(near) => {
            let mut these = these.to_string();
            if let Some(first) = these.get(..1) {
                these.replace_range(..1, &first.to_uppercase());
            }
            format!("{said}; did you mean {}? {these}: {all}", quoted(near))
        }
        None => format!("{said}; {these}: {all}"),
    }
}

/// The JSON syntax errors, each with what is at `at` in `json`; `None` for other messages.
fn syntax(path: &Path<'_>, message: &str, json: &str, at: usize) -> Option<String> {
    let next = json.get(at..).and_then(|rest| rest.chars().next());
    let found = || found_at(json, at);
    Some(match message {
        "expected value" => match next {
            Some(',') => "a comma is doubled, or a value is missing before this comma".into(),
            Some(c @ (']' | '}')) => format!("a value is missing here, before the closing {c}"),
            Some('\'') => "text is written in double quotes, not single ones".into(),
            Some('/') => "a dataset file cannot hold comments: JSON has none".into(),
            Some(c) if c.is_alphabetic() => format!(
                "found {}: text is written in double quotes, like \"summit\", and only true, \
                 false and null go without them",
                found()
            ),
            Some(c) if "\"-0123456789tfn[{".contains(c) => {
                format!("{} cannot be {} here", path.subject(), found())
            }
            _ => format!(
                "a value is expected here: text in double quotes, a number, true, false, null, \
                 a list [ … ] or an object {{ … }}; found {}",
                found()
            ),
        },
        "expected ident" => format!(
            "found {}: the only words without double quotes are true, false and null, in \
             lower case",
            found()
        ),
        "key must be a string" => match next {
            Some(',') => "a comma is doubled, or a field is missing before this comma".into(),
            Some('\'') => "a field's name is written in double quotes, not single ones".into(),
            _ => format!(
                "a field's name must be in double quotes, like \"title\"; found {}",
                found()
            ),
        },
        "trailing comma" => format!(
            "a comma follows the last entry, before this {}: JSON allows none there; remove it",
            next.map_or("end".to_string(), String::from)
        ),
        "expected `:`" => format!(
            "a colon must follow a field's name, as in \"title\": \"…\"; found {}",
            found()
        ),
        "expected `,` or `}`" => format!(
            "a comma is missing between two fields, or the }} that closes the object; found {}",
            found()
        ),
        "expected `,` or `]`" => format!(
            "a comma is missing between two entries, or the ] that closes the list; found {}",
            found()
        ),
        "EOF while parsing a list" => {
            "the file ends inside a list, before its closing ] (is it truncated?)".into()
        }
        "EOF while parsing an object" => {
            "the file ends inside an object, before its closing } (is it truncated?)".into()
        }
        "EOF while parsing a string" => {
            "the file ends inside a text, before its closing \" (is it truncated?)".into()
        }
        "EOF while parsing a value" if json.trim().is_empty() => {
            "the file is empty: a dataset is a JSON object, { … }".into()
        }
        "EOF while parsing a value" | "EOF while parsing" => {
            "the file ends where a value should be (is it truncated?)".into()
        }
        "invalid escape" => "a backslash in a text starts an escape JSON does not know: a \
            backslash itself is written \\\\, and the escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \
            \\t and \\u with four hex digits"
            .into(),
        "invalid unicode code point"
        | "lone leading surrogate in hex escape"
        | "unexpected end of hex escape" => "this \\u escape is not a whole character: \\u \
            takes four hex digits, and a character beyond U+FFFF takes two \\u escapes in a row"
            .into(),
        "control character (\\u0000-\\u001F) found while parsing a string" => format!(
            "a text holds a control character as it is ({}): write a tab as \\t and a line \
             break as \\n, or take it out",
            next.map_or("U+0000".to_string(), |c| format!("U+{:04X}", u32::from(c)))
        ),
        "invalid number" => format!(
            "{} is not a number as JSON writes one: digits, with - in front of a negative one, \
             a . with digits after it, or an exponent like 1e6",
            quoted_number(number_around(json, at))
        ),
        "number out of range" => "this number is too large to be read".into(),
        "trailing characters" => format!(
            "the dataset ends before this: a file holds one JSON object, and nothing but \
             spaces may follow its closing }}; found {}",
            found()
        ),
        "recursion limit exceeded" => "the lists and objects here are nested more than 128 \
            deep; a dataset is never nested so deeply"
            .into(),
        _ => return None,
    })
}

/// The number that byte `at` of `json` is in or just after, as the file writes it.
fn number_around(json: &str, at: usize) -> &str {
    let part = |c: char| c.is_ascii_alphanumeric() || "+-.".contains(c);
    let mut at = at.min(json.len());
    while !json.is_char_boundary(at) {
        at -= 1;
    }
    let start = json[..at]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| part(c))
        .last()
        .map_or(at, |(start, _)| start);
    let end = json[start..]
        .char_indices()
        .find(|&(_, c)| !part(c))
        .map_or(json.len(), |(length, _)| start + length);
    &json[start..end]
}

/// What is at byte `at` of `json`, in words: a bare word, a number, a text, a sign.
fn found_at(json: &str, at: usize) -> String {
    let mut at = at.min(json.len());
    while !json.is_char_boundary(at) {
        at -= 1;
    }
    let Some(c) = json[at..].chars().next() else {
        return "the end of the file".to_string();
    };
    let word = |at: usize, inside: fn(char) -> bool| {
        let end = json[at..]
            .char_indices()
            .find(|&(_, c)| !inside(c))
            .map_or(json.len(), |(length, _)| at + length);
        &json[at..end]
    };
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    match c {
        '"' => {
            let text = word(at + 1, |c| c != '"' && c != '\n');
            format!("the text {}", quoted(text))
        }
        '-' | '0'..='9' => format!(
            "the number {}",
            quoted_number(word(at, |c| c.is_ascii_alphanumeric() || "+-.".contains(c)))
        ),
        c if is_word(c) => {
            // From the start of the word the error is in.
            let start = json[..at]
                .char_indices()
                .rev()
                .take_while(|&(_, c)| is_word(c))
                .last()
                .map_or(at, |(start, _)| start);
            format!("{} without double quotes", quoted(word(start, is_word)))
        }
        ',' => "a comma".to_string(),
        ':' => "a colon".to_string(),
        '[' => "an opening [".to_string(),
        ']' => "a closing ]".to_string(),
        '{' => "an opening {".to_string(),
        '}' => "a closing }".to_string(),
        '\'' => "a single quote".to_string(),
        c => format!("the character {}", quoted(&c.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(path: &str, message: &str) -> String {
        explain(path, message, "", 0)
    }

    #[test]
    fn a_value_of_the_wrong_type_is_named_with_its_unit() {
        assert_eq!(
            said(
                "projects[0].amount_usd",
                "invalid type: string \"5 mln\", expected u64"
            ),
            "amount_usd must be a whole number of US dollars, like 5000000; found the text \"5 mln\""
        );
        assert_eq!(
            said(
                "projects[0].amount_usd",
                "invalid value: integer `-5`, expected u64"
            ),
            "amount_usd must be a whole number of US dollars, like 5000000; found the number -5, \
             which is below zero"
        );
        assert_eq!(
            said(
                "events[0]",
                "invalid type: integer `5`, expected struct Event"
            ),
            "each entry of events must be an event: an object in braces { … }; found the number 5"
        );
        assert_eq!(
            said("marks[0]", "invalid type: null, expected struct FieldMark"),
            "each entry of marks must be a field mark: an object in braces { … }; found null"
        );
        assert_eq!(
            said("", "invalid type: sequence, expected a dataset object"),
            "the dataset must be an object in braces { … } holding the dataset's title and its \
             lists of records; found a list [ … ]"
        );
    }

    #[test]
    fn a_quoted_text_is_read_back_from_its_debug_form() {
        let (found, expected) =
            split_found("string \"a, expected \\\"b\\\"\\u{1b}\", expected u64").unwrap();
        assert_eq!(found, Found::Text("a, expected \"b\"\u{1b}".to_string()));
        assert_eq!(expected, "u64");
    }

    #[test]
    fn a_name_not_in_its_set_gets_the_nearest() {
        assert_eq!(
            said(
                "events[0].kind",
                "unknown variant `sumit`, expected one of `membership`, `summit`, `other`"
            ),
            "kind \"sumit\" is not a kind of event; did you mean \"summit\"? The kinds are: \
             membership, summit, other"
        );
        assert_eq!(
            said(
                "events[0].titel",
                "unknown field `titel`, expected `id` or `title`"
            ),
            "there is no field \"titel\" here; did you mean \"title\"? The fields here are: id, \
             title"
        );
    }
}
