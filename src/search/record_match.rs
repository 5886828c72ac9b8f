//! Matching one record: its fields loaded once (borrowed from the catalog), the prefilter run
//! over them, then the words scored field by field (see `word_match::points`), stopping as
//! soon as no field left could beat the best score found.

use nucleo_matcher::{Config, Matcher, Utf32Str};

use super::{
    fields::{FieldText, Weight, for_each_own_field, for_each_related_field},
    plan::YearFlags,
    prefilter::Needle,
    query::{Query, QueryWord},
    word_match::{AS_WRITTEN, MatchKind, best_possible, points},
};
use crate::data::{Catalog, RecordRef};

/// Where a field's text is.
#[derive(Clone, Copy)]
enum Source<'c> {
    /// In the catalog.
    Catalog(&'c str),
    /// Formatted for this record (a date, an amount), in `scratch`.
    Scratch(usize, usize),
}

/// A record's fields, loaded once for the prefilter and the scoring; the related records'
/// names only when something needs them.
pub struct RecordText<'c> {
    catalog: &'c Catalog,
    record: Option<RecordRef>,
    spans: Vec<(Weight, Source<'c>)>,
    scratch: String,
    formatted: String,
    /// For each span, its characters in `chars` when it is not ASCII (filled on demand).
    unicode: Vec<Option<(usize, usize)>>,
    chars: Vec<char>,
    related_loaded: bool,
}

impl<'c> RecordText<'c> {
    /// Buffers for matching records of `catalog`.
    pub fn new(catalog: &'c Catalog) -> Self {
        Self {
            catalog,
            record: None,
            spans: Vec::new(),
            scratch: String::new(),
            formatted: String::new(),
            unicode: Vec::new(),
            chars: Vec::new(),
            related_loaded: false,
        }
    }

    /// Loads `record`'s own fields.
    pub fn load(&mut self, record: RecordRef) {
        self.record = Some(record);
        self.spans.clear();
        self.unicode.clear();
        self.chars.clear();
        self.formatted.clear();
        self.related_loaded = false;
        let catalog = self.catalog;
        let Self {
            spans,
            scratch,
            formatted,
            ..
        } = self;
        for_each_own_field(catalog, record, scratch, |_, weight, text| {
            // A text held by the catalog stays borrowed; a formatted one is copied here.
            let source = match text {
                FieldText::Kept(kept) => Source::Catalog(kept),
                FieldText::Formatted(formatted_text) => {
                    let start = formatted.len();
                    formatted.push_str(formatted_text);
                    Source::Scratch(start, formatted.len())
                }
            };
            spans.push((weight, source));
        });
        self.unicode.resize(self.spans.len(), None);
    }

    /// Loads the names of the records it refers to, once.
    fn load_related(&mut self) -> bool {
        if self.related_loaded {
            return false;
        }
        self.related_loaded = true;
        let Some(record) = self.record else {
            return false;
        };
        let before = self.spans.len();
        let spans = &mut self.spans;
        for_each_related_field(self.catalog, record, &mut |_, weight, text| {
            spans.push((weight, Source::Catalog(text)));
        });
        self.unicode.resize(self.spans.len(), None);
        self.spans.len() > before
    }

    fn str(&self, source: Source<'c>) -> &str {
        match source {
            Source::Catalog(text) => text,
            Source::Scratch(start, end) => &self.formatted[start..end],
        }
    }

    /// The text of span `index` as the matcher reads it.
    fn text(&mut self, index: usize) -> Utf32Str<'_> {
        let (_, source) = self.spans[index];
        let text = match source {
            Source::Catalog(text) => text,
            Source::Scratch(start, end) => &self.formatted[start..end],
        };
        if text.is_ascii() {
            return match source {
                Source::Catalog(text) => Utf32Str::Ascii(text.as_bytes()),
                Source::Scratch(start, end) => {
                    Utf32Str::Ascii(&self.formatted.as_bytes()[start..end])
                }
            };
        }
        let (start, end) = match self.unicode[index] {
            Some(range) => range,
            None => {
                let start = self.chars.len();
                let text = match source {
                    Source::Catalog(text) => text,
                    Source::Scratch(a, b) => &self.formatted[a..b],
                };
                self.chars.extend(nucleo_matcher::chars::graphemes(text));
                self.unicode[index] = Some((start, self.chars.len()));
                (start, self.chars.len())
            }
        };
        Utf32Str::Unicode(&self.chars[start..end])
    }

    /// The title's length in graphemes.
    pub fn title_length(&mut self) -> usize {
        if self.spans.is_empty() {
            0
        } else {
            self.text(0).len()
        }
    }

    /// Which of `needles` pass the prefilter in the record's own fields (each within one
    /// field, by letters in order in a title, as written elsewhere), as bits.
    /// `known` says which needles were already looked for in the running text (and `found`
    /// which of those are there), so only the title and names are left to check for them.
    pub fn prefilter_own(&mut self, needles: &[&Needle], all: u64, known: u64, found: u64) -> u64 {
        let mut flags = found & known;
        for (bit, needle) in needles.iter().enumerate() {
            if needle.is_empty() {
                flags |= 1 << bit;
            }
        }
        for &(weight, source) in &self.spans {
            if flags == all {
                break;
            }
            let text = self.str(source);
            let running = weight == Weight::Text;
            for (bit, needle) in needles.iter().enumerate() {
                if flags & (1 << bit) != 0 || (running && known & (1 << bit) != 0) {
                    continue;
                }
                let passes = if weight.allows_initials() {
                    needle.advance(&mut 0, text)
                } else {
                    needle.occurs_in(text)
                };
                if passes {
                    flags |= 1 << bit;
                }
            }
        }
        flags
    }
}

/// What one thread needs to score records.
pub struct Scorer {
    matcher: Matcher,
    indices: Vec<u32>,
}

impl Default for Scorer {
    fn default() -> Self {
        Self {
            matcher: Matcher::new(Config::DEFAULT),
            indices: Vec::new(),
        }
    }
}

impl Scorer {
    /// The loaded record's score: every word must match some field, and each word counts its
    /// best field (see [`points`]); `None` when a word matches nowhere or a `!word` matches
    /// anywhere. A word is retried with typos only when `typos_reachable` says a typo can
    /// reach this record. `related` has a bit for each word (counting those that find records)
    /// that occurs in the name of a record this one refers to; the others never load those
    /// names. `years` has a bit for each word that is a year this record's dates cover.
    pub fn score(
        &mut self,
        text: &mut RecordText<'_>,
        query: &Query,
        related: u64,
        years: YearFlags,
        typos_reachable: impl Fn(usize) -> bool,
    ) -> Option<u32> {
        let mut total = 0u32;
        let mut positive = 0;
        for word in query.words() {
            if word.is_negative() {
                text.load_related();
                for index in 0..text.spans.len() {
                    let fuzzy = text.spans[index].0.allows_initials();
                    // A negative word "matches" a field only when the field lacks it.
                    word.match_field(
                        text.text(index),
                        fuzzy,
                        &mut self.matcher,
                        &mut self.indices,
                    )?;
                }
                continue;
            }
            let bit = |flags: u64| positive >= 64 || flags & (1 << positive) != 0;
            let mut best = self.best(text, word, bit(related));
            if positive < 64 {
                // A year that is the record's own counts as the year in its title; one that a
                // span of years covers, as the start of its title's word.
                if bit(years.only) {
                    best = best.max(Some(points(MatchKind::Whole, Weight::Title)));
                } else if bit(years.covered) {
                    best = best.max(Some(points(MatchKind::Prefix, Weight::Title)));
                }
            }
            if best.is_none_or(|b| b < AS_WRITTEN)
                && word.allows_typos()
                && typos_reachable(positive)
            {
                best = best.max(self.best_with_typos(text, word));
            }
            positive += 1;
            total = total.saturating_add(best?);
        }
        Some(total)
    }

    /// The word's best score over the fields, skipping those that cannot beat it.
    fn best(
        &mut self,
        text: &mut RecordText<'_>,
        word: &QueryWord,
        in_related: bool,
    ) -> Option<u32> {
        let mut best: Option<u32> = None;
        let mut index = 0;
        loop {
            while index < text.spans.len() {
                let weight = text.spans[index].0;
                if best.is_some_and(|b| b >= best_possible(weight)) {
                    return best;
                }
                if let Some(kind) = word.match_field(
                    text.text(index),
                    weight.allows_initials(),
                    &mut self.matcher,
                    &mut self.indices,
                ) {
                    best = best.max(Some(points(kind, weight)));
                }
                index += 1;
            }
            if !in_related
                || best.is_some_and(|b| b >= best_possible(Weight::Related))
                || !text.load_related()
            {
                return best;
            }
        }
    }

    /// The word's best score with typos, in any field (the names of related records too).
    fn best_with_typos(&mut self, text: &mut RecordText<'_>, word: &QueryWord) -> Option<u32> {
        text.load_related();
        let mut best = None;
        for index in 0..text.spans.len() {
            let weight = text.spans[index].0;
            if best.is_some_and(|b| b >= points(MatchKind::OneTypo, weight)) {
                break;
            }
            if let Some(kind) = word.match_with_typos(text.text(index), &mut self.indices) {
                best = best.max(Some(points(kind, weight)));
            }
        }
        best
    }
}
