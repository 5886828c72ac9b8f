//! What every search needs, worked out once per catalog on first use: the typo vocabulary,
//! the letters each record holds (so most records are ruled out without reading them), and
//! where each record's running text lies.

use super::{
    for_each_own_field, for_each_shown_name, prefilter,
    running_text::RunningText,
    vocabulary::{Fields, Vocabulary},
};
use std::sync::OnceLock;

use crate::data::Catalog;

/// Worked out once per catalog: the typo vocabulary, and which letters each record holds.
pub(super) struct Prepared {
    /// The words of titles and names, with their records.
    pub(super) vocabulary: Vocabulary,
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
}

impl Prepared {
    /// The words of `catalog`'s running text (the catalog this was prepared for).
    pub(super) fn running_words(&self, catalog: &Catalog) -> &Vocabulary {
        self.running_words
            .get_or_init(|| Vocabulary::new(catalog, Fields::Running))
    }

    /// Works it all out for `catalog`, on two threads.
    pub(super) fn new(catalog: &Catalog) -> Self {
        let masks = || {
            let mut scratch = String::new();
            catalog
                .records()
                .map(|record| {
                    let (mut own, mut fuzzy) = (0, 0);
                    for_each_own_field(catalog, record, &mut scratch, |_, weight, text| {
                        let mask = prefilter::letter_mask(text.as_str());
                        own |= mask;
                        if weight.is_naming() {
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
                let vocabulary = Vocabulary::new(catalog, Fields::Names);
                let masks = masks
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                (vocabulary, masks)
            });
        Prepared {
            vocabulary,
            running_words: OnceLock::new(),
            own_masks,
            name_masks,
            fuzzy_masks,
            running,
        }
    }
}
