//! Search across all four tabs: fuzzy, typo-tolerant matching over every text field of every
//! record, read in place from the catalog. Pure: no terminal, no I/O.
//!
//! A search has two steps. A cheap, exact-preserving prefilter (each word's letters in order
//! in the record's text, see `prefilter`) and a vocabulary lookup for typos pick the
//! candidates; only those are scored with `nucleo-matcher`. The prefilter's survivors are
//! kept, so a query that extends the previous one scans only them. Large catalogs are scanned
//! in chunks on two threads, with progress reported and cancellation checked between chunks.

mod fields;
mod prefilter;
mod query;
mod record_match;
mod running_text;
mod scope;
mod vocabulary;
mod worker;

use std::{
    cmp::Reverse,
    sync::{Arc, OnceLock},
};

use nucleo_matcher::{Config, Matcher};

pub use fields::{
    FieldText, SearchField, Weight, for_each_field, for_each_own_field, for_each_shown_name,
    record_fields,
};
pub use query::Query;
pub use scope::{SCOPE_NAMES, Scope, ScopeFilter};
pub use worker::{ReportTiming, SearchEvent, SearchHandle, SearchRequest, SearchWorker};

use crate::data::{Catalog, RecordRef, Tab};
use record_match::{RecordText, Scorer};
use running_text::RunningText;
use vocabulary::Vocabulary;

/// Catalogs up to this many records are searched on one thread in one go.
const SMALL: usize = 20_000;
/// Records scanned by each thread between two progress reports.
const CHUNK: usize = 16_384;
/// The most hits a progress report carries: the best so far, enough to fill any screen.
pub const PARTIAL_HITS: usize = 2_000;

/// Search over a catalog: the catalog itself, and what is worked out once, on first use.
pub struct SearchIndex {
    catalog: Arc<Catalog>,
    prepared: OnceLock<Prepared>,
    /// Records scanned by each thread between two progress reports.
    chunk: usize,
    /// Catalogs (or survivor lists) no longer than this are scanned on one thread in one go.
    single_up_to: usize,
}

/// Worked out once per catalog: the typo vocabulary, and which letters each record holds.
struct Prepared {
    vocabulary: Vocabulary,
    /// By slot: the letters and digits in the record's own fields (see
    /// [`prefilter::letter_mask`]).
    own_masks: Vec<u64>,
    /// By slot: the letters in what the record shows to those that refer to it (its title, an
    /// event's place).
    name_masks: Vec<u64>,
    /// By slot: the letters in the record's title and naming fields, where words match fuzzily.
    fuzzy_masks: Vec<u64>,
    /// Where each record's running text is, for finding a word in all of it in one pass.
    running: Option<RunningText>,
}

/// One record that matched, with its score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The record.
    pub record: RecordRef,
    /// Higher is better.
    pub score: u32,
}

/// How a hit ranks within its tab: a higher score first, then a shorter title (or, with no
/// words to score, the tab's own order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Rank(Reverse<u32>, i64);

/// The records that matched a query, grouped by tab; the group with the best match comes first.
#[derive(Clone, Debug, Default)]
pub struct SearchResults {
    /// Shared, so that handing results between threads and keeping the last ones is cheap.
    hits: Arc<[Hit]>,
    /// The slots that passed the prefilter and the scopes, ascending: where an extension of
    /// this query has to look.
    survivors: Option<Arc<Vec<u32>>>,
    query: Query,
}

impl PartialEq for SearchResults {
    fn eq(&self, other: &Self) -> bool {
        self.hits == other.hits
    }
}

impl SearchResults {
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
    hits: &'a [(Rank, Hit)],
    query: &'a Query,
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
            hits: SearchIndex::rank(best, self.query).into(),
            survivors: None,
            query: self.query.clone(),
        }
    }
}

/// The matched characters of a hit, for highlighting: grapheme positions in its title, and the
/// best-matching other field with its own positions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Highlight {
    /// Matched positions in the title.
    pub title: Vec<usize>,
    /// Another field that matched, when the title alone does not explain the hit.
    pub field: Option<FieldHighlight>,
}

/// A matched field other than the title.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldHighlight {
    /// The field's name.
    pub name: &'static str,
    /// The field's text.
    pub text: String,
    /// Matched positions (graphemes) in `text`.
    pub positions: Vec<usize>,
}

/// The work of one search: the query, its scopes and typo candidates.
struct Plan<'q> {
    catalog: &'q Catalog,
    query: &'q Query,
    /// The prefilter needles of the words that find records (at most 64 are checked).
    needles: Vec<&'q prefilter::Needle>,
    scopes: ScopeFilter,
    /// For each word that passes the prefilter (the `needles`), the slots a typo could match in,
    /// sorted; empty when the word allows no typos.
    typo_slots: Vec<Vec<u32>>,
    /// For each needle, a bit per slot: whether the needle occurs in what that record shows
    /// to those referring to it. A record's related names then need not be read to know.
    named: Vec<Vec<u64>>,
    /// For each needle found by one pass over all running text, a bit per slot: whether the
    /// record's running text holds it (see [`RunningText::find`]); `None` for the others.
    in_running_text: Vec<Option<Vec<u64>>>,
    all_flags: u64,
}

impl Plan<'_> {
    /// Where a record stands in its tab when only scopes rank it: an event's start month, 0 for
    /// the rest (which keep dataset order).
    fn display_order(&self, record: RecordRef) -> i64 {
        match record {
            RecordRef::Event(i) => self
                .catalog
                .event(i)
                .and_then(|event| event.date())
                .map_or(i64::MAX, |date| date.month_key()),
            _ => 0,
        }
    }

    /// For the record at `slot`: which needles were looked for in all running text at once,
    /// and which of those its running text holds.
    fn running_flags(&self, slot: usize, running: Option<&RunningText>) -> (u64, u64) {
        if !running.is_some_and(|running| running.is_ascii(slot)) {
            return (0, 0);
        }
        let (mut known, mut found) = (0u64, 0u64);
        for (bit, set) in self.in_running_text.iter().enumerate() {
            if let Some(set) = set {
                known |= 1 << bit;
                if set
                    .get(slot / 64)
                    .is_some_and(|w| w & (1 << (slot % 64)) != 0)
                {
                    found |= 1 << bit;
                }
            }
        }
        (known, found)
    }

    /// Which of the needles in `wanted` occur in the name of a record `record` refers to.
    fn related_flags(&self, record: RecordRef, wanted: u64) -> u64 {
        let mut found = 0;
        for relation in self.catalog.relations(record) {
            if !relation.role.is_stored() {
                continue;
            }
            let target = self.catalog.slot(relation.target);
            let mut bits = wanted & !found;
            while bits != 0 {
                let bit = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                if self.named[bit]
                    .get(target / 64)
                    .is_some_and(|word| word & (1 << (target % 64)) != 0)
                {
                    found |= 1 << bit;
                }
            }
            if found == wanted {
                break;
            }
        }
        found
    }

    /// Whether `record`, whose words pass the prefilter as `flags` say, could match: each word
    /// passes the prefilter or could match with a typo.
    fn could_match(&self, slot: u32, flags: u64) -> bool {
        self.typo_slots
            .iter()
            .enumerate()
            .all(|(bit, slots)| flags & (1 << bit) != 0 || slots.binary_search(&slot).is_ok())
    }
}

/// The hits and survivors of one chunk of slots.
#[derive(Default)]
struct ChunkResult {
    hits: Vec<(Rank, Hit)>,
    survivors: Vec<u32>,
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

    /// Works out the vocabulary and letter masks now rather than at the first search.
    pub fn prepare(&self) {
        self.prepared();
    }

    fn prepared(&self) -> &Prepared {
        self.prepared.get_or_init(|| {
            let catalog = &*self.catalog;
            let masks = || {
                let mut scratch = String::new();
                catalog
                    .records()
                    .map(|record| {
                        let (mut own, mut fuzzy) = (0, 0);
                        for_each_own_field(catalog, record, &mut scratch, |_, weight, text| {
                            let mask = prefilter::letter_mask(text.as_str());
                            own |= mask;
                            if weight.allows_fuzzy() {
                                fuzzy |= mask;
                            }
                        });
                        let mut name = 0;
                        for_each_shown_name(catalog, record, &mut |text| {
                            name |= prefilter::letter_mask(text)
                        });
                        [own, name, fuzzy]
                    })
                    .fold([Vec::new(), Vec::new(), Vec::new()], |mut all, masks| {
                        for (list, mask) in all.iter_mut().zip(masks) {
                            list.push(mask);
                        }
                        all
                    })
            };
            let masks = || (masks(), RunningText::new(catalog));
            // The two halves of the work share nothing: one thread each.
            let (vocabulary, ([own_masks, name_masks, fuzzy_masks], running)) =
                std::thread::scope(|scope| {
                    let masks = scope.spawn(masks);
                    let vocabulary = Vocabulary::new(catalog);
                    let masks = masks
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                    (vocabulary, masks)
                });
            Prepared {
                vocabulary,
                own_masks,
                name_masks,
                fuzzy_masks,
                running,
            }
        })
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
        if query.is_empty() || !query.problems().is_empty() {
            return Some(SearchResults {
                query: query.clone(),
                ..SearchResults::default()
            });
        }
        let catalog = &*self.catalog;
        let needles = query.needles().take(64).count();
        let typo_slots: Vec<Vec<u32>> = query
            .words()
            .iter()
            .filter(|word| !word.is_negative())
            .map(|word| {
                if word.allows_typos() {
                    self.prepared()
                        .vocabulary
                        .typo_candidates(&word.typo_letters())
                } else {
                    Vec::new()
                }
            })
            .collect();
        let needle_list: Vec<&prefilter::Needle> = query.needles().take(64).collect();
        let narrowed = previous
            .filter(|previous| query.narrows(previous.query()))
            .and_then(|previous| previous.survivors.clone());
        let total = narrowed
            .as_ref()
            .map_or(catalog.record_count(), |s| s.len());
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
        let plan = Plan {
            catalog,
            query,
            in_running_text,
            named: self.named_sets(&needle_list),
            needles: needle_list,
            scopes: ScopeFilter::new(catalog, query.scopes()),
            typo_slots,
            all_flags: if needles >= 64 {
                u64::MAX
            } else {
                (1u64 << needles) - 1
            },
        };
        let slot_at = |position: usize| -> u32 {
            match &narrowed {
                Some(survivors) => survivors[position],
                None => u32::try_from(position).unwrap_or(u32::MAX),
            }
        };

        let mut hits: Vec<(Rank, Hit)> = Vec::new();
        let mut survivors: Vec<u32> = Vec::new();
        let mut scanned = 0;
        let single = total <= self.single_up_to;
        let threads = if single { 1 } else { 2 };
        let step = if single {
            total.max(1)
        } else {
            self.chunk * threads
        };
        while scanned < total {
            let end = (scanned + step).min(total);
            let results: Vec<ChunkResult> = if threads == 1 {
                vec![self.scan(&plan, (scanned..end).map(slot_at))]
            } else {
                let middle = scanned + (end - scanned) / 2;
                std::thread::scope(|scope| {
                    let later = scope.spawn(|| self.scan(&plan, (middle..end).map(slot_at)));
                    let first = self.scan(&plan, (scanned..middle).map(slot_at));
                    let later = later
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                    vec![first, later]
                })
            };
            for result in results {
                hits.extend(result.hits);
                survivors.extend(result.survivors);
            }
            scanned = end;
            if scanned < total
                && !progress(Progress {
                    scanned,
                    total,
                    hits: &hits,
                    query,
                })
            {
                return None;
            }
        }
        // Typo candidates outside the survivors: records a misspelt word reaches that the
        // prefilter cannot see.
        let mut extra: Vec<u32> = plan.typo_slots.iter().flatten().copied().collect();
        extra.sort_unstable();
        extra.dedup();
        extra.retain(|slot| survivors.binary_search(slot).is_err());
        let mut scorer = Scorer::default();
        let mut text = RecordText::new(catalog);
        for slot in extra {
            let Some(record) = catalog.record_at(slot as usize) else {
                continue;
            };
            if !plan.scopes.admits(catalog, record) {
                continue;
            }
            text.load(record);
            let related = plan.related_flags(record, plan.all_flags);
            let flags = text.prefilter_own(&plan.needles, plan.all_flags, 0, 0) | related;
            if plan.could_match(slot, flags)
                && let Some(hit) = Self::hit(&mut scorer, &mut text, record, slot, &plan, related)
            {
                hits.push(hit);
            }
        }
        Some(SearchResults {
            hits: Self::rank(hits, query).into(),
            survivors: Some(Arc::new(survivors)),
            query: query.clone(),
        })
    }

    /// For each needle, a bit per slot: whether it occurs in what that record shows to the
    /// records referring to it (see [`Plan::named`]). One pass over every record's name,
    /// skipped where the letters say it cannot; two threads for a large catalog.
    fn named_sets(&self, needles: &[&prefilter::Needle]) -> Vec<Vec<u64>> {
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
                    for_each_shown_name(catalog, record, &mut |text| {
                        let mut bits = wanted;
                        while bits != 0 {
                            let bit = bits.trailing_zeros() as usize;
                            bits &= bits - 1;
                            if needles[bit].occurs_in(text) {
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
            if missing & !related != 0 || !plan.scopes.admits(catalog, record) {
                continue;
            }
            text.load(record);
            if text.prefilter_own(&plan.needles, plan.all_flags, known, found) | related
                != plan.all_flags
            {
                continue;
            }
            result.survivors.push(slot);
            if let Some(hit) = Self::hit(&mut scorer, &mut text, record, slot, plan, related) {
                result.hits.push(hit);
            }
        }
        result
    }

    /// Scores a loaded record and ranks it.
    fn hit(
        scorer: &mut Scorer,
        text: &mut RecordText<'_>,
        record: RecordRef,
        slot: u32,
        plan: &Plan<'_>,
        related: u64,
    ) -> Option<(Rank, Hit)> {
        let reachable = |word: usize| {
            plan.typo_slots
                .get(word)
                .is_some_and(|slots| slots.binary_search(&slot).is_ok())
        };
        let score = scorer.score(text, plan.query, related, reachable)?;
        // Without words to rank by, records keep the order their tab lists them in.
        let tiebreak = if plan.query.has_words() {
            i64::try_from(text.title_length()).unwrap_or(i64::MAX)
        } else {
            plan.display_order(record)
        };
        Some((Rank(Reverse(score), tiebreak), Hit { record, score }))
    }

    /// Orders hits: by tab group (the group with the best hit first, or tab order when only
    /// scopes rank), then by rank, then by record.
    fn rank(mut ranked: Vec<(Rank, Hit)>, query: &Query) -> Vec<Hit> {
        let mut best_in_tab = [Rank(Reverse(0), i64::MAX); Tab::ALL.len()];
        for (rank, hit) in &ranked {
            let best = &mut best_in_tab[Tab::of(hit.record).index()];
            *best = (*best).min(*rank);
        }
        ranked.sort_unstable_by_key(|&(rank, hit)| {
            let tab = Tab::of(hit.record);
            let group = if query.has_words() {
                best_in_tab[tab.index()]
            } else {
                Rank(Reverse(0), 0)
            };
            (group, tab, rank, hit.record)
        });
        ranked.into_iter().map(|(_, hit)| hit).collect()
    }

    /// Which characters of `record` matched `query`, for display.
    pub fn highlight(catalog: &Catalog, record: RecordRef, query: &Query) -> Highlight {
        let fields = record_fields(catalog, record);
        let prepared: Vec<nucleo_matcher::Utf32String> = fields
            .iter()
            .map(|field| nucleo_matcher::Utf32String::from(field.text.as_str()))
            .collect();
        let mut matcher = Matcher::new(Config::DEFAULT);
        let mut indices = Vec::new();
        let mut positions: Vec<Vec<usize>> = vec![Vec::new(); fields.len()];
        for word in query.words().iter().filter(|word| !word.is_negative()) {
            // The field this word scores best in, as in scoring.
            let mut best: Option<(u32, usize, Vec<u32>)> = None;
            for (number, (field, text)) in fields.iter().zip(&prepared).enumerate() {
                if let Some(score) = word.match_field(
                    text.slice(..),
                    field.weight.allows_fuzzy(),
                    &mut matcher,
                    &mut indices,
                ) {
                    let weighted = u32::from(score) * field.weight.factor();
                    if best.as_ref().is_none_or(|(b, ..)| weighted > *b) {
                        best = Some((weighted, number, indices.clone()));
                    }
                }
            }
            if best.is_none() && word.allows_typos() {
                for (number, (field, text)) in fields.iter().zip(&prepared).enumerate() {
                    if field.weight.allows_typos()
                        && word
                            .match_with_typos(text.slice(..), &mut indices)
                            .is_some()
                    {
                        best = Some((0, number, indices.clone()));
                        break;
                    }
                }
            }
            if let Some((_, number, matched)) = best {
                positions[number].extend(matched.iter().map(|&i| i as usize));
            }
        }
        for list in &mut positions {
            list.sort_unstable();
            list.dedup();
        }
        let mut numbered = fields.into_iter().zip(positions);
        let title = numbered.next().map(|(_, p)| p).unwrap_or_default();
        let field = numbered
            .filter(|(_, p)| !p.is_empty())
            .max_by_key(|(field, p)| (p.len(), field.weight.factor()))
            .map(|(field, positions)| FieldHighlight {
                name: field.name,
                text: field.text,
                positions,
            });
        Highlight { title, field }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load_embedded;

    fn index() -> SearchIndex {
        SearchIndex::new(&Arc::new(load_embedded().unwrap()))
    }

    #[test]
    fn an_empty_query_finds_nothing() {
        assert!(index().search(&Query::parse("   ")).is_empty());
    }

    #[test]
    fn results_are_grouped_by_tab() {
        let results = index().search(&Query::parse("kazakhstan"));
        let groups = results.groups();
        let mut tabs: Vec<Tab> = groups.iter().map(|(tab, _)| *tab).collect();
        let count = tabs.len();
        tabs.sort();
        tabs.dedup();
        assert_eq!(tabs.len(), count, "each tab appears once: {groups:?}");
        assert_eq!(groups.iter().map(|(_, n)| n).sum::<usize>(), results.len());
    }

    #[test]
    fn narrowing_gives_what_a_full_search_gives() {
        let index = index();
        let mut previous = index.search(&Query::parse("s"));
        for text in [
            "su",
            "sum",
            "summ",
            "summi",
            "summit",
            "summit o",
            "summit oic",
            "summit oic baku",
        ] {
            let query = Query::parse(text);
            assert!(query.narrows(previous.query()), "{text}");
            let narrowed = index
                .search_from(&query, Some(&previous), |_| true)
                .unwrap();
            assert_eq!(narrowed.hits(), index.search(&query).hits(), "{text}");
            previous = narrowed;
        }
    }

    #[test]
    fn a_search_stops_when_asked() {
        let index = index();
        // The embedded data is one chunk: nothing to stop between.
        assert!(
            index
                .search_from(&Query::parse("a"), None, |_| false)
                .is_some()
        );
    }
}
