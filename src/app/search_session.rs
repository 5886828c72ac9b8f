//! The search prompt while typing, and the submitted search that `n`/`N` step through.

use ratatui::layout::{Position, Rect};

use crate::{
    action::Movement,
    data::RecordRef,
    search::{Hit, Query, SearchIndex, SearchResults},
    tab::Tab,
};

/// One line of the results list: a tab heading or a hit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResultLine {
    /// The heading of a tab's group, with its number of hits.
    Heading(Tab, usize),
    /// The hit at this position of the results.
    Hit(usize),
}

/// The query being typed, its results, and the chosen result.
#[derive(Clone, Debug, Default)]
pub struct SearchPrompt {
    text: String,
    query: Query,
    results: SearchResults,
    /// Each group's tab, hit count and first hit, in display order.
    groups: Vec<(Tab, usize, usize)>,
    selected: usize,
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

    /// The position of the chosen result.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The chosen result.
    pub fn selected_hit(&self) -> Option<Hit> {
        self.results.get(self.selected).copied()
    }

    /// Replaces the query and searches again; the best result is chosen.
    pub fn set_query(&mut self, text: &str, index: &SearchIndex) {
        self.text = text.to_string();
        self.query = Query::parse(text);
        self.results = index.search(&self.query);
        let mut first = 0;
        self.groups = self
            .results
            .groups()
            .into_iter()
            .map(|(tab, count)| {
                let group = (tab, count, first);
                first += count;
                group
            })
            .collect();
        self.selected = 0;
    }

    /// Chooses another result, clamped to the list.
    pub fn select(&mut self, movement: Movement, page: usize) {
        let last = self.results.len().saturating_sub(1);
        self.selected = match movement {
            Movement::Down => self.selected.saturating_add(1),
            Movement::Up => self.selected.saturating_sub(1),
            Movement::First => 0,
            Movement::Last => last,
            Movement::PageDown => self.selected.saturating_add(page.max(1)),
            Movement::PageUp => self.selected.saturating_sub(page.max(1)),
        }
        .min(last);
    }

    /// Chooses the hit at `position`.
    pub fn select_hit(&mut self, position: usize) {
        self.selected = position.min(self.results.len().saturating_sub(1));
    }

    /// How many lines the results take, headings included.
    pub fn line_count(&self) -> usize {
        self.results.len() + self.groups.len()
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
        let line = self.first_visible_line(area.height as usize) + usize::from(at.y - area.y);
        match self.line(line)? {
            ResultLine::Hit(position) => Some(position),
            ResultLine::Heading(..) => None,
        }
    }
}

/// A submitted search: its results and which one is shown.
#[derive(Clone, Debug)]
pub struct LastSearch {
    text: String,
    results: SearchResults,
    position: usize,
}

impl LastSearch {
    /// The search submitted from `prompt`, at its chosen result.
    pub fn from_prompt(prompt: &SearchPrompt) -> Self {
        Self {
            text: prompt.text.clone(),
            results: prompt.results.clone(),
            position: prompt.selected,
        }
    }

    /// The query as typed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The position of the result shown, counting from 0.
    pub fn position(&self) -> usize {
        self.position
    }

    /// How many results there are.
    pub fn len(&self) -> usize {
        self.results.len()
    }

    /// Whether there are no results.
    pub fn is_empty(&self) -> bool {
        self.results.is_empty()
    }

    /// Moves to the next (or previous) result, wrapping, and returns its record.
    pub fn step(&mut self, forward: bool) -> Option<RecordRef> {
        let length = self.results.len();
        if length == 0 {
            return None;
        }
        self.position = if forward {
            (self.position + 1) % length
        } else {
            (self.position + length - 1) % length
        };
        self.results.get(self.position).map(|hit| hit.record)
    }
}
