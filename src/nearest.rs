//! The name a mistyped one was most likely meant as, for the "did you mean" of a message: a
//! config file's setting or action, a dataset's kind or field, an id that no record has. One
//! search for all of them, fast on a huge name (it is never compared, only measured) and on a
//! million candidates (most are set aside by their length before any letter is compared).

/// Names longer than this are never suggested nor looked for: nobody types one that long, and
/// comparing two of them would cost the product of their lengths.
const LONGEST: usize = 200;

/// How many letters may differ for a name of `length` characters to be taken for another:
/// one for a short name, two, then three for one of eight letters or more.
fn most_for(length: usize) -> usize {
    match length {
        0..=3 => 1,
        4..=7 => 2,
        _ => 3,
    }
}

/// The nearest of the candidates [`Nearest::consider`] is given to one word, so far.
#[derive(Clone, Debug)]
pub struct Nearest<'c> {
    /// The word, as characters; empty when it is too long to look for.
    word: Vec<char>,
    /// The most letters that may differ.
    most: usize,
    /// The nearest so far, and how far it is; the first of equals is kept.
    best: Option<(usize, &'c str)>,
    /// The candidate being compared, as characters.
    letters: Vec<char>,
}

impl<'c> Nearest<'c> {
    /// A search for `word`'s nearest candidate.
    pub fn new(word: &str) -> Self {
        // Counted no further than the longest name looked for: a huge word costs nothing.
        let length = word.chars().take(LONGEST + 1).count();
        let word = if length > LONGEST || length == 0 {
            Vec::new()
        } else {
            word.chars().collect()
        };
        Self {
            most: most_for(word.len()),
            word,
            best: None,
            letters: Vec::new(),
        }
    }

    /// Compares `candidate` with the word, keeping it when it is the nearest so far and near
    /// enough to be meant. Cheap for a candidate whose length alone rules it out.
    pub fn consider(&mut self, candidate: &'c str) {
        if self.word.is_empty() {
            return;
        }
        // Within the distance kept so far (or allowed), the lengths differ by at most it; a
        // character takes one to four bytes.
        let most = self.best.map_or(self.most, |(distance, _)| distance);
        let (length, bytes) = (self.word.len(), candidate.len());
        if bytes + most < length || bytes > 4 * (length + most) {
            return;
        }
        self.letters.clear();
        self.letters.extend(candidate.chars().take(LONGEST + 1));
        if self.letters.len() > LONGEST || self.letters.len().abs_diff(length) > most {
            return;
        }
        let Some(distance) = distance_within(&self.word, &self.letters, most) else {
            return;
        };
        if self.best.is_none_or(|(best, _)| distance < best) {
            self.best = Some((distance, candidate));
        }
    }

    /// The nearest candidate, if any was near enough.
    pub fn best(&self) -> Option<&'c str> {
        self.best.map(|(_, candidate)| candidate)
    }
}

/// The one of `known` that `word` was most likely meant as, if any is close: a letter or two
/// off, or two letters swapped, for a name of some length; the first of equally close ones.
/// `None` for a word of more than [`LONGEST`] characters.
pub fn closest<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut nearest = Nearest::new(word);
    for candidate in known {
        nearest.consider(candidate);
    }
    nearest.best()
}

/// The edit distance of `a` and `b` (a letter added, dropped or changed, or two side by side
/// swapped, each counting one), when it is at most `most`: only the band of the table within
/// `most` of its diagonal is worked out, and the work stops once no path can stay within it.
fn distance_within(a: &[char], b: &[char], most: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > most {
        return None;
    }
    let over = most + 1;
    // Three rows of the table: two back (for a swap), the last, this one.
    let width = b.len() + 1;
    let mut before = vec![over; width];
    let mut last: Vec<usize> = (0..width).map(|j| j.min(over)).collect();
    let mut row = vec![over; width];
    for i in 1..=a.len() {
        let from = i.saturating_sub(most).max(1);
        let to = (i + most).min(b.len());
        row.fill(over);
        row[0] = i.min(over);
        let mut lowest = row[0];
        for j in from..=to {
            let change = usize::from(a[i - 1] != b[j - 1]);
            let mut cell = (last[j - 1] + change).min(last[j] + 1).min(row[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cell = cell.min(before[j - 2] + 1);
            }
            row[j] = cell.min(over);
            lowest = lowest.min(row[j]);
        }
        if lowest > most {
            return None;
        }
        std::mem::swap(&mut before, &mut last);
        std::mem::swap(&mut last, &mut row);
    }
    let distance = last[b.len()];
    (distance <= most).then_some(distance)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_misses_are_named() {
        let known = ["theme", "color", "mouse", "tab"];
        assert_eq!(closest("thme", known), Some("theme"));
        assert_eq!(closest("colour", known), Some("color"));
        assert_eq!(closest("palette", known), None);
        assert_eq!(
            closest("move_dwon", ["move_down", "move_up"]),
            Some("move_down")
        );
        assert_eq!(closest("sumit", ["membership", "summit"]), Some("summit"));
        assert_eq!(
            closest("p-abdilin", ["p-kazakhstan", "p-abdildin", "p-oic"]),
            Some("p-abdildin")
        );
        // Nothing is near nothing; the first of two equally near is named.
        assert_eq!(closest("", ["a"]), None);
        assert_eq!(closest("ab", ["ac", "ad"]), Some("ac"));
    }

    #[test]
    fn the_distance_is_that_of_the_full_table_within_the_band() {
        let words = [
            "", "a", "ab", "ba", "abc", "acb", "summit", "sumit", "smumit", "summits", "tummis",
            "ca", "abcdef", "badcfe", "ébc", "中文", "文中",
        ];
        for a in words {
            for b in words {
                let (x, y): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                let full = strsim::osa_distance(a, b);
                for most in 0..4 {
                    let within = distance_within(&x, &y, most);
                    assert_eq!(within, (full <= most).then_some(full), "{a:?} {b:?} {most}");
                }
            }
        }
    }

    #[test]
    fn a_huge_word_is_measured_never_compared() {
        let huge = "x".repeat(900_000);
        let started = std::time::Instant::now();
        let candidates: Vec<String> = (0..10_000).map(|n| format!("x{n}")).collect();
        assert_eq!(closest(&huge, candidates.iter().map(String::as_str)), None);
        assert_eq!(closest("summit", [huge.as_str()]), None);
        assert!(
            started.elapsed().as_millis() < 500,
            "{:?}",
            started.elapsed()
        );
    }
}
