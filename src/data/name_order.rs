//! How names are put in order A to Z, everywhere a list sorts by name or place: case folded,
//! and a run of digits by its value, so `Project 5990` comes before `Project 59899` as a
//! reader counts, not as characters compare.

/// The key `name` sorts by: lowercase, each run of ASCII digits written as its length (two
/// digits) then the digits without leading zeros, so shorter numbers come first and equal
/// lengths compare digit by digit.
pub fn name_order_key(name: &str) -> String {
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
            key.extend(c.to_lowercase());
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

    proptest! {
        /// Two numbers after the same words are ordered as the numbers are.
        #[test]
        fn numbers_sort_by_value(a in 0u64..10_000_000, b in 0u64..10_000_000) {
            let (ka, kb) = (name_order_key(&format!("Item {a}")), name_order_key(&format!("Item {b}")));
            prop_assert_eq!(ka.cmp(&kb), a.cmp(&b));
        }
    }
}
