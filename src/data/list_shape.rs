//! How a tab's list is shaped by the reader: which kind of record it shows, which records a
//! filter kept, and the order. Pure choices; [`super::TabRows`] builds the rows from them.

use std::{fmt, sync::Arc};

use super::{EventKind, InitiativeKind, ParticipantKind, RecordRef, Tab};

/// An order a tab's list can be sorted in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// As the dataset (or the source, for funding) lists them.
    #[default]
    Listed,
    /// By date, undated last (events by their date, initiatives by their first event).
    Date,
    /// By kind, in the order kinds are listed, then by date or as listed.
    Kind,
    /// By the place an event was held, events without one last.
    Place,
    /// By title or name, A to Z.
    Title,
    /// By the number of ties to other records, most first.
    Ties,
    /// By the number of events a participant took part in, most first.
    Events,
    /// By amount, largest first (funding projects).
    Amount,
}

impl SortKey {
    /// The orders `o` steps through on `tab`, the first the tab's own.
    pub fn for_tab(tab: Tab) -> &'static [Self] {
        match tab {
            Tab::Timeline => &[Self::Date, Self::Kind, Self::Place],
            Tab::Funding => &[Self::Listed, Self::Amount, Self::Title],
            Tab::Initiatives => &[
                Self::Listed,
                Self::Kind,
                Self::Title,
                Self::Date,
                Self::Ties,
            ],
            Tab::Participants => &[Self::Listed, Self::Kind, Self::Title, Self::Events],
            Tab::Source => &[],
        }
    }

    /// How the order is named on `tab`'s title, `reversed` or not.
    pub fn label(self, tab: Tab, reversed: bool) -> &'static str {
        match (self, reversed) {
            (Self::Listed, false) if tab == Tab::Funding => "as the source lists",
            (Self::Listed, true) if tab == Tab::Funding => "source order reversed",
            (Self::Listed, false) => "as listed",
            (Self::Listed, true) => "as listed, reversed",
            (Self::Date, false) if tab == Tab::Timeline => "by date",
            (Self::Date, true) if tab == Tab::Timeline => "latest first",
            (Self::Date, false) => "by first event",
            (Self::Date, true) => "by first event, latest first",
            (Self::Kind, false) => "by kind",
            (Self::Kind, true) => "by kind, reversed",
            (Self::Place, false) => "by place",
            (Self::Place, true) => "by place, Z–A",
            (Self::Title, false) if tab == Tab::Participants => "by name",
            (Self::Title, true) if tab == Tab::Participants => "by name, Z–A",
            (Self::Title, false) => "by title",
            (Self::Title, true) => "by title, Z–A",
            (Self::Ties, false) => "most ties first",
            (Self::Ties, true) => "fewest ties first",
            (Self::Events, false) => "most events first",
            (Self::Events, true) => "fewest events first",
            (Self::Amount, false) => "largest first",
            (Self::Amount, true) => "smallest first",
        }
    }
}

/// The kind of record a tab shows, of the tab's own kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecordKind {
    /// An event's kind.
    Event(EventKind),
    /// An initiative's kind.
    Initiative(InitiativeKind),
    /// A participant's kind.
    Participant(ParticipantKind),
}

impl RecordKind {
    /// The kind of `record`, when its collection has kinds.
    pub fn of(catalog: &super::Catalog, record: RecordRef) -> Option<Self> {
        match record {
            RecordRef::Event(i) => catalog.event(i).map(|r| Self::Event(r.kind())),
            RecordRef::Initiative(i) => catalog.initiative(i).map(|r| Self::Initiative(r.kind())),
            RecordRef::Participant(i) => {
                catalog.participant(i).map(|r| Self::Participant(r.kind()))
            }
            RecordRef::Programme(_) | RecordRef::Project(_) => None,
        }
    }

    /// The kind in the plural, as a title names what is shown (`summits`, `people`).
    pub fn plural(self) -> &'static str {
        match self {
            Self::Event(kind) => kind.plural(),
            Self::Initiative(kind) => match kind {
                InitiativeKind::Initiative => "initiatives",
                InitiativeKind::Resolution => "resolutions",
                InitiativeKind::Proposal => "proposals",
                InitiativeKind::Cooperation => "lines of cooperation",
            },
            Self::Participant(kind) => match kind {
                ParticipantKind::Person => "people",
                ParticipantKind::State => "states",
                ParticipantKind::Organisation => "organisations",
                ParticipantKind::Body => "bodies",
                ParticipantKind::Group => "groups",
            },
        }
    }
}

/// The records a text filter kept: what was typed, and the records of one tab it found,
/// sorted so a row can be tested by binary search.
#[derive(Clone)]
pub struct FilterMatches {
    text: String,
    records: Arc<[RecordRef]>,
}

impl FilterMatches {
    /// The records `records` found by `text`, in any order.
    pub fn new(text: &str, mut records: Vec<RecordRef>) -> Self {
        records.sort_unstable();
        records.dedup();
        Self {
            text: text.to_string(),
            records: records.into(),
        }
    }

    /// The filter as typed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// How many records it kept.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// Whether it kept none.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Whether it kept `record`.
    pub fn contains(&self, record: RecordRef) -> bool {
        self.records.binary_search(&record).is_ok()
    }
}

impl PartialEq for FilterMatches {
    /// Two filters are the same when they are one filter: comparing a million records each
    /// time history compares two places would cost more than it tells.
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text && Arc::ptr_eq(&self.records, &other.records)
    }
}

impl Eq for FilterMatches {}

impl fmt::Debug for FilterMatches {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FilterMatches")
            .field("text", &self.text)
            .field("records", &self.records.len())
            .finish()
    }
}

/// What shapes one tab's list: a kind, a text filter, an order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListShape {
    /// Only records of this kind; all when `None`.
    pub kind: Option<RecordKind>,
    /// Only the records a text filter kept; all when `None`.
    pub matches: Option<FilterMatches>,
    /// The order.
    pub sort: SortKey,
    /// Whether the order is reversed.
    pub reversed: bool,
}

impl ListShape {
    /// The shape a tab opens with: all records, the tab's own order.
    pub fn of_tab(tab: Tab) -> Self {
        Self {
            sort: SortKey::for_tab(tab).first().copied().unwrap_or_default(),
            ..Self::default()
        }
    }

    /// Whether anything hides records.
    pub fn is_filtered(&self) -> bool {
        self.kind.is_some() || self.matches.is_some()
    }

    /// Whether `record`, of kind `kind`, is listed.
    pub fn keeps(&self, record: RecordRef, kind: Option<RecordKind>) -> bool {
        self.kind.is_none_or(|wanted| kind == Some(wanted))
            && self
                .matches
                .as_ref()
                .is_none_or(|matches| matches.contains(record))
    }
}
