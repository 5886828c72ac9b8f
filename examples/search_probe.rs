//! Times queries against a dataset file, each narrowing the one before as typing does, with
//! the memory in use and when the first screen of results is known: `cargo run --release --example search_probe -- FILE QUERY...`.
use oic_explorer::{Query, SearchIndex};
use std::{sync::Arc, time::Instant};
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: search_probe FILE QUERY...")?;
    let t = Instant::now();
    let catalog = Arc::new(oic_explorer::load_file(std::path::Path::new(&path), None)?);
    eprintln!("load {:?} rss {} MB", t.elapsed(), rss_mb());
    let index = SearchIndex::new(&catalog);
    let t = Instant::now();
    index.prepare();
    eprintln!("prepare {:?} rss {} MB", t.elapsed(), rss_mb());
    let mut previous = None;
    for text in args {
        let query = Query::parse(&text);
        let mut last = None;
        for _ in 0..2 {
            let t = Instant::now();
            let mut first = None;
            // Each query narrows the results of the one before, as typing does.
            let results = index
                .search_from(&query, previous.as_ref(), |progress| {
                    if progress.first_known() && first.is_none() {
                        first = Some((progress.results().len(), t.elapsed()));
                    }
                    true
                })
                .unwrap_or_default();
            let elapsed = t.elapsed();
            // A broad query's first hits, proven before the rest is scanned, are its first
            // screen; otherwise the complete results are.
            let (shown, first) = first.unwrap_or((results.len(), elapsed));
            eprintln!(
                "{text:?}: first screen ({shown} hits) in {first:?}, {} hits in {elapsed:?} rss {} MB",
                results.len(),
                rss_mb()
            );
            last = Some(results);
        }
        previous = last;
    }
    Ok(())
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
