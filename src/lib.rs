//! oic-explorer: a terminal explorer of Kazakhstan's relations with the Organization of the
//! Islamic Conference.
//!
//! The library is the program; most of its modules are private. The public surface is what the
//! binary (`src/main.rs`), the integration tests (`tests/app`, `tests/binary`, sharing
//! `tests/common`), the benchmarks (`benches/`) and the examples use, and nothing more: three
//! modules public as wholes ([`commands`], [`exit`], [`synthetic`]) and the names re-exported
//! here, in groups:
//!
//! - starting up and ending: the command line ([`Cli`]), the config file ([`Config`]), the
//!   subcommands ([`commands`]), the exit statuses ([`exit`]), the terminal given back
//!   ([`restore_terminal`]);
//! - running the explorer: the app the options ask for ([`build_app`]), the session
//!   ([`run()`]) and its event loop ([`drive`]);
//! - the dataset: loading it ([`load`], [`load_file`], [`load_embedded`]), the [`Catalog`] it
//!   becomes, its text made safe to show ([`escaped`]), and datasets of any size
//!   ([`synthetic`]);
//! - the app and search: the [`App`], the [`Action`]s that change it, [`render()`], the
//!   [`Query`], the [`SearchIndex`] and the [`SearchWorker`];
//! - what the screens show, for the tests that check them: the [`Theme`], the tabs' lists and
//!   detail panes, the overlays;
//! - output: the columns of the TSV export ([`tsv_columns`]).

mod action;
mod app;
mod chrome;
mod cite;
mod cli;
pub mod commands;
mod config;
mod data;
pub mod exit;
mod export;
mod format;
mod nearest;
mod overlay;
mod plural;
mod quoted;
mod run;
mod search;
pub mod synthetic;
mod tabs;
mod terminal;

// Starting up and ending.

/// Starting up: the command line.
pub use cli::{CiteStyle, Cli, Command, ThemeName};
/// Starting up: the config file.
pub use config::{
    Config, ConfigPath, default_file as default_config_file, error_lines as config_error_lines,
};
/// Ending: giving the terminal back, and the bytes that do it.
pub use terminal::{output::restore_sequence, restore as restore_terminal};

// Running the explorer.

/// Running the explorer: opening it, the session and the event loop.
pub use run::{LoopEvent, Start, build_app, drive, run, selected_record, start_with_file};

// The dataset.

/// The dataset: loading it, and what it is made of.
pub use data::{
    Catalog, Citation, Dataset, EMBEDDED_DATASET, EMBEDDED_SOURCE, EventKind, LoadError,
    LoadProgress, LoadStage, PROBLEM_CAP, Problems, Record, RecordRef, Role, SizeLimits,
    SourceText, Tab, Tie, TieKind, TieRef, load, load_embedded, load_file, load_file_with_progress,
    place_warnings,
};
/// The dataset's text: made safe to show, and the source's sentences no record quotes.
pub use data::{
    display::{display_line, display_text, escaped},
    passages::uncovered_sentences,
};

// The app and search.

/// The app's input: actions, key bindings and modes.
pub use action::{Action, Bindings, Mode, Movement, action_for_event};
/// The app: its state, what it asks of a search, its drawing, a record's citation.
pub use app::{App, FileAnswer, FileWork, SearchCommand, citation_text, render};
/// Search: the query, the index, the worker, and a record's searched fields.
pub use search::{Query, ReportTiming, SearchEvent, SearchIndex, SearchWorker, record_fields};

// What the screens show.

/// On screen: the theme, laid-out lines, the loading screen's hint.
pub use chrome::{loading::quit_hint, styled::StyledLine, theme::Theme};
/// On screen: the search prompt's cap and status, and the source view's lines.
pub use overlay::{ExportStatus, QUERY_CAP, SearchStatus, source::source_lines};
/// On screen: the tabs' lists, orders, detail panes and timeline strip.
pub use tabs::{
    DetailText, Focus, FundingSort, RecordKind, SortKey, link_label, list::SELECTION_MARKER,
    timeline_strip::TimelineStrip,
};

// Output.

/// Output: the columns of the TSV export.
pub use export::{ExportFormat, ExportOutcome, tsv_columns};
/// Messages: a value from outside, said the one safe way.
pub use quoted::{quoted, said};
