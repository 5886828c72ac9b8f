//! Running the explorer: opening it on the dataset the options name (at once, or behind a
//! loading screen), the session that owns the terminal, and the loop that hands events to
//! the app and its effects to the world. The only part of the program that joins the app,
//! the terminal and the threads; the app knows nothing of them.

mod event_loop;
mod session;
mod startup;

pub use crate::exit::Failure;
pub use event_loop::{LoopEvent, Stop, drive};
pub use session::{Loading, Start, run};
pub use startup::{build_app, selected_record, start_with_file};
