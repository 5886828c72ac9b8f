//! Which characters of a hit matched, for drawing: the title's, and the other field that best
//! explains the hit. Worked out only for the hits on screen, never while searching.

use nucleo_matcher::{Config, Matcher};

use super::{Query, SearchIndex, record_fields};
use crate::data::{Catalog, RecordRef};

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
