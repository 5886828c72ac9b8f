//! A validated dataset with its references resolved and the reverse ties derived.

use std::collections::HashMap;

use super::{
    model::{Citation, Dataset, Event, Initiative, Participant, Programme, Project},
    problems::Problems,
    record::{RecordRef, Relation, Role},
    source::SourceText,
};

/// A dataset that passed validation, ready to explore. Immutable once built.
#[derive(Debug)]
pub struct Catalog {
    dataset: Dataset,
    source: Option<SourceText>,
    ids: HashMap<String, RecordRef>,
    /// Ties of every record, indexed by [`Catalog::slot`].
    relations: Vec<Vec<Relation>>,
    /// The sum of each programme's project amounts, in whole US dollars.
    programme_totals: Vec<u64>,
    /// The largest project amount of each programme, the full length of a chart bar.
    programme_largest: Vec<u64>,
}

/// A borrowed record of any collection.
#[derive(Debug, Clone, Copy)]
pub enum Record<'a> {
    /// An event.
    Event(&'a Event),
    /// A funding programme.
    Programme(&'a Programme),
    /// A funded project.
    Project(&'a Project),
    /// An initiative.
    Initiative(&'a Initiative),
    /// A participant.
    Participant(&'a Participant),
}

impl<'a> Record<'a> {
    /// The record's id.
    pub fn id(self) -> &'a str {
        match self {
            Self::Event(r) => &r.id,
            Self::Programme(r) => &r.id,
            Self::Project(r) => &r.id,
            Self::Initiative(r) => &r.id,
            Self::Participant(r) => &r.id,
        }
    }

    /// The record's title (a participant's name).
    pub fn title(self) -> &'a str {
        match self {
            Self::Event(r) => &r.title,
            Self::Programme(r) => &r.title,
            Self::Project(r) => &r.title,
            Self::Initiative(r) => &r.title,
            Self::Participant(r) => &r.name,
        }
    }

    /// The record's summary.
    pub fn summary(self) -> &'a str {
        match self {
            Self::Event(r) => &r.summary,
            Self::Programme(r) => &r.summary,
            Self::Project(r) => &r.summary,
            Self::Initiative(r) => &r.summary,
            Self::Participant(r) => &r.summary,
        }
    }

    /// Where the record comes from.
    pub fn sources(self) -> &'a [Citation] {
        match self {
            Self::Event(r) => &r.sources,
            Self::Programme(r) => &r.sources,
            Self::Project(r) => &r.sources,
            Self::Initiative(r) => &r.sources,
            Self::Participant(r) => &r.sources,
        }
    }

    /// Context from outside the source, if any.
    pub fn note(self) -> Option<&'a str> {
        match self {
            Self::Event(r) => r.note.as_deref(),
            Self::Programme(r) => r.note.as_deref(),
            Self::Project(r) => r.note.as_deref(),
            Self::Initiative(r) => r.note.as_deref(),
            Self::Participant(r) => r.note.as_deref(),
        }
    }
}

/// Which collection a reference must point into.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Expect {
    Event,
    Programme,
    Participant,
}

impl Expect {
    fn name(self) -> &'static str {
        match self {
            Self::Event => "an event",
            Self::Programme => "a programme",
            Self::Participant => "a participant",
        }
    }

    fn accepts(self, record: RecordRef) -> bool {
        matches!(
            (self, record),
            (Self::Event, RecordRef::Event(_))
                | (Self::Programme, RecordRef::Programme(_))
                | (Self::Participant, RecordRef::Participant(_))
        )
    }
}

fn index(position: usize) -> u32 {
    // Collections beyond u32::MAX records are rejected before this is reached.
    u32::try_from(position).unwrap_or(u32::MAX)
}

/// The largest collection a dataset may hold; positions are stored as `u32`.
const MAX_RECORDS: usize = u32::MAX as usize - 1;

impl Catalog {
    /// Validates `dataset` (and its quotes against `source`, when given) and builds the catalog,
    /// or returns every problem found.
    pub fn new(dataset: Dataset, source: Option<SourceText>) -> Result<Self, Problems> {
        let mut problems = Problems::default();
        let ids = collect_ids(&dataset, &mut problems);
        check_fields(&dataset, source.as_ref(), &mut problems);
        let mut catalog = Self {
            relations: Vec::new(),
            programme_totals: vec![0; dataset.programmes.len()],
            programme_largest: vec![0; dataset.programmes.len()],
            dataset,
            source,
            ids,
        };
        catalog.relations = vec![Vec::new(); catalog.record_count()];
        catalog.resolve_references(&mut problems);
        if problems.is_empty() {
            Ok(catalog)
        } else {
            Err(problems)
        }
    }

    /// The dataset as loaded.
    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    /// The source text the quotes come from, when it was given.
    pub fn source(&self) -> Option<&SourceText> {
        self.source.as_ref()
    }

    /// How many records of all kinds there are.
    pub fn record_count(&self) -> usize {
        let data = &self.dataset;
        data.events.len()
            + data.programmes.len()
            + data.projects.len()
            + data.initiatives.len()
            + data.participants.len()
    }

    /// Every record, collection by collection in dataset order.
    pub fn records(&self) -> impl Iterator<Item = RecordRef> + '_ {
        each_record(&self.dataset).map(|(.., record)| record)
    }

    /// The record with this id.
    pub fn find(&self, id: &str) -> Option<RecordRef> {
        self.ids.get(id).copied()
    }

    /// The record's ties to other records, grouped by role in display order.
    pub fn relations(&self, record: RecordRef) -> &[Relation] {
        self.relations
            .get(self.slot(record))
            .map_or(&[], Vec::as_slice)
    }

    /// The total of a programme's projects, in whole US dollars.
    pub fn programme_total(&self, programme: u32) -> u64 {
        self.programme_totals
            .get(programme as usize)
            .copied()
            .unwrap_or(0)
    }

    /// The record behind a handle, or `None` for a handle from another dataset.
    pub fn get(&self, record: RecordRef) -> Option<Record<'_>> {
        let data = &self.dataset;
        Some(match record {
            RecordRef::Event(i) => Record::Event(data.events.get(i as usize)?),
            RecordRef::Programme(i) => Record::Programme(data.programmes.get(i as usize)?),
            RecordRef::Project(i) => Record::Project(data.projects.get(i as usize)?),
            RecordRef::Initiative(i) => Record::Initiative(data.initiatives.get(i as usize)?),
            RecordRef::Participant(i) => Record::Participant(data.participants.get(i as usize)?),
        })
    }

    /// The largest project amount of a programme, in whole US dollars.
    pub fn programme_largest(&self, programme: u32) -> u64 {
        self.programme_largest
            .get(programme as usize)
            .copied()
            .unwrap_or(0)
    }

    /// A record's title (a participant's name), or "" for an unknown handle.
    pub fn title(&self, record: RecordRef) -> &str {
        self.get(record).map_or("", |record| record.title())
    }

    /// The position of a record in one flat numbering of all collections.
    fn slot(&self, record: RecordRef) -> usize {
        let data = &self.dataset;
        let events = data.events.len();
        let programmes = events + data.programmes.len();
        let projects = programmes + data.projects.len();
        let initiatives = projects + data.initiatives.len();
        match record {
            RecordRef::Event(i) => i as usize,
            RecordRef::Programme(i) => events + i as usize,
            RecordRef::Project(i) => programmes + i as usize,
            RecordRef::Initiative(i) => projects + i as usize,
            RecordRef::Participant(i) => initiatives + i as usize,
        }
    }

    fn tie(&mut self, from: RecordRef, role: Role, to: RecordRef) {
        let slot = self.slot(from);
        if let Some(list) = self.relations.get_mut(slot) {
            list.push(Relation { role, target: to });
        }
    }

    /// Resolves every stored reference, records it in both directions and sums the programmes.
    fn resolve_references(&mut self, problems: &mut Problems) {
        let mut ties: Vec<(RecordRef, Role, RecordRef, Role)> = Vec::new();
        let lookup = |ids: &HashMap<String, RecordRef>,
                      problems: &mut Problems,
                      path: String,
                      id: &str,
                      expect: Expect|
         -> Option<RecordRef> {
            match ids.get(id) {
                Some(&record) if expect.accepts(record) => Some(record),
                Some(&record) => {
                    problems.add(
                        path,
                        format!(
                            "{id:?} is {} {}, expected {}",
                            if record
                                .collection_name()
                                .starts_with(['a', 'e', 'i', 'o', 'u'])
                            {
                                "an"
                            } else {
                                "a"
                            },
                            record.collection_name(),
                            expect.name()
                        ),
                    );
                    None
                }
                None => {
                    problems.add(
                        path,
                        format!("no record has the id {id:?} (dangling reference)"),
                    );
                    None
                }
            }
        };
        let data = &self.dataset;
        for (position, event) in data.events.iter().enumerate() {
            let this = RecordRef::Event(index(position));
            for (n, id) in event.participants.iter().enumerate() {
                let path = format!("events[{position}].participants[{n}]");
                if let Some(target) = lookup(&self.ids, problems, path, id, Expect::Participant) {
                    ties.push((this, Role::Participant, target, Role::TookPartIn));
                }
            }
            if let Some(id) = &event.country {
                let path = format!("events[{position}].country");
                if let Some(target) = lookup(&self.ids, problems, path, id, Expect::Participant) {
                    ties.push((this, Role::Country, target, Role::HostOf));
                }
            }
        }
        for (position, programme) in data.programmes.iter().enumerate() {
            let this = RecordRef::Programme(index(position));
            for (field, role, reverse, id) in [
                ("funder", Role::Funder, Role::Funds, &programme.funder),
                (
                    "recipient",
                    Role::Recipient,
                    Role::Receives,
                    &programme.recipient,
                ),
            ] {
                let Some(id) = id else { continue };
                let path = format!("programmes[{position}].{field}");
                if let Some(target) = lookup(&self.ids, problems, path, id, Expect::Participant) {
                    ties.push((this, role, target, reverse));
                }
            }
        }
        for (position, project) in data.projects.iter().enumerate() {
            let this = RecordRef::Project(index(position));
            let path = format!("projects[{position}].programme");
            let id = &project.programme;
            if let Some(target) = lookup(&self.ids, problems, path, id, Expect::Programme) {
                ties.push((this, Role::Programme, target, Role::Project));
                if let RecordRef::Programme(programme) = target {
                    let largest = &mut self.programme_largest[programme as usize];
                    *largest = (*largest).max(project.amount_usd);
                    let total = &mut self.programme_totals[programme as usize];
                    match total.checked_add(project.amount_usd) {
                        Some(sum) => *total = sum,
                        None => problems.add(
                            format!("projects[{position}].amount_usd"),
                            format!(
                                "the total of programme {:?} overflows (more than {} USD)",
                                id,
                                u64::MAX
                            ),
                        ),
                    }
                }
            }
        }
        for (position, initiative) in data.initiatives.iter().enumerate() {
            let this = RecordRef::Initiative(index(position));
            let lists = [
                (
                    "proposed_by",
                    Role::ProposedBy,
                    Role::Proposed,
                    &initiative.proposed_by,
                    Expect::Participant,
                ),
                (
                    "partners",
                    Role::Partner,
                    Role::PartnerIn,
                    &initiative.partners,
                    Expect::Participant,
                ),
                (
                    "events",
                    Role::SupportedAt,
                    Role::InitiativeAtEvent,
                    &initiative.events,
                    Expect::Event,
                ),
            ];
            for (field, role, reverse, ids, expect) in lists {
                for (n, id) in ids.iter().enumerate() {
                    let path = format!("initiatives[{position}].{field}[{n}]");
                    if let Some(target) = lookup(&self.ids, problems, path, id, expect) {
                        ties.push((this, role, target, reverse));
                    }
                }
            }
        }
        for (position, participant) in data.participants.iter().enumerate() {
            let this = RecordRef::Participant(index(position));
            if let Some(id) = &participant.part_of {
                let path = format!("participants[{position}].part_of");
                if let Some(target) = lookup(&self.ids, problems, path, id, Expect::Participant) {
                    if target == this {
                        problems.add(
                            format!("participants[{position}].part_of"),
                            "a participant cannot be part of itself",
                        );
                    } else {
                        ties.push((this, Role::PartOf, target, Role::HasBody));
                    }
                }
            }
        }
        ties.sort_by_key(|&(from, role, to, _)| (from, role, to));
        let before = ties.len();
        ties.dedup_by_key(|&mut (from, role, to, _)| (from, role, to));
        if ties.len() != before {
            problems.add(
                "(references)",
                format!(
                    "{} reference(s) repeat an id already listed in the same field",
                    before - ties.len()
                ),
            );
        }
        for &(from, role, to, _) in &ties {
            self.tie(from, role, to);
        }
        let mut reverse: Vec<_> = ties
            .into_iter()
            .map(|(from, role, to, back)| (to, back, from, role))
            .collect();
        reverse.sort_by_key(|&(from, role, to, _)| (from, role, to));
        for (from, role, to, _) in reverse {
            self.tie(from, role, to);
        }
        for list in &mut self.relations {
            list.sort_by_key(|relation| relation.role);
        }
    }
}

/// Every record of `data`: its collection's name, its position there, its id and its handle.
fn each_record(data: &Dataset) -> impl Iterator<Item = (&'static str, usize, &str, RecordRef)> {
    fn of<'a, T>(
        name: &'static str,
        records: &'a [T],
        id: fn(&T) -> &str,
        make: fn(u32) -> RecordRef,
    ) -> impl Iterator<Item = (&'static str, usize, &'a str, RecordRef)> {
        records
            .iter()
            .enumerate()
            .map(move |(position, record)| (name, position, id(record), make(index(position))))
    }
    of("events", &data.events, |r| &r.id, RecordRef::Event)
        .chain(of(
            "programmes",
            &data.programmes,
            |r| &r.id,
            RecordRef::Programme,
        ))
        .chain(of(
            "projects",
            &data.projects,
            |r| &r.id,
            RecordRef::Project,
        ))
        .chain(of(
            "initiatives",
            &data.initiatives,
            |r| &r.id,
            RecordRef::Initiative,
        ))
        .chain(of(
            "participants",
            &data.participants,
            |r| &r.id,
            RecordRef::Participant,
        ))
}

/// Maps every id to its record, reporting empty and repeated ids.
fn collect_ids(data: &Dataset, problems: &mut Problems) -> HashMap<String, RecordRef> {
    let lengths = [
        ("events", data.events.len()),
        ("programmes", data.programmes.len()),
        ("projects", data.projects.len()),
        ("initiatives", data.initiatives.len()),
        ("participants", data.participants.len()),
    ];
    for (name, length) in lengths {
        if length > MAX_RECORDS {
            problems.add(name, format!("more than {MAX_RECORDS} records"));
            return HashMap::new();
        }
    }
    let mut ids = HashMap::with_capacity(lengths.iter().map(|(_, length)| length).sum());
    let mut first_seen: HashMap<&str, String> = HashMap::new();
    for (name, position, id, record) in each_record(data) {
        let path = format!("{name}[{position}].id");
        if id.trim().is_empty() {
            problems.add(path, "the id is empty");
            continue;
        }
        if id.chars().any(char::is_whitespace) {
            problems.add(&path, format!("the id {id:?} contains whitespace"));
        }
        if let Some(first) = first_seen.get(id) {
            problems.add(path, format!("duplicate id {id:?}, first used at {first}"));
            continue;
        }
        first_seen.insert(id, path);
        ids.insert(id.to_string(), record);
    }
    ids
}

/// Checks the fields that need no other record: texts, amounts, periods and citations.
fn check_fields(data: &Dataset, source: Option<&SourceText>, problems: &mut Problems) {
    if data.title.trim().is_empty() {
        problems.add("title", "the dataset title is empty");
    }
    if data.events.is_empty() {
        problems.add("events", "a dataset needs at least one event");
    }
    let check_text = |path: String, text: &str, what: &str, problems: &mut Problems| {
        if text.trim().is_empty() {
            problems.add(path, format!("the {what} is empty"));
        }
    };
    let check_sources = |path: String, sources: &[Citation], problems: &mut Problems| {
        check_citations(&path, sources, source, problems);
    };
    for (i, event) in data.events.iter().enumerate() {
        check_text(
            format!("events[{i}].title"),
            &event.title,
            "title",
            problems,
        );
        check_text(
            format!("events[{i}].summary"),
            &event.summary,
            "summary",
            problems,
        );
        check_sources(format!("events[{i}].sources"), &event.sources, problems);
    }
    for (i, programme) in data.programmes.iter().enumerate() {
        check_text(
            format!("programmes[{i}].title"),
            &programme.title,
            "title",
            problems,
        );
        check_text(
            format!("programmes[{i}].summary"),
            &programme.summary,
            "summary",
            problems,
        );
        check_sources(
            format!("programmes[{i}].sources"),
            &programme.sources,
            problems,
        );
        if programme.period.start > programme.period.end {
            problems.add(
                format!("programmes[{i}].period"),
                format!(
                    "the period ends ({}) before it starts ({})",
                    programme.period.end, programme.period.start
                ),
            );
        }
    }
    for (i, project) in data.projects.iter().enumerate() {
        check_text(
            format!("projects[{i}].title"),
            &project.title,
            "title",
            problems,
        );
        check_text(
            format!("projects[{i}].summary"),
            &project.summary,
            "summary",
            problems,
        );
        check_sources(format!("projects[{i}].sources"), &project.sources, problems);
        if let Some(category) = &project.category {
            check_text(
                format!("projects[{i}].category"),
                category,
                "category",
                problems,
            );
        }
        if project.amount_usd == 0 {
            problems.add(
                format!("projects[{i}].amount_usd"),
                "expected a positive amount, found 0",
            );
        }
    }
    for (i, initiative) in data.initiatives.iter().enumerate() {
        check_text(
            format!("initiatives[{i}].title"),
            &initiative.title,
            "title",
            problems,
        );
        check_text(
            format!("initiatives[{i}].summary"),
            &initiative.summary,
            "summary",
            problems,
        );
        check_text(
            format!("initiatives[{i}].outcome"),
            &initiative.outcome,
            "outcome",
            problems,
        );
        check_sources(
            format!("initiatives[{i}].sources"),
            &initiative.sources,
            problems,
        );
    }
    for (i, participant) in data.participants.iter().enumerate() {
        check_text(
            format!("participants[{i}].name"),
            &participant.name,
            "name",
            problems,
        );
        check_text(
            format!("participants[{i}].summary"),
            &participant.summary,
            "summary",
            problems,
        );
        check_sources(
            format!("participants[{i}].sources"),
            &participant.sources,
            problems,
        );
    }
}

fn check_citations(
    path: &str,
    sources: &[Citation],
    source: Option<&SourceText>,
    problems: &mut Problems,
) {
    if sources.is_empty() {
        problems.add(path, "every record needs at least one source citation");
    }
    for (n, citation) in sources.iter().enumerate() {
        let here = format!("{path}[{n}]");
        if citation.paragraph == 0 {
            problems.add(
                format!("{here}.paragraph"),
                "paragraphs are numbered from 1, found 0",
            );
        }
        if citation.quote.trim().is_empty() {
            problems.add(format!("{here}.quote"), "the quote is empty");
            continue;
        }
        let Some(source) = source else { continue };
        match source.paragraph(citation.paragraph) {
            None if citation.paragraph > 0 => problems.add(
                format!("{here}.paragraph"),
                format!(
                    "the source has {} paragraphs, found {}",
                    source.paragraph_count(),
                    citation.paragraph
                ),
            ),
            None => {}
            Some(paragraph) if !paragraph.contains(&citation.quote) => problems.add(
                format!("{here}.quote"),
                format!(
                    "the quote is not verbatim in paragraph {}",
                    citation.paragraph
                ),
            ),
            Some(_) => {}
        }
    }
}
