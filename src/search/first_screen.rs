//! A broad query's first screen without scoring every record: the records whose title-weight
//! fields have every word at the start of a word (`postings`) are scored in the order of the
//! most they could score, shortest title first, until the best hits are proven. Only for
//! words of up to three letters, which the postings list exactly.
//!
//! Why that proves them (see `word_match::points`): a word scores at least
//! `points(Form, Title)` only by starting a word of a title-weight field (as written or as a
//! word form, which begins with the same letters); anywhere else, or inside a word, it scores
//! less than that however it matches. With few enough words, a record missing one word at a
//! title's word start scores less than one that has them all, so the records outside the lists
//! rank below every record in them that scores as the lists promise. In the lists, a record
//! scores at most a whole word in a title for a word it has whole there, and the start of one
//! for the others; read by that bound, then by title length (equal scores go to the shorter
//! title), a hit ranks above every record not yet read once it beats the next one's bound and
//! length. When the tab whose best hit leads has that many proven hits, they are the first
//! hits of the full results, in their order. Otherwise the caller scans everything.

use std::{borrow::Cow, cmp::Reverse};

use super::{
    Query, ScopeFilter,
    fields::Weight,
    index::SearchIndex,
    plan::{Plan, YearFlags},
    postings::{KEY_LETTERS, Postings},
    record_match::{RecordText, Scorer},
    results::{Hit, Rank},
    spelled::SpelledAnswers,
    word_match::{MatchKind, best_possible, points},
};
use crate::data::{RecordRef, Tab};

/// The most records scored before the first screen is given up on (and everything scanned):
/// a tenth or so of what a full scan of a million records costs.
pub(super) const BUDGET: usize = 60_000;

/// Records scored between two checks of whether the first screen is proven.
const CHECK_EVERY: usize = 512;

/// The most words the bound is used for (it holds for up to 33, see [`bound_holds`]).
const MOST_WORDS: usize = 8;

/// Whether, for a query of `words` words, a record with some word below the start of a
/// title's word scores less than any record with every word there.
fn bound_holds(words: usize) -> bool {
    let top = best_possible(Weight::Title);
    let least_in = points(MatchKind::Form, Weight::Title);
    let most_out = best_possible(Weight::Name).max(points(MatchKind::Inside, Weight::Title));
    let words = u32::try_from(words).unwrap_or(u32::MAX);
    words.saturating_mul(top - least_in) < top - most_out
}

/// A hit that was scored, with its tab.
type Scored = (Rank, Tab, Hit);

impl SearchIndex {
    /// The first hits of `query` in display order, `most` of them or as many as are proven
    /// (at least `least`) after scoring at most `budget` records; `None` when the query's
    /// shape or the catalog does not let that many be proven.
    pub(super) fn first_screen(
        &self,
        query: &Query,
        (least, most): (usize, usize),
        budget: usize,
    ) -> Option<Vec<Hit>> {
        let postings = self.prepared().postings_ready()?;
        let mut words = Vec::new();
        for word in query.words().iter().filter(|word| !word.is_negative()) {
            // A longer word's first letters list many records that lack the rest (`syzdi`):
            // scoring them would cost a selective query more than it saves a broad one.
            let (letters, all) = word.title_start(KEY_LETTERS)?;
            if !all {
                return None;
            }
            words.push((letters, all));
        }
        if words.is_empty() || words.len() > MOST_WORDS || !bound_holds(words.len()) {
            return None;
        }
        let starts: Vec<Cow<'_, [u32]>> = words
            .iter()
            .map(|&(letters, _)| with_everyone(postings, postings.list(letters, false)))
            .collect();
        let candidates = intersection(&starts);
        if candidates.len() < least.max(1) {
            return None;
        }
        // For each word, its whole-word list when it is short enough to have one.
        let wholes: Vec<Option<Cow<'_, [u32]>>> = words
            .iter()
            .map(|&(letters, all)| {
                all.then(|| with_everyone(postings, postings.list(letters, true)))
            })
            .collect();
        let order = by_bound(&candidates, &wholes);
        let proven = self.prove(query, postings, &order, (words.len(), most, budget));
        proven.filter(|hits| hits.len() >= least.max(1))
    }

    /// Scores the candidates of `order` (each with its bound) until `most` first hits are
    /// proven, or every candidate or `budget` of them is scored; the first hits proven then.
    fn prove(
        &self,
        query: &Query,
        postings: &Postings,
        order: &[(u32, u32)],
        (words, most, budget): (usize, usize, usize),
    ) -> Option<Vec<Hit>> {
        let catalog = &*self.catalog;
        let needles: Vec<_> = query.needles().take(64).collect();
        let plan = Plan {
            catalog,
            query,
            in_running_text: Vec::new(),
            named: Vec::new(),
            spelled: SpelledAnswers::new(catalog, query, &needles),
            needles,
            scopes: ScopeFilter::new(catalog, query.scopes()),
            years: Vec::new(),
            all_flags: 0,
        };
        let least_in = points(MatchKind::Form, Weight::Title)
            .saturating_mul(u32::try_from(words).unwrap_or(u32::MAX));
        let mut scorer = Scorer::default();
        let mut text = RecordText::new(catalog);
        let mut scored: Vec<Scored> = Vec::new();
        for (at, &(bound, position)) in order.iter().enumerate() {
            let next = (bound, postings.length(position));
            if at >= budget {
                return proven(&scored, most, |rank| beats(rank, next));
            }
            if at % CHECK_EVERY == 0
                && at > 0
                && let Some(hits) = proven(&scored, most, |rank| beats(rank, next))
                && hits.len() == most
            {
                return Some(hits);
            }
            let Some(slot) = postings.slot(position) else {
                continue;
            };
            let Some(record) = catalog.record_at(slot as usize) else {
                continue;
            };
            if !plan.scopes.admits(catalog, record) {
                continue;
            }
            text.load(record);
            // The words a proven hit has are in its titles, never only in related names.
            if let Some((rank, hit)) = Self::hit(
                &mut scorer,
                &mut text,
                (record, slot),
                &plan,
                &[],
                0,
                YearFlags::default(),
            ) {
                scored.push((rank, Tab::of(record), hit));
            }
        }
        proven(&scored, most, |rank| rank.0.0 >= least_in)
    }
}

/// Whether a hit ranked `rank` ranks above every record whose score is at most `bound` and
/// whose title is at least `length` long.
fn beats(rank: Rank, (bound, length): (u32, u32)) -> bool {
    let Reverse(score) = rank.0;
    score > bound || (score == bound && rank.1 < length)
}

/// The first hits in display order (at most `most`) that the hits `safe` says rank above
/// every record not scored prove: those of the tab whose best hit leads, if that one is safe.
/// Safe hits of that tab come before its other hits, whichever they are.
fn proven(scored: &[Scored], most: usize, safe: impl Fn(Rank) -> bool) -> Option<Vec<Hit>> {
    let &(best, tab, _) = scored
        .iter()
        .min_by_key(|&&(rank, tab, hit)| (rank, tab, hit.record))?;
    if !safe(best) {
        return None;
    }
    let mut leading: Vec<(Rank, RecordRef, Hit)> = scored
        .iter()
        .filter(|&&(rank, in_tab, _)| in_tab == tab && safe(rank))
        .map(|&(rank, _, hit)| (rank, hit.record, hit))
        .collect();
    leading.sort_unstable_by_key(|&(rank, record, _)| (rank, record));
    Some(
        leading
            .into_iter()
            .take(most)
            .map(|(.., hit)| hit)
            .collect(),
    )
}

/// `list` with the records that are candidates for every word merged in.
fn with_everyone<'p>(postings: &'p Postings, list: &'p [u32]) -> Cow<'p, [u32]> {
    let everyone = postings.everyone();
    if everyone.is_empty() {
        return Cow::Borrowed(list);
    }
    let mut merged: Vec<u32> = list.iter().chain(everyone).copied().collect();
    merged.sort_unstable();
    merged.dedup();
    Cow::Owned(merged)
}

/// The positions in every one of `lists` (each ascending), ascending.
fn intersection(lists: &[Cow<'_, [u32]>]) -> Vec<u32> {
    let Some(shortest) = lists.iter().min_by_key(|list| list.len()) else {
        return Vec::new();
    };
    let mut at = vec![0usize; lists.len()];
    shortest
        .iter()
        .copied()
        .filter(|&position| {
            lists
                .iter()
                .zip(&mut at)
                .all(|(list, at)| contains_from(list, at, position))
        })
        .collect()
}

/// Whether ascending `list` holds `position`, looking from `at` on and moving `at` past what
/// is smaller (positions are asked for ascending).
fn contains_from(list: &[u32], at: &mut usize, position: u32) -> bool {
    let rest = list.get(*at..).unwrap_or_default();
    let skipped = rest.partition_point(|&p| p < position);
    *at += skipped;
    list.get(*at) == Some(&position)
}

/// The candidates, each with the most it can score, in the order they are scored: the highest
/// bound first, then the shorter title (ascending position).
fn by_bound(candidates: &[u32], wholes: &[Option<Cow<'_, [u32]>>]) -> Vec<(u32, u32)> {
    let top = best_possible(Weight::Title);
    let start = points(MatchKind::Prefix, Weight::Title);
    let mut at = vec![0usize; wholes.len()];
    let mut order: Vec<(u32, u32)> = candidates
        .iter()
        .map(|&position| {
            let bound = wholes
                .iter()
                .zip(&mut at)
                .map(|(whole, at)| match whole {
                    Some(list) if !contains_from(list, at, position) => start,
                    _ => top,
                })
                .fold(0u32, u32::saturating_add);
            (bound, position)
        })
        .collect();
    // Stable: within a bound, positions stay ascending.
    order.sort_by_key(|&(bound, _)| Reverse(bound));
    order
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, OnceLock};

    use proptest::prelude::*;

    use super::*;
    use crate::{
        data::Catalog,
        search::{FIRST_SHOWN, results::RANKED_FIRST},
        synthetic,
    };

    /// Synthetic catalogs of a few sizes and seeds, prepared once for every case.
    fn indexes() -> &'static [SearchIndex] {
        static INDEXES: OnceLock<Vec<SearchIndex>> = OnceLock::new();
        INDEXES.get_or_init(|| {
            [(300, 1), (1_200, 2), (2_500, 5)]
                .into_iter()
                .map(|(records, seed)| {
                    let dataset = synthetic::generate(records, seed);
                    let catalog = Catalog::new(dataset, None).expect("synthetic data is valid");
                    let index = SearchIndex::new(&Arc::new(catalog));
                    index.prepare();
                    index
                })
                .collect()
        })
    }

    /// The first screen and as many of the full search's first hits, when the first screen
    /// is proven.
    fn both(
        index: &SearchIndex,
        text: &str,
        (least, most): (usize, usize),
        budget: usize,
    ) -> Option<(Vec<Hit>, Vec<Hit>)> {
        let query = Query::parse(text);
        let fast = index.first_screen(&query, (least, most), budget)?;
        assert!(
            (least..=most).contains(&fast.len()),
            "{text}: {}",
            fast.len()
        );
        let full = index.search(&query);
        let expected = full.hits().iter().take(fast.len()).copied().collect();
        Some((fast, expected))
    }

    /// A query word of one to three letters: mostly the start of the synthetic names' and
    /// words' (so that many queries are proven), sometimes a `!word`.
    fn word() -> impl Strategy<Value = String> {
        let starts = vec![
            "a", "ab", "al", "ar", "k", "ka", "kar", "za", "s", "su", "sul", "sha", "t", "ta",
            "tan", "b", "bo", "bol", "m", "mi", "mir", "d", "di", "din", "g", "gu", "o", "os", "n",
            "ne", "c", "co", "con", "de", "re", "p", "pr", "i", "in", "h", "1", "2", "12",
        ];
        prop_oneof![
            6 => prop::sample::select(starts),
            1 => prop::sample::select(vec!["!ka", "!bol", "!s", "!za", "!co", "!mi"]),
            1 => prop::sample::select(vec!["q", "zq", "x", "ak", "lo", "!", "^a"]),
        ]
        .prop_map(str::to_string)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn the_first_screen_is_the_first_hits_of_the_full_search(
            which in 0usize..3,
            words in prop::collection::vec(word(), 1..=3),
            scope in prop::sample::select(vec![
                "", "", "k:summit", "k:person", "t:funding", "t:p", "y:1990-2010", "p:a",
            ]),
            least in 1usize..6,
            more in 0usize..30,
            budget in prop::sample::select(vec![50, 300, usize::MAX]),
        ) {
            let text = format!("{} {scope}", words.join(" "));
            let most = least + more;
            if let Some((fast, full)) = both(&indexes()[which], &text, (least, most), budget) {
                prop_assert_eq!(fast, full, "{}", text);
            }
        }
    }

    #[test]
    fn a_broad_query_is_proven_without_scoring_every_match() {
        let index = &indexes()[2];
        // `a` is a stop word beside another word: `a !bol` is `!bol`, which ranks nothing.
        assert!(both(index, "a !bol", (1, 20), usize::MAX).is_none());
        for text in ["a", "co", "su", "a t:p", "co a", "co !bol"] {
            let (fast, full) =
                both(index, text, (10, 20), usize::MAX).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(fast, full, "{text}");
        }
        // Within a small budget: the shortest titles come first.
        let query = Query::parse("a");
        let matches = index.search(&query).len();
        assert!(matches > 2_000, "{matches}");
        assert!(index.first_screen(&query, (20, 20), 200).is_some());
    }

    #[test]
    fn a_query_the_postings_cannot_bound_is_left_to_the_full_scan() {
        let index = &indexes()[2];
        for text in [
            "^a",
            "a$",
            "'of",
            "2005",
            "k:summit",
            "!a",
            "zzzz",
            "conference",
        ] {
            assert!(
                index
                    .first_screen(&Query::parse(text), (1, 5), usize::MAX)
                    .is_none(),
                "{text}"
            );
        }
    }

    #[test]
    fn the_bound_holds_for_as_many_words_as_are_tried() {
        assert!(bound_holds(MOST_WORDS));
        assert!(!bound_holds(40), "a gap of 1000 between classes, 30 within");
    }

    #[test]
    fn a_search_reports_its_proven_first_screen_before_it_ends() {
        let catalog = Catalog::new(synthetic::generate(20_000, 3), None).expect("valid");
        // Chunks smaller than the catalog, so it counts as large.
        let index = SearchIndex::new(&Arc::new(catalog)).with_chunk_size(4_096);
        index.prepare_postings();
        let query = Query::parse("a");
        let proven = index.first_screen(&query, (FIRST_SHOWN, RANKED_FIRST), BUDGET);
        let proven = proven.unwrap_or_default();
        assert!(proven.len() >= FIRST_SHOWN);
        let mut told: Vec<Vec<Hit>> = Vec::new();
        let results = index
            .search_from(&query, None, |progress| {
                if progress.first_known() {
                    told.push(progress.results().hits().to_vec());
                    assert!(progress.hit_count() >= told[told.len() - 1].len());
                }
                true
            })
            .unwrap_or_default();
        assert!(told.len() > 1, "told at once, then with every chunk");
        for first in &told {
            assert_eq!(first, &proven);
            assert_eq!(&first[..], &results.hits()[..first.len()]);
        }
    }
}
