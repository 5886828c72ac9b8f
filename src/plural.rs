//! A count and its noun, as people write them: `1 paragraph`, `2 paragraphs`, `0 paragraphs`.
//! A leaf: it depends on nothing, so the data, the tabs and the commands can all use it.

/// `count` followed by `noun`, in the plural unless the count is one (the nouns said here all
/// take an `s`).
pub fn counted<T>(count: T, noun: &str) -> String
where
    T: std::fmt::Display + PartialEq + From<u8>,
{
    if count == T::from(1) {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(counted(1_u32, "paragraph"), "1 paragraph");
        assert_eq!(counted(0_u32, "paragraph"), "0 paragraphs");
        assert_eq!(counted(15_usize, "record quote"), "15 record quotes");
        assert_eq!(counted(u64::MAX, "byte"), "18446744073709551615 bytes");
    }
}
