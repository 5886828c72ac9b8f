//! A tie between two records: what the source says it is ([`TieKind`], in the source's own
//! verbs, with the headings it is shown under from either end), how a dataset file gives it
//! (a bare id, as older files write it, or an object with its kind, quotes and reading), how
//! the store keeps its details ([`TieRow`]) and how the rest of the program reads them
//! ([`TieView`]). Which records a tie joins is a [`super::record::Relation`]. Nothing here
//! knows the screen.

use std::fmt;

use schemars::JsonSchema;
use serde::{
    Deserialize, Deserializer, Serialize,
    de::{self, MapAccess, Visitor, value::MapAccessDeserializer},
};

use super::{
    record::Role,
    text::{Citation, Citations, Sources, Text, Texts},
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
                f.write_str(
                    "a record's id in double quotes, or a tie: an object like \
                     {\"id\": \"…\", \"kind\": \"…\", \"sources\": […]}",
                )
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

impl<'de> Deserialize<'de> for TieKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        super::named::deserialize_named(deserializer, &Self::ALL, &Self::NAMES)
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

/// A tie's details, as the rest of the program reads them.
#[derive(Clone, Copy, Debug)]
pub struct TieView<'a> {
    pub(crate) texts: &'a Texts,
    pub(crate) row: &'a TieRow,
}

impl<'a> TieView<'a> {
    /// What the tie is.
    pub fn kind(self) -> TieKind {
        self.row.kind
    }

    /// The document of an `included_in_document` tie.
    pub fn document(self) -> Option<&'a str> {
        self.texts.optional(self.row.document)
    }

    /// The quotes that establish it.
    pub fn sources(self) -> Citations<'a> {
        Citations::new(self.texts, self.row.sources)
    }

    /// The reading taken where the source is ambiguous.
    pub fn reading(self) -> Option<&'a str> {
        self.texts.optional(self.row.reading)
    }

    /// The tie as a dataset file writes it, to the record with `id`.
    pub(crate) fn to_model(self, id: String) -> Tie {
        Tie {
            id,
            kind: self.row.has_kind.then_some(self.row.kind),
            document: self.document().map(str::to_string),
            sources: self.sources().to_model(),
            reading: self.reading().map(str::to_string),
        }
    }
}

/// What the source says a tie is, in its own verbs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TieKind {
    /// An initiative mentioned in an event ("mentioned in the Address").
    MentionedIn,
    /// An event's participants supported the initiative ("supported").
    Supported,
    /// An event reiterated its support ("reiterated its support to").
    SupportReiterated,
    /// The initiative was included in a document adopted at the event ("were included in the
    /// Action Plan"); the tie names the document.
    IncludedInDocument,
    /// Took part in an event ("participated", "took part", "with the participation of"); for
    /// an initiative, pursued by taking part in it.
    TookPart,
    /// Became a member at a membership event ("became a member of").
    Joined,
    /// The event was convened on the participant's initiative ("convoked on the initiative of").
    Convened,
    /// The participant delivered the event, an address ("the Address of the President").
    Delivered,
    /// The event, an address, was addressed to the participant ("to the People").
    Addressed,
    /// The participant put the initiative forward ("initiative of", "initiated by",
    /// "based on the proposals of").
    Proposed,
    /// The participant supports the initiative ("fully supports").
    Supports,
    /// The participant pursues the line of cooperation ("developed its interaction with",
    /// "actively works in the field of").
    Pursues,
    /// The participant is a partner of the cooperation ("cooperation with", "interaction with").
    Partner,
    /// The neutral kind: the source names the two together, and says no more of the tie.
    /// Listed last, after the ties the source says more of.
    Mentioned,
}

impl TieKind {
    /// Every kind, in the order the detail pane lists them (the order of the enum).
    pub const ALL: [Self; 14] = [
        Self::MentionedIn,
        Self::Supported,
        Self::SupportReiterated,
        Self::IncludedInDocument,
        Self::TookPart,
        Self::Joined,
        Self::Convened,
        Self::Delivered,
        Self::Addressed,
        Self::Proposed,
        Self::Supports,
        Self::Pursues,
        Self::Partner,
        Self::Mentioned,
    ];

    /// Every kind as a dataset file writes it, in [`Self::ALL`]'s order.
    pub const NAMES: [&'static str; Self::ALL.len()] = {
        let mut names = [""; Self::ALL.len()];
        let mut at = 0;
        while at < names.len() {
            names[at] = Self::ALL[at].name();
            at += 1;
        }
        names
    };

    /// The kind as a dataset file writes it.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Mentioned => "mentioned",
            Self::MentionedIn => "mentioned_in",
            Self::Supported => "supported",
            Self::SupportReiterated => "support_reiterated",
            Self::IncludedInDocument => "included_in_document",
            Self::TookPart => "took_part",
            Self::Joined => "joined",
            Self::Convened => "convened",
            Self::Delivered => "delivered",
            Self::Addressed => "addressed",
            Self::Proposed => "proposed",
            Self::Supports => "supports",
            Self::Pursues => "pursues",
            Self::Partner => "partner",
        }
    }

    /// The kinds a tie stored in the field of `role` may have; empty for a field whose name
    /// says what the tie is.
    pub fn allowed(role: Role) -> &'static [Self] {
        match role {
            Role::SupportedAt => &[
                Self::Mentioned,
                Self::MentionedIn,
                Self::Supported,
                Self::SupportReiterated,
                Self::IncludedInDocument,
                Self::TookPart,
            ],
            Role::Participant => &[
                Self::Mentioned,
                Self::TookPart,
                Self::Joined,
                Self::Convened,
                Self::Delivered,
                Self::Addressed,
            ],
            Role::ProposedBy => &[
                Self::Mentioned,
                Self::Proposed,
                Self::Supports,
                Self::Pursues,
            ],
            Role::Partner => &[Self::Mentioned, Self::Partner],
            _ => &[],
        }
    }

    /// The heading a tie of this kind is shown under, from the end of `role`; `document`
    /// names the document of an `included_in_document` tie.
    pub fn heading(self, role: Role, document: Option<&str>) -> String {
        let document = document.unwrap_or("a document");
        let forward = role.is_stored();
        let text = match (self, role) {
            (Self::Mentioned, Role::SupportedAt | Role::Participant) => "Mentioned with",
            (Self::Mentioned, Role::ProposedBy | Role::Partner) => "Mentioned with",
            (Self::Mentioned, Role::InitiativeAtEvent) => "Initiatives mentioned with it",
            (Self::Mentioned, Role::TookPartIn) => "Events mentioned with it",
            (Self::Mentioned, Role::Proposed | Role::PartnerIn) => "Initiatives mentioned with it",
            (Self::MentionedIn, _) if forward => "Mentioned in",
            (Self::MentionedIn, _) => "Initiatives mentioned here",
            (Self::Supported, _) if forward => "Supported at",
            (Self::Supported, _) => "Initiatives supported here",
            (Self::SupportReiterated, _) if forward => "Support reiterated at",
            (Self::SupportReiterated, _) => "Initiatives whose support was reiterated here",
            (Self::IncludedInDocument, _) if forward => {
                return format!("Included in {document} adopted at");
            }
            (Self::IncludedInDocument, _) => {
                return format!("Initiatives included in {document} adopted here");
            }
            (Self::TookPart, Role::SupportedAt) => "Pursued by taking part in",
            (Self::TookPart, Role::InitiativeAtEvent) => "Initiatives pursued by taking part here",
            (Self::TookPart, _) if forward => "Took part",
            (Self::TookPart, _) => "Took part in",
            (Self::Joined, _) if forward => "Became a member",
            (Self::Joined, _) => "Membership",
            (Self::Convened, _) if forward => "Convened on the initiative of",
            (Self::Convened, _) => "Convened",
            (Self::Delivered, _) if forward => "Delivered by",
            (Self::Delivered, _) => "Delivered",
            (Self::Addressed, _) if forward => "Addressed to",
            (Self::Addressed, _) => "Addressed by",
            (Self::Proposed, _) if forward => "Proposed by",
            (Self::Proposed, _) => "Proposed",
            (Self::Supports, _) if forward => "Supported by",
            (Self::Supports, _) => "Supports",
            (Self::Pursues, _) if forward => "Pursued by",
            (Self::Pursues, _) => "Pursues",
            (Self::Partner, _) if forward => "Partners",
            (Self::Partner, _) => "Partner in",
            (Self::Mentioned, _) => "Mentioned with",
        };
        text.to_string()
    }
}

impl TieKind {
    /// The name a search result gives a match in the name of a record tied this way, from
    /// the end that stores the tie (field `role`).
    pub fn field_name(self, role: Role) -> &'static str {
        match (self, role) {
            (Self::Mentioned, _) => "mentioned with",
            (Self::MentionedIn, _) => "mentioned in",
            (Self::Supported, _) => "supported at",
            (Self::SupportReiterated, _) => "support reiterated at",
            (Self::IncludedInDocument, _) => "included in a document adopted at",
            (Self::TookPart, Role::SupportedAt) => "pursued by taking part in",
            (Self::TookPart, _) => "took part",
            (Self::Joined, _) => "became a member",
            (Self::Convened, _) => "convened on the initiative of",
            (Self::Delivered, _) => "delivered by",
            (Self::Addressed, _) => "addressed to",
            (Self::Proposed, _) => "proposed by",
            (Self::Supports, _) => "supported by",
            (Self::Pursues, _) => "pursued by",
            (Self::Partner, _) => "partners",
        }
    }
}

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
        assert!(
            error.to_string().contains("id in double quotes, or a tie"),
            "{error}"
        );
    }
}

#[cfg(test)]
mod kind_tests {
    use super::*;

    #[test]
    fn every_kind_has_its_name_and_a_field() {
        for (position, kind) in TieKind::ALL.into_iter().enumerate() {
            assert_eq!(kind as usize, position);
            let json = serde_json::to_string(&kind).expect("json");
            assert_eq!(json, format!("\"{}\"", kind.name()));
            assert!(
                Role::ALL
                    .into_iter()
                    .any(|role| TieKind::allowed(role).contains(&kind)),
                "{kind:?} is allowed nowhere"
            );
        }
    }

    #[test]
    fn no_heading_says_support_unless_the_kind_does() {
        for role in Role::ALL {
            for kind in TieKind::ALL {
                let heading = kind.heading(role, None).to_lowercase();
                let supportive = matches!(
                    kind,
                    TieKind::Supported | TieKind::SupportReiterated | TieKind::Supports
                );
                assert_eq!(heading.contains("support"), supportive, "{kind:?} {role:?}");
            }
        }
    }
}
