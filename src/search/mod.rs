//! Search across all four tabs: an index of every record's text fields and a fuzzy,
//! typo-tolerant matcher over it. Pure: no terminal, no I/O.

mod fields;
mod query;
mod scope;

use std::cmp::Reverse;

use nucleo_matcher::{Config, Matcher, Utf32String};

pub use fields::{SearchField, Weight, record_fields};
pub use query::Query;
pub use scope::{Facets, SCOPE_NAMES, Scope, record_facets};

use crate::{
    data::{Catalog, RecordRef},
    tab::Tab,
};

/// The searchable text of every record, prepared for the matcher.
pub struct SearchIndex {
    entries: Vec<Entry>,
}

struct Entry {
    record: RecordRef,
    /// The title's length in graphemes: between equal scores the shorter title is the closer
    /// match, as in fzf's length tiebreak.
    title_length: u32,
    fields: Box<[IndexedField]>,
    facets: Facets,
    /// Where the record stands in its tab when nothing but scopes ranks it: an event's start
    /// month, 0 for the rest (which keep dataset order).
    display_order: i64,
}

struct IndexedField {
    weight: Weight,
    text: Utf32String,
}

/// How a hit ranks: a higher score first, then a shorter title.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Rank(Reverse<u32>, i64);

/// One record that matched, with its score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The record.
    pub record: RecordRef,
    /// Higher is better.
    pub score: u32,
}

/// The records that matched a query, grouped by tab; the group with the best match comes first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchResults {
    hits: Vec<Hit>,
}

impl SearchResults {
    /// Every hit, in display order.
    pub fn hits(&self) -> &[Hit] {
        &self.hits
    }

    /// How many records matched.
    pub fn len(&self) -> usize {
        self.hits.len()
    }

    /// Whether nothing matched.
    pub fn is_empty(&self) -> bool {
        self.hits.is_empty()
    }

    /// The hit at `position`.
    pub fn get(&self, position: usize) -> Option<&Hit> {
        self.hits.get(position)
    }

    /// How many hits each tab has, in display order of the groups.
    pub fn groups(&self) -> Vec<(Tab, usize)> {
        let mut groups: Vec<(Tab, usize)> = Vec::new();
        for hit in &self.hits {
            let tab = Tab::of(hit.record);
            match groups.last_mut() {
                Some((last, count)) if *last == tab => *count += 1,
                _ => groups.push((tab, 1)),
            }
        }
        groups
    }
}

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
    /// Indexes every record of the catalog.
    pub fn new(catalog: &Catalog) -> Self {
        let entries = catalog
            .records()
            .map(|record| {
                let fields: Box<[IndexedField]> = record_fields(catalog, record)
                    .into_iter()
                    .map(|field| IndexedField {
                        weight: field.weight,
                        text: Utf32String::from(field.text),
                    })
                    .collect();
                let title_length = fields.first().map_or(0, |title| title.text.len());
                Entry {
                    record,
                    title_length: u32::try_from(title_length).unwrap_or(u32::MAX),
                    fields,
                    facets: record_facets(catalog, record),
                    display_order: match catalog.get(record) {
                        Some(crate::data::Record::Event(event)) => {
                            event.date().map_or(i64::MAX, |date| date.month_key())
                        }
                        _ => 0,
                    },
                }
            })
            .collect();
        Self { entries }
    }

    /// The records matching `query`, best first within each tab group.
    pub fn search(&self, query: &Query) -> SearchResults {
        if query.is_empty() || !query.problems().is_empty() {
            return SearchResults::default();
        }
        let mut matcher = Matcher::new(Config::DEFAULT);
        let mut indices = Vec::new();
        let mut ranked: Vec<(Rank, Hit)> = self
            .entries
            .iter()
            .filter(|entry| {
                let tab = Tab::of(entry.record);
                query
                    .scopes()
                    .iter()
                    .all(|scope| scope.admits(tab, &entry.facets))
            })
            .filter_map(|entry| {
                let score = score_entry(entry, query, &mut matcher, &mut indices)?;
                let hit = Hit {
                    record: entry.record,
                    score,
                };
                // Without words to rank by, records keep the order their tab lists them in.
                let tiebreak = if query.has_words() {
                    i64::from(entry.title_length)
                } else {
                    entry.display_order
                };
                Some((Rank(Reverse(score), tiebreak), hit))
            })
            .collect();
        // A tab's group is placed by its best hit.
        let mut best_in_tab = [Rank(Reverse(0), i64::MAX); Tab::ALL.len()];
        for (rank, hit) in &ranked {
            let best = &mut best_in_tab[Tab::of(hit.record).index()];
            *best = (*best).min(*rank);
        }
        ranked.sort_by_key(|&(rank, hit)| {
            let tab = Tab::of(hit.record);
            // Ranked by words, the best group leads; by scopes alone, the tabs keep their order.
            let group = if query.has_words() {
                best_in_tab[tab.index()]
            } else {
                Rank(Reverse(0), 0)
            };
            (group, tab, rank, hit.record)
        });
        SearchResults {
            hits: ranked.into_iter().map(|(_, hit)| hit).collect(),
        }
    }

    /// Which characters of `record` matched `query`, for display.
    pub fn highlight(catalog: &Catalog, record: RecordRef, query: &Query) -> Highlight {
        let fields = record_fields(catalog, record);
        let prepared: Vec<Utf32String> = fields
            .iter()
            .map(|field| Utf32String::from(field.text.as_str()))
            .collect();
        let mut matcher = Matcher::new(Config::DEFAULT);
        let mut indices = Vec::new();
        let mut positions: Vec<Vec<usize>> = vec![Vec::new(); fields.len()];
        for word in query.words().iter().filter(|word| !word.is_negative()) {
            // The field this word scores best in, as in `score_entry`.
            let mut best: Option<(u32, usize, Vec<u32>)> = None;
            for (number, (field, text)) in fields.iter().zip(&prepared).enumerate() {
                if let Some(score) =
                    word.match_field(text.slice(..), &mut matcher, &mut indices, false)
                {
                    let weighted = u32::from(score) * field.weight.factor();
                    if best.as_ref().is_none_or(|(b, ..)| weighted > *b) {
                        best = Some((weighted, number, indices.clone()));
                    }
                }
            }
            if best.is_none() {
                for (number, text) in prepared.iter().enumerate() {
                    if word
                        .match_field(text.slice(..), &mut matcher, &mut indices, true)
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

/// The entry's score: every word must match some field (a word's best field counts); `None`
/// when a word matches nowhere or a `!word` matches anywhere.
fn score_entry(
    entry: &Entry,
    query: &Query,
    matcher: &mut Matcher,
    indices: &mut Vec<u32>,
) -> Option<u32> {
    let mut total = 0u32;
    for word in query.words() {
        if word.is_negative() {
            let excluded = entry.fields.iter().any(|field| {
                word.match_field(field.text.slice(..), matcher, indices, false)
                    .is_none()
            });
            if excluded {
                return None;
            }
            continue;
        }
        let best = |typos: bool, matcher: &mut Matcher, indices: &mut Vec<u32>| {
            entry
                .fields
                .iter()
                .filter_map(|field| {
                    let score = word.match_field(field.text.slice(..), matcher, indices, typos)?;
                    Some(u32::from(score) * field.weight.factor())
                })
                .max()
        };
        let score = best(false, matcher, indices).or_else(|| best(true, matcher, indices))?;
        total = total.saturating_add(score);
    }
    Some(total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load_embedded;

    #[test]
    fn an_empty_query_finds_nothing() {
        let catalog = load_embedded().unwrap();
        let index = SearchIndex::new(&catalog);
        assert!(index.search(&Query::parse("   ")).is_empty());
    }

    #[test]
    fn results_are_grouped_by_tab() {
        let catalog = load_embedded().unwrap();
        let index = SearchIndex::new(&catalog);
        let results = index.search(&Query::parse("kazakhstan"));
        let groups = results.groups();
        let mut tabs: Vec<Tab> = groups.iter().map(|(tab, _)| *tab).collect();
        let count = tabs.len();
        tabs.sort();
        tabs.dedup();
        assert_eq!(tabs.len(), count, "each tab appears once: {groups:?}");
        assert_eq!(groups.iter().map(|(_, n)| n).sum::<usize>(), results.len());
    }
}
