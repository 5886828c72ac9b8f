//! The other spellings of names, matched once per query. A name may have tens of thousands of
//! spellings and thousands of records may bear it (every event held in one place), so matching
//! them record by record would take the product of the two. Instead each name's spellings are
//! matched against the query the first time a record bearing it is looked at, and that answer
//! serves every other record: the prefilter's bits, and each word's best kind of match.
//!
//! A name's spellings count as fields of one name and weight, so the best of them is what a
//! record would have scored had each been a field of its own (a better kind always scores more
//! in a field of a given weight, see [`points`](super::word_match::points)).

use std::sync::OnceLock;

use nucleo_matcher::{Config, Matcher, Utf32Str, chars::graphemes};

use super::{
    prefilter::Needle,
    query::{Query, QueryWord},
    word_match::MatchKind,
};
use crate::data::{Catalog, SpelledName};

/// The answers of every name's spellings to one query, each worked out when first asked for
/// (from either scanning thread; the other waits for it rather than working it out again).
pub(super) struct SpelledAnswers<'q> {
    catalog: &'q Catalog,
    query: &'q Query,
    /// The prefilter needles of the query, as the plan numbers them (one bit each).
    needles: Vec<&'q Needle>,
    /// By name number.
    answers: Vec<OnceLock<Box<Answer>>>,
}

/// What one name's spellings answer to the query; each part is worked out when first needed.
#[derive(Default)]
struct Answer {
    /// A bit per needle: whether some spelling holds it as written.
    occurs: OnceLock<u64>,
    /// A bit per needle: whether some spelling holds its letters in order (as titles are
    /// prefiltered, initials being matched there).
    in_order: OnceLock<u64>,
    /// By query word: the best kind of match in some spelling, as written only and as written
    /// or as initials; for a `!word`, `Whole` when no spelling holds it, else `None`.
    kinds: [OnceLock<Vec<Option<MatchKind>>>; 2],
    /// By query word: the best kind of match with typos in some spelling.
    typos: OnceLock<Vec<Option<MatchKind>>>,
}

impl<'q> SpelledAnswers<'q> {
    /// No answers yet for `query`, whose prefilter needles are `needles`.
    pub(super) fn new(catalog: &'q Catalog, query: &'q Query, needles: &[&'q Needle]) -> Self {
        Self {
            catalog,
            query,
            needles: needles.to_vec(),
            answers: (0..catalog.spelled_name_count())
                .map(|_| OnceLock::new())
                .collect(),
        }
    }

    fn answer(&self, id: SpelledName) -> Option<&Answer> {
        let slot = self.answers.get(id as usize)?;
        Some(slot.get_or_init(Box::default))
    }

    fn spellings(&self, id: SpelledName) -> &'q [String] {
        self.catalog.spellings_by_id(id)
    }

    /// The needles some spelling of `id` passes the prefilter for, as bits: by letters in
    /// order when `in_order` (a title's), else as written.
    pub(super) fn prefilter(&self, id: SpelledName, in_order: bool) -> u64 {
        let Some(answer) = self.answer(id) else {
            return 0;
        };
        let (cell, passes): (_, fn(&Needle, &str) -> bool) = if in_order {
            (&answer.in_order, |needle, text| {
                needle.advance(&mut 0, text)
            })
        } else {
            (&answer.occurs, |needle, text| needle.occurs_in(text))
        };
        *cell.get_or_init(|| {
            let all = match self.needles.len() {
                0 => 0,
                64.. => u64::MAX,
                n => (1u64 << n) - 1,
            };
            let mut found = 0u64;
            for spelling in self.spellings(id) {
                for (bit, needle) in self.needles.iter().enumerate().take(64) {
                    if found & (1 << bit) == 0 && passes(needle, spelling) {
                        found |= 1 << bit;
                    }
                }
                if found == all {
                    break;
                }
            }
            found
        })
    }

    /// How word number `word` of the query matches the spellings of `id` at best, as written
    /// or, when `initials`, as initials too (see [`QueryWord::match_field`]); for a `!word`,
    /// `Some` when no spelling holds it.
    pub(super) fn kind(&self, id: SpelledName, word: usize, initials: bool) -> Option<MatchKind> {
        let answer = self.answer(id)?;
        let kinds = answer.kinds[usize::from(initials)].get_or_init(|| {
            self.each_word(id, |word, text, matcher, indices| {
                word.match_field(text, initials, matcher, indices)
            })
        });
        kinds.get(word).copied().flatten()
    }

    /// How word number `word` of the query matches the spellings of `id` with typos, at best
    /// (see [`QueryWord::match_with_typos`]).
    pub(super) fn typo_kind(&self, id: SpelledName, word: usize) -> Option<MatchKind> {
        let answer = self.answer(id)?;
        let kinds = answer.typos.get_or_init(|| {
            self.each_word(id, |word, text, _, indices| {
                if word.is_negative() || !word.allows_typos() {
                    return None;
                }
                word.match_with_typos(text, indices)
            })
        });
        kinds.get(word).copied().flatten()
    }

    /// For each word of the query, the best of `matches` over the spellings of `id`; for a
    /// `!word`, which "matches" a text lacking it, `Some` only when every spelling does.
    fn each_word(
        &self,
        id: SpelledName,
        mut matches: impl FnMut(
            &QueryWord,
            Utf32Str<'_>,
            &mut Matcher,
            &mut Vec<u32>,
        ) -> Option<MatchKind>,
    ) -> Vec<Option<MatchKind>> {
        let mut matcher = Matcher::new(Config::DEFAULT);
        let mut indices = Vec::new();
        let mut chars = Vec::new();
        let words = self.query.words();
        let mut best: Vec<Option<MatchKind>> = words
            .iter()
            .map(|word| word.is_negative().then_some(MatchKind::Whole))
            .collect();
        for spelling in self.spellings(id) {
            let text = utf32(spelling, &mut chars);
            for (word, best) in words.iter().zip(&mut best) {
                let found = matches(word, text, &mut matcher, &mut indices);
                if word.is_negative() {
                    *best = best.and(found);
                } else {
                    *best = (*best).max(found);
                }
            }
        }
        best
    }
}

/// `text` as the matcher reads it: its bytes when ASCII, else its graphemes (in `chars`).
pub(super) fn utf32<'a>(text: &'a str, chars: &'a mut Vec<char>) -> Utf32Str<'a> {
    if text.is_ascii() {
        return Utf32Str::Ascii(text.as_bytes());
    }
    chars.clear();
    chars.extend(graphemes(text));
    Utf32Str::Unicode(chars)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::super::{
        Query, SearchIndex,
        record_match::{RecordText, Scorer},
    };
    use crate::{
        data::{Catalog, load_embedded},
        synthetic::{self, spelling_name},
    };

    /// Every record's prefilter bits and score, with each name's spellings answered once per
    /// query, are what they are with every spelling loaded as a field of its own (typos
    /// allowed everywhere, so they are compared too).
    fn agrees_field_by_field(catalog: &Arc<Catalog>, queries: &[String]) {
        let index = SearchIndex::new(catalog);
        for text in queries {
            let query = Query::parse(text);
            let plan = index.plan(&query, catalog.record_count());
            let mut grouped = RecordText::new(catalog);
            let mut expanded = RecordText::expanding_spellings(catalog);
            let mut scorer = Scorer::default();
            for record in catalog.records() {
                let related = plan.related_flags(record, plan.all_flags);
                let years = plan.year_flags(record);
                let mut outcome = |text: &mut RecordText<'_>| {
                    text.load(record);
                    let flags =
                        text.prefilter_own(&plan.needles, (plan.all_flags, 0, 0), &plan.spelled);
                    let score =
                        scorer.score(text, (&query, &plan.spelled), related, years, |_| true);
                    (flags, score)
                };
                assert_eq!(
                    outcome(&mut grouped),
                    outcome(&mut expanded),
                    "{text:?} on {record:?}"
                );
            }
        }
    }

    #[test]
    fn answers_per_name_agree_with_each_spelling_as_a_field() {
        let catalog = Arc::new(load_embedded().expect("embedded data"));
        let queries = [
            "mecca",
            "makah",
            "mekkah",
            "nursultan",
            "nazarbaev",
            "isdb",
            "'isdb",
            "^isd",
            "isdb$",
            "!isdb",
            "!mecca",
            "icesco",
            "iwesco",
            "islamic world",
            "organisation",
            "putrajaya",
            "2005 mecca",
            "kazakhstan makkah",
            "m",
            "is",
            "p:mecca",
        ];
        agrees_field_by_field(&catalog, &queries.map(String::from));
    }

    #[test]
    fn answers_per_name_agree_on_a_place_with_hundreds_of_names() {
        let catalog = Arc::new(
            Catalog::new(synthetic::spelled_place(60, 300), None).expect("the data is valid"),
        );
        let name = spelling_name(123).to_lowercase();
        let mut typo: Vec<char> = name.chars().collect();
        typo.swap(4, 5);
        let typo: String = typo.into_iter().collect();
        let queries = [
            name.clone(),
            typo,
            format!("{name}x"),
            format!("!{name}"),
            format!("'{name}"),
            format!("^{name}"),
            format!("{name} summit"),
            format!("{} baku", &name[..5]),
            spelling_name(7),
            "baku".into(),
            "q".into(),
            "qy".into(),
            "bk".into(),
        ];
        agrees_field_by_field(&catalog, &queries);
    }
}
