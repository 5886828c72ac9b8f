//! Borrowed views of the records in a catalog: what the rest of the program reads.

use super::{
    catalog::Catalog,
    date::EventDate,
    model::{EventKind, InitiativeKind, ParticipantKind, Period},
    store::{
        CitationRow, EventRow, InitiativeRow, ParticipantRow, ProgrammeRow, ProjectRow, Sources,
    },
};

/// A citation: a paragraph number and a verbatim quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CitationView<'a> {
    /// The paragraph, counting from 1.
    pub paragraph: u32,
    /// The quote.
    pub quote: &'a str,
}

/// A record's citations.
#[derive(Clone, Copy, Debug)]
pub struct Citations<'a> {
    catalog: &'a Catalog,
    rows: &'a [CitationRow],
}

impl<'a> Citations<'a> {
    pub(crate) fn new(catalog: &'a Catalog, sources: Sources) -> Self {
        let start = sources.start as usize;
        let rows = catalog
            .store()
            .citations
            .get(start..start + sources.count as usize)
            .unwrap_or(&[]);
        Self { catalog, rows }
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Each citation in order.
    pub fn iter(&self) -> impl Iterator<Item = CitationView<'a>> + use<'a> {
        let catalog = self.catalog;
        self.rows.iter().map(move |row| CitationView {
            paragraph: row.paragraph,
            quote: catalog.text(row.quote),
        })
    }
}

impl<'a> IntoIterator for Citations<'a> {
    type Item = CitationView<'a>;
    type IntoIter = Box<dyn Iterator<Item = CitationView<'a>> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

macro_rules! text_accessors {
    ($( $(#[$doc:meta])* $name:ident ),*) => {
        $(
            $(#[$doc])*
            pub fn $name(self) -> &'a str {
                self.catalog.text(self.row.$name)
            }
        )*
    };
}

macro_rules! optional_accessors {
    ($( $(#[$doc:meta])* $name:ident ),*) => {
        $(
            $(#[$doc])*
            pub fn $name(self) -> Option<&'a str> {
                self.catalog.optional_text(self.row.$name)
            }
        )*
    };
}

/// An event.
#[derive(Clone, Copy, Debug)]
pub struct EventView<'a> {
    pub(crate) catalog: &'a Catalog,
    pub(crate) row: &'a EventRow,
}

impl<'a> EventView<'a> {
    text_accessors!(
        /// The stable id.
        id,
        /// A short name in the dataset's own words.
        title,
        /// What happened there.
        summary
    );
    optional_accessors!(
        /// The city or setting, as the source spells it.
        place,
        /// Context from outside the source.
        note
    );

    /// What sort of event it was.
    pub fn kind(self) -> EventKind {
        self.row.kind
    }

    /// When, at the precision the source gives.
    pub fn date(self) -> Option<EventDate> {
        self.row.date
    }

    /// Where it comes from.
    pub fn sources(self) -> Citations<'a> {
        Citations::new(self.catalog, self.row.sources)
    }
}

/// A funding programme.
#[derive(Clone, Copy, Debug)]
pub struct ProgrammeView<'a> {
    pub(crate) catalog: &'a Catalog,
    pub(crate) row: &'a ProgrammeRow,
}

impl<'a> ProgrammeView<'a> {
    text_accessors!(
        /// The stable id.
        id,
        /// A short name.
        title,
        /// What it is.
        summary
    );
    optional_accessors!(
        /// Context from outside the source.
        note
    );

    /// The years it covers.
    pub fn period(self) -> Period {
        self.row.period
    }

    /// Where it comes from.
    pub fn sources(self) -> Citations<'a> {
        Citations::new(self.catalog, self.row.sources)
    }
}

/// A funded project.
#[derive(Clone, Copy, Debug)]
pub struct ProjectView<'a> {
    pub(crate) catalog: &'a Catalog,
    pub(crate) row: &'a ProjectRow,
}

impl<'a> ProjectView<'a> {
    text_accessors!(
        /// The stable id.
        id,
        /// A short name.
        title,
        /// What it is.
        summary
    );
    optional_accessors!(
        /// Context from outside the source.
        note,
        /// The dataset's classification of it.
        category
    );

    /// The amount in whole US dollars.
    pub fn amount_usd(self) -> u64 {
        self.row.amount_usd
    }

    /// The position of its programme.
    pub fn programme(self) -> u32 {
        self.row.programme
    }

    /// Where it comes from.
    pub fn sources(self) -> Citations<'a> {
        Citations::new(self.catalog, self.row.sources)
    }
}

/// An initiative.
#[derive(Clone, Copy, Debug)]
pub struct InitiativeView<'a> {
    pub(crate) catalog: &'a Catalog,
    pub(crate) row: &'a InitiativeRow,
}

impl<'a> InitiativeView<'a> {
    text_accessors!(
        /// The stable id.
        id,
        /// A short name.
        title,
        /// What it is.
        summary,
        /// What became of it.
        outcome
    );
    optional_accessors!(
        /// Context from outside the source.
        note
    );

    /// What sort of initiative it is.
    pub fn kind(self) -> InitiativeKind {
        self.row.kind
    }

    /// Where it comes from.
    pub fn sources(self) -> Citations<'a> {
        Citations::new(self.catalog, self.row.sources)
    }
}

/// A participant.
#[derive(Clone, Copy, Debug)]
pub struct ParticipantView<'a> {
    pub(crate) catalog: &'a Catalog,
    pub(crate) row: &'a ParticipantRow,
}

impl<'a> ParticipantView<'a> {
    text_accessors!(
        /// The stable id.
        id,
        /// The name, as the source spells it.
        name,
        /// Who or what it is.
        summary
    );
    optional_accessors!(
        /// For a person, the office.
        office,
        /// Context from outside the source.
        note
    );

    /// What sort of participant it is.
    pub fn kind(self) -> ParticipantKind {
        self.row.kind
    }

    /// Where it comes from.
    pub fn sources(self) -> Citations<'a> {
        Citations::new(self.catalog, self.row.sources)
    }
}

/// A record of any collection.
#[derive(Clone, Copy, Debug)]
pub enum Record<'a> {
    /// An event.
    Event(EventView<'a>),
    /// A funding programme.
    Programme(ProgrammeView<'a>),
    /// A funded project.
    Project(ProjectView<'a>),
    /// An initiative.
    Initiative(InitiativeView<'a>),
    /// A participant.
    Participant(ParticipantView<'a>),
}

impl<'a> Record<'a> {
    /// The record's id.
    pub fn id(self) -> &'a str {
        match self {
            Self::Event(r) => r.id(),
            Self::Programme(r) => r.id(),
            Self::Project(r) => r.id(),
            Self::Initiative(r) => r.id(),
            Self::Participant(r) => r.id(),
        }
    }

    /// The record's title (a participant's name).
    pub fn title(self) -> &'a str {
        match self {
            Self::Event(r) => r.title(),
            Self::Programme(r) => r.title(),
            Self::Project(r) => r.title(),
            Self::Initiative(r) => r.title(),
            Self::Participant(r) => r.name(),
        }
    }

    /// The record's summary.
    pub fn summary(self) -> &'a str {
        match self {
            Self::Event(r) => r.summary(),
            Self::Programme(r) => r.summary(),
            Self::Project(r) => r.summary(),
            Self::Initiative(r) => r.summary(),
            Self::Participant(r) => r.summary(),
        }
    }

    /// Where the record comes from.
    pub fn sources(self) -> Citations<'a> {
        match self {
            Self::Event(r) => r.sources(),
            Self::Programme(r) => r.sources(),
            Self::Project(r) => r.sources(),
            Self::Initiative(r) => r.sources(),
            Self::Participant(r) => r.sources(),
        }
    }

    /// Context from outside the source, if any.
    pub fn note(self) -> Option<&'a str> {
        match self {
            Self::Event(r) => r.note(),
            Self::Programme(r) => r.note(),
            Self::Project(r) => r.note(),
            Self::Initiative(r) => r.note(),
            Self::Participant(r) => r.note(),
        }
    }
}
