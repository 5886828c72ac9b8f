//! How loading talks to the memory system about its large buffers: asking for huge pages for a
//! table read at random (one TLB entry per 2 MiB instead of per 4 KiB; not for text read in
//! order, where a huge page's unused part would only add to the memory), and giving back the
//! pages of a file's text once its records have been read, so a million records never hold
//! the whole file and the whole catalog at once. Both are advice: where the system does not
//! take it (or is not Linux), nothing changes but speed and memory.

/// The size of a huge page on the machines that have them; advice is given in whole ones.
#[cfg(target_os = "linux")]
const HUGE_PAGE: usize = 2 << 20;

/// Buffers smaller than this are left to the allocator: advice costs a system call.
const WORTH_ADVISING: usize = 8 << 20;

/// Asks for huge pages for the spare capacity of `buffer`, before it is written.
pub(crate) fn prefer_huge_pages<T>(buffer: &Vec<T>) {
    let bytes = buffer.capacity().saturating_mul(size_of::<T>());
    if bytes < WORTH_ADVISING {
        return;
    }
    #[cfg(target_os = "linux")]
    advise(
        buffer.as_ptr().cast::<u8>(),
        bytes,
        HUGE_PAGE,
        libc::MADV_HUGEPAGE,
    );
}

/// Gives back, piece by piece, the memory of a text being read from its start towards its
/// end: each call hands over the whole pages before a point reached.
pub(crate) struct GiveBack<'t> {
    text: &'t str,
    /// Where the memory not yet given back starts, as an offset into `text`.
    kept_from: usize,
}

impl<'t> GiveBack<'t> {
    /// Gives back pages of `text` from `from` on, as [`GiveBack::up_to`] is told.
    ///
    /// # Safety
    ///
    /// The bytes of `text` before each point passed to `up_to` are never read again (they
    /// become zeros), and the buffer that holds `text` is freed as bytes, never read as text.
    pub(crate) unsafe fn new(text: &'t str, from: usize) -> Self {
        Self {
            text,
            kept_from: from,
        }
    }

    /// Gives back the memory before the end of `part`, a piece of the text (see
    /// [`GiveBack::up_to`]); a `part` from elsewhere gives back nothing.
    pub(crate) fn past(&mut self, part: &str) {
        let base = self.text.as_ptr() as usize;
        let start = part.as_ptr() as usize;
        if start >= base && start + part.len() <= base + self.text.len() {
            self.up_to(start + part.len() - base);
        }
    }

    /// Gives back the memory of the whole pages between the last point and `offset`, once
    /// there is enough of it to be worth a system call.
    pub(crate) fn up_to(&mut self, offset: usize) {
        let offset = offset.min(self.text.len());
        if offset.saturating_sub(self.kept_from) < WORTH_ADVISING {
            return;
        }
        #[cfg(target_os = "linux")]
        {
            let base = self.text.as_ptr();
            let page = page_size();
            // The page holding `offset` may still be read: it is given back with the next piece.
            let end = (base as usize + offset) / page * page - base as usize;
            // SAFETY: in bounds of `text` (`offset` was capped); the creator promised these
            // bytes are not read again.
            advise(
                base.wrapping_add(self.kept_from),
                end.saturating_sub(self.kept_from),
                page,
                libc::MADV_DONTNEED,
            );
            self.kept_from = end.max(self.kept_from);
        }
    }
}

/// Hands memory freed after a large build (a load, the search's preparation) back to the
/// system: glibc keeps freed memory of other threads' arenas for reuse, which at a million
/// records is tens of MB that nothing will use again.
pub fn return_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim has no preconditions; it only releases free memory.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(target_os = "linux")]
fn page_size() -> usize {
    // SAFETY: sysconf has no preconditions.
    let size = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    usize::try_from(size)
        .ok()
        .filter(|&s| s > 0)
        .unwrap_or(4096)
}

/// `madvise` over the whole `unit`-aligned pieces of `[start, start + len)`.
#[cfg(target_os = "linux")]
fn advise(start: *const u8, len: usize, unit: usize, advice: libc::c_int) {
    let first = (start as usize).next_multiple_of(unit);
    let end = (start as usize).saturating_add(len) / unit * unit;
    if end <= first {
        return;
    }
    // SAFETY: the range lies inside memory this process allocated and still owns; the advice
    // changes no mapping. For MADV_DONTNEED the caller promises the bytes are not read again.
    unsafe {
        libc::madvise(first as *mut libc::c_void, end - first, advice);
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    /// How many of the pages of `text` are in memory, by `mincore`.
    fn resident_pages(text: &str) -> usize {
        let page = page_size();
        let first = (text.as_ptr() as usize) / page * page;
        let end = (text.as_ptr() as usize + text.len()).next_multiple_of(page);
        let mut flags = vec![0u8; (end - first) / page];
        // SAFETY: the range covers pages of a live allocation; `flags` has one byte a page.
        let status =
            unsafe { libc::mincore(first as *mut libc::c_void, end - first, flags.as_mut_ptr()) };
        assert_eq!(status, 0);
        flags.iter().filter(|&&f| f & 1 == 1).count()
    }

    #[test]
    fn given_back_pages_leave_memory_and_the_rest_is_untouched() {
        let size = 64 << 20;
        let text = "x".repeat(size);
        let (head, tail) = text.split_at(size / 2);
        assert!(resident_pages(head) >= head.len() / page_size());
        // SAFETY: `head` is not read again; `text` is dropped without being read.
        let mut give_back = unsafe { GiveBack::new(&text, 0) };
        give_back.up_to(size / 4);
        give_back.up_to(size / 2);
        assert!(
            resident_pages(head) <= 2,
            "{} pages left",
            resident_pages(head)
        );
        assert!(tail.bytes().all(|b| b == b'x'));
        drop(text.into_bytes());
    }

    #[test]
    fn a_little_at_a_time_is_given_back_once_it_adds_up() {
        let text = "y".repeat(32 << 20);
        // SAFETY: the first bytes are not read again; `text` is dropped as bytes.
        let mut give_back = unsafe { GiveBack::new(&text, 0) };
        give_back.up_to(1 << 20);
        assert!(text[(1 << 20)..].bytes().all(|b| b == b'y'));
        assert!(resident_pages(&text[..1 << 20]) >= (1 << 20) / page_size());
        give_back.up_to(20 << 20);
        assert!(resident_pages(&text[..20 << 20]) <= 2);
        assert!(text[(20 << 20)..].bytes().all(|b| b == b'y'));
        drop(text.into_bytes());
    }
}
