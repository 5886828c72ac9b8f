//! A frame: each tab (the Map tab too), the search overlay and the help overlay, drawn into a
//! `TestBackend` at 80x24 and 250x80, for the embedded data and 1k, 100k and 1M records; and
//! one `j` at each scale, key to finished frame; `o` (a new order) at each scale, and opening
//! the app.

mod support;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use oic_explorer::{Action, Movement, render};
use ratatui::{Terminal, backend::TestBackend};

fn frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    for (label, records) in support::scales() {
        for (width, height) in [(80u16, 24u16), (250, 80)] {
            let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
            let views: [(&str, Vec<Action>); 9] = [
                ("timeline", vec![]),
                (
                    "funding",
                    vec![Action::SelectTab(oic_explorer::Tab::Funding)],
                ),
                (
                    "initiatives",
                    vec![Action::SelectTab(oic_explorer::Tab::Initiatives)],
                ),
                (
                    "participants",
                    vec![Action::SelectTab(oic_explorer::Tab::Participants)],
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
                // The places were gathered when the tab was made: a frame only draws them.
                ("map", vec![Action::SelectTab(oic_explorer::Tab::Map)]),
                (
                    "timeline by place, one kind",
                    vec![
                        Action::CycleSort,
                        Action::CycleSort,
                        Action::StepKind { forward: true },
                    ],
                ),
                (
                    "participants by name",
                    vec![
                        Action::SelectTab(oic_explorer::Tab::Participants),
                        Action::CycleSort,
                        Action::CycleSort,
                    ],
                ),
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
                        terminal.draw(|frame| render(&app, frame)).unwrap();
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
        terminal.draw(|frame| render(&app, frame)).unwrap();
        let mut down = true;
        group.bench_function(label, |b| {
            b.iter(|| {
                // Down then up, so the selection never sticks at an end.
                let step = if down { Movement::Down } else { Movement::Up };
                down = !down;
                app.update(Action::Move(step));
                terminal.draw(|frame| render(&app, frame)).unwrap();
            })
        });
    }
    group.finish();
}

/// `o` on the Timeline, key to finished frame: the rows sorted afresh (by kind, by place,
/// by date again), and the app opened on the catalog (each tab works out its columns).
fn reshaping(c: &mut Criterion) {
    let mut group = c.benchmark_group("key o to frame");
    for (label, records) in support::scales() {
        let mut app = support::app(records, 80, 24);
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        group.bench_function(label, |b| {
            b.iter(|| {
                app.update(Action::CycleSort);
                terminal.draw(|frame| render(&app, frame)).unwrap();
            })
        });
    }
    group.finish();
    let mut group = c.benchmark_group("open the app");
    for (label, records) in support::scales() {
        let catalog = support::catalog(records);
        group.bench_function(label, |b| {
            b.iter(|| {
                oic_explorer::App::new(
                    std::sync::Arc::clone(&catalog),
                    ratatui::layout::Size::new(80, 24),
                )
            })
        });
    }
    group.finish();
}

/// The source view of a record whose paragraph is 20 MB long (hostile or careless data): one
/// `j`, key to finished frame.
fn huge_paragraph(c: &mut Criterion) {
    let paragraph = "Kazakhstan joined the OIC. ".repeat(20_000_000 / 27);
    let source = format!("Kazakhstan joined the OIC.\n\n{paragraph}\n");
    let json = r#"{"title": "t", "events": [{"id": "e1", "title": "E", "kind": "summit",
        "summary": "s", "sources": [{"paragraph": 1, "quote": "Kazakhstan joined the OIC."},
        {"paragraph": 2, "quote": "Kazakhstan joined the OIC."}]}]}"#;
    let catalog = oic_explorer::load("huge.json", json, Some(&source)).unwrap();
    let mut app = oic_explorer::App::new(
        std::sync::Arc::new(catalog),
        ratatui::layout::Size::new(120, 40),
    );
    app.update(Action::ToggleSource);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut down = true;
    c.bench_function("key j to frame/source view, 20 MB paragraph", |b| {
        b.iter(|| {
            let step = if down { Movement::Down } else { Movement::Up };
            down = !down;
            app.update(Action::ScrollSource(step));
            terminal.draw(|frame| render(&app, frame)).unwrap();
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(2)).warm_up_time(std::time::Duration::from_millis(500));
    targets = frames, movement, reshaping, huge_paragraph
}
criterion_main!(benches);
