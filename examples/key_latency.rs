//! Key to screen in a real pty, paired: `cargo run --release --example key_latency -- --data
//! FILE [--rounds N] [--settle S] BINARY...` starts each binary in turn over FILE (alternating,
//! round after round, so a busy machine slows every binary alike), waits for it to settle,
//! then sends each key and times the answer: `first`, the end of the first frame written after
//! the key (what the reader sees first), and `final`, the end of the last one before the
//! screen goes quiet with nothing still "ordering…". Prints the median and the largest of each
//! per binary and key.

use std::{
    collections::BTreeMap,
    io::{Read, Write},
    path::PathBuf,
    sync::{Arc, Mutex},
    thread,
    time::{Duration, Instant},
};

use clap::Parser;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// Times keys in a pty against one or more builds of the binary.
#[derive(Parser)]
struct Options {
    /// The dataset each binary opens.
    #[arg(long)]
    data: PathBuf,
    /// How many times each binary is started and every key timed.
    #[arg(long, default_value_t = 5)]
    rounds: usize,
    /// Seconds to wait after the first screen before timing (the search index prepares).
    #[arg(long, default_value_t = 8.0)]
    settle: f64,
    /// The binaries, alternated.
    binaries: Vec<PathBuf>,
}

/// Bytes read from the pty, each chunk with when it came.
type Chunks = Arc<Mutex<Vec<(Instant, usize)>>>;

/// A burst of output is one frame: chunks closer than this belong to it.
const FRAME_GAP: Duration = Duration::from_millis(4);
/// The screen is quiet when nothing has been written for this long.
const QUIET: Duration = Duration::from_millis(500);

/// What is sent, named as reported, and the text on screen that says it is answered (the
/// `&` filter's answer comes from the search thread, seconds after the keys at 1M).
const KEYS: &[(&str, &str, &str)] = &[
    ("j", "j", ""),
    ("G", "G", ""),
    ("g", "g", ""),
    ("o", "o", ""),
    ("O", "O", ""),
    ("f", "f", ""),
    ("F", "F", ""),
    ("Tab", "\t", ""),
    ("BackTab", "\x1b[Z", ""),
    ("&su⏎", "&su\r", "“su”"),
    ("Esc", "\x1b", ""),
    // The Funding tab: its projects (27,500 at 1M) under their programmes.
    ("2", "2", ""),
    ("2 o", "o", ""),
    ("2 o o", "o", ""),
    ("2 O", "O", ""),
    ("2 j", "j", ""),
];

struct Session {
    chunks: Chunks,
    screen: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Session {
    fn start(binary: &PathBuf, data: &PathBuf) -> Result<Self, Box<dyn std::error::Error>> {
        let pair = native_pty_system().openpty(PtySize {
            rows: 40,
            cols: 140,
            pixel_width: 0,
            pixel_height: 0,
        })?;
        let mut command = CommandBuilder::new(binary);
        command.arg("--data");
        command.arg(data);
        command.env("TERM", "xterm-256color");
        let child = pair.slave.spawn_command(command)?;
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader()?;
        let chunks: Chunks = Arc::default();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(40, 140, 0)));
        let (thread_chunks, thread_screen) = (Arc::clone(&chunks), Arc::clone(&screen));
        thread::spawn(move || {
            let mut buffer = [0u8; 65536];
            while let Ok(read) = reader.read(&mut buffer) {
                if read == 0 {
                    break;
                }
                let now = Instant::now();
                if let Ok(mut screen) = thread_screen.lock() {
                    screen.process(&buffer[..read]);
                }
                if let Ok(mut chunks) = thread_chunks.lock() {
                    chunks.push((now, read));
                }
            }
        });
        let writer = pair.master.take_writer()?;
        // The master must live as long as the session: keep it on a thread that holds it.
        std::mem::forget(pair.master);
        Ok(Self {
            chunks,
            screen,
            writer,
            child,
        })
    }

    fn contents(&self) -> String {
        self.screen
            .lock()
            .map(|screen| screen.screen().contents())
            .unwrap_or_default()
    }

    fn last_chunk(&self) -> Option<Instant> {
        self.chunks.lock().ok()?.last().map(|&(at, _)| at)
    }

    /// Waits until something past the first `from` chunks was written, then nothing for
    /// [`QUIET`], and nothing is still ordering.
    fn wait_quiet(&self, from: usize, answered: &str, limit: Duration) {
        let started = Instant::now();
        loop {
            thread::sleep(Duration::from_millis(20));
            let written = self.chunks.lock().map_or(0, |chunks| chunks.len()) > from;
            let quiet = written && self.last_chunk().is_none_or(|last| last.elapsed() >= QUIET);
            let contents = self.contents();
            let busy = contents.contains("ordering") || !contents.contains(answered);
            if (quiet && !busy) || started.elapsed() > limit {
                return;
            }
        }
    }

    /// Sends `keys` and returns the end of the first frame and of the last one after them.
    fn time(&mut self, keys: &str, answered: &str) -> Option<(Duration, Duration)> {
        let from = self.chunks.lock().ok()?.len();
        let sent = Instant::now();
        self.writer.write_all(keys.as_bytes()).ok()?;
        self.writer.flush().ok()?;
        self.wait_quiet(from, answered, Duration::from_secs(30));
        let chunks = self.chunks.lock().ok()?;
        let after = chunks.get(from..)?;
        let mut first = None;
        let mut previous: Option<Instant> = None;
        for &(at, _) in after {
            if first.is_none() && previous.is_some_and(|p| at.duration_since(p) > FRAME_GAP) {
                first = previous;
            }
            previous = Some(at);
        }
        let last = previous?;
        let first = first.unwrap_or(last);
        Some((first.duration_since(sent), last.duration_since(sent)))
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut options = Options::parse();
    // The pty looks a bare name up in PATH: give it the binaries' whole paths.
    for binary in &mut options.binaries {
        *binary = std::fs::canonicalize(&*binary)?;
    }
    // (binary, key) → (firsts, finals) in milliseconds.
    let mut timings: BTreeMap<(usize, usize), (Vec<f64>, Vec<f64>)> = BTreeMap::new();
    for round in 0..options.rounds {
        for (b, binary) in options.binaries.iter().enumerate() {
            let mut session = Session::start(binary, &options.data)?;
            let started = Instant::now();
            // The list's title is drawn once the records are in.
            while !session.contents().contains("Timeline ·") {
                if started.elapsed() > Duration::from_secs(60) {
                    return Err("the binary did not show its records within a minute".into());
                }
                thread::sleep(Duration::from_millis(50));
            }
            let shown = started.elapsed();
            thread::sleep(Duration::from_secs_f64(options.settle));
            session.wait_quiet(0, "", Duration::from_secs(20));
            eprintln!("round {round} binary {b}: records shown after {shown:?}");
            for (k, (_, keys, answered)) in KEYS.iter().enumerate() {
                if let Some((first, last)) = session.time(keys, answered) {
                    let entry = timings.entry((b, k)).or_default();
                    entry.0.push(first.as_secs_f64() * 1000.0);
                    entry.1.push(last.as_secs_f64() * 1000.0);
                }
            }
        }
    }
    println!("binary key      first median/max ms   final median/max ms  (n)");
    for ((b, k), (firsts, finals)) in &mut timings {
        println!(
            "{b:>6} {:<8} {:>8.1} {:>8.1}   {:>8.1} {:>8.1}  ({})",
            KEYS[*k].0,
            median(firsts),
            max(firsts),
            median(finals),
            max(finals),
            firsts.len()
        );
    }
    Ok(())
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

fn max(values: &[f64]) -> f64 {
    values.iter().copied().fold(f64::NAN, f64::max)
}
