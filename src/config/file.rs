//! A config file's text read into [`Config`]: TOML through `toml` and serde, every setting
//! checked for its type and values, unknown settings and action names refused (with the
//! nearest known one), each key read and the remapped table built, each error at the line and
//! column the `toml` crate's spans give. It must not touch the file system.

use std::{
    collections::BTreeMap,
    fmt,
    ops::Range,
    path::{Path, PathBuf},
    sync::Arc,
};

use serde::{
    Deserialize, Deserializer,
    de::{self, SeqAccess, Visitor},
};
use toml::Spanned;

use super::{Config, error::ConfigError};
use crate::quoted::said;
use crate::{
    action::{
        Bindings, Command,
        bindings::{Key, Remap},
    },
    chrome::theme::ThemeName,
    cli::ColorChoice,
    data::Tab,
    nearest::closest,
};

/// The settings a file may have, as TOML writes them.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSettings {
    theme: Option<ThemeName>,
    cite_style: Option<crate::cite::CiteStyle>,
    color: Option<ColorChoice>,
    mouse: Option<bool>,
    tab: Option<Tab>,
    data: Option<PathBuf>,
    source: Option<PathBuf>,
    keys: Option<BTreeMap<Spanned<String>, Spanned<KeyList>>>,
}

/// The settings' names, as the file writes them.
pub const SETTINGS: [&str; 8] = [
    "theme",
    "cite_style",
    "color",
    "mouse",
    "tab",
    "data",
    "source",
    "keys",
];

/// One key (`search = "/"`) or several (`quit = ["q", "ctrl-c"]`), each where it is written.
#[derive(Debug)]
enum KeyList {
    One(String),
    Many(Vec<Spanned<String>>),
}

impl<'de> Deserialize<'de> for KeyList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Keys;
        impl<'de> Visitor<'de> for Keys {
            type Value = KeyList;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key such as \"j\" or \"ctrl-d\", or a list of them")
            }

            fn visit_str<E: de::Error>(self, key: &str) -> Result<KeyList, E> {
                Ok(KeyList::One(key.to_string()))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut keys: A) -> Result<KeyList, A::Error> {
                let mut all = Vec::new();
                while let Some(key) = keys.next_element::<Spanned<String>>()? {
                    all.push(key);
                }
                Ok(KeyList::Many(all))
            }
        }
        deserializer.deserialize_any(Keys)
    }
}

/// Reads `text`, the config file at `path` (relative paths in it are taken from its folder).
pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
    let settings: FileSettings = toml::from_str(text).map_err(|error| {
        let at = error.span().map_or(0, |span| span.start);
        let message = wrong_type_of_choice(text, at, error.message())
            .unwrap_or_else(|| explain(error.message()));
        ConfigError::at(path, text, at, message)
    })?;
    let folder = path.parent().unwrap_or(Path::new(""));
    let bindings = match &settings.keys {
        None => Bindings::built_in(),
        Some(keys) => Arc::new(remapped(path, text, keys)?),
    };
    Ok(Config {
        theme: settings.theme,
        cite_style: settings.cite_style,
        color: settings.color,
        mouse: settings.mouse,
        tab: settings.tab,
        data: settings.data.map(|data| folder.join(data)),
        source: settings.source.map(|source| folder.join(source)),
        bindings,
    })
}

/// The `toml` crate's message, with the nearest setting named when one is unknown.
fn explain(message: &str) -> String {
    let message = message.trim();
    let unknown = message
        .strip_prefix("unknown field `")
        .and_then(|rest| rest.split_once('`'))
        .map(|(name, _)| name);
    match unknown {
        Some(name) => {
            let hint = closest(name, SETTINGS)
                .map(|near| format!("; did you mean `{near}`?"))
                .unwrap_or_default();
            format!(
                "unknown setting {}: the settings are {}{hint}",
                said(name, '`'),
                SETTINGS.join(", ")
            )
        }
        None => unknown_choice(message).unwrap_or_else(|| message.to_string()),
    }
}

/// The settings that take one of a few names, with those names (as `--theme`, `--color`,
/// `--cite-style` and `--tab` take them: one list for the file and the command line).
fn choices_of(setting: &str) -> Option<Vec<String>> {
    fn names<T: clap::ValueEnum>() -> Vec<String> {
        T::value_variants()
            .iter()
            .filter_map(|value| Some(value.to_possible_value()?.get_name().to_string()))
            .collect()
    }
    Some(match setting {
        "theme" => names::<ThemeName>(),
        "cite_style" => names::<crate::cite::CiteStyle>(),
        "color" => names::<ColorChoice>(),
        "tab" => names::<Tab>(),
        _ => return None,
    })
}

/// What to say of a setting that takes one of a few names given something else (a number,
/// a list: `color = 3`), for which serde says "wanted string or table": the names.
fn wrong_type_of_choice(text: &str, at: usize, message: &str) -> Option<String> {
    if message.contains("unknown variant") || !message.contains("string") {
        return None;
    }
    let line_start = text.get(..at)?.rfind('\n').map_or(0, |newline| newline + 1);
    let setting = text.get(line_start..at)?.split('=').next()?.trim();
    let choices = choices_of(setting)?;
    Some(format!(
        "`{setting}` takes one of {}, as a quoted name (`{setting} = \"{}\"`)",
        listed(&choices),
        choices.first()?
    ))
}

/// Names as a message lists them: `` `a`, `b`, `c` ``.
fn listed(names: &[impl AsRef<str>]) -> String {
    names
        .iter()
        .map(|name| format!("`{}`", name.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// serde's words for a value that is none of a setting's choices (``unknown variant `drak`,
/// expected one of `default`, `dark` ``) in the reader's: the choices, and the nearest one.
fn unknown_choice(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown variant `")?;
    let (name, expected) = rest.split_once('`')?;
    // Every other backquoted word after "expected" is a choice.
    let choices: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    if choices.is_empty() {
        return None;
    }
    // Case is a near miss too (`APA` for `apa`), and so is a name's beginning (`fund`).
    let lower = name.to_lowercase();
    let begun = (!lower.is_empty())
        .then(|| {
            choices
                .iter()
                .copied()
                .find(|choice| choice.starts_with(&lower))
        })
        .flatten();
    let hint = begun
        .or_else(|| closest(&lower, choices.iter().copied()))
        .map(|near| format!("; did you mean `{near}`?"))
        .unwrap_or_default();
    Some(format!(
        "{} is not one of the choices here: {}{hint}",
        said(name, '`'),
        listed(&choices)
    ))
}

/// The built-in bindings with `keys`, the `[keys]` table, applied; errors at the name or key
/// they are about.
fn remapped(
    path: &Path,
    text: &str,
    keys: &BTreeMap<Spanned<String>, Spanned<KeyList>>,
) -> Result<Bindings, ConfigError> {
    let built_in = Bindings::built_in();
    let names = built_in.names();
    let mut given: Vec<(&Spanned<String>, &Spanned<KeyList>)> = keys.iter().collect();
    // In the file's order, so the first error is the first in the file.
    given.sort_by_key(|(name, _)| name.span().start);
    let mut remaps = Vec::new();
    // Where each remap's name and keys are written.
    let mut places: Vec<(Range<usize>, Vec<Range<usize>>)> = Vec::new();
    for (name, list) in given {
        let error =
            |span: Range<usize>, message: String| ConfigError::at(path, text, span.start, message);
        let command = names.iter().map(|named| named.command);
        let Some(command) = command
            .clone()
            .find(|command| command.name() == name.get_ref())
        else {
            let hint = closest(name.get_ref(), command.map(Command::name))
                .map(|near| format!("; did you mean `{near}`?"))
                .unwrap_or_default();
            return Err(error(
                name.span(),
                format!(
                    "no action is called {} (`oic-explorer config --default` lists them){hint}",
                    said(name.get_ref(), '`')
                ),
            ));
        };
        let written: Vec<(String, Range<usize>)> = match list.get_ref() {
            KeyList::One(key) => vec![(key.clone(), list.span())],
            KeyList::Many(keys) => keys
                .iter()
                .map(|key| (key.get_ref().clone(), key.span()))
                .collect(),
        };
        if written.is_empty() {
            return Err(error(
                list.span(),
                format!("`{}` needs at least one key", name.get_ref()),
            ));
        }
        let mut specs = Vec::new();
        for (key, span) in &written {
            specs.push(Key::parse(key).map_err(|why| error(span.clone(), why))?);
        }
        remaps.push(Remap {
            command,
            keys: specs,
        });
        places.push((
            name.span(),
            written.into_iter().map(|(_, span)| span).collect(),
        ));
    }
    built_in.remapped(&remaps).map_err(|remap| {
        let (name, keys) = places.get(remap.remap).cloned().unwrap_or_default();
        let span = keys.get(remap.key).cloned().unwrap_or(name);
        ConfigError::at(path, text, span.start, remap.message)
    })
}
