//! oic-explorer: a terminal explorer of Kazakhstan's relations with the Organization of the
//! Islamic Conference.

pub mod action;
pub mod app;
pub mod chrome;
pub mod cli;
pub mod commands;
pub mod config;
pub mod data;
pub mod exit;
pub mod export;
pub mod format;
pub mod overlay;
pub mod plural;
pub mod run;
pub mod search;
pub mod synthetic;
pub mod tabs;
pub mod terminal;
