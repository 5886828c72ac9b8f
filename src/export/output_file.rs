//! Where `export --output` writes, as careful tools do, keeping what the file has.
//!
//! A regular file is replaced atomically (a temporary file in the same folder, flushed, given
//! the old file's mode, owner, group and extended attributes, renamed over it) when the rename
//! keeps all of that. When it would not — the file has other hard links, its folder is not
//! writable by this user, its owner, group, mode or extended attributes cannot be given to a
//! new file, it is a mount point — the file is written in place instead (its space reserved,
//! written, cut to length, flushed), and the caller is told why ([`Written::InPlace`]). A new
//! file gets the mode the umask allows; a symbolic link is followed and its target written; a
//! device or a pipe is written directly, never replaced; a path that leads to the program's
//! own output (`/dev/stdout` in any spelling) is written as that stream. What cannot be written
//! is refused, saying why: a read-only file, one this user may not write, a read-only
//! filesystem, a full disk. A temporary file never outlives the export: a signal removes it,
//! and one left by a killed export is removed by the next export to the same folder; a signal
//! during an in-place write waits for the write to end.

use std::{
    fs,
    io::{self, Write},
    path::{Path, PathBuf},
    sync::{Mutex, Once, PoisonError},
};

use crate::quoted::quoted_path as shell_path;

/// What every temporary file's name starts with; the process id follows, so a later export can
/// tell an abandoned one from one still being written.
const TEMPORARY_PREFIX: &str = ".oic-explorer-export-";
const TEMPORARY_SUFFIX: &str = ".tmp";

/// The temporary file being written, for a signal to remove; held during an in-place write, so
/// a signal waits for it to end.
static PENDING: Mutex<Option<PathBuf>> = Mutex::new(None);

/// How an export reached its path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    /// A new file, or a replacement renamed over the old one: a reader sees the old content or
    /// the new, never a mix.
    Atomically,
    /// A stream, a device or a pipe, written as it is.
    Directly,
    /// Written over the old content, not atomically, because a replacement would not have kept
    /// what the file has; the reason, in the user's words.
    InPlace(String),
}

/// Writes `bytes` to `path` (see the module's description).
pub fn write_output(path: &Path, bytes: &[u8]) -> io::Result<Written> {
    // Followed through every link, /proc's descriptor links included, as opening it would be.
    match fs::metadata(path) {
        Ok(metadata) => {
            if let Some(stream) = own_stream(&metadata) {
                stream(bytes)?;
                return Ok(Written::Directly);
            }
            if metadata.is_dir() {
                return Err(refusal("it is a folder: give the path of a file"));
            }
            if !metadata.is_file() {
                write_directly(path, bytes, &metadata)?;
                return Ok(Written::Directly);
            }
            // Where the file really is: a link may lead elsewhere, even through /proc.
            let target = fs::canonicalize(path)?;
            may_write(&target, &metadata)?;
            update(&target, bytes, &metadata)
        }
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            // Spelt as a folder (`out/`), it names one, there or not.
            if path.as_os_str().as_encoded_bytes().ends_with(b"/") {
                return Err(refusal(
                    "it ends with /, so it names a folder: give the path of a file",
                ));
            }
            let target = follow_links(path)?;
            if target.starts_with("/proc") || target.starts_with("/dev/fd") {
                return Err(refusal(
                    "it names an open file that is not there: give the path of a file",
                ));
            }
            create(&target, bytes)
        }
        Err(error) => Err(explain(error, "nothing was written")),
    }
}

fn refusal(message: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, message.to_string())
}

/// `error` in the user's words when it is one a person can act on (a read-only filesystem, a
/// full disk, a used-up quota): what happened, `consequence` (what became of the file), and
/// what to do. Other errors are kept as they are.
fn explain(error: io::Error, consequence: &str) -> io::Error {
    let (cause, advice) = match error.kind() {
        io::ErrorKind::ReadOnlyFilesystem => (
            "the filesystem is read-only",
            "choose a path on a writable filesystem, or remount it read-write",
        ),
        io::ErrorKind::StorageFull => (
            "the disk is full",
            "free some space, or choose another path",
        ),
        io::ErrorKind::QuotaExceeded => (
            "your disk quota is used up",
            "free some space, or choose another path",
        ),
        io::ErrorKind::NotADirectory => (
            "a part of the path before the name is a file, not a folder",
            "choose another path",
        ),
        _ => return error,
    };
    io::Error::new(error.kind(), format!("{cause}: {consequence}; {advice}"))
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
                crate::quoted::quoted_path(path)
            );
            fs::OpenOptions::new().write(true).open(path)
        }
        Err(error) => Err(explain(error, "nothing was written")),
    }
}

#[cfg(not(unix))]
fn open_for_writing(path: &Path) -> io::Result<fs::File> {
    fs::OpenOptions::new().write(true).open(path)
}

/// Refuses a file this user cannot write, saying why: its filesystem is read-only, nobody may
/// write it (its mode), or this user may not (its owner and mode). Root is refused a read-only
/// file too: its mode says it is not to be written.
fn may_write(path: &Path, metadata: &fs::Metadata) -> io::Result<()> {
    #[cfg(unix)]
    {
        use rustix::{
            fs::{Access, AtFlags, CWD, accessat},
            io::Errno,
        };
        use std::os::unix::fs::MetadataExt;
        let mode = metadata.mode() & 0o7777;
        // As this process's effective user, as opening it would be.
        let access = accessat(CWD, path, Access::WRITE_OK, AtFlags::EACCESS);
        if access == Err(Errno::ROFS) {
            return Err(explain(Errno::ROFS.into(), "nothing was written"));
        }
        if mode & 0o222 == 0 {
            return Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                format!(
                    "the file is read-only (mode {mode:o}): nothing was written; make it writable (chmod u+w) or choose another path"
                ),
            ));
        }
        match access {
            Ok(()) => Ok(()),
            Err(Errno::ACCESS) if metadata.uid() == rustix::process::geteuid().as_raw() => {
                Err(io::Error::new(
                    io::ErrorKind::PermissionDenied,
                    format!(
                        "its mode {mode:o} does not let you, its owner, write it: nothing was written; make it writable (chmod u+w) or choose another path"
                    ),
                ))
            }
            Err(Errno::ACCESS) => Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                format!(
                    "you may not write it (owner {}, mode {mode:o}): nothing was written; ask its owner for write access, or choose another path",
                    owner_and_group(metadata.uid(), metadata.gid())
                ),
            )),
            Err(Errno::PERM) => Err(not_changeable()),
            Err(errno) => Err(errno.into()),
        }
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        if metadata.permissions().readonly() {
            return Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                "the file is read-only: nothing was written; make it writable or choose another path",
            ));
        }
        Ok(())
    }
}

/// The refusal of a file the system does not let anyone change (EPERM).
#[cfg(unix)]
fn not_changeable() -> io::Error {
    io::Error::new(
        io::ErrorKind::PermissionDenied,
        "the system does not let it be changed (is it immutable or append-only? see lsattr): nothing was written",
    )
}

/// `owner:group`, by name where the system's account files name them, else by number.
#[cfg(unix)]
fn owner_and_group(uid: u32, gid: u32) -> String {
    format!("{}:{}", user_name(uid), group_name(gid))
}

#[cfg(unix)]
fn user_name(uid: u32) -> String {
    account_name("/etc/passwd", uid).unwrap_or_else(|| uid.to_string())
}

#[cfg(unix)]
fn group_name(gid: u32) -> String {
    account_name("/etc/group", gid).unwrap_or_else(|| gid.to_string())
}

/// The name `/etc/passwd` or `/etc/group` gives to `id` (the third field of a line).
#[cfg(unix)]
fn account_name(database: &str, id: u32) -> Option<String> {
    let text = fs::read_to_string(database).ok()?;
    text.lines().find_map(|line| {
        let mut fields = line.split(':');
        let name = fields.next()?;
        let _password = fields.next()?;
        (fields.next()?.parse::<u32>().ok()? == id).then(|| name.to_string())
    })
}

/// The folder a file is in (`.` for a bare name).
fn folder_of(target: &Path) -> &Path {
    match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Writes an existing, writable regular file: replaced atomically when that keeps what it has,
/// else written in place.
fn update(target: &Path, bytes: &[u8], old: &fs::Metadata) -> io::Result<Written> {
    let folder = folder_of(target);
    let why = match rename_would_lose(folder, old) {
        Some(why) => why,
        None => match replace(target, folder, bytes, Some(old))? {
            None => return Ok(Written::Atomically),
            Some(why) => why,
        },
    };
    write_in_place(target, bytes, old)?;
    Ok(Written::InPlace(why))
}

/// Creates the new file `target` atomically, with the mode the umask gives.
fn create(target: &Path, bytes: &[u8]) -> io::Result<Written> {
    let folder = folder_of(target);
    if !folder.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!(
                "the folder {} does not exist: nothing was written; create it first, or choose another path",
                shell_path(folder)
            ),
        ));
    }
    replace(target, folder, bytes, None)?;
    Ok(Written::Atomically)
}

/// Why a replacement would lose something, when that is plain before one is made: other
/// names the file has (hard links), or a folder where no replacement can be made.
fn rename_would_lose(folder: &Path, old: &fs::Metadata) -> Option<String> {
    #[cfg(unix)]
    {
        use rustix::fs::{Access, AtFlags, CWD, accessat};
        use std::os::unix::fs::MetadataExt;
        let links = old.nlink();
        if links > 1 {
            let others = match links {
                2 => "the other name".to_string(),
                _ => format!("the other {} names", links - 1),
            };
            return Some(format!(
                "it has {links} hard links, and a replacement would have left the old content under {others}"
            ));
        }
        let writable = accessat(
            CWD,
            folder,
            Access::WRITE_OK | Access::EXEC_OK,
            AtFlags::EACCESS,
        );
        if writable.is_err() {
            return Some(format!(
                "its folder {} is not writable by you, so no replacement could be made beside it",
                shell_path(folder)
            ));
        }
    }
    let _ = (folder, old);
    None
}

/// Replaces (or creates) the regular file `target` in `folder` by a rename, giving the new file
/// the mode, owner, group and extended attributes of the one it replaces (`old`), or the
/// umask's mode for a new one. `Some(why)` when that could not be kept: nothing was changed,
/// and the caller writes in place.
fn replace(
    target: &Path,
    folder: &Path,
    bytes: &[u8],
    old: Option<&fs::Metadata>,
) -> io::Result<Option<String>> {
    let left = if old.is_some() {
        "the file was left as it was"
    } else {
        "nothing was written"
    };
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
    let mut file = match builder.tempfile_in(folder) {
        Ok(file) => file,
        Err(error) if error.kind() == io::ErrorKind::PermissionDenied => {
            if old.is_some() {
                return Ok(Some(format!(
                    "no replacement could be made in its folder {}",
                    shell_path(folder)
                )));
            }
            return Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                format!(
                    "you may not make files in the folder {}: nothing was written; choose another folder",
                    shell_path(folder)
                ),
            ));
        }
        Err(error) => {
            let kind = error.kind();
            let explained = explain(io::Error::from(kind), left);
            return Err(if explained.get_ref().is_some() {
                explained
            } else {
                io::Error::new(
                    kind,
                    format!("cannot make a file in {}: {kind}", shell_path(folder)),
                )
            });
        }
    };
    set_pending(Some(file.path().to_path_buf()));
    let kept = write_and_keep(&mut file, target, bytes, old);
    // Removed or renamed while holding the lock, so a signal either removes the file before or
    // finds nothing left to remove.
    let mut pending = PENDING.lock().unwrap_or_else(PoisonError::into_inner);
    let outcome = match kept {
        Ok(None) => match file.persist(target) {
            Ok(_) => Ok(None),
            // A file mounted over (a bind mount) cannot be renamed over; the temporary file is
            // removed as the error is dropped.
            Err(error) if old.is_some() && error.error.kind() == io::ErrorKind::ResourceBusy => Ok(
                Some("it is a mount point, which a rename cannot replace".to_string()),
            ),
            Err(error) => Err(explain(error.error, left)),
        },
        Ok(Some(why)) => {
            drop(file);
            Ok(Some(why))
        }
        Err(error) => {
            drop(file);
            Err(explain(error, left))
        }
    };
    *pending = None;
    drop(pending);
    if outcome.as_ref().is_ok_and(Option::is_none) {
        // The rename itself is durable once the folder is flushed (best effort: not every
        // system lets a folder be synced).
        if let Ok(folder) = fs::File::open(folder) {
            let _ = folder.sync_all();
        }
    }
    outcome
}

/// Writes the temporary file, gives it what the old file has, and flushes it; `Some(why)` when
/// what the old file has cannot be given to it.
fn write_and_keep(
    file: &mut tempfile::NamedTempFile,
    target: &Path,
    bytes: &[u8],
    old: Option<&fs::Metadata>,
) -> io::Result<Option<String>> {
    pause_if_asked();
    file.write_all(bytes)?;
    // After the write: writing clears set-id bits.
    if let Some(old) = old
        && let Err(why) = keep_what_it_has(file.as_file(), target, old)
    {
        return Ok(Some(why));
    }
    file.as_file().sync_all()?;
    Ok(None)
}

/// Gives the new file the old one's exact mode (the umask may have narrowed it), owner and
/// group (as root may, or a member of the group), and extended attributes (an access control
/// list among them); `Err(why)` when one of them cannot be given.
#[cfg(unix)]
fn keep_what_it_has(file: &fs::File, target: &Path, old: &fs::Metadata) -> Result<(), String> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let (uid, gid, mode) = (old.uid(), old.gid(), old.mode() & 0o7777);
    let unchecked = |error: io::Error| format!("the replacement could not be checked ({error})");
    let new = file.metadata().map_err(unchecked)?;
    if new.uid() != uid || new.gid() != gid {
        let owner = rustix::process::Uid::from_raw(uid);
        let group = rustix::process::Gid::from_raw(gid);
        let _ = rustix::fs::fchown(file, Some(owner), Some(group));
    }
    // Also after the owner: changing it can clear set-id bits.
    let _ = file.set_permissions(fs::Permissions::from_mode(mode));
    let new = file.metadata().map_err(unchecked)?;
    if new.uid() != uid {
        return Err(format!(
            "it belongs to {}, and a replacement made by you would have belonged to you",
            user_name(uid)
        ));
    }
    if new.gid() != gid {
        return Err(format!(
            "its group is {}, which a replacement made by you could not have been given",
            group_name(gid)
        ));
    }
    if new.mode() & 0o7777 != mode {
        return Err(format!(
            "its mode {mode:o} could not have been given to a replacement made by you"
        ));
    }
    copy_extended_attributes(file, target)
}

#[cfg(not(unix))]
fn keep_what_it_has(file: &fs::File, _target: &Path, old: &fs::Metadata) -> Result<(), String> {
    let _ = file.set_permissions(old.permissions());
    Ok(())
}

/// Gives `file` the extended attributes `from` has (an access control list, a label, a note a
/// program left), and takes away any it got that `from` has not (a folder's default access
/// control list); `Err(why)` when that cannot be done, as when one is the system's to set.
#[cfg(any(target_os = "linux", target_os = "android"))]
fn copy_extended_attributes(file: &fs::File, from: &Path) -> Result<(), String> {
    use rustix::{fs as rfs, io::Errno};
    let names = |list: &[u8]| -> Vec<Vec<u8>> {
        list.split(|byte| *byte == 0)
            .filter(|name| !name.is_empty())
            .map(<[u8]>::to_vec)
            .collect()
    };
    let wanted = match sized(
        || rfs::listxattr_query(from),
        |buffer| rfs::listxattr(from, buffer),
    ) {
        Ok(list) => names(&list),
        // A filesystem without them.
        Err(Errno::NOTSUP) => return Ok(()),
        Err(errno) => {
            return Err(format!(
                "its extended attributes could not be read ({})",
                io::Error::from(errno)
            ));
        }
    };
    let present = sized(
        || rfs::flistxattr_query(file),
        |buffer| rfs::flistxattr(file, buffer),
    )
    .map(|list| names(&list))
    .unwrap_or_default();
    let mut lost = Vec::new();
    for name in &wanted {
        let name = name.as_slice();
        let Ok(value) = sized(
            || rfs::getxattr_query(from, name),
            |buffer| rfs::getxattr(from, name, buffer),
        ) else {
            lost.push(name);
            continue;
        };
        let same = sized(
            || rfs::fgetxattr_query(file, name),
            |buffer| rfs::fgetxattr(file, name, buffer),
        )
        .is_ok_and(|now| now == value);
        if !same && rfs::fsetxattr(file, name, &value, rfs::XattrFlags::empty()).is_err() {
            lost.push(name);
        }
    }
    for name in present.iter().filter(|name| !wanted.contains(name)) {
        if rfs::fremovexattr(file, name.as_slice()).is_err() {
            lost.push(name);
        }
    }
    if lost.is_empty() {
        return Ok(());
    }
    let lost: Vec<_> = lost
        .iter()
        .map(|name| String::from_utf8_lossy(name).into_owned())
        .collect();
    Err(format!(
        "its extended attributes ({}) could not have been given to a replacement",
        lost.join(", ")
    ))
}

#[cfg(all(unix, not(any(target_os = "linux", target_os = "android"))))]
fn copy_extended_attributes(_file: &fs::File, _from: &Path) -> Result<(), String> {
    Ok(())
}

/// A list or a value read whole: its size asked first, read again if it grew in between.
#[cfg(any(target_os = "linux", target_os = "android"))]
fn sized(
    query: impl Fn() -> rustix::io::Result<usize>,
    read: impl Fn(&mut Vec<u8>) -> rustix::io::Result<usize>,
) -> rustix::io::Result<Vec<u8>> {
    for _ in 0..4 {
        let mut buffer = vec![0; query()?];
        match read(&mut buffer) {
            Ok(length) => {
                buffer.truncate(length);
                return Ok(buffer);
            }
            Err(rustix::io::Errno::RANGE) => {}
            Err(errno) => return Err(errno),
        }
    }
    Err(rustix::io::Errno::RANGE)
}

/// Writes over the file `target` (which `old` describes) where it is: the file keeps its inode,
/// and so its owner, group, mode, extended attributes and every name it has. Its space is
/// reserved first where the filesystem allows, so a full disk leaves it as it was; a signal
/// waits for the write to end (a `SIGKILL` cannot be made to).
fn write_in_place(target: &Path, bytes: &[u8], old: &fs::Metadata) -> io::Result<()> {
    let mut file = open_in_place(target, old)?;
    watch_signals();
    let _held = PENDING.lock().unwrap_or_else(PoisonError::into_inner);
    let length = bytes.len() as u64;
    reserve(&file, length).map_err(|error| explain(error, "the file was left as it was"))?;
    file.write_all(bytes)
        .and_then(|()| file.set_len(length))
        .and_then(|()| file.sync_all())
        .map_err(|error| explain(error, "the file may be part-written"))
}

/// Opens `target` for writing without changing it, and makes sure it is still the file `old`
/// describes (not a link or another file put in its place since).
fn open_in_place(target: &Path, old: &fs::Metadata) -> io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.write(true);
    #[cfg(unix)]
    {
        use rustix::fs::OFlags;
        use std::os::unix::fs::OpenOptionsExt;
        // Never a link; never blocked by a pipe put in its place.
        options.custom_flags((OFlags::NOFOLLOW | OFlags::NONBLOCK).bits() as i32);
    }
    let changed = || {
        io::Error::other(
            "it was replaced by something else while the export was written: nothing was written; try again",
        )
    };
    let file = options.open(target).map_err(|error| {
        #[cfg(unix)]
        {
            use rustix::io::Errno;
            match Errno::from_io_error(&error) {
                Some(Errno::LOOP) => return changed(),
                Some(Errno::PERM) => return not_changeable(),
                Some(Errno::TXTBSY) => {
                    return io::Error::new(
                        error.kind(),
                        "it is a program being run, which cannot be written in place: nothing was written; choose another path",
                    );
                }
                _ => {}
            }
        }
        explain(error, "nothing was written")
    })?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let now = file.metadata()?;
        if !now.is_file() || now.dev() != old.dev() || now.ino() != old.ino() {
            return Err(changed());
        }
    }
    let _ = old;
    Ok(file)
}

/// Reserves `length` bytes for the file, so that writing them cannot find the disk full; a
/// filesystem that cannot reserve space is written without.
fn reserve(file: &fs::File, length: u64) -> io::Result<()> {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        use rustix::{
            fs::{FallocateFlags, fallocate},
            io::Errno,
        };
        if length > 0 {
            match fallocate(file, FallocateFlags::empty(), 0, length) {
                Err(errno) if errno == Errno::NOSPC || errno == Errno::DQUOT => {
                    return Err(errno.into());
                }
                _ => {}
            }
        }
    }
    let _ = (file, length);
    Ok(())
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
    #[cfg(unix)]
    fn a_read_only_filesystem_a_full_disk_and_a_used_up_quota_are_named() {
        use rustix::io::Errno;
        let said = |errno: Errno| {
            explain(
                io::Error::from_raw_os_error(errno.raw_os_error()),
                "nothing was written",
            )
            .to_string()
        };
        let read_only = said(Errno::ROFS);
        assert!(
            read_only.starts_with("the filesystem is read-only: nothing was written; "),
            "{read_only}"
        );
        assert!(!read_only.contains("mode"), "the file's mode is not blamed");
        assert!(said(Errno::NOSPC).starts_with("the disk is full: nothing was written; "));
        assert!(said(Errno::DQUOT).starts_with("your disk quota is used up: "));
        // The kind alone, as tempfile passes it on, is enough.
        let kind_only = explain(
            io::Error::from(io::ErrorKind::ReadOnlyFilesystem),
            "the file was left as it was",
        );
        assert!(
            kind_only
                .to_string()
                .starts_with("the filesystem is read-only")
        );
        // Anything else is passed on as it is.
        assert!(said(Errno::IO).contains("os error"));
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn owners_are_named_from_the_account_files() {
        assert_eq!(owner_and_group(0, 0), "root:root");
        assert_eq!(
            user_name(4_000_000_000),
            "4000000000",
            "a number when unnamed"
        );
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
