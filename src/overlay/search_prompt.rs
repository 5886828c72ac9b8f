//! The search's state while typing: the query, its results (records, then the source's
//! paragraphs), the chosen one and whether a background search still runs. The submitted
//! search that `n`/`N` step through is [`super::last_search`].

use ratatui::layout::{Position, Rect};

use crate::{
    action::Movement,
    data::Tab,
    search::{
        Hit, Query, SearchEvent, SearchIndex, SearchRequest, SearchResults, SourceHit,
        SpellingChoices,
    },
};

/// The most characters a query keeps: enough for any search a person types, and a bound on
/// the work a pasted megabyte could make (on the embedded data the search runs on the drawing
/// thread).
pub const QUERY_CAP: usize = 200;

/// `text` cut to [`QUERY_CAP`] characters; `true` when something was cut.
fn capped_query(text: &str) -> (&str, bool) {
    match text.char_indices().nth(QUERY_CAP) {
        Some((end, _)) => (&text[..end], true),
        None => (text, false),
    }
}

/// One line of the results list: a tab heading or a hit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResultLine {
    /// The heading of a tab's group, with its number of hits.
    Heading(Tab, usize),
    /// The hit at this position of the results.
    Hit(usize),
}

/// Whether the results shown are those of the query shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SearchStatus {
    /// The results are the query's.
    #[default]
    Complete,
    /// The query's search runs; the results shown are the previous query's.
    Waiting,
    /// The query's search runs; the results shown are its hits so far.
    Streaming {
        /// Records looked at.
        scanned: usize,
        /// Records to look at.
        total: usize,
        /// Records matched so far (the results hold the best of them).
        found: usize,
    },
    /// The search is being made ready (once, after loading); the query waits for it, and the
    /// results shown are the previous query's.
    Preparing {
        /// How far that has got.
        percent: u8,
    },
}

/// The query being typed, its results, and the chosen result.
#[derive(Clone, Debug, Default)]
pub struct SearchPrompt {
    text: String,
    query: Query,
    results: SearchResults,
    /// The paragraphs of the source the query finds, listed after the records.
    source: Vec<SourceHit>,
    /// Each group's tab, hit count and first hit, in display order.
    groups: Vec<(Tab, usize, usize)>,
    selected: usize,
    status: SearchStatus,
    /// Whether `results` are complete (not a running search's hits so far).
    results_complete: bool,
    /// Numbers the queries typed, so results that arrive late can be matched to theirs.
    generation: u64,
    /// Whether the query typed was longer than [`QUERY_CAP`] and cut.
    cut: bool,
    /// Which spellings of a name can explain a hit of the query, kept between drawings.
    spelling_choices: SpellingChoices,
}

impl SearchPrompt {
    /// The query as typed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The parsed query.
    pub fn query(&self) -> &Query {
        &self.query
    }

    /// The current results.
    pub fn results(&self) -> &SearchResults {
        &self.results
    }

    /// Which spellings of a name can explain a hit of the query, remembered while it stays
    /// (see [`SearchIndex::highlight_remembering`]).
    pub fn spelling_choices(&self) -> &SpellingChoices {
        &self.spelling_choices
    }

    /// Whether the results are the query's, or a search is still running.
    pub fn status(&self) -> SearchStatus {
        self.status
    }

    /// The number of the query shown.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The position of the chosen result.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The chosen result, when it is a record.
    pub fn selected_hit(&self) -> Option<Hit> {
        self.results.get(self.selected).copied()
    }

    /// The chosen result, when it is a paragraph of the source.
    pub fn selected_source_hit(&self) -> Option<SourceHit> {
        self.source_hit(self.selected)
    }

    /// The result at `position`, when it is a paragraph of the source (they come after the
    /// records).
    pub fn source_hit(&self, position: usize) -> Option<SourceHit> {
        let index = position.checked_sub(self.results.len())?;
        self.source.get(index).copied()
    }

    /// The source's paragraphs the query finds, listed after the records.
    pub fn source_hits(&self) -> &[SourceHit] {
        &self.source
    }

    /// How many results there are: records and paragraphs.
    pub fn total(&self) -> usize {
        self.results.len() + self.source.len()
    }

    /// Sets the paragraphs of the source the query finds (a search of its own, run at once).
    pub fn set_source_hits(&mut self, hits: Vec<SourceHit>) {
        self.source = hits;
        self.regroup();
        self.selected = self.selected.min(self.total().saturating_sub(1));
    }

    /// Replaces the query and searches again at once; the best result is chosen.
    pub fn set_query(&mut self, text: &str, index: &SearchIndex) {
        self.set_text(text);
        let results = index.search(&self.query);
        self.show(results, SearchStatus::Complete);
    }

    /// Replaces the query; its results are to come (see [`Self::receive`]). Returns the
    /// request for them, with the results it may narrow.
    pub fn set_query_later(&mut self, text: &str) -> SearchRequest {
        self.set_text(text);
        SearchRequest {
            generation: self.generation,
            query: self.query.clone(),
            previous: self.results_complete.then(|| self.results.clone()),
        }
    }

    /// Takes in what a search running elsewhere reports; `false` when it is about a query no
    /// longer shown.
    pub fn receive(&mut self, event: SearchEvent) -> bool {
        if event.generation() != self.generation {
            return false;
        }
        match event {
            SearchEvent::Progress {
                scanned,
                total,
                found,
                results,
                ..
            } => self.show(
                results,
                SearchStatus::Streaming {
                    scanned,
                    total,
                    found,
                },
            ),
            SearchEvent::Preparing { percent, .. } => {
                self.status = SearchStatus::Preparing { percent };
            }
            SearchEvent::Done { results, .. } => self.show(results, SearchStatus::Complete),
        }
        true
    }

    /// An empty prompt whose queries are numbered after `generation`, the last query of an
    /// earlier prompt, so nothing from that prompt can be taken for this one's.
    pub fn after(generation: u64) -> Self {
        Self {
            generation: generation + 1,
            ..Self::default()
        }
    }

    /// Whether the query as last set was cut to [`QUERY_CAP`] characters.
    pub fn was_cut(&self) -> bool {
        self.cut
    }

    fn set_text(&mut self, text: &str) {
        let (text, cut) = capped_query(text);
        self.cut = cut;
        self.text = text.to_string();
        self.query = Query::parse(text);
        self.generation += 1;
        self.status = SearchStatus::Waiting;
        self.selected = 0;
    }

    /// Shows `results`: a new query's first results choose the best; later reports of the
    /// same query keep the chosen position.
    fn show(&mut self, results: SearchResults, status: SearchStatus) {
        let same_query = matches!(self.status, SearchStatus::Streaming { .. });
        let records_before = self.results.len();
        self.results_complete = status == SearchStatus::Complete;
        self.results = results;
        self.status = status;
        self.regroup();
        self.selected = match same_query {
            // A paragraph chosen while records stream in stays chosen as they push it down.
            true if self.selected >= records_before && !self.source.is_empty() => {
                self.selected - records_before + self.results.len()
            }
            true => self.selected.min(self.results.len().saturating_sub(1)),
            false => 0,
        }
        .min(self.total().saturating_sub(1));
    }

    /// Groups the results by tab for display, the source's paragraphs last.
    fn regroup(&mut self) {
        let mut first = 0;
        self.groups = self
            .results
            .groups()
            .into_iter()
            .chain((!self.source.is_empty()).then_some((Tab::Source, self.source.len())))
            .map(|(tab, count)| {
                let group = (tab, count, first);
                first += count;
                group
            })
            .collect();
    }

    /// Chooses another result, clamped to the list.
    pub fn select(&mut self, movement: Movement, page: usize) {
        let last = self.total().saturating_sub(1);
        self.selected = movement.apply(self.selected, last, page);
    }

    /// Chooses the hit at `position`.
    pub fn select_hit(&mut self, position: usize) {
        self.selected = position.min(self.total().saturating_sub(1));
    }

    /// How many lines the results take, headings included.
    pub fn line_count(&self) -> usize {
        self.total() + self.groups.len()
    }

    /// The line showing the hit at `position`.
    fn line_of_hit(&self, position: usize) -> usize {
        let groups_before = self
            .groups
            .iter()
            .take_while(|&&(_, _, first)| first <= position)
            .count();
        position + groups_before
    }

    /// What line `line` of the results shows.
    pub fn line(&self, line: usize) -> Option<ResultLine> {
        let mut start = 0;
        for &(tab, count, first) in &self.groups {
            if line == start {
                return Some(ResultLine::Heading(tab, count));
            }
            if line <= start + count {
                return Some(ResultLine::Hit(first + line - start - 1));
            }
            start += count + 1;
        }
        None
    }

    /// The first line on screen when `height` lines show: the chosen hit stays visible.
    pub fn first_visible_line(&self, height: usize) -> usize {
        let chosen = self.line_of_hit(self.selected);
        (chosen + 1).saturating_sub(height.max(1))
    }

    /// The hit shown at screen position `at` when the results fill `area`.
    pub fn hit_at_line(&self, at: Position, area: Rect) -> Option<usize> {
        if !area.contains(at) {
            return None;
        }
        // A line above the results says when fewer words found them.
        let said = usize::from(self.results().relaxed().is_some());
        let row = usize::from(at.y - area.y).checked_sub(said)?;
        let height = usize::from(area.height).saturating_sub(said);
        let line = self.first_visible_line(height) + row;
        match self.line(line)? {
            ResultLine::Hit(position) => Some(position),
            ResultLine::Heading(..) => None,
        }
    }
}
