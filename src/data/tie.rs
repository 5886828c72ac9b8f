//! What a tie between two records says: its kind, in the source's own verbs, the quotes that
//! establish it, and a reading where the source is ambiguous. Its shape in a dataset file (a
//! bare id, as older files write it, or an object), its row in the store, and the headings a
//! tie is shown under from either end. Nothing here knows the screen.

use std::fmt;

use schemars::JsonSchema;
use serde::{
    Deserialize, Deserializer, Serialize,
    de::{self, MapAccess, Visitor, value::MapAccessDeserializer},
};

use super::{
    catalog::Catalog,
    model::Citation,
    record::{RecordRef, Relation, Role},
    store::{Sources, Text},
    views::Citations,
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

/// What the source says a tie is, in its own verbs.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
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

    /// The kind as a dataset file writes it.
    pub fn name(self) -> &'static str {
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

/// A tie's details in the store: kept only for ties a file gives as an object.
#[derive(Clone, Copy, Debug)]
pub struct TieRow {
    /// What the tie is; [`TieKind::Mentioned`] where the file gives none.
    pub kind: TieKind,
    /// Whether the file gave the kind (a field whose name says it gives none).
    pub has_kind: bool,
    /// The document of an `included_in_document` tie.
    pub document: Text,
    /// The quotes that establish it.
    pub sources: Sources,
    /// The reading taken, where the source is ambiguous.
    pub reading: Text,
}

impl TieRow {
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

/// A tie's details, as the rest of the program reads them.
#[derive(Clone, Copy, Debug)]
pub struct TieView<'a> {
    catalog: &'a Catalog,
    row: &'a TieRow,
}

impl<'a> TieView<'a> {
    /// What the tie is.
    pub fn kind(self) -> TieKind {
        self.row.kind
    }

    /// The document of an `included_in_document` tie.
    pub fn document(self) -> Option<&'a str> {
        self.catalog.optional_text(self.row.document)
    }

    /// The quotes that establish it.
    pub fn sources(self) -> Citations<'a> {
        Citations::new(self.catalog, self.row.sources)
    }

    /// The reading taken where the source is ambiguous.
    pub fn reading(self) -> Option<&'a str> {
        self.catalog.optional_text(self.row.reading)
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

impl Catalog {
    /// The details of a tie, when its file gives them.
    pub fn tie(&self, relation: &Relation) -> Option<TieView<'_>> {
        let row = self.store.ties.get(relation.detail as usize)?;
        Some(TieView { catalog: self, row })
    }

    /// How many ties the file gives as bare ids in fields where ties have kinds: each is read
    /// as the neutral kind.
    pub fn bare_tie_count(&self) -> usize {
        self.store.bare_ties
    }

    /// How many quotes the file's ties carry.
    pub fn tie_quote_count(&self) -> usize {
        self.store
            .ties
            .iter()
            .map(|tie| tie.sources.count as usize)
            .sum()
    }

    /// The kind of the tie with details at `detail`; the neutral kind for a bare id.
    pub fn tie_kind_of(&self, detail: DetailIndex) -> TieKind {
        self.store
            .ties
            .get(detail as usize)
            .map_or(TieKind::Mentioned, |row| row.kind)
    }

    /// The heading a tie is shown under on `record`, its end: by its kind where its field
    /// gives ties kinds, by its field elsewhere.
    pub fn tie_heading(&self, record: RecordRef, relation: &Relation) -> String {
        let stored = if relation.role.is_stored() {
            relation.role
        } else {
            relation.role.reverse()
        };
        if relation.role == Role::TookPartThrough {
            return self.through_heading(record, relation);
        }
        if TieKind::allowed(stored).is_empty() {
            return relation.role.heading().to_string();
        }
        let tie = self.tie(relation);
        let kind = tie.map_or(TieKind::Mentioned, TieView::kind);
        kind.heading(relation.role, tie.and_then(TieView::document))
    }

    /// "Took part in, through Kazakh delegations": the group that took part, found among the
    /// event's participants as one that represents `record`.
    fn through_heading(&self, record: RecordRef, relation: &Relation) -> String {
        match self
            .representation(relation.target, record)
            .and_then(|(group, _)| self.get(group))
        {
            Some(group) => format!("Took part in, through {}", group.title()),
            None => relation.role.heading().to_string(),
        }
    }

    /// Who took part in `event` for `state` (a participant of the event that represents the
    /// state), and the tie that says it represents it.
    fn representation(&self, event: RecordRef, state: RecordRef) -> Option<(RecordRef, Relation)> {
        self.relations(event).iter().find_map(|tie| {
            if tie.role != Role::Participant {
                return None;
            }
            let represents = self
                .relations(tie.target)
                .iter()
                .find(|up| up.role == Role::Represents && up.target == state)?;
            Some((tie.target, represents))
        })
    }

    /// The readings a tie rests on, as `record` shows it: its own, and for a tie through a
    /// representative, the reading that the representative represents the state.
    pub fn tie_readings(&self, record: RecordRef, relation: &Relation) -> Vec<&str> {
        let mut readings: Vec<&str> = self
            .tie(relation)
            .and_then(TieView::reading)
            .into_iter()
            .collect();
        let representation = match relation.role {
            Role::TookPartThrough => self.representation(relation.target, record),
            Role::RepresentedThere => self.representation(record, relation.target),
            _ => None,
        };
        if let Some((_, represents)) = representation
            && let Some(reading) = self.tie(&represents).and_then(TieView::reading)
        {
            readings.push(reading);
        }
        readings
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
        assert!(error.to_string().contains("an id, or a tie"), "{error}");
    }

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
