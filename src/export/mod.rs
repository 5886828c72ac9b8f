//! The records outside the app: JSON, CSV, TSV, Markdown and plain text, for one tab or all, narrowed
//! by a query with the app's own matcher, or the rows a list of the explorer shows
//! ([`Selection::of_list`], written by an [`ExportJob`]). Writing to a file is atomic where a
//! rename keeps what the file has, else in place (see [`write_output`]).

mod columns;
mod complete_path;
mod csv_table;
mod format;
mod job;
mod json;
#[cfg(test)]
mod mark_tests;
mod markdown;
mod output_file;
mod plain;
mod tsv;
mod typed_path;

use std::{collections::HashSet, sync::Arc};

pub use complete_path::{Completion, complete_path};
pub use csv_table::{FormulaCells, write_csv};
pub use format::{ExportFormat, ExportOptions, export_bytes};
pub use job::{ExportJob, ExportOutcome};
pub use json::{subset, to_terminal_safe_json};
pub use markdown::write_markdown;
pub use output_file::{Written, write_output};
pub use plain::{PlainStyle, write_plain};
pub use tsv::{TsvText, columns as tsv_columns, write_tsv};
pub use typed_path::typed_path;

use crate::{
    data::{Catalog, RecordRef, Tab},
    search::{Query, SearchIndex},
    tabs::{RowOptions, TabRows},
};

/// The records to write, tab by tab, each tab in the order the app lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selection {
    /// Each tab with its records.
    pub tabs: Vec<(Tab, Vec<RecordRef>)>,
    /// When no record had every word of the query: the words asked, and the fewer words
    /// whose records these are.
    pub relaxed: Option<(String, String)>,
}

impl Selection {
    /// The records of `tab` (or of every tab), narrowed to those `query` finds, or to the one
    /// record `only`. A query with a wrong scope is an error that says what was expected.
    pub fn new(
        catalog: &Arc<Catalog>,
        tab: Option<Tab>,
        query: Option<&str>,
        only: Option<RecordRef>,
        options: &RowOptions,
    ) -> Result<Self, String> {
        if tab == Some(Tab::Source) {
            return Err(
                "--tab source: the Source tab lists the source's paragraphs, not records; \
                 name a tab of records (timeline, funding, initiatives, participants)"
                    .to_string(),
            );
        }
        if tab == Some(Tab::Map) {
            return Err(
                "--tab map: the Map tab lists places, not records; name a tab of records \
                 (timeline, funding, initiatives, participants)"
                    .to_string(),
            );
        }
        let mut relaxed = None;
        let found: Option<HashSet<RecordRef>> = match query {
            None => None,
            Some(text) => {
                let query = Query::parse(text);
                if let Some(problem) = query.problems().first() {
                    return Err(format!("--query: {problem}"));
                }
                let results = SearchIndex::new(catalog).search(&query);
                relaxed = results.relaxed();
                Some(results.hits().iter().map(|hit| hit.record).collect())
            }
        };
        let tabs = match (only, tab) {
            (Some(record), _) => vec![Tab::of(record)],
            (None, Some(tab)) => vec![tab],
            (None, None) => Tab::RECORDS.to_vec(),
        };
        let tabs = tabs
            .into_iter()
            .map(|tab| {
                let rows = TabRows::new(catalog, tab, options);
                let records = (0..rows.len())
                    .filter_map(|row| rows.get(row))
                    .filter(|record| only.is_none_or(|only| only == *record))
                    .filter(|record| found.as_ref().is_none_or(|found| found.contains(record)))
                    .collect();
                (tab, records)
            })
            .collect();
        Ok(Self { tabs, relaxed })
    }

    /// The records a list shows, in the order it shows them: what the explorer's export
    /// prompt writes (the list's filter, kind and order already applied).
    pub fn of_list(tab: Tab, records: Vec<RecordRef>) -> Self {
        Self {
            tabs: vec![(tab, records)],
            relaxed: None,
        }
    }

    /// Every record selected, in tab order.
    pub fn records(&self) -> impl Iterator<Item = RecordRef> + '_ {
        self.tabs
            .iter()
            .flat_map(|(_, records)| records.iter().copied())
    }

    /// How many records are selected.
    pub fn len(&self) -> usize {
        self.tabs.iter().map(|(_, records)| records.len()).sum()
    }

    /// Whether nothing is selected.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
