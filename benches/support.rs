//! Shared by the benchmarks: datasets of each size, built once.
#![allow(dead_code)]

use std::sync::{Arc, OnceLock};

use oic_explorer::{App, Catalog, load_embedded, synthetic};
use ratatui::layout::Size;

/// The sizes benchmarked: the embedded data, then synthetic datasets of about N events.
/// `OIC_BENCH_MAX` caps N (for a quick run, `OIC_BENCH_MAX=100000`).
pub fn scales() -> Vec<(&'static str, usize)> {
    let max: usize = std::env::var("OIC_BENCH_MAX")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(usize::MAX);
    [
        ("embedded", 0),
        ("1k", 1_000),
        ("100k", 100_000),
        ("1M", 1_000_000),
    ]
    .into_iter()
    .filter(|&(_, n)| n <= max)
    .collect()
}

/// The catalog for `records` synthetic events (0: the embedded dataset), built once.
pub fn catalog(records: usize) -> Arc<Catalog> {
    type Built = std::sync::Mutex<Vec<(usize, Arc<Catalog>)>>;
    static CACHE: OnceLock<Built> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let mut cache = cache.lock().unwrap();
    if let Some((_, catalog)) = cache.iter().find(|(n, _)| *n == records) {
        return Arc::clone(catalog);
    }
    let catalog = if records == 0 {
        load_embedded().unwrap()
    } else if records >= 100_000 {
        // The same data as `generate` writes, and loading it is many times faster.
        oic_explorer::load_file(&dataset_file(records), None).unwrap()
    } else {
        Catalog::new(synthetic::generate(records, 1), None)
            .unwrap_or_else(|_| panic!("synthetic data is valid"))
    };
    let catalog = Arc::new(catalog);
    cache.push((records, Arc::clone(&catalog)));
    catalog
}

/// An app on that catalog.
pub fn app(records: usize, width: u16, height: u16) -> App {
    App::new(catalog(records), Size::new(width, height))
}

/// A synthetic dataset file of about `records` events, written once under
/// `target/bench-data` and reused by later runs.
pub fn dataset_file(records: usize) -> std::path::PathBuf {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join(format!("synthetic-{records}.json"));
    if !path.exists() {
        let partial = path.with_extension("partial");
        let mut out = std::io::BufWriter::new(std::fs::File::create(&partial).unwrap());
        synthetic::write_json(records, 1, &mut out).unwrap();
        std::io::Write::flush(&mut out).unwrap();
        drop(out);
        std::fs::rename(&partial, &path).unwrap();
    }
    path
}
