//! `export --output` as careful tools behave: modes kept or taken from the umask, links
//! followed, devices and pipes written rather than replaced, read-only files left alone, a full
//! disk reported, and no temporary file left behind by a signal or a kill. A file a rename
//! would change in more than content (another owner, other hard links, a folder the user may
//! not write, a mount point, extended attributes) is written in place, and that is said; what
//! cannot be written (another user's file, a read-only filesystem) is refused, saying why. The
//! cases of another user run the binary as `nobody` and need root; those of a read-only or full
//! filesystem mount one in a private mount namespace (`unshare -m`). Either is skipped, saying
//! so, where it cannot be had.

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
        stderr.contains("the file is read-only (mode 444): nothing was written"),
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

// Files a rename would change in more than their content, and files that cannot be written.

/// The ids of `nobody`, to run the binary as another user; `None`, said, when this process is
/// not root (and cannot change user) or the system has no such user.
fn nobody(test: &str) -> Option<(u32, u32)> {
    if !rustix::process::geteuid().is_root() {
        eprintln!("{test}: skipped: running the binary as another user needs root");
        return None;
    }
    let passwd = fs::read_to_string("/etc/passwd").unwrap_or_default();
    let ids = passwd.lines().find_map(|line| {
        let fields: Vec<&str> = line.split(':').collect();
        (fields.first() == Some(&"nobody") && fields.len() > 3)
            .then(|| Some((fields[2].parse().ok()?, fields[3].parse().ok()?)))
            .flatten()
    });
    if ids.is_none() {
        eprintln!("{test}: skipped: the system has no user nobody");
    }
    ids
}

/// Exports the funding tab as CSV to `path`, as `user` (uid, gid) when given; no config file
/// is read, so stderr holds only what the export says.
fn export_as(path: &Path, user: Option<(u32, u32)>) -> Output {
    let mut command = Command::new(BINARY);
    command
        .args([
            "--no-config",
            "export",
            "--format",
            "csv",
            "--tab",
            "funding",
            "-o",
        ])
        .arg(path);
    if let Some((uid, gid)) = user {
        // std drops root's supplementary groups with the user.
        command.uid(uid).gid(gid);
    }
    command.output().expect("the binary runs")
}

/// A temporary folder any user may enter (its children are what the tests set up).
fn open_folder() -> tempfile::TempDir {
    let folder = tempfile::tempdir().expect("a folder");
    fs::set_permissions(folder.path(), fs::Permissions::from_mode(0o755)).expect("chmod");
    folder
}

/// A file holding `text`, with `owner` (uid, gid) and `mode`.
fn file_of(path: &Path, text: &str, owner: (u32, u32), mode: u32) {
    fs::write(path, text).expect("written");
    std::os::unix::fs::chown(path, Some(owner.0), Some(owner.1)).expect("chown");
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).expect("chmod");
}

fn owner(path: &Path) -> (u32, u32) {
    let metadata = fs::metadata(path).expect("exists");
    (metadata.uid(), metadata.gid())
}

fn inode(path: &Path) -> u64 {
    fs::metadata(path).expect("exists").ino()
}

fn stderr_of(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

use std::os::unix::fs::MetadataExt;

#[test]
fn another_owners_file_is_written_in_place_keeping_its_owner_and_mode() {
    let Some(user) = nobody("another_owners_file_is_written_in_place") else {
        return;
    };
    let folder = open_folder();
    let home = folder.path().join("home");
    fs::create_dir(&home).expect("a folder");
    std::os::unix::fs::chown(&home, Some(user.0), Some(user.1)).expect("chown");

    // Root's file, writable by everyone, in the user's own folder: a rename would make it the
    // user's.
    let roots = home.join("funding.csv");
    file_of(&roots, "old", (0, 0), 0o666);
    let before = inode(&roots);
    let output = export_as(&roots, Some(user));
    let stderr = stderr_of(&output);
    assert!(output.status.success(), "{stderr}");
    assert!(is_export(&roots));
    assert_eq!(owner(&roots), (0, 0), "still root's");
    assert_eq!(mode(&roots), 0o666);
    assert_eq!(inode(&roots), before, "the same file, written in place");
    assert!(
        stderr.contains(&format!(
            "{} was written in place, not atomically: it belongs to root,",
            roots.display()
        )),
        "{stderr}"
    );
    assert!(temporaries(&home).is_empty());

    // The user's file in a group the user is not in: a replacement could not have that group.
    let grouped = home.join("grouped.csv");
    file_of(&grouped, "old", (user.0, 0), 0o664);
    let output = export_as(&grouped, Some(user));
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(is_export(&grouped));
    assert_eq!(owner(&grouped), (user.0, 0));
    assert!(stderr_of(&output).contains("its group is root"));

    // The user's own file is replaced atomically, without a word.
    let own = home.join("own.csv");
    file_of(&own, "old", user, 0o640);
    let before = inode(&own);
    let output = export_as(&own, Some(user));
    assert!(output.status.success());
    assert_eq!(stderr_of(&output), "");
    assert!(is_export(&own));
    assert_ne!(inode(&own), before, "replaced by a rename");
    assert_eq!((owner(&own), mode(&own)), (user, 0o640));

    // Root can give a replacement the user's ownership: atomic, and still the user's.
    let before = inode(&own);
    let output = export_as(&own, None);
    assert!(output.status.success());
    assert_eq!(stderr_of(&output), "");
    assert_ne!(inode(&own), before);
    assert_eq!((owner(&own), mode(&own)), (user, 0o640));
    assert!(temporaries(&home).is_empty());
}

#[test]
fn a_hard_linked_file_keeps_the_export_under_every_name() {
    let folder = tempfile::tempdir().expect("a folder");
    let first = folder.path().join("funding.csv");
    let second = folder.path().join("also-funding.csv");
    fs::write(&first, "old").expect("written");
    fs::hard_link(&first, &second).expect("a hard link");
    let output = export_as(&first, None);
    let stderr = stderr_of(&output);
    assert!(output.status.success(), "{stderr}");
    assert!(is_export(&first) && is_export(&second), "both names");
    assert_eq!(inode(&first), inode(&second), "still one file");
    assert_eq!(fs::metadata(&first).expect("exists").nlink(), 2);
    assert!(
        stderr.contains("not atomically: it has 2 hard links, and a replacement would have left the old content under the other name"),
        "{stderr}"
    );
    assert!(temporaries(folder.path()).is_empty());
}

#[test]
fn a_writable_file_in_a_folder_the_user_may_not_write_is_written_in_place() {
    let Some(user) = nobody("a_writable_file_in_a_folder_the_user_may_not_write") else {
        return;
    };
    // Root's folder; the user's file in it, as `cat >` or an editor would write it.
    let folder = open_folder();
    let shared = folder.path().join("shared.csv");
    file_of(&shared, "old", user, 0o644);
    let before = inode(&shared);
    let output = export_as(&shared, Some(user));
    let stderr = stderr_of(&output);
    assert!(output.status.success(), "{stderr}");
    assert!(is_export(&shared));
    assert_eq!(inode(&shared), before);
    assert_eq!((owner(&shared), mode(&shared)), (user, 0o644));
    assert!(
        stderr.contains(&format!(
            "not atomically: its folder {} is not writable by you",
            folder.path().display()
        )),
        "{stderr}"
    );

    // No new file can be made there: refused, the path quoted as a shell reads it.
    let new = folder.path().join("new file.csv");
    let output = export_as(&new, Some(user));
    assert_eq!(output.status.code(), Some(1));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains(&format!(
            "cannot write the export to '{}': you may not make files in the folder {}: nothing was written",
            new.display(),
            folder.path().display()
        )),
        "{stderr}"
    );
    assert!(!new.exists());

    // Root's file the user may not write, in the user's own folder: refused, though a rename
    // could have put the export in its place.
    let home = folder.path().join("home");
    fs::create_dir(&home).expect("a folder");
    std::os::unix::fs::chown(&home, Some(user.0), Some(user.1)).expect("chown");
    let theirs = home.join("theirs.csv");
    file_of(&theirs, "keep me", (0, 0), 0o644);
    let output = export_as(&theirs, Some(user));
    assert_eq!(output.status.code(), Some(1));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("you may not write it (owner root:root, mode 644): nothing was written"),
        "{stderr}"
    );
    assert_eq!(fs::read_to_string(&theirs).expect("read"), "keep me");
    assert_eq!(owner(&theirs), (0, 0));
    // The user's own file that the group may write but its owner may not.
    let own = home.join("own.csv");
    file_of(&own, "keep me", user, 0o464);
    let output = export_as(&own, Some(user));
    assert_eq!(output.status.code(), Some(1));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("its mode 464 does not let you, its owner, write it: nothing was written; make it writable (chmod u+w)"),
        "{stderr}"
    );
    assert_eq!(fs::read_to_string(&own).expect("read"), "keep me");
    assert!(temporaries(&home).is_empty());
}

/// Runs `script` with `sh` in a private mount namespace (`unshare -m`), where what it mounts
/// is gone when it ends; `$1` is the binary, `$2` the folder. The script exits 77 when it
/// cannot mount; `None`, said, then or when there is no `unshare` or no namespace for this
/// user (not root, say).
fn with_private_mounts(test: &str, folder: &Path, script: &str) -> Option<Output> {
    let probe = Command::new("unshare")
        .args(["-m", "true"])
        .stderr(Stdio::piped())
        .output();
    match probe {
        Ok(probe) if probe.status.success() => {}
        Ok(probe) => {
            eprintln!(
                "{test}: skipped: no private mount namespace: {}",
                stderr_of(&probe)
            );
            return None;
        }
        Err(error) => {
            eprintln!("{test}: skipped: no unshare: {error}");
            return None;
        }
    }
    let output = Command::new("unshare")
        .args(["-m", "sh", "-c", script, "sh", BINARY])
        .arg(folder)
        .env("LC_ALL", "C")
        .output();
    match output {
        Ok(output) if output.status.code() != Some(77) => Some(output),
        Ok(output) => {
            eprintln!("{test}: skipped: cannot mount: {}", stderr_of(&output));
            None
        }
        Err(error) => panic!("unshare ran a moment ago: {error}"),
    }
}

const EXPORT: &str = "\"$1\" --no-config export --format csv --tab funding -o";

#[test]
fn a_read_only_filesystem_is_named_not_the_files_mode() {
    let folder = tempfile::tempdir().expect("a folder");
    let old = folder.path().join("old.csv");
    fs::write(&old, "keep me").expect("written");
    let read_only = folder.path().join("read-only.csv");
    fs::write(&read_only, "keep me").expect("written");
    fs::set_permissions(&read_only, fs::Permissions::from_mode(0o444)).expect("chmod");
    // The folder, mounted read-only over itself.
    let script = format!(
        "mount --bind \"$2\" \"$2\" && mount -o remount,bind,ro \"$2\" || exit 77
         for name in old.csv read-only.csv new.csv; do {EXPORT} \"$2/$name\"; echo \"rc=$?\"; done"
    );
    let Some(output) = with_private_mounts("a_read_only_filesystem", folder.path(), &script) else {
        return;
    };
    let stderr = stderr_of(&output);
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "rc=1\nrc=1\nrc=1\n",
        "{stderr}"
    );
    for name in ["old.csv", "read-only.csv", "new.csv"] {
        assert!(
            stderr.contains(&format!(
                "cannot write the export to {}: the filesystem is read-only: nothing was written; choose a path on a writable filesystem",
                folder.path().join(name).display()
            )),
            "{name}: {stderr}"
        );
    }
    assert!(!stderr.contains("mode"), "{stderr}");
    assert_eq!(fs::read_to_string(&old).expect("read"), "keep me");
    assert!(!folder.path().join("new.csv").exists());
}

#[test]
fn a_file_mounted_over_another_is_written_in_place() {
    let folder = tempfile::tempdir().expect("a folder");
    let source = folder.path().join("source.csv");
    fs::write(&source, "old").expect("written");
    fs::write(folder.path().join("mounted.csv"), "").expect("written");
    let script = format!(
        "mount --bind \"$2/source.csv\" \"$2/mounted.csv\" || exit 77
         {EXPORT} \"$2/mounted.csv\""
    );
    let Some(output) = with_private_mounts("a_file_mounted_over_another", folder.path(), &script)
    else {
        return;
    };
    let stderr = stderr_of(&output);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("not atomically: it is a mount point"),
        "{stderr}"
    );
    assert!(is_export(&source), "written through the mount");
    assert!(temporaries(folder.path()).is_empty());
}

#[test]
fn a_full_disk_leaves_the_file_as_it_was() {
    let folder = tempfile::tempdir().expect("a folder");
    fs::create_dir(folder.path().join("small")).expect("a folder");
    // 16 KiB, and 55 KiB of JSON: neither a replacement nor an in-place write fits.
    let script = "mount -t tmpfs -o size=16k tmpfs \"$2/small\" || exit 77
         cd \"$2/small\" && printf old > one.json && printf old > linked.json && ln linked.json other.json
         for name in one.json linked.json new.json; do
             \"$1\" --no-config export --format json -o \"$2/small/$name\"; echo \"rc=$?\"
         done
         ls -A; cat one.json linked.json";
    let Some(output) = with_private_mounts("a_full_disk", folder.path(), script) else {
        return;
    };
    let stderr = stderr_of(&output);
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "rc=1\nrc=1\nrc=1\nlinked.json\none.json\nother.json\noldold",
        "no temporary file, no new file, the old content whole: {stderr}"
    );
    assert_eq!(
        stderr
            .matches("the disk is full: the file was left as it was")
            .count(),
        2,
        "{stderr}"
    );
    assert!(
        stderr.contains("new.json: the disk is full: nothing was written"),
        "{stderr}"
    );
}

#[test]
fn extended_attributes_go_with_a_replacement_or_it_is_written_in_place() {
    use rustix::fs::{XattrFlags, getxattr, setxattr};
    let read = |path: &Path, name: &str| {
        let mut value = vec![0; 64];
        getxattr(path, name, &mut value).map(|length| value[..length].to_vec())
    };
    let folder = open_folder();
    let noted = folder.path().join("noted.csv");
    fs::write(&noted, "old").expect("written");
    if let Err(error) = setxattr(&noted, "user.oic-test", b"kept", XattrFlags::empty()) {
        eprintln!("extended_attributes: skipped: this filesystem keeps none: {error}");
        return;
    }
    let before = inode(&noted);
    let output = export_as(&noted, None);
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_eq!(stderr_of(&output), "");
    assert_ne!(inode(&noted), before, "replaced by a rename");
    assert_eq!(read(&noted, "user.oic-test").ok(), Some(b"kept".to_vec()));

    // One only an administrator may set (security.*): a user's replacement could not have it.
    let Some(user) = nobody("extended_attributes_as_another_user") else {
        return;
    };
    let home = folder.path().join("home");
    fs::create_dir(&home).expect("a folder");
    std::os::unix::fs::chown(&home, Some(user.0), Some(user.1)).expect("chown");
    let labelled = home.join("labelled.csv");
    file_of(&labelled, "old", user, 0o644);
    if let Err(error) = setxattr(
        &labelled,
        "security.oic-test",
        b"label",
        XattrFlags::empty(),
    ) {
        eprintln!("extended_attributes: skipped: no security.* attribute here: {error}");
        return;
    }
    let before = inode(&labelled);
    let output = export_as(&labelled, Some(user));
    let stderr = stderr_of(&output);
    assert!(output.status.success(), "{stderr}");
    assert!(is_export(&labelled));
    assert_eq!(inode(&labelled), before);
    assert_eq!(
        read(&labelled, "security.oic-test").ok(),
        Some(b"label".to_vec())
    );
    assert!(
        stderr.contains("not atomically: its extended attributes (security.oic-test)"),
        "{stderr}"
    );
    assert!(temporaries(&home).is_empty());
}
