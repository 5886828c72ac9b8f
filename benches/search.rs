//! Search: the time to final results for one-, two- and five-character queries, selective and
//! broad, at each scale; typing a query one key at a time, each key narrowing the last
//! results; and the search index's one-off preparation.

mod support;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use oic_explorer::{Query, SearchIndex};

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

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(3)).warm_up_time(std::time::Duration::from_millis(300));
    targets = final_results, typing, preparation
}
criterion_main!(benches);
