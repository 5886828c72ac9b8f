//! The overlays drawn over the tabs: the search, the help, the source view, the palette, the
//! export prompt and the citation styles. Each is a type
//! with its own state (the prompt, a scroll), its intent methods and its widget; [`Overlay`]
//! is the one open, so a closed overlay keeps no state and the keys' mode follows from it. An
//! overlay reads the catalog and its own state, never a tab or the app.

pub mod cite_styles;
pub mod export;
pub mod filter;
pub mod help;
pub mod last_search;
pub mod palette;
pub mod search;
pub mod search_prompt;
pub mod source;
pub mod text_page;

#[cfg(test)]
mod margin_tests;

use ratatui::{buffer::Buffer, layout::Rect, layout::Size, widgets::Widget};

pub use cite_styles::CiteStyles;
pub use export::{ExportPrompt, ExportStatus};
pub use filter::{FilterPrompt, FilterStatus, FilterWords};
pub use help::HelpOverlay;
pub use last_search::{LastSearch, SearchTarget};
pub use palette::PaletteOverlay;
pub use search::{SearchOverlay, WhenDone};
pub use search_prompt::{QUERY_CAP, SearchPrompt, SearchStatus};
pub use source::SourceOverlay;

use crate::action::Mode;

/// The overlay open over the tabs.
pub enum Overlay {
    /// Typing a search.
    Search(Box<SearchOverlay>),
    /// Reading the keys.
    Help(HelpOverlay),
    /// Reading a record's source paragraphs.
    Source(SourceOverlay),
    /// Typing a filter for the tab's list.
    Filter(FilterPrompt),
    /// Choosing an action by what it does.
    Palette(PaletteOverlay),
    /// Choosing where to export the list.
    Export(ExportPrompt),
    /// Choosing the style of a citation to copy.
    Cite(CiteStyles),
}

impl Overlay {
    /// Which mode it puts the keys in.
    pub fn mode(&self) -> Mode {
        match self {
            Self::Search(_) => Mode::Search,
            // While its filter is typed, letters are text, as in the palette.
            Self::Help(help) if help.is_typing() => Mode::Palette,
            Self::Help(_) => Mode::Help,
            Self::Source(_) => Mode::Source,
            Self::Filter(_) => Mode::Filter,
            Self::Palette(_) => Mode::Palette,
            Self::Export(_) => Mode::Export,
            Self::Cite(_) => Mode::Cite,
        }
    }

    /// Fits it to a terminal of `size`: text laid out for a new width, a scroll within it.
    pub fn resize(&mut self, size: Size) {
        match self {
            Self::Search(_)
            | Self::Filter(_)
            | Self::Palette(_)
            | Self::Export(_)
            | Self::Cite(_) => {}
            Self::Help(help) => help.resize(size),
            Self::Source(source) => source.resize(size),
        }
    }
}

impl Widget for &Overlay {
    fn render(self, area: Rect, buf: &mut Buffer) {
        match self {
            Overlay::Search(search) => search.render(area, buf),
            Overlay::Help(help) => help.render(area, buf),
            Overlay::Source(source) => source.render(area, buf),
            Overlay::Palette(palette) => palette.render(area, buf),
            Overlay::Export(export) => export.render(area, buf),
            Overlay::Cite(styles) => styles.render(area, buf),
            // Drawn in the tab's list by the app, which knows where that is.
            Overlay::Filter(_) => {}
        }
    }
}
