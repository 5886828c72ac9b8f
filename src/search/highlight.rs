//! Which characters of a hit matched, for drawing: the title's, and the other field that best
//! explains the hit. Worked out only for the hits on screen, never while searching.

use nucleo_matcher::{Config, Matcher};

use super::{
    Query, SearchIndex, record_fields,
    word_match::{AS_WRITTEN, MatchKind, points},
};
use crate::data::{Catalog, Mark, RecordRef};

/// How the field of `record` named `name` in search results is marked, as its value is
/// everywhere else: by its kind's layout, a note and another spelling from a note being from
/// outside the source.
fn field_mark(catalog: &Catalog, record: RecordRef, name: &str) -> Option<&'static str> {
    let layout = catalog.layout(record);
    let searched = layout.search.iter().find(|searched| searched.name == name);
    let mark = match searched {
        Some(searched) => searched.value.mark(layout),
        None if name == "note" || name.contains("also written") => Some(Mark::Outside),
        None => None,
    };
    mark.map(Mark::short)
}

/// The matched characters of a hit, for highlighting: grapheme positions in its title, and the
/// best-matching other field with its own positions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Highlight {
    /// Matched positions in the title.
    pub title: Vec<usize>,
    /// Another field that matched, when the title alone does not explain the hit.
    pub field: Option<FieldHighlight>,
    /// How the words matched, when not all as written: `word form`, `typo`, `initials`, or
    /// `spelling` (another spelling the dataset's notes give).
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
    /// `computed`, `from outside the source`), as every output marks it.
    pub mark: Option<&'static str>,
}

impl SearchIndex {
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
        let mut how = None;
        for word in query.words().iter().filter(|word| !word.is_negative()) {
            // The field this word scores best in, as in scoring.
            let mut best: Option<(u32, usize, Vec<u32>, MatchKind)> = None;
            let consider = |best: &mut Option<(u32, usize, Vec<u32>, MatchKind)>,
                            score,
                            number,
                            indices: &[u32],
                            kind| {
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
                    consider(
                        &mut best,
                        points(kind, field.weight),
                        number,
                        &indices,
                        kind,
                    );
                }
            }
            if best.as_ref().is_none_or(|(b, ..)| *b < AS_WRITTEN) && word.allows_typos() {
                for (number, (field, text)) in fields.iter().zip(&prepared).enumerate() {
                    if let Some(kind) = word.match_with_typos(text.slice(..), &mut indices) {
                        consider(
                            &mut best,
                            points(kind, field.weight),
                            number,
                            &indices,
                            kind,
                        );
                    }
                }
            }
            if let Some((_, number, matched, kind)) = best {
                positions[number].extend(matched.iter().map(|&i| i as usize));
                let said = match kind {
                    MatchKind::Form => Some("word form"),
                    MatchKind::OneTypo | MatchKind::TwoTypos => Some("typo"),
                    MatchKind::Fuzzy => Some("initials"),
                    _ if fields[number].name.contains("also written") => Some("spelling"),
                    _ => None,
                };
                how = how.or(said);
            }
        }
        // A year found by the record's dates rather than its words: the date says why.
        let by_date = query.words().iter().any(|word| word.year.is_some())
            && positions.iter().all(Vec::is_empty);
        let is_date = |name: &str| name == "date" || name == "period";
        for list in &mut positions {
            list.sort_unstable();
            list.dedup();
        }
        let mut numbered = fields.into_iter().zip(positions);
        let title = numbered.next().map(|(_, p)| p).unwrap_or_default();
        let field = numbered
            .filter(|(field, p)| !p.is_empty() || (by_date && is_date(field.name)))
            .max_by_key(|(field, p)| (p.len(), field.weight.factor()))
            .map(|(field, positions)| FieldHighlight {
                mark: field_mark(catalog, record, field.name),
                name: field.name,
                text: field.text,
                positions,
            });
        Highlight { title, field, how }
    }
}
