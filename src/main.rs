//! Start-up: read the command line, then check, export, print, or open the explorer.

use std::{
    io::{self, IsTerminal},
    process::ExitCode,
    sync::Arc,
};

use clap::Parser;
use oic_explorer::{
    app::App,
    cli::{Cli, Command},
    commands::{self, complain},
    tab::Tab,
    terminal,
    ui::theme::Theme,
};
use ratatui::layout::Size;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        Some(Command::Check { path }) => return commands::check(&cli, path.as_deref()),
        Some(Command::Export { format, output }) => {
            return commands::export(&cli, *format, output.as_deref());
        }
        Some(Command::Completions { shell }) => return commands::completions(*shell),
        Some(Command::Man) => return commands::man(),
        Some(Command::Schema) => return commands::schema(),
        None => {}
    }
    // Everything that can be wrong with the arguments or the data is said before the
    // terminal is touched.
    let catalog = match commands::load_dataset(&cli, None) {
        Ok(catalog) => Arc::new(catalog),
        Err(error) => return commands::load_failed(&error),
    };
    let select = match cli.select.as_deref().map(|id| (id, catalog.find(id))) {
        None => None,
        Some((_, Some(record))) => Some(record),
        Some((id, None)) => {
            complain(format!("--select {id:?}: no record has this id"));
            return ExitCode::from(2);
        }
    };
    if cli.plain || !io::stdout().is_terminal() {
        return commands::plain(&cli, &catalog, select);
    }
    let theme = Theme::named(cli.theme, cli.color.enabled(true));
    let mut app = App::new(Arc::clone(&catalog), Size::new(80, 24)).with_theme(theme);
    app.open_view(cli.tab.map(Tab::from), select, cli.query.as_deref());
    match terminal::run(&mut app) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            terminal::restore();
            complain(error);
            ExitCode::FAILURE
        }
    }
}
