//! Every style the explorer uses, in one place.
//!
//! Meaning never rests on colour alone: the selection is reversed and marked with `▶`, the
//! active tab is reversed and bold, search matches are bold and underlined. With `NO_COLOR`
//! set the app draws with [`Theme::monochrome`], which keeps these modifiers. (It does not leave the
//! colours to crossterm: crossterm 0.29.0 writes a bare `CSI m` in place of each dropped
//! colour, which resets the modifiers too, crossterm-rs/crossterm#1069.) Foregrounds use the
//! terminal's own colour or `DIM` for text; the default palette's few accents (magenta, red)
//! read on dark and light backgrounds alike, and `--theme dark|light` trade that for brighter
//! or deeper accents.

use ratatui::style::{Color, Modifier, Style};

/// A palette for the explorer, by the name `--theme` takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeName {
    /// Readable on dark and light backgrounds.
    Default,
    /// Brighter accents for dark backgrounds.
    Dark,
    /// Deeper accents for light backgrounds.
    Light,
    /// No colour at all; bold, reverse and underline carry the meaning.
    Mono,
}

/// The explorer's styles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    /// A tab title that is not active.
    pub tab: Style,
    /// The active tab title.
    pub tab_active: Style,
    /// Pane borders.
    pub border: Style,
    /// Pane titles.
    pub pane_title: Style,
    /// The selected row.
    pub selected: Style,
    /// Less important text: ids, counts, separators.
    pub dim: Style,
    /// The year label of the timeline.
    pub year: Style,
    /// An event's or record's kind.
    pub kind: Style,
    /// A record's title at the top of the detail pane.
    pub detail_title: Style,
    /// A field label in the detail pane.
    pub label: Style,
    /// A section heading in the detail pane.
    pub heading: Style,
    /// A quotation from the source.
    pub quote: Style,
    /// A note from outside the source.
    pub note: Style,
    /// Characters that matched a search.
    pub matched: Style,
    /// A bar of the funding chart.
    pub bar: Style,
    /// A programme row of the funding chart.
    pub programme: Style,
    /// The status bar.
    pub status: Style,
    /// A key name in the status bar.
    pub status_key: Style,
    /// A warning, such as the terminal being too small.
    pub warning: Style,
}

impl Theme {
    /// Brighter accents (cyan, yellow) for dark backgrounds.
    pub const DARK: Self = Self {
        tab: Style::new(),
        tab_active: Style::new()
            .fg(Color::Cyan)
            .add_modifier(Modifier::REVERSED)
            .add_modifier(Modifier::BOLD),
        border: Style::new().add_modifier(Modifier::DIM),
        pane_title: Style::new().add_modifier(Modifier::BOLD),
        selected: Style::new()
            .add_modifier(Modifier::REVERSED)
            .add_modifier(Modifier::BOLD),
        dim: Style::new().add_modifier(Modifier::DIM),
        year: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
        kind: Style::new().fg(Color::Cyan),
        detail_title: Style::new().add_modifier(Modifier::BOLD),
        label: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        heading: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
        quote: Style::new().add_modifier(Modifier::ITALIC),
        note: Style::new().fg(Color::Magenta),
        matched: Style::new()
            .fg(Color::Yellow)
            .add_modifier(Modifier::BOLD)
            .add_modifier(Modifier::UNDERLINED),
        bar: Style::new().fg(Color::Cyan),
        programme: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
        status: Style::new().add_modifier(Modifier::REVERSED),
        status_key: Style::new()
            .add_modifier(Modifier::REVERSED)
            .add_modifier(Modifier::BOLD),
        warning: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
    };

    /// The default: bold, reverse and underline for structure, and accents (magenta, red) that
    /// read on dark and light backgrounds alike.
    pub const DEFAULT: Self = Self {
        tab: Style::new(),
        tab_active: Style::new()
            .add_modifier(Modifier::REVERSED)
            .add_modifier(Modifier::BOLD),
        border: Style::new().add_modifier(Modifier::DIM),
        pane_title: Style::new().add_modifier(Modifier::BOLD),
        selected: Style::new()
            .add_modifier(Modifier::REVERSED)
            .add_modifier(Modifier::BOLD),
        dim: Style::new().add_modifier(Modifier::DIM),
        year: Style::new().add_modifier(Modifier::BOLD),
        kind: Style::new().fg(Color::Magenta),
        detail_title: Style::new().add_modifier(Modifier::BOLD),
        label: Style::new().add_modifier(Modifier::BOLD),
        heading: Style::new()
            .add_modifier(Modifier::BOLD)
            .add_modifier(Modifier::UNDERLINED),
        quote: Style::new().add_modifier(Modifier::ITALIC),
        note: Style::new().fg(Color::Magenta),
        matched: Style::new()
            .fg(Color::Red)
            .add_modifier(Modifier::BOLD)
            .add_modifier(Modifier::UNDERLINED),
        bar: Style::new().fg(Color::Magenta),
        programme: Style::new().add_modifier(Modifier::BOLD),
        status: Style::new().add_modifier(Modifier::REVERSED),
        status_key: Style::new()
            .add_modifier(Modifier::REVERSED)
            .add_modifier(Modifier::BOLD),
        warning: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
    };

    /// Deeper accents (blue, magenta) for light backgrounds.
    pub const LIGHT: Self = Self {
        tab: Style::new(),
        tab_active: Style::new()
            .fg(Color::Blue)
            .add_modifier(Modifier::REVERSED)
            .add_modifier(Modifier::BOLD),
        border: Style::new().add_modifier(Modifier::DIM),
        pane_title: Style::new().add_modifier(Modifier::BOLD),
        selected: Style::new()
            .add_modifier(Modifier::REVERSED)
            .add_modifier(Modifier::BOLD),
        dim: Style::new().add_modifier(Modifier::DIM),
        year: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
        kind: Style::new().fg(Color::Blue),
        detail_title: Style::new().add_modifier(Modifier::BOLD),
        label: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
        heading: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
        quote: Style::new().add_modifier(Modifier::ITALIC),
        note: Style::new().fg(Color::Red),
        matched: Style::new()
            .fg(Color::Red)
            .add_modifier(Modifier::BOLD)
            .add_modifier(Modifier::UNDERLINED),
        bar: Style::new().fg(Color::Blue),
        programme: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
        status: Style::new().add_modifier(Modifier::REVERSED),
        status_key: Style::new()
            .add_modifier(Modifier::REVERSED)
            .add_modifier(Modifier::BOLD),
        warning: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
    };

    /// The same styles without any colour, for `NO_COLOR`: the modifiers carry the meaning.
    pub fn monochrome(self) -> Self {
        let plain = |style: Style| Style {
            fg: None,
            bg: None,
            ..style
        };
        Self {
            tab: plain(self.tab),
            tab_active: plain(self.tab_active),
            border: plain(self.border),
            pane_title: plain(self.pane_title),
            selected: plain(self.selected),
            dim: plain(self.dim),
            year: plain(self.year),
            kind: plain(self.kind),
            detail_title: plain(self.detail_title),
            label: plain(self.label),
            heading: plain(self.heading),
            quote: plain(self.quote),
            note: plain(self.note),
            matched: plain(self.matched),
            bar: plain(self.bar),
            programme: plain(self.programme),
            status: plain(self.status),
            status_key: plain(self.status_key),
            warning: plain(self.warning),
        }
    }

    /// The palette called `name`, made monochrome when colour is off.
    pub fn named(name: ThemeName, colour: bool) -> Self {
        let theme = match name {
            ThemeName::Default => Self::DEFAULT,
            ThemeName::Dark => Self::DARK,
            ThemeName::Light => Self::LIGHT,
            ThemeName::Mono => Self::DEFAULT.monochrome(),
        };
        if colour { theme } else { theme.monochrome() }
    }
}

impl Default for Theme {
    fn default() -> Self {
        Self::DEFAULT
    }
}
