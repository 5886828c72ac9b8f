//! The filter prompt (`&`): one line typed in a tab's list, searched with the search's own
//! engine and rules as it is typed, the list narrowing to what it finds. It owns what is
//! typed and which search answers it; the app applies the answer to the tab.

use std::{borrow::Cow, sync::Arc};

use ratatui::{
    buffer::Buffer,
    layout::{Position, Rect},
    text::{Line, Span},
    widgets::Widget,
};

use super::QUERY_CAP;
use crate::{
    action::{Command, Mode, bindings::Bindings},
    chrome::{text, theme::Theme},
    data::{Tab, display::display_line},
    search::{Query, Scope, SearchResults},
};

/// How the prompt's last query stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FilterStatus {
    /// Nothing typed: the list shows everything.
    Empty,
    /// Being searched; the list still shows the last answer.
    Searching,
    /// Searched: how many of the tab's records it found.
    Found(usize),
    /// The query cannot be searched (a scope's value is wrong): why.
    Problem(String),
}

/// What the prompt says of its keys, as the bindings in force name them: written once, when
/// the bindings are set, not per frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilterWords {
    /// Before anything is typed: `type to filter · Enter keeps · Esc clears`.
    empty: String,
    /// When nothing is found: `nothing found · Esc clears`.
    nothing: String,
    /// When one record is found: `1 found · Enter keeps · Esc clears`.
    one: String,
    /// After the count of records found: `Enter keeps · Esc clears`.
    found: String,
}

impl FilterWords {
    /// The words as `bindings` name the keys that keep and clear a filter.
    pub fn of(bindings: &Bindings) -> Self {
        let said = |command: Command, what: &str| {
            bindings
                .keys_for(&[command], Mode::Filter)
                .map(|keys| format!("{keys} {what}"))
        };
        let keeps = said(Command::SearchSubmit, "keeps");
        let clears = said(Command::Cancel, "clears");
        let joined = |first: Option<&str>, keys: &[&Option<String>]| {
            first
                .into_iter()
                .chain(keys.iter().filter_map(|key| key.as_deref()))
                .collect::<Vec<_>>()
                .join(" · ")
        };
        Self {
            empty: joined(Some("type to filter"), &[&keeps, &clears]),
            nothing: joined(Some("nothing found"), &[&clears]),
            one: joined(Some("1 found"), &[&keeps, &clears]),
            found: joined(None, &[&keeps, &clears]),
        }
    }
}

impl Default for FilterWords {
    fn default() -> Self {
        Self::of(&Bindings::built_in())
    }
}

/// The filter being typed for one tab.
#[derive(Clone, Debug)]
pub struct FilterPrompt {
    tab: Tab,
    text: String,
    /// The number of the last query asked for; only its answer is taken.
    generation: u64,
    status: FilterStatus,
    /// The last complete answer, which a longer query narrows instead of searching afresh.
    previous: Option<SearchResults>,
    /// How far the search is from ready, in percent, while the query waits for that.
    preparing: Option<u8>,
    theme: Theme,
    /// What it says of its keys.
    words: Arc<FilterWords>,
}

impl FilterPrompt {
    /// A prompt for `tab`, holding `text` (the tab's filter, to be edited), its queries
    /// numbered after `generation`, saying `words` of its keys.
    pub fn new(
        tab: Tab,
        text: &str,
        generation: u64,
        theme: Theme,
        words: Arc<FilterWords>,
    ) -> Self {
        Self {
            tab,
            text: text.to_string(),
            generation,
            status: if text.is_empty() {
                FilterStatus::Empty
            } else {
                FilterStatus::Searching
            },
            previous: None,
            preparing: None,
            theme,
            words,
        }
    }

    /// The tab it filters.
    pub fn tab(&self) -> Tab {
        self.tab
    }

    /// What is typed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text as the prompt shows it: through the gate every typed text passes, so an
    /// invisible character pasted in is seen.
    fn shown_text(&self) -> String {
        display_line(&self.text).unwrap_or_else(|| self.text.clone())
    }

    /// How the last query stands.
    pub fn status(&self) -> &FilterStatus {
        &self.status
    }

    /// The number of the query whose answer is awaited.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Takes `text` as the new query, numbered `generation`: the query to search (limited to
    /// the tab, unless it names tabs itself), or `None` when there is nothing to search.
    pub fn set_text(&mut self, text: &str, generation: u64) -> Option<Query> {
        self.text = text.chars().take(QUERY_CAP).collect();
        self.generation = generation;
        let query = Query::parse(&self.text);
        if let Some(problem) = query.problems().first() {
            self.status = FilterStatus::Problem(problem.clone());
            return None;
        }
        if query.is_empty() {
            self.status = FilterStatus::Empty;
            self.previous = None;
            return None;
        }
        self.status = FilterStatus::Searching;
        let names_a_tab = query
            .scopes()
            .iter()
            .any(|scope| matches!(scope, Scope::Tab(_)));
        Some(if names_a_tab {
            query
        } else {
            query.with_scope(Scope::Tab(self.tab))
        })
    }

    /// The search the query waits for is being made ready: `percent` of it is done.
    pub fn preparing(&mut self, generation: u64, percent: u8) -> bool {
        let awaited = generation == self.generation && self.status == FilterStatus::Searching;
        if awaited {
            self.preparing = Some(percent);
        }
        awaited
    }

    /// The last complete answer, for a longer query to narrow.
    pub fn previous(&self) -> Option<&SearchResults> {
        self.previous.as_ref()
    }

    /// Takes in the answer to query `generation`; `false` when it is not the one awaited.
    /// `found` is how many of the tab's records it holds.
    pub fn answered(&mut self, generation: u64, results: SearchResults, found: usize) -> bool {
        if generation != self.generation {
            return false;
        }
        self.status = FilterStatus::Found(found);
        self.previous = Some(results);
        self.preparing = None;
        true
    }

    /// Where the cursor goes when the prompt is drawn in `area`.
    pub fn cursor(&self, area: Rect) -> Option<Position> {
        if area.width < 3 || area.height == 0 {
            return None;
        }
        let used = text::width(PROMPT) + text::width(&self.shown_text());
        let x = area.x + u16::try_from(used).unwrap_or(u16::MAX).min(area.width - 1);
        Some(Position::new(x, area.y))
    }
}

/// What the prompt line starts with.
const PROMPT: &str = " filter: ";

impl Widget for &FilterPrompt {
    /// Draws the prompt over `area`, one line (the list's bottom border).
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        let theme = &self.theme;
        let words = &self.words;
        let status: Cow<'_, str> = match &self.status {
            FilterStatus::Empty => Cow::Borrowed(&words.empty),
            FilterStatus::Searching => match self.preparing {
                Some(percent) => Cow::Owned(format!("preparing search {percent}%")),
                None => Cow::Borrowed("filtering…"),
            },
            FilterStatus::Found(0) => Cow::Borrowed(&words.nothing),
            FilterStatus::Found(1) => Cow::Borrowed(&words.one),
            FilterStatus::Found(n) if words.found.is_empty() => Cow::Owned(format!("{n} found")),
            FilterStatus::Found(n) => Cow::Owned(format!("{n} found · {}", words.found)),
            FilterStatus::Problem(problem) => Cow::Borrowed(problem),
        };
        let width = usize::from(area.width);
        let shown = self.shown_text();
        let typed = text::width(PROMPT) + text::width(&shown) + 1;
        let status = text::truncate(&status, width.saturating_sub(typed + 3));
        let mut spans = vec![
            Span::styled(PROMPT, theme.status_key),
            Span::styled(shown, theme.status_key),
            Span::styled(" ", theme.status_key),
        ];
        if !status.is_empty() {
            spans.push(Span::styled(format!("  {status} "), theme.status));
        }
        let used: usize = spans.iter().map(|span| text::width(&span.content)).sum();
        spans.push(Span::styled(
            " ".repeat(width.saturating_sub(used)),
            theme.status,
        ));
        buf.set_style(area, theme.status);
        Line::from(spans).render(area, buf);
    }
}
