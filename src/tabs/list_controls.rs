//! The reader's hold on one tab's list: the kind shown (`f`/`F`), the text filter (`&`) and
//! the order (`o`/`O`), with the intent methods that change them and the words a title uses
//! to say what they are. It holds choices only; the rows are built from them by the view.

use crate::data::{Catalog, FilterMatches, ListShape, RecordKind, RecordRef, SortKey, Tab};

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
    let counts = catalog.counts();
    let (count, make): (usize, fn(u32) -> RecordRef) = match tab {
        Tab::Timeline => {
            return catalog
                .event_kinds()
                .into_iter()
                .map(RecordKind::Event)
                .collect();
        }
        Tab::Initiatives => (counts.initiatives, RecordRef::Initiative),
        Tab::Participants => (counts.participants, RecordRef::Participant),
        Tab::Funding | Tab::Source => return Vec::new(),
    };
    let mut kinds: Vec<RecordKind> = (0..u32::try_from(count).unwrap_or(u32::MAX))
        .filter_map(|i| RecordKind::of(catalog, make(i)))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    kinds.sort();
    kinds
}
