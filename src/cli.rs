//! The command line: the explorer's options and the `check`, `export`, `config`,
//! `completions`, `man` and `schema` subcommands, all defined here so completions and the man
//! page stay true. A config file fills in what the command line leaves out
//! ([`crate::config`]).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

pub use crate::chrome::theme::ThemeName;
pub use crate::cite::CiteStyle;
use crate::{
    data::{Catalog, EventKind, RecordRef, SizeLimits, Tab, display::quoted, read::parse_size},
    export::ExportFormat,
    nearest::closest,
    tabs::{FundingSort, RowOptions},
};

/// Explore Kazakhstan's relations with the Organization of the Islamic Conference (OIC) in the
/// terminal: the events the source names, the IDB programme and its projects, the initiatives and
/// lines of cooperation it describes, and the people, states and bodies involved. Every record
/// cites its source paragraph and quotes it.
#[derive(Clone, Debug, Parser)]
#[command(name = "oic-explorer", version, about, long_about = None)]
#[command(
    after_help = "Keys: 1-6 tabs, j/k move, l links, / search, s source, ? help, q quit (the built-in \
    ones: a config file can change them, see `oic-explorer config --default`).\n\
    Config: $XDG_CONFIG_HOME/oic-explorer/config.toml (`oic-explorer config` says which file).\n\
    Exit status: 0 ok; 1 a dataset with problems; 2 a file that cannot be read or parsed, a bad \
    config file, or bad arguments."
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
    /// When to use colour; `auto` (unless the config file says otherwise) uses it on a
    /// terminal unless NO_COLOR is set.
    #[arg(
        long,
        global = true,
        value_enum,
        ignore_case = true,
        value_name = "WHEN"
    )]
    pub color: Option<ColorChoice>,
    /// The palette (`default` unless the config file says otherwise): `default` reads on dark
    /// and light backgrounds alike.
    #[arg(long, value_enum, ignore_case = true, value_name = "THEME")]
    pub theme: Option<ThemeName>,
    /// The style `y` copies a citation in (`plain` unless the config file's `cite_style` says
    /// otherwise): plain, markdown, bibtex, csl-json, apa or chicago (author-date).
    #[arg(long, value_enum, ignore_case = true, value_name = "STYLE")]
    pub cite_style: Option<CiteStyle>,
    /// Leave the mouse to the terminal, so its own selection and copy work; the keys do
    /// everything. (`mouse = false` in the config file.)
    #[arg(long, overrides_with = "mouse")]
    pub no_mouse: bool,
    /// Let the explorer have the mouse (clicks, the wheel), as it does unless the config file
    /// says `mouse = false`.
    #[arg(long, overrides_with = "no_mouse")]
    pub mouse: bool,
    /// Read settings and key bindings from this file instead of
    /// $XDG_CONFIG_HOME/oic-explorer/config.toml (see `oic-explorer config`).
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Read no config file: the built-in settings and keys.
    #[arg(long, global = true, conflicts_with = "config")]
    pub no_config: bool,
    /// Print the records as plain text instead of opening the explorer (automatic when
    /// standard output is not a terminal).
    #[arg(long)]
    pub plain: bool,
    /// The plain output's format (implies --plain): text, the records one after another, or
    /// tsv, a header line then one line per record, tab-separated, the same columns for every
    /// tab (a tab, line break or backslash in a field written \t \n \r \\).
    #[arg(long, value_enum, ignore_case = true, value_name = "FORMAT")]
    pub format: Option<PlainFormat>,
    /// Open on this tab; with `export` or `--plain`, only this tab's records.
    #[arg(
        long,
        global = true,
        value_enum,
        ignore_case = true,
        value_name = "TAB"
    )]
    pub tab: Option<Tab>,
    /// Open with the record of this id selected, in its own tab; with `export` or `--plain`,
    /// only it. With `--tab`, the tab must be the record's.
    #[arg(long, global = true, value_name = "ID")]
    pub select: Option<String>,
    /// Open the Source tab at this paragraph (counting from 1).
    #[arg(long, value_name = "N", conflicts_with = "select")]
    pub paragraph: Option<u32>,
    /// Open with this search done (n/N step through the results); with `export` or
    /// `--plain`, only the records it finds.
    #[arg(long, global = true, value_name = "TEXT")]
    pub query: Option<String>,
    /// Open with the Timeline showing events of this kind only (as `f` does): membership,
    /// summit, extraordinary_summit, ministers, coordination, parliamentary, scholars,
    /// national, other (as the list shows them; a dataset file's names work too).
    #[arg(long, global = true, value_name = "KIND", value_parser = parse_event_kind)]
    pub kind: Option<EventKind>,
    /// Open with the Funding tab's projects in this order (as `o` does).
    #[arg(
        long,
        global = true,
        value_enum,
        ignore_case = true,
        value_name = "ORDER"
    )]
    pub sort: Option<SortName>,
    /// Open with the Funding tab's totals by category shown (as `c` does).
    #[arg(long)]
    pub by_category: bool,
}

/// An event kind as the list labels it (`ministers`) or the dataset names it
/// (`foreign_ministers`): see [`EventKind::from_typed`].
fn parse_event_kind(text: &str) -> Result<EventKind, String> {
    EventKind::from_typed(text).ok_or_else(|| {
        let names = EventKind::ALL.map(EventKind::typed_name);
        let kinds = names.join(", ");
        match closest(text, names) {
            Some(near) => {
                format!("not a kind of event: did you mean {near}? The kinds are {kinds}")
            }
            None => format!("not a kind of event: the kinds are {kinds}"),
        }
    })
}

/// An order of the Funding tab's projects, as the command line names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SortName {
    /// As the source lists them.
    Source,
    /// Largest amount first.
    Largest,
    /// By name, A to Z.
    Name,
}

impl From<SortName> for FundingSort {
    fn from(name: SortName) -> Self {
        match name {
            SortName::Source => Self::Source,
            SortName::Largest => Self::AmountDescending,
            SortName::Name => Self::Name,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_order_is_named_as_the_app_writes_it() {
        for name in SortName::value_variants() {
            let written = name.to_possible_value().expect("a value");
            assert_eq!(written.get_name(), FundingSort::from(*name).name());
        }
    }
}

impl Cli {
    /// When to use colour: as given, else `auto`.
    pub fn color(&self) -> ColorChoice {
        self.color.unwrap_or(ColorChoice::Auto)
    }

    /// The palette: as given, else the default one.
    pub fn theme(&self) -> ThemeName {
        self.theme.unwrap_or(ThemeName::Default)
    }

    /// The style `y` copies a citation in.
    pub fn cite_style(&self) -> CiteStyle {
        self.cite_style.unwrap_or_default()
    }

    /// Whether the explorer takes the mouse: unless `--no-mouse` came last.
    pub fn mouse(&self) -> bool {
        !self.no_mouse
    }

    /// How large a file the options let the program read.
    pub fn size_limits(&self) -> SizeLimits {
        self.max_size
            .map_or_else(SizeLimits::default, SizeLimits::all)
    }

    /// The record `--select` names, if any, or what is wrong with it for `catalog`: an id the
    /// catalog lacks, or a `--tab` the record is not in (the explorer, `--plain` and `export`
    /// read it alike, so none of them quietly drops one of the two).
    pub fn selected_record(&self, catalog: &Catalog) -> Result<Option<RecordRef>, String> {
        let Some(id) = self.select.as_deref() else {
            return Ok(None);
        };
        let record = catalog.find(id).ok_or_else(|| {
            let ids = catalog
                .records()
                .filter_map(|record| Some(catalog.get(record)?.id()));
            let hint = closest(id, ids)
                .map(|near| format!("; did you mean {}?", quoted(near)))
                .unwrap_or_default();
            format!("--select: no record has the id {}{hint}", quoted(id))
        })?;
        let own = Tab::of(record);
        // An event `--kind` hides cannot be the one shown: the two ask for opposite things.
        let hidden_kind = match (self.kind, record) {
            (Some(kind), RecordRef::Event(event)) => catalog
                .event(event)
                .map(|view| view.kind())
                .filter(|&its| its != kind),
            _ => None,
        };
        if let (Some(its), Some(kind)) = (hidden_kind, self.kind) {
            return Err(format!(
                "--select {} --kind {}: the record is of the kind {}, which --kind {} hides; leave out --kind, or give --kind {}",
                quoted(id),
                kind.typed_name(),
                its.typed_name(),
                kind.typed_name(),
                its.typed_name()
            ));
        }
        match self.tab {
            Some(asked) if asked != own => Err(format!(
                "--select {} --tab {}: the record is in the {} tab; leave out --tab, or give --tab {}",
                quoted(id),
                asked.title().to_lowercase(),
                own.title(),
                own.title().to_lowercase()
            )),
            _ => Ok(Some(record)),
        }
    }

    /// The Timeline's filter and the Funding order `--kind` and `--sort` ask for, or what is
    /// wrong with them for `catalog`: the explorer, `--plain` and `export` read them alike.
    pub fn row_options(&self, catalog: &Catalog) -> Result<RowOptions, String> {
        if let Some(kind) = self.kind
            && !catalog.event_kinds().contains(&kind)
        {
            return Err(format!(
                "--kind {}: the dataset has no event of this kind",
                kind.name()
            ));
        }
        Ok(RowOptions {
            kind_filter: self.kind,
            funding_sort: self.sort.map(FundingSort::from).unwrap_or_default(),
        })
    }

    /// What `--plain` and `export` say of a `--kind` or `--sort` given beside a `--tab` they
    /// do not shape: there `--kind` narrows only the Timeline and `--sort` orders only Funding,
    /// so either changes nothing, and the reader is told rather than left to wonder. Not an
    /// error: the explorer takes both with any tab (they shape those tabs for later), and the
    /// command line `Y` copies must work when piped too.
    pub fn unused_row_options(&self) -> Vec<String> {
        let Some(asked) = self.tab else {
            return Vec::new();
        };
        let said = |option: String, does: &str, own: Tab| {
            (asked != own).then(|| {
                format!(
                    "{option} {does} the {} tab, which --tab {} leaves out: it changes nothing here",
                    own.title(),
                    asked.title().to_lowercase(),
                )
            })
        };
        let kind = self.kind.and_then(|kind| {
            said(
                format!("--kind {}", kind.typed_name()),
                "narrows",
                Tab::Timeline,
            )
        });
        let sort = self.sort.and_then(|sort| {
            let option = format!("--sort {}", FundingSort::from(sort).name());
            said(option, "orders", Tab::Funding)
        });
        kind.into_iter().chain(sort).collect()
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
        /// Also print every sentence of the source that no record or tie quotes (still exit 0
        /// for a clean dataset); needs the source text.
        #[arg(long)]
        coverage: bool,
        /// Count each warning (a claim a reader should look at: a tie whose quotes do not name
        /// what it ties to and has no reading, a summary sentence no quote supports) as a
        /// problem, and exit 1 if there is any.
        #[arg(long)]
        strict: bool,
    },
    /// Write records as JSON, CSV, TSV or Markdown to standard output or a file.
    Export {
        /// The format: json (the dataset schema, loadable with --data), csv (one tab, needs
        /// --tab or --select), tsv (a header line then one line per record of any tab, the same columns
        /// for all; a tab, line break or backslash in a field written \t \n \r \\),
        /// markdown (a heading and a table per tab).
        #[arg(long, value_enum, ignore_case = true)]
        format: ExportFormat,
        /// Write to this file (atomically: an interrupted export leaves no half file).
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// CSV and TSV: write cells that start with = + - @ as they are; by default they get
        /// a leading ' so a spreadsheet shows them instead of running them as formulas.
        #[arg(long)]
        raw_cells: bool,
    },
    /// Print where the config file is read from and whether it is there and sound (exit 2
    /// if it is not), or with --default a config file of the built-in settings and every key,
    /// commented out.
    Config {
        /// Print the default config file instead.
        #[arg(long)]
        default: bool,
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
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

/// A format of plain output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum PlainFormat {
    /// The records one after another, each field on a line of its own.
    #[default]
    Text,
    /// Tab-separated values, one line per record, for grep, cut and awk.
    Tsv,
}
