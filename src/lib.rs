//! oic-explorer: a terminal explorer of Kazakhstan's relations with the Organization of the
//! Islamic Conference.

pub mod action;
pub mod app;
pub mod chrome;
pub mod cli;
pub mod commands;
pub mod data;
pub mod event_loop;
pub mod explorer;
pub mod export;
pub mod format;
pub mod keys;
pub mod search;
pub mod startup;
pub mod synthetic;
pub mod terminal;
pub mod ui;
