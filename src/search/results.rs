//! What a search finds: its hits, ranked and grouped by tab, the survivors a narrower query
//! can start from, and the progress a running search reports. No matching happens here.
//! A broad query's million hits are not sorted before its first screen: the best
//! [`RANKED_FIRST`] are picked and sorted (exactly the prefix a full sort gives), the rest are
//! counted by tab and sorted when first asked for, which the search thread does at once after
//! handing the results over.

use std::{
    cmp::Reverse,
    sync::{Arc, Mutex, OnceLock, PoisonError},
};

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

/// How many hits are ranked before results are handed over: more than any screen shows.
pub const RANKED_FIRST: usize = 512;

/// Where a hit goes in the results: its tab's group, its tab, its rank, the record.
type Place = (Rank, Tab, Rank, RecordRef);

/// The hits past the first [`RANKED_FIRST`] of a broad query: counted by tab at once, ranked
/// when first asked for.
#[derive(Debug)]
pub(super) struct Rest {
    /// How many there are.
    len: usize,
    /// Every hit's tab, in display order, with its count (the first ones' included).
    groups: Vec<(Tab, usize)>,
    /// The first hits, in order, and the rest, in no order until `all` takes them.
    first: Arc<[Hit]>,
    unranked: Mutex<Vec<(Place, Hit)>>,
    /// Every hit in display order, once ranked.
    all: OnceLock<Arc<[Hit]>>,
}

impl Rest {
    /// Every hit in display order, ranking the rest if no one has yet.
    fn all(&self) -> &Arc<[Hit]> {
        self.all.get_or_init(|| {
            let mut rest =
                std::mem::take(&mut *self.unranked.lock().unwrap_or_else(PoisonError::into_inner));
            rest.sort_unstable_by_key(|&(place, _)| place);
            self.first
                .iter()
                .copied()
                .chain(rest.into_iter().map(|(_, hit)| hit))
                .collect()
        })
    }
}

/// The records that matched a query, grouped by tab; the group with the best match comes first.
#[derive(Clone, Debug, Default)]
pub struct SearchResults {
    /// The best hits in display order (every hit, unless `rest` holds more). Shared, so that
    /// handing results between threads and keeping the last ones is cheap.
    pub(super) hits: Arc<[Hit]>,
    /// The hits past `hits`, when a broad query found more than [`RANKED_FIRST`].
    pub(super) rest: Option<Arc<Rest>>,
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
        self.hits() == other.hits()
    }
}

impl SearchResults {
    /// When no record had every word asked: the words asked, and the fewer words whose
    /// results these are ("when did kazakhstan join", "kazakhstan join").
    pub fn relaxed(&self) -> Option<(String, String)> {
        let asked = self.asked.as_ref()?;
        Some((asked.text().trim().to_string(), self.query.words_said()))
    }

    /// Every hit, in display order (past the first [`RANKED_FIRST`], ranked now if the search
    /// thread has not yet).
    pub fn hits(&self) -> &[Hit] {
        match &self.rest {
            Some(rest) => rest.all(),
            None => &self.hits,
        }
    }

    /// Every record that matched, in no particular order: what a filter keeps, without
    /// waiting for the ranking.
    pub fn records(&self) -> Vec<RecordRef> {
        let Some(rest) = &self.rest else {
            return self.hits.iter().map(|hit| hit.record).collect();
        };
        if let Some(all) = rest.all.get() {
            return all.iter().map(|hit| hit.record).collect();
        }
        let unranked = rest.unranked.lock().unwrap_or_else(PoisonError::into_inner);
        if unranked.is_empty() {
            // Taken by the ranking just now: it is done once the lock is ours.
            drop(unranked);
            return rest.all().iter().map(|hit| hit.record).collect();
        }
        self.hits
            .iter()
            .map(|hit| hit.record)
            .chain(unranked.iter().map(|(_, hit)| hit.record))
            .collect()
    }

    /// Ranks every hit now (the search thread does, after handing the results over).
    pub fn finish_ranking(&self) {
        if let Some(rest) = &self.rest {
            rest.all();
        }
    }

    /// How many records matched.
    pub fn len(&self) -> usize {
        self.hits.len() + self.rest.as_ref().map_or(0, |rest| rest.len)
    }

    /// Whether nothing matched.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The hit at `position`.
    pub fn get(&self, position: usize) -> Option<&Hit> {
        match self.hits.get(position) {
            Some(hit) => Some(hit),
            None => self.rest.as_ref()?.all().get(position),
        }
    }

    /// The query these are the results of.
    pub fn query(&self) -> &Query {
        &self.query
    }

    /// How many hits each tab has, in display order of the groups.
    pub fn groups(&self) -> Vec<(Tab, usize)> {
        if let Some(rest) = &self.rest {
            return rest.groups.clone();
        }
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
    /// The first hits of the final results, in their order, when they are known already
    /// (see `first_screen`).
    pub(super) first: Option<&'a Arc<[Hit]>>,
}

impl Progress<'_> {
    /// How many hits so far (at least as many as [`Self::results`] holds).
    pub fn hit_count(&self) -> usize {
        self.hits
            .len()
            .max(self.first.map_or(0, |first| first.len()))
    }

    /// Whether [`Self::results`] are the first hits of the final results, which only more
    /// hits after them will change.
    pub fn first_known(&self) -> bool {
        self.first.is_some()
    }

    /// The first hits of the final results when they are known; else the best hits so far
    /// (at most [`PARTIAL_HITS`]), ranked as final results are. Either way a search that
    /// extends these cannot narrow from them: they are not complete. Only the best are
    /// ranked, so reporting on a broad search does not slow it down.
    pub fn results(&self) -> SearchResults {
        if let Some(first) = self.first {
            return SearchResults {
                hits: Arc::clone(first),
                rest: None,
                survivors: None,
                asked: None,
                query: self.query.clone(),
            };
        }
        let mut best = self.hits.to_vec();
        if best.len() > PARTIAL_HITS {
            best.select_nth_unstable_by_key(PARTIAL_HITS, |&(rank, hit)| (rank, hit.record));
            best.truncate(PARTIAL_HITS);
        }
        SearchResults {
            hits: rank(best, self.query).into(),
            rest: None,
            survivors: None,
            asked: None,
            query: self.query.clone(),
        }
    }
}

/// Orders hits: by tab group (the group with the best hit first, or tab order when only
/// scopes rank), then by rank, then by record.
pub(super) fn rank(ranked: Vec<(Rank, Hit)>, query: &Query) -> Vec<Hit> {
    let mut placed = placed(ranked, query);
    placed.sort_unstable_by_key(|&(place, _)| place);
    placed.into_iter().map(|(_, hit)| hit).collect()
}

/// [`rank`]'s first `first` hits, in its order, and the rest, counted by tab and left to be
/// ranked when asked for: a pick and a sort of `first`, not of all.
pub(super) fn rank_first(
    ranked: Vec<(Rank, Hit)>,
    query: &Query,
    first: usize,
) -> (Arc<[Hit]>, Option<Arc<Rest>>) {
    if ranked.len() <= first {
        return (rank(ranked, query).into(), None);
    }
    let mut placed = placed(ranked, query);
    let mut groups: Vec<(Place, Tab, usize)> = Vec::new();
    for &(place, _) in &placed {
        match groups.iter_mut().find(|(_, tab, _)| *tab == place.1) {
            Some((best, _, count)) => {
                *best = (*best).min(place);
                *count += 1;
            }
            None => groups.push((place, place.1, 1)),
        }
    }
    groups.sort_unstable_by_key(|&(place, _, _)| place);
    placed.select_nth_unstable_by_key(first, |&(place, _)| place);
    let rest = placed.split_off(first);
    placed.sort_unstable_by_key(|&(place, _)| place);
    let hits: Arc<[Hit]> = placed.into_iter().map(|(_, hit)| hit).collect();
    let rest = Rest {
        len: rest.len(),
        groups: groups
            .into_iter()
            .map(|(_, tab, count)| (tab, count))
            .collect(),
        first: Arc::clone(&hits),
        unranked: Mutex::new(rest),
        all: OnceLock::new(),
    };
    (hits, Some(Arc::new(rest)))
}

/// Each hit with its place in the results.
fn placed(ranked: Vec<(Rank, Hit)>, query: &Query) -> Vec<(Place, Hit)> {
    let mut best_in_tab = [Rank(Reverse(0), u32::MAX, i64::MAX); Tab::ALL.len()];
    for (rank, hit) in &ranked {
        let best = &mut best_in_tab[Tab::of(hit.record).index()];
        *best = (*best).min(*rank);
    }
    ranked
        .into_iter()
        .map(|(rank, hit)| {
            let tab = Tab::of(hit.record);
            let group = if query.ranks() {
                best_in_tab[tab.index()]
            } else {
                Rank(Reverse(0), 0, 0)
            };
            ((group, tab, rank, hit.record), hit)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Hits of every tab with few distinct scores, title lengths and orders, so ties abound;
    /// each record once.
    fn hits() -> impl Strategy<Value = Vec<(Rank, Hit)>> {
        prop::collection::vec((0u32..4, 0u32..3, 0i64..3, 0u8..5), 0..300).prop_map(|drawn| {
            drawn
                .into_iter()
                .enumerate()
                .map(|(at, (score, title, order, collection))| {
                    let at = u32::try_from(at).unwrap_or(u32::MAX);
                    let record = match collection {
                        0 => RecordRef::Event(at),
                        1 => RecordRef::Programme(at),
                        2 => RecordRef::Project(at),
                        3 => RecordRef::Initiative(at),
                        _ => RecordRef::Participant(at),
                    };
                    (Rank(Reverse(score), title, order), Hit { record, score })
                })
                .collect()
        })
    }

    fn results(hits: Arc<[Hit]>, rest: Option<Arc<Rest>>) -> SearchResults {
        SearchResults {
            hits,
            rest,
            ..SearchResults::default()
        }
    }

    proptest! {
        #[test]
        fn the_best_ranked_first_are_the_prefix_of_the_full_ranking(
            hits in hits(),
            first in 0usize..40,
            words in any::<bool>(),
        ) {
            let query = Query::parse(if words { "summit" } else { "!summit" });
            let full = rank(hits.clone(), &query);
            let (best, rest) = rank_first(hits.clone(), &query, first);
            prop_assert_eq!(&best[..], &full[..best.len()]);
            prop_assert_eq!(best.len(), first.min(full.len()));
            let whole = results(rank(hits, &query).into(), None);
            let split = results(best, rest);
            prop_assert_eq!(split.len(), full.len());
            prop_assert_eq!(split.groups(), whole.groups());
            let mut found = split.records();
            found.sort_unstable();
            let mut expected: Vec<RecordRef> = full.iter().map(|hit| hit.record).collect();
            expected.sort_unstable();
            prop_assert_eq!(found, expected);
            prop_assert_eq!(split.get(full.len().saturating_sub(1)), full.last());
            prop_assert_eq!(split.hits(), &full[..]);
        }
    }
}
