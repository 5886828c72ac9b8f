//! The generator's raw material: a seeded random sequence, made-up names and sentences of
//! realistic length, citations, notes and dates. Deterministic for a seed on every platform.

use crate::data::{Citation, EventDate};

/// SplitMix64: small, fast, and the same sequence on every platform.
#[derive(Clone, Debug)]
pub(super) struct Random(pub(super) u64);

impl Random {
    pub(super) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..bound` (0 when `bound` is 0).
    pub(super) fn below(&mut self, bound: usize) -> usize {
        if bound == 0 {
            return 0;
        }
        (self.next() % bound as u64) as usize
    }

    pub(super) fn between(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }

    pub(super) fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub(super) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const SYLLABLES: [&str; 40] = [
    "ka", "za", "khs", "tan", "bol", "mir", "ar", "al", "ab", "din", "sul", "tor", "gul", "sha",
    "kar", "gan", "da", "os", "vish", "nev", "syz", "ov", "ne", "ruz", "ba", "ku", "te", "hran",
    "do", "ha", "pu", "dja", "ya", "sa", "naa", "mek", "kah", "ul", "zhan", "be",
];

pub(super) const WORDS: [&str; 48] = [
    "cooperation",
    "conference",
    "dialogue",
    "development",
    "assistance",
    "regional",
    "programme",
    "delegation",
    "ministers",
    "summit",
    "parliamentary",
    "cultural",
    "economic",
    "financial",
    "support",
    "resolution",
    "initiative",
    "religions",
    "heritage",
    "education",
    "science",
    "technology",
    "infrastructure",
    "highway",
    "institute",
    "enterprises",
    "environmental",
    "disasters",
    "basin",
    "region",
    "council",
    "union",
    "congress",
    "leaders",
    "traditional",
    "world",
    "member",
    "states",
    "organization",
    "islamic",
    "relations",
    "interests",
    "action",
    "plan",
    "adopted",
    "supported",
    "convened",
    "participants",
];

const FILLER: [&str; 16] = [
    "the", "of", "and", "in", "on", "for", "with", "a", "to", "its", "by", "at", "as", "from",
    "between", "within",
];

/// A made-up proper name of two or three syllables, capitalised.
pub(super) fn name(random: &mut Random) -> String {
    let mut word = String::new();
    for _ in 0..random.between(2, 3) {
        word.push_str(SYLLABLES[random.below(SYLLABLES.len())]);
    }
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// A sentence of `low..=high` words mixing common words, filler and names.
pub(super) fn sentence(random: &mut Random, low: usize, high: usize) -> String {
    let count = random.between(low, high);
    let mut words: Vec<String> = Vec::with_capacity(count);
    for position in 0..count {
        let word = match random.below(10) {
            0..=3 => random.pick(&FILLER).to_string(),
            4..=7 => random.pick(&WORDS).to_string(),
            _ => name(random),
        };
        words.push(if position == 0 {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect()
            })
        } else {
            word
        });
    }
    let mut text = words.join(" ");
    text.push('.');
    text
}

pub(super) fn citation(random: &mut Random) -> Vec<Citation> {
    let count = if random.chance(25) { 2 } else { 1 };
    (0..count)
        .map(|_| Citation {
            paragraph: random.between(1, 400) as u32,
            quote: sentence(random, 6, 14),
        })
        .collect()
}

pub(super) fn note(random: &mut Random) -> Option<String> {
    random.chance(5).then(|| sentence(random, 6, 14))
}

pub(super) fn date(random: &mut Random) -> Option<EventDate> {
    let year = random.between(1950, 2025);
    let month = random.between(1, 12);
    let day = random.between(1, 28);
    let text = match random.below(100) {
        0..=1 => return None,
        2..=6 => format!("{year:04}"),
        7..=36 => format!("{year:04}-{month:02}"),
        37..=86 => format!("{year:04}-{month:02}-{day:02}"),
        _ => format!(
            "{year:04}-{month:02}-{day:02}/{year:04}-{month:02}-{:02}",
            day + random.between(1, 3)
        ),
    };
    text.parse().ok()
}
