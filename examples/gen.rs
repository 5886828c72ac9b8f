//! Writes a synthetic dataset to stdout: `cargo run --release --example gen -- --records N`.

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
}

fn main() -> io::Result<()> {
    let options = Options::parse();
    let mut out = BufWriter::with_capacity(1 << 20, io::stdout().lock());
    match oic_explorer::synthetic::write_json(options.records, options.seed, &mut out)
        .and_then(|()| out.flush())
    {
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}
