//! The records' rows, one small fixed-size row per record, kind by kind (see [`super::kinds`]),
//! with how a row is taken in from a file's record and how two parts of one file are joined.

use super::{
    dataset::Dataset,
    kinds::{
        Common, EventRow, InitiativeRow, Kind, ParticipantRow, ProgrammeRow, ProjectRow, Row,
        TextClass,
    },
    record::{NO_DETAIL, RecordCounts, RecordRef},
    store::{PendingReference, Store},
    text::{CitationRow, Text, position},
};

/// Every record's row, collection by collection in file order.
#[derive(Clone, Debug, Default)]
pub struct Records {
    /// Events.
    pub events: Vec<EventRow>,
    /// Funding programmes.
    pub programmes: Vec<ProgrammeRow>,
    /// Funded projects.
    pub projects: Vec<ProjectRow>,
    /// Initiatives.
    pub initiatives: Vec<InitiativeRow>,
    /// Participants.
    pub participants: Vec<ParticipantRow>,
}

/// The rows of one kind in [`Records`].
pub trait RowsOf<K> {
    /// The rows.
    fn rows(&self) -> &Vec<K>;
    /// The rows, to change.
    fn rows_mut(&mut self) -> &mut Vec<K>;
}

macro_rules! rows_of {
    ($($row:ident $field:ident),*) => {$(
        impl RowsOf<$row> for Records {
            fn rows(&self) -> &Vec<$row> {
                &self.$field
            }

            fn rows_mut(&mut self) -> &mut Vec<$row> {
                &mut self.$field
            }
        }
    )*};
}
rows_of!(EventRow events, ProgrammeRow programmes, ProjectRow projects,
    InitiativeRow initiatives, ParticipantRow participants);

/// Calls `$body` with `$rows` bound to the rows of `$record`'s collection.
macro_rules! on_rows {
    ($records:expr, $record:expr, |$rows:ident| $body:expr) => {
        match $record {
            RecordRef::Event(_) => {
                let $rows = &$records.events;
                $body
            }
            RecordRef::Programme(_) => {
                let $rows = &$records.programmes;
                $body
            }
            RecordRef::Project(_) => {
                let $rows = &$records.projects;
                $body
            }
            RecordRef::Initiative(_) => {
                let $rows = &$records.initiatives;
                $body
            }
            RecordRef::Participant(_) => {
                let $rows = &$records.participants;
                $body
            }
        }
    };
}

/// The most one-line texts, and the most running texts, a kind has.
pub const MOST_TEXTS: usize = 4;

/// A record's texts as the screen treats them, and its citations; absent texts (and the
/// places a kind has no text for) are [`Text::NONE`].
#[derive(Clone, Copy, Debug)]
pub struct RecordTexts<'s> {
    /// One-line texts: the title, a place, a category, an office.
    pub lines: [Text; MOST_TEXTS],
    /// Running texts: the summary, an outcome, a note.
    pub running: [Text; MOST_TEXTS],
    /// Its citations.
    pub citations: &'s [CitationRow],
}

impl Records {
    /// Takes in a file's record of kind `K`, its texts and references into `store`.
    pub fn push<K: Kind, S: AsRef<str>>(&mut self, store: &mut Store, model: &K::Model<S>)
    where
        Self: RowsOf<K>,
    {
        let this = K::make(position(self.rows().len()));
        let row = K::to_row(model, this, store);
        self.rows_mut().push(row);
    }

    /// How many records each collection holds.
    pub fn counts(&self) -> RecordCounts {
        RecordCounts {
            events: self.events.len(),
            programmes: self.programmes.len(),
            projects: self.projects.len(),
            initiatives: self.initiatives.len(),
            participants: self.participants.len(),
        }
    }

    /// What every kind has of `record`: its id, title, summary, note and citations; `None`
    /// for a record it does not hold.
    pub fn common(&self, record: RecordRef) -> Option<Common> {
        let i = record.index() as usize;
        on_rows!(self, record, |rows| rows.get(i).map(Row::common))
    }

    /// The texts of `record`, `None` for a record it does not hold.
    pub fn texts_of<'s>(&self, store: &'s Store, record: RecordRef) -> Option<RecordTexts<'s>> {
        let i = record.index() as usize;
        let mut texts = RecordTexts {
            lines: [Text::NONE; MOST_TEXTS],
            running: [Text::NONE; MOST_TEXTS],
            citations: &[],
        };
        let (mut lines, mut running) = (0, 0);
        let mut visit = |text, class| {
            let (slots, used) = match class {
                TextClass::Line => (&mut texts.lines, &mut lines),
                TextClass::Running => (&mut texts.running, &mut running),
            };
            if let Some(slot) = slots.get_mut(*used) {
                *slot = text;
                *used += 1;
            }
        };
        let sources = on_rows!(self, record, |rows| {
            let row = rows.get(i)?;
            row.for_each_text(&mut visit);
            row.common().sources
        });
        texts.citations = store.texts.rows(sources);
        Some(texts)
    }

    /// The rows of an owned dataset, its texts into `store` (for data built in memory).
    pub fn from_dataset(store: &mut Store, dataset: &Dataset) -> Self {
        let mut records = Self::default();
        for event in &dataset.events {
            records.push::<EventRow, _>(store, event);
        }
        for programme in &dataset.programmes {
            records.push::<ProgrammeRow, _>(store, programme);
        }
        for project in &dataset.projects {
            records.push::<ProjectRow, _>(store, project);
        }
        for initiative in &dataset.initiatives {
            records.push::<InitiativeRow, _>(store, initiative);
        }
        for participant in &dataset.participants {
            records.push::<ParticipantRow, _>(store, participant);
        }
        records
    }

    /// Appends the records of `later`, read from a later part of the same file into
    /// `later_store`, moving its spans, citations, ties and record positions past these.
    pub(crate) fn append(&mut self, store: &mut Store, later: Records, later_store: Store) {
        let text = store.texts.arena.append(later_store.texts.arena);
        let pending_text = store.pending_text.append(later_store.pending_text);
        let citations = position(store.texts.citations.len());
        let ties = position(store.ties.len());
        let bases = self.counts();
        store
            .texts
            .citations
            .extend(
                later_store
                    .texts
                    .citations
                    .into_iter()
                    .map(|c| CitationRow {
                        paragraph: c.paragraph,
                        quote: c.quote.moved(text),
                    }),
            );
        store.ties.extend(
            later_store
                .ties
                .into_iter()
                .map(|tie| tie.moved(text, citations)),
        );
        store.bare_ties += later_store.bare_ties;
        fn moved<R: Row>(rows: &mut Vec<R>, later: Vec<R>, text: u32, citations: u32) {
            rows.extend(later.into_iter().map(|row| row.moved(text, citations)));
        }
        moved(&mut self.events, later.events, text, citations);
        moved(&mut self.programmes, later.programmes, text, citations);
        moved(&mut self.projects, later.projects, text, citations);
        moved(&mut self.initiatives, later.initiatives, text, citations);
        moved(&mut self.participants, later.participants, text, citations);
        store
            .pending
            .extend(later_store.pending.into_iter().map(|p| PendingReference {
                from: p.from.rebased(&bases),
                id: p.id.moved(pending_text),
                detail: if p.detail == NO_DETAIL {
                    NO_DETAIL
                } else {
                    p.detail.saturating_add(ties)
                },
                ..p
            }));
    }
}
