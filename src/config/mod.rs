//! The config file: where it is (`locate`), reading it within limits, its settings and key
//! bindings ([`file`]), the commented default ([`default_file`]), and how it fills in what
//! the command line leaves out ([`Config::fill_in`]). Everything here happens before the
//! terminal is touched; a file that cannot be used gives a [`ConfigError`] for each thing
//! wrong in it, saying where.

mod default_file;
mod error;
mod file;
mod locate;
#[cfg(test)]
mod tests;

use std::{path::PathBuf, sync::Arc};

pub use default_file::default_file;
pub use error::{ConfigError, error_lines};
pub use locate::ConfigPath;

use crate::{
    action::Bindings,
    chrome::theme::ThemeName,
    cli::{Cli, ColorChoice, Command},
    data::Tab,
    data::read::{BYTE_ORDER_MARK, ReadRefusal, human_size, read_regular},
};

/// The largest config file read: far more than any config needs, and no more than that is
/// ever read, whatever the path is.
pub const CONFIG_LIMIT: u64 = 1_000_000;

/// What a config file sets; `None` where it is silent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// The palette.
    pub theme: Option<ThemeName>,
    /// The style `y` copies a citation in.
    pub cite_style: Option<crate::cite::CiteStyle>,
    /// When to use colour.
    pub color: Option<ColorChoice>,
    /// Whether the explorer has the mouse.
    pub mouse: Option<bool>,
    /// The tab the explorer opens on.
    pub tab: Option<Tab>,
    /// A dataset to open instead of the embedded one (absolute, or from the current folder).
    pub data: Option<PathBuf>,
    /// The source text to check its quotes against.
    pub source: Option<PathBuf>,
    /// The key bindings: the built-in ones with the file's `[keys]`.
    pub bindings: Arc<Bindings>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            theme: None,
            cite_style: None,
            color: None,
            mouse: None,
            tab: None,
            data: None,
            source: None,
            bindings: Bindings::built_in(),
        }
    }
}

impl Config {
    /// Reads the config file `path` points at: the built-in settings when there is none, or
    /// when the usual one is not there; an error for one `--config` names that is not there,
    /// and for any that cannot be read or used.
    pub fn load(path: &ConfigPath) -> Result<Self, Vec<ConfigError>> {
        let (path, required) = match path {
            ConfigPath::Ignored | ConfigPath::Nowhere => return Ok(Self::default()),
            ConfigPath::Given(path) => (path, true),
            ConfigPath::Usual(path) => (path, false),
        };
        let bytes = match read_regular(path, CONFIG_LIMIT) {
            Ok(bytes) => bytes,
            Err(ReadRefusal::Io(error))
                if error.kind() == std::io::ErrorKind::NotFound && !required =>
            {
                return Ok(Self::default());
            }
            Err(refusal) => return Err(vec![ConfigError::whole(path, refused(&refusal))]),
        };
        // A byte order mark (editors on Windows write one) is no part of the TOML: left in, it
        // would count as a column of the first line.
        let bytes = bytes.strip_prefix(BYTE_ORDER_MARK).unwrap_or(&bytes);
        let text = std::str::from_utf8(bytes).map_err(|error| {
            let valid = String::from_utf8_lossy(&bytes[..error.valid_up_to()]).into_owned();
            vec![ConfigError::at(
                path,
                &valid,
                valid.len(),
                "not UTF-8 text: a config file is TOML, which is UTF-8",
            )]
        })?;
        file::parse(path, text)
    }

    /// Reads `text` as the config file at `path` would be read: the settings, or every
    /// error in them, in file order.
    pub fn parse(path: &std::path::Path, text: &str) -> Result<Self, Vec<ConfigError>> {
        file::parse(path, text)
    }

    /// Fills in what `cli` leaves out with what this file sets: theme, citation style, colour
    /// and mouse;
    /// the dataset and its source unless the command line names either; the tab to open on
    /// when the explorer `opens` and the command line says nowhere to open (a tab narrows
    /// plain output and exports, which the file must not do).
    pub fn fill_in(&self, cli: &mut Cli, opens: bool) {
        cli.theme = cli.theme.or(self.theme);
        cli.cite_style = cli.cite_style.or(self.cite_style);
        cli.color = cli.color.or(self.color);
        if !cli.mouse && !cli.no_mouse && self.mouse == Some(false) {
            cli.no_mouse = true;
        }
        let check_path = matches!(&cli.command, Some(Command::Check { path: Some(_), .. }));
        if cli.data.is_none() && cli.source.is_none() && !check_path {
            cli.data.clone_from(&self.data);
            cli.source.clone_from(&self.source);
        }
        let opens_somewhere = cli.tab.is_some() || cli.select.is_some() || cli.paragraph.is_some();
        if opens && !opens_somewhere {
            cli.tab = self.tab;
        }
    }
}

/// Why a config file was not read, in words for it.
fn refused(refusal: &ReadRefusal) -> String {
    match refusal {
        ReadRefusal::TooLarge { size, limit } => format!(
            "not read: a config file is at most {}{}",
            human_size(*limit),
            size.map(|size| format!(", and this is {}", human_size(size)))
                .unwrap_or_default()
        ),
        ReadRefusal::NotAFile(what) => {
            format!("not read: it is {what}, and a config file must be a regular file")
        }
        ReadRefusal::Io(error) => format!("cannot read the config file: {error}"),
        ReadRefusal::OutOfMemory(_) => refusal.to_string(),
    }
}
