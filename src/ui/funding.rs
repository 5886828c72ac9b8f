//! The Funding tab's chart: each programme with its total and period, then a labelled
//! horizontal bar for each of its projects. It is also the tab's list: one row per record.

use ratatui::{
    buffer::Buffer,
    layout::{Constraint, Rect},
    text::{Line, Span},
    widgets::{Cell, Row},
};

use super::{record_list::render_record_list, text, theme::Theme};
use crate::{
    app::TabView,
    data::{Catalog, Project, RecordRef},
    format::{format_period, format_share, format_usd},
};

const PARTIAL_BLOCKS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
const SHARE_WIDTH: usize = 6;
const MIN_BAR: usize = 10;

/// A bar of `width` cells for `amount` out of `largest`, in eighths of a cell; a positive amount
/// always shows at least a sliver.
pub fn bar(amount: u64, largest: u64, width: usize) -> String {
    if width == 0 || largest == 0 {
        return String::new();
    }
    let eighths =
        (u128::from(amount) * (width as u128) * 8 + u128::from(largest) / 2) / u128::from(largest);
    let eighths = usize::try_from(eighths)
        .unwrap_or(usize::MAX)
        .min(width * 8);
    let eighths = if amount > 0 { eighths.max(1) } else { 0 };
    let mut out = "█".repeat(eighths / 8);
    out.push_str(PARTIAL_BLOCKS[eighths % 8]);
    out
}

fn project(catalog: &Catalog, record: RecordRef) -> Option<(&Project, u32)> {
    let RecordRef::Project(i) = record else {
        return None;
    };
    let project = catalog.dataset().projects.get(i as usize)?;
    let RecordRef::Programme(programme) = catalog.find(&project.programme)? else {
        return None;
    };
    Some((project, programme))
}

fn programme_row(catalog: &Catalog, programme: u32, width: usize, theme: &Theme) -> Row<'static> {
    let Some(data) = catalog.dataset().programmes.get(programme as usize) else {
        return Row::new([""]);
    };
    let projects = catalog
        .relations(RecordRef::Programme(programme))
        .iter()
        .filter(|relation| matches!(relation.target, RecordRef::Project(_)))
        .count();
    let facts = format!(
        " · {} · total {}",
        format_period(data.period),
        format_usd(catalog.programme_total(programme))
    );
    let count = format!(
        " · {projects} project{}",
        if projects == 1 { "" } else { "s" }
    );
    // The total and period matter more than the count, and more than the whole title.
    let label = if text::width(&data.title) + text::width(&facts) + text::width(&count) <= width {
        format!("{}{facts}{count}", data.title)
    } else {
        let room = width.saturating_sub(text::width(&facts));
        format!("{}{facts}", text::truncate(&data.title, room.max(8)))
    };
    Row::new([Cell::from(Span::styled(
        text::truncate(&label, width),
        theme.programme,
    ))])
}

/// Draws the funding chart.
pub fn render_funding(
    area: Rect,
    buf: &mut Buffer,
    catalog: &Catalog,
    view: &TabView,
    theme: &Theme,
) {
    let title = Line::from(" Funding · USD, share of programme total ");
    render_record_list(
        area,
        buf,
        title,
        view,
        &[Constraint::Fill(1)],
        theme,
        |window, _, width| {
            let projects: Vec<(&Project, u32)> =
                window.iter().filter_map(|&r| project(catalog, r)).collect();
            let amount_width = projects
                .iter()
                .map(|(p, _)| text::width(&format_usd(p.amount_usd)))
                .max()
                .unwrap_or(0);
            let fixed = 2 + 1 + amount_width + 1 + SHARE_WIDTH;
            let longest_name = projects
                .iter()
                .map(|(p, _)| text::width(&p.title))
                .max()
                .unwrap_or(0);
            // Names take what the bars can spare, down to a bar of MIN_BAR cells.
            let name_width = longest_name
                .min(width.saturating_sub(fixed + MIN_BAR))
                .max(6.min(width));
            let bar_width = width.saturating_sub(fixed + name_width + 1);
            window
                .iter()
                .map(|&record| {
                    if let RecordRef::Programme(programme) = record {
                        return programme_row(catalog, programme, width, theme);
                    }
                    let Some((project, programme)) = project(catalog, record) else {
                        return Row::new([""]);
                    };
                    let largest = catalog.programme_largest(programme);
                    let total = catalog.programme_total(programme);
                    let drawn = bar(project.amount_usd, largest, bar_width);
                    let padding = bar_width.saturating_sub(text::width(&drawn));
                    let amount = format_usd(project.amount_usd);
                    let share = format_share(project.amount_usd, total);
                    Row::new([Cell::from(Line::from(vec![
                        Span::raw("  "),
                        Span::raw(text::fit(&project.title, name_width)),
                        Span::raw(" "),
                        Span::styled(drawn, theme.bar),
                        Span::raw(" ".repeat(padding + 1)),
                        Span::raw(format!("{amount:>amount_width$}")),
                        Span::styled(format!(" {share:>SHARE_WIDTH$}"), theme.dim),
                    ]))])
                })
                .collect()
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_amount() {
        assert_eq!(bar(20, 20, 10), "█".repeat(10));
        assert_eq!(bar(10, 20, 10), "█".repeat(5));
        assert_eq!(bar(15, 20, 10), format!("{}▌", "█".repeat(7)));
        assert_eq!(bar(1, 1_000_000, 10), "▏", "a tiny amount still shows");
        assert_eq!(bar(5, 10, 0), "");
        assert_eq!(bar(u64::MAX, u64::MAX, 3), "███");
    }
}
