//! Finding a record by its id in a million without keeping the ids twice: a map from a 64-bit
//! hash of each id to its slot, with a second hash to tell a match from a collision.

/// Every record's slot by the hash of its id. A hash shared by several ids (a collision, or a
/// duplicate being reported) keeps the others aside, so lookups still compare the ids.
#[derive(Debug, Default)]
pub(crate) struct IdIndex {
    /// By hash: the slot, and a second, independent 32-bit hash of the id, so that telling a
    /// match from a collision needs no look at the text.
    first:
        std::collections::HashMap<u64, (u32, u32), std::hash::BuildHasherDefault<IdentityHasher>>,
    others: Vec<(u64, u32, u32)>,
}

impl IdIndex {
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        Self {
            first: std::collections::HashMap::with_capacity_and_hasher(
                capacity,
                Default::default(),
            ),
            others: Vec::new(),
        }
    }

    /// Adds a slot for an id with these hashes; returns whether the hash was taken already.
    pub(crate) fn insert(&mut self, (hash, check): (u64, u32), slot: u32) -> bool {
        match self.first.entry(hash) {
            std::collections::hash_map::Entry::Vacant(entry) => {
                entry.insert((slot, check));
                false
            }
            std::collections::hash_map::Entry::Occupied(_) => {
                self.others.push((hash, slot, check));
                true
            }
        }
    }

    /// The slots whose ids have these hashes, first the earliest.
    pub(crate) fn candidates(&self, (hash, check): (u64, u32)) -> impl Iterator<Item = u32> + '_ {
        let first = self
            .first
            .get(&hash)
            .filter(|&&(_, c)| c == check)
            .map(|&(slot, _)| slot);
        let others = self
            .others
            .iter()
            .filter(move |&&(h, _, c)| h == hash && c == check)
            .map(|&(_, slot, _)| slot);
        first.into_iter().chain(others)
    }
}

/// The keys are hashes already; hashing them again would only cost time.
#[derive(Default)]
pub(crate) struct IdentityHasher(u64);

impl std::hash::Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(byte);
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

/// Two independent hashes of an id, FNV-1a (64 bits) and djb2 (32 bits): ninety-six bits make
/// telling ids apart by hash alone safe, and both come from one pass over the bytes.
pub(crate) fn id_hash(id: &str) -> (u64, u32) {
    id.bytes()
        .fold((0xcbf2_9ce4_8422_2325, 5381), |(fnv, djb), byte| {
            (
                (fnv ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3),
                djb.wrapping_mul(33) ^ u32::from(byte),
            )
        })
}
