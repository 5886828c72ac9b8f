//! Where loading a dataset file spends its time, against the floor:
//! `cargo run --release --example load_probe -- FILE [ROUNDS]`. Each round times, in turn,
//! reading the file, the floor (a syntax-only parse of the text read: serde_json into
//! `IgnoredAny`), loading and validating that text into a catalog, the whole `load_file`,
//! preparing the search index (what every search needs) and then its typo vocabulary; it
//! prints each with the memory in use after it.

use std::{
    path::Path,
    sync::Arc,
    time::{Duration, Instant},
};

use oic_explorer::SearchIndex;
use serde::de::IgnoredAny;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: load_probe FILE [ROUNDS]")?;
    let rounds: usize = args.next().map_or(Ok(1), |rounds| rounds.parse())?;
    let path = Path::new(&path);
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
