//! Opening the app on a view (`--tab`, `--select`, `--query`, `--paragraph`), and keeping the
//! last search's counter on the record or paragraph on screen.

use super::{App, History};
use crate::{
    data::{RecordRef, Tab},
    overlay::{LastSearch, SearchPrompt, SearchTarget},
    search::{SourceHit, source_hits},
};

impl App {
    /// Opens the app on a view: a tab, a selected record, a search whose results `n`/`N` step
    /// through. The selection wins over the search's first result.
    pub fn open_view(&mut self, tab: Option<Tab>, select: Option<RecordRef>, query: Option<&str>) {
        if let Some(tab) = tab {
            self.tab = tab;
        }
        if let Some(query) = query {
            let mut prompt = SearchPrompt::after(self.search_generation);
            prompt.set_query(query, &self.index);
            prompt.set_source_hits(source_hits(&self.catalog, prompt.query()));
            self.search_generation = prompt.generation();
            if let Some(hit) = prompt.selected_hit() {
                self.last_search = Some(LastSearch::from_prompt(&prompt));
                self.show(hit.record);
            } else if let Some(hit) = prompt.selected_source_hit() {
                self.last_search = Some(LastSearch::from_prompt(&prompt));
                self.show_source_hit(hit);
            }
        }
        if let Some(record) = select {
            self.show(record);
            // The selection won: `n` goes to the first result, not the second.
            self.last_search = self.last_search.take().map(LastSearch::not_shown);
        }
        self.history = History::default();
        self.refresh_detail();
        self.follow_last_search();
    }

    /// Opens the Source tab at paragraph `number` (`--paragraph`), or says why it cannot.
    pub fn open_paragraph(&mut self, number: u32) -> Result<(), String> {
        if let Some(problem) = self.catalog.paragraph_problem(number) {
            return Err(problem);
        }
        self.tab = Tab::Source;
        let page = self.list_page_of(Tab::Source);
        self.tabs.source.view.select_row(number as usize - 1, page);
        self.refresh_detail();
        self.follow_last_search();
        Ok(())
    }

    /// Lets the last search know which record is on screen, for its counter and for `n`.
    pub(super) fn follow_last_search(&mut self) {
        let view = self.view(self.tab);
        let shown = match view.selected_paragraph() {
            Some(paragraph) => Some(SearchTarget::Paragraph(SourceHit {
                paragraph,
                at: 0,
                len: 0,
            })),
            None => view.selected().map(SearchTarget::Record),
        };
        if let Some(last) = &mut self.last_search {
            last.follow(shown);
        }
    }
}
