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
use toml::{
    Spanned,
    de::{DeTable, DeValue, ValueDeserializer},
};

use super::{
    Config,
    error::{ConfigError, Lines},
};
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

/// Reads `text`, the config file at `path` (relative paths in it are taken from its folder),
/// or says everything wrong with it, in file order: each setting is read on its own, so one
/// mistake hides no other.
pub fn parse(path: &Path, text: &str) -> Result<Config, Vec<ConfigError>> {
    let lines = Lines::new(text);
    let error_at = |at: usize, message: String| ConfigError::at_line(path, &lines, at, message);
    let (table, syntax) = DeTable::parse_recoverable(text);
    // Past a syntax error the rest of the file may read as something it is not (an unclosed
    // string makes every later line a duplicate): the first is said alone, as a compiler
    // stops at the first that leaves the rest in doubt.
    if let Some(first) = syntax.iter().min_by_key(|error| span_start(error)) {
        let message = match (first.message().trim(), first.span()) {
            // The parser does not say which: the place does.
            ("duplicate key", Some(span)) => format!(
                "{} is given twice: a setting or action is written once",
                said(text.get(span).unwrap_or_default().trim(), '`')
            ),
            (message, _) => explain(message),
        };
        return Err(vec![error_at(span_start(first), message)]);
    }
    let mut entries: Vec<_> = table.into_inner().into_iter().collect();
    entries.sort_by_key(|(name, _)| name.span().start);
    let mut config = Config::default();
    let mut errors = Vec::new();
    let folder = path.parent().unwrap_or(Path::new(""));
    for (name, value) in entries {
        let (name, at) = (name.get_ref().as_ref(), name.span().start);
        let read = match name {
            "theme" => setting(name, value).map(|theme| config.theme = Some(theme)),
            "cite_style" => setting(name, value).map(|style| config.cite_style = Some(style)),
            "color" => setting(name, value).map(|color| config.color = Some(color)),
            "mouse" => setting(name, value).map(|mouse| config.mouse = Some(mouse)),
            "tab" => setting(name, value).map(|tab| config.tab = Some(tab)),
            "data" => {
                setting(name, value).map(|data: PathBuf| config.data = Some(folder.join(data)))
            }
            "source" => setting(name, value)
                .map(|source: PathBuf| config.source = Some(folder.join(source))),
            "keys" => key_lists(value).map(|(keys, wrong)| {
                // The entries that read are checked too (names, keys, clashes among them); the
                // bindings are used only when every entry read.
                errors.extend(
                    wrong
                        .iter()
                        .map(|(at, message)| error_at(*at, message.clone())),
                );
                match remapped(path, text, &keys) {
                    Ok(bindings) if wrong.is_empty() => config.bindings = Arc::new(bindings),
                    Ok(_) => {}
                    Err(mut more) => errors.append(&mut more),
                }
            }),
            _ => Err((at, unknown_setting(name))),
        };
        if let Err((at, message)) = read {
            errors.push(error_at(at, message));
        }
    }
    errors.sort_by_key(|error| error.position);
    if errors.is_empty() {
        Ok(config)
    } else {
        Err(errors)
    }
}

/// Where the `toml` crate's error is, or the file's start when it does not say.
fn span_start(error: &toml::de::Error) -> usize {
    error.span().map_or(0, |span| span.start)
}

/// The value of the setting `name`, read as `T`; or where it is wrong and why, in the
/// reader's words.
fn setting<'i, T: Deserialize<'i>>(
    name: &str,
    value: Spanned<DeValue<'i>>,
) -> Result<T, (usize, String)> {
    let start = value.span().start;
    T::deserialize(ValueDeserializer::from(value)).map_err(|error| {
        let at = error.span().map_or(start, |span| span.start);
        let message =
            wrong_type_of_choice(name, error.message()).unwrap_or_else(|| explain(error.message()));
        (at, message)
    })
}

/// The `[keys]` table's entries, each read on its own so one of the wrong type hides no other:
/// those that read, and where each other is wrong and why. Wrong as a whole when `keys` is no
/// table.
#[allow(clippy::type_complexity)]
fn key_lists(
    value: Spanned<DeValue<'_>>,
) -> Result<
    (
        BTreeMap<Spanned<String>, Spanned<KeyList>>,
        Vec<(usize, String)>,
    ),
    (usize, String),
> {
    let start = value.span().start;
    let DeValue::Table(table) = value.into_inner() else {
        return Err((
            start,
            "`keys` is a table of actions and their keys: write `[keys]` on a line of its own, \
             then a line for each action (`quit = \"q\"`)"
                .to_string(),
        ));
    };
    let built_in = Bindings::built_in();
    let is_action = |name: &str| built_in.names().iter().any(|n| n.command.name() == name);
    let mut keys = BTreeMap::new();
    let mut wrong = Vec::new();
    for (name, list) in table {
        let name = Spanned::new(name.span(), name.get_ref().to_string());
        let span = list.span();
        match setting::<Spanned<KeyList>>("", list) {
            Ok(list) => {
                keys.insert(name, list);
            }
            // What is wrong first with a name no action has is the name: kept with no keys,
            // it is said as every unknown name is.
            Err(_) if !is_action(name.get_ref()) => {
                keys.insert(name, Spanned::new(span, KeyList::Many(Vec::new())));
            }
            Err(error) => wrong.push(error),
        }
    }
    Ok((keys, wrong))
}

/// What to say of a setting the program does not have: the settings, and the nearest.
fn unknown_setting(name: &str) -> String {
    let hint = closest(name, SETTINGS)
        .map(|near| format!("; did you mean `{near}`?"))
        .unwrap_or_default();
    format!(
        "unknown setting {}: the settings are {}{hint}",
        said(name, '`'),
        SETTINGS.join(", ")
    )
}

/// The `toml` crate's message, in the reader's words where it names a value that is none of
/// a setting's choices.
fn explain(message: &str) -> String {
    let message = message.trim();
    unknown_choice(message).unwrap_or_else(|| message.to_string())
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
fn wrong_type_of_choice(setting: &str, message: &str) -> Option<String> {
    if message.contains("unknown variant") || !message.contains("string") {
        return None;
    }
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

/// The built-in bindings with `keys`, the `[keys]` table, applied; or every error in it, each
/// at the name or key it is about. A clash between actions is looked for once every name and
/// key reads.
fn remapped(
    path: &Path,
    text: &str,
    keys: &BTreeMap<Spanned<String>, Spanned<KeyList>>,
) -> Result<Bindings, Vec<ConfigError>> {
    let built_in = Bindings::built_in();
    let names = built_in.names();
    let lines = Lines::new(text);
    let error = |span: Range<usize>, message: String| {
        ConfigError::at_line(path, &lines, span.start, message)
    };
    let mut errors = Vec::new();
    let mut remaps = Vec::new();
    // Where each remap's name and keys are written.
    let mut places: Vec<(Range<usize>, Vec<Range<usize>>)> = Vec::new();
    let mut given: Vec<(&Spanned<String>, &Spanned<KeyList>)> = keys.iter().collect();
    // In the file's order, so that of two clashes the first in the file is the one said.
    given.sort_by_key(|(name, _)| name.span().start);
    for (name, list) in given {
        let command = names.iter().map(|named| named.command);
        let Some(command) = command
            .clone()
            .find(|command| command.name() == name.get_ref())
        else {
            let hint = closest(name.get_ref(), command.map(Command::name))
                .map(|near| format!("; did you mean `{near}`?"))
                .unwrap_or_default();
            errors.push(error(
                name.span(),
                format!(
                    "no action is called {} (`oic-explorer config --default` lists them){hint}",
                    said(name.get_ref(), '`')
                ),
            ));
            continue;
        };
        let written: Vec<(String, Range<usize>)> = match list.get_ref() {
            KeyList::One(key) => vec![(key.clone(), list.span())],
            KeyList::Many(keys) => keys
                .iter()
                .map(|key| (key.get_ref().clone(), key.span()))
                .collect(),
        };
        if written.is_empty() {
            errors.push(error(
                list.span(),
                format!("`{}` needs at least one key", name.get_ref()),
            ));
            continue;
        }
        let mut specs = Vec::new();
        for (key, span) in &written {
            match Key::parse(key) {
                Ok(spec) => specs.push(spec),
                Err(why) => errors.push(error(span.clone(), why)),
            }
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
    if !errors.is_empty() {
        return Err(errors);
    }
    built_in.remapped(&remaps).map_err(|remap| {
        let (name, keys) = places.get(remap.remap).cloned().unwrap_or_default();
        let span = keys.get(remap.key).cloned().unwrap_or(name);
        vec![ConfigError::at_line(
            path,
            &lines,
            span.start,
            remap.message,
        )]
    })
}
