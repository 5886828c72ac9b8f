//! The export prompt (`e`): the format and the path an export of the list on screen goes to,
//! and what became of the last try (a file that is there and needs a second Enter, the names
//! Tab found, an error). It owns what is typed; the app hands the export to a worker and tells
//! the prompt the outcome. The path is shown through the safe-text gate: a name Tab brought
//! in from the disk may hold anything.

use ratatui::{
    buffer::Buffer,
    layout::{Position, Rect},
    style::Modifier,
    text::{Line, Span},
    widgets::{Block, Clear, Paragraph, Widget, Wrap},
};

use crate::{
    chrome::{layout::centered, text, theme::Theme},
    data::Tab,
    export::{Completion, ExportFormat},
    quoted::{quoted_path, shown_path},
};

/// The most characters a path typed in the prompt may have (`PATH_MAX` on Linux).
pub const PATH_CAP: usize = 4096;

/// How the prompt's last try stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportStatus {
    /// Nothing tried yet, or the path was changed since.
    Ready,
    /// Being written.
    Writing,
    /// The file is there: the next Enter replaces it.
    Exists,
    /// Tab found several names: these (a folder's with its `/`), and how many in all.
    Choices(Vec<String>, usize),
    /// Tab found no name starting so.
    NoMatch,
    /// Not written: why.
    Failed(String),
}

/// The export being set up for one tab's list.
#[derive(Clone, Debug)]
pub struct ExportPrompt {
    tab: Tab,
    /// How many records the list shows, all of which are written.
    count: usize,
    /// What one of them is called (`event`).
    noun: &'static str,
    format: ExportFormat,
    path: String,
    status: ExportStatus,
    theme: Theme,
    /// Its keys, as the bindings in force name them: `Enter write · Tab complete · …`.
    keys: String,
    /// Whether the list is still being ordered: `Enter` then waits for it.
    ordering: bool,
}

impl ExportPrompt {
    /// A prompt for `tab`'s `count` records (each a `noun`; the list still `ordering` or not),
    /// in `format`, to the default path `oic-explorer-<tab>.<ext>` in the current folder,
    /// saying `keys` of its keys.
    pub fn new(
        tab: Tab,
        (count, ordering): (usize, bool),
        noun: &'static str,
        format: ExportFormat,
        theme: Theme,
        keys: String,
    ) -> Self {
        let path = format!(
            "oic-explorer-{}.{}",
            tab.title().to_lowercase(),
            format.extension()
        );
        Self {
            tab,
            count,
            noun,
            format,
            path,
            status: ExportStatus::Ready,
            theme,
            keys,
            ordering,
        }
    }

    /// The tab whose list is exported.
    pub fn tab(&self) -> Tab {
        self.tab
    }

    /// The list as it now is: `count` records, still `ordering` or not (then `Enter` waits
    /// for it, and the prompt says so).
    pub fn set_list(&mut self, count: usize, ordering: bool) {
        self.count = count;
        self.ordering = ordering;
    }

    /// What one record of the list is called.
    pub fn noun(&self) -> &'static str {
        self.noun
    }

    /// The format chosen.
    pub fn format(&self) -> ExportFormat {
        self.format
    }

    /// The path typed.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// How the last try stands.
    pub fn status(&self) -> &ExportStatus {
        &self.status
    }

    /// The next format; a path ending in the old format's extension takes the new one's.
    pub fn cycle_format(&mut self) {
        let old = format!(".{}", self.format.extension());
        self.format = self.format.next();
        if let Some(stem) = self.path.strip_suffix(&old) {
            self.path = format!("{stem}.{}", self.format.extension());
        }
        self.status = ExportStatus::Ready;
    }

    /// Changes the path with `edit`; a confirmation to replace a file is for the path it
    /// was given for, so it is forgotten.
    pub fn edit(&mut self, edit: impl FnOnce(&mut String)) {
        edit(&mut self.path);
        if self.path.chars().count() > PATH_CAP {
            self.path = self.path.chars().take(PATH_CAP).collect();
        }
        self.follow_extension();
        self.status = ExportStatus::Ready;
    }

    /// A path typed with a format's extension (`people.csv`) takes that format, so a file
    /// never holds another format than its name says.
    fn follow_extension(&mut self) {
        if let Some(format) = ExportFormat::of_file_name(&self.path) {
            self.format = format;
        }
    }

    /// Takes in what Tab made of the path.
    pub fn complete(&mut self, completion: Completion) {
        self.path = completion.text;
        self.follow_extension();
        self.status = match completion.found {
            0 => ExportStatus::NoMatch,
            1 => ExportStatus::Ready,
            found => ExportStatus::Choices(completion.choices, found),
        };
    }

    /// Whether the next write may replace a file that is there: the user was told it is.
    pub fn replaces(&self) -> bool {
        self.status == ExportStatus::Exists
    }

    /// Sets how the last try stands.
    pub fn set_status(&mut self, status: ExportStatus) {
        self.status = status;
    }

    /// The box the prompt is drawn in, within `area`: its two lines, a blank one and the
    /// status (which may wrap, a few lines at most), in a border.
    fn frame(&self, area: Rect) -> Rect {
        let width = centered(area, 76, 1).width;
        let inner = usize::from(width.saturating_sub(2)).max(1);
        let status = self.status_line(inner).width().max(1);
        let status_lines = u16::try_from(status.div_ceil(inner).min(4)).unwrap_or(4);
        let height = (5 + status_lines).min(area.height);
        let frame = centered(area, 76, height);
        // Low in the screen, over the detail pane, so the list being exported stays in view.
        let y = area.bottom().saturating_sub(height + 2).max(area.y);
        Rect { y, height, ..frame }
    }

    /// Where the cursor goes when the prompt is drawn over `area`: after the path.
    pub fn cursor(&self, area: Rect) -> Option<Position> {
        let frame = self.frame(area);
        if frame.width < 4 || frame.height < 4 {
            return None;
        }
        let inner = frame.inner(ratatui::layout::Margin::new(1, 1));
        let (shown, _) = self.shown_path(usize::from(inner.width));
        let used = u16::try_from(text::width(LABEL) + text::width(&shown)).unwrap_or(u16::MAX);
        Some(Position::new(
            inner.x + used.min(inner.width.saturating_sub(1)),
            inner.y + 1,
        ))
    }

    /// The path as the prompt shows it in `columns`: escaped by the gate, its start cut
    /// (`…`) when it is too long, so the end being typed stays in view.
    fn shown_path(&self, columns: usize) -> (String, bool) {
        let shown = shown_path(&self.path);
        let room = columns.saturating_sub(text::width(LABEL) + 1);
        if text::width(&shown) <= room {
            return (shown.into_owned(), false);
        }
        let mut tail: Vec<char> = Vec::new();
        let mut used = 1;
        for c in shown.chars().rev() {
            let w = text::width(c.encode_utf8(&mut [0; 4]));
            if used + w > room {
                break;
            }
            used += w;
            tail.push(c);
        }
        (
            std::iter::once('…').chain(tail.into_iter().rev()).collect(),
            true,
        )
    }

    /// The line under the path, for a box `columns` wide: what became of the last try, else
    /// what Enter will do.
    fn status_line(&self, columns: usize) -> Line<'static> {
        let theme = &self.theme;
        match &self.status {
            ExportStatus::Ready if self.ordering => Line::styled(
                format!(
                    "The list is being ordered: Enter writes it as {} once it is",
                    self.format.label()
                ),
                theme.dim,
            ),
            ExportStatus::Ready => Line::styled(
                format!(
                    "Enter writes {} as {}",
                    crate::plural::counted(self.count, self.noun),
                    self.format.label()
                ),
                theme.dim,
            ),
            ExportStatus::Writing => Line::styled("writing…", theme.dim),
            ExportStatus::Exists => Line::styled(
                format!(
                    "{} is there: Enter again replaces it, or change the path",
                    quoted_path(std::path::Path::new(&self.path))
                ),
                theme.warning,
            ),
            ExportStatus::Choices(choices, found) => {
                // As many names as three lines of the box hold, and how many more there are,
                // which is never cut off with the names that do not fit.
                let budget = (columns * 3).saturating_sub(" … 999999 more".len());
                let mut names: Vec<String> = Vec::new();
                let mut used = 0;
                for name in choices.iter().map(|name| shown_path(name).into_owned()) {
                    let width = text::width(&name) + 2;
                    if used + width > budget && !names.is_empty() {
                        break;
                    }
                    used += width;
                    names.push(name);
                }
                let more = found.saturating_sub(names.len());
                let more = if more > 0 {
                    format!(" … {more} more")
                } else {
                    String::new()
                };
                Line::styled(format!("{}{more}", names.join("  ")), theme.dim)
            }
            ExportStatus::NoMatch => Line::styled("no name here starts so", theme.dim),
            ExportStatus::Failed(why) => Line::styled(why.clone(), theme.warning),
        }
    }
}

/// What the path line starts with.
const LABEL: &str = "Path    ";

impl Widget for &ExportPrompt {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let frame = self.frame(area);
        if frame.width < 4 || frame.height < 3 {
            return;
        }
        let theme = &self.theme;
        // A clear column each side too, so no letter of the pane below touches the border.
        let margin = Rect {
            x: frame.x.saturating_sub(1).max(area.x),
            width: (frame.width + 2).min(
                area.right()
                    .saturating_sub(frame.x.saturating_sub(1).max(area.x)),
            ),
            ..frame
        };
        Clear.render(margin, buf);
        let counted = match self.ordering {
            true => "ordering…".to_string(),
            false => crate::plural::counted(self.count, self.noun),
        };
        let title = format!(" Export the {} list · {counted} ", self.tab.title());
        let block = Block::bordered()
            .border_style(theme.pane_title)
            .title(Line::styled(title, theme.pane_title))
            .title_bottom(Line::from(format!(" {} ", self.keys)).right_aligned());
        let inner = block.inner(frame);
        block.render(frame, buf);
        let mut formats = vec![Span::styled("Format  ", theme.label)];
        for format in ExportFormat::CYCLE {
            if format == self.format {
                let chosen = theme.selected.add_modifier(Modifier::BOLD);
                formats.push(Span::styled(format!("▶{}", format.label()), chosen));
            } else {
                formats.push(Span::raw(format!(" {}", format.label())));
            }
            formats.push(Span::raw("  "));
        }
        let (path, _) = self.shown_path(usize::from(inner.width));
        let lines = vec![
            Line::from(formats),
            Line::from(vec![Span::styled(LABEL, theme.label), Span::raw(path)]),
            Line::raw(""),
            self.status_line(usize::from(inner.width)),
        ];
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(inner, buf);
    }
}
