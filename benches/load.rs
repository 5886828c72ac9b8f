//! Load and validate: a synthetic dataset of 100k and 1M records read from a file, parsed,
//! checked and built into a catalog.

mod support;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use oic_explorer::load_file;

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load and validate");
    for (label, records) in support::scales() {
        if records < 100_000 {
            continue;
        }
        let path = support::dataset_file(records);
        group.bench_function(BenchmarkId::new("file", label), |b| {
            b.iter(|| load_file(&path, None).unwrap())
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(10)).warm_up_time(std::time::Duration::from_millis(500));
    targets = load
}
criterion_main!(benches);
