//! Typed handles to records, how many of each kind a dataset holds, and the named ties
//! between records ([`Role`], [`Relation`]). A leaf of `data`: it knows no record's fields.

/// The position of a tie's details in the store's list, or [`NO_DETAIL`] for a bare id.
pub type DetailIndex = u32;

/// A tie given as a bare id: no details.
pub const NO_DETAIL: DetailIndex = u32::MAX;

/// How many records each collection of a dataset holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RecordCounts {
    /// Events.
    pub events: usize,
    /// Programmes.
    pub programmes: usize,
    /// Projects.
    pub projects: usize,
    /// Initiatives.
    pub initiatives: usize,
    /// Participants.
    pub participants: usize,
}

impl RecordCounts {
    /// Each collection's name and count.
    pub fn named(&self) -> [(&'static str, usize); 5] {
        [
            ("events", self.events),
            ("programmes", self.programmes),
            ("projects", self.projects),
            ("initiatives", self.initiatives),
            ("participants", self.participants),
        ]
    }

    /// How many records of all kinds there are.
    pub fn total(&self) -> usize {
        self.named().iter().map(|(_, count)| count).sum()
    }

    /// The position of a record in one flat numbering of all collections, in file order.
    pub fn slot(&self, record: RecordRef) -> usize {
        let before: usize = self.named()[..record.kind_index()]
            .iter()
            .map(|(_, count)| count)
            .sum();
        before + record.index() as usize
    }

    /// The record at a slot of the flat numbering.
    pub fn record_at(&self, slot: usize) -> Option<RecordRef> {
        let mut rest = slot;
        for (kind, (_, length)) in self.named().into_iter().enumerate() {
            if rest < length {
                return Some(RecordRef::new(kind, u32::try_from(rest).ok()?));
            }
            rest -= length;
        }
        None
    }
}

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
    /// The record's position in its collection.
    pub fn index(self) -> u32 {
        match self {
            Self::Event(i)
            | Self::Programme(i)
            | Self::Project(i)
            | Self::Initiative(i)
            | Self::Participant(i) => i,
        }
    }

    /// Which collection it is in, counting from 0 in file order.
    pub fn kind_index(self) -> usize {
        match self {
            Self::Event(_) => 0,
            Self::Programme(_) => 1,
            Self::Project(_) => 2,
            Self::Initiative(_) => 3,
            Self::Participant(_) => 4,
        }
    }

    /// Record `index` of collection `kind` (see [`Self::kind_index`]).
    pub fn new(kind: usize, index: u32) -> Self {
        let makers: [fn(u32) -> Self; 5] = [
            Self::Event,
            Self::Programme,
            Self::Project,
            Self::Initiative,
            Self::Participant,
        ];
        makers[kind.min(4)](index)
    }

    /// The same record in a dataset whose collections start `bases` later.
    pub fn rebased(self, bases: &RecordCounts) -> Self {
        let base = bases.named()[self.kind_index()].1;
        Self::new(
            self.kind_index(),
            self.index()
                .saturating_add(u32::try_from(base).unwrap_or(u32::MAX)),
        )
    }

    /// The plural name of the record's collection, as in the dataset file.
    pub fn collection(self) -> &'static str {
        [
            "events",
            "programmes",
            "projects",
            "initiatives",
            "participants",
        ][self.kind_index()]
    }

    /// The singular name of the record's collection, for messages.
    pub fn collection_name(self) -> &'static str {
        ["event", "programme", "project", "initiative", "participant"][self.kind_index()]
    }
}

/// How one record is tied to another, named from the first record's side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
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
    /// A group that represents a participant, such as its delegations.
    Represents,
    /// The groups that represent a participant (derived).
    RepresentedBy,
    /// The events a participant took part in through those who represent it (derived from
    /// its representatives' events).
    TookPartThrough,
    /// The participants represented at an event by those who took part (derived).
    RepresentedThere,
}

impl Role {
    /// Every role, in display order (the order of the enum).
    pub const ALL: [Self; 22] = [
        Self::Country,
        Self::Programme,
        Self::Funder,
        Self::Recipient,
        Self::PartOf,
        Self::ProposedBy,
        Self::Partner,
        Self::Participant,
        Self::InitiativeAtEvent,
        Self::SupportedAt,
        Self::Project,
        Self::TookPartIn,
        Self::HostOf,
        Self::Proposed,
        Self::PartnerIn,
        Self::Funds,
        Self::Receives,
        Self::HasBody,
        Self::Represents,
        Self::RepresentedBy,
        Self::TookPartThrough,
        Self::RepresentedThere,
    ];

    /// The collection of the record at the other end.
    pub fn target(self, index: u32) -> RecordRef {
        match self {
            Self::Country
            | Self::Funder
            | Self::Recipient
            | Self::PartOf
            | Self::ProposedBy
            | Self::Partner
            | Self::Participant
            | Self::HasBody
            | Self::Represents
            | Self::RepresentedBy
            | Self::RepresentedThere => RecordRef::Participant(index),
            Self::Programme | Self::Funds | Self::Receives => RecordRef::Programme(index),
            Self::InitiativeAtEvent | Self::Proposed | Self::PartnerIn => {
                RecordRef::Initiative(index)
            }
            Self::SupportedAt | Self::TookPartIn | Self::HostOf | Self::TookPartThrough => {
                RecordRef::Event(index)
            }
            Self::Project => RecordRef::Project(index),
        }
    }

    /// The same tie seen from the other end.
    pub fn reverse(self) -> Self {
        match self {
            Self::Country => Self::HostOf,
            Self::Programme => Self::Project,
            Self::Funder => Self::Funds,
            Self::Recipient => Self::Receives,
            Self::PartOf => Self::HasBody,
            Self::ProposedBy => Self::Proposed,
            Self::Partner => Self::PartnerIn,
            Self::Participant => Self::TookPartIn,
            Self::SupportedAt => Self::InitiativeAtEvent,
            Self::HostOf => Self::Country,
            Self::Project => Self::Programme,
            Self::Funds => Self::Funder,
            Self::Receives => Self::Recipient,
            Self::HasBody => Self::PartOf,
            Self::Proposed => Self::ProposedBy,
            Self::PartnerIn => Self::Partner,
            Self::TookPartIn => Self::Participant,
            Self::InitiativeAtEvent => Self::SupportedAt,
            Self::Represents => Self::RepresentedBy,
            Self::RepresentedBy => Self::Represents,
            Self::TookPartThrough => Self::RepresentedThere,
            Self::RepresentedThere => Self::TookPartThrough,
        }
    }

    /// The field of the dataset file that stores this tie.
    pub fn stored_field(self) -> &'static str {
        match self.stored_side() {
            Self::Country => "country",
            Self::Programme => "programme",
            Self::Funder => "funder",
            Self::Recipient => "recipient",
            Self::PartOf => "part_of",
            Self::ProposedBy => "proposed_by",
            Self::Partner => "partners",
            Self::Participant => "participants",
            Self::Represents => "represents",
            _ => "events",
        }
    }

    /// Whether the stored field holds a list (and messages give a position).
    pub fn is_list(self) -> bool {
        matches!(
            self.stored_side(),
            Self::ProposedBy | Self::Partner | Self::Participant | Self::SupportedAt
        )
    }

    fn stored_side(self) -> Self {
        if self.is_stored() {
            self
        } else {
            self.reverse()
        }
    }

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
                | Self::Represents
        )
    }

    /// Whether a search for the name of the record at the other end finds this record: for
    /// the ties a record stores, and for the states represented at an event.
    pub fn is_searched(self) -> bool {
        self.is_stored() || self == Self::RepresentedThere
    }

    /// Whether the tie is derived from two others (a representative's events), not stored
    /// at either end.
    pub fn is_through(self) -> bool {
        matches!(self, Self::TookPartThrough | Self::RepresentedThere)
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
            Self::Represents => "Represents",
            Self::RepresentedBy => "Represented by",
            Self::TookPartThrough => "Took part in, through those who represent it",
            Self::RepresentedThere => "Represented through them",
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
            Self::Represents => "represents",
            Self::RepresentedBy => "represented by",
            Self::TookPartThrough => "took part through",
            Self::RepresentedThere => "represented through",
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
    /// Where the tie's kind, quotes and reading are in the store, or [`NO_DETAIL`] for a tie
    /// a file gives as a bare id.
    pub detail: DetailIndex,
}

/// The largest position a packed relation can hold: 27 bits.
pub const MAX_PACKED_INDEX: u32 = (1 << 27) - 1;

impl Relation {
    /// The relation in four bytes: the role in the top five bits, the target's position below.
    pub fn pack(self) -> u32 {
        (self.role as u32) << 27 | (self.target.index() & MAX_PACKED_INDEX)
    }

    /// The relation packed by [`Relation::pack`], with the details at `detail`.
    pub fn unpack(packed: u32, detail: DetailIndex) -> Self {
        let role = Role::ALL[((packed >> 27) as usize).min(Role::ALL.len() - 1)];
        Self {
            role,
            target: role.target(packed & MAX_PACKED_INDEX),
            detail,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_pack_and_reverse() {
        for (position, role) in Role::ALL.into_iter().enumerate() {
            assert_eq!(role as usize, position, "ALL is in declaration order");
            assert_eq!(role.reverse().reverse(), role);
            if role.is_through() {
                assert!(!role.is_stored() && role.reverse().is_through(), "{role:?}");
            } else {
                assert_ne!(role.is_stored(), role.reverse().is_stored(), "{role:?}");
            }
            let relation = Relation {
                role,
                target: role.target(MAX_PACKED_INDEX),
                detail: 7,
            };
            assert_eq!(Relation::unpack(relation.pack(), 7), relation);
        }
    }
}
