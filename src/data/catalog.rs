//! A validated dataset with its references resolved and the reverse ties derived, in compact
//! form: the store's rows and text, an id index, and every record's ties in one packed table.

use std::collections::HashMap;

use super::{
    date::EventDate,
    display::{LINE_CAP, TEXT_CAP, display_text, needs_display},
    load::RecordCounts,
    model::Dataset,
    problems::Problems,
    record::{MAX_PACKED_INDEX, RecordRef, Relation},
    records::{
        EventKind, EventView, InitiativeView, ParticipantView, ProgrammeView, ProjectView, Ties,
    },
    source::SourceText,
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
    /// Where each slot's ties start in `edges`; one more entry than there are records.
    offsets: Vec<u32>,
    /// Every record's ties, packed by [`Relation::pack`], grouped by slot and in display order.
    edges: Vec<u32>,
    /// The sum of each programme's project amounts, in whole US dollars.
    pub(super) programme_totals: Vec<u64>,
    /// The largest project amount of each programme, the full length of a chart bar.
    pub(super) programme_largest: Vec<u64>,
    /// What is shown instead of texts that are unsafe to show or too long (see
    /// [`super::display`]), by the span of the text as loaded.
    display: DisplayTexts,
}

/// Adds to `needing` those of `texts` that cannot be shown as they are (see
/// [`display_text`]), with the most characters to show of them.
fn needs_display_copy(store: &Store, needing: &mut Vec<(Text, usize)>, cap: usize, texts: &[Text]) {
    for &text in texts {
        if text.is_some() && needs_display(store.text.get(text), cap) {
            needing.push((text, cap));
        }
    }
}

/// Display versions of the few texts that need one; most datasets have none.
#[derive(Debug, Default)]
struct DisplayTexts {
    /// By (start, length) of the loaded text: the span of what is shown instead.
    spans: HashMap<(u32, u32), Text>,
    title: Option<String>,
    description: Option<String>,
    source: Option<String>,
}

/// A record's ties to other records, in display order.
#[derive(Clone, Copy, Debug)]
pub struct Relations<'a> {
    edges: &'a [u32],
}

impl<'a> Relations<'a> {
    /// How many ties there are.
    pub fn len(&self) -> usize {
        self.edges.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.edges.is_empty()
    }

    /// The tie at `position`.
    pub fn get(&self, position: usize) -> Option<Relation> {
        self.edges
            .get(position)
            .map(|&packed| Relation::unpack(packed))
    }

    /// Every tie in order.
    pub fn iter(&self) -> impl Iterator<Item = Relation> + use<'a> {
        self.edges.iter().map(|&packed| Relation::unpack(packed))
    }
}

impl<'a> IntoIterator for Relations<'a> {
    type Item = Relation;
    type IntoIter = std::iter::Map<std::slice::Iter<'a, u32>, fn(&u32) -> Relation>;

    fn into_iter(self) -> Self::IntoIter {
        self.edges.iter().map(|&packed| Relation::unpack(packed))
    }
}

/// Every record's slot by the hash of its id. A hash shared by several ids (a collision, or a
/// duplicate being reported) keeps the others aside, so lookups still compare the ids.
#[derive(Debug, Default)]
pub(crate) struct IdIndex {
    /// By hash: the slot, and a second, independent 32-bit hash of the id, so that telling a
    /// match from a collision needs no look at the text.
    first:
        std::collections::HashMap<u64, (u32, u32), std::hash::BuildHasherDefault<IdentityHasher>>,
    others: Vec<(u64, u32, u32)>,
}

impl IdIndex {
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        Self {
            first: std::collections::HashMap::with_capacity_and_hasher(
                capacity,
                Default::default(),
            ),
            others: Vec::new(),
        }
    }

    /// Adds a slot for an id with these hashes; returns whether the hash was taken already.
    pub(crate) fn insert(&mut self, (hash, check): (u64, u32), slot: u32) -> bool {
        match self.first.entry(hash) {
            std::collections::hash_map::Entry::Vacant(entry) => {
                entry.insert((slot, check));
                false
            }
            std::collections::hash_map::Entry::Occupied(_) => {
                self.others.push((hash, slot, check));
                true
            }
        }
    }

    /// The slots whose ids have these hashes, first the earliest.
    pub(crate) fn candidates(&self, (hash, check): (u64, u32)) -> impl Iterator<Item = u32> + '_ {
        let first = self
            .first
            .get(&hash)
            .filter(|&&(_, c)| c == check)
            .map(|&(slot, _)| slot);
        let others = self
            .others
            .iter()
            .filter(move |&&(h, _, c)| h == hash && c == check)
            .map(|&(_, slot, _)| slot);
        first.into_iter().chain(others)
    }
}

/// The keys are hashes already; hashing them again would only cost time.
#[derive(Default)]
pub(crate) struct IdentityHasher(u64);

impl std::hash::Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(byte);
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

/// Two independent hashes of an id, FNV-1a (64 bits) and djb2 (32 bits): ninety-six bits make
/// telling ids apart by hash alone safe, and both come from one pass over the bytes.
pub(crate) fn id_hash(id: &str) -> (u64, u32) {
    id.bytes()
        .fold((0xcbf2_9ce4_8422_2325, 5381), |(fnv, djb), byte| {
            (
                (fnv ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3),
                djb.wrapping_mul(33) ^ u32::from(byte),
            )
        })
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
            offsets: Vec::new(),
            edges: Vec::new(),
            programme_totals: Vec::new(),
            programme_largest: Vec::new(),
            display: DisplayTexts::default(),
        };
        let ties = validate::resolve_references(&mut catalog, &mut problems);
        catalog.sum_programmes(&mut problems);
        if !problems.is_empty() {
            return Err(problems);
        }
        catalog.build_edges(ties);
        catalog.store.pending = Vec::new();
        catalog.store.pending_text = Default::default();
        catalog.make_display_safe();
        catalog.store.text.shrink();
        Ok(catalog)
    }

    /// Works out what to show for every text that is unsafe to show as it is or too long:
    /// an escaped, shortened copy in the arena, looked up by [`Self::text`].
    fn make_display_safe(&mut self) {
        let store = &self.store;
        // Finding the few texts that need work is the slow part (every byte is looked at):
        // one half of the records on each of two threads.
        let find = |slots: std::ops::Range<usize>| {
            let mut needing = Vec::new();
            for texts in slots.filter_map(|slot| store.texts_of(self.record_at(slot)?)) {
                needs_display_copy(store, &mut needing, LINE_CAP, &texts.lines);
                needs_display_copy(store, &mut needing, TEXT_CAP, &texts.running);
                for citation in texts.citations {
                    needs_display_copy(store, &mut needing, TEXT_CAP, &[citation.quote]);
                }
            }
            needing
        };
        let count = self.record_count();
        let mut needing = std::thread::scope(|scope| {
            let later = scope.spawn(|| find(count / 2..count));
            let mut needing = find(0..count / 2);
            needing.extend(later.join().unwrap_or_default());
            needing
        });
        needing.sort_unstable_by_key(|&(text, _)| text.bounds());
        needing.dedup_by_key(|&mut (text, _)| text.bounds());
        for (text, cap) in needing {
            let (Some((start, end)), Some(shown)) =
                (text.bounds(), display_text(self.store.text.get(text), cap))
            else {
                continue;
            };
            let span = self.store.text.push(&shown);
            self.display.spans.insert((start, end - start), span);
        }
        self.display.title = display_text(&self.store.title, LINE_CAP);
        self.display.description = display_text(&self.store.description, TEXT_CAP);
        self.display.source = display_text(&self.store.source, LINE_CAP);
    }

    /// Shows every text as loaded from now on, control characters and all: for exports,
    /// which must give back the data unchanged, never for the screen.
    pub fn show_raw_text(&mut self) {
        self.display = DisplayTexts::default();
    }

    pub(crate) fn store(&self) -> &Store {
        &self.store
    }

    pub(crate) fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    /// A text as it may be shown (see [`Self::show_raw_text`]).
    pub(crate) fn text(&self, text: Text) -> &str {
        if !self.display.spans.is_empty()
            && let Some((start, end)) = text.bounds()
            && let Some(&shown) = self.display.spans.get(&(start, end - start))
        {
            return self.store.text.get(shown);
        }
        self.store.text.get(text)
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

    /// The record's ties to other records, grouped by role in display order.
    pub fn relations(&self, record: RecordRef) -> Relations<'_> {
        let slot = self.slot(record);
        let (Some(&start), Some(&end)) = (self.offsets.get(slot), self.offsets.get(slot + 1))
        else {
            return Relations { edges: &[] };
        };
        Relations {
            edges: self.edges.get(start as usize..end as usize).unwrap_or(&[]),
        }
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

    /// Lays out every record's ties: each stored tie in the order the file lists it, and its
    /// reverse on the other record, grouped by slot and sorted by role (stably).
    fn build_edges(&mut self, ties: Vec<(u32, Relation)>) {
        let slots = self.record_count();
        let mut counts = vec![0u32; slots + 1];
        for &(from, relation) in &ties {
            counts[from as usize] += 1;
            counts[self.slot(relation.target)] += 1;
        }
        let mut offsets = Vec::with_capacity(slots + 1);
        let mut running = 0u32;
        for count in &counts[..slots] {
            offsets.push(running);
            running += count;
        }
        offsets.push(running);
        let mut cursor = offsets.clone();
        let mut edges = vec![0u32; running as usize];
        let mut place = |slot: usize, relation: Relation, edges: &mut Vec<u32>| {
            edges[cursor[slot] as usize] = relation.pack();
            cursor[slot] += 1;
        };
        for &(from, relation) in &ties {
            place(from as usize, relation, &mut edges);
        }
        let records: Vec<RecordRef> = (0..slots).filter_map(|slot| self.record_at(slot)).collect();
        for &(from, relation) in &ties {
            let Some(&source) = records.get(from as usize) else {
                continue;
            };
            let reverse = Relation {
                role: relation.role.reverse(),
                target: source,
            };
            place(self.slot(relation.target), reverse, &mut edges);
        }
        for slot in 0..slots {
            let range = offsets[slot] as usize..offsets[slot + 1] as usize;
            edges[range].sort_by_key(|&packed| packed >> 27);
        }
        self.offsets = offsets;
        self.edges = edges;
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
