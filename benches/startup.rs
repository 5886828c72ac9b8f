//! Start-up in a real pty: from process start to the first frame of the embedded dataset,
//! and to the loading screen of the largest synthetic file. The binary is the one `cargo
//! bench` builds (optimised like a release build).

mod support;

use std::{
    io::Read,
    sync::mpsc,
    thread,
    time::{Duration, Instant},
};

use criterion::{Criterion, criterion_group, criterion_main};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const BINARY: &str = env!("CARGO_BIN_EXE_oic-explorer");

/// Starts the binary with `args` in a 120x40 pty; the time until its output holds `needle`.
fn time_to(args: &[&str], needle: &str) -> Duration {
    time_program_to(BINARY, args, needle)
}

/// Whether `program` can be started here (a peer measured beside the explorer).
fn installed(program: &str) -> bool {
    std::process::Command::new(program)
        .arg("--version")
        .output()
        .is_ok()
}

/// Starts `program` with `args` in a 120x40 pty; the time until its output holds `needle`.
fn time_program_to(program: &str, args: &[&str], needle: &str) -> Duration {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut command = CommandBuilder::new(program);
    command.args(args);
    command.env("TERM", "xterm-256color");
    let started = Instant::now();
    let mut child = pair.slave.spawn_command(command).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let (found, seen) = mpsc::channel();
    let needle = needle.as_bytes().to_vec();
    thread::spawn(move || {
        let mut output = Vec::new();
        let mut buffer = [0u8; 65536];
        let mut told = false;
        while let Ok(n) = reader.read(&mut buffer) {
            if n == 0 {
                break;
            }
            output.extend_from_slice(&buffer[..n]);
            if !told && output.windows(needle.len()).any(|w| w == needle.as_slice()) {
                told = found.send(started.elapsed()).is_ok();
            }
        }
    });
    let elapsed = seen.recv_timeout(Duration::from_secs(30)).unwrap();
    child.kill().unwrap();
    let _ = child.wait();
    elapsed
}

fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("start");
    group.bench_function("first frame/embedded", |b| {
        b.iter_custom(|iterations| {
            (0..iterations)
                .map(|_| time_to(&[], "Kazakhstan joins the OIC"))
                .sum()
        })
    });
    // The pager a reader would open the source with: the floor an explorer is held to.
    if installed("less") {
        let source = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/source.txt");
        group.bench_function("first frame/less on the source text", |b| {
            b.iter_custom(|iterations| {
                (0..iterations)
                    .map(|_| time_program_to("less", &[source], "Kazakhstan"))
                    .sum()
            })
        });
    }
    if let Some(&(label, records)) = support::scales().last().filter(|(_, n)| *n >= 100_000) {
        let path = support::dataset_file(records);
        let path = path.to_str().unwrap().to_string();
        group.bench_function(format!("loading screen/{label}"), |b| {
            b.iter_custom(|iterations| {
                (0..iterations)
                    .map(|_| time_to(&["--data", &path], "Loading"))
                    .sum()
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(5)).warm_up_time(std::time::Duration::from_millis(500));
    targets = startup
}
criterion_main!(benches);
