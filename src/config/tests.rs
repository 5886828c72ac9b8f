//! The config file read as users write it: the default file, every setting, every way a file
//! can be wrong (each with its line and column), and how the file and the command line meet.

use std::path::{Path, PathBuf};

use clap::Parser;

use super::{Config, ConfigError, ConfigPath, default_file};
use crate::{
    action::{Action, Bindings, Mode},
    chrome::theme::ThemeName,
    cli::{Cli, ColorChoice},
    data::Tab,
};

const PATH: &str = "/home/u/.config/oic-explorer/config.toml";

fn parse(text: &str) -> Result<Config, Vec<ConfigError>> {
    Config::parse(Path::new(PATH), text)
}

/// The one error `text` gives: its line, column and message.
fn error(text: &str) -> ((usize, usize), String) {
    let errors = parse(text).expect_err("the file is refused");
    let [error] = &errors[..] else {
        panic!("one error, not {errors:?}");
    };
    assert_eq!(error.path, Path::new(PATH));
    (error.position.expect("a position"), error.message.clone())
}

/// Every error `text` gives, in order: line, column and message.
fn errors(text: &str) -> Vec<((usize, usize), String)> {
    parse(text)
        .expect_err("the file is refused")
        .into_iter()
        .map(|error| (error.position.expect("a position"), error.message))
        .collect()
}

/// The default file with every setting and binding uncommented.
fn uncommented() -> String {
    default_file()
        .lines()
        .map(|line| match line.strip_prefix('#') {
            Some(rest) if rest.starts_with(|c: char| c.is_ascii_lowercase()) => rest,
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_default_file_parses_to_the_defaults() {
    assert_eq!(parse(&default_file()), Ok(Config::default()));
}

#[test]
fn the_default_file_uncommented_parses_to_the_built_in_values() {
    let text = uncommented();
    assert!(text.contains("\nquit = [\"q\", \"ctrl-c\"]"), "{text}");
    let config = parse(&text).unwrap_or_else(|error| panic!("{error:?}"));
    assert_eq!(
        config,
        Config {
            theme: Some(ThemeName::Default),
            cite_style: Some(crate::cite::CiteStyle::Plain),
            color: Some(ColorChoice::Auto),
            mouse: Some(true),
            tab: Some(Tab::Timeline),
            ..Config::default()
        }
    );
    assert_eq!(*config.bindings, Bindings::default());
}

#[test]
fn every_action_is_in_the_default_file() {
    let text = default_file();
    for named in Bindings::default().names() {
        let name = named.command.name();
        assert!(text.contains(&format!("\n#{name} = ")), "{name} is missing");
    }
}

#[test]
fn each_setting_is_read() {
    let config = parse(
        "theme = \"dark\"\ncite_style = \"csl-json\"\ncolor = \"never\"\nmouse = false\ntab = \"funding\"\n\
         data = \"d/dataset.json\"\nsource = \"/srv/source.txt\"\n\n[keys]\nquit = \"x\"\n\
         open_search = [\"/\", \"ctrl-k\"]\n",
    )
    .unwrap_or_else(|error| panic!("{error:?}"));
    assert_eq!(config.theme, Some(ThemeName::Dark));
    assert_eq!(config.cite_style, Some(crate::cite::CiteStyle::CslJson));
    assert_eq!(config.color, Some(ColorChoice::Never));
    assert_eq!(config.mouse, Some(false));
    assert_eq!(config.tab, Some(Tab::Funding));
    // A relative path is read from the file's folder.
    assert_eq!(
        config.data,
        Some(PathBuf::from("/home/u/.config/oic-explorer/d/dataset.json"))
    );
    assert_eq!(config.source, Some(PathBuf::from("/srv/source.txt")));
    let key = |c| {
        ratatui::crossterm::event::KeyEvent::new(
            ratatui::crossterm::event::KeyCode::Char(c),
            ratatui::crossterm::event::KeyModifiers::NONE,
        )
    };
    assert_eq!(
        config.bindings.action_for_key(key('x'), Mode::Browse),
        Some(Action::Quit)
    );
    assert_eq!(config.bindings.action_for_key(key('q'), Mode::Browse), None);
}

#[test]
fn a_syntax_error_says_where() {
    let ((line, column), message) = error("theme = \"dark\"\nmouse = \n");
    assert_eq!((line, column), (2, 9), "{message}");
}

#[test]
fn a_wrong_type_or_value_says_what_was_expected() {
    let (position, message) = error("theme = \"dark\"\nmouse = 3\n");
    assert_eq!(position, (2, 9));
    assert!(message.contains("expected a boolean"), "{message}");
    let (position, message) = error("theme = \"purple\"\n");
    assert_eq!(position, (1, 9));
    assert!(message.contains("`mono`"), "{message}");
    let (position, message) = error("[keys]\nquit = 5\n");
    assert_eq!(position, (2, 8));
    assert!(message.contains("a list of them"), "{message}");
}

#[test]
fn an_unknown_setting_names_the_nearest() {
    let (position, message) = error("\n  colour = \"never\"\n");
    assert_eq!(position, (2, 3));
    assert!(message.contains("did you mean `color`?"), "{message}");
}

#[test]
fn an_unknown_action_names_the_nearest() {
    let (position, message) = error("[keys]\nquit = \"q\"\nmove_dwon = \"e\"\n");
    assert_eq!(position, (3, 1));
    assert!(message.contains("did you mean `move_down`?"), "{message}");
}

#[test]
fn a_bad_key_says_where_in_the_list() {
    let (position, message) = error("[keys]\nmove_down = [\"e\", \"hyper-x\"]\n");
    assert_eq!(position, (2, 19));
    assert!(message.contains("is not a key"), "{message}");
    let (position, _) = error("[keys]\nmove_down = []\n");
    assert_eq!(position, (2, 13));
}

#[test]
fn a_collision_names_both_actions() {
    let (position, message) = error("[keys]\nopen_search = \"s\"\n");
    assert_eq!(position, (2, 15));
    assert!(
        message.contains("open_search") && message.contains("show_in_source"),
        "{message}"
    );
    // Moving show_in_source out of the way makes it sound.
    assert!(parse("[keys]\nopen_search = \"s\"\nshow_in_source = \"ctrl-s\"\n").is_ok());
}

/// A file with a mistake in each of several settings and actions says every one, in file
/// order, each where it is: fixing one never uncovers the next.
#[test]
fn every_mistake_is_said_at_once() {
    let text = "theme = \"darc\"\ncolour = \"never\"\nmouse = 3\n\n[keys]\nmove_dwon = \"e\"\nquit = [\"q\", \"hyper-x\"]\nopen_search = []\n";
    let said = errors(text);
    let positions: Vec<(usize, usize)> = said.iter().map(|(at, _)| *at).collect();
    assert_eq!(
        positions,
        [(1, 9), (2, 1), (3, 9), (6, 1), (7, 14), (8, 15)],
        "{said:?}"
    );
    let messages: Vec<&str> = said.iter().map(|(_, message)| message.as_str()).collect();
    assert!(messages[0].contains("did you mean `dark`?"), "{messages:?}");
    assert!(
        messages[1].contains("did you mean `color`?"),
        "{messages:?}"
    );
    assert!(messages[2].contains("expected a boolean"), "{messages:?}");
    assert!(
        messages[3].contains("did you mean `move_down`?"),
        "{messages:?}"
    );
    assert!(messages[4].contains("is not a key"), "{messages:?}");
    assert!(
        messages[5].contains("needs at least one key"),
        "{messages:?}"
    );
}

/// In `[keys]` too: an entry of the wrong type hides no other, and a name no action has is
/// said as such whatever its value, in a table or an inline table.
#[test]
fn every_mistake_in_the_keys_is_said() {
    let said = errors("[keys]\nquit = \"zz\"\nmove_down = true\nmove_up = \"yy\"\nnope = 1\n");
    let positions: Vec<(usize, usize)> = said.iter().map(|(at, _)| *at).collect();
    assert_eq!(positions, [(2, 8), (3, 13), (4, 11), (5, 1)], "{said:?}");
    assert!(said[1].1.contains("invalid type: boolean"), "{said:?}");
    assert!(said[3].1.contains("no action is called `nope`"), "{said:?}");
    let said = errors("keys = {quit = 5, move_up = \"zz\", nope = 1}\n");
    assert_eq!(said.len(), 3, "{said:?}");
    let (_, message) = error("keys = \"q\"\n");
    assert!(
        message.contains("write `[keys]` on a line of its own"),
        "{message}"
    );
    let (position, message) = error("[keys]\nquit = \"q\"\nquit = \"x\"\n");
    assert_eq!(position, (3, 1));
    assert!(message.contains("`quit` is given twice"), "{message}");
}

/// A byte order mark at the start of the file is not a column of its first line.
#[test]
fn a_byte_order_mark_moves_no_column() {
    let folder = tempfile::tempdir().expect("a folder");
    let file = folder.path().join("config.toml");
    std::fs::write(&file, "\u{feff}bogus = 1\ntheme = \"pink\"\n").expect("written");
    let errors = Config::load(&ConfigPath::Given(file)).expect_err("refused");
    let positions: Vec<_> = errors.iter().map(|error| error.position).collect();
    assert_eq!(positions, [Some((1, 1)), Some((2, 9))], "{errors:?}");
}

/// The first syntax error in the file is said alone: what follows one may not read as it was
/// meant (an unclosed string makes every later line look like a duplicate), and nothing past
/// it is judged as a setting.
#[test]
fn the_first_syntax_error_is_said_alone() {
    let said = errors("theme = \nmouse = tru\ncolour = \"x\"\n");
    assert_eq!(said.len(), 1, "{said:?}");
    assert_eq!(said[0].0, (1, 9), "{said:?}");
    // Found out of order by the parser, the first in the file is the one said.
    let said = errors("theme = \"dark\"\ntheme = \"light\"\n[keys\n");
    assert_eq!(said.len(), 1, "{said:?}");
    assert_eq!(said[0].0.0, 2, "{said:?}");
    // An unclosed string: one error, not a duplicate for every line after it.
    let said = errors("theme = \"dark\nmouse = true\ncolor = \"never\"\n");
    assert_eq!(said.len(), 1, "{said:?}");
    assert_eq!(said[0].0.0, 1, "{said:?}");
}

/// A file of many mistakes is told in time linear in its size: each place is found from an
/// index of line starts, not by reading the text again.
#[test]
fn many_mistakes_are_placed_without_rereading_the_file() {
    let text: String = (0..30_000).map(|n| format!("setting_{n} = 1\n")).collect();
    let said = errors(&text);
    assert_eq!(said.len(), 30_000);
    assert_eq!(said[29_999].0, (30_000, 1));
}

fn cli(args: &[&str]) -> Cli {
    Cli::try_parse_from(std::iter::once("oic-explorer").chain(args.iter().copied()))
        .expect("the command line parses")
}

#[test]
fn the_command_line_overrides_the_file_and_the_file_the_defaults() {
    let config = parse(
        "theme = \"light\"\ncolor = \"always\"\nmouse = false\ntab = \"participants\"\n\
         data = \"/d.json\"\nsource = \"/s.txt\"\n",
    )
    .expect("a sound file");
    let mut plain = cli(&[]);
    config.fill_in(&mut plain, true);
    assert_eq!(plain.theme(), ThemeName::Light);
    assert_eq!(plain.color(), ColorChoice::Always);
    assert!(!plain.mouse());
    assert_eq!(plain.tab, Some(Tab::Participants));
    assert_eq!(plain.data.as_deref(), Some(Path::new("/d.json")));
    assert_eq!(plain.source.as_deref(), Some(Path::new("/s.txt")));

    let mut given = cli(&[
        "--theme", "mono", "--color", "never", "--mouse", "--tab", "funding",
    ]);
    config.fill_in(&mut given, true);
    assert_eq!(given.theme(), ThemeName::Mono);
    assert_eq!(given.color(), ColorChoice::Never);
    assert!(given.mouse());
    assert_eq!(given.tab, Some(Tab::Funding));

    // The dataset and its source go together: either on the command line sets both aside.
    let mut data = cli(&["--data", "/other.json"]);
    config.fill_in(&mut data, true);
    assert_eq!(data.source, None);
    // A record to select says where to open; plain output is never narrowed by the file.
    let mut select = cli(&["--select", "ev-1995-membership"]);
    config.fill_in(&mut select, true);
    assert_eq!(select.tab, None);
    let mut plain_output = cli(&["--plain"]);
    config.fill_in(&mut plain_output, false);
    assert_eq!(plain_output.tab, None);

    let mut defaults = cli(&[]);
    Config::default().fill_in(&mut defaults, true);
    assert_eq!(
        (defaults.theme(), defaults.color(), defaults.mouse()),
        (ThemeName::Default, ColorChoice::Auto, true)
    );
}

#[test]
fn the_options_choose_the_file() {
    assert_eq!(ConfigPath::choose(None, true), ConfigPath::Ignored);
    let given = Path::new("/etc/oic.toml");
    assert_eq!(
        ConfigPath::choose(Some(given), false),
        ConfigPath::Given(given.to_path_buf())
    );
    assert!(matches!(
        ConfigPath::choose(None, false),
        ConfigPath::Usual(_) | ConfigPath::Nowhere
    ));
}

#[test]
fn a_missing_file_is_fine_only_where_it_is_usually_looked_for() {
    let folder = tempfile::tempdir().expect("a folder");
    let missing = folder.path().join("config.toml");
    assert_eq!(
        Config::load(&ConfigPath::Usual(missing.clone())),
        Ok(Config::default())
    );
    let errors = Config::load(&ConfigPath::Given(missing)).expect_err("named, so needed");
    assert!(errors[0].message.contains("cannot read"), "{errors:?}");
    let errors = Config::load(&ConfigPath::Usual(folder.path().to_path_buf()))
        .expect_err("a folder is no file");
    assert!(errors[0].message.contains("a folder"), "{errors:?}");
}

/// Every setting with a fixed set of choices, given a near miss, names its choices and the
/// nearest, in the reader's words rather than serde's.
#[test]
fn a_value_that_is_no_choice_names_the_choices_and_the_nearest() {
    for (text, near) in [
        ("theme = \"darc\"\n", "dark"),
        ("cite_style = \"apaa\"\n", "apa"),
        ("color = \"nevr\"\n", "never"),
        ("tab = \"fundin\"\n", "funding"),
        ("tab = \"fund\"\n", "funding"),
        ("cite_style = \"APA\"\n", "apa"),
        ("theme = \"Dark\"\n", "dark"),
    ] {
        let (position, message) = error(text);
        assert_eq!(position.0, 1, "{message}");
        assert!(
            message.contains(&format!("did you mean `{near}`?")),
            "{text}: {message}"
        );
        assert!(
            message.contains("is not one of the choices here"),
            "{message}"
        );
        assert!(!message.contains("unknown variant"), "{message}");
    }
}

/// A setting that takes one of a few names, given something else (a number, a boolean, a
/// list), names them: not serde's "wanted string or table".
#[test]
fn a_value_of_the_wrong_type_for_a_choice_names_the_choices() {
    for (text, choice) in [
        ("color = 3\n", "`never`"),
        ("color = true\n", "`always`"),
        ("theme = 3\n", "`mono`"),
        ("cite_style = 1.5\n", "`apa`"),
        ("tab = 2\n", "`funding`"),
        ("tab = [\"timeline\"]\n", "`timeline`"),
        ("\n  theme   =  7\n", "`dark`"),
    ] {
        let (_, message) = error(text);
        assert!(message.contains(choice), "{text}: {message}");
        assert!(!message.contains("table"), "{text}: {message}");
    }
}
