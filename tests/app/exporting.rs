//! The export prompt (`e`): the rows a list shows, in its order, written through the same code
//! as `export -o` (the files compared byte for byte), the format cycled and remembered, a file
//! that is there replaced only on a second Enter, Tab completing names in a real folder, errors
//! in the user's words, and the prompt's screens.

use std::{fs, path::Path};

use crate::common::{self, app, draw, press, press_with, screen_text, type_text};
use oic_explorer::{App, ExportFormat, ExportStatus, Mode, Tab};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

/// Does the file work the app asked for (a completion, an export), as the run loop would.
fn do_file_work(app: &mut App) {
    while let Some(work) = app.take_file_work() {
        app.receive_file_answer(work.run());
    }
}

/// Opens the prompt, picks `format` with Ctrl-f and types `path` over the default one.
fn prompt_for(app: &mut App, format: ExportFormat, path: &Path) {
    press(app, KeyCode::Char('e'));
    assert_eq!(app.mode(), Mode::Export);
    for _ in 0..4 {
        if app.export_prompt().map(|prompt| prompt.format()) == Some(format) {
            break;
        }
        press_with(app, KeyCode::Char('f'), KeyModifiers::CONTROL);
    }
    assert_eq!(app.export_prompt().map(|p| p.format()), Some(format));
    press_with(app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    type_text(app, &path.display().to_string());
}

fn format_name(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Json => "json",
        ExportFormat::Csv => "csv",
        ExportFormat::Tsv => "tsv",
        ExportFormat::Markdown => "markdown",
    }
}

#[test]
fn the_written_files_are_what_export_writes_for_the_same_view() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    // The Timeline narrowed to a kind, and the Funding rows largest first.
    let views: [(char, &[char], &[&str]); 2] = [
        ('1', &['f', 'f'], &["--tab", "timeline", "--kind"]),
        ('2', &['o'], &["--tab", "funding", "--sort", "largest"]),
    ];
    for (tab, keys, args) in views {
        for format in ExportFormat::CYCLE {
            let mut app = app(80, 24);
            press(&mut app, KeyCode::Char(tab));
            for &key in keys {
                press(&mut app, KeyCode::Char(key));
            }
            let mut args: Vec<String> = args.iter().map(|arg| arg.to_string()).collect();
            if let Some(kind) = app.row_options().kind_filter {
                args.push(kind.name().to_string());
            }
            let shown = app.view(app.tab()).rows.len();
            assert!(shown > 1, "{args:?}: a list of several rows");
            let ours = folder
                .path()
                .join(format!("ours-{tab}.{}", format.extension()));
            prompt_for(&mut app, format, &ours);
            press(&mut app, KeyCode::Enter);
            assert_eq!(
                app.export_prompt().map(|prompt| prompt.status().clone()),
                Some(ExportStatus::Writing)
            );
            do_file_work(&mut app);
            let message = app.message().unwrap_or_default().to_string();
            assert!(message.starts_with(&format!("Wrote {shown} ")), "{message}");
            assert!(app.export_prompt().is_none(), "written: the prompt closes");
            let theirs = folder
                .path()
                .join(format!("theirs-{tab}.{}", format.extension()));
            let theirs_arg = theirs.display().to_string();
            let mut command: Vec<&str> = args.iter().map(String::as_str).collect();
            command.extend(["export", "--format", format_name(format), "-o", &theirs_arg]);
            let run = common::run(&command);
            assert!(run.status.success(), "{command:?}: {}", run.stderr);
            let (ours, theirs) = (fs::read(&ours), fs::read(&theirs));
            assert_eq!(
                ours.expect("ours written"),
                theirs.expect("theirs written"),
                "{command:?}"
            );
        }
    }
}

#[test]
fn the_rows_written_are_the_filtered_list_in_its_order() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('&'));
    type_text(&mut app, "summit");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('O'));
    let view = app.view(Tab::Timeline);
    let ids: Vec<String> = (0..view.rows.len())
        .filter_map(|row| view.rows.get(row))
        .filter_map(|record| app.catalog().get(record).map(|r| r.id().to_string()))
        .collect();
    assert!(ids.len() > 1 && ids.len() < 12, "{ids:?}");
    let path = folder.path().join("summits.csv");
    prompt_for(&mut app, ExportFormat::Csv, &path);
    press(&mut app, KeyCode::Enter);
    do_file_work(&mut app);
    let written = fs::read(&path).expect("written");
    let mut reader = csv::Reader::from_reader(written.as_slice());
    let rows: Vec<String> = reader
        .records()
        .map(|row| row.expect("a row")[0].to_string())
        .collect();
    assert_eq!(rows, ids);
}

#[test]
fn a_file_that_is_there_is_replaced_only_on_a_second_enter() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = folder.path().join("there.csv");
    fs::write(&path, "keep me").expect("written");
    let mut app = app(80, 24);
    prompt_for(&mut app, ExportFormat::Csv, &path);
    press(&mut app, KeyCode::Enter);
    do_file_work(&mut app);
    assert_eq!(fs::read_to_string(&path).expect("read"), "keep me");
    assert_eq!(
        app.export_prompt().map(|prompt| prompt.status().clone()),
        Some(ExportStatus::Exists)
    );
    let screen = screen_text(&app);
    assert!(
        screen.contains("is there: Enter again replaces it"),
        "{screen}"
    );
    // A changed path is another file: asked again.
    type_text(&mut app, "x");
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Enter);
    do_file_work(&mut app);
    assert_eq!(fs::read_to_string(&path).expect("read"), "keep me");
    press(&mut app, KeyCode::Enter);
    do_file_work(&mut app);
    assert_ne!(fs::read_to_string(&path).expect("read"), "keep me");
    let message = app.message().unwrap_or_default();
    assert!(message.starts_with("Wrote 12 events to "), "{message}");
    // Esc leaves the prompt without writing.
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Browse);
    assert!(app.take_file_work().is_none());
}

#[test]
fn tab_completes_names_in_the_paths_folder() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    fs::create_dir(folder.path().join("reports")).expect("a folder");
    fs::write(folder.path().join("timeline-1.csv"), "").expect("a file");
    fs::write(folder.path().join("timeline-2.csv"), "").expect("a file");
    let base = folder.path().display().to_string();
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('e'));
    press_with(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    type_text(&mut app, &format!("{base}/rep"));
    press(&mut app, KeyCode::Tab);
    do_file_work(&mut app);
    let path = || app.export_prompt().map(|prompt| prompt.path().to_string());
    assert_eq!(path(), Some(format!("{base}/reports/")));
    press_with(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    type_text(&mut app, &format!("{base}/t"));
    press(&mut app, KeyCode::Tab);
    do_file_work(&mut app);
    let path = app.export_prompt().map(|prompt| prompt.path().to_string());
    assert_eq!(path, Some(format!("{base}/timeline-")));
    let screen = screen_text(&app);
    assert!(
        screen.contains("timeline-1.csv  timeline-2.csv"),
        "the names that fit are listed:\n{screen}"
    );
}

/// More names than the prompt can show: those shown fit, and how many more there are is
/// said, at every width, counting exactly the names left out.
#[test]
fn tab_says_how_many_names_it_does_not_show() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    for n in 0..60 {
        fs::write(
            folder.path().join(format!("report-{n:02}-long-name.csv")),
            "",
        )
        .expect("a file");
    }
    let base = folder.path().display().to_string();
    for width in [60u16, 80, 120, 200] {
        let mut app = app(width, 30);
        press(&mut app, KeyCode::Char('e'));
        press_with(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
        type_text(&mut app, &format!("{base}/r"));
        press(&mut app, KeyCode::Tab);
        do_file_work(&mut app);
        let screen = screen_text(&app);
        let shown = screen.matches("-long-name.csv").count();
        assert!(shown > 0, "{screen}");
        assert!(
            screen.contains(&format!("… {} more", 60 - shown)),
            "{shown} shown at {width}:\n{screen}"
        );
    }
}

#[test]
fn errors_are_said_in_the_prompt_in_the_users_words() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut app = app(120, 40);
    prompt_for(
        &mut app,
        ExportFormat::Csv,
        &folder.path().join("no/such/x.csv"),
    );
    press(&mut app, KeyCode::Enter);
    do_file_work(&mut app);
    let Some(ExportStatus::Failed(why)) = app.export_prompt().map(|p| p.status().clone()) else {
        panic!("not failed");
    };
    assert!(why.contains("there is no folder"), "{why}");
    assert!(screen_text(&app).contains("there is no folder"));
    press_with(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    type_text(&mut app, &folder.path().display().to_string());
    press(&mut app, KeyCode::Enter);
    do_file_work(&mut app);
    let Some(ExportStatus::Failed(why)) = app.export_prompt().map(|p| p.status().clone()) else {
        panic!("not failed");
    };
    assert!(why.contains("it is a folder"), "{why}");
}

#[test]
fn the_format_used_last_is_the_next_prompts_first_and_the_extension_follows_it() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('e'));
    let path = |app: &App| app.export_prompt().map(|p| p.path().to_string());
    assert_eq!(path(&app).as_deref(), Some("oic-explorer-timeline.csv"));
    press_with(&mut app, KeyCode::Char('f'), KeyModifiers::CONTROL);
    assert_eq!(path(&app).as_deref(), Some("oic-explorer-timeline.tsv"));
    press(&mut app, KeyCode::Esc);
    prompt_for(
        &mut app,
        ExportFormat::Markdown,
        &folder.path().join("t.md"),
    );
    press(&mut app, KeyCode::Enter);
    do_file_work(&mut app);
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Char('e'));
    assert_eq!(path(&app).as_deref(), Some("oic-explorer-initiatives.md"));
}

#[test]
fn the_source_tab_has_no_records_to_export() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('5'));
    press(&mut app, KeyCode::Char('e'));
    assert_eq!(app.mode(), Mode::Browse);
    assert!(app.message().unwrap_or_default().contains("not records"));
}

#[test]
fn the_prompt_at_80x24_and_120x40() {
    for (width, height) in [(80, 24), (120, 40)] {
        let mut app = app(width, height);
        press(&mut app, KeyCode::Char('f'));
        press(&mut app, KeyCode::Char('f'));
        press(&mut app, KeyCode::Char('e'));
        insta::assert_snapshot!(
            format!("export_prompt_{width}x{height}"),
            draw(&app).backend()
        );
    }
}

#[test]
fn a_path_with_what_a_terminal_would_act_on_is_shown_escaped() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('e'));
    app.update(oic_explorer::Action::SearchPaste(
        "evil\u{202e}txt.csv".to_string(),
    ));
    let screen = screen_text(&app);
    assert!(!screen.contains('\u{202e}'), "{screen}");
}

#[test]
fn text_the_screen_shows_escaped_is_written_as_loaded_as_export_writes_it() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let data = folder.path().join("hostile.json");
    let text = serde_json::to_string(&common::hostile::dataset()).expect("JSON");
    fs::write(&data, &text).expect("written");
    let catalog = oic_explorer::load("hostile.json", &text, None).expect("valid");
    assert!(
        catalog.shows_changed_text(),
        "the hostile dataset has text shown escaped"
    );
    let mut app = App::new(
        std::sync::Arc::new(catalog),
        ratatui::layout::Size::new(80, 24),
    );
    for format in [ExportFormat::Tsv, ExportFormat::Json] {
        let ours = folder.path().join(format!("ours.{}", format.extension()));
        prompt_for(&mut app, format, &ours);
        press(&mut app, KeyCode::Enter);
        do_file_work(&mut app);
        let theirs = folder.path().join(format!("theirs.{}", format.extension()));
        let (data, theirs_arg) = (data.display().to_string(), theirs.display().to_string());
        let command = [
            "--data",
            &data,
            "--tab",
            "timeline",
            "export",
            "--format",
            format_name(format),
            "-o",
            &theirs_arg,
        ];
        let run = common::run(command);
        assert!(run.status.success(), "{}", run.stderr);
        assert_eq!(
            fs::read(&ours).expect("ours written"),
            fs::read(&theirs).expect("theirs written"),
            "{format:?}"
        );
    }
}

#[test]
fn a_path_typed_with_a_formats_extension_takes_that_format() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut app = app(80, 24);
    prompt_for(
        &mut app,
        ExportFormat::Json,
        &folder.path().join("people.CSV"),
    );
    assert_eq!(
        app.export_prompt().map(|p| p.format()),
        Some(ExportFormat::Csv),
        "the name says CSV"
    );
    press(&mut app, KeyCode::Enter);
    do_file_work(&mut app);
    let written = std::fs::read_to_string(folder.path().join("people.CSV")).expect("written");
    assert!(
        !written.trim_start().starts_with('{'),
        "not JSON: {written}"
    );
    assert!(
        written.lines().next().unwrap_or_default().contains(','),
        "{written}"
    );
    // A name without a format's extension keeps the format chosen.
    prompt_for(
        &mut app,
        ExportFormat::Tsv,
        &folder.path().join("notes.txt"),
    );
    assert_eq!(
        app.export_prompt().map(|p| p.format()),
        Some(ExportFormat::Tsv)
    );
}
