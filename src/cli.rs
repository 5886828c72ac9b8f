//! The command line: the explorer's options and the `check`, `export`, `completions`, `man`
//! and `schema` subcommands, all defined here so completions and the man page stay true.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::{
    data::{SizeLimits, read::parse_size},
    tab::Tab,
};

/// Explore Kazakhstan's relations with the Organization of the Islamic Conference (OIC) in the
/// terminal: the events Kazakhstan took part in, the IDB projects it received, the initiatives
/// it put forward, and the people, states and bodies involved. Every record cites its source
/// paragraph and quotes it.
#[derive(Clone, Debug, Parser)]
#[command(name = "oic-explorer", version, about, long_about = None)]
#[command(
    after_help = "Keys: 1-4 tabs, j/k move, l links, / search, s source, ? help, q quit.\n\
    Exit status: 0 ok; 1 a dataset with problems; 2 a file that cannot be read or parsed, or bad arguments."
)]
pub struct Cli {
    /// What to do; without one, the explorer opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A dataset file (JSON, see `oic-explorer schema`) to use instead of the embedded one.
    #[arg(long, global = true, value_name = "PATH")]
    pub data: Option<PathBuf>,
    /// The source text the dataset quotes: every quote is checked to be verbatim in it.
    #[arg(long, global = true, value_name = "PATH")]
    pub source: Option<PathBuf>,
    /// The largest dataset or source file read, such as 5G or 800M (by default 2G for a
    /// dataset, 100M for a source).
    #[arg(long, global = true, value_name = "SIZE", value_parser = parse_size)]
    pub max_size: Option<u64>,
    /// When to use colour; `auto` uses it on a terminal unless NO_COLOR is set.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// The palette: `default` reads on dark and light backgrounds alike.
    #[arg(long, value_enum, default_value_t = ThemeName::Default, value_name = "THEME")]
    pub theme: ThemeName,
    /// Print the records as plain text instead of opening the explorer (automatic when
    /// standard output is not a terminal).
    #[arg(long)]
    pub plain: bool,
    /// Open on this tab; with `export` or `--plain`, only this tab's records.
    #[arg(long, global = true, value_enum, value_name = "TAB")]
    pub tab: Option<TabName>,
    /// Open with the record of this id selected (in its own tab); with `--plain`, only it.
    #[arg(long, value_name = "ID")]
    pub select: Option<String>,
    /// Open with this search done (n/N step through the results); with `export` or
    /// `--plain`, only the records it finds.
    #[arg(long, global = true, value_name = "TEXT")]
    pub query: Option<String>,
}

impl Cli {
    /// How large a file the options let the program read.
    pub fn size_limits(&self) -> SizeLimits {
        self.max_size
            .map_or_else(SizeLimits::default, SizeLimits::all)
    }
}

/// The subcommands.
#[derive(Clone, Debug, Subcommand)]
pub enum Command {
    /// Validate a dataset (the embedded one, or PATH, or --data): schema, ids, references,
    /// dates, amounts, and with --source every quote. Exits 0 only when it is clean.
    Check {
        /// The dataset file; defaults to --data, then to the embedded dataset.
        path: Option<PathBuf>,
    },
    /// Write records as JSON, CSV or Markdown to standard output or a file.
    Export {
        /// The format: json (the dataset schema, loadable with --data), csv (one tab, needs
        /// --tab), markdown (a heading and a table per tab).
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Write to this file (atomically: an interrupted export leaves no half file).
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// CSV: write cells that start with = + - @ as they are; by default they get a
        /// leading ' so a spreadsheet shows them instead of running them as formulas.
        #[arg(long)]
        raw_cells: bool,
    },
    /// Print shell completions for bash, zsh or fish.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), generated from these definitions.
    Man,
    /// Print the JSON Schema of a dataset file.
    Schema,
}

/// When to use colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Never.
    Never,
    /// Always, even when NO_COLOR is set or the output is not a terminal.
    Always,
    /// On a terminal, unless NO_COLOR is set.
    Auto,
}

impl ColorChoice {
    /// Whether to use colour on an output that is (or is not) a terminal.
    pub fn enabled(self, output_is_terminal: bool) -> bool {
        match self {
            Self::Never => false,
            Self::Always => true,
            Self::Auto => output_is_terminal && !no_color_requested(),
        }
    }
}

/// Whether `NO_COLOR` is set and not empty, as no-color.org defines it.
pub fn no_color_requested() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty())
}

/// A palette for the explorer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
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

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// The dataset schema.
    Json,
    /// Comma-separated values, one tab's records.
    Csv,
    /// A report: a heading and a table per tab.
    Markdown,
}

/// A tab as named on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TabName {
    /// Events in date order.
    Timeline,
    /// The IDB programme and its projects.
    Funding,
    /// Initiatives, resolutions and cooperation.
    Initiatives,
    /// People, states, organisations, bodies and groups.
    Participants,
}

impl From<TabName> for Tab {
    fn from(name: TabName) -> Self {
        match name {
            TabName::Timeline => Tab::Timeline,
            TabName::Funding => Tab::Funding,
            TabName::Initiatives => Tab::Initiatives,
            TabName::Participants => Tab::Participants,
        }
    }
}
