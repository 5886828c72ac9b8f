//! The command palette: every action the list or the links can ask for, by what it does, with
//! its keys there, from the bindings in force (a remap shows at once). What is typed filters
//! it with the search's matcher ([`phrase_score`]); the chosen action is handed back to the
//! app, which runs it as its key would. It owns the typed text and the choice, nothing else.

use ratatui::{
    buffer::Buffer,
    layout::{Position, Rect},
    style::Modifier,
    text::{Line, Span},
    widgets::{Block, Clear, Paragraph, Widget},
};

use super::search::counter;
use crate::{
    action::{Bindings, Command, Mode, Movement, bindings::HintWhen},
    chrome::{layout::SearchBox, text, theme::Theme},
    data::display::display_line,
    overlay::search::{PromptLine, render_prompt_line},
    search::phrase_score,
};

/// The most characters the palette keeps of what is typed: an action's words are few.
const TYPED_CAP: usize = 200;

/// One action the palette offers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaletteEntry {
    /// What it runs.
    pub command: Command,
    /// Its keys where the palette was opened from, as the hints write them; none when unbound.
    pub keys: Vec<String>,
}

impl PaletteEntry {
    /// What the filter looks in: what it does, and its name in a config file as words.
    fn words(&self) -> String {
        format!(
            "{} {}",
            self.command.about(),
            self.command.name().replace('_', " ")
        )
    }
}

/// The palette while it is open.
#[derive(Clone, Debug)]
pub struct PaletteOverlay {
    entries: Vec<PaletteEntry>,
    typed: String,
    /// The entries the typed words match, best first (the table's order among equals).
    shown: Vec<usize>,
    /// Which of [`Self::shown`] is chosen.
    selected: usize,
    /// The mode the palette was opened from: the keys it names, and what its actions mean.
    behind: Mode,
    /// The styles it is drawn with.
    pub theme: Theme,
    /// The keys its border reminds of.
    reminder: String,
}

impl PaletteOverlay {
    /// The palette of `bindings` opened from `behind` (browsing, or the links).
    pub fn new(bindings: &Bindings, behind: Mode, theme: Theme) -> Self {
        let entries: Vec<PaletteEntry> = bindings
            .commands_in(behind)
            .into_iter()
            .map(|(command, keys)| PaletteEntry { command, keys })
            .collect();
        let mut palette = Self {
            shown: (0..entries.len()).collect(),
            entries,
            typed: String::new(),
            selected: 0,
            behind,
            theme,
            reminder: bindings.reminder(Mode::Palette, HintWhen::InPalette, Command::Quit),
        };
        palette.refilter();
        palette
    }

    /// What is typed.
    pub fn typed(&self) -> &str {
        &self.typed
    }

    /// The mode it was opened from, in which its actions are run.
    pub fn behind(&self) -> Mode {
        self.behind
    }

    /// The entries the typed words match, best first.
    pub fn shown(&self) -> impl Iterator<Item = &PaletteEntry> {
        self.shown.iter().filter_map(|&at| self.entries.get(at))
    }

    /// Which of the shown entries is chosen, counting from 0.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The chosen action, if any entry is shown.
    pub fn chosen(&self) -> Option<Command> {
        let at = *self.shown.get(self.selected)?;
        self.entries.get(at).map(|entry| entry.command)
    }

    /// Changes what is typed by `edit`, and filters again from the best match.
    pub fn edit(&mut self, edit: impl FnOnce(&mut String)) {
        edit(&mut self.typed);
        if self.typed.chars().count() > TYPED_CAP {
            self.typed = self.typed.chars().take(TYPED_CAP).collect();
        }
        self.refilter();
    }

    /// Moves the choice by `movement`, pages of `page` entries, within those shown.
    pub fn select(&mut self, movement: Movement, page: usize) {
        let last = self.shown.len().saturating_sub(1);
        self.selected = movement.apply(self.selected, last, page);
    }

    fn refilter(&mut self) {
        let mut scored: Vec<(u32, usize)> = (self.entries.iter().enumerate())
            .filter_map(|(at, entry)| Some((phrase_score(&self.typed, &entry.words())?, at)))
            .collect();
        // Stable: equals keep the table's order.
        scored.sort_by_key(|&(score, _)| std::cmp::Reverse(score));
        self.shown = scored.into_iter().map(|(_, at)| at).collect();
        self.selected = 0;
    }

    /// Where the cursor goes, after what is typed, in a frame of `area`.
    pub fn cursor(&self, area: Rect) -> Option<Position> {
        let prompt = SearchBox::new(area.as_size()).prompt;
        let typed = u16::try_from(2 + text::width(&self.shown_typed())).unwrap_or(u16::MAX);
        let x = prompt.x.saturating_add(typed);
        (x < prompt.right()).then(|| Position::new(x, prompt.y))
    }

    /// What is typed as it may be shown (see [`display_text`]).
    fn shown_typed(&self) -> String {
        display_line(&self.typed).unwrap_or_else(|| self.typed.clone())
    }
}

impl Widget for &PaletteOverlay {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let layout = SearchBox::new(area.as_size());
        let theme = &self.theme;
        Clear.render(layout.margin, buf);
        Block::bordered()
            .border_style(theme.pane_title)
            .title(Line::styled(" Actions ", theme.pane_title))
            .title_bottom(Line::from(format!(" {} ", self.reminder)).right_aligned())
            .render(layout.frame, buf);
        let count = counter(self.selected, self.shown.len());
        let typed = text::fit(
            &self.shown_typed(),
            usize::from(layout.prompt.width).saturating_sub(text::width(&count) + 3),
        );
        let line = PromptLine {
            mark: ": ",
            typed,
            count,
        };
        render_prompt_line(line, &layout, buf, theme);
        Paragraph::new(self.lines(layout.results, theme)).render(layout.results, buf);
    }
}

impl PaletteOverlay {
    /// The lines of the shown entries in `area`, the chosen one on screen and marked.
    fn lines(&self, area: Rect, theme: &Theme) -> Vec<Line<'static>> {
        let width = usize::from(area.width);
        if self.shown.is_empty() {
            let said = format!("No action has “{}”.", self.shown_typed());
            return vec![Line::styled(text::fit(&said, width), theme.dim)];
        }
        let height = usize::from(area.height).max(1);
        let first = (self.selected + 1).saturating_sub(height);
        let keys_width = (self
            .shown()
            .map(|entry| text::width(&entry.keys.join("  "))))
        .max()
        .unwrap_or(0)
        .min(width / 3);
        self.shown()
            .enumerate()
            .skip(first)
            .take(height)
            .map(|(at, entry)| {
                let chosen = at == self.selected;
                let marker = if chosen { "▶ " } else { "  " };
                let keys = text::fit(&entry.keys.join("  "), keys_width);
                let about = text::fit(entry.command.about(), width.saturating_sub(keys_width + 3));
                let padding = width.saturating_sub(2 + text::width(&about) + text::width(&keys));
                let style = match chosen {
                    true => theme.selected.add_modifier(Modifier::REVERSED),
                    false => ratatui::style::Style::default(),
                };
                Line::from(vec![
                    Span::styled(marker, style),
                    Span::styled(about, style),
                    Span::styled(" ".repeat(padding), style),
                    Span::styled(keys, style.patch(theme.label)),
                ])
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn palette() -> PaletteOverlay {
        PaletteOverlay::new(&Bindings::built_in(), Mode::Browse, Theme::default())
    }

    #[test]
    fn it_lists_every_action_of_the_list_with_its_keys() {
        let palette = palette();
        let copy = palette
            .shown()
            .find(|entry| entry.command == Command::CopyCitation);
        assert_eq!(copy.map(|entry| entry.keys.clone()), Some(vec!["y".into()]));
        assert!(
            palette
                .shown()
                .all(|entry| entry.command != Command::SearchBackspace),
            "a prompt's own keys do nothing from the list"
        );
    }

    #[test]
    fn typing_filters_and_the_choice_starts_at_the_best() {
        let mut palette = palette();
        palette.edit(|typed| typed.push_str("citation"));
        assert_eq!(palette.chosen(), Some(Command::CopyCitation));
        palette.edit(|typed| typed.push_str(" zebra"));
        assert_eq!(palette.chosen(), None);
        assert_eq!(palette.shown().count(), 0);
    }

    #[test]
    fn the_choice_stays_within_what_is_shown() {
        let mut palette = palette();
        palette.edit(|typed| typed.push_str("tab"));
        let shown = palette.shown().count();
        assert!(shown > 1);
        palette.select(Movement::Last, 10);
        assert_eq!(palette.selected(), shown - 1);
        palette.select(Movement::Down, 10);
        assert_eq!(palette.selected(), shown - 1);
    }
}
