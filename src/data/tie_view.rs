//! How the rest of the program reads a tie: its kind, document, quotes and readings, the
//! heading it is shown under on either record, and the ties derived through a representative.

use super::{
    catalog::Catalog,
    record::{RecordRef, Relation, Role},
    tie::{DetailIndex, Tie, TieRow},
    tie_kind::TieKind,
    views::Citations,
};

/// A tie's details, as the rest of the program reads them.
#[derive(Clone, Copy, Debug)]
pub struct TieView<'a> {
    catalog: &'a Catalog,
    row: &'a TieRow,
}

impl<'a> TieView<'a> {
    /// What the tie is.
    pub fn kind(self) -> TieKind {
        self.row.kind
    }

    /// The document of an `included_in_document` tie.
    pub fn document(self) -> Option<&'a str> {
        self.catalog.optional_text(self.row.document)
    }

    /// The quotes that establish it.
    pub fn sources(self) -> Citations<'a> {
        Citations::new(self.catalog, self.row.sources)
    }

    /// The reading taken where the source is ambiguous.
    pub fn reading(self) -> Option<&'a str> {
        self.catalog.optional_text(self.row.reading)
    }

    /// The tie as a dataset file writes it, to the record with `id`.
    pub(crate) fn to_model(self, id: String) -> Tie {
        Tie {
            id,
            kind: self.row.has_kind.then_some(self.row.kind),
            document: self.document().map(str::to_string),
            sources: self.sources().to_model(),
            reading: self.reading().map(str::to_string),
        }
    }
}

impl Catalog {
    /// The details of a tie, when its file gives them.
    pub fn tie(&self, relation: &Relation) -> Option<TieView<'_>> {
        let row = self.store.ties.get(relation.detail as usize)?;
        if row.bare {
            return None;
        }
        Some(TieView { catalog: self, row })
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
        self.store
            .ties
            .get(detail as usize)
            .map_or(TieKind::Mentioned, |row| row.kind)
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
            .and_then(|&(group, _)| self.get(group))
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
    ) -> Vec<(RecordRef, Relation)> {
        self.relations(event)
            .iter()
            .filter(|tie| tie.role == Role::Participant)
            .filter(|tie| detail.is_none_or(|detail| tie.detail == detail))
            .filter_map(|tie| {
                let represents = self
                    .relations(tie.target)
                    .iter()
                    .find(|up| up.role == Role::Represents && up.target == state)?;
                Some((tie.target, represents))
            })
            .collect()
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
        let representations = match relation.role {
            Role::TookPartThrough => {
                self.representations(relation.target, record, Some(relation.detail))
            }
            Role::RepresentedThere => self.representations(record, relation.target, None),
            _ => Vec::new(),
        };
        for (_, represents) in representations {
            if let Some(reading) = self.tie(&represents).and_then(TieView::reading)
                && !readings.contains(&reading)
            {
                readings.push(reading);
            }
        }
        readings
    }
}
