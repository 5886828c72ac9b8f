//! Where the config file is: the one `--config` names, else the platform's usual place
//! (`$XDG_CONFIG_HOME/oic-explorer/config.toml`, `~/.config/oic-explorer/config.toml` when
//! that is unset, through `etcetera`; `%APPDATA%\oic-explorer\config.toml` on Windows), or
//! none with `--no-config`. Finds the path only; reading it is [`super::Config::load`]'s.

use std::path::PathBuf;

use etcetera::BaseStrategy;

/// The folder under the platform's config folder, and the file in it.
const FOLDER: &str = "oic-explorer";
const FILE: &str = "config.toml";

/// The config file the options point at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigPath {
    /// `--no-config`: none.
    Ignored,
    /// Named by `--config`: it must be there.
    Given(PathBuf),
    /// The usual place: used when it is there, the built-in settings when it is not.
    Usual(PathBuf),
    /// No usual place: the home folder cannot be found.
    Nowhere,
}

impl ConfigPath {
    /// The config file for `--config` (`given`) and `--no-config` (`ignored`).
    pub fn choose(given: Option<&std::path::Path>, ignored: bool) -> Self {
        match (given, ignored) {
            (_, true) => Self::Ignored,
            (Some(path), false) => Self::Given(path.to_path_buf()),
            (None, false) => usual_path().map_or(Self::Nowhere, Self::Usual),
        }
    }

    /// The path, when there is one.
    pub fn path(&self) -> Option<&std::path::Path> {
        match self {
            Self::Given(path) | Self::Usual(path) => Some(path),
            Self::Ignored | Self::Nowhere => None,
        }
    }
}

/// The usual place of the config file on this platform, if the home folder can be found.
pub fn usual_path() -> Option<PathBuf> {
    let strategy = etcetera::choose_base_strategy().ok()?;
    Some(strategy.config_dir().join(FOLDER).join(FILE))
}
