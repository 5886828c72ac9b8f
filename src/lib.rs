//! oic-explorer: a terminal explorer of Kazakhstan's relations with the Organization of the
//! Islamic Conference.

pub mod action;
pub mod app;
pub mod chrome;
pub mod cli;
pub mod commands;
pub mod config;
pub mod data;
pub mod exit;
pub mod export;
pub mod format;
pub mod overlay;
pub mod plural;
pub mod run;
pub mod search;
pub mod synthetic;
pub mod tabs;
pub mod terminal;

// Starting up and ending.

/// Starting up: the command line.
pub use cli::{Cli, Command, ThemeName};
/// Starting up: the config file.
pub use config::{Config, ConfigPath, default_file as default_config_file};
/// Ending: giving the terminal back, and the bytes that do it.
pub use terminal::{output::restore_sequence, restore as restore_terminal};

// Running the explorer.

/// Running the explorer: opening it, the session and the event loop.
pub use run::{
    LoopEvent, Start, action_for_event, build_app, drive, run, selected_record, start_with_file,
};

// The dataset.

/// The dataset: loading it, and what it is made of.
pub use data::{
    Catalog, Citation, Dataset, EMBEDDED_DATASET, EMBEDDED_SOURCE, EventKind, LoadError, Record,
    RecordRef, Role, SourceText, Tab, Tie, TieKind, TieRef, load, load_embedded, load_file,
};
/// The dataset's text: made safe to show, and the source's sentences no record quotes.
pub use data::{
    display::{display_text, escaped},
    passages::uncovered_sentences,
};

// The app and search.

/// The app's input: actions, key bindings and modes.
pub use action::{Action, Bindings, Mode, Movement};
/// The app: its state, what it asks of a search, its drawing, a record's citation.
pub use app::{App, SearchCommand, citation_text, render};
/// Search: the query, the index, the worker, and a record's searched fields.
pub use search::{Query, ReportTiming, SearchEvent, SearchIndex, SearchWorker, record_fields};

// What the screens show.

/// On screen: the theme, laid-out lines, the loading screen's hint.
pub use chrome::{loading::quit_hint, styled::StyledLine, theme::Theme};
/// On screen: the search prompt's cap and status, and the source view's lines.
pub use overlay::{QUERY_CAP, SearchStatus, source::source_lines};
/// On screen: the tabs' lists, orders, detail panes and timeline strip.
pub use tabs::{
    DetailText, Focus, FundingSort, RecordKind, SortKey, link_label, list::SELECTION_MARKER,
    timeline_strip::TimelineStrip,
};

// Output.

/// Output: the columns of the TSV export.
pub use export::tsv_columns;
