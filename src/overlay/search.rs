//! The search overlay: the prompt with an `[i/N]` counter, and results grouped by tab with the
//! matched characters highlighted (only for the hits on screen). It owns the prompt and
//! whether `Enter` came before the results; the app hands it the index and routes its
//! results in.

use std::sync::Arc;

use ratatui::{
    buffer::Buffer,
    layout::{Position, Rect, Size},
    text::{Line, Span},
    widgets::{Block, Clear, Paragraph, Widget},
};

use super::search_prompt::{ResultLine, SearchPrompt, SearchStatus};
use crate::{
    action::{Bindings, Command, Mode, bindings::HintWhen},
    chrome::{layout::SearchBox, text, theme::Theme},
    data::{
        Catalog,
        display::{TEXT_CAP, display_line, display_text},
    },
    search::SearchIndex,
};
use unicode_segmentation::UnicodeSegmentation;

/// What a key asked of a search whose results were not in yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WhenDone {
    /// `Enter`: go to the chosen result.
    Go,
    /// Ctrl-f: keep the results as the list's filter.
    KeepAsFilter,
}

/// The search overlay while it is open.
pub struct SearchOverlay {
    /// The query, its results and the chosen one.
    pub prompt: SearchPrompt,
    /// What was asked before the results were in, done as soon as they are.
    pub when_done: Option<WhenDone>,
    catalog: Arc<Catalog>,
    /// The styles it is drawn with.
    pub theme: Theme,
    /// The keys its border reminds of (see [`key_reminder`]).
    pub keys: String,
}

impl SearchOverlay {
    /// The overlay on `prompt` (see [`SearchPrompt::after`] for a new one), its border
    /// naming the keys of `bindings`.
    pub fn new(
        catalog: Arc<Catalog>,
        prompt: SearchPrompt,
        theme: Theme,
        bindings: &Bindings,
    ) -> Self {
        Self {
            prompt,
            when_done: None,
            catalog,
            theme,
            keys: key_reminder(bindings),
        }
    }

    /// The results shown at once on a terminal of `size`.
    pub fn page(size: Size) -> usize {
        usize::from(SearchBox::new(size).results.height)
    }

    /// Where the cursor goes, at the end of the query, in a frame of `area`.
    pub fn cursor(&self, area: Rect) -> Option<Position> {
        let overlay = SearchBox::new(area.as_size());
        let shown = shown_query(&self.prompt, &overlay);
        let cursor_x = overlay
            .prompt
            .x
            .saturating_add(u16::try_from(2 + text::width(&shown)).unwrap_or(u16::MAX));
        (cursor_x < overlay.prompt.right()).then(|| Position::new(cursor_x, overlay.prompt.y))
    }
}

/// The `[i/N]` counter, or how far a running search has got.
fn count_label(prompt: &SearchPrompt) -> String {
    match prompt.status() {
        SearchStatus::Streaming {
            scanned,
            total,
            found,
        } => format!(
            "searching {}% · {found} so far",
            scanned * 100 / total.max(1)
        ),
        SearchStatus::Preparing { percent } => format!("preparing search {percent}%"),
        // The results still shown are the previous query's: never counted as this one's.
        SearchStatus::Waiting => "searching…".to_string(),
        SearchStatus::Complete => counter(prompt.selected(), prompt.total()),
    }
}

/// The query as it fits the prompt line: its end, where the typing happens.
fn shown_query(prompt: &SearchPrompt, overlay: &SearchBox) -> String {
    let count = count_label(prompt);
    let query_width = usize::from(overlay.prompt.width).saturating_sub(text::width(&count) + 3);
    // Shown through the gate every typed text passes: an invisible character pasted in is
    // seen, as the "No matches for" line says it.
    let shown = display_line(prompt.text());
    let typed = shown.as_deref().unwrap_or(prompt.text());
    if text::width(typed) > query_width {
        let tail: String = typed
            .chars()
            .rev()
            .take(query_width.saturating_sub(1))
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        format!("…{tail}")
    } else {
        typed.to_string()
    }
}

/// The `[i/N]` counter: the chosen result and how many there are.
pub fn counter(position: usize, total: usize) -> String {
    if total == 0 {
        "[0/0]".to_string()
    } else {
        format!("[{}/{}]", position + 1, total)
    }
}

impl Widget for &SearchOverlay {
    fn render(self, area: Rect, buf: &mut Buffer) {
        render_search(area, buf, self);
    }
}

/// Draws the overlay over `area`: the frame, the prompt line and the results.
fn render_search(area: Rect, buf: &mut Buffer, search: &SearchOverlay) {
    let (catalog, prompt, theme) = (&search.catalog, &search.prompt, &search.theme);
    let overlay = SearchBox::new(area.as_size());
    Clear.render(overlay.margin, buf);
    Block::bordered()
        .border_style(theme.pane_title)
        .title(Line::styled(" Search all tabs ", theme.pane_title))
        .title_bottom(Line::from(format!(" {} ", search.keys)).right_aligned())
        .render(overlay.frame, buf);
    render_prompt(&overlay, buf, prompt, theme);
    let lines = result_lines(catalog, prompt, overlay.results, theme);
    Paragraph::new(lines).render(overlay.results, buf);
}

/// The keys of the search, as its status-bar hints name them: `↑↓ choose · Enter go · …`,
/// less the way to quit, which works everywhere.
pub fn key_reminder(bindings: &Bindings) -> String {
    bindings.reminder(Mode::Search, HintWhen::Always, Command::Quit)
}

/// The prompt line, `/ query` with the counter at its end, and the rule under it.
fn render_prompt(overlay: &SearchBox, buf: &mut Buffer, prompt: &SearchPrompt, theme: &Theme) {
    let count = count_label(prompt);
    let shown = shown_query(prompt, overlay);
    render_prompt_line(
        PromptLine {
            mark: "/ ",
            typed: shown,
            count,
        },
        overlay,
        buf,
        theme,
    );
}

/// A prompt's first line: its mark, what was typed and, at the right, the count.
pub struct PromptLine {
    /// The mark before what is typed (`/ `, `: `).
    pub mark: &'static str,
    /// What was typed, as shown.
    pub typed: String,
    /// The count at the right (`[1/43]`).
    pub count: String,
}

/// Draws `line` in `layout`'s prompt row, with a rule under it when the results leave room:
/// the top of the search box and of the palette alike.
pub fn render_prompt_line(line: PromptLine, layout: &SearchBox, buf: &mut Buffer, theme: &Theme) {
    let padding = usize::from(layout.prompt.width).saturating_sub(
        text::width(line.mark) + text::width(&line.typed) + text::width(&line.count),
    );
    Line::from(vec![
        Span::styled(line.mark, theme.label),
        Span::raw(line.typed),
        Span::raw(" ".repeat(padding)),
        Span::styled(line.count, theme.dim),
    ])
    .render(layout.prompt, buf);
    let rule_y = layout.prompt.y.saturating_add(1);
    if rule_y < layout.results.y {
        let rule = Rect::new(layout.prompt.x, rule_y, layout.prompt.width, 1);
        Line::styled("─".repeat(usize::from(rule.width)), theme.border).render(rule, buf);
    }
}

/// What the results area shows: the query's problems, a guide to an empty prompt, a word
/// that nothing matched, or the results on screen grouped under their tabs.
fn result_lines(
    catalog: &Catalog,
    prompt: &SearchPrompt,
    area: Rect,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let results = prompt.results();
    if !prompt.query().problems().is_empty() {
        return prompt
            .query()
            .problems()
            .iter()
            // A problem lists what is allowed, which may be longer than the width.
            .flat_map(|problem| {
                textwrap::wrap(problem, usize::from(area.width.max(1)))
                    .into_iter()
                    .map(|line| Line::styled(line.into_owned(), theme.warning))
                    .collect::<Vec<_>>()
            })
            .collect();
    }
    if prompt.query().is_empty() {
        return [
            "Type to search events, funding, initiatives, participants and the source.",
            "Words match in any order, field, case and form (summits, BAKU, Bakü); typos are",
            "forgiven from 5 letters; a question's little words (when, did, the) are skipped.",
            "Narrow with year:2005  kind:summit  place:baku  tab:funding (or y: k: p: t:).",
        ]
        .into_iter()
        // Each line wraps: at 80 columns the scopes would be cut.
        .flat_map(|line| textwrap::wrap(line, usize::from(area.width.max(1))))
        .map(|line| Line::styled(line.into_owned(), theme.dim))
        .collect();
    }
    if results.is_empty() && prompt.total() == 0 {
        let said = match prompt.status() {
            SearchStatus::Complete => {
                let typed =
                    display_line(prompt.text()).unwrap_or_else(|| prompt.text().to_string());
                format!("No matches for “{typed}”.")
            }
            SearchStatus::Preparing { percent } => format!(
                "Getting the search ready, once after loading: {percent}%. The results follow."
            ),
            _ => "Searching…".to_string(),
        };
        return vec![Line::styled(said, theme.dim)];
    }
    // No record had every word: say so above what fewer words find.
    let relaxed = results.relaxed().map(|(asked, shown)| {
        let said = format!("No record has all of: {asked} — showing {shown}");
        let said = display_text(&said, TEXT_CAP).unwrap_or(said);
        Line::styled(
            text::truncate(&said, usize::from(area.width)),
            theme.warning,
        )
    });
    let height = usize::from(area.height).saturating_sub(usize::from(relaxed.is_some()));
    let first = prompt.first_visible_line(height);
    let streaming = matches!(prompt.status(), SearchStatus::Streaming { .. });
    // The results still shown while a new query waits for its own are the last query's: no
    // count is given as if they were this one's (the counter says `searching…`).
    let waiting = matches!(
        prompt.status(),
        SearchStatus::Waiting | SearchStatus::Preparing { .. }
    );
    relaxed
        .into_iter()
        .chain(
            (first..first + height)
                .map_while(|line| prompt.line(line))
                .map(|line| match line {
                    ResultLine::Heading(tab, _) if waiting => {
                        Line::styled(format!("{} · …", tab.title()), theme.heading)
                    }
                    ResultLine::Heading(tab, count) => Line::styled(
                        format!(
                            "{} · {count} {}match{}",
                            tab.title(),
                            // While a search runs, a group holds the best hits found so far.
                            if streaming { "best " } else { "" },
                            if count == 1 { "" } else { "es" }
                        ),
                        theme.heading,
                    ),
                    ResultLine::Hit(position) => {
                        hit_line(catalog, prompt, position, usize::from(area.width), theme)
                    }
                }),
        )
        .collect()
}

/// The fewest columns a matched field's words are shown in.
const LEAST_SNIPPET: usize = 12;
/// The fewest columns left to a result's title beside a matched field.
const LEAST_TITLE: usize = 16;

fn hit_line(
    catalog: &Catalog,
    prompt: &SearchPrompt,
    position: usize,
    width: usize,
    theme: &Theme,
) -> Line<'static> {
    let Some(hit) = prompt.results().get(position) else {
        return source_hit_line(catalog, prompt, position, width, theme);
    };
    let chosen = position == prompt.selected();
    let highlight = SearchIndex::highlight_remembering(
        catalog,
        hit.record,
        prompt.query(),
        prompt.spelling_choices(),
    );
    let base = if chosen {
        theme.selected
    } else {
        ratatui::style::Style::new()
    };
    let marker = if chosen { "▶ " } else { "  " };
    let title = catalog.title(hit.record);
    let mut spans = vec![Span::styled(marker, base)];
    // The field that matched, when the title alone does not explain the hit: given up to half
    // the line, and what it does not use goes to the title.
    let field = highlight.field.map(|field| {
        let said: Vec<&str> = [field.mark, highlight.how].into_iter().flatten().collect();
        let with = |name: &str, said: &[&str]| match said.is_empty() {
            true => format!("  {name}: "),
            false => format!("  {name} ({}): ", said.join(", ")),
        };
        // The words matched are what the field is shown for: never a name and a colon
        // alone. They may take more than half the line, the title keeping some; less where
        // the field's mark needs the room.
        let title_least = match field.mark {
            Some(_) => LEAST_TITLE / 2,
            None => LEAST_TITLE,
        };
        let most = width.saturating_sub(title_least);
        let room_after = |lead: &str| {
            let wanted = (width / 2).max(text::width(lead) + LEAST_SNIPPET);
            wanted.min(most).saturating_sub(text::width(lead))
        };
        // Narrow, how the words matched goes first, then the field's name is cut, then it
        // goes; what the field is (from a note, a reading, a classification) always stays,
        // as every other output says it: without it a note's spelling would pass for the
        // source's.
        let marks: Vec<&str> = field.mark.into_iter().collect();
        let cut_name = text::truncate(field.name, most.saturating_sub(LEAST_SNIPPET + 4));
        let leads = [
            with(field.name, &said),
            with(field.name, &marks),
            with(&cut_name, &marks),
            match field.mark {
                Some(mark) => format!("  ({mark}): "),
                None => with(&cut_name, &[]),
            },
        ];
        let lead = leads
            .iter()
            .find(|lead| room_after(lead) >= LEAST_SNIPPET)
            .unwrap_or(&leads[3])
            .clone();
        let (cut, positions) = text::snippet(&field.text, &field.positions, room_after(&lead));
        (lead, cut, positions)
    });
    // How the title matched, when not as written: said after it.
    let title_how = match (&field, highlight.how) {
        (None, Some(how)) => format!("  ({how})"),
        _ => String::new(),
    };
    let field_width = field
        .as_ref()
        .map_or(text::width(&title_how), |(lead, cut, _)| {
            text::width(lead) + text::width(cut)
        });
    let title_text = text::truncate(title, width.saturating_sub(2 + field_width));
    spans.extend(text::highlighted(
        &title_text,
        &highlight.title,
        base,
        theme.matched,
    ));
    if !title_how.is_empty() {
        spans.push(Span::styled(title_how, theme.dim));
    }
    if let Some((lead, cut, positions)) = field {
        spans.push(Span::styled(lead, theme.dim));
        spans.extend(text::highlighted(
            &cut,
            &positions,
            theme.dim,
            theme.matched,
        ));
    }
    Line::from(spans)
}

/// A paragraph of the source the search found: `¶11` and the words around the match.
fn source_hit_line(
    catalog: &Catalog,
    prompt: &SearchPrompt,
    position: usize,
    width: usize,
    theme: &Theme,
) -> Line<'static> {
    let Some(hit) = prompt.source_hit(position) else {
        return Line::default();
    };
    let chosen = position == prompt.selected();
    let base = if chosen {
        theme.selected
    } else {
        ratatui::style::Style::new()
    };
    let paragraph = catalog
        .source()
        .and_then(|source| source.paragraph(hit.paragraph))
        .unwrap_or("");
    // A window around the match, so a huge paragraph costs no more than a short one.
    let floor = |mut at: usize| {
        while !paragraph.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let start = floor(hit.at.saturating_sub(400));
    let end = floor((hit.at + hit.len + 400).min(paragraph.len()));
    let window = paragraph.get(start..end).unwrap_or("");
    let window = window.split_whitespace().collect::<Vec<_>>().join(" ");
    let lead = format!("{}¶{}  ", if chosen { "▶ " } else { "  " }, hit.paragraph);
    let room = width.saturating_sub(text::width(&lead));
    let mut spans = vec![Span::styled(lead, base)];
    match display_text(&window, TEXT_CAP) {
        // Escaped text no longer lines up with the match: shown plain.
        Some(shown) => spans.push(Span::styled(text::truncate(&shown, room), theme.dim)),
        None => {
            let before = paragraph
                .get(start..hit.at)
                .unwrap_or("")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            // The words before the match, then one space when the match starts a word.
            let gap = usize::from(
                !before.is_empty()
                    && paragraph
                        .get(..hit.at)
                        .is_some_and(|text| text.ends_with(char::is_whitespace)),
            );
            let first = before.graphemes(true).count() + gap;
            let matched = paragraph
                .get(hit.at..hit.at + hit.len)
                .unwrap_or("")
                .graphemes(true)
                .count();
            let positions: Vec<usize> = (first..first + matched).collect();
            let (cut, positions) = text::snippet(&window, &positions, room);
            spans.extend(text::highlighted(
                &cut,
                &positions,
                theme.dim,
                theme.matched,
            ));
        }
    }
    Line::from(spans)
}
