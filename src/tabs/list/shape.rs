//! How the reader shapes a tab's list: which kind of record it shows (`f`/`F`), which records
//! a text filter kept (`&`), and the order (`o`/`O`), with the intent methods that change
//! them and the words a title uses to say what they are. Choices only; [`super::TabRows`]
//! builds the rows from them.

use std::{collections::BTreeSet, fmt, sync::Arc};

use crate::data::{Catalog, EventKind, InitiativeKind, ParticipantKind, RecordRef, Tab};

/// An order a tab's list can be sorted in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// As the dataset (or the source, for funding) lists them.
    #[default]
    Listed,
    /// By date, undated last (events by their date, initiatives by their first event).
    Date,
    /// By kind, in the order kinds are listed, then by date or as listed.
    Kind,
    /// By the place an event was held, events without one last.
    Place,
    /// By title or name, A to Z.
    Title,
    /// By the number of ties to other records, most first.
    Ties,
    /// By the number of events a participant took part in, most first.
    Events,
    /// By amount, largest first (funding projects).
    Amount,
}

impl SortKey {
    /// The orders `o` steps through on `tab`, the first the tab's own.
    pub fn for_tab(tab: Tab) -> &'static [Self] {
        match tab {
            Tab::Timeline => &[Self::Date, Self::Kind, Self::Place],
            Tab::Funding => &[Self::Listed, Self::Amount, Self::Title],
            Tab::Initiatives => &[
                Self::Listed,
                Self::Kind,
                Self::Title,
                Self::Date,
                Self::Ties,
            ],
            Tab::Participants => &[Self::Listed, Self::Kind, Self::Title, Self::Events],
            Tab::Source => &[],
            Tab::Map => &[Self::Title, Self::Events, Self::Date],
        }
    }

    /// How the order is named on `tab`'s title, `reversed` or not.
    pub fn label(self, tab: Tab, reversed: bool) -> &'static str {
        match (self, reversed) {
            (Self::Listed, false) if tab == Tab::Funding => "as the source lists",
            (Self::Listed, true) if tab == Tab::Funding => "source order reversed",
            (Self::Listed, false) => "as listed",
            (Self::Listed, true) => "as listed, reversed",
            (Self::Date, false) if tab == Tab::Map => "by first year",
            (Self::Date, true) if tab == Tab::Map => "by first year, latest first",
            (Self::Title, false) if tab == Tab::Map => "by name",
            (Self::Title, true) if tab == Tab::Map => "by name, Z–A",
            (Self::Date, false) if tab == Tab::Timeline => "by date",
            (Self::Date, true) if tab == Tab::Timeline => "latest first",
            (Self::Date, false) => "by first event",
            (Self::Date, true) => "by first event, latest first",
            (Self::Kind, false) => "by kind",
            (Self::Kind, true) => "by kind, reversed",
            (Self::Place, false) => "by place",
            (Self::Place, true) => "by place, Z–A",
            (Self::Title, false) if tab == Tab::Participants => "by name",
            (Self::Title, true) if tab == Tab::Participants => "by name, Z–A",
            (Self::Title, false) => "by title",
            (Self::Title, true) => "by title, Z–A",
            (Self::Ties, false) => "most ties first",
            (Self::Ties, true) => "fewest ties first",
            (Self::Events, false) => "most events first",
            (Self::Events, true) => "fewest events first",
            (Self::Amount, false) => "largest first",
            (Self::Amount, true) => "smallest first",
        }
    }
}

/// The kind of record a tab shows, of the tab's own kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecordKind {
    /// An event's kind.
    Event(EventKind),
    /// An initiative's kind.
    Initiative(InitiativeKind),
    /// A participant's kind.
    Participant(ParticipantKind),
}

impl RecordKind {
    /// The kind of `record`, when its collection has kinds.
    pub fn of(catalog: &Catalog, record: RecordRef) -> Option<Self> {
        match record {
            RecordRef::Event(i) => catalog.event(i).map(|r| Self::Event(r.kind())),
            RecordRef::Initiative(i) => catalog.initiative(i).map(|r| Self::Initiative(r.kind())),
            RecordRef::Participant(i) => {
                catalog.participant(i).map(|r| Self::Participant(r.kind()))
            }
            RecordRef::Programme(_) | RecordRef::Project(_) => None,
        }
    }

    /// The kind in the plural, as a title names what is shown (`summits`, `people`).
    pub fn plural(self) -> &'static str {
        match self {
            Self::Event(kind) => kind.plural(),
            Self::Initiative(kind) => kind.plural(),
            Self::Participant(kind) => kind.plural(),
        }
    }
}

/// The records a text filter kept: what was typed, and the records of one tab it found, as
/// one bit per record of each collection, so a row is tested in constant time and a filter
/// of a million records is taken in without a sort.
#[derive(Clone)]
pub struct FilterMatches {
    text: String,
    kept: Arc<KeptRecords>,
}

/// One bit per record of each collection, set for the records kept, and how many are.
#[derive(Debug, Default)]
struct KeptRecords {
    bits: [Vec<u64>; 5],
    count: usize,
}

/// Which collection `record` is of, as an index into [`KeptRecords::bits`].
fn collection_slot(record: RecordRef) -> usize {
    match record {
        RecordRef::Event(_) => 0,
        RecordRef::Programme(_) => 1,
        RecordRef::Project(_) => 2,
        RecordRef::Initiative(_) => 3,
        RecordRef::Participant(_) => 4,
    }
}

impl FilterMatches {
    /// The records `records` found by `text`, in any order, repeats counted once.
    pub fn new(text: &str, records: Vec<RecordRef>) -> Self {
        let mut kept = KeptRecords::default();
        for record in records {
            let bits = &mut kept.bits[collection_slot(record)];
            let index = record.index() as usize;
            if bits.len() <= index / 64 {
                bits.resize(index / 64 + 1, 0);
            }
            let mask = 1u64 << (index % 64);
            if bits[index / 64] & mask == 0 {
                bits[index / 64] |= mask;
                kept.count += 1;
            }
        }
        Self {
            text: text.to_string(),
            kept: Arc::new(kept),
        }
    }

    /// The filter as typed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// How many records it kept.
    pub fn len(&self) -> usize {
        self.kept.count
    }

    /// Whether it kept none.
    pub fn is_empty(&self) -> bool {
        self.kept.count == 0
    }

    /// Whether it kept `record`.
    pub fn contains(&self, record: RecordRef) -> bool {
        let index = record.index() as usize;
        self.kept.bits[collection_slot(record)]
            .get(index / 64)
            .is_some_and(|word| word & (1u64 << (index % 64)) != 0)
    }
}

impl PartialEq for FilterMatches {
    /// Two filters are the same when they are one filter: comparing a million records each
    /// time history compares two places would cost more than it tells.
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text && Arc::ptr_eq(&self.kept, &other.kept)
    }
}

impl Eq for FilterMatches {}

impl fmt::Debug for FilterMatches {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FilterMatches")
            .field("text", &self.text)
            .field("records", &self.kept.count)
            .finish()
    }
}

/// What shapes one tab's list: a kind, a text filter, an order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListShape {
    /// Only records of this kind; all when `None`.
    pub kind: Option<RecordKind>,
    /// Only the records a text filter kept; all when `None`.
    pub matches: Option<FilterMatches>,
    /// The order.
    pub sort: SortKey,
    /// Whether the order is reversed.
    pub reversed: bool,
}

impl ListShape {
    /// The shape a tab opens with: all records, the tab's own order.
    pub fn of_tab(tab: Tab) -> Self {
        Self {
            sort: SortKey::for_tab(tab).first().copied().unwrap_or_default(),
            ..Self::default()
        }
    }

    /// Whether anything hides records.
    pub fn is_filtered(&self) -> bool {
        self.kind.is_some() || self.matches.is_some()
    }

    /// Whether `record`, of kind `kind`, is listed.
    pub fn keeps(&self, record: RecordRef, kind: Option<RecordKind>) -> bool {
        self.kind.is_none_or(|wanted| kind == Some(wanted))
            && self
                .matches
                .as_ref()
                .is_none_or(|matches| matches.contains(record))
    }
}

/// One tab's kind, filter and order, and the kinds its records have.
#[derive(Clone, Debug, Default)]
pub struct ListControls {
    tab: Tab,
    shape: ListShape,
    /// The kinds the tab's records have, in the order `f` steps through them.
    kinds: Vec<RecordKind>,
}

impl ListControls {
    /// The controls of `tab`, showing everything in the tab's own order.
    pub fn new(catalog: &Catalog, tab: Tab) -> Self {
        Self {
            tab,
            shape: ListShape::of_tab(tab),
            kinds: kinds_of(catalog, tab),
        }
    }

    /// The controls of a tab that offers no choices (the Source tab's paragraphs).
    pub fn fixed(tab: Tab) -> Self {
        Self {
            tab,
            shape: ListShape::of_tab(tab),
            kinds: Vec::new(),
        }
    }

    /// What shapes the list now.
    pub fn shape(&self) -> &ListShape {
        &self.shape
    }

    /// The kinds `f` steps through; empty when the tab's records have none.
    pub fn kinds(&self) -> &[RecordKind] {
        &self.kinds
    }

    /// The orders `o` steps through; empty when the tab cannot be sorted.
    pub fn sorts(&self) -> &'static [SortKey] {
        SortKey::for_tab(self.tab)
    }

    /// Shows the next kind (`forward`) or the one before; past either end, all kinds.
    pub fn step_kind(&mut self, forward: bool) {
        let at = self
            .shape
            .kind
            .and_then(|kind| self.kinds.iter().position(|&k| k == kind));
        let next = match (at, forward) {
            (None, true) => self.kinds.first(),
            (None, false) => self.kinds.last(),
            (Some(at), true) => self.kinds.get(at + 1),
            (Some(at), false) => at.checked_sub(1).and_then(|at| self.kinds.get(at)),
        };
        self.shape.kind = next.copied();
    }

    /// Shows only records of `kind` (all for `None`).
    pub fn set_kind(&mut self, kind: Option<RecordKind>) {
        self.shape.kind = kind;
    }

    /// Orders the list the next way the tab offers, in the same direction.
    pub fn cycle_sort(&mut self) {
        let sorts = self.sorts();
        let at = sorts.iter().position(|&key| key == self.shape.sort);
        let next = at.map_or(0, |at| (at + 1) % sorts.len().max(1));
        if let Some(&key) = sorts.get(next) {
            self.shape.sort = key;
        }
    }

    /// Orders the list by `key` (one the tab offers), the other way round when `reversed`.
    pub fn set_sort(&mut self, key: SortKey, reversed: bool) {
        if self.sorts().contains(&key) {
            self.shape.sort = key;
            self.shape.reversed = reversed;
        }
    }

    /// Turns the order round.
    pub fn reverse(&mut self) {
        self.shape.reversed = !self.shape.reversed;
    }

    /// Keeps only what a text filter found (everything for `None`).
    pub fn set_matches(&mut self, matches: Option<FilterMatches>) {
        self.shape.matches = matches;
    }

    /// Shows every record again, in the same order; whether anything was hidden.
    pub fn clear_filters(&mut self) -> bool {
        let was = self.shape.is_filtered();
        self.shape.kind = None;
        self.shape.matches = None;
        was
    }

    /// Puts back a kind and a text filter saved before (see [`Self::filters`]).
    pub fn restore_filters(&mut self, filters: SavedFilters) {
        self.shape.kind = filters.kind;
        self.shape.matches = filters.matches;
    }

    /// The kind and text filter, to put back later.
    pub fn filters(&self) -> SavedFilters {
        SavedFilters {
            tab: self.tab,
            kind: self.shape.kind,
            matches: self.shape.matches.clone(),
        }
    }

    /// Whether `record` would be listed (it is of this tab and no filter hides it).
    pub fn shows(&self, catalog: &Catalog, record: RecordRef) -> bool {
        self.shape.keeps(record, RecordKind::of(catalog, record))
    }

    /// What the title says of the list: how many of how many, the kind, the filter, the
    /// order (`all 23 events · by date`, `summits: 3 of 23 · "baku" · latest first`).
    pub fn describe(&self, shown: usize, total: usize, noun: &str) -> String {
        let mut parts = Vec::new();
        let count = if self.shape.is_filtered() {
            format!("{shown} of {total}")
        } else if total == 1 {
            format!("1 {}", noun.strip_suffix('s').unwrap_or(noun))
        } else {
            format!("all {total} {noun}")
        };
        match self.shape.kind {
            Some(kind) => parts.push(format!("{}: {count}", kind.plural())),
            None => parts.push(count),
        }
        if let Some(matches) = &self.shape.matches {
            parts.push(format!("“{}”", matches.text()));
        }
        if !self.sorts().is_empty() {
            parts.push(
                self.shape
                    .sort
                    .label(self.tab, self.shape.reversed)
                    .to_string(),
            );
        }
        parts.join(" · ")
    }
}

/// A tab's kind and text filter, kept to be put back (history does, after a jump cleared them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedFilters {
    /// The tab they belong to.
    pub tab: Tab,
    /// The kind shown.
    pub kind: Option<RecordKind>,
    /// The text filter.
    pub matches: Option<FilterMatches>,
}

/// The kinds `tab`'s records have, in the order their kinds are declared.
fn kinds_of(catalog: &Catalog, tab: Tab) -> Vec<RecordKind> {
    let kinds: BTreeSet<RecordKind> = catalog
        .records_of(tab)
        .filter_map(|record| RecordKind::of(catalog, record))
        .collect();
    kinds.into_iter().collect()
}
