//! The search itself: [`SearchIndex`] works out once what every search needs (the typo
//! vocabulary, each record's letters, where its running text is), then scans the catalog, or a
//! previous search's survivors, in chunks on up to two threads, reporting between chunks.

use std::{
    cmp::Reverse,
    sync::{Arc, OnceLock},
};

use super::{
    CHUNK, FIRST_SHOWN, Query, SMALL, ScopeFilter, TYPOS_BELOW,
    fields::FieldValue,
    first_screen::BUDGET,
    for_each_shown_name,
    plan::{ChunkResult, Plan, YearFlags},
    prefilter,
    prepared::Prepared,
    record_match::{RecordText, Scorer},
    results::{Hit, Progress, RANKED_FIRST, Rank, SearchResults, rank_first},
    spelled::SpelledAnswers,
};
use crate::data::{Catalog, RecordRef};

/// Search over a catalog: the catalog itself, and what is worked out once, on first use.
pub struct SearchIndex {
    pub(super) catalog: Arc<Catalog>,
    prepared: OnceLock<Prepared>,
    /// Records scanned by each thread between two progress reports.
    chunk: usize,
    /// Catalogs (or survivor lists) no longer than this are scanned on one thread in one go.
    pub(super) single_up_to: usize,
}

impl SearchIndex {
    /// Search over `catalog`.
    pub fn new(catalog: &Arc<Catalog>) -> Self {
        Self {
            catalog: Arc::clone(catalog),
            prepared: OnceLock::new(),
            chunk: CHUNK,
            single_up_to: SMALL,
        }
    }

    /// The same search, reporting progress (and checking for cancellation) every `chunk`
    /// records per thread; small chunks let tests stop a search over a small catalog.
    pub fn with_chunk_size(mut self, chunk: usize) -> Self {
        self.chunk = chunk.max(1);
        self.single_up_to = self.chunk;
        self
    }

    /// The catalog searched.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// Works out the letter masks, the postings and the typo vocabulary now rather than at the
    /// first search.
    pub fn prepare(&self) {
        self.prepared();
        self.prepare_postings();
        self.prepare_typos();
    }

    /// Works out the postings now (the letter masks too, if not yet): until they are, a broad
    /// query's first screen waits for its full scan, so the search thread has them built
    /// apart, first.
    pub fn prepare_postings(&self) {
        self.prepared().postings(&self.catalog);
    }

    /// Works out the typo vocabulary now (the letter masks too, if not yet): only a query
    /// that finds nothing as written needs it, so the search thread has it built apart.
    pub fn prepare_typos(&self) {
        self.prepared().vocabulary(&self.catalog);
    }

    /// Works out the letter masks (not the typo vocabulary: see [`Self::prepare_typos`]),
    /// calling `watch` with how far it has got, in percent, every `every` until it is done;
    /// at once when it was done already.
    pub fn prepare_watching(&self, every: std::time::Duration, watch: impl FnMut(u8)) {
        self.prepared
            .get_or_init(|| Prepared::watched(&self.catalog, every, watch));
    }

    pub(super) fn prepared(&self) -> &Prepared {
        self.prepared.get_or_init(|| Prepared::new(&self.catalog))
    }

    /// The records matching `query`, best first within each tab group.
    pub fn search(&self, query: &Query) -> SearchResults {
        self.search_from(query, None, |_| true).unwrap_or_default()
    }

    /// The records matching `query`; when it extends the query of `previous`, only that
    /// search's survivors are looked at. `progress` hears how far it has got between chunks
    /// and stops it by returning `false` (the result is then `None`).
    pub fn search_from(
        &self,
        query: &Query,
        previous: Option<&SearchResults>,
        mut progress: impl FnMut(Progress<'_>) -> bool,
    ) -> Option<SearchResults> {
        self.search_watched(query, previous, &mut progress, true)
    }

    /// [`Self::search_from`], hearing progress through `progress`; with `relax`, looking for
    /// fewer words when no record has them all.
    fn search_watched(
        &self,
        query: &Query,
        previous: Option<&SearchResults>,
        progress: &mut dyn FnMut(Progress<'_>) -> bool,
        relax: bool,
    ) -> Option<SearchResults> {
        if query.is_empty() || !query.problems().is_empty() {
            return Some(SearchResults {
                query: query.clone(),
                ..SearchResults::default()
            });
        }
        let narrowed = previous
            .filter(|previous| query.narrows(previous.query()))
            .and_then(|previous| previous.survivors.clone());
        let total = narrowed
            .as_ref()
            .map_or(self.catalog.record_count(), |s| s.len());
        // A broad query's first screen, proven from the postings, is shown while the rest
        // is scanned (a small catalog is scanned as fast). Not for the fewer words tried
        // when no record has them all: their hits may not be the ones shown in the end.
        let first: Option<Arc<[Hit]>> = if relax && total > self.single_up_to {
            self.first_screen(query, (FIRST_SHOWN, RANKED_FIRST), BUDGET)
                .map(Arc::from)
        } else {
            None
        };
        if let Some(first) = &first
            && !progress(Progress {
                scanned: 0,
                total,
                hits: &[],
                query,
                first: Some(first),
            })
        {
            return None;
        }
        let plan = self.plan(query, total);
        let slot_at = |position: usize| -> u32 {
            match &narrowed {
                Some(survivors) => survivors[position],
                None => u32::try_from(position).unwrap_or(u32::MAX),
            }
        };
        let ChunkResult {
            mut hits,
            survivors,
        } = self.scan_all(&plan, (total, first.as_ref()), slot_at, progress)?;
        if hits.len() < TYPOS_BELOW && query.words().iter().any(|word| word.allows_typos()) {
            // Looking for typos in a large catalog takes a pass over its text: a new key may
            // stop it first.
            let asked_to_stop = total > self.single_up_to
                && !progress(Progress {
                    scanned: total,
                    total,
                    hits: &hits,
                    query,
                    first: first.as_ref(),
                });
            if asked_to_stop {
                return None;
            }
            self.score_typo_reach(&plan, &mut hits);
        }
        if relax && hits.is_empty() && query.finding_words() > 1 {
            return self.relaxed(query, progress);
        }
        let (hits, rest) = rank_first(hits, query, RANKED_FIRST);
        Some(SearchResults {
            hits,
            rest,
            survivors: Some(Arc::new(survivors)),
            query: query.clone(),
            asked: None,
        })
    }

    /// When no record has every word of `query`: the records that have the words that find
    /// something each, then, if those together find nothing, fewer of them from the end, as
    /// Meilisearch's `last` matching strategy drops them; the results say what was asked.
    fn relaxed(
        &self,
        query: &Query,
        progress: &mut dyn FnMut(Progress<'_>) -> bool,
    ) -> Option<SearchResults> {
        let mut fewer = query.clone();
        for index in (0..query.words().len()).rev() {
            if query.words()[index].is_negative() || fewer.finding_words() == 1 {
                continue;
            }
            let alone = query.only(index);
            if self
                .search_watched(&alone, None, progress, false)?
                .is_empty()
            {
                fewer = fewer.without(index);
            }
        }
        loop {
            let results = self.search_watched(&fewer, None, progress, false)?;
            if !results.is_empty() || fewer.finding_words() <= 1 {
                return Some(SearchResults {
                    asked: Some(Box::new(query.clone())),
                    ..results
                });
            }
            fewer = fewer.without_last();
        }
    }

    /// Works out what scanning `total` records for `query` needs.
    pub(super) fn plan<'q>(&'q self, query: &'q Query, total: usize) -> Plan<'q> {
        let catalog = &*self.catalog;
        let needles = query.needles().take(64).count();
        let needle_list: Vec<&prefilter::Needle> = query.needles().take(64).collect();
        // One pass over all the text pays when most records are to be looked at.
        let in_running_text = match &self.prepared().running {
            Some(running) if total >= catalog.record_count() / 4 => needle_list
                .iter()
                .map(|needle| {
                    needle.ascii().map(|word| {
                        running.find(
                            catalog.text_arena().as_bytes(),
                            word,
                            catalog.record_count(),
                            total > self.single_up_to,
                        )
                    })
                })
                .collect(),
            _ => Vec::new(),
        };
        let spelled = SpelledAnswers::new(catalog, query, &needle_list);
        Plan {
            catalog,
            query,
            in_running_text,
            named: self.named_sets(&needle_list, &spelled),
            needles: needle_list,
            spelled,
            scopes: ScopeFilter::new(catalog, query.scopes()),
            years: query
                .words()
                .iter()
                .filter(|word| !word.is_negative())
                .take(64)
                .enumerate()
                .filter_map(|(bit, word)| word.year.map(|year| (bit, year)))
                .collect(),
            all_flags: if needles >= 64 {
                u64::MAX
            } else {
                (1u64 << needles) - 1
            },
        }
    }

    /// Scans the `total` slots `slot_at` numbers, a chunk at a time (two threads for many),
    /// telling `progress` between chunks (with the `first` hits of the results, when known);
    /// `None` when it asks to stop.
    fn scan_all(
        &self,
        plan: &Plan<'_>,
        (total, first): (usize, Option<&Arc<[Hit]>>),
        slot_at: impl Fn(usize) -> u32 + Sync,
        progress: &mut dyn FnMut(Progress<'_>) -> bool,
    ) -> Option<ChunkResult> {
        let mut all = ChunkResult::default();
        let mut scanned = 0;
        let single = total <= self.single_up_to;
        let step = if single { total.max(1) } else { self.chunk * 2 };
        while scanned < total {
            let end = (scanned + step).min(total);
            let results: Vec<ChunkResult> = if single {
                vec![self.scan(plan, (scanned..end).map(&slot_at))]
            } else {
                let middle = scanned + (end - scanned) / 2;
                std::thread::scope(|scope| {
                    let later = scope.spawn(|| self.scan(plan, (middle..end).map(&slot_at)));
                    let first = self.scan(plan, (scanned..middle).map(&slot_at));
                    let later = later
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                    vec![first, later]
                })
            };
            for result in results {
                all.hits.extend(result.hits);
                all.survivors.extend(result.survivors);
            }
            scanned = end;
            if scanned < total
                && !progress(Progress {
                    scanned,
                    total,
                    hits: &all.hits,
                    query: plan.query,
                    first,
                })
            {
                return None;
            }
        }
        Some(all)
    }

    /// For each needle, a bit per slot: whether it occurs in what that record shows to the
    /// records referring to it (see [`Plan::named`]). One pass over every record's name,
    /// skipped where the letters say it cannot; two threads for a large catalog. The other
    /// spellings of a name are answered by `spelled`, once per name.
    fn named_sets(
        &self,
        needles: &[&prefilter::Needle],
        spelled: &SpelledAnswers<'_>,
    ) -> Vec<Vec<u64>> {
        let catalog = &*self.catalog;
        let masks = &self.prepared().name_masks;
        let count = catalog.record_count();
        let fill = |words: std::ops::Range<usize>| -> Vec<Vec<u64>> {
            let mut sets = vec![vec![0u64; words.len()]; needles.len()];
            for word in words.clone() {
                for slot in word * 64..((word + 1) * 64).min(count) {
                    let mask = masks.get(slot).copied().unwrap_or(u64::MAX);
                    let mut wanted = 0u64;
                    for (bit, needle) in needles.iter().enumerate() {
                        if needle.fits(mask) {
                            wanted |= 1 << bit;
                        }
                    }
                    let Some(record) = catalog.record_at(slot).filter(|_| wanted != 0) else {
                        continue;
                    };
                    for_each_shown_name(catalog, record, &mut |value| {
                        // A name's spellings answer for every needle at once, once per query.
                        let spelled_in = match value {
                            FieldValue::Spellings(id) => spelled.prefilter(id, false),
                            FieldValue::Text(_) => 0,
                        };
                        let mut bits = wanted;
                        while bits != 0 {
                            let bit = bits.trailing_zeros() as usize;
                            bits &= bits - 1;
                            let occurs = match value {
                                FieldValue::Spellings(_) => spelled_in & (1 << bit) != 0,
                                FieldValue::Text(text) => needles[bit].occurs_in(text.as_str()),
                            };
                            if occurs {
                                sets[bit][word - words.start] |= 1 << (slot % 64);
                                wanted &= !(1 << bit);
                            }
                        }
                    });
                }
            }
            sets
        };
        let words = count.div_ceil(64);
        if count <= self.single_up_to {
            return fill(0..words);
        }
        let middle = words / 2;
        let (mut first, later) = std::thread::scope(|scope| {
            let later = scope.spawn(|| fill(middle..words));
            let first = fill(0..middle);
            let later = later
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (first, later)
        });
        for (set, rest) in first.iter_mut().zip(later) {
            set.extend(rest);
        }
        first
    }

    /// Scans some slots: the prefilter's survivors, and the hits among survivors.
    fn scan(&self, plan: &Plan<'_>, slots: impl Iterator<Item = u32>) -> ChunkResult {
        let catalog = &*self.catalog;
        let prepared = self.prepared();
        let running = prepared.running.as_ref();
        let mut result = ChunkResult::default();
        let mut scorer = Scorer::default();
        let mut text = RecordText::new(catalog);
        for slot in slots {
            let at = slot as usize;
            let own = prepared.own_masks.get(at).copied().unwrap_or(u64::MAX);
            let fuzzy = prepared.fuzzy_masks.get(at).copied().unwrap_or(u64::MAX);
            let (known, found) = plan.running_flags(at, running);
            // The words the record's own fields cannot hold, by their letters and by the
            // running-text pass: each must be in the name of a record it refers to.
            let mut missing = 0u64;
            for (bit, needle) in plan.needles.iter().enumerate() {
                let flag = 1 << bit;
                let own_possible = if known & flag != 0 {
                    found & flag != 0 || needle.fits(fuzzy)
                } else {
                    needle.fits(own)
                };
                if !own_possible {
                    missing |= flag;
                }
            }
            let Some(record) = catalog.record_at(at) else {
                continue;
            };
            let related = plan.related_flags(record, plan.all_flags);
            let years = plan.year_flags(record);
            if missing & !(related | years.covered) != 0 || !plan.scopes.admits(catalog, record) {
                continue;
            }
            text.load(record);
            if text.prefilter_own(&plan.needles, (plan.all_flags, known, found), &plan.spelled)
                | related
                | years.covered
                != plan.all_flags
            {
                continue;
            }
            result.survivors.push(slot);
            if let Some(hit) = Self::hit(
                &mut scorer,
                &mut text,
                (record, slot),
                plan,
                &[],
                related,
                years,
            ) {
                result.hits.push(hit);
            }
        }
        result
    }

    /// Scores a loaded record and ranks it.
    pub(super) fn hit(
        scorer: &mut Scorer,
        text: &mut RecordText<'_>,
        (record, slot): (RecordRef, u32),
        plan: &Plan<'_>,
        typo_slots: &[Vec<u32>],
        related: u64,
        years: YearFlags,
    ) -> Option<(Rank, Hit)> {
        let reachable = |word: usize| {
            typo_slots
                .get(word)
                .is_some_and(|slots| slots.binary_search(&slot).is_ok())
        };
        let score = scorer.score(text, (plan.query, &plan.spelled), related, years, reachable)?;
        // Equal scores go to the shorter title, then to the order the tab lists them in;
        // without words to rank by, records keep that order.
        let title = if plan.query.ranks() {
            u32::try_from(text.title_length()).unwrap_or(u32::MAX)
        } else {
            0
        };
        Some((
            Rank(Reverse(score), title, plan.display_order(record)),
            Hit { record, score },
        ))
    }
}
