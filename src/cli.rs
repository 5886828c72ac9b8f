//! The command line.

use clap::Parser;

/// Explore Kazakhstan's relations with the Organization of the Islamic Conference (OIC) in the
/// terminal: the events Kazakhstan took part in, the IDB projects it received, the initiatives
/// it put forward, and the people, states and bodies involved. Every record cites its source
/// paragraph and quotes it.
#[derive(Debug, Parser)]
#[command(name = "oic-explorer", version, about, long_about = None)]
#[command(after_help = "Keys: 1-4 tabs, j/k move, / search, ? help, q quit.")]
pub struct Cli {}
