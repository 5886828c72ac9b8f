//! Opening the explorer: load the dataset (on another thread for a `--data` file, so a large
//! one gets a loading screen), then build the app the options ask for.

use std::{
    panic::{AssertUnwindSafe, catch_unwind},
    path::PathBuf,
    sync::{
        Arc,
        mpsc::{Receiver, RecvTimeoutError, Sender},
    },
    thread,
    time::{Duration, Instant},
};

use ratatui::layout::Size;

use crate::{
    action::Bindings,
    app::{App, DataOrigin},
    chrome::{loading::LoadingFile, theme::Theme},
    cli::Cli,
    data::{Catalog, LoadProgress, RecordRef, SizeLimits, load_file_with_progress},
    exit,
};

use super::{Failure, Loading, LoopEvent, Start};

/// How long a load may take before the loading screen shows. Until then the terminal is not
/// touched, so a file that fails quickly fails as any command-line error does.
pub const LOADING_SCREEN_AFTER: Duration = Duration::from_millis(40);

/// The app the options ask for, on `catalog`, with `bindings`: its theme, the files it came
/// from, its filter, order and grouping, tab, selected record and search.
pub fn build_app(
    cli: &Cli,
    bindings: &Arc<Bindings>,
    catalog: Arc<Catalog>,
) -> Result<App, Failure> {
    let select = selected_record(cli, &catalog)?;
    let options = cli.row_options(&catalog).map_err(Failure::usage)?;
    let theme = Theme::named(cli.theme(), cli.color().enabled(true));
    let mut app = App::new(catalog, Size::new(80, 24))
        .with_theme(theme)
        .with_cite_style(cli.cite_style())
        .with_bindings(Arc::clone(bindings))
        .with_origin(origin(cli));
    app.set_row_options(options, cli.by_category);
    app.open_view(cli.tab, select, cli.query.as_deref());
    if let Some(number) = cli.paragraph {
        app.open_paragraph(number).map_err(Failure::usage)?;
    }
    Ok(app)
}

/// The files the options name, as absolute paths (a path that cannot be made absolute is kept
/// as given).
fn origin(cli: &Cli) -> DataOrigin {
    let absolute = |path: &PathBuf| std::path::absolute(path).unwrap_or_else(|_| path.clone());
    // A pipe (`--data /dev/stdin`, `--data <(…)`) is read once: no command line opens it again.
    let piped = [&cli.data, &cli.source]
        .into_iter()
        .flatten()
        .find(|path| !std::fs::metadata(path).is_ok_and(|meta| meta.is_file()))
        .map(absolute);
    DataOrigin {
        data: cli.data.as_ref().map(absolute),
        source: cli.source.as_ref().map(absolute),
        piped,
    }
}

/// The record `--select` names, if any; an id the catalog lacks, or a `--tab` the record is
/// not in, is a usage error.
pub fn selected_record(cli: &Cli, catalog: &Catalog) -> Result<Option<RecordRef>, Failure> {
    cli.selected_record(catalog).map_err(Failure::usage)
}

/// Loads `path` on a thread of its own, reporting to `progress`, and sends the outcome to
/// `events`. A panic in the load becomes a failure, so the loop never waits forever.
pub fn spawn_load(
    path: PathBuf,
    source: Option<PathBuf>,
    limits: SizeLimits,
    progress: Arc<LoadProgress>,
    events: Sender<LoopEvent>,
) -> Result<(), Failure> {
    thread::Builder::new()
        .name("load".to_string())
        .spawn(move || {
            let loaded = catch_unwind(AssertUnwindSafe(|| {
                load_file_with_progress(&path, source.as_deref(), limits, &progress)
            }));
            let outcome = match loaded {
                Ok(Ok(catalog)) => Ok(catalog),
                Ok(Err(error)) => Err(Failure::from(error)),
                Err(_) => Err(Failure::new(
                    "loading the dataset failed unexpectedly",
                    exit::FAILED,
                )),
            };
            let _ = events.send(LoopEvent::Loaded(Box::new(outcome)));
        })
        .map(drop)
        .map_err(|error| Failure::new(format!("cannot start loading: {error}"), exit::FAILED))
}

/// Starts the explorer on the file `--data` names: loads it on another thread and waits a
/// moment; a quick load starts the app at once, a slow one starts with the loading screen.
pub fn start_with_file(
    cli: &Cli,
    bindings: &Arc<Bindings>,
    path: PathBuf,
    sender: &Sender<LoopEvent>,
    events: &Receiver<LoopEvent>,
) -> Result<Start, Failure> {
    let started = Instant::now();
    let progress = Arc::new(LoadProgress::new());
    let bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
    let file = LoadingFile::new(&path, bytes);
    spawn_load(
        path,
        cli.source.clone(),
        cli.size_limits(),
        Arc::clone(&progress),
        sender.clone(),
    )?;
    match events.recv_timeout(LOADING_SCREEN_AFTER) {
        Ok(LoopEvent::Loaded(outcome)) => Ok(Start::Ready(Box::new(build_app(
            cli,
            bindings,
            Arc::new((*outcome)?),
        )?))),
        Ok(_) | Err(RecvTimeoutError::Timeout) => {
            let (cli, bindings) = (cli.clone(), Arc::clone(bindings));
            Ok(Start::Loading(Box::new(Loading {
                file,
                progress,
                started,
                theme: Theme::named(cli.theme(), cli.color().enabled(true)),
                bindings: Arc::clone(&bindings),
                build: Box::new(move |catalog| build_app(&cli, &bindings, catalog)),
            })))
        }
        Err(RecvTimeoutError::Disconnected) => Err(Failure::load_vanished()),
    }
}
