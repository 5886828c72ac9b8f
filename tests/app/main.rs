//! The app in-process: one test crate (one link) holding everything that drives the `App`
//! with keys and mouse events on a `TestBackend`, the loader, the search and the embedded
//! dataset. The screens it compares are in `snapshots/`, the inputs proptest once failed on
//! in `*.proptest-regressions` next to each file. A few tests here also run the real binary,
//! where a rule of the app must hold in its output too (asides, ties, large files) or where
//! only a real terminal shows it (a slow load's loading screen, `at_scale`).
//!
//! The real binary's own tests (pty sessions, signals, files, exports) are in
//! `tests/binary/`; both crates share the helpers of `tests/common/`.

#[path = "../common/mod.rs"]
mod common;

mod app_update;
mod asides;
mod at_scale;
mod citing;
mod config_screens;
mod data_integrity;
mod exploring;
mod exporting;
mod fuzz_loader;
mod hostile_screens;
mod large_files;
mod load_messages;
mod many_spellings;
mod map_tab;
mod narrowing;
mod palette;
mod random_use;
mod reader_queries;
mod readme;
mod search_quality;
mod snapshots;
mod ties;
mod working_lists;
