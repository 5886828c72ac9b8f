//! A frame: each tab, the search overlay and the help overlay, drawn into a `TestBackend` at
//! 80x24 and 250x80, for the embedded data and 1k, 100k and 1M records; and one `j` at each
//! scale, key to finished frame.

mod support;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use oic_explorer::{
    action::{Action, Movement},
    ui,
};
use ratatui::{Terminal, backend::TestBackend};

fn frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    for (label, records) in support::scales() {
        for (width, height) in [(80u16, 24u16), (250, 80)] {
            let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
            let views: [(&str, Vec<Action>); 6] = [
                ("timeline", vec![]),
                (
                    "funding",
                    vec![Action::SelectTab(oic_explorer::tab::Tab::Funding)],
                ),
                (
                    "initiatives",
                    vec![Action::SelectTab(oic_explorer::tab::Tab::Initiatives)],
                ),
                (
                    "participants",
                    vec![Action::SelectTab(oic_explorer::tab::Tab::Participants)],
                ),
                (
                    "search",
                    vec![
                        Action::OpenSearch,
                        Action::SearchType('k'),
                        Action::SearchType('a'),
                    ],
                ),
                ("help", vec![Action::ToggleHelp]),
            ];
            for (view, actions) in views {
                let mut app = support::app(records, width, height);
                for action in actions {
                    app.update(action);
                }
                // Somewhere in the middle, as a reader would be.
                for _ in 0..3 {
                    app.update(Action::Move(Movement::PageDown));
                }
                let id = BenchmarkId::new(format!("{view}/{width}x{height}"), label);
                group.bench_function(id, |b| {
                    b.iter(|| {
                        // A changed frame each time: clear the last one so nothing is skipped.
                        terminal.clear().unwrap();
                        terminal.draw(|frame| ui::render(&app, frame)).unwrap();
                    })
                });
            }
        }
    }
    group.finish();
}

fn movement(c: &mut Criterion) {
    let mut group = c.benchmark_group("key j to frame");
    for (label, records) in support::scales() {
        let mut app = support::app(records, 80, 24);
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        terminal.draw(|frame| ui::render(&app, frame)).unwrap();
        let mut down = true;
        group.bench_function(label, |b| {
            b.iter(|| {
                // Down then up, so the selection never sticks at an end.
                let step = if down { Movement::Down } else { Movement::Up };
                down = !down;
                app.update(Action::Move(step));
                terminal.draw(|frame| ui::render(&app, frame)).unwrap();
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(2)).warm_up_time(std::time::Duration::from_millis(500));
    targets = frames, movement
}
criterion_main!(benches);
