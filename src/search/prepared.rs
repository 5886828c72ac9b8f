//! What every search needs, worked out once per catalog on first use: the letters each
//! record holds (so most records are ruled out without reading them) and where each record's
//! running text lies; and, worked out apart so the index is ready sooner, what only some
//! searches need: which records have a title word starting with given letters (a broad
//! query's first screen) and the vocabulary of names (typos).

use super::{
    COUNT_EVERY,
    fields::FieldValue,
    for_each_own_field, for_each_shown_name,
    postings::Postings,
    prefilter,
    running_text::RunningText,
    vocabulary::{Fields, Vocabulary},
};
use std::{
    sync::{
        Mutex, OnceLock,
        atomic::{AtomicUsize, Ordering},
    },
    thread,
    time::Duration,
};

use crate::data::{Catalog, SpelledName};

/// Worked out once per catalog: the typo vocabulary, and which letters each record holds.
pub(super) struct Prepared {
    /// The words of titles and names, with their records: worked out when first needed.
    vocabulary: OnceLock<Vocabulary>,
    /// The words of running text, worked out the first time a typo is looked for there.
    running_words: OnceLock<Vocabulary>,
    /// By slot: the letters and digits in the record's own fields (see
    /// [`prefilter::letter_mask`]).
    pub(super) own_masks: Vec<u64>,
    /// By slot: the letters in what the record shows to those that refer to it (its title, an
    /// event's place).
    pub(super) name_masks: Vec<u64>,
    /// By slot: the letters in the record's title and naming fields (all but running text).
    pub(super) fuzzy_masks: Vec<u64>,
    /// Where each record's running text is, for finding a word in all of it in one pass.
    pub(super) running: Option<RunningText>,
    /// Which records have a word starting with given letters in a title, by title order:
    /// worked out after the rest (searches run meanwhile, scanning every record).
    postings: OnceLock<Postings>,
}

impl Prepared {
    /// The words of `catalog`'s titles and names (the catalog this was prepared for), for
    /// typos: built now if no one has yet.
    pub(super) fn vocabulary(&self, catalog: &Catalog) -> &Vocabulary {
        self.vocabulary
            .get_or_init(|| Vocabulary::new(catalog, Fields::Names))
    }

    /// The postings of `catalog` (the catalog this was prepared for): built now if no one
    /// has yet.
    pub(super) fn postings(&self, catalog: &Catalog) -> &Postings {
        self.postings.get_or_init(|| {
            let postings = Postings::new(catalog);
            // The keys read on the way are freed now; glibc would keep them.
            crate::data::pages::return_freed_memory();
            postings
        })
    }

    /// The postings, if they are built.
    pub(super) fn postings_ready(&self) -> Option<&Postings> {
        self.postings.get()
    }

    /// The words of `catalog`'s running text (the catalog this was prepared for).
    pub(super) fn running_words(&self, catalog: &Catalog) -> &Vocabulary {
        self.running_words
            .get_or_init(|| Vocabulary::new(catalog, Fields::Running))
    }

    /// Works it all out for `catalog`, on two threads.
    pub(super) fn new(catalog: &Catalog) -> Self {
        Self::watched(catalog, Duration::MAX, |_| {})
    }

    /// [`Prepared::new`], calling `watch` with how far it has got, in percent, every `every`
    /// while it works (on the calling thread, which does nothing else meanwhile).
    pub(super) fn watched(catalog: &Catalog, every: Duration, mut watch: impl FnMut(u8)) -> Self {
        let masks_done = AtomicUsize::new(0);
        let percent = || {
            let done = masks_done.load(Ordering::Relaxed);
            let total = catalog.record_count().max(1);
            u8::try_from((done.min(total) * 100 / total).min(99)).unwrap_or(99)
        };
        let watcher = thread::current();
        // How many halves are done: counted before they wake the watcher, which a thread's
        // own end would not be (it ends after its last word). Counted when a half panics too
        // (the guard's drop), so the watcher stops and the panic reaches the caller.
        let finished = AtomicUsize::new(0);
        let finish = || {
            finished.fetch_add(1, Ordering::SeqCst);
            watcher.unpark();
        };

        // Two threads: one builds the running text and then helps with the letter masks, which
        // both take piece by piece, so neither waits on the other; this one watches.
        let spelled = spelled_masks(catalog);
        let records = catalog.record_count();
        let [mut own_masks, mut name_masks, mut fuzzy_masks] = [(); 3].map(|()| vec![0; records]);
        let work = MaskWork {
            catalog,
            spelled: &spelled,
            pieces: Mutex::new(Box::new(
                own_masks
                    .chunks_mut(MASK_PIECE)
                    .zip(name_masks.chunks_mut(MASK_PIECE))
                    .zip(fuzzy_masks.chunks_mut(MASK_PIECE))
                    .enumerate()
                    .map(|(n, ((own, name), fuzzy))| (n * MASK_PIECE, [own, name, fuzzy])),
            )),
            done: &masks_done,
        };
        let running = thread::scope(|scope| {
            scope.spawn(|| {
                let _finishing = Finishing(finish);
                work.take_pieces();
            });
            let running = scope.spawn(|| {
                let _finishing = Finishing(finish);
                let running = RunningText::new(catalog);
                work.take_pieces();
                running
            });
            while finished.load(Ordering::SeqCst) < 2 {
                thread::park_timeout(every);
                if finished.load(Ordering::SeqCst) < 2 {
                    watch(percent());
                }
            }
            running
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        });
        drop(work);
        // The threads' scratch is freed now; glibc would keep it.
        crate::data::pages::return_freed_memory();
        Prepared {
            vocabulary: OnceLock::new(),
            running_words: OnceLock::new(),
            own_masks,
            name_masks,
            fuzzy_masks,
            running,
            postings: OnceLock::new(),
        }
    }
}

/// Calls its function when dropped: when the thread holding it ends, by returning or by
/// panicking.
struct Finishing<F: Fn()>(F);

impl<F: Fn()> Drop for Finishing<F> {
    fn drop(&mut self) {
        (self.0)();
    }
}

/// How many records' letter masks a thread works out at a time.
const MASK_PIECE: usize = 16 * COUNT_EVERY;

/// A run of records, from its first slot, and the places for its letter masks: own, name and
/// naming fields.
type MaskPiece<'m> = (usize, [&'m mut [u64]; 3]);

/// The letters of each name's other spellings, by name: gathered once, not per record bearing
/// it.
fn spelled_masks(catalog: &Catalog) -> Vec<u64> {
    (0..catalog.spelled_name_count())
        .map(|id| {
            let id = SpelledName::try_from(id).unwrap_or(SpelledName::MAX);
            catalog
                .spellings_by_id(id)
                .iter()
                .fold(0, |mask, spelling| mask | prefilter::letter_mask(spelling))
        })
        .collect()
}

/// The letter masks of every record (see [`Prepared`]), shared out in pieces of
/// [`MASK_PIECE`] records between the threads that take them.
struct MaskWork<'a, 'm> {
    catalog: &'a Catalog,
    spelled: &'a [u64],
    /// The pieces not yet taken.
    pieces: Mutex<Box<dyn Iterator<Item = MaskPiece<'m>> + Send + 'm>>,
    /// How many records are done, for the watcher.
    done: &'a AtomicUsize,
}

impl MaskWork<'_, '_> {
    /// Works out pieces until none is left.
    fn take_pieces(&self) {
        let mut scratch = String::new();
        // A thread that panicked while holding the lock took no piece it did not finish.
        let next = || match self.pieces.lock() {
            Ok(mut pieces) => pieces.next(),
            Err(poisoned) => poisoned.into_inner().next(),
        };
        while let Some((first, masks)) = next() {
            self.fill(first, masks, &mut scratch);
        }
    }

    /// The letters of the records from slot `first`, one for each place in `masks`: of their
    /// own fields, of what each shows to those that refer to it, and of its naming fields.
    fn fill(&self, first: usize, [own, name, fuzzy]: [&mut [u64]; 3], scratch: &mut String) {
        let catalog = self.catalog;
        let mask_of = |value: FieldValue<'_, '_>| match value {
            FieldValue::Text(text) => prefilter::letter_mask(text.as_str()),
            FieldValue::Spellings(id) => self.spelled.get(id as usize).copied().unwrap_or(u64::MAX),
        };
        let count = own.len();
        let places = own.iter_mut().zip(name).zip(fuzzy);
        for (slot, ((own, name), fuzzy)) in (first..).zip(places) {
            let Some(record) = catalog.record_at(slot) else {
                continue;
            };
            for_each_own_field(catalog, record, scratch, |_, weight, value| {
                let mask = mask_of(value);
                *own |= mask;
                if weight.is_naming() {
                    *fuzzy |= mask;
                }
            });
            for_each_shown_name(catalog, record, &mut |value| *name |= mask_of(value));
        }
        self.done.fetch_add(count, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A half that panics is still counted as finished, so the thread watching them stops
    /// waiting and the panic reaches it, instead of the watcher waiting for ever.
    #[test]
    fn a_half_that_panics_still_ends_the_wait() {
        let finished = AtomicUsize::new(0);
        let watcher = thread::current();
        let finish = || {
            finished.fetch_add(1, Ordering::SeqCst);
            watcher.unpark();
        };
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            thread::scope(|scope| {
                scope.spawn(|| {
                    let _finishing = Finishing(finish);
                    panic!("a half fails");
                });
                let mut waits = 0;
                while finished.load(Ordering::SeqCst) < 1 {
                    thread::park_timeout(Duration::from_millis(10));
                    waits += 1;
                    assert!(waits < 1_000, "the watcher still waits after 10 s");
                }
            });
        }));
        assert!(outcome.is_err(), "the half's panic reaches the watcher");
        assert_eq!(finished.load(Ordering::SeqCst), 1);
    }
}
