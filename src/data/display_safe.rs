//! What the screen shows of texts that are unsafe to show as they are, or too long: an escaped,
//! shortened copy made once at load for the few texts that need one (most datasets have none),
//! looked up by the span of the text as loaded. Exports ask for the raw text instead.

use super::{
    display::{LINE_CAP, TEXT_CAP, display_text, needs_display},
    records::Records,
    store::Store,
    text::Text,
};

/// Adds to `needing` those of `texts` that cannot be shown as they are (see
/// [`display_text`]), with the most characters to show of them.
fn needs_display_copy(store: &Store, needing: &mut Vec<(Text, usize)>, cap: usize, texts: &[Text]) {
    for &text in texts {
        if text.is_some() && needs_display(store.texts.arena.get(text), cap) {
            needing.push((text, cap));
        }
    }
}

/// What is shown instead of the dataset's own title, description and source note, where they
/// are unsafe to show as they are.
#[derive(Clone, Debug, Default)]
pub(super) struct DisplayTexts {
    pub(super) title: Option<String>,
    pub(super) description: Option<String>,
    pub(super) source: Option<String>,
}

impl DisplayTexts {
    /// Works out what to show for every text that is unsafe to show as it is or too long:
    /// an escaped, shortened copy in the arena, looked up by [`super::text::Texts::get`].
    pub(super) fn make(store: &mut Store, records: &Records) -> Self {
        let counts = records.counts();
        // Finding the few texts that need work is the slow part (every byte is looked at):
        // one half of the records on each of two threads.
        let shared: &Store = store;
        let find = |slots: std::ops::Range<usize>| {
            let mut needing = Vec::new();
            for texts in slots.filter_map(|slot| records.texts_of(shared, counts.record_at(slot)?))
            {
                needs_display_copy(shared, &mut needing, LINE_CAP, &texts.lines);
                needs_display_copy(shared, &mut needing, TEXT_CAP, &texts.running);
                for citation in texts.citations {
                    needs_display_copy(shared, &mut needing, TEXT_CAP, &[citation.quote]);
                }
            }
            needing
        };
        let count = counts.total();
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
            for citation in store.texts.rows(tie.sources) {
                needs_display_copy(store, &mut needing, TEXT_CAP, &[citation.quote]);
            }
        }
        needing.sort_unstable_by_key(|&(text, _)| text.bounds());
        needing.dedup_by_key(|&mut (text, _)| text.bounds());
        for (text, cap) in needing {
            let (Some((start, end)), Some(shown)) = (
                text.bounds(),
                display_text(store.texts.arena.get(text), cap),
            ) else {
                continue;
            };
            let span = store.texts.arena.push(&shown);
            store.texts.shown.insert((start, end - start), span);
        }
        Self {
            title: display_text(&store.title, LINE_CAP),
            description: display_text(&store.description, TEXT_CAP),
            source: display_text(&store.source, LINE_CAP),
        }
    }
}
