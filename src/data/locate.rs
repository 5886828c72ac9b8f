//! Finding where a field path (`events[3].participants[1]`) stands in a JSON text, so that a
//! problem found after parsing can still be reported with its line and column.

use std::collections::{HashMap, HashSet};

/// A line and column, both counting from 1; columns count bytes, as serde_json's do.
pub type Position = (usize, usize);

struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
    line: usize,
    line_start: usize,
    wanted: &'a HashSet<&'a str>,
    found: HashMap<String, Position>,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn bump(&mut self) {
        if self.peek() == Some(b'\n') {
            self.line += 1;
            self.line_start = self.at + 1;
        }
        self.at += 1;
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.bump();
        }
    }

    /// Skips a string and returns its raw contents (escapes left as written).
    fn string(&mut self) -> &str {
        self.bump(); // the opening quote
        let start = self.at;
        while let Some(byte) = self.peek() {
            match byte {
                b'\\' => {
                    self.bump();
                    self.bump();
                }
                b'"' => break,
                _ => self.bump(),
            }
        }
        let end = self.at.min(self.bytes.len());
        self.bump(); // the closing quote
        std::str::from_utf8(&self.bytes[start..end]).unwrap_or("")
    }

    fn value(&mut self, path: &mut String) {
        self.skip_whitespace();
        if self.wanted.contains(path.as_str()) && !self.found.contains_key(path.as_str()) {
            let position = (self.line, self.at - self.line_start + 1);
            self.found.insert(path.clone(), position);
        }
        match self.peek() {
            Some(b'{') => {
                self.bump();
                loop {
                    self.skip_whitespace();
                    match self.peek() {
                        Some(b'"') => {}
                        Some(b'}') | None => break,
                        Some(_) => {
                            self.bump();
                            continue;
                        }
                    }
                    let key = self.string().to_string();
                    self.skip_whitespace();
                    if self.peek() == Some(b':') {
                        self.bump();
                    }
                    let length = path.len();
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(&key);
                    self.value(path);
                    path.truncate(length);
                    self.skip_whitespace();
                    if self.peek() == Some(b',') {
                        self.bump();
                    }
                }
                self.bump();
            }
            Some(b'[') => {
                self.bump();
                let mut index = 0usize;
                loop {
                    self.skip_whitespace();
                    if matches!(self.peek(), Some(b']') | None) {
                        break;
                    }
                    let length = path.len();
                    path.push('[');
                    path.push_str(&index.to_string());
                    path.push(']');
                    self.value(path);
                    path.truncate(length);
                    index += 1;
                    self.skip_whitespace();
                    if self.peek() == Some(b',') {
                        self.bump();
                    }
                }
                self.bump();
            }
            Some(b'"') => {
                self.string();
            }
            Some(_) => {
                while !matches!(
                    self.peek(),
                    None | Some(b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r')
                ) {
                    self.bump();
                }
            }
            None => {}
        }
    }
}

/// Where each of the `wanted` paths starts in `json`, for those found. One linear pass; meant
/// for text that already parsed, so its nesting is within serde_json's limit.
pub fn locate(json: &str, wanted: &HashSet<&str>) -> HashMap<String, Position> {
    let mut scanner = Scanner {
        bytes: json.as_bytes(),
        at: 0,
        line: 1,
        line_start: 0,
        wanted,
        found: HashMap::new(),
    };
    if !wanted.is_empty() {
        scanner.value(&mut String::new());
    }
    scanner.found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_fields_and_array_items() {
        let json = "{\n  \"title\": \"t\",\n  \"events\": [\n    {\"id\": \"a\", \"participants\": [\"x\", \"y\"]},\n    {\"id\": \"b\"}\n  ]\n}";
        let wanted: HashSet<&str> = [
            "title",
            "events[0].participants[1]",
            "events[1].id",
            "events[2]",
        ]
        .into();
        let found = locate(json, &wanted);
        assert_eq!(found.get("title"), Some(&(2, 12)));
        assert_eq!(found.get("events[0].participants[1]"), Some(&(4, 39)));
        assert_eq!(found.get("events[1].id"), Some(&(5, 12)));
        assert_eq!(found.get("events[2]"), None);
    }

    #[test]
    fn escaped_quotes_do_not_end_a_string() {
        let json = r#"{"a": "say \"hi\", then", "b": 1}"#;
        let wanted: HashSet<&str> = ["b"].into();
        assert_eq!(locate(json, &wanted).get("b"), Some(&(1, 32)));
    }
}
