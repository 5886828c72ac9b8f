//! Typed handles to records and the named ties between them.

/// A handle to one record of a loaded dataset: its collection and its position there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecordRef {
    /// An entry of `events`.
    Event(u32),
    /// An entry of `programmes`.
    Programme(u32),
    /// An entry of `projects`.
    Project(u32),
    /// An entry of `initiatives`.
    Initiative(u32),
    /// An entry of `participants`.
    Participant(u32),
}

impl RecordRef {
    /// The singular name of the record's collection, for messages.
    pub fn collection_name(self) -> &'static str {
        match self {
            Self::Event(_) => "event",
            Self::Programme(_) => "programme",
            Self::Project(_) => "project",
            Self::Initiative(_) => "initiative",
            Self::Participant(_) => "participant",
        }
    }
}

/// How one record is tied to another, named from the first record's side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// An event's state, where it took place.
    Country,
    /// A project's programme.
    Programme,
    /// A programme's funder.
    Funder,
    /// A programme's recipient.
    Recipient,
    /// A body's parent organisation.
    PartOf,
    /// An initiative's proposer.
    ProposedBy,
    /// An initiative's partner.
    Partner,
    /// An event's participants.
    Participant,
    /// The initiatives supported or advanced at an event (derived).
    InitiativeAtEvent,
    /// The events where an initiative was supported (stored on the initiative).
    SupportedAt,
    /// A programme's projects (derived).
    Project,
    /// The events a participant took part in (derived).
    TookPartIn,
    /// The events held in a state (derived).
    HostOf,
    /// The initiatives a participant proposed (derived).
    Proposed,
    /// The initiatives a participant is a partner in (derived).
    PartnerIn,
    /// The programmes a participant funds (derived).
    Funds,
    /// The programmes a participant receives (derived).
    Receives,
    /// The bodies that belong to an organisation (derived).
    HasBody,
}

impl Role {
    /// Whether the tie is stored on this record (not derived from the other end).
    pub fn is_stored(self) -> bool {
        matches!(
            self,
            Self::Country
                | Self::Programme
                | Self::Funder
                | Self::Recipient
                | Self::PartOf
                | Self::ProposedBy
                | Self::Partner
                | Self::Participant
                | Self::SupportedAt
        )
    }

    /// The heading the detail pane shows above records tied this way.
    pub fn heading(self) -> &'static str {
        match self {
            Self::Country => "Country",
            Self::Programme => "Programme",
            Self::Funder => "Funded by",
            Self::Recipient => "Recipient",
            Self::PartOf => "Part of",
            Self::ProposedBy => "Proposed by",
            Self::Partner => "Partners",
            Self::Participant => "Participants",
            Self::InitiativeAtEvent => "Initiatives advanced here",
            Self::SupportedAt => "Supported at",
            Self::Project => "Projects",
            Self::TookPartIn => "Took part in",
            Self::HostOf => "Events held here",
            Self::Proposed => "Proposed",
            Self::PartnerIn => "Partner in",
            Self::Funds => "Funds",
            Self::Receives => "Receives",
            Self::HasBody => "Bodies",
        }
    }

    /// The name search results give a match in a tied record's name.
    pub fn field_name(self) -> &'static str {
        match self {
            Self::Country => "country",
            Self::Programme => "programme",
            Self::Funder => "funded by",
            Self::Recipient => "recipient",
            Self::PartOf => "part of",
            Self::ProposedBy => "proposed by",
            Self::Partner => "partners",
            Self::Participant => "participants",
            Self::InitiativeAtEvent => "initiatives",
            Self::SupportedAt => "supported at",
            Self::Project => "projects",
            Self::TookPartIn => "took part in",
            Self::HostOf => "events held here",
            Self::Proposed => "proposed",
            Self::PartnerIn => "partner in",
            Self::Funds => "funds",
            Self::Receives => "receives",
            Self::HasBody => "bodies",
        }
    }
}

/// One tie from a record to another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Relation {
    /// How the records are tied.
    pub role: Role,
    /// The record at the other end.
    pub target: RecordRef,
}
