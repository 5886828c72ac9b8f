//! Start-up: read the command line, then check, export, print, or open the explorer.

use std::{
    io::{self, IsTerminal, Write},
    process::ExitCode,
    sync::{Arc, mpsc},
};

use clap::Parser;
use oic_explorer::{
    Cli, Command, Config, ConfigPath, Start, build_app,
    commands::{self, complain},
    config_error_lines, escaped,
    exit::{self, Failure},
    restore_terminal, run, said, selected_record, start_with_file,
};

fn main() -> ExitCode {
    let mut cli = match parse_arguments() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    match &cli.command {
        Some(Command::Completions { shell }) => return commands::completions(*shell),
        Some(Command::Man) => return commands::man(),
        Some(Command::Schema) => return commands::schema(),
        Some(Command::Config { default }) => return commands::config(&cli, *default),
        _ => {}
    }
    // The config file is read, and refused with where and why, before anything else.
    let config = match Config::load(&ConfigPath::choose(cli.config.as_deref(), cli.no_config)) {
        Ok(config) => config,
        Err(errors) => {
            config_error_lines(&errors).iter().for_each(complain);
            return ExitCode::from(exit::UNUSABLE);
        }
    };
    let interactive =
        cli.command.is_none() && !cli.plain && cli.format.is_none() && io::stdout().is_terminal();
    config.fill_in(&mut cli, interactive);
    match &cli.command {
        Some(Command::Check {
            path,
            coverage,
            strict,
        }) => {
            return commands::check(&cli, path.as_deref(), *coverage, *strict);
        }
        Some(Command::Export {
            format,
            output,
            raw_cells,
        }) => {
            return commands::export(&cli, *format, output.as_deref(), *raw_cells);
        }
        _ => {}
    }
    // Everything that can be wrong with the arguments or the data is said before the
    // terminal is touched, unless a large file takes long enough to need a loading screen.
    let bindings = config.bindings;
    let (sender, events) = mpsc::channel();
    let start = match (&cli.data, interactive) {
        (Some(path), true) => start_with_file(&cli, &bindings, path.clone(), &sender, &events),
        _ => match commands::load_dataset(&cli, None) {
            Err(error) => return commands::load_failed(&error),
            Ok(catalog) if !interactive => {
                return match selected_record(&cli, &catalog) {
                    Ok(select) => commands::plain(&cli, catalog, select),
                    Err(failure) => fail(&failure),
                };
            }
            Ok(catalog) => {
                build_app(&cli, &bindings, Arc::new(catalog)).map(|app| Start::Ready(Box::new(app)))
            }
        },
    };
    let result = start.and_then(|start| run(start, cli.mouse(), &sender, &events));
    restore_terminal();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => fail(&failure),
    }
}

/// The command line, or the status to end with after help, the version or an error. An error
/// about the arguments shows what the user typed escaped, as any text from outside is
/// (`--tab $'\e]0;title\a'` must not retitle the terminal), so clap renders it uncoloured:
/// its colours would be escaped too.
fn parse_arguments() -> Result<Cli, ExitCode> {
    use clap::{CommandFactory, FromArgMatches, error::ErrorKind};
    let parsed = Cli::command()
        .styles(clap::builder::Styles::plain())
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches));
    match parsed {
        Ok(cli) => Ok(cli),
        Err(error)
            if matches!(
                error.kind(),
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
            ) =>
        {
            // Parsed again as clap would, so help comes in colour; it prints and exits.
            Cli::parse();
            Err(ExitCode::SUCCESS)
        }
        Err(error) => {
            // A value the user gave is said the one safe way (cut, a line feed escaped), as
            // every message says values, before the message as a whole is escaped. Only where
            // clap quotes it (`'value'`): a bare search for a short or empty value would
            // rewrite the words around it.
            let mut text = error.render().ansi().to_string();
            for (_, value) in error.context() {
                if let clap::error::ContextValue::String(value) = value {
                    let clap_quoted = format!("'{value}'");
                    let shown = said(value, '\'');
                    if !value.is_empty() && shown != clap_quoted {
                        text = text.replace(&clap_quoted, &shown);
                    }
                }
            }
            let _ = write!(io::stderr(), "{}", escaped(&text));
            Err(ExitCode::from(
                u8::try_from(error.exit_code()).unwrap_or(exit::UNUSABLE),
            ))
        }
    }
}

/// Says why the program ends, and with what status.
fn fail(failure: &Failure) -> ExitCode {
    complain(&failure.message);
    ExitCode::from(failure.code)
}
