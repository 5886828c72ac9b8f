//! Where loading a dataset file spends its time, against the floor:
//! `cargo run --release --example load_probe -- FILE [ROUNDS]`. Each round times, in turn,
//! reading the file, the floor (a syntax-only parse of the text read: serde_json into
//! `IgnoredAny`), loading and validating that text into a catalog, the whole `load_file`,
//! preparing the search index (what every search needs) and then its typo vocabulary; it
//! prints each with the memory in use after it. `load_probe FILE ROUNDS only-load` times
//! `load_file` alone, for a profiler.

use std::{
    path::Path,
    sync::Arc,
    time::{Duration, Instant},
};

use oic_explorer::{LoadProgress, LoadStage, SearchIndex, SizeLimits};
use serde::de::IgnoredAny;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: load_probe FILE [ROUNDS]")?;
    let rounds: usize = args.next().map_or(Ok(1), |rounds| rounds.parse())?;
    let path = Path::new(&path);
    if args.next().as_deref() == Some("only-load") {
        for round in 0..rounds {
            let progress = LoadProgress::new();
            let (catalog, whole) = std::thread::scope(|scope| {
                let watch = scope.spawn(|| stages(&progress));
                let loaded = timed(|| {
                    oic_explorer::load_file_with_progress(
                        path,
                        None,
                        SizeLimits::default(),
                        &progress,
                    )
                });
                progress.begin(LoadStage::Reading, u64::MAX);
                let _ = watch.join();
                loaded
            });
            drop(catalog?);
            report(round, "load_file", whole);
        }
        return Ok(());
    }
    for round in 0..rounds {
        let (json, read) = timed(|| std::fs::read_to_string(path));
        let json = json?;
        report(round, "read", read);
        let (parsed, floor) = timed(|| serde_json::from_str::<IgnoredAny>(&json));
        parsed?;
        report(round, "floor (read excluded)", floor);
        let (catalog, loaded) = timed(|| oic_explorer::load("probe", &json, None));
        drop(catalog?);
        report(round, "load text (read excluded)", loaded);
        drop(json);
        let (catalog, whole) = timed(|| oic_explorer::load_file(path, None));
        let catalog = Arc::new(catalog?);
        report(round, "load_file", whole);
        let index = SearchIndex::new(&catalog);
        let ((), prepared) = timed(|| index.prepare_watching(Duration::MAX, |_| {}));
        report(round, "prepare index (searchable)", prepared);
        let ((), postings) = timed(|| index.prepare_postings());
        report(round, "prepare postings (broad queries)", postings);
        let ((), typos) = timed(|| index.prepare_typos());
        report(round, "prepare typo vocabulary", typos);
        println!(
            "round {round}: load_file / (read + floor) = {:.2}",
            whole.as_secs_f64() / (read + floor).as_secs_f64()
        );
    }
    Ok(())
}

/// Prints how long each stage of a load lasted, polling `progress` every millisecond until the
/// load says it is back at reading with no end (the probe's signal that it is over).
fn stages(progress: &LoadProgress) {
    let started = Instant::now();
    let mut stage = progress.stage();
    let mut since = started;
    loop {
        std::thread::sleep(Duration::from_millis(1));
        let now = progress.stage();
        let over = now == LoadStage::Reading && since != started;
        if now != stage || over {
            println!(
                "  {:<22} {:>6.0} ms",
                stage.label(),
                since.elapsed().as_secs_f64() * 1000.0
            );
            stage = now;
            since = Instant::now();
        }
        if over {
            return;
        }
    }
}

fn timed<T>(work: impl FnOnce() -> T) -> (T, Duration) {
    let started = Instant::now();
    let value = work();
    (value, started.elapsed())
}

fn report(round: usize, what: &str, took: Duration) {
    println!(
        "round {round}: {what:<28} {:>8.0} ms   rss {} MB",
        took.as_secs_f64() * 1000.0,
        rss_mb()
    );
}

/// Resident memory now, from /proc (Linux only; 0 elsewhere).
fn rss_mb() -> u64 {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| {
            s.split_whitespace()
                .nth(1)
                .and_then(|p| p.parse::<u64>().ok())
        })
        .map_or(0, |pages| pages * 4096 / 1_000_000)
}
