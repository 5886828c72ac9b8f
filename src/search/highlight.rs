//! Which characters of a hit matched, for drawing: the title's, and the other field that best
//! explains the hit. Worked out only for the hits on screen, never while searching.
//!
//! A name's other spellings count as fields, but only those that can explain a hit are looked
//! at: for each word, the first spelling it matches best, as written and with typos (no other
//! can be the field a word is shown in). Which those are is worked out once per query and name
//! ([`SpellingChoices`]), as a name may have tens of thousands of spellings and every hit on
//! screen may bear it.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

use nucleo_matcher::{Config, Matcher};

use super::{
    Query, SearchIndex,
    fields::{SearchField, Weight, marked_fields},
    spelled::utf32,
    word_match::{AS_WRITTEN, MatchKind, is_word_char, points},
};
use crate::data::{Catalog, RecordRef, SpelledName};

/// The matched characters of a hit, for highlighting: grapheme positions in its title, and the
/// best-matching other field with its own positions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Highlight {
    /// Matched positions in the title.
    pub title: Vec<usize>,
    /// Another field that matched, when the title alone does not explain the hit.
    pub field: Option<FieldHighlight>,
    /// How the words matched, when not all as written: `word form`, `typo` or `initials` (a
    /// spelling from the notes says so by its field's name, `also written`).
    pub how: Option<&'static str>,
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
    /// What the field is where it is not the source's statement (`our classification`,
    /// `computed`, `from outside the source`; a name `from a note`, a tie `a reading`), as
    /// every output marks it.
    pub mark: Option<&'static str>,
}

/// Which spellings of each name can explain a hit of one query (see the module's notes),
/// remembered from one drawing of the results to the next; a new query starts afresh.
#[derive(Default)]
pub struct SpellingChoices {
    memo: Mutex<Option<Choices>>,
}

/// The spellings chosen for one query in one catalog.
struct Choices {
    /// The catalog's address and the query's text they are for.
    key: (usize, String),
    /// By name, and whether its spellings are matched as a title's (initials too).
    chosen: HashMap<(SpelledName, bool), Arc<[u32]>>,
}

impl Clone for SpellingChoices {
    /// A copy remembers nothing: it is worked out again when asked.
    fn clone(&self) -> Self {
        Self::default()
    }
}

impl std::fmt::Debug for SpellingChoices {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SpellingChoices")
    }
}

impl SpellingChoices {
    /// The numbers of the spellings of `id` that can explain a hit of `query`, ascending.
    fn of(&self, catalog: &Catalog, query: &Query, id: SpelledName, initials: bool) -> Arc<[u32]> {
        let key = (
            std::ptr::from_ref(catalog) as usize,
            query.text().to_string(),
        );
        let mut memo = self
            .memo
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let memo = match &mut *memo {
            Some(choices) if choices.key == key => choices,
            stale => stale.insert(Choices {
                key,
                chosen: HashMap::new(),
            }),
        };
        Arc::clone(
            memo.chosen
                .entry((id, initials))
                .or_insert_with(|| choose(catalog, query, id, initials).into()),
        )
    }
}

/// For each word of `query`, the first spelling of `id` it matches best as written, and, when
/// no spelling matches it as written (initials aside) and it may have typos, the first it
/// matches best with typos; their numbers, ascending.
fn choose(catalog: &Catalog, query: &Query, id: SpelledName, initials: bool) -> Vec<u32> {
    let spellings = catalog.spellings_by_id(id);
    let words: Vec<_> = query
        .words()
        .iter()
        .filter(|word| !word.is_negative())
        .collect();
    let mut matcher = Matcher::new(Config::DEFAULT);
    let (mut indices, mut chars) = (Vec::new(), Vec::new());
    // Only a better kind replaces the first found, so a word is settled once it has the best
    // kind there is (`ceiling`), and the pass ends when every word is.
    let better = |best: &mut Option<(MatchKind, u32)>, kind: Option<MatchKind>, at: usize| {
        if let Some(kind) = kind
            && best.is_none_or(|(b, _)| kind > b)
        {
            *best = Some((kind, u32::try_from(at).unwrap_or(u32::MAX)));
        }
    };
    let settled = |best: &[Option<(MatchKind, u32)>], wanted: &[bool], ceiling: MatchKind| {
        best.iter()
            .zip(wanted)
            .all(|(best, wanted)| !wanted || best.is_some_and(|(kind, _)| kind >= ceiling))
    };
    let all = vec![true; words.len()];
    let mut written: Vec<Option<(MatchKind, u32)>> = vec![None; words.len()];
    for (at, spelling) in spellings.iter().enumerate() {
        if settled(&written, &all, MatchKind::Whole) {
            break;
        }
        let text = utf32(spelling, &mut chars);
        for (word, best) in words.iter().zip(&mut written) {
            let kind = word.match_field(text, initials, &mut matcher, &mut indices);
            better(best, kind, at);
        }
    }
    // A word matched as written here is shown from here or from a better field; typos are
    // looked for only when no field matches it as written.
    let typos_wanted: Vec<bool> = words
        .iter()
        .zip(&written)
        .map(|(word, best)| {
            word.allows_typos()
                && best.is_none_or(|(kind, _)| points(kind, Weight::Related) < AS_WRITTEN)
        })
        .collect();
    let mut typos: Vec<Option<(MatchKind, u32)>> = vec![None; words.len()];
    for (at, spelling) in spellings.iter().enumerate() {
        if settled(&typos, &typos_wanted, MatchKind::OneTypo) {
            break;
        }
        let text = utf32(spelling, &mut chars);
        for ((word, best), wanted) in words.iter().zip(&mut typos).zip(&typos_wanted) {
            if *wanted {
                better(best, word.match_with_typos(text, &mut indices), at);
            }
        }
    }
    let mut chosen: Vec<u32> = written
        .iter()
        .chain(&typos)
        .filter_map(|best| best.map(|(_, at)| at))
        .collect();
    chosen.sort_unstable();
    chosen.dedup();
    chosen
}

/// Every field of `record` that can explain a hit of `query`, owned, title first, marked:
/// each name's spellings cut to those `choices` gives.
fn shown_fields(
    catalog: &Catalog,
    record: RecordRef,
    query: &Query,
    choices: &SpellingChoices,
) -> Vec<SearchField> {
    marked_fields(catalog, record, &mut |id, initials| {
        choices.of(catalog, query, id, initials).to_vec()
    })
}

impl SearchIndex {
    /// Which characters of `record` matched `query`, for display.
    pub fn highlight(catalog: &Catalog, record: RecordRef, query: &Query) -> Highlight {
        Self::highlight_remembering(catalog, record, query, &SpellingChoices::default())
    }

    /// [`SearchIndex::highlight`], with the spellings that can explain a hit of `query`
    /// remembered in `choices` from one hit (or one drawing) to the next.
    pub fn highlight_remembering(
        catalog: &Catalog,
        record: RecordRef,
        query: &Query,
        choices: &SpellingChoices,
    ) -> Highlight {
        highlight_fields(shown_fields(catalog, record, query, choices), query)
    }
}

/// Whether the word of `text` where a word form of `asked` matched (at the first of `matched`)
/// is another form of it: one of the two is a form Snowball knows as inflected or derived
/// (`summits` and "summit", `religion` and "religious"). Two words it leaves as they are and
/// that share only their first letters (`nazarbaev` and "Nazarbayev") are a typo forgiven.
fn is_a_form(text: &nucleo_matcher::Utf32String, matched: &[u32], asked: &str) -> bool {
    let Some(&start) = matched.first() else {
        return false;
    };
    let word: String = text
        .slice(..)
        .chars()
        .skip(start as usize)
        .take_while(|&c| is_word_char(c))
        .map(super::text_form::folded_char)
        .collect();
    super::text_form::is_inflected(asked) || super::text_form::is_inflected(&word)
}

/// The highlight of a record with these fields (title first) for `query`.
fn highlight_fields(fields: Vec<SearchField>, query: &Query) -> Highlight {
    let prepared: Vec<nucleo_matcher::Utf32String> = fields
        .iter()
        .map(|field| nucleo_matcher::Utf32String::from(field.text.as_str()))
        .collect();
    let mut matcher = Matcher::new(Config::DEFAULT);
    let mut indices = Vec::new();
    let mut positions: Vec<Vec<usize>> = vec![Vec::new(); fields.len()];
    let mut how = None;
    // Whether some word is best matched outside the title: then the title alone does not
    // explain the hit, and another field is shown beside it.
    let mut beyond_title = false;
    for word in query.words().iter().filter(|word| !word.is_negative()) {
        // The field this word scores best in, as in scoring.
        let mut best: Option<(u32, usize, Vec<u32>, MatchKind)> = None;
        // A match of `kind` in field `number`, of `weight`, at `indices`: kept if it scores best.
        let consider = |best: &mut Option<(u32, usize, Vec<u32>, MatchKind)>,
                        weight,
                        number,
                        indices: &[u32],
                        kind| {
            let score = points(kind, weight);
            if best.as_ref().is_none_or(|(b, ..)| score > *b) {
                *best = Some((score, number, indices.to_vec(), kind));
            }
        };
        for (number, (field, text)) in fields.iter().zip(&prepared).enumerate() {
            if let Some(kind) = word.match_field(
                text.slice(..),
                field.weight.allows_initials(),
                &mut matcher,
                &mut indices,
            ) {
                consider(&mut best, field.weight, number, &indices, kind);
            }
        }
        if best.as_ref().is_none_or(|(b, ..)| *b < AS_WRITTEN) && word.allows_typos() {
            for (number, (field, text)) in fields.iter().zip(&prepared).enumerate() {
                if let Some(kind) = word.match_with_typos(text.slice(..), &mut indices) {
                    consider(&mut best, field.weight, number, &indices, kind);
                }
            }
        }
        if let Some((_, number, matched, kind)) = best {
            beyond_title |= number > 0;
            positions[number].extend(matched.iter().map(|&i| i as usize));
            let said = match kind {
                MatchKind::Form if is_a_form(&prepared[number], &matched, &word.folded()) => {
                    Some("word form")
                }
                // Found by its first letters alone ("Nazarbayev" for `nazarbaev`): to a reader
                // that is a typo forgiven, not another form of the word.
                MatchKind::Form => Some("typo"),
                MatchKind::OneTypo | MatchKind::TwoTypos => Some("typo"),
                MatchKind::Fuzzy => Some("initials"),
                _ => None,
            };
            how = how.or(said);
        }
    }
    // A year found by the record's dates rather than its words: the date says why.
    let by_date =
        query.words().iter().any(|word| word.year.is_some()) && positions.iter().all(Vec::is_empty);
    let is_date = |name: &str| name == "date" || name == "period";
    for list in &mut positions {
        list.sort_unstable();
        list.dedup();
    }
    let mut numbered = fields.into_iter().zip(positions);
    let title = numbered.next().map(|(_, p)| p).unwrap_or_default();
    let field = numbered
        .filter(|_| beyond_title || by_date)
        .filter(|(field, p)| !p.is_empty() || (by_date && is_date(field.name)))
        .max_by_key(|(field, p)| (p.len(), field.weight.factor()))
        .map(|(field, positions)| FieldHighlight {
            name: field.name,
            text: field.text,
            positions,
            mark: field.mark,
        });
    Highlight { title, field, how }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::{
        data::load_embedded,
        search::record_fields,
        synthetic::{self, spelling_name},
    };

    /// Each hit's highlight, from the spellings that can explain it, is the one every field
    /// (each spelling written out) gives.
    fn agrees_with_every_field(catalog: &Arc<Catalog>, queries: &[String]) {
        let index = SearchIndex::new(catalog);
        let choices = SpellingChoices::default();
        for text in queries {
            let query = Query::parse(text);
            for hit in index.search(&query).hits() {
                let full = highlight_fields(record_fields(catalog, hit.record), &query);
                let shown =
                    SearchIndex::highlight_remembering(catalog, hit.record, &query, &choices);
                assert_eq!(shown, full, "{text:?} on {:?}", hit.record);
            }
        }
    }

    #[test]
    fn the_spellings_chosen_highlight_as_all_of_them_do() {
        let embedded = Arc::new(load_embedded().expect("embedded data"));
        let queries = [
            "mecca",
            "makah",
            "nursultan",
            "nazarbaev",
            "isdb",
            "icesco",
            "iwesco",
            "islamic world",
            "putrajaya",
            "2005 mecca",
            "kazakhstan makkah",
            "p:mecca",
        ];
        agrees_with_every_field(&embedded, &queries.map(String::from));
        let hostile = Arc::new(
            Catalog::new(synthetic::spelled_place(40, 300), None).expect("the data is valid"),
        );
        let name = spelling_name(123).to_lowercase();
        let queries = [
            name.clone(),
            format!("{name}x"),
            format!("{}{}", &name[..3], &name[4..]),
            format!("{name} summit"),
            format!("{} baku", &name[..5]),
            "qy".into(),
            "baku".into(),
        ];
        agrees_with_every_field(&hostile, &queries);
    }

    /// A hit whose title holds one word of the query and another field the rest says which
    /// field; one whose title holds every word needs no other.
    #[test]
    fn another_field_is_named_when_the_title_does_not_explain_every_word() {
        let catalog = load_embedded().expect("loads");
        let summit = catalog
            .records()
            .find(|&record| catalog.title(record) == "8th OIC Summit")
            .expect("the 8th summit");
        let of = |text: &str| SearchIndex::highlight(&catalog, summit, &Query::parse(text));
        let both = of("summit tehran");
        assert!(!both.title.is_empty());
        assert_eq!(both.field.as_ref().map(|field| field.name), Some("place"));
        let title_only = of("oic summit");
        assert!(!title_only.title.is_empty());
        assert_eq!(title_only.field, None);
    }

    /// Every name a record shows of the records it is tied to, and every other spelling of
    /// those names, is marked in results as it is everywhere else: a spelling as from a note,
    /// a name a tie gives by a reading as a reading. Checked for every tie of every record.
    #[test]
    fn names_from_ties_are_marked_as_every_output_marks_them() {
        let catalog = load_embedded().expect("loads");
        let choices = SpellingChoices::default();
        let mut spellings_seen = 0;
        let mut readings_seen = 0;
        for record in catalog.records() {
            for relation in catalog.relations(record).iter() {
                if !relation.role.is_searched() {
                    continue;
                }
                let by_reading = !catalog.tie_readings(record, &relation).is_empty();
                let title = catalog.title(relation.target);
                let spellings = catalog
                    .spelled_name(title)
                    .map_or(&[][..], |id| catalog.spellings_by_id(id));
                for text in std::iter::once(title).chain(spellings.iter().map(String::as_str)) {
                    let query = Query::parse(text);
                    let fields = shown_fields(&catalog, record, &query, &choices);
                    let from_note = text != title;
                    for field in fields
                        .iter()
                        .skip(1)
                        .filter(|field| field.text == text && field.weight == Weight::Related)
                    {
                        let mark = field.mark.unwrap_or("");
                        assert_eq!(
                            mark.contains("from a note"),
                            from_note,
                            "{text} on {}: {mark:?}",
                            catalog.title(record)
                        );
                        assert_eq!(
                            mark.contains("a reading"),
                            by_reading,
                            "{text} on {}: {mark:?}",
                            catalog.title(record)
                        );
                        spellings_seen += usize::from(from_note);
                        readings_seen += usize::from(by_reading);
                    }
                }
            }
        }
        assert!(
            spellings_seen > 10 && readings_seen > 10,
            "{spellings_seen} {readings_seen}"
        );
    }

    /// A word found as another form of itself is said to be one; a name found by its first
    /// letters alone is a typo forgiven, and said so.
    #[test]
    fn a_word_form_and_a_misspelt_name_are_told_apart() {
        let catalog = Arc::new(load_embedded().expect("loads"));
        let index = SearchIndex::new(&catalog);
        let said = |text: &str| {
            let query = Query::parse(text);
            let hits = index.search(&query);
            let mut said: Vec<&str> = hits
                .hits()
                .iter()
                .filter_map(|hit| SearchIndex::highlight(&catalog, hit.record, &query).how)
                .collect();
            said.sort_unstable();
            said.dedup();
            said
        };
        assert_eq!(said("nazarbaev"), ["typo"]);
        assert_eq!(said("religion"), ["word form"]);
        assert_eq!(said("conferences"), ["word form"]);
    }
}
