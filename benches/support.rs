//! Shared by the benchmarks: datasets of each size, built once.
#![allow(dead_code)]

use std::sync::{Arc, OnceLock};

use oic_explorer::{
    app::App,
    data::{Catalog, load_embedded},
    synthetic,
};
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
