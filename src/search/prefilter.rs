//! The prefilter: does each word appear in some field of the record, letter by letter in order
//! in a title (where initials match), as written in any other field? It ignores case and accents, so it keeps every record the exact matcher could
//! accept, and it is monotone: a record that fails it for a word fails it for every word that
//! contains that one. That is what lets a query that extends the previous one search only the
//! previous survivors.

use memchr::memchr2;

use super::text_form::folded_char;

/// The bit for a character in a [`letter_mask`]: one per letter a–z and digit, one for all else.
fn letter_bit(c: char) -> u64 {
    let c = folded_char(c);
    match c {
        'a'..='z' => 1 << (c as u32 - 'a' as u32),
        '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
        _ => 1 << 36,
    }
}

/// [`letter_bit`] of each ASCII character, worked out at compile time: masks of every record
/// are built at start-up, where a table lookup is many times faster than folding each byte.
static ASCII_BITS: [u64; 128] = {
    let mut table = [0u64; 128];
    let mut byte = 0;
    while byte < 128 {
        let c = (byte as u8).to_ascii_lowercase();
        table[byte] = match c {
            b'a'..=b'z' => 1 << (c - b'a'),
            b'0'..=b'9' => 1 << (26 + c - b'0'),
            _ => 1 << 36,
        };
        byte += 1;
    }
    table
};

/// Which letters and digits occur in `text`, folded as the prefilter folds them; any other
/// character sets one shared bit.
pub fn letter_mask(text: &str) -> u64 {
    if text.is_ascii() {
        text.bytes()
            .fold(0, |mask, byte| mask | ASCII_BITS[usize::from(byte & 0x7f)])
    } else {
        // A character beyond ASCII also sets the shared bit, which a needle's own such
        // character asks for.
        text.chars().fold(0, |mask, c| {
            let other = if c.is_ascii() { 0 } else { 1 << 36 };
            mask | letter_bit(c) | other
        })
    }
}

/// A word's letters, lowercased, for the prefilter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Needle {
    chars: Vec<char>,
    /// The letters as bytes, when all are ASCII: the common case, matched without decoding.
    ascii: Option<Box<[u8]>>,
    /// The bits its letters need in a record's [`letter_mask`].
    mask: u64,
}

impl Needle {
    /// The needle for `word`.
    pub fn new(word: &str) -> Self {
        let chars: Vec<char> = word.chars().map(folded_char).collect();
        let mask = chars.iter().fold(0, |mask, &c| mask | needle_bit(c));
        let ascii = chars
            .iter()
            .all(char::is_ascii)
            .then(|| chars.iter().map(|&c| c as u8).collect());
        Self { chars, ascii, mask }
    }

    /// Whether a record whose text has the letters `mask` can pass: a cheap first test.
    pub fn fits(&self, mask: u64) -> bool {
        mask & self.mask == self.mask
    }

    /// Its letters as lowercase ASCII bytes, when they all are.
    pub fn ascii(&self) -> Option<&[u8]> {
        self.ascii.as_deref()
    }

    /// Whether it has none.
    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// Whether `self` occurs, letter for letter, inside `other`: then a record failing `self`
    /// fails `other` too (for subsequences and substrings alike).
    pub fn is_within(&self, other: &Needle) -> bool {
        self.chars.is_empty()
            || other
                .chars
                .windows(self.chars.len())
                .any(|window| window == self.chars.as_slice())
    }

    /// Whether the word occurs in `text` as written, ignoring case and accents.
    pub fn occurs_in(&self, text: &str) -> bool {
        let Some(&first) = self.chars.first() else {
            return true;
        };
        if text.is_ascii() {
            let Some(needle) = self.ascii.as_deref() else {
                return false;
            };
            let bytes = text.as_bytes();
            let (lower, upper) = (first as u8, (first as u8).to_ascii_uppercase());
            let mut at = 0;
            while let Some(found) = memchr2(lower, upper, &bytes[at..]) {
                let start = at + found;
                if bytes.len() - start >= needle.len()
                    && bytes[start..start + needle.len()].eq_ignore_ascii_case(needle)
                {
                    return true;
                }
                at = start + 1;
            }
            return false;
        }
        let folded: Vec<char> = text.chars().map(folded_char).collect();
        folded
            .windows(self.chars.len())
            .any(|window| window == self.chars.as_slice())
    }

    /// Advances `matched` (letters found so far) through `text`; returns whether all are found.
    pub fn advance(&self, matched: &mut usize, text: &str) -> bool {
        if *matched >= self.chars.len() {
            return true;
        }
        if text.is_ascii() {
            let bytes = text.as_bytes();
            let mut at = 0;
            while let Some(&c) = self.chars.get(*matched) {
                if !c.is_ascii() {
                    // A non-ASCII letter cannot be in ASCII text.
                    return false;
                }
                let lower = c as u8;
                let upper = lower.to_ascii_uppercase();
                match memchr2(lower, upper, &bytes[at..]) {
                    Some(found) => {
                        at += found + 1;
                        *matched += 1;
                    }
                    None => return false,
                }
            }
            return true;
        }
        for h in text.chars() {
            let Some(&c) = self.chars.get(*matched) else {
                break;
            };
            if folded_char(h) == c {
                *matched += 1;
            }
        }
        *matched >= self.chars.len()
    }
}

/// The bit a needle letter needs: its own when the text's characters fold to it.
fn needle_bit(c: char) -> u64 {
    match c {
        'a'..='z' | '0'..='9' => letter_bit(c),
        _ => 1 << 36,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_ascii_table_agrees_with_letter_bit() {
        for byte in 0u8..128 {
            assert_eq!(
                ASCII_BITS[usize::from(byte)],
                letter_bit(char::from(byte)),
                "{byte}"
            );
        }
    }

    use super::*;

    fn passes(word: &str, fields: &[&str]) -> bool {
        let needle = Needle::new(word);
        let mut matched = 0;
        fields
            .iter()
            .any(|field| needle.advance(&mut matched, field))
    }

    #[test]
    fn letters_in_order_across_fields() {
        assert!(passes("baku", &["in Baku"]));
        assert!(passes("baku", &["B", "a", "KU"]));
        assert!(!passes("baku", &["ukab"]));
        assert!(passes("cafe", &["Café"]));
        assert!(passes("café", &["CAFÉ"]));
        assert!(passes("café", &["cafe"]), "accents never stop a match");
        assert!(passes("ｃａｆé", &["CAFE"]), "nor fullwidth letters");
    }

    #[test]
    fn masks_never_reject_a_passing_record() {
        for (word, text) in [
            ("baku", "in Baku"),
            ("cafe", "Café"),
            ("café", "CAFÉ"),
            ("2005", "June 2005"),
            ("x-y", "x-y"),
        ] {
            let needle = Needle::new(word);
            assert!(needle.fits(letter_mask(text)), "{word} in {text}");
        }
        assert!(!Needle::new("zq").fits(letter_mask("in Baku")));
    }

    #[test]
    fn a_word_within_another() {
        assert!(Needle::new("bak").is_within(&Needle::new("baku")));
        assert!(Needle::new("aku").is_within(&Needle::new("baku")));
        assert!(
            !Needle::new("bk").is_within(&Needle::new("baku")),
            "letters apart are not within"
        );
    }

    #[test]
    fn occurs_as_written_ignoring_case_and_accents() {
        let needle = Needle::new("baku");
        assert!(needle.occurs_in("held in BAKU."));
        assert!(!needle.occurs_in("B a k u"));
        assert!(Needle::new("cafe").occurs_in("Café noir"));
        assert!(Needle::new("ku").occurs_in("Baku"));
        assert!(!Needle::new("kuz").occurs_in("Baku"));
    }
}
