//! Start-up: read the command line, load the dataset, run the explorer.

use std::{
    io::{self, IsTerminal},
    process::ExitCode,
    sync::Arc,
};

use clap::Parser;
use oic_explorer::{app::App, cli::Cli, data, terminal, ui::theme::Theme};
use ratatui::layout::Size;

fn main() -> ExitCode {
    let _cli = Cli::parse();
    if !io::stdout().is_terminal() {
        eprintln!(
            "oic-explorer: standard output is not a terminal; run it in a terminal (see --help)"
        );
        return ExitCode::from(2);
    }
    let catalog = match data::load_embedded() {
        Ok(catalog) => catalog,
        Err(error) => {
            eprintln!("oic-explorer: {error}");
            return ExitCode::from(2);
        }
    };
    let mut app =
        App::new(Arc::new(catalog), Size::new(80, 24)).with_theme(Theme::from_environment());
    match terminal::run(&mut app) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            terminal::restore();
            eprintln!("oic-explorer: {error}");
            ExitCode::FAILURE
        }
    }
}
