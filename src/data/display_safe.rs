//! What the screen shows of texts that are unsafe to show as they are, or too long: an escaped,
//! shortened copy made once at load for the few texts that need one (most datasets have none),
//! looked up by the span of the text as loaded. Exports ask for the raw text instead.

use super::{
    display::{TEXT_CAP, display_line, display_text, needs_display, needs_display_line},
    records::Records,
    store::Store,
    text::Text,
};

/// How a text is shown: on one line (a title, a name: [`display_line`]) or as running text
/// ([`display_text`] at [`TEXT_CAP`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    Line,
    Running,
}

impl Shape {
    fn needs_copy(self, text: &str) -> bool {
        match self {
            Self::Line => needs_display_line(text),
            Self::Running => needs_display(text, TEXT_CAP),
        }
    }

    fn copy(self, text: &str) -> Option<String> {
        match self {
            Self::Line => display_line(text),
            Self::Running => display_text(text, TEXT_CAP),
        }
    }
}

/// Adds to `needing` those of `texts` that cannot be shown as they are in `shape`.
fn needs_display_copy(
    store: &Store,
    needing: &mut Vec<(Text, Shape)>,
    shape: Shape,
    texts: &[Text],
) {
    for &text in texts {
        if text.is_some() && shape.needs_copy(store.texts.arena.get(text)) {
            needing.push((text, shape));
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
                needs_display_copy(shared, &mut needing, Shape::Line, &texts.lines);
                needs_display_copy(shared, &mut needing, Shape::Running, &texts.running);
                for citation in texts.citations {
                    needs_display_copy(shared, &mut needing, Shape::Running, &[citation.quote]);
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
            needs_display_copy(store, &mut needing, Shape::Line, &[tie.document]);
            needs_display_copy(store, &mut needing, Shape::Running, &[tie.reading]);
            for citation in store.texts.rows(tie.sources) {
                needs_display_copy(store, &mut needing, Shape::Running, &[citation.quote]);
            }
        }
        needing.sort_unstable_by_key(|&(text, _)| text.bounds());
        needing.dedup_by_key(|&mut (text, _)| text.bounds());
        for (text, shape) in needing {
            let (Some((start, end)), Some(shown)) =
                (text.bounds(), shape.copy(store.texts.arena.get(text)))
            else {
                continue;
            };
            let span = store.texts.arena.push(&shown);
            store.texts.shown.insert((start, end - start), span);
        }
        Self {
            title: display_line(&store.title),
            description: display_text(&store.description, TEXT_CAP),
            source: display_line(&store.source),
        }
    }
}
