//! What a search finds: its hits, ranked and grouped by tab, the survivors a narrower query
//! can start from, and the progress a running search reports. No matching happens here.

use std::{cmp::Reverse, sync::Arc};

use super::{PARTIAL_HITS, Query};
use crate::data::{RecordRef, Tab};

/// One record that matched, with its score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The record.
    pub record: RecordRef,
    /// Higher is better.
    pub score: u32,
}

/// How a hit ranks within its tab: a higher score first, then a shorter title, then the tab's
/// own order (with no words to score, that order alone).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Rank(pub(super) Reverse<u32>, pub(super) u32, pub(super) i64);

/// The records that matched a query, grouped by tab; the group with the best match comes first.
#[derive(Clone, Debug, Default)]
pub struct SearchResults {
    /// Shared, so that handing results between threads and keeping the last ones is cheap.
    pub(super) hits: Arc<[Hit]>,
    /// The slots that passed the prefilter and the scopes, ascending: where an extension of
    /// this query has to look.
    pub(super) survivors: Option<Arc<Vec<u32>>>,
    pub(super) query: Query,
    /// The query as asked, when no record had all its words and these are the results of
    /// fewer of them (`query`).
    pub(super) asked: Option<Box<Query>>,
}

impl PartialEq for SearchResults {
    fn eq(&self, other: &Self) -> bool {
        self.hits == other.hits
    }
}

impl SearchResults {
    /// When no record had every word asked: the words asked, and the fewer words whose
    /// results these are ("when did kazakhstan join", "kazakhstan join").
    pub fn relaxed(&self) -> Option<(String, String)> {
        let asked = self.asked.as_ref()?;
        Some((asked.text().trim().to_string(), self.query.words_said()))
    }

    /// Every hit, in display order.
    pub fn hits(&self) -> &[Hit] {
        &self.hits
    }

    /// How many records matched.
    pub fn len(&self) -> usize {
        self.hits.len()
    }

    /// Whether nothing matched.
    pub fn is_empty(&self) -> bool {
        self.hits.is_empty()
    }

    /// The hit at `position`.
    pub fn get(&self, position: usize) -> Option<&Hit> {
        self.hits.get(position)
    }

    /// The query these are the results of.
    pub fn query(&self) -> &Query {
        &self.query
    }

    /// How many hits each tab has, in display order of the groups.
    pub fn groups(&self) -> Vec<(Tab, usize)> {
        let mut groups: Vec<(Tab, usize)> = Vec::new();
        for hit in self.hits.iter() {
            let tab = Tab::of(hit.record);
            match groups.last_mut() {
                Some((last, count)) if *last == tab => *count += 1,
                _ => groups.push((tab, 1)),
            }
        }
        groups
    }
}

/// How far a running search has got, with the hits found so far.
#[derive(Clone, Copy, Debug)]
pub struct Progress<'a> {
    /// Records looked at.
    pub scanned: usize,
    /// Records to look at.
    pub total: usize,
    pub(super) hits: &'a [(Rank, Hit)],
    pub(super) query: &'a Query,
}

impl Progress<'_> {
    /// How many hits so far.
    pub fn hit_count(&self) -> usize {
        self.hits.len()
    }

    /// The best hits so far (at most [`PARTIAL_HITS`]), ranked as final results are (a
    /// search that extends these cannot narrow from them: they are not complete). Only the
    /// best are ranked, so reporting on a broad search does not slow it down.
    pub fn results(&self) -> SearchResults {
        let mut best = self.hits.to_vec();
        if best.len() > PARTIAL_HITS {
            best.select_nth_unstable_by_key(PARTIAL_HITS, |&(rank, hit)| (rank, hit.record));
            best.truncate(PARTIAL_HITS);
        }
        SearchResults {
            hits: rank(best, self.query).into(),
            survivors: None,
            asked: None,
            query: self.query.clone(),
        }
    }
}

/// Orders hits: by tab group (the group with the best hit first, or tab order when only
/// scopes rank), then by rank, then by record.
pub(super) fn rank(mut ranked: Vec<(Rank, Hit)>, query: &Query) -> Vec<Hit> {
    let mut best_in_tab = [Rank(Reverse(0), u32::MAX, i64::MAX); Tab::ALL.len()];
    for (rank, hit) in &ranked {
        let best = &mut best_in_tab[Tab::of(hit.record).index()];
        *best = (*best).min(*rank);
    }
    ranked.sort_unstable_by_key(|&(rank, hit)| {
        let tab = Tab::of(hit.record);
        let group = if query.ranks() {
            best_in_tab[tab.index()]
        } else {
            Rank(Reverse(0), 0, 0)
        };
        (group, tab, rank, hit.record)
    });
    ranked.into_iter().map(|(_, hit)| hit).collect()
}
