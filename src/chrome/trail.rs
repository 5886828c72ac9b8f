//! The status bar's trail of places visited, `A › B › here`, fitted to the columns it is
//! given: the latest steps whole while they fit, older ones left out behind `…`. A step is cut
//! only when it must be, the older first and the current step last, and never below
//! [`STEP_MIN`] columns.

use super::text;

/// The fewest columns a cut step keeps: enough to recognise it.
pub const STEP_MIN: usize = 10;
/// Between two steps.
const SEPARATOR: &str = " › ";
/// In front of the steps when older ones are left out.
const LEFT_OUT: &str = "… › ";

/// The columns the trail of `steps` takes with its last two steps cut to `step_columns` at
/// most, and with only the current step; `None` when there is nothing to show (fewer than two
/// steps).
pub fn width_with_steps_cut_to(steps: &[String], step_columns: usize) -> Option<[usize; 2]> {
    let [.., previous, current] = steps else {
        return None;
    };
    let cut = |step: &str| text::width(step).min(step_columns);
    let left_out = text::width(LEFT_OUT);
    let before = if steps.len() > 2 { left_out } else { 0 };
    Some([
        before + cut(previous) + text::width(SEPARATOR) + cut(current),
        left_out + cut(current),
    ])
}

/// The trail of `steps` (oldest first, ending where you are) in at most `width` columns, or
/// `None` when not even the current step fits.
pub fn trail(steps: &[String], width: usize) -> Option<String> {
    let [.., previous, current] = steps else {
        return None;
    };
    let separator = text::width(SEPARATOR);
    let left_out = text::width(LEFT_OUT);
    let count = steps.len();
    let older = count - 2;
    // Columns each shown step gets, newest first.
    let mut shown: Vec<usize> = Vec::new();
    let both = least(current) + separator + least(previous) + if older > 0 { left_out } else { 0 };
    if both <= width {
        let spare = width - both;
        let current_columns = grow(current, spare);
        let spare = spare - (current_columns - least(current));
        let previous_columns = grow(previous, spare);
        let mut used = current_columns + separator + previous_columns;
        shown.extend([current_columns, previous_columns]);
        for (index, step) in steps[..older].iter().enumerate().rev() {
            // Showing this one, are any still left out?
            let before = if index > 0 { left_out } else { 0 };
            let room = width.saturating_sub(used + separator + before);
            let columns = text::width(step);
            if columns <= room {
                shown.push(columns);
                used += separator + columns;
            } else {
                if room >= least(step) {
                    shown.push(room);
                }
                break;
            }
        }
    } else if least(current) + left_out <= width {
        shown.push(text::width(current).min(width - left_out));
    } else {
        return None;
    }
    let parts: Vec<String> = shown
        .iter()
        .enumerate()
        .rev()
        .map(|(back, &columns)| cut(&steps[count - 1 - back], columns))
        .collect();
    let before = if shown.len() < count { LEFT_OUT } else { "" };
    Some(format!("{before}{}", parts.join(SEPARATOR)))
}

/// `step` in at most `columns`, a cut ending in `…` straight after a word, not a space.
fn cut(step: &str, columns: usize) -> String {
    let cut = text::truncate(step, columns);
    match cut.strip_suffix('…') {
        Some(kept) if cut != step => format!("{}…", kept.trim_end()),
        _ => cut,
    }
}

/// The columns a step keeps at the least.
fn least(step: &str) -> usize {
    text::width(step).min(STEP_MIN)
}

/// The columns `step` gets from its least with `spare` more to give: no more than it needs.
fn grow(step: &str, spare: usize) -> usize {
    let least = least(step);
    least + spare.min(text::width(step) - least)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn steps(names: &[&str]) -> Vec<String> {
        names.iter().map(|name| name.to_string()).collect()
    }

    #[test]
    fn one_step_is_no_trail() {
        assert_eq!(trail(&steps(&["here"]), 80), None);
        assert_eq!(width_with_steps_cut_to(&steps(&["here"]), STEP_MIN), None);
        assert_eq!(trail(&[], 80), None);
    }

    #[test]
    fn whole_steps_where_they_fit() {
        let long = steps(&[
            "Kazakhstan joins the OIC",
            "Kazakhstan",
            "Second Congress of World and Traditional Religions",
            "Islamic Development Bank (IDB)",
        ]);
        assert_eq!(
            trail(&long, 200).as_deref(),
            Some(
                "Kazakhstan joins the OIC › Kazakhstan › Second Congress of World and \
                 Traditional Religions › Islamic Development Bank (IDB)"
            )
        );
        // The oldest is left out, then cut, before the current step is.
        assert_eq!(
            trail(&long, 100).as_deref(),
            Some(
                "… › Kazakhstan › Second Congress of World and Traditional Religions › Islamic \
                 Development Bank (IDB)"
            )
        );
        assert_eq!(
            trail(&long, 60).as_deref(),
            Some("… › Second Congress of Wor… › Islamic Development Bank (IDB)")
        );
        assert_eq!(
            trail(&long, 40).as_deref(),
            Some("… › Second Co… › Islamic Development Ba…")
        );
        assert_eq!(trail(&long, 20).as_deref(), Some("… › Islamic Develop…"));
        assert_eq!(trail(&long, 10), None);
    }

    #[test]
    fn a_trail_never_passes_its_width() {
        let long = steps(&[
            "a",
            "Kazakhstan joins the OIC",
            "¶12",
            "Islamic Development Bank",
        ]);
        for width in 0..120 {
            if let Some(shown) = trail(&long, width) {
                assert!(text::width(&shown) <= width, "{width}: {shown}");
            }
        }
        let [two, one] = width_with_steps_cut_to(&long, STEP_MIN).unwrap();
        assert!(trail(&long, two).unwrap().contains(" › ¶12 › "));
        assert!(trail(&long, one).is_some());
    }
}
