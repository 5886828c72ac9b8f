//! The one text pipeline search puts words through, the query's and the records' alike, so
//! that text which looks the same is the same to it: compatibility forms made plain (NFKC:
//! fullwidth `ｔｅｈｒａｎ` is `tehran`), case folded (`Isesco`, `BAKU`), accents dropped (`Bakü`, `café` typed either way), and the English word forms a
//! Snowball stemmer brings together (`summits` and `summit`, `religion` and `religious`). Also
//! what a query's words are beyond letters: the stop words a question is made of, and the
//! words that mean dollars and millions. Nothing here knows the catalog.

use std::sync::OnceLock;

use nucleo_matcher::chars::{normalize, to_lower_case};
use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};

/// One character of a record's text as search compares it, where it folds to one character
/// (as nearly all do); a character that folds to several (`ß`, `ﬁ`) is kept lowercased, and
/// a query's same character is folded the same (see [`folded_query`]).
pub fn folded_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    // Latin letters with accents, the common case beyond ASCII, by table.
    if c < '\u{250}' {
        return to_lower_case(normalize(c));
    }
    // Decomposed in place: this runs for every character compared in text beyond Latin, so
    // it allocates nothing.
    let (mut first, mut count) = ('\0', 0);
    unicode_normalization::char::decompose_compatible(c, |part| {
        if !is_combining_mark(part) {
            for lower in part.to_lowercase() {
                if count == 0 {
                    first = lower;
                }
                count += 1;
            }
        }
    });
    if count == 1 {
        first
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// A text folded character by character as [`folded_char`] folds it, which knows where each
/// of its characters came from: a match found in the folded text is shown where it is in the
/// text as written.
#[derive(Clone, Debug, Default)]
pub struct FoldedText {
    folded: String,
    /// After each character whose folded form has another length in bytes: the offset in
    /// the folded text and in the text as written. Between two, the offsets differ alike.
    shifts: Vec<(usize, usize)>,
}

impl FoldedText {
    /// `text` folded.
    pub fn new(text: &str) -> Self {
        let mut folded = String::with_capacity(text.len());
        let mut shifts = Vec::new();
        for (at, c) in text.char_indices() {
            let into = folded_char(c);
            folded.push(into);
            if into.len_utf8() != c.len_utf8() {
                shifts.push((folded.len(), at + c.len_utf8()));
            }
        }
        Self { folded, shifts }
    }

    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.folded
    }

    /// Where `at`, an offset at a character of the folded text (or its end), is in the text
    /// as written.
    pub fn written_at(&self, at: usize) -> usize {
        match self.shifts.partition_point(|&(folded, _)| folded <= at) {
            0 => at,
            after => {
                let (folded, written) = self.shifts[after - 1];
                written + (at - folded)
            }
        }
    }
}

/// A query's text as its letters are matched against records' text, character by character:
/// NFKC, then each character folded as [`folded_char`] folds the records' (so a character that
/// folds to several, such as `ß`, is matched as itself: `strasse` does not find `Straße`).
pub fn folded_query(text: &str) -> String {
    text.nfkc().map(folded_char).collect()
}

/// A word joined by dashes between letters (`Gulshat-Karaganda`) as the words it joins, as the
/// records write such names with spaces round a dash; a date (`2005-09`) or another word is
/// left whole.
pub fn split_joined(word: &str) -> Vec<String> {
    let is_dash = |c: char| matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—');
    let parts: Vec<&str> = word.split(is_dash).collect();
    let lettered = |part: &&str| part.chars().next().is_some_and(char::is_alphabetic);
    if parts.len() > 1 && parts.iter().all(lettered) {
        parts.into_iter().map(String::from).collect()
    } else {
        vec![word.to_string()]
    }
}

/// The English Snowball stemmer, made once.
fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// Whether Snowball takes `word` (folded) for an inflected or derived form of another
/// (`summits`, `religious`), rather than a word it leaves as it is (`summit`, `nazarbayev`).
pub fn is_inflected(word: &str) -> bool {
    stemmer().stem(word) != word
}

/// The letters a folded word's other forms start with, where they differ from the word's own:
/// what the word and its Snowball stem share (`summits` → `summit`, `conferences` → `confer`),
/// or for a word the stemmer leaves as it is, all but its last two letters from seven letters
/// on (`religion` → `religi`, as in `religious`). `None` for a short word, a number, or one
/// whose forms are itself.
pub fn word_form_root(word: &str) -> Option<String> {
    if word.chars().count() < 4 || !word.chars().all(char::is_alphabetic) {
        return None;
    }
    let stem = stemmer().stem(word);
    let shared: String = word
        .chars()
        .zip(stem.chars())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a)
        .collect();
    let length = word.chars().count();
    let root = if shared.chars().count() == length && length >= 7 {
        word.chars().take(length - 2).collect()
    } else {
        shared
    };
    (root.chars().count() >= 4 && root != word).then_some(root)
}

/// Whether `word` (folded) only asks ("when", "did", "the"): a query's word like this is
/// ignored, unless the query has no other. The list is NLTK's English stop words.
pub fn is_stop_word(word: &str) -> bool {
    static WORDS: OnceLock<&'static [&'static str]> = OnceLock::new();
    WORDS
        .get_or_init(|| stop_words::lookup("en").unwrap_or(&[]))
        .contains(&word)
}

/// What a query's money words mean as the records write amounts (`USD 10 mln`): `$10` is
/// `usd 10`, `dollars` is `usd`, `million` and `m` after a number are `mln`, and
/// `20,000,000` is `20 mln`. Other words are left as they are.
pub fn money_words(words: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in words {
        let (dollar, rest) = match word.strip_prefix('$') {
            Some(rest) => (true, rest),
            None => (false, word.as_str()),
        };
        if dollar {
            out.push("usd".into());
        }
        if rest.is_empty() {
            continue;
        }
        let number_then_m = rest
            .strip_suffix('m')
            .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        let digits: String = rest.chars().filter(|&c| c != ',').collect();
        let previous_is_number = out
            .last()
            .is_some_and(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit()));
        match rest {
            "dollar" | "dollars" | "us$" => out.push("usd".into()),
            "million" | "millions" | "mn" | "m" if previous_is_number => out.push("mln".into()),
            _ if number_then_m.is_some() => {
                out.push(number_then_m.unwrap_or_default().to_string());
                out.push("mln".into());
            }
            _ if rest.contains(',')
                && digits.len() > 6
                && digits.chars().all(|c| c.is_ascii_digit())
                && digits.ends_with("000000") =>
            {
                out.push(digits[..digits.len() - 6].to_string());
                out.push("mln".into());
            }
            _ => out.push(rest.to_string()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Every character boundary of a folded text maps to one of the text as written, and
        /// what lies before it there folds to what lies before it in the folded text.
        #[test]
        fn a_folded_offset_maps_back_to_the_text_as_written(text in "\\PC{0,40}") {
            let folded = FoldedText::new(&text);
            let mut boundaries: Vec<usize> =
                folded.as_str().char_indices().map(|(at, _)| at).collect();
            boundaries.push(folded.as_str().len());
            for at in boundaries {
                let written = folded.written_at(at);
                prop_assert!(text.is_char_boundary(written), "{text:?} at {at}");
                let before = FoldedText::new(&text[..written]);
                prop_assert_eq!(before.as_str(), &folded.as_str()[..at]);
            }
        }
    }

    #[test]
    fn text_that_looks_the_same_folds_the_same() {
        assert_eq!(folded_query("ＴＥＨＲＡＮ"), "tehran");
        assert_eq!(folded_query("Isesco"), "isesco");
        assert_eq!(folded_query("café"), "cafe");
        assert_eq!(folded_query("Bakü"), "baku");
        assert_eq!(folded_char('É'), 'e');
        assert_eq!(folded_char('ｔ'), 't');
        assert_eq!(folded_query("Straße"), folded_query("STRAßE"));
        assert_eq!(folded_query("ＢＡＫＵ Isesco"), "baku isesco");
    }

    #[test]
    fn a_dash_between_names_parts_them() {
        assert_eq!(split_joined("gulshat-karaganda"), ["gulshat", "karaganda"]);
        assert_eq!(split_joined("2005-09"), ["2005-09"]);
        assert_eq!(split_joined("inter-faith"), ["inter", "faith"]);
        assert_eq!(split_joined("-x"), ["-x"]);
    }

    #[test]
    fn word_forms_meet_at_their_root() {
        assert_eq!(word_form_root("summits").as_deref(), Some("summit"));
        assert_eq!(word_form_root("religion").as_deref(), Some("religi"));
        assert_eq!(word_form_root("conferences").as_deref(), Some("confer"));
        assert_eq!(word_form_root("meetings").as_deref(), Some("meet"));
        assert_eq!(word_form_root("baku"), None);
        assert_eq!(word_form_root("2005"), None);
        assert_eq!(word_form_root("oic"), None);
    }

    #[test]
    fn questions_are_made_of_stop_words() {
        for word in [
            "when", "did", "how", "what", "who", "the", "is", "was", "of",
        ] {
            assert!(is_stop_word(word), "{word}");
        }
        for word in ["kazakhstan", "summit", "baku", "oic", "join"] {
            assert!(!is_stop_word(word), "{word}");
        }
    }

    #[test]
    fn money_is_written_as_the_records_write_it() {
        let words = |text: &str| {
            money_words(&text.split(' ').map(String::from).collect::<Vec<_>>()).join(" ")
        };
        assert_eq!(words("$10"), "usd 10");
        assert_eq!(words("10 million"), "10 mln");
        assert_eq!(words("20 million dollars"), "20 mln usd");
        assert_eq!(words("$20,000,000"), "usd 20 mln");
        assert_eq!(words("$15m"), "usd 15 mln");
        assert_eq!(words("15 million usd"), "15 mln usd");
        assert_eq!(words("m summit"), "m summit");
    }
}
