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
        OnceLock,
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
        // own end would not be (it ends after its last word).
        let finished = AtomicUsize::new(0);
        let finish = || {
            finished.fetch_add(1, Ordering::SeqCst);
            watcher.unpark();
        };
        // The two halves of the work share nothing: one thread each; this one watches.
        let ([own_masks, name_masks, fuzzy_masks], running) = thread::scope(|scope| {
            let masks = scope.spawn(|| {
                let masks = letter_masks(catalog, &masks_done);
                finish();
                masks
            });
            let running = scope.spawn(|| {
                let running = RunningText::new(catalog);
                finish();
                running
            });
            while finished.load(Ordering::SeqCst) < 2 {
                thread::park_timeout(every);
                if finished.load(Ordering::SeqCst) < 2 {
                    watch(percent());
                }
            }
            let running = running
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            let masks = masks
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (masks, running)
        });
        // The halves' scratch is freed now; glibc would keep it.
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

/// By slot: the letters of each record's own fields, of what it shows to those that refer to
/// it, and of its naming fields (see [`Prepared`]); adds to `done` as records are read. The
/// letters of a name's other spellings are gathered once per name, not per record bearing it.
fn letter_masks(catalog: &Catalog, done: &AtomicUsize) -> [Vec<u64>; 3] {
    let spelled: Vec<u64> = (0..catalog.spelled_name_count())
        .map(|id| {
            let id = SpelledName::try_from(id).unwrap_or(SpelledName::MAX);
            catalog
                .spellings_by_id(id)
                .iter()
                .fold(0, |mask, spelling| mask | prefilter::letter_mask(spelling))
        })
        .collect();
    let mask_of = |value: FieldValue<'_, '_>| match value {
        FieldValue::Text(text) => prefilter::letter_mask(text.as_str()),
        FieldValue::Spellings(id) => spelled.get(id as usize).copied().unwrap_or(u64::MAX),
    };
    let mut scratch = String::new();
    let mut all = [Vec::new(), Vec::new(), Vec::new()];
    for list in &mut all {
        list.reserve_exact(catalog.record_count());
    }
    for (slot, record) in catalog.records().enumerate() {
        if slot % COUNT_EVERY == COUNT_EVERY - 1 {
            done.fetch_add(COUNT_EVERY, Ordering::Relaxed);
        }
        let (mut own, mut fuzzy) = (0, 0);
        for_each_own_field(catalog, record, &mut scratch, |_, weight, value| {
            let mask = mask_of(value);
            own |= mask;
            if weight.is_naming() {
                fuzzy |= mask;
            }
        });
        let mut name = 0;
        for_each_shown_name(catalog, record, &mut |value| name |= mask_of(value));
        for (list, mask) in all.iter_mut().zip([own, name, fuzzy]) {
            list.push(mask);
        }
    }
    all
}
