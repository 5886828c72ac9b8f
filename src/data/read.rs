//! Reading a dataset or source file with limits: the size a file claims is never trusted (a
//! sparse file says 200 GB, a device says 0 and never ends), only regular files and pipes
//! are read, at most a documented number of bytes is taken, and a pipe that has nothing to
//! give yet is said to be waited on. Bytes that can no longer become a valid file (bad UTF-8,
//! a dataset that does not start with `{`) stop the read early; the error that follows is the
//! one a whole read would give. It must not parse or interpret what it reads.

use std::{
    fs,
    io::{self, Read},
    path::Path,
};

use super::progress::{LoadProgress, LoadStage};
use crate::plural::counted;

/// The largest dataset file read unless `--max-size` says otherwise: room for about three
/// million records.
pub const DATASET_LIMIT: u64 = 2_000_000_000;

/// The largest source text read unless `--max-size` says otherwise.
pub const SOURCE_LIMIT: u64 = 100_000_000;

/// The UTF-8 byte order mark some editors put at the start of a file.
pub const BYTE_ORDER_MARK: &[u8] = b"\xEF\xBB\xBF";

/// How long a pipe may stay silent before the read says it is waiting.
#[cfg(unix)]
const PIPE_SILENCE: std::time::Duration = std::time::Duration::from_secs(1);

/// How much is read at a time, so a loading screen can follow and a bad start stops early.
const PIECE: u64 = 8 << 20;

/// The most bytes each kind of file may have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SizeLimits {
    /// A dataset file.
    pub dataset: u64,
    /// A source text.
    pub source: u64,
}

impl Default for SizeLimits {
    fn default() -> Self {
        Self {
            dataset: DATASET_LIMIT,
            source: SOURCE_LIMIT,
        }
    }
}

impl SizeLimits {
    /// The same limit, `bytes`, for every kind of file (`--max-size`).
    pub fn all(bytes: u64) -> Self {
        Self {
            dataset: bytes,
            source: bytes,
        }
    }
}

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadRefusal {
    /// The system could not open or read it.
    Io(io::Error),
    /// It is neither a regular file nor a pipe.
    NotAFile(&'static str),
    /// There is not the memory to hold it (this many bytes).
    OutOfMemory(u64),
    /// It holds more than the limit.
    TooLarge {
        /// Its size, when it says (a pipe does not).
        size: Option<u64>,
        /// The limit.
        limit: u64,
    },
}

impl std::fmt::Display for ReadRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Io(error) if error.kind() == io::ErrorKind::OutOfMemory => {
                write!(f, "not read: there is not the memory to hold it")
            }
            Self::Io(error) => write!(f, "cannot read the file: {error}"),
            Self::OutOfMemory(bytes) => write!(
                f,
                "not read: there is not the memory to hold its {}",
                human_size(*bytes)
            ),
            Self::NotAFile(what) => {
                write!(f, "not read: it is {what}, not a regular file or a pipe")
            }
            Self::TooLarge {
                size: Some(size),
                limit,
            } => {
                let (size, limit) = match (human_size(*size), human_size(*limit)) {
                    // Rounded alike ("100 MB, more than 100 MB"): the exact counts say it.
                    (shown, shown_limit) if shown == shown_limit => {
                        (counted(*size, "byte"), counted(*limit, "byte"))
                    }
                    pair => pair,
                };
                write!(
                    f,
                    "not read: the file is {size}, more than the limit of {limit} (--max-size raises it)"
                )
            }
            Self::TooLarge { size: None, limit } => write!(
                f,
                "not read: more than the limit of {} came from it (--max-size raises it)",
                human_size(*limit)
            ),
        }
    }
}

impl From<io::Error> for ReadRefusal {
    fn from(error: io::Error) -> Self {
        Self::Io(error)
    }
}

/// A size in bytes, the way people say it: `544 MB`, `12 KB`.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["bytes", "KB", "MB", "GB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1000.0 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        counted(bytes, "byte")
    } else if value < 10.0 && value.fract() >= 0.05 {
        format!("{value:.1} {}", UNITS[unit])
    } else {
        format!("{value:.0} {}", UNITS[unit])
    }
}

/// A size as `--max-size` takes it: bytes, or with a unit, `500M`, `2G`, `3GB`, `1GiB`.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (digits, unit) = text.split_at(split);
    let number: u64 = digits
        .parse()
        .map_err(|_| "not a size: expected a number of bytes, or 500M, 2G".to_string())?;
    let scale: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" => 1_000,
        "m" | "mb" => 1_000_000,
        "g" | "gb" => 1_000_000_000,
        "t" | "tb" => 1_000_000_000_000,
        "kib" => 1 << 10,
        "mib" => 1 << 20,
        "gib" => 1 << 30,
        "tib" => 1 << 40,
        _ => {
            return Err(format!(
                "{} is not a unit of size: use K, M, G or T (or KiB, MiB, GiB, TiB)",
                crate::quoted::said(unit.trim(), '`')
            ));
        }
    };
    number
        .checked_mul(scale)
        .filter(|&bytes| bytes > 0)
        .ok_or_else(|| "a size must be above zero and below 16 EB".to_string())
}

/// What the read may stop early at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// Any UTF-8 text.
    Text,
    /// A JSON document: a first character that starts no JSON value is a sure error.
    Json,
}

/// Reads `path`, at most `limit` bytes, counting them into `progress`. What it returns may
/// stop short of the end where the bytes can no longer become valid (see [`Expect`]).
pub fn read_limited(
    path: &Path,
    limit: u64,
    expect: Expect,
    progress: &LoadProgress,
) -> Result<Vec<u8>, ReadRefusal> {
    let metadata = fs::metadata(path)?;
    let kind = metadata.file_type();
    let (file, size) = if kind.is_file() {
        if metadata.len() > limit {
            return Err(ReadRefusal::TooLarge {
                size: Some(metadata.len()),
                limit,
            });
        }
        (fs::File::open(path)?, Some(metadata.len()))
    } else if is_fifo(&kind) {
        (open_pipe(path, progress)?, None)
    } else {
        return Err(ReadRefusal::NotAFile(describe(&kind)));
    };
    progress.begin(LoadStage::Reading, size.unwrap_or(0));
    // The size is a hint only: the file may grow or shrink while it is read.
    let capacity = size.unwrap_or(PIECE).min(limit);
    let mut bytes = Vec::new();
    // A file larger than the memory there is (with --max-size raised, or on a small machine)
    // is refused, not left to abort the program with the terminal still taken.
    bytes
        .try_reserve_exact(usize::try_from(capacity).unwrap_or(usize::MAX))
        .map_err(|_| ReadRefusal::OutOfMemory(capacity))?;
    let mut checked = 0;
    // Counted as each read gives, not a piece at a time: a pipe that stops part-way through a
    // piece shows what has come, and that it is waiting.
    let mut counted = Counted {
        inner: file,
        progress,
    };
    loop {
        let before = bytes.len();
        let room = limit
            .saturating_add(1)
            .saturating_sub(before as u64)
            .min(PIECE);
        let read = (&mut counted).take(room).read_to_end(&mut bytes)?;
        if bytes.len() as u64 > limit {
            return Err(ReadRefusal::TooLarge { size, limit });
        }
        if read == 0 {
            return Ok(bytes);
        }
        if let Some(stop) = sure_error_at(&bytes, checked, expect) {
            bytes.truncate(stop);
            return Ok(bytes);
        }
        // A character cut at the end of a piece is checked again with the rest of it.
        checked = bytes.len().saturating_sub(3);
    }
}

/// A reader that tells `progress` of every byte it gives.
struct Counted<'p, R> {
    inner: R,
    progress: &'p LoadProgress,
}

impl<R: Read> Read for Counted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let read = self.inner.read(buf)?;
        self.progress.advance(read as u64);
        Ok(read)
    }
}

/// Where `bytes` (checked up to `from` already) can no longer become valid: just past the
/// first invalid UTF-8 sequence, or just past a JSON document's first character when no JSON
/// value starts with it (a file of zeros, of random bytes, of prose).
fn sure_error_at(bytes: &[u8], from: usize, expect: Expect) -> Option<usize> {
    if expect == Expect::Json {
        // A byte order mark is skipped when the text is parsed.
        let body = bytes.strip_prefix(BYTE_ORDER_MARK).unwrap_or(bytes);
        let skipped = bytes.len() - body.len();
        let start = body
            .iter()
            .position(|b| !b" \t\r\n".contains(b))
            .map(|at| at + skipped);
        if let Some(start) = start
            && !b"{[\"-0123456789tfn".contains(&bytes[start])
        {
            // Past the whole character, so the error that follows is about it, not about
            // a character cut short.
            let length = match bytes[start] {
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                0xF0..=0xF7 => 4,
                _ => 1,
            };
            return Some((start + length).min(bytes.len()));
        }
    }
    let from = from.min(bytes.len());
    // Step back to a character boundary so the check starts on one.
    let from = (0..=from)
        .rev()
        .find(|&at| at == 0 || at == bytes.len() || (bytes[at] & 0xC0) != 0x80)
        .unwrap_or(0);
    match std::str::from_utf8(&bytes[from..]) {
        Ok(_) => None,
        // Cut at the end: the rest of the character may come.
        Err(error) if error.error_len().is_none() => None,
        Err(error) => Some(from + error.valid_up_to() + error.error_len().unwrap_or(1)),
    }
}

/// Reads `path` whole when it is a regular file of at most `limit` bytes: nothing else is
/// opened in a way that could wait (a pipe without a writer, a terminal) or never end (a
/// device). For small files a program reads before it starts, such as its config file.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadRefusal> {
    let kind = fs::metadata(path)?.file_type();
    if !kind.is_file() {
        return Err(ReadRefusal::NotAFile(describe(&kind)));
    }
    // Opened without waiting, and looked at again, in case the path changed in between.
    let file = open_without_waiting(path)?;
    let metadata = file.metadata()?;
    if !metadata.file_type().is_file() {
        return Err(ReadRefusal::NotAFile(describe(&metadata.file_type())));
    }
    if metadata.len() > limit {
        return Err(ReadRefusal::TooLarge {
            size: Some(metadata.len()),
            limit,
        });
    }
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadRefusal::TooLarge { size: None, limit });
    }
    Ok(bytes)
}

#[cfg(unix)]
fn open_without_waiting(path: &Path) -> io::Result<fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_waiting(path: &Path) -> io::Result<fs::File> {
    fs::File::open(path)
}

#[cfg(unix)]
fn is_fifo(kind: &fs::FileType) -> bool {
    use std::os::unix::fs::FileTypeExt;
    kind.is_fifo()
}

#[cfg(not(unix))]
fn is_fifo(_kind: &fs::FileType) -> bool {
    false
}

/// What a file that is not read is, for the message.
fn describe(kind: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_fifo() {
            return "a pipe (FIFO)";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else {
        "not a regular file"
    }
}

/// Opens a pipe without waiting for its writer, then waits for its first bytes; after a
/// second of silence, says so through `progress`.
#[cfg(unix)]
fn open_pipe(path: &Path, progress: &LoadProgress) -> io::Result<fs::File> {
    use rustix::{
        event::{PollFd, PollFlags, Timespec, poll},
        fs::{OFlags, fcntl_getfl, fcntl_setfl},
    };
    use std::os::unix::fs::OpenOptionsExt;
    // Opening a pipe for reading blocks until a writer opens it, unless non-blocking.
    let file = fs::OpenOptions::new()
        .read(true)
        .custom_flags(OFlags::NONBLOCK.bits() as i32)
        .open(path)?;
    let mut announced = false;
    loop {
        let mut fds = [PollFd::new(&file, PollFlags::IN)];
        let silence = Timespec::try_from(PIPE_SILENCE).ok();
        let timeout = if announced { None } else { silence.as_ref() };
        match poll(&mut fds, timeout) {
            Ok(0) => {
                progress.wait_for_pipe(&path.display().to_string());
                announced = true;
            }
            Ok(_) => break,
            Err(rustix::io::Errno::INTR) => {}
            Err(error) => return Err(error.into()),
        }
    }
    progress.stop_waiting();
    let flags = fcntl_getfl(&file)?;
    fcntl_setfl(&file, flags - OFlags::NONBLOCK)?;
    Ok(file)
}

#[cfg(not(unix))]
fn open_pipe(path: &Path, _progress: &LoadProgress) -> io::Result<fs::File> {
    fs::File::open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(human_size(12), "12 bytes");
        assert_eq!(human_size(1), "1 byte");
        assert_eq!(human_size(12_345), "12 KB");
        assert_eq!(human_size(544_000_000), "544 MB");
        assert_eq!(human_size(2_000_000_000), "2 GB");
        assert_eq!(human_size(2_500_000_000), "2.5 GB");
        assert_eq!(human_size(200 << 30), "215 GB");
    }

    #[test]
    fn sizes_parse_with_and_without_units() {
        assert_eq!(parse_size("123"), Ok(123));
        assert_eq!(parse_size("500M"), Ok(500_000_000));
        assert_eq!(parse_size("3GB"), Ok(3_000_000_000));
        assert_eq!(parse_size("1GiB"), Ok(1 << 30));
        assert!(parse_size("0").is_err());
        assert!(parse_size("ten").is_err());
        assert!(parse_size("5X").unwrap_err().contains("unit"));
        assert!(parse_size("99999999999T").is_err());
    }

    #[test]
    fn a_sure_error_stops_the_read_where_it_is() {
        assert_eq!(sure_error_at(b"  {\"a\": 1}", 0, Expect::Json), None);
        assert_eq!(sure_error_at(b"  [1]", 0, Expect::Json), None);
        assert_eq!(sure_error_at(b"\n\0\0\0\0\0", 0, Expect::Json), Some(2));
        assert_eq!(sure_error_at(b"ab\xffcd", 0, Expect::Text), Some(3));
        assert_eq!(sure_error_at(b"\xEF\xBB\xBF{}", 0, Expect::Json), None);
        assert_eq!(sure_error_at("é{}".as_bytes(), 0, Expect::Json), Some(2));
        // A character cut at the end is not an error yet.
        assert_eq!(
            sure_error_at("ab€".as_bytes()[..4].as_ref(), 0, Expect::Text),
            None
        );
        assert_eq!(
            sure_error_at(b"a\xe2\x82\xacb\xff", 2, Expect::Text),
            Some(6)
        );
    }
}
