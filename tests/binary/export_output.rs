//! `export --output` as careful tools behave: modes kept or taken from the umask, links
//! followed, devices and pipes written rather than replaced, read-only files left alone, a full
//! disk reported, and no temporary file left behind by a signal or a kill.

use std::{
    fs,
    io::Read,
    os::unix::{
        fs::{FileTypeExt, PermissionsExt, symlink},
        process::CommandExt,
    },
    path::{Path, PathBuf},
    process::{Command, Output, Stdio},
    thread,
    time::{Duration, Instant},
};

use crate::common::{pty::BINARY, run};
use nix::{
    sys::{
        signal::{Signal, kill},
        stat::{Mode, umask},
    },
    unistd::Pid,
};

/// Runs an export of the funding tab as CSV to `path`, with `umask` set in the child.
fn export_to(path: &Path, mask: u32) -> Output {
    let mut command = Command::new(BINARY);
    command.args([
        "export",
        "--format",
        "csv",
        "--tab",
        "funding",
        "-o",
        path.to_str().expect("UTF-8"),
    ]);
    // SAFETY: umask is async-signal-safe and touches nothing but the child's own mask.
    unsafe {
        command.pre_exec(move || {
            umask(Mode::from_bits_truncate(mask));
            Ok(())
        });
    }
    command.output().expect("the binary runs")
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).expect("exists").permissions().mode() & 0o7777
}

fn is_export(path: &Path) -> bool {
    fs::read_to_string(path).is_ok_and(|text| text.starts_with("record,id,title"))
}

fn temporaries(folder: &Path) -> Vec<PathBuf> {
    fs::read_dir(folder)
        .expect("a folder")
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| name.starts_with(".oic-explorer-export-"))
        })
        .collect()
}

#[test]
fn a_new_file_takes_the_umasks_mode_and_an_old_one_keeps_its_own() {
    let folder = tempfile::tempdir().expect("a folder");
    let new = folder.path().join("new.csv");
    assert!(export_to(&new, 0o027).status.success());
    assert_eq!(mode(&new), 0o640, "0666 less the umask 027");
    let old = folder.path().join("old.csv");
    fs::write(&old, "old").expect("written");
    fs::set_permissions(&old, fs::Permissions::from_mode(0o604)).expect("chmod");
    assert!(export_to(&old, 0o077).status.success());
    assert_eq!(mode(&old), 0o604, "kept, whatever the umask");
    assert!(is_export(&old));
    assert!(temporaries(folder.path()).is_empty());
}

#[test]
fn a_read_only_file_is_not_replaced() {
    let folder = tempfile::tempdir().expect("a folder");
    let path = folder.path().join("read-only.csv");
    fs::write(&path, "keep me").expect("written");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).expect("chmod");
    let output = export_to(&path, 0o022);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("read-only (mode 444): not replaced"),
        "{stderr}"
    );
    assert_eq!(fs::read_to_string(&path).expect("read"), "keep me");
}

#[test]
fn a_link_is_followed_and_its_target_replaced() {
    let folder = tempfile::tempdir().expect("a folder");
    let target = folder.path().join("target.csv");
    fs::write(&target, "old").expect("written");
    fs::set_permissions(&target, fs::Permissions::from_mode(0o640)).expect("chmod");
    let link = folder.path().join("link.csv");
    symlink("target.csv", &link).expect("a link");
    assert!(export_to(&link, 0o022).status.success());
    assert!(
        fs::symlink_metadata(&link)
            .expect("exists")
            .file_type()
            .is_symlink(),
        "the link is still a link"
    );
    assert!(is_export(&target), "its target holds the export");
    assert_eq!(mode(&target), 0o640);
    // A link to a file not there yet: the file is made where it points.
    let dangling = folder.path().join("dangling.csv");
    symlink("made.csv", &dangling).expect("a link");
    assert!(export_to(&dangling, 0o022).status.success());
    assert!(
        fs::symlink_metadata(&dangling)
            .expect("exists")
            .file_type()
            .is_symlink()
    );
    assert!(is_export(&folder.path().join("made.csv")));
}

#[test]
fn a_pipe_or_a_device_is_written_not_replaced() {
    let folder = tempfile::tempdir().expect("a folder");
    let fifo = folder.path().join("pipe");
    nix::unistd::mkfifo(&fifo, Mode::S_IRWXU).expect("a fifo");
    let reader_path = fifo.clone();
    let reader = thread::spawn(move || {
        let mut text = String::new();
        fs::File::open(reader_path)
            .expect("the reading end")
            .read_to_string(&mut text)
            .expect("read");
        text
    });
    assert!(export_to(&fifo, 0o022).status.success());
    assert!(reader.join().expect("read").starts_with("record,id,title"));
    assert!(
        fs::metadata(&fifo).expect("exists").file_type().is_fifo(),
        "still a pipe"
    );
    let null = export_to(Path::new("/dev/null"), 0o022);
    assert!(null.status.success());
    assert!(
        fs::metadata("/dev/null")
            .expect("exists")
            .file_type()
            .is_char_device()
    );
    let full = export_to(Path::new("/dev/full"), 0o022);
    assert_eq!(full.status.code(), Some(1), "a full device is an error");
    assert!(String::from_utf8_lossy(&full.stderr).contains("No space left on device"));
    assert!(
        fs::metadata("/dev/full")
            .expect("exists")
            .file_type()
            .is_char_device()
    );
}

#[test]
fn every_spelling_of_standard_output_is_written_as_the_stream() {
    let folder = tempfile::tempdir().expect("a folder");
    let link = folder.path().join("out-link");
    symlink("/proc/self/fd/1", &link).expect("a link");
    let spellings = [
        "/dev/stdout".to_string(),
        "/dev/./stdout".to_string(),
        "//dev/stdout".to_string(),
        "/dev/fd/1".to_string(),
        "/proc/self/fd/1".to_string(),
        "/proc/thread-self/fd/1".to_string(),
        link.display().to_string(),
    ];
    for spelling in spellings {
        // Into a file the shell opened: what the shell writes around the export stays.
        let file = folder.path().join("shell.txt");
        let script = format!(
            "{{ echo HEADER; '{BINARY}' export --format csv --tab funding -o '{spelling}'; \
             echo \"rc=$?\"; echo FOOTER; }} > '{}'",
            file.display()
        );
        let status = Command::new("sh")
            .args(["-c", &script])
            .status()
            .expect("sh");
        assert!(status.success());
        let text = fs::read_to_string(&file).expect("read");
        assert!(
            text.starts_with("HEADER\nrecord,id,title"),
            "{spelling}: {text}"
        );
        assert!(text.ends_with("rc=0\nFOOTER\n"), "{spelling}: {text}");
        // Into a pipe.
        let output = run([
            "export", "--format", "csv", "--tab", "funding", "-o", &spelling,
        ]);
        assert!(output.status.success(), "{spelling}");
        assert!(output.stdout.starts_with("record,id,title"));
    }
    assert!(
        fs::symlink_metadata("/dev/stdout")
            .map(|m| m.file_type().is_symlink() || m.file_type().is_char_device())
            .unwrap_or(true),
        "/dev/stdout is untouched"
    );
}

#[test]
fn a_pipe_with_no_reader_is_said_to_be_waited_on_and_a_socket_is_refused() {
    use std::io::{BufRead, BufReader};
    let folder = tempfile::tempdir().expect("a folder");
    let fifo = folder.path().join("pipe");
    nix::unistd::mkfifo(&fifo, Mode::S_IRWXU).expect("a fifo");
    let mut child = Command::new(BINARY)
        .args(["export", "--format", "csv", "--tab", "funding", "-o"])
        .arg(&fifo)
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts");
    let mut line = String::new();
    BufReader::new(child.stderr.take().expect("stderr"))
        .read_line(&mut line)
        .expect("a line");
    assert!(
        line.contains("waiting for something to read the pipe"),
        "{line}"
    );
    let mut text = String::new();
    fs::File::open(&fifo)
        .expect("the reading end")
        .read_to_string(&mut text)
        .expect("read");
    assert!(child.wait().expect("it ends").success());
    assert!(text.starts_with("record,id,title"));
    let socket = folder.path().join("socket");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).expect("a socket");
    let refused = export_to(&socket, 0o022);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("it is a socket"));
    let missing = export_to(&folder.path().join("no/such/folder.csv"), 0o022);
    let stderr = String::from_utf8_lossy(&missing.stderr);
    assert!(
        stderr.contains("does not exist") && !stderr.contains(".oic-explorer-export"),
        "{stderr}"
    );
}

#[test]
fn dev_stdout_is_the_output_stream() {
    let output = run([
        "export",
        "--format",
        "csv",
        "--tab",
        "funding",
        "-o",
        "/dev/stdout",
    ]);
    assert!(output.status.success());
    assert!(output.stdout.starts_with("record,id,title"));
}

/// Starts an export that pauses once its temporary file exists (a debug-build seam), and
/// waits for that file.
fn start_slow_export(folder: &Path) -> (std::process::Child, PathBuf) {
    let mut child = Command::new(BINARY)
        .args(["export", "--format", "json", "-o"])
        .arg(folder.join("all.json"))
        .env("OIC_EXPLORER_TEST_SLOW_EXPORT", "1")
        .spawn()
        .expect("starts");
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(10) {
        if let Some(temporary) = temporaries(folder).pop() {
            return (child, temporary);
        }
        thread::sleep(Duration::from_millis(10));
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("no temporary file appeared");
}

#[test]
#[cfg_attr(
    not(debug_assertions),
    ignore = "needs the debug-build seam in src/export/output_file.rs (OIC_EXPLORER_TEST_SLOW_EXPORT): a release export does not pause for the signal"
)]
fn a_signal_during_an_export_removes_its_temporary_file() {
    for (signal, code) in [
        (Signal::SIGTERM, 143),
        (Signal::SIGHUP, 129),
        (Signal::SIGINT, 130),
    ] {
        let folder = tempfile::tempdir().expect("a folder");
        let (mut child, _) = start_slow_export(folder.path());
        let pid = Pid::from_raw(i32::try_from(child.id()).expect("a pid"));
        kill(pid, signal).expect("signal sent");
        let status = child.wait().expect("it ends");
        assert_eq!(status.code(), Some(code), "{signal}");
        assert!(
            temporaries(folder.path()).is_empty(),
            "{signal}: {:?} left behind",
            temporaries(folder.path())
        );
        assert!(!folder.path().join("all.json").exists(), "no half export");
    }
}

#[test]
#[cfg_attr(
    not(debug_assertions),
    ignore = "needs the debug-build seam in src/export/output_file.rs (OIC_EXPLORER_TEST_SLOW_EXPORT): a release export does not pause to be killed"
)]
fn a_temporary_file_left_by_a_killed_export_is_removed_by_the_next() {
    let folder = tempfile::tempdir().expect("a folder");
    let (mut child, temporary) = start_slow_export(folder.path());
    child.kill().expect("SIGKILL");
    child.wait().expect("it ends");
    assert!(temporary.exists(), "a kill leaves it");
    // One of another user's exports, or of one still running, is left alone.
    let running = folder.path().join(format!(
        ".oic-explorer-export-{}-abcdef.tmp",
        std::process::id()
    ));
    fs::write(&running, "in use").expect("written");
    assert!(
        export_to(&folder.path().join("next.csv"), 0o022)
            .status
            .success()
    );
    assert!(
        !temporary.exists(),
        "removed by the next export to the folder"
    );
    assert!(running.exists(), "a live process's file is kept");
}
