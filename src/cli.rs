//! The command line.

use clap::{Parser, ValueEnum};

use crate::tab::Tab;

/// Explore Kazakhstan's relations with the Organization of the Islamic Conference (OIC) in the
/// terminal: the events Kazakhstan took part in, the IDB projects it received, the initiatives
/// it put forward, and the people, states and bodies involved. Every record cites its source
/// paragraph and quotes it.
#[derive(Debug, Parser)]
#[command(name = "oic-explorer", version, about, long_about = None)]
#[command(after_help = "Keys: 1-4 tabs, j/k move, l links, / search, s source, ? help, q quit.")]
pub struct Cli {
    /// Open on this tab.
    #[arg(long, value_enum, value_name = "TAB")]
    pub tab: Option<TabName>,
    /// Open with the record of this id selected (in its own tab).
    #[arg(long, value_name = "ID")]
    pub select: Option<String>,
    /// Open with this search done: its first result selected, n/N step through the rest.
    #[arg(long, value_name = "TEXT")]
    pub query: Option<String>,
}

/// A tab as named on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TabName {
    /// Events in date order.
    Timeline,
    /// The IDB programme and its projects.
    Funding,
    /// Initiatives, resolutions and cooperation.
    Initiatives,
    /// People, states, organisations, bodies and groups.
    Participants,
}

impl From<TabName> for Tab {
    fn from(name: TabName) -> Self {
        match name {
            TabName::Timeline => Tab::Timeline,
            TabName::Funding => Tab::Funding,
            TabName::Initiatives => Tab::Initiatives,
            TabName::Participants => Tab::Participants,
        }
    }
}
