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

/// Applies `$f` to every style of a theme.
macro_rules! each_style {
    ($theme:expr, $f:expr, [$($style:ident),*]) => {
        Theme { $($style: $f($theme.$style),)* }
    };
}

const BOLD: Style = Style::new().add_modifier(Modifier::BOLD);
const REVERSED_BOLD: Style = BOLD.add_modifier(Modifier::REVERSED);
const DIM: Style = Style::new().add_modifier(Modifier::DIM);

impl Theme {
    /// The default: bold, reverse and underline for structure, and accents (magenta, red) that
    /// read on dark and light backgrounds alike.
    pub const DEFAULT: Self = Self {
        tab: Style::new(),
        tab_active: REVERSED_BOLD,
        border: DIM,
        pane_title: BOLD,
        selected: REVERSED_BOLD,
        dim: DIM,
        year: BOLD,
        kind: Style::new().fg(Color::Magenta),
        detail_title: BOLD,
        label: BOLD,
        heading: BOLD.add_modifier(Modifier::UNDERLINED),
        quote: Style::new().add_modifier(Modifier::ITALIC),
        note: Style::new().fg(Color::Magenta),
        matched: BOLD.fg(Color::Red).add_modifier(Modifier::UNDERLINED),
        bar: Style::new().fg(Color::Magenta),
        programme: BOLD,
        status: Style::new().add_modifier(Modifier::REVERSED),
        status_key: REVERSED_BOLD,
        warning: BOLD.fg(Color::Red),
    };

    /// Brighter accents (cyan, yellow) for dark backgrounds.
    pub const DARK: Self =
        Self::accented(Color::Cyan, Color::Yellow, Color::Magenta, Color::Yellow);

    /// Deeper accents (blue, magenta) for light backgrounds.
    pub const LIGHT: Self = Self::accented(Color::Blue, Color::Magenta, Color::Red, Color::Red);

    /// The default's structure in colour: `first` for the active tab, kinds, labels and bars,
    /// `second` for years, headings and programmes, `note` for notes, `matched` for matches.
    const fn accented(first: Color, second: Color, note: Color, matched: Color) -> Self {
        Self {
            tab_active: REVERSED_BOLD.fg(first),
            year: BOLD.fg(second),
            kind: Style::new().fg(first),
            label: BOLD.fg(first),
            heading: BOLD.fg(second),
            note: Style::new().fg(note),
            matched: BOLD.fg(matched).add_modifier(Modifier::UNDERLINED),
            bar: Style::new().fg(first),
            programme: BOLD.fg(second),
            ..Self::DEFAULT
        }
    }

    /// The same styles without any colour, for `NO_COLOR`: the modifiers carry the meaning.
    pub fn monochrome(self) -> Self {
        let plain = |style: Style| Style {
            fg: None,
            bg: None,
            ..style
        };
        each_style!(
            self,
            plain,
            [
                tab,
                tab_active,
                border,
                pane_title,
                selected,
                dim,
                year,
                kind,
                detail_title,
                label,
                heading,
                quote,
                note,
                matched,
                bar,
                programme,
                status,
                status_key,
                warning
            ]
        )
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
