//! A tie between two records as a dataset file gives it (a bare id, as older files write it,
//! or an object with its kind, quotes and reading) and as the store keeps it. What the kinds
//! mean is in [`super::tie_kind`]; how the rest of the program reads a tie, in
//! [`super::tie_view`]. Nothing here knows the screen.

use std::fmt;

use schemars::JsonSchema;
use serde::{
    Deserialize, Deserializer, Serialize,
    de::{self, MapAccess, Visitor, value::MapAccessDeserializer},
};

use super::{
    model::Citation,
    store::{Sources, Text},
    tie_kind::TieKind,
};

/// One entry of a field that ties a record to another: the other record's id, alone (read as
/// the neutral kind, *mentioned with*) or with what the source says the tie is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(untagged)]
#[serde(bound(serialize = "S: Serialize"))]
#[schemars(rename = "TieRef")]
pub enum TieRef<S = String> {
    /// Just the id: a tie of the neutral kind, with no quote of its own.
    Id(S),
    /// The id with the tie's kind, quotes and reading.
    Tie(Tie<S>),
}

/// A tie as the source states it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[serde(bound(deserialize = "S: Deserialize<'de>", serialize = "S: Serialize"))]
#[schemars(rename = "Tie")]
pub struct Tie<S = String> {
    /// The id of the record at the other end.
    pub id: S,
    /// What the source says the tie is; absent on fields whose name says it (`country`,
    /// `programme`, `funder`, `recipient`, `part_of`, `represents`), *mentioned with* elsewhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<TieKind>,
    /// For `included_in_document`: the document, as the source names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<S>,
    /// The clauses that establish the tie, verbatim, from a paragraph one of its two records
    /// cites.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Citation<S>>,
    /// Where the source is ambiguous: the reading taken, and why. Shown as a reading, never
    /// as fact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<S>,
}

impl<S> TieRef<S> {
    /// The id of the record at the other end.
    pub fn id(&self) -> &S {
        match self {
            Self::Id(id) => id,
            Self::Tie(tie) => &tie.id,
        }
    }

    /// The tie's details, when the file gives them.
    pub fn tie(&self) -> Option<&Tie<S>> {
        match self {
            Self::Id(_) => None,
            Self::Tie(tie) => Some(tie),
        }
    }
}

impl<S> From<S> for TieRef<S> {
    fn from(id: S) -> Self {
        Self::Id(id)
    }
}

impl<'de, S: Deserialize<'de>> Deserialize<'de> for TieRef<S> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entry<S>(std::marker::PhantomData<S>);
        impl<'de, S: Deserialize<'de>> Visitor<'de> for Entry<S> {
            type Value = TieRef<S>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an id, or a tie: {\"id\": …, \"kind\": …, \"sources\": […]}")
            }

            fn visit_borrowed_str<E: de::Error>(self, id: &'de str) -> Result<Self::Value, E> {
                S::deserialize(de::value::BorrowedStrDeserializer::new(id)).map(TieRef::Id)
            }

            fn visit_str<E: de::Error>(self, id: &str) -> Result<Self::Value, E> {
                S::deserialize(de::value::StrDeserializer::new(id)).map(TieRef::Id)
            }

            fn visit_string<E: de::Error>(self, id: String) -> Result<Self::Value, E> {
                S::deserialize(de::value::StringDeserializer::new(id)).map(TieRef::Id)
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                Tie::deserialize(MapAccessDeserializer::new(map)).map(TieRef::Tie)
            }
        }
        deserializer.deserialize_any(Entry(std::marker::PhantomData))
    }
}

/// A tie's details in the store: kept only for ties a file gives as an object.
#[derive(Clone, Copy, Debug)]
pub struct TieRow {
    /// What the tie is; [`TieKind::Mentioned`] where the file gives none.
    pub kind: TieKind,
    /// Whether the file gave the kind (a field whose name says it gives none).
    pub has_kind: bool,
    /// Whether the file gave a bare id (kept only to keep a mixed list's order).
    pub bare: bool,
    /// The document of an `included_in_document` tie.
    pub document: Text,
    /// The quotes that establish it.
    pub sources: Sources,
    /// The reading taken, where the source is ambiguous.
    pub reading: Text,
}

impl TieRow {
    /// The row of a bare id in a list that also holds objects: no kind, quotes or reading.
    pub(crate) fn bare() -> Self {
        Self {
            kind: TieKind::Mentioned,
            has_kind: false,
            bare: true,
            document: Text::NONE,
            sources: Sources::default(),
            reading: Text::NONE,
        }
    }

    /// The same row in a store this one's was appended to.
    pub(crate) fn moved(self, text: u32, citations: u32) -> Self {
        Self {
            document: self.document.moved(text),
            sources: self.sources.moved(citations),
            reading: self.reading.moved(text),
            ..self
        }
    }
}

/// The position of a tie's details in the store's list, or [`NO_DETAIL`] for a bare id.
pub type DetailIndex = u32;

/// A tie given as a bare id: no details.
pub const NO_DETAIL: DetailIndex = u32::MAX;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_is_an_id_or_a_tie() {
        let bare: TieRef = serde_json::from_str(r#""ev-1""#).expect("an id");
        assert_eq!(bare, TieRef::Id("ev-1".to_string()));
        let typed: TieRef = serde_json::from_str(
            r#"{"id": "ev-1", "kind": "supported", "sources": [{"paragraph": 6, "quote": "q"}]}"#,
        )
        .expect("a tie");
        let tie = typed.tie().expect("details");
        assert_eq!(tie.kind, Some(TieKind::Supported));
        assert_eq!(tie.sources.len(), 1);
        assert_eq!(serde_json::to_string(&bare).expect("json"), r#""ev-1""#);
        let error = serde_json::from_str::<TieRef>(r#"{"id": "e", "kind": "hosted"}"#)
            .expect_err("an unknown kind");
        assert!(
            error.to_string().contains("unknown variant `hosted`"),
            "{error}"
        );
        let error = serde_json::from_str::<TieRef>("3").expect_err("a number");
        assert!(error.to_string().contains("an id, or a tie"), "{error}");
    }
}
