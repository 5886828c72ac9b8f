//! What the source says a tie is, in its own verbs: the kinds, which field allows which, and
//! the headings a tie is shown under from either end.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::record::Role;

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

#[cfg(test)]
mod tests {
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
