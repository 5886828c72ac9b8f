//! Start-up: read the command line, load the dataset, run the explorer.

use std::{
    io::{self, IsTerminal},
    process::ExitCode,
    sync::Arc,
};

use clap::Parser;
use oic_explorer::{app::App, cli::Cli, data, tab::Tab, terminal, ui::theme::Theme};
use ratatui::layout::Size;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let catalog = match data::load_embedded() {
        Ok(catalog) => Arc::new(catalog),
        Err(error) => {
            eprintln!("oic-explorer: {error}");
            return ExitCode::from(2);
        }
    };
    let select = match cli.select.as_deref().map(|id| (id, catalog.find(id))) {
        None => None,
        Some((_, Some(record))) => Some(record),
        Some((id, None)) => {
            eprintln!("oic-explorer: --select {id:?}: no record has this id");
            return ExitCode::from(2);
        }
    };
    // Bad arguments are reported first, whatever the output is.
    if !io::stdout().is_terminal() {
        eprintln!(
            "oic-explorer: standard output is not a terminal; run it in a terminal (see --help)"
        );
        return ExitCode::from(2);
    }
    let mut app =
        App::new(Arc::clone(&catalog), Size::new(80, 24)).with_theme(Theme::from_environment());
    app.open_view(cli.tab.map(Tab::from), select, cli.query.as_deref());
    match terminal::run(&mut app) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            terminal::restore();
            eprintln!("oic-explorer: {error}");
            ExitCode::FAILURE
        }
    }
}
