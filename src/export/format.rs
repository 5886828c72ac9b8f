//! The export formats, and the one function that turns a [`Selection`] into the bytes of one:
//! what `export` writes and what the explorer's export prompt (`e`) writes are made here, so
//! the two can never differ.

use std::io::{self, Write};

use clap::ValueEnum;

use super::{
    FormulaCells, Selection, TsvText, subset, to_terminal_safe_json, write_csv, write_markdown,
    write_tsv,
};
use crate::data::{Catalog, Dataset};

/// An export format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// The dataset schema.
    Json,
    /// Comma-separated values, one tab's records.
    #[default]
    Csv,
    /// Tab-separated values, one line per record, for grep, cut and awk.
    Tsv,
    /// A report: a heading and a table per tab.
    Markdown,
}

impl ExportFormat {
    /// The formats in the order the export prompt steps through them.
    pub const CYCLE: [Self; 4] = [Self::Csv, Self::Tsv, Self::Json, Self::Markdown];

    /// The file name extension, without the dot (`csv`).
    pub fn extension(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Csv => "csv",
            Self::Tsv => "tsv",
            Self::Markdown => "md",
        }
    }

    /// Its name as a person writes it (`CSV`).
    pub fn label(self) -> &'static str {
        match self {
            Self::Json => "JSON",
            Self::Csv => "CSV",
            Self::Tsv => "TSV",
            Self::Markdown => "Markdown",
        }
    }

    /// The format a file name's extension names (`people.CSV` → CSV, `notes.markdown` →
    /// Markdown), if it names one.
    pub fn of_file_name(name: &str) -> Option<Self> {
        let (_, extension) = name.rsplit_once('.')?;
        let extension = extension.to_ascii_lowercase();
        Self::CYCLE
            .into_iter()
            .find(|format| format.extension() == extension)
            .or((extension == "markdown").then_some(Self::Markdown))
    }

    /// The format after it in [`Self::CYCLE`], round to the first.
    pub fn next(self) -> Self {
        let at = Self::CYCLE.iter().position(|&format| format == self);
        Self::CYCLE[at.map_or(0, |at| (at + 1) % Self::CYCLE.len())]
    }
}

/// How an export writes its records, besides the format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExportOptions {
    /// JSON: the selection is the whole dataset, written as loaded (spellings and all) rather
    /// than as the subset its records need.
    pub whole_dataset: bool,
    /// The bytes go to a terminal: JSON and TSV escape what a terminal would act on.
    pub to_terminal: bool,
    /// CSV and TSV: whether cells that could run as formulas are neutralised.
    pub formulas: FormulaCells,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            whole_dataset: false,
            to_terminal: false,
            formulas: FormulaCells::Neutralised,
        }
    }
}

/// The bytes of `selection` in `format`. CSV writes the selection's first tab, the one tab a
/// CSV table can hold (the caller makes sure there is one).
pub fn export_bytes(
    catalog: &Catalog,
    format: ExportFormat,
    selection: &Selection,
    options: ExportOptions,
) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    match format {
        ExportFormat::Json => {
            let dataset: Dataset = if options.whole_dataset {
                catalog.to_dataset()
            } else {
                subset(catalog, selection)
            };
            if options.to_terminal {
                to_terminal_safe_json(&mut bytes, &dataset)
            } else {
                serde_json::to_writer_pretty(&mut bytes, &dataset)
            }
            .map_err(io::Error::other)?;
            bytes.write_all(b"\n")?;
        }
        ExportFormat::Csv => {
            if let Some((tab, records)) = selection.tabs.first() {
                write_csv(&mut bytes, catalog, *tab, records, options.formulas)
                    .map_err(io::Error::other)?;
            }
        }
        ExportFormat::Tsv => {
            let text = if options.to_terminal {
                TsvText::TerminalSafe
            } else {
                TsvText::AsData
            };
            write_tsv(&mut bytes, catalog, selection, text, options.formulas)?;
        }
        ExportFormat::Markdown => write_markdown(&mut bytes, catalog, selection)?,
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_name_names_its_format_by_its_extension_in_any_case() {
        assert_eq!(ExportFormat::of_file_name("a.csv"), Some(ExportFormat::Csv));
        assert_eq!(
            ExportFormat::of_file_name("dir.v2/a.TSV"),
            Some(ExportFormat::Tsv)
        );
        assert_eq!(
            ExportFormat::of_file_name("a.markdown"),
            Some(ExportFormat::Markdown)
        );
        assert_eq!(
            ExportFormat::of_file_name("a.Json"),
            Some(ExportFormat::Json)
        );
        assert_eq!(ExportFormat::of_file_name("a.txt"), None);
        assert_eq!(ExportFormat::of_file_name("csv"), None);
        for format in ExportFormat::CYCLE {
            let name = format!("x.{}", format.extension());
            assert_eq!(ExportFormat::of_file_name(&name), Some(format));
        }
    }
}
