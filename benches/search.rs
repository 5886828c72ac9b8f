//! Search: the time to final results for one-, two- and five-character queries, selective and
//! broad, at each scale; typing a query one key at a time, each key narrowing the last
//! results; the search index's one-off preparation; and a hostile dataset check calls clean,
//! 5,000 events held in one place with 16,000 other names.

mod support;

use std::sync::Arc;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use oic_explorer::{Catalog, Query, SearchIndex, synthetic};

/// Broad queries match most records; selective ones a few. The synthetic text is built from
/// the words and syllables in `synthetic.rs`, so these hit the same way at every scale.
const QUERIES: [(&str, &str); 6] = [
    ("1 char broad", "a"),
    ("1 char selective", "q"),
    ("2 chars broad", "co"),
    ("2 chars selective", "zq"),
    ("5 chars broad", "counc"),
    ("5 chars selective", "syzdi"),
];

fn final_results(c: &mut Criterion) {
    let mut group = c.benchmark_group("search");
    for (label, records) in support::scales() {
        let catalog = support::catalog(records);
        let index = SearchIndex::new(&catalog);
        index.prepare();
        for (name, text) in QUERIES {
            let query = Query::parse(text);
            group.bench_function(BenchmarkId::new(name, label), |b| {
                b.iter(|| index.search(&query))
            });
        }
    }
    group.finish();
}

fn typing(c: &mut Criterion) {
    let mut group = c.benchmark_group("typing");
    for (label, records) in support::scales() {
        let catalog = support::catalog(records);
        let index = SearchIndex::new(&catalog);
        index.prepare();
        let word = "conference";
        // As the app types: each query narrows the results of the one before.
        group.bench_function(BenchmarkId::new("conference, key by key", label), |b| {
            b.iter(|| {
                let mut previous = None;
                for end in 1..=word.len() {
                    previous =
                        index.search_from(&Query::parse(&word[..end]), previous.as_ref(), |_| true);
                }
                previous
            })
        });
        // The last key alone: "conferenc" is on screen and "e" is typed.
        let before = index.search(&Query::parse("conferenc"));
        let last = Query::parse(word);
        group.bench_function(BenchmarkId::new("conference, last key", label), |b| {
            b.iter(|| index.search_from(&last, Some(&before), |_| true))
        });
    }
    group.finish();
}

fn preparation(c: &mut Criterion) {
    let mut group = c.benchmark_group("prepare index");
    for (label, records) in support::scales() {
        let catalog = support::catalog(records);
        group.bench_function(label, |b| {
            b.iter(|| {
                let index = SearchIndex::new(&catalog);
                index.prepare();
                index
            })
        });
    }
    group.finish();
}

/// Every one of 5,000 events held in one place that one spelling entry gives 16,000 other
/// names (`synthetic::spelled_place`; `gen --records 5000 --spelled-place 16000` writes it):
/// each name's spellings are matched once per query, so a query answers in milliseconds, where
/// matching them record by record took over a minute. Queries by the place, by one of its
/// names, by `place:` and by a typo of a name; and getting the index ready.
fn spellings(c: &mut Criterion) {
    const EVENTS: usize = 5_000;
    const NAMES: usize = 16_000;
    let scale = "5k events, 16k names";
    let catalog = Arc::new(
        Catalog::new(synthetic::spelled_place(EVENTS, NAMES), None)
            .unwrap_or_else(|_| panic!("the hostile dataset is valid")),
    );
    let mut group = c.benchmark_group("spellings");
    group.bench_function(BenchmarkId::new("prepare index", scale), |b| {
        b.iter(|| {
            let index = SearchIndex::new(&catalog);
            index.prepare();
            index
        })
    });
    let index = SearchIndex::new(&catalog);
    index.prepare();
    let name = synthetic::spelling_name(12_345).to_lowercase();
    // Two neighbouring letters swapped: one edit, found only with typos.
    let mut typo: Vec<char> = name.chars().collect();
    typo.swap(4, 5);
    let typo: String = typo.into_iter().collect();
    for (label, text) in [
        ("the place", synthetic::SPELLED_PLACE.to_lowercase()),
        ("one of its names", name.clone()),
        ("place: one of its names", format!("place:{name}")),
        ("a typo of one of its names", typo),
    ] {
        let query = Query::parse(&text);
        group.bench_function(BenchmarkId::new(label, scale), |b| {
            b.iter(|| index.search(&query))
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(3)).warm_up_time(std::time::Duration::from_millis(300));
    targets = final_results, typing, preparation, spellings
}
criterion_main!(benches);
