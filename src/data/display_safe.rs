//! What the screen shows of texts that are unsafe to show as they are, or too long: an escaped,
//! shortened copy made once at load for the few texts that need one (most datasets have none),
//! looked up by the span of the text as loaded. Exports ask for the raw text instead.

use std::collections::HashMap;

use super::{
    catalog::Catalog,
    display::{LINE_CAP, TEXT_CAP, display_text, needs_display},
    store::{Store, Text},
};

/// Adds to `needing` those of `texts` that cannot be shown as they are (see
/// [`display_text`]), with the most characters to show of them.
fn needs_display_copy(store: &Store, needing: &mut Vec<(Text, usize)>, cap: usize, texts: &[Text]) {
    for &text in texts {
        if text.is_some() && needs_display(store.text.get(text), cap) {
            needing.push((text, cap));
        }
    }
}

/// Display versions of the few texts that need one; most datasets have none.
#[derive(Debug, Default)]
pub(super) struct DisplayTexts {
    /// By (start, length) of the loaded text: the span of what is shown instead.
    pub(super) spans: HashMap<(u32, u32), Text>,
    pub(super) title: Option<String>,
    pub(super) description: Option<String>,
    pub(super) source: Option<String>,
}

impl Catalog {
    /// Works out what to show for every text that is unsafe to show as it is or too long:
    /// an escaped, shortened copy in the arena, looked up by [`Self::text`].
    pub(super) fn make_display_safe(&mut self) {
        let store = &self.store;
        // Finding the few texts that need work is the slow part (every byte is looked at):
        // one half of the records on each of two threads.
        let find = |slots: std::ops::Range<usize>| {
            let mut needing = Vec::new();
            for texts in slots.filter_map(|slot| store.texts_of(self.record_at(slot)?)) {
                needs_display_copy(store, &mut needing, LINE_CAP, &texts.lines);
                needs_display_copy(store, &mut needing, TEXT_CAP, &texts.running);
                for citation in texts.citations {
                    needs_display_copy(store, &mut needing, TEXT_CAP, &[citation.quote]);
                }
            }
            needing
        };
        let count = self.record_count();
        let mut needing = std::thread::scope(|scope| {
            let later = scope.spawn(|| find(count / 2..count));
            let mut needing = find(0..count / 2);
            needing.extend(later.join().unwrap_or_default());
            needing
        });
        // A tie's own texts are shown as a record's are: its document, reading and quotes.
        for tie in &store.ties {
            needs_display_copy(store, &mut needing, LINE_CAP, &[tie.document]);
            needs_display_copy(store, &mut needing, TEXT_CAP, &[tie.reading]);
            let start = tie.sources.start as usize;
            let quotes = store
                .citations
                .get(start..start + tie.sources.count as usize)
                .unwrap_or(&[]);
            for citation in quotes {
                needs_display_copy(store, &mut needing, TEXT_CAP, &[citation.quote]);
            }
        }
        needing.sort_unstable_by_key(|&(text, _)| text.bounds());
        needing.dedup_by_key(|&mut (text, _)| text.bounds());
        for (text, cap) in needing {
            let (Some((start, end)), Some(shown)) =
                (text.bounds(), display_text(self.store.text.get(text), cap))
            else {
                continue;
            };
            let span = self.store.text.push(&shown);
            self.display.spans.insert((start, end - start), span);
        }
        self.display.title = display_text(&self.store.title, LINE_CAP);
        self.display.description = display_text(&self.store.description, TEXT_CAP);
        self.display.source = display_text(&self.store.source, LINE_CAP);
    }

    /// Shows every text as loaded from now on, control characters and all: for exports,
    /// which must give back the data unchanged, never for the screen.
    pub fn show_raw_text(&mut self) {
        self.display = DisplayTexts::default();
    }

    /// A text as it may be shown (see [`Self::show_raw_text`]).
    pub(crate) fn text(&self, text: Text) -> &str {
        if !self.display.spans.is_empty()
            && let Some((start, end)) = text.bounds()
            && let Some(&shown) = self.display.spans.get(&(start, end - start))
        {
            return self.store.text.get(shown);
        }
        self.store.text.get(text)
    }
}
