//! Finding a record by its id in a million without keeping the ids twice: a table from a
//! 64-bit hash of each id to its slot, with a second hash to tell a match from a collision.

/// Every record's slot by the hash of its id: an open-addressed table probed in order, at
/// most three quarters full, so a lookup mostly reads one cache line, which can be fetched ahead (see
/// [`IdIndex::prefetch`]) while other references are resolved. A hash shared by several ids
/// (a collision, or a duplicate being reported) keeps the others aside, so lookups still
/// compare the ids.
#[derive(Clone, Debug, Default)]
pub(crate) struct IdIndex {
    /// A power-of-two number of entries; an empty one has [`EMPTY`] as its slot.
    table: Vec<Entry>,
    /// How far to shift a mixed hash to get a place in the table.
    shift: u32,
    others: Vec<(u64, u32, u32)>,
}

/// A table entry: the id's hash, its record's slot, and a second, independent 32-bit hash of
/// the id, so that telling a match from a collision needs no look at the text.
#[derive(Clone, Copy, Debug)]
struct Entry {
    hash: u64,
    slot: u32,
    check: u32,
}

const EMPTY: u32 = u32::MAX;

impl IdIndex {
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        // At most three quarters full, so probes stay short.
        let size = capacity
            .saturating_add(capacity / 3)
            .clamp(8, 1 << 40)
            .next_power_of_two();
        let empty = Entry {
            hash: 0,
            slot: EMPTY,
            check: 0,
        };
        let mut table = vec![empty; size];
        super::pages::prefer_huge_pages(&mut table);
        Self {
            table,
            shift: 64 - size.trailing_zeros(),
            others: Vec::new(),
        }
    }

    /// Where the probe for `hash` starts. FNV's low bits mix poorly, so the hash is spread
    /// over the high bits first (Fibonacci hashing).
    fn home(&self, hash: u64) -> usize {
        (hash.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// Adds a slot for an id with these hashes; returns whether the hash was taken already.
    pub(crate) fn insert(&mut self, (hash, check): (u64, u32), slot: u32) -> bool {
        if self.table.is_empty() || slot == EMPTY {
            // Not sized for it: more than four billion records cannot be told apart anyway.
            self.others.push((hash, slot, check));
            return true;
        }
        let mask = self.table.len() - 1;
        let mut at = self.home(hash);
        for _ in 0..self.table.len() {
            let entry = &mut self.table[at];
            if entry.slot == EMPTY {
                *entry = Entry { hash, slot, check };
                return false;
            }
            if entry.hash == hash {
                break;
            }
            at = (at + 1) & mask;
        }
        self.others.push((hash, slot, check));
        true
    }

    /// The slots whose ids have these hashes, first the earliest.
    pub(crate) fn candidates(&self, (hash, check): (u64, u32)) -> impl Iterator<Item = u32> + '_ {
        let first = self
            .entry(hash)
            .filter(|entry| entry.check == check)
            .map(|entry| entry.slot);
        let others = self
            .others
            .iter()
            .filter(move |&&(h, _, c)| h == hash && c == check)
            .map(|&(_, slot, _)| slot);
        first.into_iter().chain(others)
    }

    /// The table's entry for this hash.
    fn entry(&self, hash: u64) -> Option<&Entry> {
        let mask = self.table.len().checked_sub(1)?;
        let mut at = self.home(hash);
        for _ in 0..self.table.len() {
            let entry = &self.table[at];
            if entry.slot == EMPTY {
                return None;
            }
            if entry.hash == hash {
                return Some(entry);
            }
            at = (at + 1) & mask;
        }
        None
    }

    /// Asks the processor to fetch where this hash's entry is, so that looking it up a little
    /// later finds it in the cache: references resolved in file order hit the table at random.
    pub(crate) fn prefetch(&self, (hash, _): (u64, u32)) {
        let Some(entry) = self.table.get(self.home(hash)) else {
            return;
        };
        #[cfg(target_arch = "x86_64")]
        // SAFETY: a prefetch is a hint: it reads nothing and cannot fault; the address is that
        // of an entry of the table.
        unsafe {
            let entry: *const Entry = entry;
            core::arch::x86_64::_mm_prefetch(entry.cast::<i8>(), core::arch::x86_64::_MM_HINT_T0);
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = entry;
    }
}

/// Two independent hashes of an id, FNV-1a (64 bits) and djb2 (32 bits): ninety-six bits make
/// telling ids apart by hash alone safe, and both come from one pass over the bytes.
/// Ids are compared in Unicode's composed form (NFC): `p-é` typed as one character and as `e`
/// with a combining accent are one id, as they look.
pub(crate) fn id_hash(id: &str) -> (u64, u32) {
    let composed = same_id_form(id);
    composed
        .bytes()
        .fold((0xcbf2_9ce4_8422_2325, 5381), |(fnv, djb), byte| {
            (
                (fnv ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3),
                djb.wrapping_mul(33) ^ u32::from(byte),
            )
        })
}

/// `id` in the form ids are compared in: NFC, borrowed when it already is (plain ASCII is).
pub(crate) fn same_id_form(id: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    if id.is_ascii() || is_nfc_quick(id.chars()) == IsNormalized::Yes {
        std::borrow::Cow::Borrowed(id)
    } else {
        std::borrow::Cow::Owned(id.nfc().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_that_look_the_same_are_one() {
        assert_eq!(id_hash("p-\u{e9}"), id_hash("p-e\u{301}"));
        assert_ne!(id_hash("p-e"), id_hash("p-e\u{301}"));
    }

    #[test]
    fn every_id_is_found_and_others_are_not() {
        let ids: Vec<String> = (0..10_000).map(|n| format!("event-{n:07}")).collect();
        let mut index = IdIndex::with_capacity(ids.len());
        for (slot, id) in ids.iter().enumerate() {
            assert!(!index.insert(id_hash(id), slot as u32));
        }
        for (slot, id) in ids.iter().enumerate() {
            index.prefetch(id_hash(id));
            assert_eq!(
                index.candidates(id_hash(id)).collect::<Vec<_>>(),
                [slot as u32]
            );
        }
        assert_eq!(index.candidates(id_hash("event-0010000")).count(), 0);
        assert_eq!(index.candidates(id_hash("")).count(), 0);
    }

    #[test]
    fn a_repeated_id_keeps_both_slots_first_the_earliest() {
        let mut index = IdIndex::with_capacity(4);
        assert!(!index.insert(id_hash("a"), 7));
        assert!(!index.insert(id_hash("b"), 8));
        assert!(index.insert(id_hash("a"), 9));
        assert_eq!(index.candidates(id_hash("a")).collect::<Vec<_>>(), [7, 9]);
        assert_eq!(index.candidates(id_hash("b")).collect::<Vec<_>>(), [8]);
    }

    #[test]
    fn an_empty_index_finds_nothing() {
        let index = IdIndex::default();
        index.prefetch(id_hash("a"));
        assert_eq!(index.candidates(id_hash("a")).count(), 0);
    }

    #[test]
    fn a_full_table_still_answers() {
        let mut index = IdIndex::with_capacity(1);
        for n in 0..20 {
            index.insert(id_hash(&n.to_string()), n);
        }
        for n in 0..20 {
            assert_eq!(index.candidates(id_hash(&n.to_string())).next(), Some(n));
        }
    }
}
