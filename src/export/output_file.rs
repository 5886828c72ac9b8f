//! Where `export --output` writes, as careful tools do. A regular file is replaced atomically
//! (a temporary file in the same folder, flushed, renamed over it) keeping its mode and owner;
//! a new file gets the mode the umask allows; a symbolic link is followed and its target
//! replaced; a device or a pipe is written directly, never replaced; a path that leads to the
//! program's own output (`/dev/stdout` in any spelling) is written as that stream; a read-only
//! file is refused. A temporary file never outlives the export: a signal removes it, and one
//! left by a killed export is removed by the next export to the same folder.

use std::{
    fs,
    io::{self, Write},
    path::{Path, PathBuf},
    sync::{Mutex, Once, PoisonError},
};

/// What every temporary file's name starts with; the process id follows, so a later export can
/// tell an abandoned one from one still being written.
const TEMPORARY_PREFIX: &str = ".oic-explorer-export-";
const TEMPORARY_SUFFIX: &str = ".tmp";

/// The temporary file being written, for a signal to remove.
static PENDING: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Writes `bytes` to `path` (see the module's description).
pub fn write_output(path: &Path, bytes: &[u8]) -> io::Result<()> {
    // Followed through every link, /proc's descriptor links included, as opening it would be.
    match fs::metadata(path) {
        Ok(metadata) => {
            if let Some(stream) = own_stream(&metadata) {
                return stream(bytes);
            }
            if metadata.is_dir() {
                return Err(refusal("it is a folder: give the path of a file"));
            }
            if !metadata.is_file() {
                return write_directly(path, bytes, &metadata);
            }
            // Where the file really is: a link may lead elsewhere, even through /proc.
            let target = fs::canonicalize(path)?;
            refuse_read_only(&target, &metadata)?;
            replace(&target, bytes, Some(&metadata))
        }
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            let target = follow_links(path)?;
            if target.starts_with("/proc") || target.starts_with("/dev/fd") {
                return Err(refusal(
                    "it names an open file that is not there: give the path of a file",
                ));
            }
            replace(&target, bytes, None)
        }
        Err(error) => Err(error),
    }
}

fn refusal(message: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, message.to_string())
}

type StreamWriter = fn(&[u8]) -> io::Result<()>;

/// The program's own standard output or error, when `metadata` is the very file one of them
/// is open on (`/dev/stdout`, `/proc/self/fd/1`, a link to either, or the file the shell
/// redirected output to): written as the stream, so nothing the shell writes around it is
/// lost, and a pipe is not replaced by a file.
fn own_stream(metadata: &fs::Metadata) -> Option<StreamWriter> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // The widths of st_dev and st_ino differ between platforms.
        #[allow(clippy::unnecessary_cast)]
        let same = |stream: rustix::fd::BorrowedFd<'_>| {
            rustix::fs::fstat(stream).is_ok_and(|stat| {
                stat.st_dev as u64 == metadata.dev() && stat.st_ino as u64 == metadata.ino()
            })
        };
        if same(rustix::stdio::stdout()) {
            return Some(|bytes| {
                let mut stdout = io::stdout().lock();
                stdout.write_all(bytes)?;
                stdout.flush()
            });
        }
        if same(rustix::stdio::stderr()) {
            return Some(|bytes| {
                let mut stderr = io::stderr().lock();
                stderr.write_all(bytes)?;
                stderr.flush()
            });
        }
    }
    let _ = metadata;
    None
}

/// The path a chain of symbolic links at `path` ends at, when that is not there yet.
fn follow_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    // As many as the system follows itself before it says ELOOP.
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                let target = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(folder) if target.is_relative() => folder.join(target),
                    _ => target,
                };
            }
            Ok(_) => return Ok(current),
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(current),
            Err(error) => return Err(error),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// A device or a pipe is written as it is: replacing it would break it (as root,
/// `/dev/null` would become a file). A full device says so (ENOSPC), as an error; a pipe with
/// no reader yet is said to be waited on.
fn write_directly(path: &Path, bytes: &[u8], metadata: &fs::Metadata) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if metadata.file_type().is_socket() {
            return Err(refusal("it is a socket: give the path of a file"));
        }
    }
    let _ = metadata;
    let mut file = open_for_writing(path)?;
    file.write_all(bytes)?;
    file.flush()
}

/// Opens a device or pipe for writing; a pipe nobody reads yet blocks the open, so that wait
/// is said first.
#[cfg(unix)]
fn open_for_writing(path: &Path) -> io::Result<fs::File> {
    use rustix::fs::{OFlags, fcntl_getfl, fcntl_setfl};
    use std::os::unix::fs::OpenOptionsExt;
    let nonblocking = fs::OpenOptions::new()
        .write(true)
        .custom_flags(OFlags::NONBLOCK.bits() as i32)
        .open(path);
    match nonblocking {
        Ok(file) => {
            let flags = fcntl_getfl(&file)?;
            fcntl_setfl(&file, flags - OFlags::NONBLOCK)?;
            Ok(file)
        }
        // ENXIO: a pipe with no reader.
        Err(error) if error.raw_os_error() == Some(6) => {
            let _ = writeln!(
                io::stderr(),
                "oic-explorer: waiting for something to read the pipe {} (Ctrl-C stops)",
                crate::data::display::escaped(&path.display().to_string())
            );
            fs::OpenOptions::new().write(true).open(path)
        }
        Err(error) => Err(error),
    }
}

#[cfg(not(unix))]
fn open_for_writing(path: &Path) -> io::Result<fs::File> {
    fs::OpenOptions::new().write(true).open(path)
}

/// A file nobody may write, or this user may not, is not replaced behind its back.
fn refuse_read_only(path: &Path, metadata: &fs::Metadata) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = metadata.permissions().mode();
        let writable =
            mode & 0o222 != 0 && rustix::fs::access(path, rustix::fs::Access::WRITE_OK).is_ok();
        if !writable {
            return Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                format!(
                    "the file is read-only (mode {:o}): not replaced; make it writable or choose another path",
                    mode & 0o7777
                ),
            ));
        }
    }
    #[cfg(not(unix))]
    if metadata.permissions().readonly() {
        let _ = path;
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "the file is read-only: not replaced",
        ));
    }
    Ok(())
}

/// Replaces (or creates) the regular file `target` atomically, keeping the mode and owner of
/// the file it replaces, or taking the umask's mode for a new one.
fn replace(target: &Path, bytes: &[u8], old: Option<&fs::Metadata>) -> io::Result<()> {
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    if !folder.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!("the folder {} does not exist", folder.display()),
        ));
    }
    watch_signals();
    remove_abandoned(folder);
    let mut builder = tempfile::Builder::new();
    let prefix = format!("{TEMPORARY_PREFIX}{}-", std::process::id());
    builder.prefix(&prefix).suffix(TEMPORARY_SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Created with this mode less the umask, as any new file is.
        let mode = old.map_or(0o666, |old| old.permissions().mode() & 0o7777);
        builder.permissions(fs::Permissions::from_mode(mode));
    }
    // tempfile's own message names the temporary file, which means nothing to the user.
    let mut file = builder.tempfile_in(folder).map_err(|error| {
        io::Error::new(
            error.kind(),
            format!(
                "cannot make a file in {}: {}",
                folder.display(),
                error.kind()
            ),
        )
    })?;
    set_pending(Some(file.path().to_path_buf()));
    let written = (|| {
        pause_if_asked();
        file.write_all(bytes)?;
        if let Some(old) = old {
            keep_mode_and_owner(file.as_file(), old);
        }
        file.as_file().sync_all()?;
        Ok::<(), io::Error>(())
    })();
    let outcome = written.and_then(|()| {
        // Renamed while holding the lock, so a signal either removes the file before or finds
        // nothing left to remove.
        let mut pending = PENDING.lock().unwrap_or_else(PoisonError::into_inner);
        let persisted = file.persist(target).map(drop).map_err(|error| error.error);
        *pending = None;
        persisted
    });
    set_pending(None);
    outcome?;
    // The rename itself is durable once the folder is flushed (best effort: not every
    // system lets a folder be synced).
    if let Ok(folder) = fs::File::open(folder) {
        let _ = folder.sync_all();
    }
    Ok(())
}

/// Gives the new file the old one's exact mode (the umask may have narrowed it) and owner (when
/// the user may, as root may).
fn keep_mode_and_owner(file: &fs::File, old: &fs::Metadata) {
    let _ = file.set_permissions(old.permissions());
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let (uid, gid) = (old.uid(), old.gid());
        if let Ok(new) = file.metadata()
            && (new.uid() != uid || new.gid() != gid)
        {
            let owner = rustix::process::Uid::from_raw(uid);
            let group = rustix::process::Gid::from_raw(gid);
            let _ = rustix::fs::fchown(file, Some(owner), Some(group));
            // Changing the owner can clear set-id bits: put the mode back.
            let _ = file.set_permissions(old.permissions());
        }
    }
}

fn set_pending(path: Option<PathBuf>) {
    *PENDING.lock().unwrap_or_else(PoisonError::into_inner) = path;
}

/// Removes the temporary files in `folder` that exports no longer running left behind (a
/// SIGKILL gives no chance to clean up). Only this user's, only with a process id that no
/// process has now.
fn remove_abandoned(folder: &Path) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(abandoned_pid) else {
            continue;
        };
        if pid != std::process::id() && !process_exists(pid) && owned_by_me(&entry) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The process id in a temporary file's name: `.oic-explorer-export-<pid>-<random>.tmp`.
fn abandoned_pid(name: &str) -> Option<u32> {
    let rest = name
        .strip_prefix(TEMPORARY_PREFIX)?
        .strip_suffix(TEMPORARY_SUFFIX)?;
    let (pid, random) = rest.split_once('-')?;
    (!random.is_empty()).then_some(())?;
    pid.parse().ok()
}

#[cfg(unix)]
fn process_exists(pid: u32) -> bool {
    let Some(pid) = i32::try_from(pid)
        .ok()
        .and_then(rustix::process::Pid::from_raw)
    else {
        return false;
    };
    // Not permitted to signal it means it exists; only "no such process" means gone.
    !matches!(
        rustix::process::test_kill_process(pid),
        Err(rustix::io::Errno::SRCH)
    )
}

#[cfg(not(unix))]
fn process_exists(_pid: u32) -> bool {
    true
}

#[cfg(unix)]
fn owned_by_me(entry: &fs::DirEntry) -> bool {
    use std::os::unix::fs::MetadataExt;
    entry
        .metadata()
        .is_ok_and(|metadata| metadata.uid() == rustix::process::getuid().as_raw())
}

#[cfg(not(unix))]
fn owned_by_me(_entry: &fs::DirEntry) -> bool {
    false
}

/// While an export writes, `SIGTERM`, `SIGHUP`, `SIGINT` and `SIGQUIT` remove its temporary
/// file before the program ends with 128 + the signal's number, as it would have.
fn watch_signals() {
    static WATCHING: Once = Once::new();
    #[cfg(unix)]
    WATCHING.call_once(|| {
        use signal_hook::{consts::*, iterator::Signals};
        let Ok(mut signals) = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT]) else {
            return;
        };
        let _ = std::thread::Builder::new()
            .name("export-signals".to_string())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    let pending = PENDING.lock().unwrap_or_else(PoisonError::into_inner);
                    if let Some(path) = pending.as_ref() {
                        let _ = fs::remove_file(path);
                    }
                    // Exits holding the lock: no rename can follow the removal.
                    std::process::exit(128 + signal);
                }
            });
    });
    #[cfg(not(unix))]
    WATCHING.call_once(|| {});
}

/// Waits after the temporary file is made when `OIC_EXPLORER_TEST_SLOW_EXPORT` is set, in
/// debug builds only: how the tests send a signal while an export is under way.
fn pause_if_asked() {
    #[cfg(debug_assertions)]
    if std::env::var_os("OIC_EXPLORER_TEST_SLOW_EXPORT").is_some() {
        std::thread::sleep(std::time::Duration::from_secs(5));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_carry_the_process_id() {
        assert_eq!(
            abandoned_pid(".oic-explorer-export-4242-aB3xYz.tmp"),
            Some(4242)
        );
        assert_eq!(abandoned_pid(".oic-explorer-export-4242-.tmp"), None);
        assert_eq!(abandoned_pid(".oic-explorer-export-x-aB3xYz.tmp"), None);
        assert_eq!(abandoned_pid("notes.tmp"), None);
    }

    #[test]
    fn links_are_followed_to_their_end() {
        let folder = tempfile::tempdir().unwrap();
        let target = folder.path().join("data.json");
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("data.json", folder.path().join("link")).unwrap();
            std::os::unix::fs::symlink("link", folder.path().join("link2")).unwrap();
            assert_eq!(follow_links(&folder.path().join("link2")).unwrap(), target);
            std::os::unix::fs::symlink("loop", folder.path().join("loop")).unwrap();
            assert!(follow_links(&folder.path().join("loop")).is_err());
        }
        assert_eq!(follow_links(&target).unwrap(), target);
    }
}
