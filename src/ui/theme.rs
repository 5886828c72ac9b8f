//! Every style the explorer uses, in one place.
//!
//! Meaning never rests on colour alone: the selection is reversed and marked with `▶`, the
//! active tab is reversed and bold, search matches are bold and underlined. With `NO_COLOR`
//! set, crossterm drops the colours and these modifiers still show. Foregrounds use the
//! terminal's own colour or `DIM`, so the screen reads on dark and light backgrounds alike.

use ratatui::style::{Color, Modifier, Style};

/// The explorer's styles.
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

/// The styles in use.
pub const THEME: Theme = Theme {
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
