//! The text a loaded dataset holds: every text end to end in one arena addressed by `u32`
//! spans, the citations as runs of (paragraph, quote span), and the escaped copies the screen
//! shows of the few texts unsafe to show as they are; and a text and a citation as a file
//! gives them. The leaf of `data`: it knows no record.

use std::{borrow::Cow, collections::HashMap, fmt, ops::Deref};

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, de::Visitor};

use super::pages::GiveBack;

/// How much of an arena is copied before its memory is given back, when two are joined.
const APPEND_PIECE: usize = 16 << 20;

/// A span of the text arena; an absent optional text has `len == ABSENT`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Text {
    start: u32,
    len: u32,
}

const ABSENT: u32 = u32::MAX;

impl Text {
    /// The span of no text, for an optional field that is not there.
    pub const NONE: Self = Self {
        start: 0,
        len: ABSENT,
    };

    /// The same span in an arena this one was appended to at `offset`.
    pub(crate) fn moved(self, offset: u32) -> Self {
        if self.is_some() {
            Self {
                start: self.start.saturating_add(offset),
                len: self.len,
            }
        } else {
            self
        }
    }

    /// Whether the optional text is there.
    pub fn is_some(self) -> bool {
        self.len != ABSENT
    }

    /// Where the text lies in its arena, in bytes; `None` when it is not there.
    pub fn bounds(self) -> Option<(u32, u32)> {
        self.is_some()
            .then(|| (self.start, self.start.saturating_add(self.len)))
    }
}

/// Text stored end to end, handed out as spans.
#[derive(Clone, Debug, Default)]
pub struct Arena {
    bytes: String,
    /// Set when the text outgrew what `u32` spans can address.
    overflowed: bool,
}

impl Arena {
    /// Stores `text` and returns its span.
    pub fn push(&mut self, text: &str) -> Text {
        let (Ok(start), Ok(len)) = (u32::try_from(self.bytes.len()), u32::try_from(text.len()))
        else {
            self.overflowed = true;
            return Text::default();
        };
        if start.checked_add(len).is_none_or(|end| end == u32::MAX) {
            self.overflowed = true;
            return Text::default();
        }
        self.bytes.push_str(text);
        Text { start, len }
    }

    /// Stores an optional text.
    pub fn push_optional(&mut self, text: Option<&str>) -> Text {
        text.map_or(Text::NONE, |text| self.push(text))
    }

    /// The text of a span.
    pub fn get(&self, text: Text) -> &str {
        if !text.is_some() {
            return "";
        }
        let start = text.start as usize;
        self.bytes
            .get(start..start + text.len as usize)
            .unwrap_or("")
    }

    /// All the text, end to end.
    pub fn as_str(&self) -> &str {
        &self.bytes
    }

    /// Whether some text could not be stored.
    pub fn overflowed(&self) -> bool {
        self.overflowed
    }

    /// Makes room for `bytes` more text.
    pub fn reserve(&mut self, bytes: usize) {
        self.bytes.reserve(bytes);
    }

    /// Appends another arena's text, giving back the other's memory as it is copied so the
    /// text is never in memory twice; returns how far its spans move.
    pub(crate) fn append(&mut self, other: Arena) -> u32 {
        let offset = u32::try_from(self.bytes.len()).unwrap_or(u32::MAX);
        if u32::try_from(self.bytes.len() + other.bytes.len()).is_err() {
            self.overflowed = true;
        }
        self.overflowed |= other.overflowed;
        self.bytes.reserve(other.bytes.len());
        // As bytes, the other arena's memory can be given back: once a piece is copied, no
        // text borrows it, and what it becomes (zeros) is never read as text.
        let mut other = other.bytes.into_bytes();
        let mut give_back = GiveBack::new(&mut other);
        let mut copied = 0;
        while copied < give_back.bytes().len() {
            let rest = &give_back.bytes()[copied..];
            // A piece cut inside a character ends before it: it starts the next piece. Checked
            // as a whole piece, which skips ASCII a word at a time (`utf8_chunks` went byte by
            // byte, and cost ten times the instructions).
            let mut cut = APPEND_PIECE.min(rest.len());
            while cut < rest.len() && cut > 0 && is_continuation(rest[cut]) {
                cut -= 1;
            }
            let piece = std::str::from_utf8(&rest[..cut]).unwrap_or("");
            if piece.is_empty() {
                // Never: the bytes were a `String`, and a piece is longer than a character.
                self.overflowed = true;
                break;
            }
            self.bytes.push_str(piece);
            copied += piece.len();
            give_back.up_to(copied);
        }
        offset
    }

    /// Gives back the spare capacity once loading is done.
    pub fn shrink(&mut self) {
        self.bytes.shrink_to_fit();
    }
}

/// Whether `byte` continues a character begun before it in UTF-8.
fn is_continuation(byte: u8) -> bool {
    byte & 0xc0 == 0x80
}

/// A record's citations: a run of [`CitationRow`]s.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sources {
    /// The first citation.
    pub start: u32,
    /// How many there are.
    pub count: u32,
}

impl Sources {
    /// The same run in a list this one's was appended to at `offset`.
    pub(crate) fn moved(self, offset: u32) -> Self {
        Self {
            start: self.start.saturating_add(offset),
            count: self.count,
        }
    }
}

/// A citation: a paragraph number and a quote.
#[derive(Clone, Copy, Debug)]
pub struct CitationRow {
    /// The paragraph, counting from 1.
    pub paragraph: u32,
    /// The verbatim quote.
    pub quote: Text,
}

/// All of a dataset's text: the arena, the citations, and what the screen shows instead of
/// the texts unsafe to show as they are.
#[derive(Clone, Debug, Default)]
pub struct Texts {
    /// Every text, end to end.
    pub arena: Arena,
    /// Every citation of every record and tie.
    pub citations: Vec<CitationRow>,
    /// By (start, length) of a loaded text: the span of the escaped copy shown instead.
    pub(crate) shown: HashMap<(u32, u32), Text>,
}

impl Texts {
    /// A text as it may be shown: its escaped copy when it has one.
    pub fn get(&self, text: Text) -> &str {
        if !self.shown.is_empty()
            && let Some((start, end)) = text.bounds()
            && let Some(&shown) = self.shown.get(&(start, end - start))
        {
            return self.arena.get(shown);
        }
        self.arena.get(text)
    }

    /// An optional text as it may be shown.
    pub fn optional(&self, text: Text) -> Option<&str> {
        text.is_some().then(|| self.get(text))
    }

    /// The citation rows of a run.
    pub fn rows(&self, sources: Sources) -> &[CitationRow] {
        let start = sources.start as usize;
        self.citations
            .get(start..start + sources.count as usize)
            .unwrap_or(&[])
    }

    /// Stores citations and returns their run.
    pub(crate) fn push_citations<S: AsRef<str>>(&mut self, sources: &[Citation<S>]) -> Sources {
        let start = position(self.citations.len());
        for citation in sources {
            let quote = self.arena.push(citation.quote.as_ref());
            self.citations.push(CitationRow {
                paragraph: citation.paragraph,
                quote,
            });
        }
        Sources {
            start,
            count: position(self.citations.len()).saturating_sub(start),
        }
    }
}

/// A position as the store keeps it.
pub(crate) fn position(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

/// A citation: a paragraph number and a verbatim quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CitationView<'a> {
    /// The paragraph, counting from 1.
    pub paragraph: u32,
    /// The quote.
    pub quote: &'a str,
}

/// A record's (or a tie's) citations.
#[derive(Clone, Copy, Debug)]
pub struct Citations<'a> {
    texts: &'a Texts,
    rows: &'a [CitationRow],
}

impl<'a> Citations<'a> {
    pub(crate) fn new(texts: &'a Texts, sources: Sources) -> Self {
        Self {
            texts,
            rows: texts.rows(sources),
        }
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The citations as a dataset file writes them.
    pub(crate) fn to_model(self) -> Vec<Citation> {
        self.iter()
            .map(|citation| Citation {
                paragraph: citation.paragraph,
                quote: citation.quote.to_string(),
            })
            .collect()
    }

    /// Each citation in order.
    pub fn iter(&self) -> impl Iterator<Item = CitationView<'a>> + use<'a> {
        let texts = self.texts;
        self.rows.iter().map(move |row| CitationView {
            paragraph: row.paragraph,
            quote: texts.get(row.quote),
        })
    }
}

impl<'a> IntoIterator for Citations<'a> {
    type Item = CitationView<'a>;
    type IntoIter = Box<dyn Iterator<Item = CitationView<'a>> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

/// A text as read from a dataset file: borrowed from the file where the JSON string has no
/// escapes (most of them), so loading a million records copies each text once, into the
/// catalog's arena.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileText<'a>(pub Cow<'a, str>);

impl Deref for FileText<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for FileText<'_> {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for FileText<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> Visitor<'de> for Visit {
            type Value = FileText<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }

            fn visit_borrowed_str<E>(self, text: &'de str) -> Result<Self::Value, E> {
                Ok(FileText(Cow::Borrowed(text)))
            }

            fn visit_str<E>(self, text: &str) -> Result<Self::Value, E> {
                Ok(FileText(Cow::Owned(text.to_string())))
            }

            fn visit_string<E>(self, text: String) -> Result<Self::Value, E> {
                Ok(FileText(Cow::Owned(text)))
            }
        }
        deserializer.deserialize_str(Visit)
    }
}

/// Where a record comes from: a paragraph of the source and a verbatim quote from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[serde(bound(deserialize = "S: Deserialize<'de>", serialize = "S: Serialize"))]
#[schemars(rename = "Citation")]
pub struct Citation<S = String> {
    /// The paragraph number, counting from 1; paragraphs are separated by blank lines.
    pub paragraph: u32,
    /// A sentence or clause copied verbatim from that paragraph.
    pub quote: S,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_appended_arena_keeps_every_text_even_a_character_cut_between_pieces() {
        let mut first = Arena::default();
        let before = first.push("first ");
        let mut other = Arena::default();
        // Pieces of APPEND_PIECE bytes: the first ends inside "é" and then inside "€".
        let head = "a".repeat(APPEND_PIECE - 1) + "é";
        let middle = "b".repeat(APPEND_PIECE - 3) + "€";
        let texts = [other.push(&head), other.push(&middle), other.push("tail ü")];
        let offset = first.append(other);
        assert_eq!(offset, "first ".len() as u32);
        assert!(!first.overflowed());
        assert_eq!(first.get(before), "first ");
        let moved: Vec<&str> = texts.iter().map(|&t| first.get(t.moved(offset))).collect();
        assert_eq!(moved, [head.as_str(), middle.as_str(), "tail ü"]);
    }
}
