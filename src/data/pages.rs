//! How loading talks to the memory system about its large buffers: asking for huge pages for a
//! table read at random (one TLB entry per 2 MiB instead of per 4 KiB; not for text read in
//! order, where a huge page's unused part would only add to the memory), and giving back the
//! pages of a buffer once it has been read, so a million records never hold the whole file
//! and the whole catalog at once. Both are advice: where the system does not take it (or is
//! not Linux), nothing changes but speed and memory.
//!
//! Memory is only ever given back from a buffer borrowed mutably (`&mut [u8]`): no other
//! reference into it is alive while its bytes change, and any bytes are valid `u8`s, so what
//! is given back is sound to read again (it reads as zeros), only no longer the text it was.

/// The size of a huge page on the machines that have them; advice is given in whole ones.
#[cfg(target_os = "linux")]
const HUGE_PAGE: usize = 2 << 20;

/// Buffers smaller than this are left to the allocator: advice costs a system call.
pub(crate) const WORTH_ADVISING: usize = 8 << 20;

/// How much read text [`GiveBack`] gives back at once. Unit tests give it back in small steps,
/// so their small datasets are given back too, and a read of text already given back shows.
pub(crate) const GIVE_BACK_STEP: usize = if cfg!(test) { 64 << 10 } else { WORTH_ADVISING };

/// Asks for huge pages for `table`, a large table read at random.
pub(crate) fn prefer_huge_pages<T>(table: &mut [T]) {
    let bytes = size_of_val(table);
    if bytes < WORTH_ADVISING {
        return;
    }
    #[cfg(target_os = "linux")]
    {
        let start = table.as_mut_ptr().cast::<u8>();
        let first = start.addr().next_multiple_of(HUGE_PAGE) - start.addr();
        let end = (start.addr() + bytes) / HUGE_PAGE * HUGE_PAGE - start.addr();
        if end > first {
            // SAFETY: `[first, end)` lies inside `table`, which is borrowed mutably, so no
            // other reference into it is alive; MADV_HUGEPAGE changes no byte of it (the
            // system may move it to huge pages, keeping its contents) and no mapping.
            unsafe {
                libc::madvise(
                    start.wrapping_add(first).cast::<libc::c_void>(),
                    end - first,
                    libc::MADV_HUGEPAGE,
                );
            }
        }
    }
}

/// Gives back, piece by piece, the memory of a buffer being read from its start towards its
/// end: each call hands over the whole pages before a point reached. What is given back reads
/// as zeros (on Linux; elsewhere it is kept as it is).
pub(crate) struct GiveBack<'b> {
    bytes: &'b mut [u8],
    /// Where the memory not yet given back starts, as an offset into `bytes`.
    kept_from: usize,
}

impl<'b> GiveBack<'b> {
    /// Gives back the memory of `bytes` as [`GiveBack::up_to`] is told.
    pub(crate) fn new(bytes: &'b mut [u8]) -> Self {
        Self {
            bytes,
            kept_from: 0,
        }
    }

    /// The bytes; those given back read as zeros.
    pub(crate) fn bytes(&self) -> &[u8] {
        self.bytes
    }

    /// Gives back the memory of the whole pages between the last point and `offset`, once
    /// there is enough of it to be worth a system call; the bytes before `offset` must not be
    /// needed again.
    pub(crate) fn up_to(&mut self, offset: usize) {
        let offset = offset.min(self.bytes.len());
        if offset.saturating_sub(self.kept_from) < GIVE_BACK_STEP {
            return;
        }
        // The page holding `offset` may still be read: it is given back with the next piece.
        let end = page_start(self.bytes, offset);
        if end > self.kept_from {
            give_back_pages(&mut self.bytes[self.kept_from..end]);
            self.kept_from = end;
        }
    }
}

/// The offset in `bytes` of the start of the page that holds `bytes[offset]`, or 0.
fn page_start(bytes: &[u8], offset: usize) -> usize {
    #[cfg(target_os = "linux")]
    {
        let base = bytes.as_ptr().addr();
        page_size().map_or(0, |page| {
            ((base + offset) / page * page).saturating_sub(base)
        })
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = bytes;
        offset
    }
}

/// Gives the memory of the whole pages inside `bytes` back to the system: they read as zeros
/// from then on, and take memory again only once written. The bytes at either end that share
/// a page with memory outside `bytes` are kept.
fn give_back_pages(bytes: &mut [u8]) {
    #[cfg(target_os = "linux")]
    {
        let Some(page) = page_size() else {
            return;
        };
        let base = bytes.as_ptr().addr();
        let first = base.next_multiple_of(page) - base;
        let end = ((base + bytes.len()) / page * page).saturating_sub(base);
        if end <= first {
            return;
        }
        let pages = &mut bytes[first..end];
        // SAFETY: `pages` is whole pages inside `bytes`, which is borrowed mutably: no other
        // reference into them is alive, and the pointer comes from that mutable borrow. On
        // the private anonymous memory the allocator hands out, MADV_DONTNEED makes the pages
        // read as zeros (on other memory, as they were or as the file behind them says):
        // every outcome is valid bytes, and nothing outside `pages` changes.
        unsafe {
            libc::madvise(
                pages.as_mut_ptr().cast::<libc::c_void>(),
                pages.len(),
                libc::MADV_DONTNEED,
            );
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = bytes;
}

/// Hands memory freed after a large build (a load, the search's preparation) back to the
/// system: glibc keeps freed memory of other threads' arenas for reuse, which at a million
/// records is tens of MB that nothing will use again.
pub fn return_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim has no preconditions; it only releases memory that is free, which
    // no live allocation uses.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// The size of a page of memory; `None` if the system does not say (then nothing is given
/// back: advice on a guessed page could round past the memory meant).
#[cfg(target_os = "linux")]
fn page_size() -> Option<usize> {
    // SAFETY: sysconf has no preconditions; it only reads a setting.
    let size = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    usize::try_from(size).ok().filter(|s| s.is_power_of_two())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the whole pages of `bytes[from..to]` read as zeros and the rest as `fill`:
    /// given back (on Linux), or all of it as `fill` (elsewhere, where nothing is given back).
    fn given_back_between(bytes: &[u8], fill: u8, from: usize, to: usize) -> bool {
        #[cfg(target_os = "linux")]
        let (first, end) = {
            let page = page_size().expect("Linux says its page size");
            let base = bytes.as_ptr().addr();
            (
                (base + from).next_multiple_of(page) - base,
                (base + to) / page * page - base,
            )
        };
        #[cfg(not(target_os = "linux"))]
        let (first, end) = (from, from);
        bytes[..first].iter().all(|&b| b == fill)
            && bytes[first..end].iter().all(|&b| b == 0)
            && bytes[end..].iter().all(|&b| b == fill)
    }

    #[test]
    fn given_back_pages_read_as_zeros_and_the_rest_is_untouched() {
        let mut buffer = vec![b'x'; 64 << 20];
        // Neither end on a page boundary: the pages they share with the rest are kept.
        let (from, to) = (1000, (40 << 20) + 123);
        give_back_pages(&mut buffer[from..to]);
        assert!(given_back_between(&buffer, b'x', from, to));
        // Memory given back is memory again once written.
        buffer[from..to].fill(b'z');
        assert!(buffer[from..to].iter().all(|&b| b == b'z'));
        assert!(
            buffer[..from]
                .iter()
                .chain(&buffer[to..])
                .all(|&b| b == b'x')
        );
    }

    #[test]
    fn a_little_at_a_time_is_given_back_once_it_adds_up() {
        let step = GIVE_BACK_STEP;
        let mut buffer = vec![b'y'; 8 * step];
        let mut give_back = GiveBack::new(&mut buffer);
        give_back.up_to(step / 2);
        assert!(give_back.bytes().iter().all(|&b| b == b'y'));
        give_back.up_to(5 * step + 123);
        // The page holding the point reached may still be read: it is kept.
        assert!(given_back_between(
            give_back.bytes(),
            b'y',
            0,
            5 * step + 123
        ));
        give_back.up_to(usize::MAX);
        assert!(given_back_between(&buffer, b'y', 0, 8 * step));
    }

    #[test]
    fn a_buffer_too_small_to_matter_is_kept_whole() {
        let mut buffer = vec![b'w'; GIVE_BACK_STEP - 1];
        let mut give_back = GiveBack::new(&mut buffer);
        give_back.up_to(usize::MAX);
        assert!(buffer.iter().all(|&b| b == b'w'));
    }

    #[test]
    fn a_table_advised_to_use_huge_pages_keeps_its_contents() {
        let mut table: Vec<u64> = (0..(4u64 << 20)).collect();
        prefer_huge_pages(&mut table);
        assert!(table.iter().enumerate().all(|(at, &n)| n == at as u64));
        table.iter_mut().for_each(|n| *n += 1);
        assert!(table.iter().enumerate().all(|(at, &n)| n == at as u64 + 1));
    }

    #[test]
    fn returning_freed_memory_keeps_what_is_in_use() {
        let kept = vec![7u8; 1 << 20];
        let freed = std::thread::spawn(|| vec![1u8; 32 << 20].len()).join();
        assert_eq!(freed.ok(), Some(32 << 20));
        return_freed_memory();
        assert!(kept.iter().all(|&b| b == 7));
    }
}
