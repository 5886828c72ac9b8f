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

/// Declares the roles a tie plays, one row each: the role, the collection at its other end,
/// the same tie seen from there, where a file stores it (`stored "field"` on the side that
/// stores it, `list` when that field holds several), the heading the detail pane shows
/// above records tied this way, and the name search results give a match in their names.
macro_rules! roles {
    ($(
        $(#[$doc:meta])*
        $role:ident => $target:ident, $reverse:ident,
            $(stored $field:literal $($list:ident)?,)? $heading:literal, $name:literal;
    )*) => {
        /// How one record is tied to another, named from the first record's side.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum Role {
            $( $(#[$doc])* $role, )*
        }

        impl Role {
            /// Every role, in display order (the order of the enum).
            pub const ALL: [Self; { let all: &[Role] = &[$(Role::$role),*]; all.len() }] =
                [$(Self::$role),*];

            /// The record at the other end: `index` of its collection.
            pub fn target(self, index: u32) -> RecordRef {
                match self { $(Self::$role => RecordRef::$target(index),)* }
            }

            /// The same tie seen from the other end.
            pub fn reverse(self) -> Self {
                match self { $(Self::$role => Self::$reverse,)* }
            }

            /// The field of a dataset file that stores this tie on this side, if it does.
            pub(crate) fn own_field(self) -> Option<(&'static str, bool)> {
                match self {
                    $(Self::$role => None $(.or(Some(($field, false $(|| roles!(@list $list))?))))?,)*
                }
            }

            /// The heading the detail pane shows above records tied this way.
            pub fn heading(self) -> &'static str {
                match self { $(Self::$role => $heading,)* }
            }

            /// The name search results give a match in a tied record's name.
            pub fn field_name(self) -> &'static str {
                match self { $(Self::$role => $name,)* }
            }
        }
    };
    (@list list) => { true };
}

roles! {
    /// An event's state, where it took place.
    Country => Participant, HostOf, stored "country", "Country", "country";
    /// A project's programme.
    Programme => Programme, Project, stored "programme", "Programme", "programme";
    /// A programme's funder.
    Funder => Participant, Funds, stored "funder", "Funded by", "funded by";
    /// A programme's recipient.
    Recipient => Participant, Receives, stored "recipient", "Recipient", "recipient";
    /// A body's parent organisation.
    PartOf => Participant, HasBody, stored "part_of", "Part of", "part of";
    /// An initiative's proposer.
    ProposedBy => Participant, Proposed, stored "proposed_by" list, "Proposed by", "proposed by";
    /// An initiative's partner.
    Partner => Participant, PartnerIn, stored "partners" list, "Partners", "partners";
    /// An event's participants.
    Participant => Participant, TookPartIn, stored "participants" list, "Participants",
        "participants";
    /// The initiatives supported or advanced at an event (derived).
    InitiativeAtEvent => Initiative, SupportedAt, "Initiatives advanced here", "initiatives";
    /// The events where an initiative was supported (stored on the initiative).
    SupportedAt => Event, InitiativeAtEvent, stored "events" list, "Supported at",
        "supported at";
    /// A programme's projects (derived).
    Project => Project, Programme, "Projects", "projects";
    /// The events a participant took part in (derived).
    TookPartIn => Event, Participant, "Took part in", "took part in";
    /// The events held in a state (derived).
    HostOf => Event, Country, "Events held here", "events held here";
    /// The initiatives a participant proposed (derived).
    Proposed => Initiative, ProposedBy, "Proposed", "proposed";
    /// The initiatives a participant is a partner in (derived).
    PartnerIn => Initiative, Partner, "Partner in", "partner in";
    /// The programmes a participant funds (derived).
    Funds => Programme, Funder, "Funds", "funds";
    /// The programmes a participant receives (derived).
    Receives => Programme, Recipient, "Receives", "receives";
    /// The bodies that belong to an organisation (derived).
    HasBody => Participant, PartOf, "Bodies", "bodies";
    /// A group that represents a participant, such as its delegations.
    Represents => Participant, RepresentedBy, stored "represents", "Represents", "represents";
    /// The groups that represent a participant (derived).
    RepresentedBy => Participant, Represents, "Represented by", "represented by";
    /// The events a participant took part in through those who represent it (derived from
    /// its representatives' events).
    TookPartThrough => Event, RepresentedThere, "Took part in, through those who represent it",
        "took part through";
    /// The participants represented at an event by those who took part (derived).
    RepresentedThere => Participant, TookPartThrough, "Represented through them",
        "represented through";
}

impl Role {
    /// The field of the dataset file that stores this tie, on whichever side stores it.
    pub fn stored_field(self) -> &'static str {
        self.own_field()
            .or(self.reverse().own_field())
            .map_or("events", |(field, _)| field)
    }

    /// Whether the stored field holds a list (and messages give a position).
    pub fn is_list(self) -> bool {
        self.own_field()
            .or(self.reverse().own_field())
            .is_some_and(|(_, list)| list)
    }

    /// Whether the tie is stored on this record (not derived from the other end).
    pub fn is_stored(self) -> bool {
        self.own_field().is_some()
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
}

/// One tie from a record to another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Relation {
    /// How the records are tied.
    pub role: Role,
    /// The record at the other end.
    pub target: RecordRef,
    /// Where the tie's kind, quotes and reading are in the store, or `NO_DETAIL` for a tie
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
