//! The six tabs of the explorer.

use super::{
    kinds::{EventRow, InitiativeRow, Kind, Layout, ParticipantRow, ProgrammeRow, ProjectRow},
    record::RecordRef,
};

/// One of the explorer's tabs; titles come from iterating [`Tab::ALL`]. The command line and
/// the config file name them in lower case (`--tab funding`), with these words as help.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    clap::ValueEnum,
    serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Tab {
    /// Events in date order.
    #[default]
    Timeline,
    /// The IDB programme and its projects.
    Funding,
    /// Initiatives, resolutions and cooperation.
    Initiatives,
    /// People, states, organisations, bodies and groups.
    Participants,
    /// The source document, paragraph by paragraph (the explorer only).
    Source,
    /// The places the events were held in, on a map (the explorer only).
    Map,
}

impl Tab {
    /// Every tab, in display order.
    pub const ALL: [Self; 6] = [
        Self::Timeline,
        Self::Funding,
        Self::Initiatives,
        Self::Participants,
        Self::Source,
        Self::Map,
    ];

    /// The tabs that list records (every tab but Source and Map), for exports and search.
    pub const RECORDS: [Self; 4] = [
        Self::Timeline,
        Self::Funding,
        Self::Initiatives,
        Self::Participants,
    ];

    /// The tab's title.
    pub fn title(self) -> &'static str {
        match self {
            Self::Timeline => "Timeline",
            Self::Funding => "Funding",
            Self::Initiatives => "Initiatives",
            Self::Participants => "Participants",
            Self::Source => "Source",
            Self::Map => "Map",
        }
    }

    /// The tab's position, counting from 0.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The tab with this number key (`1`–`6`).
    pub fn from_number(number: u32) -> Option<Self> {
        Self::ALL.get(number.checked_sub(1)? as usize).copied()
    }

    /// The next tab, wrapping around.
    pub fn next(self) -> Self {
        Self::ALL[(self.index() + 1) % Self::ALL.len()]
    }

    /// The previous tab, wrapping around.
    pub fn previous(self) -> Self {
        Self::ALL[(self.index() + Self::ALL.len() - 1) % Self::ALL.len()]
    }

    /// How the kinds of record the tab lists are shown, the one whose columns lead first
    /// (a table's columns are its kinds' columns, each new one after those before it).
    pub fn layouts(self) -> &'static [&'static Layout] {
        match self {
            Self::Timeline => &[EventRow::LAYOUT],
            // Projects first: a programme's row has the projects' columns, left empty.
            Self::Funding => &[ProjectRow::LAYOUT, ProgrammeRow::LAYOUT],
            Self::Initiatives => &[InitiativeRow::LAYOUT],
            Self::Participants => &[ParticipantRow::LAYOUT],
            Self::Source | Self::Map => &[],
        }
    }

    /// The collection the tab lists, one record a row, as a handle maker; `None` for the
    /// Funding tab (each programme followed by its projects), the Source tab (paragraphs) and
    /// the Map tab (places).
    pub fn collection(self) -> Option<fn(u32) -> RecordRef> {
        match self {
            Self::Timeline => Some(RecordRef::Event),
            Self::Initiatives => Some(RecordRef::Initiative),
            Self::Participants => Some(RecordRef::Participant),
            Self::Funding | Self::Source | Self::Map => None,
        }
    }

    /// The tab that lists this record.
    pub fn of(record: RecordRef) -> Self {
        match record {
            RecordRef::Event(_) => Self::Timeline,
            RecordRef::Programme(_) | RecordRef::Project(_) => Self::Funding,
            RecordRef::Initiative(_) => Self::Initiatives,
            RecordRef::Participant(_) => Self::Participants,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_and_previous_wrap() {
        assert_eq!(Tab::Participants.next(), Tab::Source);
        assert_eq!(Tab::Source.next(), Tab::Map);
        assert_eq!(Tab::Map.next(), Tab::Timeline);
        assert_eq!(Tab::Timeline.previous(), Tab::Map);
        for tab in Tab::ALL {
            assert_eq!(tab.next().previous(), tab);
        }
    }

    #[test]
    fn number_keys() {
        assert_eq!(Tab::from_number(1), Some(Tab::Timeline));
        assert_eq!(Tab::from_number(4), Some(Tab::Participants));
        assert_eq!(Tab::from_number(0), None);
        assert_eq!(Tab::from_number(5), Some(Tab::Source));
        assert_eq!(Tab::from_number(6), Some(Tab::Map));
        assert_eq!(Tab::from_number(7), None);
    }
}
