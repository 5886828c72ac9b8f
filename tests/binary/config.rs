//! The config file as the real binary reads it: found under `$XDG_CONFIG_HOME`, named by
//! `--config`, set aside by `--no-config`; a bad one refused before the terminal is touched;
//! its settings and keys in force in a real pty.

use std::{
    fs,
    path::{Path, PathBuf},
    process::Command,
};

use crate::common::{
    Run,
    pty::{PtySession, contains},
    run_with_env,
};

/// A config folder of its own, as `$XDG_CONFIG_HOME`, with `text` as its config file (none
/// for `None`).
struct ConfigHome {
    folder: tempfile::TempDir,
}

impl ConfigHome {
    fn new(text: Option<&str>) -> Self {
        let home = Self {
            folder: tempfile::tempdir().expect("a folder"),
        };
        if let Some(text) = text {
            fs::create_dir_all(home.file().parent().expect("a folder")).expect("made");
            fs::write(home.file(), text).expect("written");
        }
        home
    }

    fn path(&self) -> &Path {
        self.folder.path()
    }

    fn file(&self) -> PathBuf {
        self.path().join("oic-explorer").join("config.toml")
    }

    /// The binary run with `args`, this folder as its config home, no terminal.
    fn run(&self, args: &[&str]) -> Run {
        let home = self.path().to_str().expect("a UTF-8 path");
        run_with_env(args, &[("XDG_CONFIG_HOME", home)])
    }

    /// The binary in a pty of 100×30, this folder as its config home.
    fn spawn(&self, args: &[&str]) -> PtySession {
        let home = self.path().to_str().expect("a UTF-8 path");
        PtySession::start(100, 30, &[("XDG_CONFIG_HOME", home)], args)
    }
}

#[test]
fn config_names_the_file_under_xdg_config_home_and_whether_it_is_there() {
    let home = ConfigHome::new(None);
    let missing = home.run(&["config"]);
    assert!(missing.status.success());
    let out = missing.stdout;
    let first = out.lines().next().unwrap_or_default();
    assert_eq!(Path::new(first), home.file());
    assert!(out.contains("not there"), "{out}");

    let home = ConfigHome::new(Some("theme = \"dark\"\n"));
    let present = home.run(&["config"]);
    assert!(present.status.success());
    assert!(present.stdout.contains("in use"));
}

#[test]
fn config_default_prints_a_file_that_changes_nothing() {
    let home = ConfigHome::new(None);
    let default = home.run(&["config", "--default"]);
    assert!(default.status.success());
    fs::create_dir_all(home.file().parent().unwrap()).unwrap();
    fs::write(home.file(), &default.stdout).unwrap();
    let checked = home.run(&["config"]);
    assert!(checked.status.success(), "{}", checked.stderr);
    // With the file, plain output is byte for byte what it is without one.
    let with = home.run(&["--plain", "--tab", "funding"]);
    let without = home.run(&["--no-config", "--plain", "--tab", "funding"]);
    assert_eq!(with.stdout, without.stdout);
}

#[test]
fn a_bad_file_is_refused_with_where_and_exit_2() {
    let cases = [
        ("theme = \"dark\"\nmouse = \n", ":2:9: "),
        ("mouse = \"yes\"\n", ":1:9: invalid type"),
        ("thme = \"dark\"\n", ":1:1: unknown setting `thme`"),
        (
            "[keys]\nmove_dwon = \"e\"\n",
            ":2:1: no action is called `move_dwon`",
        ),
        (
            "[keys]\nquit = \"hyper-q\"\n",
            ":2:8: \"hyper-q\" is not a key",
        ),
        (
            "[keys]\nopen_search = \"s\"\n",
            ":2:15: s would do both open_search",
        ),
        // Keys no terminal sends, which would leave no way out.
        (
            "[keys]\nquit = \"ctrl-1\"\nsuspend = \"ctrl-0\"\n",
            ":2:8: \"ctrl-1\": a terminal cannot send ctrl-1",
        ),
        (
            "[keys]\nquit = \"ctrl-é\"\n",
            ":2:8: \"ctrl-é\": a terminal cannot send ctrl-é",
        ),
        (
            "[keys]\nquit = \"\\u200B\"\n",
            ":2:8: $'\\U0000200b': an invisible character is no key to press",
        ),
    ];
    for (file, expected) in cases {
        let home = ConfigHome::new(Some(file));
        for args in [&["--plain"][..], &["check"], &["config"]] {
            let refused = home.run(args);
            assert_eq!(refused.status.code(), Some(2), "{file:?} {args:?}");
            let stderr = refused.stderr;
            let shown = format!("{}{expected}", home.file().display());
            assert!(stderr.contains(&shown), "{file:?}: {stderr}");
        }
        // --no-config sets it aside.
        let ignored = home.run(&["--no-config", "--plain"]);
        assert!(ignored.status.success(), "{}", ignored.stderr);
    }
}

/// Every mistake in a file is said in one run, a line each in file order; a file of nothing
/// but mistakes is said up to a cap, then counted.
#[test]
fn every_mistake_is_said_in_one_run() {
    let file = "thme = \"dark\"\nmouse = 3\n\n[keys]\nopen_search = \"s\"\n";
    let home = ConfigHome::new(Some(file));
    for args in [&["--plain"][..], &["check"], &["config"]] {
        let refused = home.run(args);
        assert_eq!(refused.status.code(), Some(2), "{args:?}");
        let path = home.file().display().to_string();
        let lines: Vec<&str> = refused.stderr.lines().collect();
        assert_eq!(lines.len(), 3, "{args:?}: {}", refused.stderr);
        for (line, at) in lines
            .iter()
            .zip([":1:1: unknown setting", ":2:9: ", ":5:15: s would"])
        {
            assert!(
                line.starts_with(&format!("oic-explorer: {path}{at}")),
                "{line}"
            );
        }
    }
    let flood: String = (0..500).map(|n| format!("setting_{n} = 1\n")).collect();
    let home = ConfigHome::new(Some(&flood));
    let refused = home.run(&["--plain"]);
    assert_eq!(refused.status.code(), Some(2));
    let lines: Vec<&str> = refused.stderr.lines().collect();
    assert_eq!(lines.len(), 21, "{}", refused.stderr);
    assert!(
        lines[20].ends_with(": and 480 more mistakes"),
        "{}",
        lines[20]
    );
}

#[test]
fn an_unreadable_path_is_refused_and_never_waited_on() {
    let home = ConfigHome::new(None);
    let fifo = home.path().join("fifo");
    let made = Command::new("mkfifo").arg(&fifo).status();
    let mut paths: Vec<(PathBuf, &str)> = vec![
        (home.path().to_path_buf(), "a folder"),
        (PathBuf::from("/dev/zero"), "a character device"),
        (home.path().join("missing.toml"), "cannot read"),
    ];
    if made.is_ok_and(|status| status.success()) {
        paths.push((fifo, "a pipe"));
    }
    let huge = home.path().join("huge.toml");
    fs::write(&huge, vec![b'#'; 1_000_001]).unwrap();
    paths.push((huge, "at most 1 MB"));
    let bad_utf8 = home.path().join("latin1.toml");
    fs::write(&bad_utf8, b"# caf\xe9\n").unwrap();
    paths.push((bad_utf8, ":1:6: not UTF-8"));
    for (path, expected) in paths {
        let path = path.to_str().unwrap();
        let refused = home.run(&["--config", path, "--plain"]);
        assert_eq!(refused.status.code(), Some(2), "{path}");
        let stderr = refused.stderr;
        assert!(stderr.contains(expected), "{path}: {stderr}");
        assert!(refused.stdout.is_empty());
    }
}

#[test]
fn the_command_line_overrides_the_file() {
    // Plain output is bold on colour; `always` makes it so even into a pipe.
    let home = ConfigHome::new(Some("color = \"always\"\n"));
    let coloured = home.run(&["--plain", "--tab", "funding"]);
    assert!(contains(coloured.stdout.as_bytes(), b"\x1b[1m"));
    let flag = home.run(&["--plain", "--tab", "funding", "--color", "never"]);
    assert!(!contains(flag.stdout.as_bytes(), b"\x1b["));
}

#[test]
fn a_dataset_named_in_the_file_is_opened_from_the_file_s_folder() {
    let home = ConfigHome::new(Some("data = \"mine.json\"\n"));
    let export = home.run(&[
        "--no-config",
        "export",
        "--format",
        "json",
        "--tab",
        "funding",
    ]);
    fs::write(home.file().with_file_name("mine.json"), &export.stdout).unwrap();
    let checked = home.run(&["check"]);
    assert!(checked.status.success(), "{}", checked.stderr);
    let out = checked.stdout;
    assert!(out.contains("mine.json: clean"), "{out}");
}

#[test]
fn a_bad_file_leaves_the_terminal_untouched() {
    let home = ConfigHome::new(Some("[keys]\nquit = \"x\"\nback = \"x\"\n"));
    let mut session = home.spawn(&[]);
    let status = session.wait_for_exit();
    assert_eq!(status.exit_code(), 2);
    let output = session.raw_output();
    assert!(
        !contains(&output, b"\x1b[?1049h"),
        "the alternate screen was entered"
    );
    let shown = String::from_utf8_lossy(&output);
    assert!(
        shown.contains("config.toml:3:8: x would do both"),
        "{shown:?}"
    );
}

#[test]
fn remapped_keys_work_and_the_help_names_them() {
    let home = ConfigHome::new(Some(
        "tab = \"funding\"\n[keys]\nquit = \"x\"\ntoggle_help = [\"f2\", \"esc\"]\n",
    ));
    let mut session = home.spawn(&[]);
    session.wait_for_text("Funding · all 5");
    // The status bar names the new keys; q does nothing now.
    session.wait_for_text("x quit");
    session.send("q");
    session.send("\x1bOQ");
    session.wait_for_text("Tabs");
    // The end of the help, where quitting is.
    session.send("G");
    session.wait_for_text("quit (in the search");
    let screen = session.screen();
    let row = |what: &str| {
        screen
            .lines()
            .find(|line| line.contains(what))
            .unwrap_or_default()
            .to_string()
    };
    assert!(row("this help over").contains("F2 "), "{screen}");
    assert!(!screen.contains("?  F1"), "{screen}");
    assert!(row("quit (in the search").contains(" x "), "{screen}");
    session.send("\x1b");
    session.wait_for("the help to close", |screen| !screen.contains("┌ Keys"));
    session.send("x");
    let status = session.wait_for_exit();
    assert!(status.success());
}

#[test]
fn mouse_false_leaves_the_mouse_to_the_terminal() {
    let reported = |file: Option<&str>, args: &[&str]| {
        let home = ConfigHome::new(file);
        let mut session = home.spawn(args);
        session.wait_for_text("Timeline");
        session.send("q");
        session.wait_for_exit();
        contains(&session.raw_output(), b"\x1b[?1000h")
    };
    assert!(reported(None, &[]));
    assert!(!reported(Some("mouse = false\n"), &[]));
    assert!(reported(Some("mouse = false\n"), &["--mouse"]));
    assert!(!reported(None, &["--no-mouse"]));
}
