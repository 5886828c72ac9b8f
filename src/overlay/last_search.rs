//! The submitted search that `n`/`N` step through: its results, records then paragraphs of
//! the source, and which one is on screen (it follows `Backspace`, clicks and links).

use super::search_prompt::SearchPrompt;
use crate::{
    data::{RecordRef, display::display_line},
    search::{SearchResults, SourceHit},
};

/// One result of a submitted search: a record, or a paragraph of the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SearchTarget {
    /// A record, in its tab.
    Record(RecordRef),
    /// A paragraph, in the Source tab, with where the match is.
    Paragraph(SourceHit),
}

/// A submitted search: its results and which one is shown.
#[derive(Clone, Debug)]
pub struct LastSearch {
    text: String,
    results: SearchResults,
    /// The source's paragraphs the search found, after the records.
    source: Vec<SourceHit>,
    position: usize,
    /// Whether the record on screen is the result at `position` (not one browsed to since).
    on_result: bool,
    /// Whether a result has been shown yet: `n` goes to the first until one has.
    visited: bool,
}

/// The most results [`LastSearch::follow`] looks through for the record on screen: finding it
/// costs a scan, and a million results would make every `j` slower.
const FOLLOW_CAP: usize = 100_000;

impl LastSearch {
    /// The search submitted from `prompt`, at its chosen result.
    pub fn from_prompt(prompt: &SearchPrompt) -> Self {
        let chosen = prompt.selected() < prompt.total();
        Self {
            text: prompt.text().to_string(),
            results: prompt.results().clone(),
            source: prompt.source_hits().to_vec(),
            position: prompt.selected().min(prompt.total().saturating_sub(1)),
            on_result: chosen,
            visited: chosen,
        }
    }

    /// The result at `position`: a record, or a paragraph of the source after them.
    fn target(&self, position: usize) -> Option<SearchTarget> {
        match self.results.get(position) {
            Some(hit) => Some(SearchTarget::Record(hit.record)),
            None => self
                .source
                .get(position.checked_sub(self.results.len())?)
                .map(|&hit| SearchTarget::Paragraph(hit)),
        }
    }

    /// The search opened with the explorer (`--query`), no result shown yet.
    pub fn not_shown(mut self) -> Self {
        self.on_result = false;
        self.visited = false;
        self
    }

    /// Takes note of what is on screen, a record or a paragraph of the source: the position
    /// follows it when it is a result (after `Backspace`, a click, a link), and the counter
    /// says so when it is not.
    pub fn follow(&mut self, shown: Option<SearchTarget>) {
        let Some(shown) = shown else {
            self.on_result = false;
            return;
        };
        let same = |target: Option<SearchTarget>| match (target, shown) {
            (Some(SearchTarget::Record(a)), SearchTarget::Record(b)) => a == b,
            (Some(SearchTarget::Paragraph(a)), SearchTarget::Paragraph(b)) => {
                a.paragraph == b.paragraph
            }
            _ => false,
        };
        if same(self.target(self.position)) {
            self.on_result = true;
            self.visited = true;
            return;
        }
        let found = match shown {
            SearchTarget::Record(record) => self
                .results
                .hits()
                .iter()
                .take(FOLLOW_CAP)
                .position(|hit| hit.record == record),
            SearchTarget::Paragraph(hit) => self
                .source
                .iter()
                .position(|found| found.paragraph == hit.paragraph)
                .map(|at| self.results.len() + at),
        };
        match found {
            Some(position) => {
                self.position = position;
                self.on_result = true;
                self.visited = true;
            }
            None => self.on_result = false,
        }
    }

    /// Whether the record on screen is the result at [`Self::position`].
    pub fn on_result(&self) -> bool {
        self.on_result
    }

    /// Whether the search is still the one being read: a result is on screen, or none has
    /// been shown yet (`--query` with `--select`). Once a record or paragraph outside the
    /// results is shown (by moving, a tab, a filter, a link), the status bar and the copied
    /// command line leave it out, until `n`/`N` or a move lands on a result again.
    pub fn in_view(&self) -> bool {
        self.on_result || !self.visited
    }

    /// The query as typed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The query as it may be shown: what a terminal would act on or hide as visible escapes,
    /// and no longer than a line.
    pub fn shown_text(&self) -> String {
        display_line(&self.text).unwrap_or_else(|| self.text.clone())
    }

    /// The position of the result shown, counting from 0.
    pub fn position(&self) -> usize {
        self.position
    }

    /// How many results there are: records and paragraphs.
    pub fn len(&self) -> usize {
        self.results.len() + self.source.len()
    }

    /// Whether there are no results.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Moves to the next (or previous) result, wrapping, and returns it.
    pub fn step(&mut self, forward: bool) -> Option<SearchTarget> {
        let length = self.len();
        if length == 0 {
            return None;
        }
        if self.visited {
            self.position = if forward {
                (self.position + 1) % length
            } else {
                (self.position + length - 1) % length
            };
        } else if !forward {
            self.position = length - 1;
        }
        self.visited = true;
        self.on_result = true;
        self.target(self.position)
    }
}
