//! Borrowed views of the records in a catalog, what the rest of the program reads: a record of
//! any kind ([`Record`]) and its citations. Each kind's own view is in its file under
//! `records/`.

use super::{
    catalog::Catalog,
    model,
    records::{EventView, InitiativeView, ParticipantView, ProgrammeView, ProjectView},
    store::{CitationRow, Sources},
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

    /// The citations as a dataset file writes them.
    pub(crate) fn to_model(self) -> Vec<model::Citation> {
        self.iter()
            .map(|citation| model::Citation {
                paragraph: citation.paragraph,
                quote: citation.quote.to_string(),
            })
            .collect()
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
