//! A validated dataset with its references resolved and the reverse ties derived, in compact
//! form: the rows and their text, an id index, and every record's ties in one packed table.
//! What the rest of the program reads: records by handle or id ([`Record`] and each kind's
//! view), their ties and how each is headed, the source and its quoted passages. Built (and
//! checked) by [`super::load`]; immutable once built.

use std::sync::OnceLock;

use super::{
    dataset::Dataset,
    date::EventDate,
    display_safe::DisplayTexts,
    id_index::{IdIndex, id_hash},
    kinds::{
        Common, EventKind, EventRow, EventView, InitiativeRow, InitiativeView, Kind,
        ParticipantRow, ParticipantView, ProgrammeRow, ProgrammeView, ProjectRow, ProjectView,
    },
    passages::SourceMap,
    place_table::PlaceTable,
    places::Place,
    record::{DetailIndex, MAX_PACKED_INDEX, RecordCounts, RecordRef, Relation, Role},
    records::{Records, RowsOf},
    relations::{Edges, Relations},
    source::SourceText,
    spellings::{SpelledName, Spellings},
    store::Store,
    tab::Tab,
    text::{CitationView, Citations, Text},
    tie::{TieKind, TieRef, TieView},
};

/// A dataset that passed validation, ready to explore. Immutable once built.
#[derive(Clone, Debug)]
pub struct Catalog {
    pub(super) store: Store,
    pub(super) records: Records,
    pub(super) source: Option<SourceText>,
    /// Ids by hash: the slot of the (first) record whose id has each hash.
    pub(super) ids: IdIndex,
    /// Every record's ties, both ways.
    pub(super) edges: Edges,
    /// The sum of each programme's project amounts, in whole US dollars.
    pub(super) programme_totals: Vec<u64>,
    /// The largest project amount of each programme, the full length of a chart bar.
    pub(super) programme_largest: Vec<u64>,
    /// What is shown instead of the dataset's own texts that are unsafe to show as they are.
    pub(super) display: DisplayTexts,
    /// The source's quoted passages, worked out the first time they are asked for.
    pub(super) passages: OnceLock<Option<SourceMap>>,
    /// Other spellings of titles and places, by name.
    pub(super) spellings: Spellings,
    /// The events gathered by place, worked out the first time they are asked for.
    pub(super) places: OnceLock<PlaceTable>,
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
    /// What every kind has, and the texts it is read from.
    fn common(self) -> (&'a super::text::Texts, Common) {
        use super::kinds::Row;
        match self {
            Self::Event(r) => (r.texts, r.row.common()),
            Self::Programme(r) => (r.texts, r.row.common()),
            Self::Project(r) => (r.texts, r.row.common()),
            Self::Initiative(r) => (r.texts, r.row.common()),
            Self::Participant(r) => (r.texts, r.row.common()),
        }
    }

    /// The record's id.
    pub fn id(self) -> &'a str {
        let (texts, common) = self.common();
        texts.get(common.id)
    }

    /// The record's title (a participant's name).
    pub fn title(self) -> &'a str {
        let (texts, common) = self.common();
        texts.get(common.title)
    }

    /// The record's summary.
    pub fn summary(self) -> &'a str {
        let (texts, common) = self.common();
        texts.get(common.summary)
    }

    /// Where the record comes from.
    pub fn sources(self) -> Citations<'a> {
        let (texts, common) = self.common();
        Citations::new(texts, common.sources)
    }

    /// Context from outside the source, if any.
    pub fn note(self) -> Option<&'a str> {
        let (texts, common) = self.common();
        texts.optional(common.note)
    }
}

/// Where a record's running text lies, for a scan of all of it at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunningBounds {
    /// It has none: a scan rightly finds nothing in it.
    None,
    /// From this byte of the text arena to that one.
    Stretch(u32, u32),
    /// Some of it is shown escaped or cut, so is not what lies in the arena: it is matched
    /// record by record, as shown.
    Shown,
}

impl Catalog {
    /// The events gathered by the place they were held in, worked out once.
    pub fn places(&self) -> &PlaceTable {
        self.places
            .get_or_init(|| PlaceTable::new(self, &self.store.places))
    }

    /// The dataset's `places` as the file gives them.
    pub fn given_places(&self) -> &[Place] {
        &self.store.places
    }

    /// The other spellings of `name` (a title or a place) that the notes give.
    pub fn spellings_of(&self, name: &str) -> &[String] {
        self.spellings.of(name)
    }

    /// The number of `name` (a title or a place) among the names with other spellings, when
    /// it has some: search matches each such name's spellings once per query, by this number.
    pub fn spelled_name(&self, name: &str) -> Option<SpelledName> {
        self.spellings.id_of(name)
    }

    /// The other spellings of the name numbered `id` (see [`Self::spelled_name`]).
    pub fn spellings_by_id(&self, id: SpelledName) -> &[String] {
        self.spellings.by_id(id)
    }

    /// How many names have other spellings; their numbers are `0..` this.
    pub fn spelled_name_count(&self) -> usize {
        self.spellings.count()
    }

    /// Shows every text as loaded from now on, control characters and all: for exports,
    /// which must give back the data unchanged, never for the screen.
    pub fn show_raw_text(&mut self) {
        self.display = DisplayTexts::default();
        self.store.texts.shown.clear();
    }

    /// Whether some text is shown other than as loaded (escaped or cut for the screen), so an
    /// export from the app must work from a copy shown raw ([`Self::show_raw_text`]).
    pub fn shows_changed_text(&self) -> bool {
        !self.store.texts.shown.is_empty()
            || self.display.title.is_some()
            || self.display.description.is_some()
            || self.display.source.is_some()
    }

    /// All the text the records hold, end to end, for scanning in one pass (see
    /// [`Self::running_text_bounds`]).
    pub fn text_arena(&self) -> &str {
        self.store.texts.arena.as_str()
    }

    /// Where a record's running text (summary, outcome, note, quotes) lies in
    /// [`Self::text_arena`]: the stretch from the start of its first field to the end of its
    /// last. A record's text is stored together, so stretches of different records do not
    /// overlap (a caller relying on that checks it).
    pub fn running_text_bounds(&self, record: RecordRef) -> RunningBounds {
        let Some(texts) = self.records.texts_of(&self.store, record) else {
            return RunningBounds::None;
        };
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
            .any(|&(start, end)| self.store.texts.shown.contains_key(&(start, end - start)))
        {
            return RunningBounds::Shown;
        }
        match spans
            .into_iter()
            .reduce(|(a, b), (c, d)| (a.min(c), b.max(d)))
        {
            Some((start, end)) => RunningBounds::Stretch(start, end),
            None => RunningBounds::None,
        }
    }

    /// A record's citations as loaded (not as shown): what is verbatim in the source.
    pub(crate) fn raw_citations(&self, record: RecordRef) -> Vec<(u32, &str)> {
        self.records
            .texts_of(&self.store, record)
            .map_or_else(Vec::new, |texts| {
                texts
                    .citations
                    .iter()
                    .map(|c| (c.paragraph, self.store.texts.arena.get(c.quote)))
                    .collect()
            })
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

    /// The document the quotes come from, as the dataset describes it for citing, if it does.
    pub fn document(&self) -> Option<&super::document::Document> {
        self.store.document.as_ref()
    }

    /// What is wrong with `--paragraph number` for this catalog, if anything: no source text,
    /// or no such paragraph. The explorer and `--plain` ask it alike.
    pub fn paragraph_problem(&self, number: u32) -> Option<String> {
        let Some(source) = self.source() else {
            return Some(
                "--paragraph: the source text is not loaded: give it with --source PATH".into(),
            );
        };
        let count = source.paragraph_count();
        (number == 0 || number as usize > count).then(|| {
            let has = match count {
                0 => "no paragraphs".to_string(),
                1 => "only paragraph 1".to_string(),
                n => format!("paragraphs 1 to {n}"),
            };
            format!("--paragraph {number}: the source has {has}")
        })
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
                    .map(|source| SourceMap::new(&self.records, &self.store, &self.edges, source))
            })
            .as_ref()
    }

    /// The kinds of event the dataset has, in [`EventKind::ALL`]'s order.
    pub fn event_kinds(&self) -> Vec<EventKind> {
        let mut present = [false; EventKind::ALL.len()];
        for event in &self.records.events {
            present[event.kind as usize] = true;
        }
        EventKind::ALL
            .into_iter()
            .filter(|&kind| present[kind as usize])
            .collect()
    }

    /// How many records each collection holds.
    pub fn counts(&self) -> RecordCounts {
        self.records.counts()
    }

    /// How many records of all kinds there are.
    pub fn record_count(&self) -> usize {
        self.counts().total()
    }

    /// Every record, collection by collection in dataset order.
    pub fn records(&self) -> impl Iterator<Item = RecordRef> + '_ {
        let counts = self.counts();
        (0..counts.total()).filter_map(move |slot| counts.record_at(slot))
    }

    /// The records of the collection `tab` lists, in dataset order (none for a tab that
    /// lists no one collection: see [`Tab::collection`]).
    pub fn records_of(&self, tab: Tab) -> impl Iterator<Item = RecordRef> + use<> {
        let make = tab.collection();
        let count = make.map_or(0, |make| self.counts().named()[make(0).kind_index()].1);
        let count = u32::try_from(count).unwrap_or(u32::MAX);
        (0..count).filter_map(move |i| Some(make?(i)))
    }

    /// The position of a record in one flat numbering of all collections.
    pub(crate) fn slot(&self, record: RecordRef) -> usize {
        self.counts().slot(record)
    }

    /// The record at a slot of the flat numbering.
    pub(crate) fn record_at(&self, slot: usize) -> Option<RecordRef> {
        self.counts().record_at(slot)
    }

    /// The record with this id.
    pub fn find(&self, id: &str) -> Option<RecordRef> {
        let slot = self.ids.candidates(id_hash(id)).next()?;
        self.record_at(slot as usize)
    }

    /// The record's ties to other records, grouped by role in display order.
    pub fn relations(&self, record: RecordRef) -> Relations<'_> {
        self.edges.of(self.slot(record))
    }

    fn view<K: Kind>(&self, index: u32) -> Option<K::View<'_>>
    where
        Records: RowsOf<K>,
    {
        let row = self.records.rows().get(index as usize)?;
        Some(K::view(&self.store.texts, row))
    }

    /// Event `index`.
    pub fn event(&self, index: u32) -> Option<EventView<'_>> {
        self.view::<EventRow>(index)
    }

    /// Programme `index`.
    pub fn programme(&self, index: u32) -> Option<ProgrammeView<'_>> {
        self.view::<ProgrammeRow>(index)
    }

    /// Project `index`.
    pub fn project(&self, index: u32) -> Option<ProjectView<'_>> {
        self.view::<ProjectRow>(index)
    }

    /// Initiative `index`.
    pub fn initiative(&self, index: u32) -> Option<InitiativeView<'_>> {
        self.view::<InitiativeRow>(index)
    }

    /// Participant `index`.
    pub fn participant(&self, index: u32) -> Option<ParticipantView<'_>> {
        self.view::<ParticipantRow>(index)
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
        fn all<'c, K: Kind>(
            catalog: &'c Catalog,
            back: impl Fn(K::View<'c>, RecordRef) -> K::Model<String>,
        ) -> Vec<K::Model<String>>
        where
            Records: RowsOf<K>,
        {
            let count = u32::try_from(catalog.records.rows().len()).unwrap_or(MAX_PACKED_INDEX);
            (0..count)
                .filter_map(|i| Some(back(catalog.view::<K>(i)?, K::make(i))))
                .collect()
        }
        let ties = |record: RecordRef| move |role: Role| self.stored_ties(record, role);
        Dataset {
            schema: self.store.schema.clone(),
            title: self.store.title.clone(),
            description: self.store.description.clone(),
            source: self.store.source.clone(),
            spellings: self.store.spellings.clone(),
            places: self.store.places.clone(),
            document: self.store.document.clone(),
            marks: super::marks::declared(),
            events: all::<EventRow>(self, |view: EventView<'_>, r| view.to_model(&ties(r))),
            programmes: all::<ProgrammeRow>(self, |view: ProgrammeView<'_>, r| {
                view.to_model(&ties(r))
            }),
            projects: all::<ProjectRow>(self, |view: ProjectView<'_>, r| view.to_model(&ties(r))),
            initiatives: all::<InitiativeRow>(self, |view: InitiativeView<'_>, r| {
                view.to_model(&ties(r))
            }),
            participants: all::<ParticipantRow>(self, |view: ParticipantView<'_>, r| {
                view.to_model(&ties(r))
            }),
        }
    }

    /// A record's ties of `role` as a file writes them, in order: a bare id, or the id with
    /// the tie's kind, quotes and reading.
    fn stored_ties(&self, record: RecordRef, role: Role) -> Vec<TieRef> {
        let mut ties: Vec<Relation> = self
            .relations(record)
            .iter()
            .filter(|relation| relation.role == role)
            .collect();
        // The catalog lists ties by kind; details are stored in file order, so this gives the
        // file's order back (bare ids, which have none, keep theirs, after the others).
        ties.sort_by_key(|relation| relation.detail);
        ties.into_iter()
            .filter_map(|relation| {
                let id = self.get(relation.target)?.id().to_string();
                Some(match self.tie(&relation) {
                    Some(tie) => TieRef::Tie(tie.to_model(id)),
                    None => TieRef::Id(id),
                })
            })
            .collect()
    }

    /// The details of a tie, when its file gives them.
    pub fn tie(&self, relation: &Relation) -> Option<TieView<'_>> {
        let row = self.store.ties.get(relation.detail as usize)?;
        (!row.bare).then_some(TieView {
            texts: &self.store.texts,
            row,
        })
    }

    /// How many ties the file gives as bare ids in fields where ties have kinds: each is read
    /// as the neutral kind.
    pub fn bare_tie_count(&self) -> usize {
        self.store.bare_ties
    }

    /// How many quotes the file's ties carry.
    pub fn tie_quote_count(&self) -> usize {
        self.store
            .ties
            .iter()
            .map(|tie| tie.sources.count as usize)
            .sum()
    }

    /// The kind of the tie with details at `detail`; the neutral kind for a bare id.
    pub fn tie_kind_of(&self, detail: DetailIndex) -> TieKind {
        self.store.tie_kind_of(detail)
    }

    /// The heading a tie is shown under on `record`, its end: by its kind where its field
    /// gives ties kinds, by its field elsewhere.
    pub fn tie_heading(&self, record: RecordRef, relation: &Relation) -> String {
        let stored = if relation.role.is_stored() {
            relation.role
        } else {
            relation.role.reverse()
        };
        if relation.role == Role::TookPartThrough {
            return self.through_heading(record, relation);
        }
        if TieKind::allowed(stored).is_empty() {
            return relation.role.heading().to_string();
        }
        let tie = self.tie(relation);
        let kind = tie.map_or(TieKind::Mentioned, TieView::kind);
        kind.heading(relation.role, tie.and_then(TieView::document))
    }

    /// "Took part in, through Kazakh delegations": the group whose own tie to the event the
    /// tie through it was made from.
    fn through_heading(&self, record: RecordRef, relation: &Relation) -> String {
        match self
            .representations(relation.target, record, Some(relation.detail))
            .first()
            .and_then(|&(group, _)| self.get(group.target))
        {
            Some(group) => format!("Took part in, through {}", group.title()),
            None => relation.role.heading().to_string(),
        }
    }

    /// Who took part in `event` for `state` (the event's participants that represent the
    /// state, each with its tie that says so); with `detail`, only the one whose tie to the
    /// event has those details (the tie a tie through it was made from).
    fn representations(
        &self,
        event: RecordRef,
        state: RecordRef,
        detail: Option<DetailIndex>,
    ) -> Vec<(Relation, Relation)> {
        self.relations(event)
            .iter()
            .filter(|tie| tie.role == Role::Participant)
            .filter(|tie| detail.is_none_or(|detail| tie.detail == detail))
            .filter_map(|tie| {
                let represents = self
                    .relations(tie.target)
                    .iter()
                    .find(|up| up.role == Role::Represents && up.target == state)?;
                Some((tie, represents))
            })
            .collect()
    }

    /// The quotes a tie rests on, as `record` shows it: its own, and for a tie made from two
    /// others (a state at an event through those who represent it), theirs: the
    /// representative's at the event and its representing the state. Every tie shown names its
    /// paragraphs, a derived one too.
    pub fn tie_quotes(&self, record: RecordRef, relation: &Relation) -> Vec<CitationView<'_>> {
        let mut quotes: Vec<CitationView<'_>> = self
            .tie(relation)
            .map(|tie| tie.sources().iter().collect())
            .unwrap_or_default();
        for (took_part, represents) in self.made_from(record, relation) {
            for tie in [self.tie(&took_part), self.tie(&represents)]
                .into_iter()
                .flatten()
            {
                for quote in tie.sources().iter() {
                    if !quotes.contains(&quote) {
                        quotes.push(quote);
                    }
                }
            }
        }
        quotes
    }

    /// The two ties a tie through representatives is made from, for each representative: its
    /// tie to the event and its tie to the state. None for any other tie.
    fn made_from(&self, record: RecordRef, relation: &Relation) -> Vec<(Relation, Relation)> {
        match relation.role {
            Role::TookPartThrough => {
                self.representations(relation.target, record, Some(relation.detail))
            }
            Role::RepresentedThere => self.representations(record, relation.target, None),
            _ => Vec::new(),
        }
    }

    /// The readings a tie rests on, as `record` shows it: its own, and for a tie through a
    /// representative, the reading that the representative represents the state (on the
    /// event, every representative's).
    pub fn tie_readings(&self, record: RecordRef, relation: &Relation) -> Vec<&str> {
        let mut readings: Vec<&str> = self
            .tie(relation)
            .and_then(TieView::reading)
            .into_iter()
            .collect();
        for (took_part, represents) in self.made_from(record, relation) {
            // On the event, the state was there only if its representative was: a reading of
            // that participation is a reading of this too.
            let participation = (relation.role == Role::RepresentedThere)
                .then(|| self.tie(&took_part).and_then(TieView::reading))
                .flatten();
            let represented = self.tie(&represents).and_then(TieView::reading);
            for reading in [participation, represented].into_iter().flatten() {
                if !readings.contains(&reading) {
                    readings.push(reading);
                }
            }
        }
        readings
    }
}
