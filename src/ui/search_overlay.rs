//! The search overlay: the prompt with an `[i/N]` counter, and results grouped by tab with the
//! matched characters highlighted. Highlights are computed only for the hits on screen.

use ratatui::{
    Frame,
    layout::Position,
    text::{Line, Span},
    widgets::{Block, Clear, Paragraph, Widget},
};

use crate::chrome::{text, theme::Theme};
use crate::{
    app::{ResultLine, SearchPrompt, SearchStatus},
    chrome::layout::SearchOverlay,
    data::Catalog,
    search::SearchIndex,
};

/// The `[i/N]` counter: the chosen result and how many there are.
pub fn counter(position: usize, total: usize) -> String {
    if total == 0 {
        "[0/0]".to_string()
    } else {
        format!("[{}/{}]", position + 1, total)
    }
}

/// Draws the overlay over the whole frame and places the cursor at the end of the query.
pub fn render_search(frame: &mut Frame, catalog: &Catalog, prompt: &SearchPrompt, theme: &Theme) {
    let overlay = SearchOverlay::new(frame.area().as_size());
    let buf = frame.buffer_mut();
    Clear.render(overlay.frame, buf);
    Block::bordered()
        .border_style(theme.pane_title)
        .title(Line::styled(" Search all tabs ", theme.pane_title))
        .title_bottom(Line::from(" ↑↓ choose · Enter go · Esc cancel ").right_aligned())
        .render(overlay.frame, buf);

    let results = prompt.results();
    let count = match prompt.status() {
        SearchStatus::Streaming {
            scanned,
            total,
            found,
        } => format!(
            "searching {}% · {found} so far",
            scanned * 100 / total.max(1)
        ),
        _ => counter(prompt.selected(), results.len()),
    };
    let query_width = usize::from(overlay.prompt.width).saturating_sub(text::width(&count) + 3);
    // Show the end of a long query, where the typing happens.
    let typed = prompt.text();
    let shown = if text::width(typed) > query_width {
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
    };
    let padding = usize::from(overlay.prompt.width)
        .saturating_sub(2 + text::width(&shown) + text::width(&count));
    Line::from(vec![
        Span::styled("/ ", theme.label),
        Span::raw(shown.clone()),
        Span::raw(" ".repeat(padding)),
        Span::styled(count, theme.dim),
    ])
    .render(overlay.prompt, buf);
    let rule_y = overlay.prompt.y.saturating_add(1);
    if rule_y < overlay.results.y {
        let rule = ratatui::layout::Rect::new(overlay.prompt.x, rule_y, overlay.prompt.width, 1);
        Line::styled("─".repeat(usize::from(rule.width)), theme.border).render(rule, buf);
    }

    let area = overlay.results;
    let width = usize::from(area.width);
    let lines: Vec<Line> = if !prompt.query().problems().is_empty() {
        prompt
            .query()
            .problems()
            .iter()
            .map(|problem| Line::styled(problem.clone(), theme.warning))
            .collect()
    } else if prompt.query().is_empty() {
        vec![
            Line::styled(
                "Type to search events, funding, initiatives and participants.",
                theme.dim,
            ),
            Line::styled(
                "Words match in any order and any field; small typos are forgiven.",
                theme.dim,
            ),
            Line::styled(
                "Narrow with year:2005  kind:summit  place:baku  tab:funding (or y: k: p: t:).",
                theme.dim,
            ),
        ]
    } else if results.is_empty() && prompt.status() != SearchStatus::Complete {
        vec![Line::styled("Searching…", theme.dim)]
    } else if results.is_empty() {
        vec![Line::styled(
            format!("No matches for “{typed}”."),
            theme.dim,
        )]
    } else {
        let height = usize::from(area.height);
        let first = prompt.first_visible_line(height);
        let streaming = matches!(prompt.status(), SearchStatus::Streaming { .. });
        (first..first + height)
            .map_while(|line| prompt.line(line))
            .map(|line| match line {
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
                ResultLine::Hit(position) => hit_line(catalog, prompt, position, width, theme),
            })
            .collect()
    };
    Paragraph::new(lines).render(area, buf);

    let cursor_x = overlay
        .prompt
        .x
        .saturating_add(u16::try_from(2 + text::width(&shown)).unwrap_or(u16::MAX));
    if cursor_x < overlay.prompt.right() {
        frame.set_cursor_position(Position::new(cursor_x, overlay.prompt.y));
    }
}

fn hit_line(
    catalog: &Catalog,
    prompt: &SearchPrompt,
    position: usize,
    width: usize,
    theme: &Theme,
) -> Line<'static> {
    let Some(hit) = prompt.results().get(position) else {
        return Line::default();
    };
    let chosen = position == prompt.selected();
    let highlight = SearchIndex::highlight(catalog, hit.record, prompt.query());
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
    let field = highlight
        .field
        .filter(|_| highlight.title.is_empty())
        .map(|field| {
            let lead = format!("  {}: ", field.name);
            let room = (width / 2).saturating_sub(text::width(&lead));
            let (cut, positions) = text::snippet(&field.text, &field.positions, room);
            (lead, cut, positions)
        });
    let field_width = field
        .as_ref()
        .map_or(0, |(lead, cut, _)| text::width(lead) + text::width(cut));
    let title_text = text::truncate(title, width.saturating_sub(2 + field_width));
    spans.extend(text::highlighted(
        &title_text,
        &highlight.title,
        base,
        theme.matched,
    ));
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
