//! What each way of running the program does, apart from the explorer itself: checking and
//! exporting a dataset, plain output, completions, the man page and the schema.

use std::{
    io::{self, IsTerminal, Write},
    path::Path,
    process::ExitCode,
    sync::Arc,
};

use clap::CommandFactory;

use crate::{
    cli::{Cli, PlainFormat},
    config::{Config, ConfigPath, default_file, error_lines},
    data::{
        self, Catalog, Dataset, LoadError, LoadProgress, PROBLEM_CAP, Problems, RecordCounts,
        RecordRef, display,
    },
    exit,
    export::{
        ExportFormat, ExportOptions, FormulaCells, PlainStyle, Selection, TsvText, Written,
        export_bytes, write_output, write_plain, write_tsv,
    },
    plural::counted,
    quoted::quoted_path,
};

/// Prints a message to stderr as the program's. What a file put in it is escaped, as on
/// screen; a stderr that is gone is no reason to fail louder.
pub fn complain(message: impl std::fmt::Display) {
    let message = message.to_string();
    let _ = writeln!(
        io::stderr(),
        "oic-explorer: {}",
        data::display::escaped(&message)
    );
}

/// The row options `--plain` and `export` print or write by, after a note on stderr of each
/// one given beside a `--tab` it does not shape (see [`Cli::unused_row_options`]).
fn output_row_options(cli: &Cli, catalog: &Catalog) -> Result<crate::tabs::RowOptions, String> {
    // What is wrong comes alone: a note on an option that is refused anyway says nothing.
    let options = cli.row_options(catalog)?;
    for unused in cli.unused_row_options() {
        complain(format!("note: {unused}"));
    }
    Ok(options)
}

/// The outcome of writing to stdout: a closed pipe (`… | head`) ends quietly.
fn finish(result: io::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            complain(format!("cannot write the output: {error}"));
            ExitCode::from(exit::FAILED)
        }
    }
}

/// The dataset the options name: `path` or `--data`, else the embedded one; quotes checked
/// against `--source`, or for the embedded dataset against its own source.
pub fn load_dataset(cli: &Cli, path: Option<&Path>) -> Result<Catalog, LoadError> {
    let limits = cli.size_limits();
    match path.or(cli.data.as_deref()) {
        Some(path) => data::load_file_with_progress(
            path,
            cli.source.as_deref(),
            limits,
            &LoadProgress::announcing_waits(say_waiting),
        ),
        None => match cli.source.as_deref() {
            Some(source) => {
                // Read before the terminal is touched: a pipe with no writer yet is said on
                // stderr, as for a dataset, not left looking like a hang.
                let progress = LoadProgress::announcing_waits(say_waiting);
                let source = data::read_text_with_progress(source, limits.source, &progress)?;
                data::load(data::EMBEDDED_NAME, data::EMBEDDED_DATASET, Some(&source))
            }
            None => data::load_embedded(),
        },
    }
}

/// Says on stderr that a load waits for a pipe, so a command that seems stuck says why.
fn say_waiting(pipe: &str) {
    complain(format!(
        "waiting for data from the pipe {pipe} (Ctrl-C stops)"
    ));
}

/// Reports a load error on stderr and gives its exit status.
pub fn load_failed(error: &LoadError) -> ExitCode {
    complain(error);
    ExitCode::from(error.exit_code())
}

fn write_counts(out: &mut impl Write, counts: &RecordCounts) -> io::Result<()> {
    for (name, count) in counts.named() {
        writeln!(out, "  {name:<14}{count:>8}")?;
    }
    Ok(())
}

/// `check`'s warnings (claims to look at), under a heading that says what they are: problems
/// under `--strict`.
fn write_warnings(out: &mut impl Write, warnings: &Problems, strict: bool) -> io::Result<()> {
    if warnings.is_empty() {
        return Ok(());
    }
    writeln!(out, "{}:", if strict { "problems" } else { "warnings" })?;
    for warning in warnings.listed() {
        writeln!(out, "  {warning}")?;
    }
    if warnings.unlisted() > 0 {
        writeln!(out, "  … and {} more", warnings.unlisted())?;
    }
    Ok(())
}

/// `check`'s word on the places: how many are on the map, and which places of records the
/// dataset's `places` give no entry for (the map cannot draw them).
fn write_places(out: &mut impl Write, catalog: &Catalog) -> io::Result<()> {
    let places = catalog.places();
    if places.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "  places: {} of {} on the map",
        places.located(),
        counted(places.len(), "place")
    )?;
    let missing: Vec<String> = places
        .without_entry()
        .map(|place| display::quoted(&place.name))
        .collect();
    if !missing.is_empty() {
        let shown = missing
            .iter()
            .take(PROBLEM_CAP)
            .cloned()
            .collect::<Vec<_>>();
        let more = missing.len().saturating_sub(PROBLEM_CAP);
        writeln!(
            out,
            "  note: no entry in places for {}{}: give each a name, latitude, longitude, precision and note",
            shown.join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        )?;
    }
    Ok(())
}

/// `check --coverage`: every sentence of the source that no record or tie quotes.
fn write_coverage(out: &mut impl Write, catalog: &Catalog, checked: bool) -> io::Result<()> {
    let (Some(source), Some(map), true) = (catalog.source(), catalog.passages(), checked) else {
        return writeln!(
            out,
            "  coverage not checked: give the source text with --source PATH"
        );
    };
    let uncovered = data::passages::uncovered_sentences(map, source);
    match uncovered.len() {
        0 => writeln!(out, "  coverage: every sentence of the source is quoted"),
        count => {
            writeln!(
                out,
                "  coverage: {} no record quotes:",
                counted(count, "sentence")
            )?;
            for (paragraph, sentence) in uncovered {
                // The source is as untrusted as the dataset: shown escaped, like everything.
                let shown = display::display_text(sentence, display::TEXT_CAP);
                let sentence = shown.as_deref().unwrap_or(sentence);
                writeln!(out, "    ¶{paragraph} {sentence}")?;
            }
            Ok(())
        }
    }
}

/// `oic-explorer check [PATH]`: a summary of counts and problems; 0 only when clean.
pub fn check(cli: &Cli, path: Option<&Path>, coverage: bool, strict: bool) -> ExitCode {
    let origin = path
        .or(cli.data.as_deref())
        .map_or_else(|| data::EMBEDDED_NAME.to_string(), quoted_path);
    let quotes_checked = cli.source.is_some() || (path.is_none() && cli.data.is_none());
    let mut out = io::stdout().lock();
    let result = match load_dataset(cli, path) {
        Ok(catalog) => {
            let counts = catalog.counts();
            let quotes: usize = catalog
                .records()
                .filter_map(|r| catalog.get(r))
                .map(|r| r.sources().len())
                .sum();
            // Capped as it is found: a million warnings cost a count, not a million messages.
            let mut warnings = Problems::default();
            data::claim_warnings(&catalog, &mut warnings);
            data::place_warnings(&catalog, &mut warnings);
            let verdict = match (warnings.len(), strict) {
                (0, _) => "clean".to_string(),
                (count, false) => format!("clean, {}", counted(count, "warning")),
                (count, true) => format!("{} (--strict)", counted(count, "problem")),
            };
            let written = writeln!(out, "{origin}: {verdict}")
                .and_then(|()| write_counts(&mut out, &counts))
                .and_then(|()| match (quotes_checked, catalog.source()) {
                    (true, Some(source)) => writeln!(
                        out,
                        "  {} and {}, each verbatim in its paragraph ({} in the source)",
                        counted(quotes, "record quote"),
                        counted(catalog.tie_quote_count(), "tie quote"),
                        counted(source.paragraph_count(), "paragraph")
                    ),
                    _ => writeln!(out, "  quotes not checked: give the source text with --source PATH"),
                })
                .and_then(|()| match catalog.bare_tie_count() {
                    0 => Ok(()),
                    bare => writeln!(
                        out,
                        "  note: {bare} tie{} given as a bare id, each read as “mentioned with”: give a tie its kind and quotes as {{\"id\": …, \"kind\": …, \"sources\": […]}}",
                        if bare == 1 { " is" } else { "s are" }
                    ),
                })
                .and_then(|()| write_places(&mut out, &catalog))
                .and_then(|()| write_warnings(&mut out, &warnings, strict))
                .and_then(|()| match coverage {
                    true => write_coverage(&mut out, &catalog, quotes_checked),
                    false => Ok(()),
                });
            return match finish(written) {
                code if code == ExitCode::SUCCESS && strict && !warnings.is_empty() => {
                    ExitCode::from(exit::FAILED)
                }
                code => code,
            };
        }
        Err(error @ LoadError::Invalid { .. }) => error,
        Err(error) => return load_failed(&error),
    };
    let LoadError::Invalid {
        origin: said_of,
        counts,
        problems,
        unlisted,
    } = &result
    else {
        return load_failed(&result);
    };
    let total = problems.len() + unlisted;
    // The load's own name for the file: it says when the problems could not be placed.
    let said_of = match said_of.strip_prefix(origin.as_str()) {
        Some(rest) => format!("{origin}{rest}"),
        None => origin.to_string(),
    };
    let written = writeln!(out, "{said_of}: {}", counted(total, "problem"))
        .and_then(|()| write_counts(&mut out, counts))
        .and_then(|()| writeln!(out, "problems:"))
        .and_then(|()| {
            for problem in problems {
                match problem.position {
                    Some((line, column)) => writeln!(out, "  {origin}:{line}:{column}: {problem}")?,
                    None => writeln!(out, "  {problem}")?,
                }
            }
            if *unlisted > 0 {
                writeln!(out, "  … and {unlisted} more")?;
            }
            Ok(())
        });
    match finish(written) {
        code if code == ExitCode::SUCCESS => ExitCode::from(result.exit_code()),
        code => code,
    }
}

/// `oic-explorer export`: the selected records in `format`, to stdout or `output`; CSV cells
/// that could run as formulas neutralised unless `raw_cells`.
pub fn export(cli: &Cli, format: ExportFormat, output: Option<&Path>, raw_cells: bool) -> ExitCode {
    let mut catalog = match load_dataset(cli, None) {
        Ok(catalog) => catalog,
        Err(error) => return load_failed(&error),
    };
    // An export gives the data back unchanged. On a terminal, JSON escapes in its own syntax
    // what the terminal would act on, so it still loads back the same; CSV and Markdown
    // have no such escapes and show the text as the explorer does. TSV escapes its own
    // separators from the data first, then makes the result terminal-safe itself.
    let to_terminal = output.is_none() && io::stdout().is_terminal();
    if !to_terminal || matches!(format, ExportFormat::Json | ExportFormat::Tsv) {
        catalog.show_raw_text();
    }
    let catalog = Arc::new(catalog);
    let tab = cli.tab;
    let only = match cli.selected_record(&catalog) {
        Ok(only) => only,
        Err(message) => {
            complain(message);
            return ExitCode::from(exit::UNUSABLE);
        }
    };
    // One record is in one tab: --select names it as well as --tab would.
    if format == ExportFormat::Csv && tab.is_none() && only.is_none() {
        complain(
            "csv writes one tab's records: add --tab timeline|funding|initiatives|participants",
        );
        return ExitCode::from(exit::UNUSABLE);
    }
    let selection = match output_row_options(cli, &catalog)
        .and_then(|options| Selection::new(&catalog, tab, cli.query.as_deref(), only, &options))
    {
        Ok(selection) => selection,
        Err(message) => {
            complain(message);
            return ExitCode::from(exit::UNUSABLE);
        }
    };
    say_if_relaxed(&selection, cli.query.as_deref());
    let options = ExportOptions {
        whole_dataset: tab.is_none() && cli.query.is_none() && only.is_none(),
        to_terminal,
        formulas: if raw_cells {
            FormulaCells::Raw
        } else {
            FormulaCells::Neutralised
        },
    };
    let bytes = match export_bytes(&catalog, format, &selection, options) {
        Ok(bytes) => bytes,
        Err(error) => {
            complain(format!("cannot write the export: {error}"));
            return ExitCode::from(exit::FAILED);
        }
    };
    match output {
        Some(path) => match write_output(path, &bytes) {
            Ok(Written::InPlace(why)) => {
                complain(format!(
                    "{} was written in place, not atomically: {why}. A program reading it meanwhile could have seen it part-written.",
                    quoted_path(path)
                ));
                ExitCode::SUCCESS
            }
            Ok(Written::Atomically | Written::Directly) => ExitCode::SUCCESS,
            Err(error) => {
                complain(format!(
                    "cannot write the export to {}: {error}",
                    quoted_path(path)
                ));
                ExitCode::from(exit::FAILED)
            }
        },
        None => finish(io::stdout().lock().write_all(&bytes)),
    }
}

/// Says on stderr, where the output itself is only data, that no record has every word of the
/// query and which words the records written have instead, as `--plain` and the explorer say it.
fn say_if_relaxed(selection: &Selection, query: Option<&str>) {
    match (&selection.relaxed, query) {
        // The words were worked out over every tab: a tab without them has nothing of it.
        (_, Some(query)) if selection.is_empty() => {
            complain(format!(
                "note: no record matches {}: none written",
                display::quoted(query)
            ));
        }
        (Some((asked, shown)), _) => complain(format!(
            "note: no record has all of: {asked} — writing those with {shown}"
        )),
        _ => {}
    }
}

/// The records as plain text or TSV on stdout: all, one tab's, a query's, or one record.
/// Both are terminal-safe wherever they go, as `--plain` always is.
pub fn plain(cli: &Cli, mut catalog: Catalog, only: Option<RecordRef>) -> ExitCode {
    let format = cli.format.unwrap_or_default();
    if format == PlainFormat::Tsv {
        // TSV escapes its separators in the data first, then makes each field safe to show.
        catalog.show_raw_text();
    }
    let catalog = Arc::new(catalog);
    // Checked as the explorer checks it, though plain output prints records, not paragraphs.
    if let Some(problem) = cli.paragraph.and_then(|n| catalog.paragraph_problem(n)) {
        complain(problem);
        return ExitCode::from(exit::UNUSABLE);
    }
    let selection = match output_row_options(cli, &catalog)
        .and_then(|options| Selection::new(&catalog, cli.tab, cli.query.as_deref(), only, &options))
    {
        Ok(selection) => selection,
        Err(message) => {
            complain(message);
            return ExitCode::from(exit::UNUSABLE);
        }
    };
    let stdout = io::stdout();
    let style = PlainStyle {
        bold: cli.color().enabled(stdout.is_terminal()),
    };
    let mut out = io::BufWriter::new(stdout.lock());
    let written = match format {
        PlainFormat::Text => write_plain(&mut out, &catalog, &selection, style),
        // Rows only on stdout: what the query found instead is said on stderr.
        PlainFormat::Tsv => {
            say_if_relaxed(&selection, cli.query.as_deref());
            write_tsv(
                &mut out,
                &catalog,
                &selection,
                TsvText::TerminalSafe,
                FormulaCells::Neutralised,
            )
        }
    };
    finish(written.and_then(|()| out.flush()))
}

/// `oic-explorer config`: the config file in use, on the first line alone (so
/// `$(oic-explorer config)` is its path), and whether it is there and sound; a file that is
/// not is said as the explorer would say it, exit 2. With `--default`, the default file.
pub fn config(cli: &Cli, default: bool) -> ExitCode {
    if default {
        return finish(io::stdout().lock().write_all(default_file().as_bytes()));
    }
    let chosen = ConfigPath::choose(cli.config.as_deref(), cli.no_config);
    let Some(path) = chosen.path() else {
        let why = match chosen {
            ConfigPath::Ignored => "no config file: --no-config reads none",
            _ => "no config file: the home folder is not known (set HOME, or give --config PATH)",
        };
        return finish(writeln!(io::stdout().lock(), "{why}"));
    };
    let shown = quoted_path(path);
    let state = match Config::load(&chosen) {
        Err(errors) => {
            let written = writeln!(io::stdout().lock(), "{shown}");
            error_lines(&errors).iter().for_each(complain);
            return match finish(written) {
                code if code == ExitCode::SUCCESS => ExitCode::from(exit::UNUSABLE),
                code => code,
            };
        }
        Ok(_) if path.is_file() => "  in use".to_string(),
        Ok(_) => format!(
            "  not there: the built-in settings are in use; \
             `oic-explorer config --default > {shown}` writes one to edit"
        ),
    };
    finish(writeln!(io::stdout().lock(), "{shown}\n{state}"))
}

/// `oic-explorer completions SHELL`.
pub fn completions(shell: clap_complete::Shell) -> ExitCode {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "oic-explorer", &mut out);
    finish(io::stdout().lock().write_all(&out))
}

/// The man page's FILES section: where the config file is read from.
const MAN_FILES: &str = r#".SH FILES
.TP
\fI$XDG_CONFIG_HOME/oic\-explorer/config.toml\fR
Settings (theme, cite_style, color, mouse, tab, data, source) and key bindings by action name
(\fB[keys]\fR); \fI~/.config/oic\-explorer/config.toml\fR when XDG_CONFIG_HOME is unset.
\fBoic\-explorer config\fR prints the path in use, \fBoic\-explorer config \-\-default\fR a
commented file of every setting and key. \fB\-\-config\fR \fIPATH\fR reads another file,
\fB\-\-no\-config\fR none; the command line overrides the file.
"#;

/// `oic-explorer man`: the page clap writes from the definitions, and where the files are.
pub fn man() -> ExitCode {
    let mut out = Vec::new();
    let rendered = clap_mangen::Man::new(Cli::command()).render(&mut out);
    out.extend_from_slice(MAN_FILES.as_bytes());
    finish(rendered.and_then(|()| io::stdout().lock().write_all(&out)))
}

/// The JSON Schema of a dataset file, as the committed `assets/dataset.schema.json` holds it.
fn schema_json() -> String {
    let schema = schemars::schema_for!(Dataset);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// `oic-explorer schema`.
pub fn schema() -> ExitCode {
    finish(io::stdout().lock().write_all(schema_json().as_bytes()))
}
