//! Compact storage for a loaded dataset: all text in one arena addressed by `u32` spans, one
//! small fixed-size row per record, and references kept as ids only until they are resolved.
//! A million records cost their text plus about a hundred bytes each.

use super::{
    model,
    pages::GiveBack,
    record::{RecordRef, Role},
    records::{EventRow, InitiativeRow, ParticipantRow, ProgrammeRow, ProjectRow, Row},
    spellings::Spelling,
    tie::{DetailIndex, NO_DETAIL, Tie, TieRef, TieRow},
    tie_kind::TieKind,
};

/// How much of an arena is copied before its memory is given back, when two are joined.
const APPEND_PIECE: usize = 16 << 20;

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
    pub(crate) fn moved(self, offset: u32) -> Self {
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

    /// Appends another arena's text, giving back the other's memory as it is copied so the
    /// text is never in memory twice; returns how far its spans move.
    fn append(&mut self, other: Arena) -> u32 {
        let offset = u32::try_from(self.bytes.len()).unwrap_or(u32::MAX);
        if u32::try_from(self.bytes.len() + other.bytes.len()).is_err() {
            self.overflowed = true;
        }
        self.bytes.reserve(other.bytes.len());
        // SAFETY: each piece of `other` is read once, copied, and not read again; `other` is
        // dropped as bytes below.
        let mut give_back = unsafe { GiveBack::new(&other.bytes, 0) };
        let mut copied = 0;
        while copied < other.bytes.len() {
            let mut end = (copied + APPEND_PIECE).min(other.bytes.len());
            while !other.bytes.is_char_boundary(end) {
                end += 1;
            }
            self.bytes.push_str(&other.bytes[copied..end]);
            give_back.up_to(end);
            copied = end;
        }
        self.overflowed |= other.overflowed;
        drop(other.bytes.into_bytes());
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

impl Sources {
    /// The same run in a list this one's was appended to at `offset`.
    pub(crate) fn moved(self, offset: u32) -> Self {
        Self {
            start: self.start.saturating_add(offset),
            count: self.count,
        }
    }
}

/// A citation: a paragraph number and a quote.
#[derive(Clone, Copy, Debug)]
pub struct CitationRow {
    /// The paragraph, counting from 1.
    pub paragraph: u32,
    /// The verbatim quote.
    pub quote: Text,
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
    /// The tie's kind, quotes and reading in [`Store::ties`], or [`NO_DETAIL`].
    pub detail: DetailIndex,
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
    pub spellings: Vec<Spelling>,
    pub citations: Vec<CitationRow>,
    /// The details of the ties a file gives as objects (kind, quotes, reading).
    pub ties: Vec<TieRow>,
    /// How many ties a file gives as bare ids, in fields where a tie has a kind.
    pub bare_ties: usize,
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
        let i = record.index() as usize;
        let texts = match record {
            RecordRef::Event(_) => self.events.get(i)?.texts(),
            RecordRef::Programme(_) => self.programmes.get(i)?.texts(),
            RecordRef::Project(_) => self.projects.get(i)?.texts(),
            RecordRef::Initiative(_) => self.initiatives.get(i)?.texts(),
            RecordRef::Participant(_) => self.participants.get(i)?.texts(),
        };
        let start = texts.sources.start as usize;
        let citations = self
            .citations
            .get(start..start + texts.sources.count as usize)
            .unwrap_or(&[]);
        Some(RecordTexts {
            lines: texts.lines,
            running: texts.running,
            citations,
        })
    }
}

/// `rows` of a later part of a file, moved past the texts and citations before them.
fn moved_rows<R: Row>(rows: Vec<R>, text: u32, citations: u32) -> impl Iterator<Item = R> {
    rows.into_iter().map(move |row| row.moved(text, citations))
}

pub(crate) fn position(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

/// An optional text of a model type, as a `&str`.
pub(crate) fn optional<S: AsRef<str>>(text: &Option<S>) -> Option<&str> {
    text.as_ref().map(AsRef::as_ref)
}

impl Store {
    /// Stores a record's citations and returns their run.
    pub(crate) fn sources<S: AsRef<str>>(&mut self, sources: &[model::Citation<S>]) -> Sources {
        let start = position(self.citations.len());
        for citation in sources {
            let paragraph = citation.paragraph;
            let quote = self.text.push(citation.quote.as_ref());
            self.citations.push(CitationRow { paragraph, quote });
        }
        Sources {
            start,
            count: position(self.citations.len()).saturating_sub(start),
        }
    }

    /// Notes a record's references by id, to be resolved once every record is in.
    pub(crate) fn refer<'a, S: AsRef<str> + 'a>(
        &mut self,
        from: RecordRef,
        role: Role,
        entries: impl IntoIterator<Item = &'a TieRef<S>, IntoIter: Clone>,
    ) {
        let entries = entries.into_iter();
        // In a list that mixes bare ids and objects, a bare id gets an empty row too: details
        // are kept in file order, and an export gives the list back in that order.
        let mixed = entries.clone().any(|entry| entry.tie().is_some());
        for (index, entry) in entries.enumerate() {
            let id = self.pending_text.push(entry.id().as_ref());
            let detail = match entry.tie() {
                Some(tie) => self.tie(tie),
                None => {
                    if !TieKind::allowed(role).is_empty() {
                        self.bare_ties += 1;
                    }
                    if mixed {
                        self.ties.push(TieRow::bare());
                        position(self.ties.len() - 1)
                    } else {
                        NO_DETAIL
                    }
                }
            };
            self.pending.push(PendingReference {
                from,
                role,
                position: position(index),
                id,
                detail,
            });
        }
    }

    /// Stores a tie's details and returns where they are.
    fn tie<S: AsRef<str>>(&mut self, tie: &Tie<S>) -> DetailIndex {
        let sources = self.sources(&tie.sources);
        let row = TieRow {
            kind: tie.kind.unwrap_or(TieKind::Mentioned),
            has_kind: tie.kind.is_some(),
            bare: false,
            document: self.text.push_optional(optional(&tie.document)),
            sources,
            reading: self.text.push_optional(optional(&tie.reading)),
        };
        self.ties.push(row);
        position(self.ties.len() - 1)
    }

    /// Appends the records of `later`, read from a later part of the same file, moving its
    /// spans, citations and record positions past this store's.
    pub(crate) fn append(&mut self, later: Store) {
        let text = self.text.append(later.text);
        let pending_text = self.pending_text.append(later.pending_text);
        let citations = position(self.citations.len());
        let ties = position(self.ties.len());
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
        self.ties
            .extend(later.ties.into_iter().map(|tie| tie.moved(text, citations)));
        self.bare_ties += later.bare_ties;
        self.events
            .extend(moved_rows(later.events, text, citations));
        self.programmes
            .extend(moved_rows(later.programmes, text, citations));
        self.projects
            .extend(moved_rows(later.projects, text, citations));
        self.initiatives
            .extend(moved_rows(later.initiatives, text, citations));
        self.participants
            .extend(moved_rows(later.participants, text, citations));
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
                detail: if p.detail == NO_DETAIL {
                    NO_DETAIL
                } else {
                    p.detail.saturating_add(ties)
                },
                ..p
            }));
    }

    /// The store of an owned dataset (for data built in memory).
    pub fn from_dataset(dataset: &model::Dataset) -> Self {
        let mut store = Self {
            schema: dataset.schema.clone(),
            title: dataset.title.clone(),
            description: dataset.description.clone(),
            source: dataset.source.clone(),
            spellings: dataset.spellings.clone(),
            ..Self::default()
        };
        dataset.events.iter().for_each(|e| store.push_event(e));
        dataset
            .programmes
            .iter()
            .for_each(|p| store.push_programme(p));
        dataset.projects.iter().for_each(|p| store.push_project(p));
        dataset
            .initiatives
            .iter()
            .for_each(|i| store.push_initiative(i));
        dataset
            .participants
            .iter()
            .for_each(|p| store.push_participant(p));
        store
    }
}
