//! The real binary: one test crate (one link) holding every test that runs
//! `oic-explorer` as a user would, in a real pseudo-terminal or with its output piped. Keys
//! in and screens out, signals and a terminal that goes away, hostile data and files that
//! never end, the config file, `check`, `export --output`, plain and TSV output, each
//! checked by exit status, what was written and the terminal's state afterwards.
//!
//! The app's own tests, in-process on a `TestBackend`, are in `tests/app/`; both crates
//! share the helpers of `tests/common/`.

#[path = "../common/mod.rs"]
mod common;

mod bring_your_own;
mod config;
mod export_output;
mod hostile_output;
mod plain_output;
mod select_in_tab;
mod sessions;
mod signals;
mod source_coverage;
mod terminal_attacks;
mod tsv;
mod unbounded_input;
