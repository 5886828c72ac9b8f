//! The source read against the dataset: for each paragraph, the passages that records and ties
//! quote (where each lies, and who quotes it), and the sentences nobody quotes. Built once per
//! catalog, for the Source tab and `check --coverage`.

use std::{collections::HashMap, ops::Range};

use super::{
    record::RecordRef, records::Records, relations::Edges, source::SourceText, store::Store,
};

/// One quoted stretch of a paragraph and the records that quote it (a tie's quote counts for
/// both its records).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Passage {
    /// Where it lies in the paragraph, in bytes.
    pub range: Range<usize>,
    /// The records quoting it, in catalog order, each once.
    pub citers: Vec<RecordRef>,
}

/// One paragraph's passages, in order, and every record that cites the paragraph.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParagraphPassages {
    /// The passages quoted, by where they start (they may overlap).
    pub passages: Vec<Passage>,
    /// Every record citing the paragraph, in catalog order, each once.
    pub citers: Vec<RecordRef>,
}

/// Every paragraph's passages.
#[derive(Clone, Debug, Default)]
pub struct SourceMap {
    paragraphs: Vec<ParagraphPassages>,
}

impl SourceMap {
    /// The passages of `source` that the records and ties quote.
    pub(super) fn new(
        records: &Records,
        store: &Store,
        edges: &Edges,
        source: &SourceText,
    ) -> Self {
        let mut paragraphs = vec![ParagraphPassages::default(); source.paragraph_count()];
        // Where each passage is in its paragraph's list, by its place in the text: a million
        // records quoting one paragraph must not make each quote look through all the others.
        let mut passage_at: Vec<HashMap<(usize, usize), usize>> =
            vec![HashMap::new(); source.paragraph_count()];
        let mut quote = |record: RecordRef, number: u32, quote: &str| {
            let Some(text) = source.paragraph(number) else {
                return;
            };
            let index = (number as usize).saturating_sub(1);
            let (Some(entry), Some(at)) = (paragraphs.get_mut(index), passage_at.get_mut(index))
            else {
                return;
            };
            // Repeats are taken out once, when everything is in.
            entry.citers.push(record);
            let Some(start) = text.find(quote).filter(|_| !quote.is_empty()) else {
                return;
            };
            let position = *at.entry((start, start + quote.len())).or_insert_with(|| {
                entry.passages.push(Passage {
                    range: start..start + quote.len(),
                    citers: Vec::new(),
                });
                entry.passages.len() - 1
            });
            entry.passages[position].citers.push(record);
        };
        // The quotes as loaded, not as shown: a quote with a control character is found in the
        // source as it is, and shown escaped later.
        let counts = records.counts();
        for (slot, record) in (0..counts.total()).filter_map(|s| Some((s, counts.record_at(s)?))) {
            let Some(texts) = records.texts_of(store, record) else {
                continue;
            };
            for citation in texts.citations {
                quote(
                    record,
                    citation.paragraph,
                    store.texts.arena.get(citation.quote),
                );
            }
            for relation in edges.of(slot).iter() {
                if !relation.role.is_stored() {
                    continue;
                }
                let Some(tie) = store.ties.get(relation.detail as usize) else {
                    continue;
                };
                for citation in store.texts.rows(tie.sources) {
                    let text = store.texts.arena.get(citation.quote);
                    quote(record, citation.paragraph, text);
                    quote(relation.target, citation.paragraph, text);
                }
            }
        }
        for entry in &mut paragraphs {
            entry.passages.sort_by_key(|p| (p.range.start, p.range.end));
            entry.citers.sort_unstable();
            entry.citers.dedup();
            for passage in &mut entry.passages {
                passage.citers.sort_unstable();
                passage.citers.dedup();
            }
        }
        Self { paragraphs }
    }

    /// The passages of paragraph `number`, counting from 1.
    pub fn paragraph(&self, number: u32) -> Option<&ParagraphPassages> {
        self.paragraphs.get((number as usize).checked_sub(1)?)
    }

    /// How many paragraphs it covers.
    pub fn len(&self) -> usize {
        self.paragraphs.len()
    }

    /// Whether the source has no paragraphs.
    pub fn is_empty(&self) -> bool {
        self.paragraphs.is_empty()
    }

    /// The first paragraph `record` cites, and the first of its passages there.
    pub fn first_cited_by(&self, record: RecordRef) -> Option<(u32, Option<usize>)> {
        self.paragraphs
            .iter()
            .enumerate()
            .find(|(_, entry)| entry.citers.contains(&record))
            .map(|(index, entry)| {
                let passage = entry
                    .passages
                    .iter()
                    .position(|p| p.citers.contains(&record));
                (u32::try_from(index + 1).unwrap_or(u32::MAX), passage)
            })
    }
}

impl ParagraphPassages {
    /// How many links the paragraph's detail has: every citer of every passage.
    pub fn link_count(&self) -> usize {
        self.passages
            .iter()
            .map(|passage| passage.citers.len())
            .sum()
    }

    /// Link `link` of the paragraph's detail: the passage it is under and its record.
    pub fn link(&self, link: usize) -> Option<(usize, RecordRef)> {
        let mut rest = link;
        for (index, passage) in self.passages.iter().enumerate() {
            if let Some(&record) = passage.citers.get(rest) {
                return Some((index, record));
            }
            rest -= passage.citers.len();
        }
        None
    }

    /// The stretches of the paragraph that some passage covers, merged, in order.
    pub fn covered(&self) -> Vec<Range<usize>> {
        let mut merged: Vec<Range<usize>> = Vec::new();
        for passage in &self.passages {
            match merged.last_mut() {
                Some(last) if passage.range.start <= last.end => {
                    last.end = last.end.max(passage.range.end);
                }
                _ => merged.push(passage.range.clone()),
            }
        }
        merged
    }
}

/// The sentences of `paragraph` (ending at ". " or a line break, as the bullet list does),
/// each with where it lies, trimmed of spaces and a closing `;`.
pub fn sentences(paragraph: &str) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let bytes = paragraph.as_bytes();
    let mut push = |from: usize, to: usize| {
        let text = &paragraph[from..to];
        let trimmed_start = from + (text.len() - text.trim_start().len());
        let trimmed = paragraph[trimmed_start..to].trim_end_matches([' ', ';', '\n', '\r']);
        if !trimmed.is_empty() {
            sentences.push(trimmed_start..trimmed_start + trimmed.len());
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\n' {
            push(start, i);
            start = i + 1;
        } else if bytes[i] == b'.' && bytes.get(i + 1) == Some(&b' ') {
            push(start, i + 1);
            start = i + 2;
            i += 1;
        }
        i += 1;
    }
    push(start, bytes.len());
    sentences
}

/// The sentences of the source that no record or tie quotes any part of: each with its
/// paragraph number and its text.
pub fn uncovered_sentences<'s>(map: &SourceMap, source: &'s SourceText) -> Vec<(u32, &'s str)> {
    let mut uncovered = Vec::new();
    for number in 1..=u32::try_from(source.paragraph_count()).unwrap_or(u32::MAX) {
        let Some(text) = source.paragraph(number) else {
            continue;
        };
        let covered = map
            .paragraph(number)
            .map(ParagraphPassages::covered)
            .unwrap_or_default();
        for sentence in sentences(text) {
            let quoted = covered
                .iter()
                .any(|range| range.start < sentence.end && sentence.start < range.end);
            if !quoted {
                uncovered.push((number, &text[sentence]));
            }
        }
    }
    uncovered
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load;

    #[test]
    fn sentences_end_at_a_full_stop_or_a_line() {
        let text = "One. Two, with 2.5 in it. Three\n  • four;\n  • five.";
        let found: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            found,
            ["One.", "Two, with 2.5 in it.", "Three", "• four", "• five."]
        );
    }

    #[test]
    fn passages_name_who_quotes_them_and_uncited_sentences_stand_out() {
        let json = r#"{"title": "T", "events": [
            {"id": "e1", "title": "E", "kind": "summit", "summary": "s",
             "participants": [{"id": "p1", "kind": "took_part",
                "sources": [{"paragraph": 1, "quote": "Alpha met"}]}],
             "sources": [{"paragraph": 1, "quote": "Alpha met Beta."}]}],
          "participants": [
            {"id": "p1", "name": "P", "kind": "state", "summary": "s",
             "sources": [{"paragraph": 2, "quote": "Gamma."}]}]}"#;
        let source = "Alpha met Beta. Nobody quotes this.\n\nGamma.";
        let catalog = load("t.json", json, Some(source)).expect("loads");
        let text = SourceText::new(source);
        let map = catalog.passages().expect("the source was given");
        let first = map.paragraph(1).expect("¶1");
        assert_eq!(first.passages.len(), 2);
        assert_eq!(
            first.passages[0].range,
            0..9,
            "by where they start, then end"
        );
        assert_eq!(
            first.passages[0].citers,
            [RecordRef::Event(0), RecordRef::Participant(0)],
            "a tie's quote counts for both its records"
        );
        assert_eq!(first.passages[1].range, 0..15);
        assert_eq!(first.passages[1].citers, [RecordRef::Event(0)]);
        assert_eq!(first.covered(), vec![Range { start: 0, end: 15 }]);
        assert_eq!(
            uncovered_sentences(map, &text),
            [(1, "Nobody quotes this.")]
        );
        assert_eq!(
            map.first_cited_by(RecordRef::Participant(0)),
            Some((1, Some(0)))
        );
    }
}
