//! What a file gave, read and not yet checked, as the checks see it: the store, the rows, the
//! source and the id index, with the two questions every check asks (which record has this id,
//! which paragraphs a record cites).

use super::{
    id_index::{IdIndex, id_hash},
    record::RecordRef,
    records::Records,
    source::SourceText,
    store::Store,
};

/// What a file gave, read and not yet checked: its text and ties, and its rows.
pub struct Parts<'a> {
    /// The text, tie details and references.
    pub store: &'a Store,
    /// The rows.
    pub records: &'a Records,
    /// The source every quote must be verbatim in, when given.
    pub source: Option<&'a SourceText>,
    /// The ids, once indexed.
    pub ids: &'a IdIndex,
}

impl Parts<'_> {
    /// The record with this id.
    pub fn find(&self, id: &str) -> Option<RecordRef> {
        let slot = self.ids.candidates(id_hash(id)).next()?;
        self.records.counts().record_at(slot as usize)
    }

    /// The paragraphs `record` cites.
    pub fn cited(&self, record: RecordRef) -> Vec<u32> {
        self.records.common(record).map_or_else(Vec::new, |common| {
            self.store
                .texts
                .rows(common.sources)
                .iter()
                .map(|citation| citation.paragraph)
                .collect()
        })
    }
}
