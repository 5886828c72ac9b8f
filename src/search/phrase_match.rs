//! Whether a short text (an action's description, a line of the help) answers what is typed
//! in a filter over it, and how well: each word typed goes through the search's own text
//! pipeline and matcher ([`Letters`]: case and accents folded, whole word before a word's
//! start before inside one, then initials), so the palette and the help filter find what the
//! search would.

use nucleo_matcher::Utf32String;

use super::{
    fields::Weight,
    text_form::folded_query,
    word_match::{Letters, MatchKind, points},
};

/// How well `text` matches every word of `typed` (higher is better), or `None` when a word is
/// not in it; an empty `typed` matches everything equally.
pub fn phrase_score(typed: &str, text: &str) -> Option<u32> {
    let haystack = Utf32String::from(text);
    let mut indices = Vec::new();
    typed.split_whitespace().try_fold(0u32, |score, word| {
        let letters = Letters::new(&folded_query(word));
        let kind = match letters.find(haystack.slice(..), false, &mut indices) {
            Some(kind) => kind,
            None if letters.initials(haystack.slice(..), &mut indices) => MatchKind::Fuzzy,
            None => return None,
        };
        Some(score.saturating_add(points(kind, Weight::Title)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_must_match_in_any_case_or_accent() {
        assert!(phrase_score("copy cit", "copy the record's citation").is_some());
        assert!(phrase_score("CITATION", "copy the record's citation").is_some());
        assert!(phrase_score("copy zebra", "copy the record's citation").is_none());
        assert_eq!(phrase_score("", "anything"), Some(0));
    }

    #[test]
    fn a_whole_word_beats_a_piece_of_one_and_initials_count() {
        let whole = phrase_score("tab", "the next tab").unwrap();
        let inside = phrase_score("tab", "the timetable").unwrap();
        assert!(whole > inside);
        assert!(phrase_score("cdp", "copy the detail pane").is_some());
    }

    proptest::proptest! {
        #[test]
        fn a_text_always_matches_its_own_words(text in "[a-zA-Zé ]{0,30}") {
            proptest::prop_assert!(phrase_score(&text, &text).is_some());
        }
    }
}
