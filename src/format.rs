//! How amounts, shares, periods and asides are written, everywhere the same.

use crate::data::Period;

fn with_separators(value: u128) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (position, digit) in digits.chars().enumerate() {
        if position > 0 && (digits.len() - position).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// An amount of whole US dollars as the source writes it: `USD 10 mln`, `USD 2.5 mln`; in
/// full (`USD 750,000`, `USD 9,999,999`) below a million or where millions to two decimals
/// would not be exact. Never rounded: a figure shown is the figure the data gives.
pub fn format_usd(amount: u128) -> String {
    if amount < 1_000_000 || !amount.is_multiple_of(10_000) {
        return format!("USD {}", with_separators(amount));
    }
    let hundredths = amount / 10_000;
    let (whole, fraction) = (hundredths / 100, hundredths % 100);
    let whole = with_separators(whole);
    match fraction {
        0 => format!("USD {whole} mln"),
        f if f % 10 == 0 => format!("USD {whole}.{} mln", f / 10),
        f => format!("USD {whole}.{f:02} mln"),
    }
}

/// `part` as a share of `total`, to one decimal: `36.4%`. Never misstated by the rounding: a
/// share that is not nothing is never `0.0%` (`<0.1%`), one short of the whole never `100.0%`
/// (`>99.9%`).
pub fn format_share(part: u128, total: u128) -> String {
    if total == 0 {
        return "–".to_string();
    }
    let permille = match part.checked_mul(1000) {
        Some(scaled) => scaled.saturating_add(total / 2) / total,
        // Only amounts near u128::MAX get here; dividing first loses nothing that shows.
        None => part / (total / 1000).max(1),
    };
    match permille {
        0 if part > 0 => "<0.1%".to_string(),
        1000.. if part < total => ">99.9%".to_string(),
        _ => format!("{}.{}%", permille / 10, permille % 10),
    }
}

/// A span of years: `2003–2006`, or one year when it starts and ends in the same year.
pub fn format_period(period: Period) -> String {
    if period.start == period.end {
        period.start.to_string()
    } else {
        format!("{}–{}", period.start, period.end)
    }
}

/// A span of years as ISO 8601 writes it: `2003/2006`, or one year.
pub fn iso_period(period: Period) -> String {
    if period.start == period.end {
        period.start.to_string()
    } else {
        format!("{}/{}", period.start, period.end)
    }
}

/// `text` with `aside` after it in brackets, or after ` · ` when `text` already ends in a
/// bracketed part, so two bracketed parts never stand side by side: `9th OIC Summit (November
/// 2000)`, but `Third Extraordinary Conference (Extraordinary Summit) · 7–8 December 2005`.
pub fn with_aside(text: &str, aside: &str) -> String {
    if text.trim_end().ends_with(')') {
        format!("{text} · {aside}")
    } else {
        format!("{text} ({aside})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_aside_is_bracketed_unless_the_text_ends_in_brackets() {
        assert_eq!(
            with_aside("9th OIC Summit", "2000"),
            "9th OIC Summit (2000)"
        );
        assert_eq!(
            with_aside(
                "Third Extraordinary Conference (Extraordinary Summit)",
                "7–8 December 2005"
            ),
            "Third Extraordinary Conference (Extraordinary Summit) · 7–8 December 2005"
        );
        assert_eq!(with_aside("(OIC) members", "¶1"), "(OIC) members (¶1)");
    }

    #[test]
    fn periods_as_iso_spans() {
        assert_eq!(
            iso_period(Period {
                start: 2003,
                end: 2006
            }),
            "2003/2006"
        );
        assert_eq!(
            iso_period(Period {
                start: 2003,
                end: 2003
            }),
            "2003"
        );
    }

    #[test]
    fn amounts_in_millions_as_the_source_writes_them() {
        assert_eq!(format_usd(10_000_000), "USD 10 mln");
        assert_eq!(format_usd(2_500_000), "USD 2.5 mln");
        assert_eq!(format_usd(1_230_000), "USD 1.23 mln");
        assert_eq!(format_usd(750_000), "USD 750,000");
        assert_eq!(format_usd(1), "USD 1");
        assert_eq!(format_usd(1_500_000_000_000), "USD 1,500,000 mln");
        // Never rounded: what millions to two decimals cannot say exactly is written whole.
        assert_eq!(format_usd(1_234_567), "USD 1,234,567");
        assert_eq!(format_usd(1_995_000), "USD 1,995,000");
        assert_eq!(format_usd(9_999_999), "USD 9,999,999");
        assert_eq!(
            format_usd(u64::MAX.into()),
            "USD 18,446,744,073,709,551,615"
        );
    }

    use proptest::strategy::Strategy as _;

    proptest::proptest! {
        /// Whatever the amount, the figure written is exactly it: read back from its words
        /// (`mln` and the decimals taken as they say), it is the amount.
        #[test]
        fn every_amount_is_written_exactly(
            amount in proptest::prop_oneof![
                proptest::prelude::any::<u64>(),
                // Whole ten thousands, which are written in millions.
                (0..u64::MAX / 10_000).prop_map(|tens| tens * 10_000),
                (0..100_000u64).prop_map(|tens| tens * 10_000),
            ]
        ) {
            let written = format_usd(amount.into());
            let figure = written.strip_prefix("USD ").expect("USD first").replace(',', "");
            let back: u128 = match figure.strip_suffix(" mln") {
                Some(millions) => {
                    let (whole, decimals) = millions.split_once('.').unwrap_or((millions, ""));
                    let hundredths: u128 = format!("{decimals:0<2}").parse().expect("decimals");
                    whole.parse::<u128>().expect("whole") * 1_000_000 + hundredths * 10_000
                }
                None => figure.parse().expect("a whole figure"),
            };
            proptest::prop_assert_eq!(back, u128::from(amount));
        }
    }

    #[test]
    fn shares_round_to_one_decimal() {
        assert_eq!(format_share(20, 55), "36.4%");
        assert_eq!(format_share(10, 55), "18.2%");
        assert_eq!(format_share(15, 55), "27.3%");
        assert_eq!(format_share(55, 55), "100.0%");
        assert_eq!(format_share(1, 0), "–");
        assert_eq!(format_share(u64::MAX.into(), u64::MAX.into()), "100.0%");
        assert_eq!(format_share(u128::MAX, u128::MAX), "100.0%");
        // Rounding never says nothing of something, or the whole of less.
        assert_eq!(format_share(1, 1_000_000_000_000), "<0.1%");
        assert_eq!(format_share(0, 55), "0.0%");
        assert_eq!(format_share(999_999_999, 1_000_000_000), ">99.9%");
        assert_eq!(format_share(u128::MAX - 1, u128::MAX), ">99.9%");
    }

    #[test]
    fn periods() {
        assert_eq!(
            format_period(Period {
                start: 2003,
                end: 2006
            }),
            "2003–2006"
        );
        assert_eq!(
            format_period(Period {
                start: 2003,
                end: 2003
            }),
            "2003"
        );
    }
}
