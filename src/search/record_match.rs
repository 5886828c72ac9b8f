//! Matching one record: its fields loaded once (borrowed from the catalog), the prefilter run
//! over them, then the words scored field by field (see `word_match::points`), stopping as
//! soon as no field left could beat the best score found. The other spellings of a name the
//! record bears are one field here, answered from what the query worked out for that name
//! (see `spelled`), however many there are.

use nucleo_matcher::{Config, Matcher, Utf32Str};

use super::{
    fields::{FieldText, FieldValue, Weight, for_each_own_field, for_each_related_field},
    plan::YearFlags,
    prefilter::Needle,
    query::{Query, QueryWord},
    spelled::SpelledAnswers,
    word_match::{AS_WRITTEN, MatchKind, best_possible, points},
};
use crate::data::{Catalog, RecordRef, SpelledName};

/// Where a field's text is.
#[derive(Clone, Copy)]
enum Source<'c> {
    /// In the catalog.
    Catalog(&'c str),
    /// Formatted for this record (a date, an amount), in `scratch`.
    Scratch(usize, usize),
    /// The other spellings of the name with this number, matched once per query.
    Spellings(SpelledName),
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
    /// Whether each of a name's spellings is loaded as a field of its own, as the tests that
    /// check the answers per name against them want.
    expand_spellings: bool,
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
            expand_spellings: false,
        }
    }

    /// Buffers that load each of a name's spellings as a field of its own, as search did before
    /// matching them once per name: what the answers per name must agree with.
    #[cfg(test)]
    pub fn expanding_spellings(catalog: &'c Catalog) -> Self {
        Self {
            expand_spellings: true,
            ..Self::new(catalog)
        }
    }

    /// Pushes `source` with `weight`, or, when expanding, each of a name's spellings.
    fn push(
        spans: &mut Vec<(Weight, Source<'c>)>,
        (catalog, expand): (&'c Catalog, bool),
        weight: Weight,
        source: Source<'c>,
    ) {
        match source {
            Source::Spellings(id) if expand => spans.extend(
                catalog
                    .spellings_by_id(id)
                    .iter()
                    .map(|spelling| (weight, Source::Catalog(spelling))),
            ),
            _ => spans.push((weight, source)),
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
        let expand = (catalog, self.expand_spellings);
        let Self {
            spans,
            scratch,
            formatted,
            ..
        } = self;
        for_each_own_field(catalog, record, scratch, |_, weight, value| {
            // A text held by the catalog stays borrowed; a formatted one is copied here.
            let source = match value {
                FieldValue::Text(FieldText::Kept(kept)) => Source::Catalog(kept),
                FieldValue::Text(FieldText::Formatted(formatted_text)) => {
                    let start = formatted.len();
                    formatted.push_str(formatted_text);
                    Source::Scratch(start, formatted.len())
                }
                FieldValue::Spellings(id) => Source::Spellings(id),
            };
            Self::push(spans, expand, weight, source);
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
        let expand = (self.catalog, self.expand_spellings);
        let spans = &mut self.spans;
        for_each_related_field(self.catalog, record, &mut |_, weight, value, _| {
            let source = match value {
                FieldValue::Text(FieldText::Kept(text) | FieldText::Formatted(text)) => {
                    Source::Catalog(text)
                }
                FieldValue::Spellings(id) => Source::Spellings(id),
            };
            Self::push(spans, expand, weight, source);
        });
        self.unicode.resize(self.spans.len(), None);
        self.spans.len() > before
    }

    /// The text of a span that holds one (not a name's spellings, which have none).
    fn str(&self, source: Source<'c>) -> &str {
        match source {
            Source::Catalog(text) => text,
            Source::Scratch(start, end) => &self.formatted[start..end],
            Source::Spellings(_) => "",
        }
    }

    /// The number of the name whose spellings span `index` stands for, if it does.
    fn spelled(&self, index: usize) -> Option<SpelledName> {
        match self.spans[index].1 {
            Source::Spellings(id) => Some(id),
            _ => None,
        }
    }

    /// The text of span `index` as the matcher reads it (empty for a name's spellings).
    fn text(&mut self, index: usize) -> Utf32Str<'_> {
        let (_, source) = self.spans[index];
        let text = self.str(source);
        if text.is_ascii() {
            return match source {
                Source::Catalog(text) => Utf32Str::Ascii(text.as_bytes()),
                Source::Scratch(start, end) => {
                    Utf32Str::Ascii(&self.formatted.as_bytes()[start..end])
                }
                Source::Spellings(_) => Utf32Str::Ascii(&[]),
            };
        }
        let (start, end) = match self.unicode[index] {
            Some(range) => range,
            None => {
                let start = self.chars.len();
                let text = match source {
                    Source::Catalog(text) => text,
                    Source::Scratch(a, b) => &self.formatted[a..b],
                    Source::Spellings(_) => "",
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
    /// A name's spellings pass as `spelled` says.
    pub fn prefilter_own(
        &mut self,
        needles: &[&Needle],
        (all, known, found): (u64, u64, u64),
        spelled: &SpelledAnswers<'_>,
    ) -> u64 {
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
            let running = weight == Weight::Text;
            if let Source::Spellings(id) = source {
                let skipped = if running { known } else { 0 };
                flags |= spelled.prefilter(id, weight.allows_initials()) & !skipped;
                continue;
            }
            let text = self.str(source);
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
    /// `spelled` answers for the spellings of the names the record bears.
    pub fn score(
        &mut self,
        text: &mut RecordText<'_>,
        (query, spelled): (&Query, &SpelledAnswers<'_>),
        related: u64,
        years: YearFlags,
        typos_reachable: impl Fn(usize) -> bool,
    ) -> Option<u32> {
        let mut total = 0u32;
        let mut positive = 0;
        for (number, word) in query.words().iter().enumerate() {
            let at = (number, word);
            if word.is_negative() {
                text.load_related();
                for index in 0..text.spans.len() {
                    let fuzzy = text.spans[index].0.allows_initials();
                    // A negative word "matches" a field only when the field lacks it.
                    match text.spelled(index) {
                        Some(id) => spelled.kind(id, number, fuzzy)?,
                        None => word.match_field(
                            text.text(index),
                            fuzzy,
                            &mut self.matcher,
                            &mut self.indices,
                        )?,
                    };
                }
                continue;
            }
            let bit = |flags: u64| positive >= 64 || flags & (1 << positive) != 0;
            let mut best = self.best(text, at, spelled, bit(related));
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
                best = best.max(self.best_with_typos(text, at, spelled));
            }
            positive += 1;
            total = total.saturating_add(best?);
        }
        Some(total)
    }

    /// The best score of word number `number` over the fields, skipping those that cannot
    /// beat it.
    fn best(
        &mut self,
        text: &mut RecordText<'_>,
        (number, word): (usize, &QueryWord),
        spelled: &SpelledAnswers<'_>,
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
                let kind = match text.spelled(index) {
                    Some(id) => spelled.kind(id, number, weight.allows_initials()),
                    None => word.match_field(
                        text.text(index),
                        weight.allows_initials(),
                        &mut self.matcher,
                        &mut self.indices,
                    ),
                };
                if let Some(kind) = kind {
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

    /// The best score of word number `number` with typos, in any field (the names of related
    /// records too).
    fn best_with_typos(
        &mut self,
        text: &mut RecordText<'_>,
        (number, word): (usize, &QueryWord),
        spelled: &SpelledAnswers<'_>,
    ) -> Option<u32> {
        text.load_related();
        let mut best = None;
        for index in 0..text.spans.len() {
            let weight = text.spans[index].0;
            if best.is_some_and(|b| b >= points(MatchKind::OneTypo, weight)) {
                break;
            }
            let kind = match text.spelled(index) {
                Some(id) => spelled.typo_kind(id, number),
                None => word.match_with_typos(text.text(index), &mut self.indices),
            };
            if let Some(kind) = kind {
                best = best.max(Some(points(kind, weight)));
            }
        }
        best
    }
}
