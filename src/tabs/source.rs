//! The Source tab: the whole source document, paragraph by paragraph (laid out in
//! `super::source_document`), each passage that a record or a tie quotes marked. The detail
//! pane lists the selected paragraph's passages with the records quoting each, as links to
//! follow. Its list is the paragraphs (the [`TabView`] counts them), so moving, links and
//! history work as on every tab.

use std::sync::Arc;

use ratatui::{
    buffer::Buffer,
    layout::Rect,
    text::{Line, Span},
    widgets::{Block, Paragraph, Widget},
};

use super::TabHints;
use super::{
    Focus, TabView,
    detail::{DetailKey, DetailText, link_label},
    detail_builder::DetailBuilder,
    list::SELECTION_MARKER,
    source_document::{Document, paragraph_lines},
};
use crate::{
    chrome::{
        layout::{Panes, TabExtras},
        styled::{Role, StyledLine},
        text,
        theme::Theme,
    },
    data::{
        Catalog, RecordRef,
        display::{TEXT_CAP, display_text},
    },
    plural::counted,
};

/// The Source tab.
pub struct SourceTab {
    /// Its list of paragraphs and detail pane.
    pub view: TabView,
    catalog: Arc<Catalog>,
    /// The document laid out for the last width asked for.
    document: Option<Document>,
    /// The styles it is drawn with.
    pub theme: Theme,
    /// The keys its texts name.
    pub hints: Arc<TabHints>,
}

impl SourceTab {
    /// What it adds to the plain list-and-detail layout: nothing.
    pub fn extras(&self) -> TabExtras {
        TabExtras::default()
    }

    /// The paragraphs of `catalog`'s source (none when it was opened without one).
    pub fn new(catalog: Arc<Catalog>) -> Self {
        let count = catalog
            .source()
            .map_or(0, |source| source.paragraph_count());
        Self {
            view: TabView::of_paragraphs(count),
            catalog,
            document: None,
            theme: Theme::default(),
            hints: Arc::default(),
        }
    }

    /// Lays the document out for the list's text width, unless it already is.
    pub fn refresh(&mut self, width: u16) {
        if self.document.as_ref().is_none_or(|d| d.width != width) {
            self.document = Some(Document::new(&self.catalog, width));
        }
    }

    /// The paragraph whose heading or text is on screen row `row` of the list area `rows`.
    pub fn paragraph_at_row(&self, row: u16, rows: Rect) -> Option<usize> {
        let document = self.document.as_ref().filter(|d| d.width == rows.width)?;
        let marked = self.marked_lines(rows.width);
        let line = self.scroll(document, usize::from(rows.height), marked.as_deref())
            + usize::from(row.checked_sub(rows.y)?);
        document
            .paragraphs
            .iter()
            .position(|(heading, text)| *heading == line || text.contains(&line))
    }

    /// Opens on paragraph `number` with the link under the first passage holding byte `at`
    /// picked, or the paragraph alone when no passage holds it.
    pub fn show_paragraph(&mut self, number: u32, at: usize, page: usize) {
        self.view
            .select_row((number as usize).saturating_sub(1), page);
        let passages = self
            .catalog
            .passages()
            .and_then(|map| map.paragraph(number))
            .map_or(&[][..], |entry| &entry.passages);
        let holding = passages.iter().position(|p| p.range.contains(&at));
        let link = holding.and_then(|passage| {
            paragraph_links(&self.catalog, number)
                .iter()
                .position(|&(p, _)| p == passage)
        });
        match link {
            Some(link) => {
                self.view.focus = Focus::Links;
                self.view.link = link;
            }
            None => self.view.focus = Focus::List,
        }
    }

    /// Opens on the paragraph of `record`'s first own quote (else the first its ties quote),
    /// with the link to `record` under that quote picked. Returns whether it quotes any.
    pub fn show_record(&mut self, record: RecordRef, page: usize) -> bool {
        let catalog = Arc::clone(&self.catalog);
        let (Some(source), Some(map)) = (catalog.source(), catalog.passages()) else {
            return false;
        };
        // The quote as loaded, not as shown (escaped or cut), is what is in the source.
        let own = catalog
            .raw_citations(record)
            .first()
            .and_then(|&(paragraph, quote)| {
                let start = source.paragraph(paragraph)?.find(quote)?;
                Some((paragraph, start..start + quote.len()))
            });
        let Some((number, range)) = own.or_else(|| {
            let (number, passage) = map.first_cited_by(record)?;
            let range = map.paragraph(number)?.passages.get(passage?)?.range.clone();
            Some((number, range))
        }) else {
            return false;
        };
        self.view.select_row(number as usize - 1, page);
        let passages = map
            .paragraph(number)
            .map_or(&[][..], |entry| &entry.passages);
        let links = paragraph_links(&catalog, number);
        let under_quote = links.iter().position(|&(passage, cited)| {
            cited == record && passages.get(passage).is_some_and(|p| p.range == range)
        });
        match under_quote.or_else(|| links.iter().position(|&(_, cited)| cited == record)) {
            Some(link) => {
                self.view.focus = Focus::Links;
                self.view.link = link;
            }
            None => self.view.focus = Focus::List,
        }
        true
    }
}

/// The links of paragraph `number`'s detail: each passage's records, in passage order, with
/// the passage each belongs to.
pub fn paragraph_links(catalog: &Catalog, number: u32) -> Vec<(usize, RecordRef)> {
    let Some(entry) = catalog.passages().and_then(|map| map.paragraph(number)) else {
        return Vec::new();
    };
    entry
        .passages
        .iter()
        .enumerate()
        .flat_map(|(index, passage)| passage.citers.iter().map(move |&record| (index, record)))
        .collect()
}

/// The detail pane of paragraph `number`: where it lies, then each passage quoted from it with
/// the records that quote it.
pub fn paragraph_text(catalog: &Catalog, number: u32, width: u16) -> DetailText {
    let mut out = DetailBuilder::new(width);
    let mut link_lines = Vec::new();
    let key = DetailKey::Paragraph(number);
    let (Some(source), Some(map)) = (catalog.source(), catalog.passages()) else {
        return DetailText::built(key, width, out, link_lines);
    };
    let place = match source.paragraph_lines(number) {
        Some((first, last)) if first == last => format!("line {first}"),
        Some((first, last)) => format!("lines {first}–{last}"),
        None => String::new(),
    };
    out.wrapped(&format!("Paragraph {number}"), 0, Role::Title);
    out.wrapped(
        &format!(
            "{number} of {} · {place} of {}",
            source.paragraph_count(),
            source.line_count()
        ),
        0,
        Role::Dim,
    );
    let entry = map.paragraph(number).cloned().unwrap_or_default();
    let paragraph = source.paragraph(number).unwrap_or("");
    if entry.passages.is_empty() {
        out.heading("No record quotes this paragraph");
    }
    for passage in &entry.passages {
        let quote = paragraph.get(passage.range.clone()).unwrap_or("");
        let shown = display_text(quote, TEXT_CAP);
        out.blank();
        out.quote("", &format!("“{}”", shown.as_deref().unwrap_or(quote)), 0);
        for &record in &passage.citers {
            link_lines.push(out.lines.len());
            out.link(&link_label(catalog, record));
        }
    }
    DetailText::built(key, width, out, link_lines)
}

impl Widget for &SourceTab {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let panes = Panes::new(area, self.extras());
        let view = &self.view;
        let count = view.len();
        let title = match count {
            0 => " Source · not loaded ".to_string(),
            n => format!(
                " Source · {} · quoted passages in italics ",
                counted(n, "paragraph")
            ),
        };
        let position = match view.selected_paragraph() {
            Some(number) => format!(" ¶{number} of {count} "),
            None => " empty ".to_string(),
        };
        Block::bordered()
            .border_style(self.theme.border)
            .title(Line::from(title).style(self.theme.pane_title))
            .title_bottom(Line::from(position).right_aligned())
            .render(panes.list, buf);
        let rows = panes.rows;
        if count > 0 {
            self.render_document(rows, buf);
            super::render_detail(&panes, buf, &self.catalog, view, &self.theme, &self.hints);
            return;
        }
        let message = match self.catalog.source() {
            None => {
                "The source text is not loaded: open the dataset with --source PATH to read it here."
            }
            Some(_) => "The source text has no paragraphs.",
        };
        Paragraph::new(text::wrap(message, usize::from(rows.width)).join("\n"))
            .style(self.theme.dim)
            .render(rows, buf);
        Block::bordered()
            .border_style(self.theme.border)
            .title(Line::from(" Details ").style(self.theme.pane_title))
            .render(panes.detail, buf);
    }
}

impl SourceTab {
    /// The selected paragraph's lines with the picked link's passage marked, when the links
    /// have the focus.
    fn marked_lines(&self, width: u16) -> Option<Vec<StyledLine>> {
        if self.view.focus != Focus::Links {
            return None;
        }
        let number = self.view.selected_paragraph()?;
        let entry = self.catalog.passages()?.paragraph(number)?;
        let (passage, _) = entry.link(self.view.link)?;
        let source = self.catalog.source()?;
        Some(paragraph_lines(
            source.paragraph(number)?,
            entry,
            Some(passage),
            usize::from(width).max(1),
        ))
    }

    /// The first line on screen: the selected paragraph's heading, or further down so that a
    /// picked passage deep in a long paragraph has its first line on screen.
    fn scroll(&self, document: &Document, height: usize, marked: Option<&[StyledLine]>) -> usize {
        let selected = self.view.list.selected;
        let scroll = document.scroll(selected, height);
        let text_start = document
            .paragraphs
            .get(selected)
            .map_or(0, |(_, text)| text.start);
        let passage_line = marked.and_then(|lines| {
            lines
                .iter()
                .position(|line| line.spans.iter().any(|(role, _)| *role == Role::Matched))
        });
        match passage_line.map(|line| text_start + line) {
            Some(line) if line >= scroll + height => line + 1 - height.max(1),
            _ => scroll,
        }
    }

    /// The document from the selected paragraph on, its heading marked, and the passage of the
    /// picked link marked in its text.
    fn render_document(&self, rows: Rect, buf: &mut Buffer) {
        let built;
        let document = match self.document.as_ref().filter(|d| d.width == rows.width) {
            Some(document) => document,
            None => {
                built = Document::new(&self.catalog, rows.width);
                &built
            }
        };
        let height = usize::from(rows.height);
        let marked = self.marked_lines(rows.width);
        let scroll = self.scroll(document, height, marked.as_deref());
        let (heading, text) = document
            .paragraphs
            .get(self.view.list.selected)
            .cloned()
            .unwrap_or_default();
        for (offset, index) in (scroll..document.lines.len()).take(height).enumerate() {
            let y = rows.y + u16::try_from(offset).unwrap_or(u16::MAX);
            let line_area = Rect::new(rows.x, y, rows.width, 1);
            let line = match &marked {
                Some(lines) if text.contains(&index) => lines.get(index - text.start),
                _ => document.lines.get(index),
            };
            let Some(line) = line else { continue };
            let mut drawn = line.to_line(&self.theme, false);
            if index == heading {
                drawn
                    .spans
                    .insert(0, Span::styled(SELECTION_MARKER, self.theme.selected));
            }
            drawn.render(line_area, buf);
        }
    }
}
