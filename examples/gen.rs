//! Writes a synthetic dataset to stdout: `cargo run --release --example gen -- --records N`;
//! with `--spelled-place NAMES`, the hostile one whose every event is held in one place with
//! NAMES other spellings.

use std::io::{self, BufWriter, Write};

use clap::Parser;

/// Write a valid synthetic dataset (it passes `oic-explorer check`) of about N events, with
/// proportionate initiatives, participants and funding projects, to standard output.
#[derive(Parser)]
struct Options {
    /// About how many timeline events.
    #[arg(long, default_value_t = 1000)]
    records: usize,
    /// The same seed gives the same dataset.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Hold every event in one place and give that place this many other names in one
    /// spelling entry (seed 1): a dataset `check` calls clean that stalls a naive search.
    #[arg(long)]
    spelled_place: Option<usize>,
}

fn main() -> io::Result<()> {
    let options = Options::parse();
    let mut out = BufWriter::with_capacity(1 << 20, io::stdout().lock());
    let written = match options.spelled_place {
        Some(names) => {
            let dataset = oic_explorer::synthetic::spelled_place(options.records, names);
            serde_json::to_writer(&mut out, &dataset).map_err(io::Error::other)
        }
        None => oic_explorer::synthetic::write_json(options.records, options.seed, &mut out),
    };
    match written.and_then(|()| out.flush()) {
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}
