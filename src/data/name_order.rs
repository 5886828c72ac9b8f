//! How names are put in order A to Z, everywhere a list sorts by name or place: letters as
//! search folds them (case and accents set aside: `Émile` among the E's, `Ångström` among the
//! A's), and a run of digits by its value, so `Project 5990` comes before `Project 59899` as a
//! reader counts, not as characters compare.

use crate::search::text_form::folded_char;

/// The key `name` sorts by: its letters folded as search folds them, each run of ASCII digits
/// written as its length (two digits) then the digits without leading zeros, so shorter
/// numbers come first and equal lengths compare digit by digit; then, for names that fold
/// alike (`Elan`, `Élan`), the name in lowercase, so the order is whole and stable.
pub fn name_order_key(name: &str) -> String {
    let mut key = keyed(name, folded_char);
    key.push('\0');
    key.push_str(&keyed(name, |c| c.to_lowercase().next().unwrap_or(c)));
    key
}

/// `name` with each letter as `letter` makes it and each run of digits by its value.
fn keyed(name: &str, letter: impl Fn(char) -> char) -> String {
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
            key.push(letter(c));
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

    /// Accented names sort among the letters they are written with, not after Z.
    #[test]
    fn accents_are_set_aside_and_only_break_ties() {
        let mut names = vec![
            "Zebra", "Émile", "Echo", "ábc", "Ärzte", "Omega", "Élan", "Elan",
        ];
        names.sort_by_key(|name| name_order_key(name));
        assert_eq!(
            names,
            [
                "ábc", "Ärzte", "Echo", "Elan", "Élan", "Émile", "Omega", "Zebra"
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
