//! The help overlay: every key, by context, from the one binding table, scrollable when the
//! terminal is short, and filtered by what is typed after `/` (the search's matcher, over each
//! line's keys and words; a section shows with the lines of it that match). Its lines are laid
//! out once per width and filter.

use ratatui::{
    buffer::Buffer,
    layout::{Rect, Size},
    widgets::Widget,
};

use std::sync::Arc;

use super::text_page::{PageKeys, TextPage};

use crate::{
    action::{Bindings, Command, Mode, Movement, bindings::HintWhen},
    chrome::{
        layout::TextBox,
        styled::{Role, StyledLine},
        text,
        theme::Theme,
    },
    data::display::display_line,
    search::phrase_score,
};

/// The help of `bindings` wrapped to `width` columns: the lines whose keys and words match
/// `filter` (all, when it is empty), under their sections' headings.
pub fn help_lines(bindings: &Bindings, width: u16, filter: &str) -> Vec<StyledLine> {
    let width = usize::from(width).max(1);
    let mut sections = bindings.help_sections();
    for section in &mut sections {
        section
            .entries
            .retain(|(keys, what)| phrase_score(filter, &format!("{keys} {what}")).is_some());
    }
    sections.retain(|section| !section.entries.is_empty());
    if sections.is_empty() {
        let said = format!("No line of the help has “{}”.", shown_filter(filter));
        return vec![StyledLine::styled(&said, Role::Dim)];
    }
    let keys_width = sections
        .iter()
        .flat_map(|section| section.entries.iter())
        .map(|(keys, _)| text::width(keys))
        .max()
        .unwrap_or(0)
        .min(width / 3)
        + 2;
    let mut lines = Vec::new();
    for (number, section) in sections.iter().enumerate() {
        if number > 0 {
            lines.push(StyledLine::default());
        }
        lines.push(StyledLine::styled(section.title, Role::Heading));
        for (keys, what) in &section.entries {
            let description = text::wrap(what, width.saturating_sub(keys_width + 1));
            for (row, part) in description.into_iter().enumerate() {
                // Keys too many for the column are cut with `…`, and two spaces always part
                // them from the words.
                let lead = if row == 0 {
                    format!(" {}  ", text::fit(keys, keys_width - 2))
                } else {
                    " ".repeat(keys_width + 1)
                };
                lines.push(StyledLine::from_spans(vec![
                    (Role::Label, lead),
                    (Role::Plain, part),
                ]));
            }
        }
    }
    lines
}

/// What is typed as it may be shown (see [`display_text`]).
fn shown_filter(filter: &str) -> String {
    display_line(filter).unwrap_or_else(|| filter.to_string())
}

/// The most characters the help's filter keeps.
const FILTER_CAP: usize = 200;

/// The help overlay: its page of lines.
#[derive(Clone, Debug)]
pub struct HelpOverlay {
    page: TextPage,
    /// What its lines are filtered by.
    filter: String,
    /// Whether the filter is being typed (letters are text until `Enter` or `Esc`).
    typing: bool,
    /// The styles it is drawn with.
    pub theme: Theme,
    bindings: Arc<Bindings>,
    keys: PageKeys,
}

impl HelpOverlay {
    /// The help of `bindings` on a terminal of `size`, from its top.
    pub fn new(size: Size, theme: Theme, bindings: Arc<Bindings>) -> Self {
        let width = TextBox::help(size).text.width;
        Self {
            page: TextPage::new(width, help_lines(&bindings, width, "")),
            filter: String::new(),
            typing: false,
            theme,
            keys: PageKeys::of(&bindings, Mode::Help, Command::ToggleHelp),
            bindings,
        }
    }

    /// The first line on screen.
    pub fn first_line(&self) -> usize {
        self.page.first_line()
    }

    /// Lays the lines out again when the terminal's new `size` changes their width, and keeps
    /// the scroll within them.
    pub fn resize(&mut self, size: Size) {
        let text = TextBox::help(size).text;
        let (bindings, filter) = (&self.bindings, &self.filter);
        self.page.relayout(text.width, text.height, |width| {
            help_lines(bindings, width, filter)
        });
    }

    /// What the lines are filtered by.
    pub fn filter(&self) -> &str {
        &self.filter
    }

    /// Whether the filter is being typed.
    pub fn is_typing(&self) -> bool {
        self.typing
    }

    /// How to keep or clear the filter being typed, as the status bar's hints say it by the
    /// bindings in force: `Enter keep · Esc clear`.
    fn filter_keys(&self) -> String {
        let when = HintWhen::InHelpFilter;
        self.bindings.reminder(Mode::Palette, when, Command::Quit)
    }

    /// Starts typing the filter, after what is typed already.
    pub fn start_filter(&mut self) {
        self.typing = true;
    }

    /// Stops typing, keeping the filter (`clear`: dropping it), on a terminal of `size`.
    pub fn stop_filter(&mut self, clear: bool, size: Size) {
        self.typing = false;
        if clear {
            self.edit_filter(String::clear, size);
        }
    }

    /// Changes the filter by `edit` and lays the lines out again from the top, on a terminal
    /// of `size`.
    pub fn edit_filter(&mut self, edit: impl FnOnce(&mut String), size: Size) {
        edit(&mut self.filter);
        if self.filter.chars().count() > FILTER_CAP {
            self.filter = self.filter.chars().take(FILTER_CAP).collect();
        }
        let width = TextBox::help(size).text.width;
        self.page = TextPage::new(width, help_lines(&self.bindings, width, &self.filter));
    }

    /// Scrolls by `movement` (or only keeps within the text, for `None`) on a terminal of
    /// `size`.
    pub fn scroll(&mut self, movement: Option<Movement>, size: Size) {
        self.page.scroll(movement, TextBox::help(size).text.height);
    }
}

impl Widget for &HelpOverlay {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let text_box = TextBox::help(area.as_size());
        let title = match (self.typing, self.filter.is_empty()) {
            (false, true) => " Keys ".to_string(),
            (typing, _) => {
                let cursor = if typing { "▏" } else { "" };
                format!(" Keys /{}{cursor} ", shown_filter(&self.filter))
            }
        };
        // While the filter is typed, the border says how to keep or clear it.
        let typing_keys;
        let keys = match self.typing {
            true => {
                typing_keys = PageKeys {
                    scroll: String::new(),
                    close: self.filter_keys(),
                };
                &typing_keys
            }
            false => &self.keys,
        };
        self.page
            .render(text_box, buf, (&title, keys), &self.theme, |width| {
                help_lines(&self.bindings, width, &self.filter)
            });
    }
}

#[cfg(test)]
mod tests {
    use strum::IntoEnumIterator;

    use super::*;
    use crate::action::{
        Command,
        bindings::{Key, Remap},
    };

    /// Keys too many for the help's key column are cut, and never run into their words.
    #[test]
    fn many_keys_never_run_into_their_words() {
        let keys = ["j", "down", "ctrl--", "alt-j", "f9", "f10", "f11", "f12"];
        let remap = Remap {
            command: Command::iter()
                .find(|command| command.name() == "move_down")
                .expect("a command"),
            keys: keys
                .iter()
                .map(|key| Key::parse(key).expect("a key"))
                .collect(),
        };
        let bindings = Bindings::default().remapped(&[remap]).expect("remapped");
        for width in [60u16, 80, 120] {
            let lines = help_lines(&bindings, width, "");
            let line = lines
                .iter()
                .map(StyledLine::text)
                .find(|line| line.contains("F9"))
                .expect("the line with the keys");
            let words = line.find("next").unwrap_or(0);
            // The keys end two spaces before the words, cut with `…` where they do not fit.
            assert!(words > 2, "{width}: {line:?}");
            assert_eq!(&line[words - 2..words], "  ", "{width}: {line:?}");
            let keys = line[..words].trim_end();
            assert!(
                keys.ends_with("F12") || keys.ends_with('…'),
                "{width}: {line:?}"
            );
        }
    }
}
