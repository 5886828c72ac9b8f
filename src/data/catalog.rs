//! A validated dataset with its references resolved and the reverse ties derived, in compact
//! form: the store's rows and text, an id index, and every record's ties in one packed table.

use std::sync::OnceLock;

use super::{
    date::EventDate,
    display_safe::DisplayTexts,
    id_index::{IdIndex, id_hash},
    load::RecordCounts,
    model::Dataset,
    passages::SourceMap,
    problems::Problems,
    record::{MAX_PACKED_INDEX, RecordRef},
    records::{
        EventKind, EventView, InitiativeView, ParticipantView, ProgrammeView, ProjectView, Ties,
    },
    relations::{Edges, Relations},
    source::SourceText,
    spellings::{self, Spellings},
    store::{Store, Text},
    validate,
    views::Record,
};

/// A dataset that passed validation, ready to explore. Immutable once built.
#[derive(Debug)]
pub struct Catalog {
    pub(super) store: Store,
    source: Option<SourceText>,
    /// Ids by hash: the slot of the (first) record whose id has each hash.
    ids: IdIndex,
    /// Every record's ties, both ways.
    edges: Edges,
    /// The sum of each programme's project amounts, in whole US dollars.
    pub(super) programme_totals: Vec<u64>,
    /// The largest project amount of each programme, the full length of a chart bar.
    pub(super) programme_largest: Vec<u64>,
    /// What is shown instead of texts that are unsafe to show or too long (see
    /// [`super::display`]), by the span of the text as loaded.
    pub(super) display: DisplayTexts,
    /// The source's quoted passages, worked out the first time they are asked for.
    passages: OnceLock<Option<SourceMap>>,
    /// Other spellings of titles and places, by name.
    spellings: Spellings,
}

impl Catalog {
    /// Validates `dataset` (and its quotes against `source`, when given) and builds the catalog,
    /// or returns every problem found.
    pub fn new(dataset: Dataset, source: Option<SourceText>) -> Result<Self, Problems> {
        Self::from_store(Store::from_dataset(&dataset), source)
    }

    /// Validates a store read from a file and builds the catalog.
    pub(crate) fn from_store(store: Store, source: Option<SourceText>) -> Result<Self, Problems> {
        let mut problems = Problems::default();
        validate::check_limits(&store, &mut problems);
        if !problems.is_empty() {
            return Err(problems);
        }
        validate::check_fields(&store, source.as_ref(), &mut problems);
        let ids = validate::index_ids(&store, &mut problems);
        let mut catalog = Self {
            store,
            source,
            ids,
            edges: Edges::default(),
            programme_totals: Vec::new(),
            programme_largest: Vec::new(),
            display: DisplayTexts::default(),
            passages: OnceLock::new(),
            spellings: Spellings::default(),
        };
        let ties = validate::resolve_references(&mut catalog, &mut problems);
        catalog.sum_programmes(&mut problems);
        spellings::check(&catalog, &catalog.store.spellings, &mut problems);
        if !problems.is_empty() {
            return Err(problems);
        }
        catalog.edges = Edges::new(&catalog, &ties);
        catalog.spellings = Spellings::new(&catalog.store.spellings);
        catalog.store.pending = Vec::new();
        catalog.store.pending_text = Default::default();
        catalog.make_display_safe();
        catalog.store.text.shrink();
        super::pages::return_freed_memory();
        Ok(catalog)
    }

    /// The other spellings of `name` (a title or a place) that the notes give.
    pub fn spellings_of(&self, name: &str) -> &[String] {
        self.spellings.of(name)
    }

    pub(crate) fn store(&self) -> &Store {
        &self.store
    }

    pub(crate) fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    /// All the text the records hold, end to end, for scanning in one pass (see
    /// [`Self::running_text_bounds`]).
    pub fn text_arena(&self) -> &str {
        self.store.text.as_str()
    }

    /// The stretch of [`Self::text_arena`] from the start of a record's first running-text
    /// field (summary, outcome, note, quotes) to the end of its last; `None` when it has none.
    /// A record's text is stored together, so stretches of different records do not overlap
    /// (a caller relying on that checks it).
    pub fn running_text_bounds(&self, record: RecordRef) -> Option<(u32, u32)> {
        let texts = self.store.texts_of(record)?;
        let quotes = texts.citations.iter().map(|citation| citation.quote);
        let spans: Vec<(u32, u32)> = texts
            .running
            .into_iter()
            .chain(quotes)
            .filter_map(Text::bounds)
            .collect();
        // Text shown escaped or cut is not what lies here: such a record is matched on its own.
        if spans
            .iter()
            .any(|&(start, end)| self.display.spans.contains_key(&(start, end - start)))
        {
            return None;
        }
        spans
            .into_iter()
            .reduce(|(a, b), (c, d)| (a.min(c), b.max(d)))
    }

    pub(crate) fn optional_text(&self, text: Text) -> Option<&str> {
        text.is_some().then(|| self.text(text))
    }

    /// The dataset's title.
    pub fn title_of_dataset(&self) -> &str {
        self.display.title.as_deref().unwrap_or(&self.store.title)
    }

    /// The paragraph on what the dataset covers.
    pub fn description(&self) -> &str {
        self.display
            .description
            .as_deref()
            .unwrap_or(&self.store.description)
    }

    /// Which document the quotes refer to, as the dataset says.
    pub fn source_note(&self) -> &str {
        self.display.source.as_deref().unwrap_or(&self.store.source)
    }

    /// The source text the quotes come from, when it was given.
    pub fn source(&self) -> Option<&SourceText> {
        self.source.as_ref()
    }

    /// The passages of the source that records and ties quote, when the source was given.
    pub fn passages(&self) -> Option<&SourceMap> {
        self.passages
            .get_or_init(|| {
                self.source
                    .as_ref()
                    .map(|source| SourceMap::new(self, source))
            })
            .as_ref()
    }

    /// The kinds of event the dataset has, in [`EventKind::ALL`]'s order.
    pub fn event_kinds(&self) -> Vec<EventKind> {
        let mut present = [false; EventKind::ALL.len()];
        let events = u32::try_from(self.counts().events).unwrap_or(u32::MAX);
        for event in (0..events).filter_map(|i| self.event(i)) {
            present[event.kind() as usize] = true;
        }
        EventKind::ALL
            .into_iter()
            .filter(|&kind| present[kind as usize])
            .collect()
    }

    /// How many records each collection holds.
    pub fn counts(&self) -> RecordCounts {
        RecordCounts {
            events: self.store.events.len(),
            programmes: self.store.programmes.len(),
            projects: self.store.projects.len(),
            initiatives: self.store.initiatives.len(),
            participants: self.store.participants.len(),
        }
    }

    /// How many records of all kinds there are.
    pub fn record_count(&self) -> usize {
        let counts = self.counts();
        counts.events
            + counts.programmes
            + counts.projects
            + counts.initiatives
            + counts.participants
    }

    /// Every record, collection by collection in dataset order.
    pub fn records(&self) -> impl Iterator<Item = RecordRef> + '_ {
        (0..self.record_count()).filter_map(|slot| self.record_at(slot))
    }

    /// The position of a record in one flat numbering of all collections.
    pub(crate) fn slot(&self, record: RecordRef) -> usize {
        let counts = self.counts();
        let index = record.index() as usize;
        match record {
            RecordRef::Event(_) => index,
            RecordRef::Programme(_) => counts.events + index,
            RecordRef::Project(_) => counts.events + counts.programmes + index,
            RecordRef::Initiative(_) => counts.events + counts.programmes + counts.projects + index,
            RecordRef::Participant(_) => {
                counts.events + counts.programmes + counts.projects + counts.initiatives + index
            }
        }
    }

    /// The record at a slot of the flat numbering.
    pub(crate) fn record_at(&self, slot: usize) -> Option<RecordRef> {
        let counts = self.counts();
        let mut rest = slot;
        for (length, make) in [
            (counts.events, RecordRef::Event as fn(u32) -> RecordRef),
            (counts.programmes, RecordRef::Programme),
            (counts.projects, RecordRef::Project),
            (counts.initiatives, RecordRef::Initiative),
            (counts.participants, RecordRef::Participant),
        ] {
            if rest < length {
                return Some(make(u32::try_from(rest).ok()?));
            }
            rest -= length;
        }
        None
    }

    /// The record with this id.
    pub fn find(&self, id: &str) -> Option<RecordRef> {
        let slot = self.ids.candidates(id_hash(id)).next()?;
        self.record_at(slot as usize)
    }

    /// Gets ready to [`Catalog::find`] this id soon: its place in the index is fetched into
    /// the cache meanwhile.
    pub(crate) fn prefetch_id(&self, id: &str) {
        self.ids.prefetch(id_hash(id));
    }

    /// The record's ties to other records, grouped by role in display order.
    pub fn relations(&self, record: RecordRef) -> Relations<'_> {
        self.edges.of(self.slot(record))
    }

    /// Event `index`.
    pub fn event(&self, index: u32) -> Option<EventView<'_>> {
        let row = self.store.events.get(index as usize)?;
        Some(EventView { catalog: self, row })
    }

    /// Programme `index`.
    pub fn programme(&self, index: u32) -> Option<ProgrammeView<'_>> {
        let row = self.store.programmes.get(index as usize)?;
        Some(ProgrammeView { catalog: self, row })
    }

    /// Project `index`.
    pub fn project(&self, index: u32) -> Option<ProjectView<'_>> {
        let row = self.store.projects.get(index as usize)?;
        Some(ProjectView { catalog: self, row })
    }

    /// Initiative `index`.
    pub fn initiative(&self, index: u32) -> Option<InitiativeView<'_>> {
        let row = self.store.initiatives.get(index as usize)?;
        Some(InitiativeView { catalog: self, row })
    }

    /// Participant `index`.
    pub fn participant(&self, index: u32) -> Option<ParticipantView<'_>> {
        let row = self.store.participants.get(index as usize)?;
        Some(ParticipantView { catalog: self, row })
    }

    /// The record behind a handle, or `None` for a handle from another dataset.
    pub fn get(&self, record: RecordRef) -> Option<Record<'_>> {
        Some(match record {
            RecordRef::Event(i) => Record::Event(self.event(i)?),
            RecordRef::Programme(i) => Record::Programme(self.programme(i)?),
            RecordRef::Project(i) => Record::Project(self.project(i)?),
            RecordRef::Initiative(i) => Record::Initiative(self.initiative(i)?),
            RecordRef::Participant(i) => Record::Participant(self.participant(i)?),
        })
    }

    /// A record's title (a participant's name), or "" for an unknown handle.
    pub fn title(&self, record: RecordRef) -> &str {
        self.get(record).map_or("", |record| record.title())
    }

    /// An event's date, if it is an event with one.
    pub fn event_date(&self, record: RecordRef) -> Option<EventDate> {
        match record {
            RecordRef::Event(i) => self.event(i)?.date(),
            _ => None,
        }
    }

    /// The dataset in its file form, references written back as ids in their stored order.
    pub fn to_dataset(&self) -> Dataset {
        let index = |i: usize| u32::try_from(i).unwrap_or(MAX_PACKED_INDEX);
        let ties = |record: RecordRef| Ties::new(self, record);
        let counts = self.counts();
        Dataset {
            schema: self.store.schema.clone(),
            title: self.store.title.clone(),
            description: self.store.description.clone(),
            source: self.store.source.clone(),
            spellings: self.store.spellings.clone(),
            events: (0..index(counts.events))
                .filter_map(|i| Some(self.event(i)?.to_model(&ties(RecordRef::Event(i)))))
                .collect(),
            programmes: (0..index(counts.programmes))
                .filter_map(|i| Some(self.programme(i)?.to_model(&ties(RecordRef::Programme(i)))))
                .collect(),
            projects: (0..index(counts.projects))
                .filter_map(|i| Some(self.project(i)?.to_model(&ties(RecordRef::Project(i)))))
                .collect(),
            initiatives: (0..index(counts.initiatives))
                .filter_map(|i| {
                    Some(
                        self.initiative(i)?
                            .to_model(&ties(RecordRef::Initiative(i))),
                    )
                })
                .collect(),
            participants: (0..index(counts.participants))
                .filter_map(|i| {
                    Some(
                        self.participant(i)?
                            .to_model(&ties(RecordRef::Participant(i))),
                    )
                })
                .collect(),
        }
    }
}
