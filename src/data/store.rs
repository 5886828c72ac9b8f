//! Compact storage for a loaded dataset: all text in one arena addressed by `u32` spans, one
//! small fixed-size row per record, and references kept as ids only until they are resolved.
//! A million records cost their text plus about a hundred bytes each.

use std::borrow::Cow;

use serde::Deserialize;

use super::{
    date::EventDate,
    model::{self, EventKind, InitiativeKind, ParticipantKind, Period},
    record::{RecordRef, Role},
};

/// A span of the text arena; an absent optional text has `len == ABSENT`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Text {
    start: u32,
    len: u32,
}

const ABSENT: u32 = u32::MAX;

impl Text {
    /// The span of no text, for an optional field that is not there.
    pub const NONE: Self = Self {
        start: 0,
        len: ABSENT,
    };

    /// The same span in an arena this one was appended to at `offset`.
    fn moved(self, offset: u32) -> Self {
        if self.is_some() {
            Self {
                start: self.start.saturating_add(offset),
                len: self.len,
            }
        } else {
            self
        }
    }

    /// Whether the optional text is there.
    pub fn is_some(self) -> bool {
        self.len != ABSENT
    }

    /// Where the text lies in its arena, in bytes; `None` when it is not there.
    pub fn bounds(self) -> Option<(u32, u32)> {
        self.is_some()
            .then(|| (self.start, self.start.saturating_add(self.len)))
    }
}

/// Text stored end to end, handed out as spans.
#[derive(Debug, Default)]
pub struct Arena {
    bytes: String,
    /// Set when the text outgrew what `u32` spans can address.
    overflowed: bool,
}

impl Arena {
    /// Stores `text` and returns its span.
    pub fn push(&mut self, text: &str) -> Text {
        let (Ok(start), Ok(len)) = (u32::try_from(self.bytes.len()), u32::try_from(text.len()))
        else {
            self.overflowed = true;
            return Text::default();
        };
        if start.checked_add(len).is_none_or(|end| end == u32::MAX) {
            self.overflowed = true;
            return Text::default();
        }
        self.bytes.push_str(text);
        Text { start, len }
    }

    /// Stores an optional text.
    pub fn push_optional(&mut self, text: Option<&str>) -> Text {
        text.map_or(Text::NONE, |text| self.push(text))
    }

    /// The text of a span.
    pub fn get(&self, text: Text) -> &str {
        if !text.is_some() {
            return "";
        }
        let start = text.start as usize;
        self.bytes
            .get(start..start + text.len as usize)
            .unwrap_or("")
    }

    /// All the text, end to end.
    pub fn as_str(&self) -> &str {
        &self.bytes
    }

    /// Whether some text could not be stored.
    pub fn overflowed(&self) -> bool {
        self.overflowed
    }

    /// Makes room for `bytes` more text.
    pub fn reserve(&mut self, bytes: usize) {
        self.bytes.reserve(bytes);
    }

    /// Appends another arena's text; returns how far its spans move.
    fn append(&mut self, other: &Arena) -> u32 {
        let offset = u32::try_from(self.bytes.len()).unwrap_or(u32::MAX);
        if u32::try_from(self.bytes.len() + other.bytes.len()).is_err() {
            self.overflowed = true;
        }
        self.bytes.push_str(&other.bytes);
        self.overflowed |= other.overflowed;
        offset
    }

    /// Gives back the spare capacity once loading is done.
    pub fn shrink(&mut self) {
        self.bytes.shrink_to_fit();
    }
}

/// A record's citations: a run of [`CitationRow`]s.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sources {
    /// The first citation.
    pub start: u32,
    /// How many there are.
    pub count: u32,
}

/// A citation: a paragraph number and a quote.
#[derive(Clone, Copy, Debug)]
pub struct CitationRow {
    /// The paragraph, counting from 1.
    pub paragraph: u32,
    /// The verbatim quote.
    pub quote: Text,
}

/// An event.
#[derive(Clone, Copy, Debug)]
pub struct EventRow {
    pub id: Text,
    pub title: Text,
    pub summary: Text,
    pub place: Text,
    pub note: Text,
    pub sources: Sources,
    pub date: Option<EventDate>,
    pub kind: EventKind,
}

/// A funding programme.
#[derive(Clone, Copy, Debug)]
pub struct ProgrammeRow {
    pub id: Text,
    pub title: Text,
    pub summary: Text,
    pub note: Text,
    pub sources: Sources,
    pub period: Period,
}

/// A funded project.
#[derive(Clone, Copy, Debug)]
pub struct ProjectRow {
    pub id: Text,
    pub title: Text,
    pub summary: Text,
    pub note: Text,
    pub category: Text,
    pub sources: Sources,
    pub amount_usd: u64,
    /// The programme's position, once the reference is resolved.
    pub programme: u32,
}

/// An initiative.
#[derive(Clone, Copy, Debug)]
pub struct InitiativeRow {
    pub id: Text,
    pub title: Text,
    pub summary: Text,
    pub outcome: Text,
    pub note: Text,
    pub sources: Sources,
    pub kind: InitiativeKind,
}

/// A participant.
#[derive(Clone, Copy, Debug)]
pub struct ParticipantRow {
    pub id: Text,
    pub name: Text,
    pub summary: Text,
    pub office: Text,
    pub note: Text,
    pub sources: Sources,
    pub kind: ParticipantKind,
}

/// A reference by id from one record to another, until it is resolved.
#[derive(Clone, Copy, Debug)]
pub struct PendingReference {
    /// The record that refers.
    pub from: RecordRef,
    /// How it refers.
    pub role: Role,
    /// Its position in the field's list (0 for a single reference), for messages.
    pub position: u32,
    /// The id referred to, in the pending arena.
    pub id: Text,
}

/// A whole dataset in compact form.
#[derive(Debug, Default)]
pub struct Store {
    pub text: Arena,
    pub schema: Option<String>,
    pub title: String,
    pub description: String,
    pub source: String,
    pub events: Vec<EventRow>,
    pub programmes: Vec<ProgrammeRow>,
    pub projects: Vec<ProjectRow>,
    pub initiatives: Vec<InitiativeRow>,
    pub participants: Vec<ParticipantRow>,
    pub citations: Vec<CitationRow>,
    /// References by id, resolved into relations by the catalog.
    pub pending: Vec<PendingReference>,
    pub pending_text: Arena,
}

/// A record's texts as the screen treats them: one-line fields (a title, a place) and running
/// text (a summary, a note), plus its quotes. Absent fields are [`Text::NONE`].
pub struct RecordTexts<'s> {
    /// Title or name, and a place, category or office.
    pub lines: [Text; 2],
    /// Summary, note and an initiative's outcome.
    pub running: [Text; 3],
    /// The quotes of its citations.
    pub citations: &'s [CitationRow],
}

impl Store {
    /// The texts of `record`, `None` for a record it does not hold.
    pub fn texts_of(&self, record: RecordRef) -> Option<RecordTexts<'_>> {
        let (lines, running, sources) = match record {
            RecordRef::Event(i) => {
                let r = self.events.get(i as usize)?;
                (
                    [r.title, r.place],
                    [r.summary, r.note, Text::NONE],
                    r.sources,
                )
            }
            RecordRef::Programme(i) => {
                let r = self.programmes.get(i as usize)?;
                (
                    [r.title, Text::NONE],
                    [r.summary, r.note, Text::NONE],
                    r.sources,
                )
            }
            RecordRef::Project(i) => {
                let r = self.projects.get(i as usize)?;
                (
                    [r.title, r.category],
                    [r.summary, r.note, Text::NONE],
                    r.sources,
                )
            }
            RecordRef::Initiative(i) => {
                let r = self.initiatives.get(i as usize)?;
                (
                    [r.title, Text::NONE],
                    [r.summary, r.note, r.outcome],
                    r.sources,
                )
            }
            RecordRef::Participant(i) => {
                let r = self.participants.get(i as usize)?;
                (
                    [r.name, r.office],
                    [r.summary, r.note, Text::NONE],
                    r.sources,
                )
            }
        };
        let start = sources.start as usize;
        let citations = self
            .citations
            .get(start..start + sources.count as usize)
            .unwrap_or(&[]);
        Some(RecordTexts {
            lines,
            running,
            citations,
        })
    }
}

fn position(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

// The shapes read from JSON, borrowing from the text where it has no escapes. They mirror
// `model.rs` field for field (a test round-trips every field through both).

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CitationIn<'a> {
    paragraph: u32,
    #[serde(borrow)]
    quote: Cow<'a, str>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EventIn<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow)]
    title: Cow<'a, str>,
    kind: EventKind,
    #[serde(default)]
    date: Option<EventDate>,
    #[serde(default, borrow)]
    place: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    country: Option<Cow<'a, str>>,
    #[serde(borrow)]
    summary: Cow<'a, str>,
    #[serde(default, borrow)]
    participants: Vec<Cow<'a, str>>,
    #[serde(borrow)]
    sources: Vec<CitationIn<'a>>,
    #[serde(default, borrow)]
    note: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ProgrammeIn<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow)]
    title: Cow<'a, str>,
    period: Period,
    #[serde(default, borrow)]
    funder: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    recipient: Option<Cow<'a, str>>,
    #[serde(borrow)]
    summary: Cow<'a, str>,
    #[serde(borrow)]
    sources: Vec<CitationIn<'a>>,
    #[serde(default, borrow)]
    note: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ProjectIn<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow)]
    title: Cow<'a, str>,
    #[serde(borrow)]
    programme: Cow<'a, str>,
    amount_usd: u64,
    #[serde(default, borrow)]
    category: Option<Cow<'a, str>>,
    #[serde(borrow)]
    summary: Cow<'a, str>,
    #[serde(borrow)]
    sources: Vec<CitationIn<'a>>,
    #[serde(default, borrow)]
    note: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct InitiativeIn<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow)]
    title: Cow<'a, str>,
    kind: InitiativeKind,
    #[serde(default, borrow)]
    proposed_by: Vec<Cow<'a, str>>,
    #[serde(default, borrow)]
    partners: Vec<Cow<'a, str>>,
    #[serde(default, borrow)]
    events: Vec<Cow<'a, str>>,
    #[serde(borrow)]
    outcome: Cow<'a, str>,
    #[serde(borrow)]
    summary: Cow<'a, str>,
    #[serde(borrow)]
    sources: Vec<CitationIn<'a>>,
    #[serde(default, borrow)]
    note: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ParticipantIn<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow)]
    name: Cow<'a, str>,
    kind: ParticipantKind,
    #[serde(default, borrow)]
    office: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    part_of: Option<Cow<'a, str>>,
    #[serde(borrow)]
    summary: Cow<'a, str>,
    #[serde(borrow)]
    sources: Vec<CitationIn<'a>>,
    #[serde(default, borrow)]
    note: Option<Cow<'a, str>>,
}

impl Store {
    fn sources<'a>(&mut self, sources: impl Iterator<Item = (u32, &'a str)>) -> Sources {
        let start = position(self.citations.len());
        for (paragraph, quote) in sources {
            let quote = self.text.push(quote);
            self.citations.push(CitationRow { paragraph, quote });
        }
        Sources {
            start,
            count: position(self.citations.len()).saturating_sub(start),
        }
    }

    fn refer<'a>(&mut self, from: RecordRef, role: Role, ids: impl Iterator<Item = &'a str>) {
        for (index, id) in ids.enumerate() {
            let id = self.pending_text.push(id);
            self.pending.push(PendingReference {
                from,
                role,
                position: position(index),
                id,
            });
        }
    }

    pub(crate) fn push_event(&mut self, event: EventIn<'_>) {
        let this = RecordRef::Event(position(self.events.len()));
        self.refer(
            this,
            Role::Participant,
            event.participants.iter().map(|id| id.as_ref()),
        );
        self.refer(this, Role::Country, event.country.as_deref().into_iter());
        let sources = self.sources(
            event
                .sources
                .iter()
                .map(|c| (c.paragraph, c.quote.as_ref())),
        );
        let row = EventRow {
            id: self.text.push(&event.id),
            title: self.text.push(&event.title),
            summary: self.text.push(&event.summary),
            place: self.text.push_optional(event.place.as_deref()),
            note: self.text.push_optional(event.note.as_deref()),
            sources,
            date: event.date,
            kind: event.kind,
        };
        self.events.push(row);
    }

    pub(crate) fn push_programme(&mut self, programme: ProgrammeIn<'_>) {
        let this = RecordRef::Programme(position(self.programmes.len()));
        self.refer(this, Role::Funder, programme.funder.as_deref().into_iter());
        self.refer(
            this,
            Role::Recipient,
            programme.recipient.as_deref().into_iter(),
        );
        let sources = self.sources(
            programme
                .sources
                .iter()
                .map(|c| (c.paragraph, c.quote.as_ref())),
        );
        let row = ProgrammeRow {
            id: self.text.push(&programme.id),
            title: self.text.push(&programme.title),
            summary: self.text.push(&programme.summary),
            note: self.text.push_optional(programme.note.as_deref()),
            sources,
            period: programme.period,
        };
        self.programmes.push(row);
    }

    pub(crate) fn push_project(&mut self, project: ProjectIn<'_>) {
        let this = RecordRef::Project(position(self.projects.len()));
        self.refer(
            this,
            Role::Programme,
            std::iter::once(project.programme.as_ref()),
        );
        let sources = self.sources(
            project
                .sources
                .iter()
                .map(|c| (c.paragraph, c.quote.as_ref())),
        );
        let row = ProjectRow {
            id: self.text.push(&project.id),
            title: self.text.push(&project.title),
            summary: self.text.push(&project.summary),
            note: self.text.push_optional(project.note.as_deref()),
            category: self.text.push_optional(project.category.as_deref()),
            sources,
            amount_usd: project.amount_usd,
            programme: u32::MAX,
        };
        self.projects.push(row);
    }

    pub(crate) fn push_initiative(&mut self, initiative: InitiativeIn<'_>) {
        let this = RecordRef::Initiative(position(self.initiatives.len()));
        self.refer(
            this,
            Role::ProposedBy,
            initiative.proposed_by.iter().map(|id| id.as_ref()),
        );
        self.refer(
            this,
            Role::Partner,
            initiative.partners.iter().map(|id| id.as_ref()),
        );
        self.refer(
            this,
            Role::SupportedAt,
            initiative.events.iter().map(|id| id.as_ref()),
        );
        let sources = self.sources(
            initiative
                .sources
                .iter()
                .map(|c| (c.paragraph, c.quote.as_ref())),
        );
        let row = InitiativeRow {
            id: self.text.push(&initiative.id),
            title: self.text.push(&initiative.title),
            summary: self.text.push(&initiative.summary),
            outcome: self.text.push(&initiative.outcome),
            note: self.text.push_optional(initiative.note.as_deref()),
            sources,
            kind: initiative.kind,
        };
        self.initiatives.push(row);
    }

    pub(crate) fn push_participant(&mut self, participant: ParticipantIn<'_>) {
        let this = RecordRef::Participant(position(self.participants.len()));
        self.refer(
            this,
            Role::PartOf,
            participant.part_of.as_deref().into_iter(),
        );
        let sources = self.sources(
            participant
                .sources
                .iter()
                .map(|c| (c.paragraph, c.quote.as_ref())),
        );
        let row = ParticipantRow {
            id: self.text.push(&participant.id),
            name: self.text.push(&participant.name),
            summary: self.text.push(&participant.summary),
            office: self.text.push_optional(participant.office.as_deref()),
            note: self.text.push_optional(participant.note.as_deref()),
            sources,
            kind: participant.kind,
        };
        self.participants.push(row);
    }

    /// Appends the records of `later`, read from a later part of the same file, moving its
    /// spans, citations and record positions past this store's.
    pub(crate) fn append(&mut self, later: Store) {
        let text = self.text.append(&later.text);
        let pending_text = self.pending_text.append(&later.pending_text);
        let citations = position(self.citations.len());
        let sources = |s: Sources| Sources {
            start: s.start.saturating_add(citations),
            count: s.count,
        };
        let bases = [
            position(self.events.len()),
            position(self.programmes.len()),
            position(self.projects.len()),
            position(self.initiatives.len()),
            position(self.participants.len()),
        ];
        self.citations
            .extend(later.citations.into_iter().map(|c| CitationRow {
                paragraph: c.paragraph,
                quote: c.quote.moved(text),
            }));
        self.events
            .extend(later.events.into_iter().map(|r| EventRow {
                id: r.id.moved(text),
                title: r.title.moved(text),
                summary: r.summary.moved(text),
                place: r.place.moved(text),
                note: r.note.moved(text),
                sources: sources(r.sources),
                ..r
            }));
        self.programmes
            .extend(later.programmes.into_iter().map(|r| ProgrammeRow {
                id: r.id.moved(text),
                title: r.title.moved(text),
                summary: r.summary.moved(text),
                note: r.note.moved(text),
                sources: sources(r.sources),
                ..r
            }));
        self.projects
            .extend(later.projects.into_iter().map(|r| ProjectRow {
                id: r.id.moved(text),
                title: r.title.moved(text),
                summary: r.summary.moved(text),
                note: r.note.moved(text),
                category: r.category.moved(text),
                sources: sources(r.sources),
                ..r
            }));
        self.initiatives
            .extend(later.initiatives.into_iter().map(|r| InitiativeRow {
                id: r.id.moved(text),
                title: r.title.moved(text),
                summary: r.summary.moved(text),
                outcome: r.outcome.moved(text),
                note: r.note.moved(text),
                sources: sources(r.sources),
                ..r
            }));
        self.participants
            .extend(later.participants.into_iter().map(|r| ParticipantRow {
                id: r.id.moved(text),
                name: r.name.moved(text),
                summary: r.summary.moved(text),
                office: r.office.moved(text),
                note: r.note.moved(text),
                sources: sources(r.sources),
                ..r
            }));
        let rebase = |record: RecordRef| match record {
            RecordRef::Event(i) => RecordRef::Event(i.saturating_add(bases[0])),
            RecordRef::Programme(i) => RecordRef::Programme(i.saturating_add(bases[1])),
            RecordRef::Project(i) => RecordRef::Project(i.saturating_add(bases[2])),
            RecordRef::Initiative(i) => RecordRef::Initiative(i.saturating_add(bases[3])),
            RecordRef::Participant(i) => RecordRef::Participant(i.saturating_add(bases[4])),
        };
        self.pending
            .extend(later.pending.into_iter().map(|p| PendingReference {
                from: rebase(p.from),
                id: p.id.moved(pending_text),
                ..p
            }));
    }

    /// The store of an owned dataset (for data built in memory).
    pub fn from_dataset(dataset: &model::Dataset) -> Self {
        fn cite(sources: &[model::Citation]) -> Vec<CitationIn<'_>> {
            sources
                .iter()
                .map(|c| CitationIn {
                    paragraph: c.paragraph,
                    quote: Cow::Borrowed(&c.quote),
                })
                .collect()
        }
        fn ids(list: &[String]) -> Vec<Cow<'_, str>> {
            list.iter().map(|id| Cow::Borrowed(id.as_str())).collect()
        }
        fn borrow(text: &Option<String>) -> Option<Cow<'_, str>> {
            text.as_deref().map(Cow::Borrowed)
        }
        let mut store = Self {
            schema: dataset.schema.clone(),
            title: dataset.title.clone(),
            description: dataset.description.clone(),
            source: dataset.source.clone(),
            ..Self::default()
        };
        for e in &dataset.events {
            store.push_event(EventIn {
                id: Cow::Borrowed(&e.id),
                title: Cow::Borrowed(&e.title),
                kind: e.kind,
                date: e.date,
                place: borrow(&e.place),
                country: borrow(&e.country),
                summary: Cow::Borrowed(&e.summary),
                participants: ids(&e.participants),
                sources: cite(&e.sources),
                note: borrow(&e.note),
            });
        }
        for p in &dataset.programmes {
            store.push_programme(ProgrammeIn {
                id: Cow::Borrowed(&p.id),
                title: Cow::Borrowed(&p.title),
                period: p.period,
                funder: borrow(&p.funder),
                recipient: borrow(&p.recipient),
                summary: Cow::Borrowed(&p.summary),
                sources: cite(&p.sources),
                note: borrow(&p.note),
            });
        }
        for p in &dataset.projects {
            store.push_project(ProjectIn {
                id: Cow::Borrowed(&p.id),
                title: Cow::Borrowed(&p.title),
                programme: Cow::Borrowed(&p.programme),
                amount_usd: p.amount_usd,
                category: borrow(&p.category),
                summary: Cow::Borrowed(&p.summary),
                sources: cite(&p.sources),
                note: borrow(&p.note),
            });
        }
        for i in &dataset.initiatives {
            store.push_initiative(InitiativeIn {
                id: Cow::Borrowed(&i.id),
                title: Cow::Borrowed(&i.title),
                kind: i.kind,
                proposed_by: ids(&i.proposed_by),
                partners: ids(&i.partners),
                events: ids(&i.events),
                outcome: Cow::Borrowed(&i.outcome),
                summary: Cow::Borrowed(&i.summary),
                sources: cite(&i.sources),
                note: borrow(&i.note),
            });
        }
        for p in &dataset.participants {
            store.push_participant(ParticipantIn {
                id: Cow::Borrowed(&p.id),
                name: Cow::Borrowed(&p.name),
                kind: p.kind,
                office: borrow(&p.office),
                part_of: borrow(&p.part_of),
                summary: Cow::Borrowed(&p.summary),
                sources: cite(&p.sources),
                note: borrow(&p.note),
            });
        }
        store
    }
}
