//! Initials: a word found as pieces that each start a word of a title (`icfm`, `kazsum`), at
//! most one word skipped between pieces. A one-pass check rules out most fields; only those
//! that pass are searched for the pieces' positions.

use nucleo_matcher::Utf32Str;

use super::{Letters, is_word_char};

impl Letters {
    /// Whether the word is in `haystack` as initials: pieces of it, each the start of a word,
    /// with at most one word skipped between pieces (`icfm` in "Islamic Conference of Foreign
    /// Ministers", `kazsum` in "Kazakhstan summit"), filling `indices`. Called once
    /// [`Self::find`] has failed, so a match always has two pieces or more; letters from the
    /// middle of words never count.
    pub fn initials(&self, haystack: Utf32Str<'_>, indices: &mut Vec<u32>) -> bool {
        indices.clear();
        if !self.could_be_initials(haystack) {
            return false;
        }
        let length = haystack.len();
        let Some(&first) = self.chars.first() else {
            return false;
        };
        // Where words start: after a character that is not a letter or digit, or at a capital
        // after a small letter.
        let mut starts: Vec<usize> = Vec::new();
        let mut before = ' ';
        for at in 0..length {
            let here = haystack.get(at as u32);
            let word = if here.is_ascii() {
                here.is_ascii_alphanumeric()
            } else {
                is_word_char(here)
            };
            let after_word = if before.is_ascii() {
                before.is_ascii_alphanumeric()
            } else {
                is_word_char(before)
            };
            if word && (!after_word || (before.is_lowercase() && here.is_uppercase())) {
                starts.push(at);
            }
            before = here;
        }
        // Most fields fail here: no word starts with the first letter.
        if !starts
            .iter()
            .any(|&at| self.fold(haystack.get(at as u32)) == first)
        {
            return false;
        }
        // Which (letters matched, next word) states are known to fail: each is tried once.
        let mut failed = vec![false; (self.chars.len() + 1) * (starts.len() + 1)];
        self.initials_from(haystack, &starts, 0, 0, true, &mut failed, indices)
    }

    /// The positions of the letters `c` folds to, a bit each.
    fn positions_of(&self, c: char) -> u64 {
        if c.is_ascii() {
            return self.ascii_positions[c as usize];
        }
        let folded = self.fold(c);
        self.chars
            .iter()
            .take(63)
            .enumerate()
            .filter(|&(_, &letter)| letter == folded)
            .fold(0, |bits, (k, _)| bits | 1 << k)
    }

    /// Whether [`Self::initials`] can succeed, in one pass and without allocating: the pieces
    /// tracked as bit sets of letters matched (shift-and), in a run, after a run, or after a
    /// run and one skipped word. Most fields a broad word is tried on fail here.
    fn could_be_initials(&self, haystack: Utf32Str<'_>) -> bool {
        let n = self.chars.len();
        if n == 0 || n > 62 {
            return n > 0;
        }
        let done = 1u64 << n;
        // Bit k: k letters matched, and now inside a piece / after one / after one and a word.
        let (mut run, mut after, mut skipped) = (0u64, 0u64, 0u64);
        let mut before = ' ';
        for at in 0..haystack.len() {
            let here = haystack.get(at as u32);
            let word = is_word_char(here);
            let starts =
                word && (!is_word_char(before) || (before.is_lowercase() && here.is_uppercase()));
            let matches = self.positions_of(here);
            // A piece may end anywhere.
            after |= run;
            let mut next = if word { (run & matches) << 1 } else { 0 };
            if starts {
                // A piece starts here (the first one at any word), or this word is skipped.
                next |= ((after | skipped | 1) & matches) << 1;
                skipped = after;
                after = 0;
            }
            run = next;
            if run & done != 0 {
                return true;
            }
            before = here;
        }
        false
    }

    /// Matches the letters from `matched` on, as pieces starting words from `word` on (any
    /// word when `anywhere`, else that word or the next).
    #[allow(clippy::too_many_arguments)]
    fn initials_from(
        &self,
        haystack: Utf32Str<'_>,
        starts: &[usize],
        matched: usize,
        word: usize,
        anywhere: bool,
        failed: &mut [bool],
        indices: &mut Vec<u32>,
    ) -> bool {
        if matched == self.chars.len() {
            return true;
        }
        let state = matched * (starts.len() + 1) + word;
        if !anywhere && failed.get(state).copied().unwrap_or(true) {
            return false;
        }
        let last = if anywhere {
            starts.len()
        } else {
            (word + 2).min(starts.len())
        };
        for next in word..last {
            let start = starts[next];
            let mut run = 0;
            while matched + run < self.chars.len()
                && start + run < haystack.len()
                && is_word_char(haystack.get((start + run) as u32))
                && self.fold(haystack.get((start + run) as u32)) == self.chars[matched + run]
            {
                run += 1;
            }
            for take in (1..=run).rev() {
                indices.extend((start..start + take).map(|i| i as u32));
                // The next piece starts a later word: the first at or after this run's end.
                let after = starts.partition_point(|&s| s < start + take);
                if self.initials_from(
                    haystack,
                    starts,
                    matched + take,
                    after,
                    false,
                    failed,
                    indices,
                ) {
                    return true;
                }
                indices.truncate(indices.len() - take);
            }
        }
        if !anywhere && let Some(slot) = failed.get_mut(state) {
            *slot = true;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use nucleo_matcher::Utf32String;

    use super::*;

    fn initials(word: &str, text: &str) -> Option<Vec<u32>> {
        let haystack = Utf32String::from(text);
        let mut indices = Vec::new();
        Letters::new(word)
            .initials(haystack.slice(..), &mut indices)
            .then_some(indices)
    }

    #[test]
    fn initials_start_words() {
        let ministers = "Islamic Conference of Foreign Ministers";
        assert_eq!(initials("icfm", ministers), Some(vec![0, 8, 22, 30]));
        assert!(
            initials("iconf", ministers).is_some(),
            "a piece may be longer"
        );
        assert_eq!(
            initials("slco", ministers),
            None,
            "not from a word's middle"
        );
        assert_eq!(initials("im", ministers), None, "at most one word skipped");
        assert!(initials("kazsum", "Kazakhstan summit").is_some());
        assert_eq!(initials("tehr", "disaster-hit regions"), None);
        assert!(
            initials("fb", "fooBar").is_some(),
            "a capital inside a word starts one"
        );
    }

    #[test]
    fn initials_in_a_huge_field_stay_quick() {
        let text = "a ".repeat(20_000);
        assert_eq!(
            initials(&"a".repeat(40), &text),
            Some((0..40).map(|i| i * 2).collect())
        );
        assert_eq!(initials(&format!("{}b", "a".repeat(39)), &text), None);
    }

    proptest::proptest! {
        #[test]
        fn the_quick_check_agrees_with_the_full_search(
            text in "[abAB -]{0,24}",
            word in "[ab]{1,5}",
        ) {
            let haystack = Utf32String::from(text.as_str());
            let letters = Letters::new(&word);
            let starts: Vec<usize> = (0..haystack.len())
                .filter(|&at| {
                    let here = haystack.slice(..).get(at as u32);
                    let before = if at == 0 { ' ' } else { haystack.slice(..).get(at as u32 - 1) };
                    is_word_char(here)
                        && (!is_word_char(before) || (before.is_lowercase() && here.is_uppercase()))
                })
                .collect();
            let mut failed = vec![false; (word.len() + 1) * (starts.len() + 1)];
            let full = letters.initials_from(
                haystack.slice(..),
                &starts,
                0,
                0,
                true,
                &mut failed,
                &mut Vec::new(),
            );
            proptest::prop_assert_eq!(letters.could_be_initials(haystack.slice(..)), full);
        }
    }
}
