//! What reading a dataset leaves besides the records' rows: all of its text (see
//! [`super::text`]), the details of the ties a file gives as objects, the references by id
//! until they are resolved, and the dataset's own title, description and spellings. A million
//! records cost their text plus a few bytes a tie.

use super::{
    field_mark::FieldMark,
    places::Place,
    record::{DetailIndex, NO_DETAIL, RecordRef, Role},
    spellings::Spelling,
    text::{Arena, Text, Texts, position},
    tie::{Tie, TieKind, TieRef, TieRow},
};

/// A reference by id from one record to another, until it is resolved.
#[derive(Clone, Copy, Debug)]
pub struct PendingReference {
    /// The record that refers.
    pub from: RecordRef,
    /// How it refers.
    pub role: Role,
    /// Its position in the field's list (0 for a single reference), for messages.
    pub position: u32,
    /// The id referred to, in the pending arena.
    pub id: Text,
    /// The tie's kind, quotes and reading in [`Store::ties`], or [`NO_DETAIL`].
    pub detail: DetailIndex,
}

/// A dataset's text, tie details and pending references, and what it says of itself.
#[derive(Clone, Debug, Default)]
pub struct Store {
    /// Every text and citation.
    pub texts: Texts,
    /// The JSON Schema the file names.
    pub schema: Option<String>,
    /// The dataset's title.
    pub title: String,
    /// What it covers.
    pub description: String,
    /// Which document it quotes.
    pub source: String,
    /// Other spellings of its names.
    pub spellings: Vec<Spelling>,
    /// Where its places lie on a map.
    pub places: Vec<Place>,
    /// The document it quotes, as a citation names it.
    pub document: Option<super::document::Document>,
    /// The marks the file gives (checked against the program's).
    pub marks: Vec<FieldMark>,
    /// The details of the ties a file gives as objects (kind, quotes, reading).
    pub ties: Vec<TieRow>,
    /// How many ties a file gives as bare ids, in fields where a tie has a kind.
    pub bare_ties: usize,
    /// References by id, resolved into relations when the catalog is built.
    pub pending: Vec<PendingReference>,
    /// The ids those references name.
    pub pending_text: Arena,
}

impl Store {
    /// Notes a record's references by id, to be resolved once every record is in.
    pub(crate) fn refer<'a, S: AsRef<str> + 'a>(
        &mut self,
        from: RecordRef,
        role: Role,
        entries: impl IntoIterator<Item = &'a TieRef<S>, IntoIter: Clone>,
    ) {
        let entries = entries.into_iter();
        // In a list that mixes bare ids and objects, a bare id gets an empty row too: details
        // are kept in file order, and an export gives the list back in that order.
        let mixed = entries.clone().any(|entry| entry.tie().is_some());
        for (index, entry) in entries.enumerate() {
            let id = self.pending_text.push(entry.id().as_ref());
            let detail = match entry.tie() {
                Some(tie) => self.tie(tie),
                None => {
                    if !TieKind::allowed(role).is_empty() {
                        self.bare_ties += 1;
                    }
                    if mixed {
                        self.ties.push(TieRow::bare());
                        position(self.ties.len() - 1)
                    } else {
                        NO_DETAIL
                    }
                }
            };
            self.pending.push(PendingReference {
                from,
                role,
                position: position(index),
                id,
                detail,
            });
        }
    }

    /// Stores a tie's details and returns where they are.
    fn tie<S: AsRef<str>>(&mut self, tie: &Tie<S>) -> DetailIndex {
        let sources = self.texts.push_citations(&tie.sources);
        fn optional<S: AsRef<str>>(text: &Option<S>) -> Option<&str> {
            text.as_ref().map(AsRef::as_ref)
        }
        let row = TieRow {
            kind: tie.kind.unwrap_or(TieKind::Mentioned),
            has_kind: tie.kind.is_some(),
            bare: false,
            document: self.texts.arena.push_optional(optional(&tie.document)),
            sources,
            reading: self.texts.arena.push_optional(optional(&tie.reading)),
        };
        self.ties.push(row);
        position(self.ties.len() - 1)
    }

    /// The kind of the tie with details at `detail`; the neutral kind for a bare id.
    pub fn tie_kind_of(&self, detail: DetailIndex) -> TieKind {
        self.ties
            .get(detail as usize)
            .map_or(TieKind::Mentioned, |row| row.kind)
    }
}
