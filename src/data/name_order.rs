//! How names are put in order A to Z, everywhere a list sorts by name or place: letters as a
//! reader alphabetises them (case and accents set aside: `Émile` among the E's, `Ångström`
//! and `Æon` among the A's, `Łódź` among the L's), and a run of digits by its value, so
//! `Project 5990` comes before `Project 59899` as a reader counts, not as characters compare.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// The key `name` sorts by: its letters as a reader alphabetises them (case and accents set
/// aside, a ligature as its letters, `Æ` as `ae`, `Ł` as `l`), each run of ASCII digits
/// written as its length (two digits) then the digits without leading zeros, so shorter
/// numbers come first and equal lengths compare digit by digit; then, for names that fold
/// alike (`Elan`, `Élan`), the name in lowercase, so the order is whole and stable.
pub fn name_order_key(name: &str) -> String {
    let mut key = keyed(name, alphabetised);
    key.push('\0');
    key.push_str(&keyed(name, |c, key| key.extend(c.to_lowercase())));
    key
}

/// `c` as it is alphabetised, onto `key`: its compatibility decomposition (`ﬁ` is `fi`, `ǅ`
/// is `dž`) without accents, lowercased; the Latin letters that have no decomposition but
/// are alphabetised as others (`æ`, `ø`, `ł`, `đ`, `ß`, `þ`) as those.
fn alphabetised(c: char, key: &mut String) {
    if c.is_ascii() {
        key.push(c.to_ascii_lowercase());
        return;
    }
    decompose_compatible(c, |part| {
        if is_combining_mark(part) {
            return;
        }
        for lower in part.to_lowercase() {
            match lower {
                'æ' => key.push_str("ae"),
                'œ' => key.push_str("oe"),
                'ø' => key.push('o'),
                'ł' => key.push('l'),
                'đ' | 'ð' => key.push('d'),
                'ħ' => key.push('h'),
                'ı' => key.push('i'),
                'ŧ' => key.push('t'),
                'þ' => key.push_str("th"),
                'ß' => key.push_str("ss"),
                other => key.push(other),
            }
        }
    });
}

/// `name` with each letter as `letter` writes it and each run of digits by its value.
fn keyed(name: &str, letter: impl Fn(char, &mut String)) -> String {
    let mut key = String::with_capacity(name.len() + 4);
    let mut chars = name.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            let mut digits = String::from(c);
            while let Some(&next) = chars.peek().filter(|next| next.is_ascii_digit()) {
                digits.push(next);
                chars.next();
            }
            let value = digits.trim_start_matches('0');
            // Longer than 99 digits: nobody counts that far; the rest compares as written.
            key.push_str(&format!("{:02}", value.len().min(99)));
            key.push_str(value);
        } else {
            letter(c, &mut key);
        }
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn numbers_are_ordered_by_value_and_letters_by_case_folded_text() {
        let mut names = vec![
            "Project 59899",
            "project 5990",
            "Project 59919",
            "Alpha",
            "beta",
            "2",
        ];
        names.sort_by_key(|name| name_order_key(name));
        assert_eq!(
            names,
            [
                "2",
                "Alpha",
                "beta",
                "project 5990",
                "Project 59899",
                "Project 59919"
            ]
        );
    }

    /// `names` in name order.
    fn sorted(mut names: Vec<&str>) -> Vec<&str> {
        names.sort_by_key(|name| name_order_key(name));
        names
    }

    /// Accented names sort among the letters they are written with, not after Z.
    #[test]
    fn accents_are_set_aside_and_only_break_ties() {
        assert_eq!(
            sorted(vec![
                "Zebra", "Émile", "Echo", "ábc", "Ärzte", "Omega", "Élan", "Elan"
            ]),
            [
                "ábc", "Ärzte", "Echo", "Elan", "Élan", "Émile", "Omega", "Zebra"
            ]
        );
        // Letters with no decomposition, ligatures and digraphs among their letters too.
        assert_eq!(
            sorted(vec![
                "Zeta", "Æon", "Łódź", "Œuvre", "ǅemal", "ﬁne", "Ørsted", "Lima"
            ]),
            [
                "Æon", "ǅemal", "ﬁne", "Lima", "Łódź", "Œuvre", "Ørsted", "Zeta"
            ]
        );
    }

    proptest! {
        /// Two numbers after the same words are ordered as the numbers are.
        #[test]
        fn numbers_sort_by_value(a in 0u64..10_000_000, b in 0u64..10_000_000) {
            let (ka, kb) = (name_order_key(&format!("Item {a}")), name_order_key(&format!("Item {b}")));
            prop_assert_eq!(ka.cmp(&kb), a.cmp(&b));
        }
    }
}
