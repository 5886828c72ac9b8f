//! Files that lie about their size or never end: a sparse file of 200 GB, devices, pipes with
//! no writer, pipes of zeros. Each is refused or read within a limit, with a message that says
//! what was refused, and never with the terminal left broken.

use std::{
    fs,
    io::{BufRead, BufReader, Write},
    path::{Path, PathBuf},
    process::{Command, Stdio},
    thread,
    time::{Duration, Instant},
};

use crate::common::{
    Run,
    pty::{BINARY, PtySession},
    run_with_env,
};

/// Colour off, as these messages are read without it.
const NO_COLOR: &[(&str, &str)] = &[("NO_COLOR", "1")];

fn sparse_file(folder: &Path) -> PathBuf {
    let path = folder.join("sparse.json");
    let file = fs::File::create(&path).expect("created");
    file.set_len(200 << 30).expect("a sparse file of 200 GiB");
    path
}

fn make_fifo(folder: &Path, name: &str) -> PathBuf {
    let path = folder.join(name);
    nix::unistd::mkfifo(&path, nix::sys::stat::Mode::S_IRWXU).expect("a fifo");
    path
}

#[test]
fn a_sparse_file_larger_than_the_limit_is_refused_before_reading() {
    let folder = tempfile::tempdir().expect("a folder");
    let sparse = sparse_file(folder.path());
    let sparse = sparse.to_str().expect("a UTF-8 path");
    let Run { status, stderr, .. } = run_with_env(["check", sparse], NO_COLOR);
    assert_eq!(status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("not read: the file is 215 GB, more than the limit of 2 GB")
            && stderr.contains("--max-size"),
        "{stderr}"
    );
    let Run { status, stderr, .. } = run_with_env(["--plain", "--source", sparse], NO_COLOR);
    assert_eq!(status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("more than the limit of 100 MB"), "{stderr}");
}

#[test]
fn a_sparse_data_file_in_the_explorer_fails_before_the_terminal_is_touched() {
    let folder = tempfile::tempdir().expect("a folder");
    let sparse = sparse_file(folder.path());
    for path in [sparse.to_str().expect("UTF-8"), "/dev/zero", "/dev/urandom"] {
        let mut session = PtySession::spawn_with_args(80, 24, &["--data", path]);
        let status = session.wait_for_exit();
        assert_eq!(status.exit_code(), 2, "{path}");
        let output = session.output_text();
        assert!(output.contains("not read:"), "{path}: {output}");
        assert!(
            !output.contains("\x1b[?1049h"),
            "{path}: the alternate screen was never entered"
        );
    }
}

#[test]
fn devices_and_folders_are_refused_by_name() {
    let folder = tempfile::tempdir().expect("a folder");
    let cases = [
        (vec!["check", "/dev/zero"], "it is a character device"),
        (
            vec!["--plain", "--data", "/dev/urandom"],
            "it is a character device",
        ),
        (
            vec!["--plain", "--source", "/dev/zero"],
            "it is a character device",
        ),
        (
            vec!["check", folder.path().to_str().expect("UTF-8")],
            "it is a folder",
        ),
    ];
    for (args, expected) in cases {
        let Run { status, stderr, .. } = run_with_env(&args, NO_COLOR);
        assert_eq!(status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
}

/// Runs the binary with `args` and `--FLAG FIFO` (a pipe named `name` no one writes to yet),
/// checks that its first line on stderr says it waits for that pipe, then writes `text` into
/// the pipe and gives back what the binary printed once it ends.
fn waits_for_a_pipe_then_reads(name: &str, args: &[&str], text: &str) -> std::process::Output {
    let folder = tempfile::tempdir().expect("a folder");
    let fifo = make_fifo(folder.path(), name);
    let mut child = Command::new(BINARY)
        .args(args)
        .arg(&fifo)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts");
    let mut stderr = BufReader::new(child.stderr.take().expect("stderr"));
    let mut line = String::new();
    stderr.read_line(&mut line).expect("a line on stderr");
    assert!(
        line.contains("waiting for data from the pipe") && line.contains(name),
        "{line}"
    );
    let mut writer = fs::OpenOptions::new()
        .write(true)
        .open(&fifo)
        .expect("the writer end");
    writer.write_all(text.as_bytes()).expect("written");
    drop(writer);
    let output = child.wait_with_output().expect("it ends");
    assert!(output.status.success());
    output
}

#[test]
fn a_pipe_with_no_writer_is_said_to_be_waited_on_then_read() {
    let output =
        waits_for_a_pipe_then_reads("dataset.fifo", &["check"], oic_explorer::EMBEDDED_DATASET);
    assert!(String::from_utf8_lossy(&output.stdout).contains("clean"));
}

/// A source text from a pipe with no writer, beside the embedded dataset, is said to be
/// waited on too (read before the terminal is touched, it would look like a hang), then read.
#[test]
fn a_source_pipe_with_no_writer_is_said_to_be_waited_on_then_read() {
    let output = waits_for_a_pipe_then_reads(
        "source.fifo",
        &["--plain", "--tab", "funding", "--source"],
        oic_explorer::EMBEDDED_SOURCE,
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("IDB Program"));
}

#[test]
fn an_endless_pipe_of_zeros_stops_at_once_with_the_error_a_whole_read_gives() {
    let folder = tempfile::tempdir().expect("a folder");
    let fifo = make_fifo(folder.path(), "zeros.fifo");
    let writer_path = fifo.clone();
    let writer = thread::spawn(move || {
        let mut pipe = fs::OpenOptions::new()
            .write(true)
            .open(writer_path)
            .expect("the writer end");
        let zeros = vec![0u8; 1 << 20];
        let mut written = 0u64;
        // Until the reader goes away (EPIPE), or far past any limit.
        while written < 8 << 30 && pipe.write_all(&zeros).is_ok() {
            written += zeros.len() as u64;
        }
        written
    });
    let started = Instant::now();
    let Run { status, stderr, .. } =
        run_with_env(["check", fifo.to_str().expect("UTF-8")], NO_COLOR);
    assert_eq!(status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(":1:1: a value is expected here"),
        "{stderr}"
    );
    let written = writer.join().expect("the writer ends");
    assert!(
        written < 64 << 20,
        "read {written} bytes of zeros before giving up"
    );
    assert!(started.elapsed() < Duration::from_secs(30));
}

#[test]
fn max_size_lowers_and_raises_the_limit() {
    let Run { status, stderr, .. } = run_with_env(
        ["check", "--max-size", "1k", "--data", "assets/dataset.json"],
        NO_COLOR,
    );
    assert_eq!(status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("more than the limit of 1 KB (--max-size raises it)"),
        "{stderr}"
    );
    let Run { status, stderr, .. } = run_with_env(
        ["check", "--max-size", "2M", "--data", "assets/dataset.json"],
        NO_COLOR,
    );
    assert_eq!(status.code(), Some(0), "{stderr}");
    let Run { status, stderr, .. } = run_with_env(["check", "--max-size", "lots"], NO_COLOR);
    assert_eq!(status.code(), Some(2));
    assert!(stderr.contains("not a size"), "{stderr}");
}

#[test]
fn the_largest_limit_and_a_byte_order_mark_read_as_any_file() {
    let folder = tempfile::tempdir().expect("a folder");
    let with_mark = folder.path().join("bom.json");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(oic_explorer::EMBEDDED_DATASET.as_bytes());
    fs::write(&with_mark, bytes).expect("written");
    let path = with_mark.to_str().expect("UTF-8");
    let Run { status, stderr, .. } =
        run_with_env(["check", path, "--source", "assets/source.txt"], NO_COLOR);
    assert_eq!(
        status.code(),
        Some(0),
        "a byte order mark is not text: {stderr}"
    );
    let Run { status, stderr, .. } = run_with_env(
        ["check", "--max-size", "18446744073709551615", path],
        NO_COLOR,
    );
    assert_eq!(
        status.code(),
        Some(0),
        "the largest limit is no limit: {stderr}"
    );
    // A file and a limit that round alike are told apart.
    let just_over = folder.path().join("over.json");
    fs::write(&just_over, vec![b' '; 1_001]).expect("written");
    let Run { stderr, .. } = run_with_env(
        [
            "check",
            "--max-size",
            "1000",
            just_over.to_str().expect("UTF-8"),
        ],
        NO_COLOR,
    );
    assert!(
        stderr.contains("the file is 1001 bytes, more than the limit of 1000 bytes"),
        "{stderr}"
    );
    let array = folder.path().join("array.json");
    fs::write(&array, "[1, 2]").expect("written");
    let Run { status, stderr, .. } =
        run_with_env(["check", array.to_str().expect("UTF-8")], NO_COLOR);
    assert_eq!(status.code(), Some(2));
    assert!(!stderr.contains("at ?"), "{stderr}");
}

#[test]
fn without_a_terminal_to_read_keys_from_it_says_so() {
    use std::os::unix::process::CommandExt;
    let pty = nix::pty::openpty(None, None).expect("a pty");
    let mut command = Command::new(BINARY);
    command
        .stdin(Stdio::null())
        .stdout(Stdio::from(pty.slave.try_clone().expect("fd")))
        .stderr(Stdio::piped());
    // SAFETY: setsid is async-signal-safe; it only detaches the child from this terminal.
    unsafe {
        command.pre_exec(|| {
            nix::unistd::setsid().map_err(std::io::Error::from)?;
            Ok(())
        });
    }
    let output = command.output().expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no terminal to read keys from"), "{stderr}");
}
