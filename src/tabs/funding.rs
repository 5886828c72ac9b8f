//! The Funding tab: each programme with its total and period, then a labelled horizontal bar
//! for each of its projects (the chart is also the tab's list, one row per record), and its
//! choices: the order of the projects (`o`) and the second chart of totals by category (`c`).

use std::sync::Arc;

use ratatui::{
    buffer::Buffer,
    layout::{Constraint, Rect},
    text::{Line, Span},
    widgets::{Block, Cell, Row, Widget},
};

use super::{TabView, list::render_rows};
use crate::{
    chrome::{
        layout::{Panes, TabExtras},
        text,
        theme::Theme,
    },
    data::{
        Catalog, CategoryTotal, FundingSort, ProjectView, RecordRef, Tab, UNCATEGORISED,
        category_totals,
    },
    format::{format_period, format_share, format_usd, with_aside},
    plural::counted,
};

/// The Funding tab.
pub struct FundingTab {
    /// Its list (the chart) and detail pane.
    pub view: TabView,
    /// Whether the totals by category show.
    grouped: bool,
    /// The totals by category, largest first.
    categories: Vec<CategoryTotal>,
    catalog: Arc<Catalog>,
    /// The styles it is drawn with.
    pub theme: Theme,
}

impl FundingTab {
    /// The programmes of `catalog`, each followed by its projects as the source lists them.
    pub fn new(catalog: Arc<Catalog>) -> Self {
        Self {
            view: TabView::of_tab(&catalog, Tab::Funding),
            grouped: false,
            categories: category_totals(&catalog),
            catalog,
            theme: Theme::default(),
        }
    }

    /// The order of the projects.
    pub fn sort(&self) -> FundingSort {
        FundingSort::from_key(self.view.controls.shape().sort).unwrap_or_default()
    }

    /// Whether the totals by category show.
    pub fn grouped(&self) -> bool {
        self.grouped
    }

    /// The totals by category, largest first.
    pub fn categories(&self) -> &[CategoryTotal] {
        &self.categories
    }

    /// Orders the projects by `sort`, keeping the selection.
    pub fn set_sort(&mut self, sort: FundingSort, page: usize) {
        self.view.controls.set_sort(sort.key(), false);
        self.view.reshape(&self.catalog, Tab::Funding, page);
    }

    /// Shows the totals by category, or hides them.
    pub fn toggle_grouped(&mut self) {
        self.grouped = !self.grouped;
    }

    /// Shows the totals by category (`true`) or not.
    pub fn set_grouped(&mut self, grouped: bool) {
        self.grouped = grouped;
    }

    /// The second chart under the list, when grouped.
    pub fn extras(&self) -> TabExtras {
        if self.grouped {
            TabExtras {
                second_chart_rows: u16::try_from(self.categories.len()).unwrap_or(u16::MAX),
                ..TabExtras::default()
            }
        } else {
            TabExtras::default()
        }
    }
}

impl Widget for &FundingTab {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let panes = Panes::new(area, self.extras());
        let layout = FundingLayout {
            sort: self.sort(),
            categories: self.grouped.then_some(self.categories.as_slice()),
        };
        render_funding(&panes, buf, &self.catalog, &self.view, &self.theme, &layout);
        super::render_detail(&panes, buf, &self.catalog, &self.view, &self.theme);
    }
}

const PARTIAL_BLOCKS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
const SHARE_WIDTH: usize = 6;
/// Columns of the `▶ ` marker in front of a chosen line.
const SELECTION_MARKER_WIDTH: usize = 2;
const MIN_BAR: usize = 10;

/// A bar of `width` cells for `amount` out of `largest`, in eighths of a cell; a positive amount
/// always shows at least a sliver.
pub fn bar(amount: u128, largest: u128, width: usize) -> String {
    if width == 0 || largest == 0 {
        return String::new();
    }
    let cells = width as u128 * 8;
    // amount ≤ largest, so amount * cells fits unless both are near u128::MAX; then scale down.
    let eighths = match amount.checked_mul(cells) {
        Some(product) => product.saturating_add(largest / 2) / largest,
        None => amount / (largest / cells).max(1),
    };
    let eighths = usize::try_from(eighths)
        .unwrap_or(usize::MAX)
        .min(width * 8);
    let eighths = if amount > 0 { eighths.max(1) } else { 0 };
    let mut out = "█".repeat(eighths / 8);
    out.push_str(PARTIAL_BLOCKS[eighths % 8]);
    out
}

fn project(catalog: &Catalog, record: RecordRef) -> Option<(ProjectView<'_>, u32)> {
    let RecordRef::Project(i) = record else {
        return None;
    };
    let project = catalog.project(i)?;
    Some((project, project.programme()))
}

fn programme_row(catalog: &Catalog, programme: u32, width: usize, theme: &Theme) -> Row<'static> {
    let Some(data) = catalog.programme(programme) else {
        return Row::new([""]);
    };
    let projects = catalog
        .relations(RecordRef::Programme(programme))
        .iter()
        .filter(|relation| matches!(relation.target, RecordRef::Project(_)))
        .count();
    let period = format_period(data.period());
    let sum = format_usd(catalog.programme_total(programme).into());
    // The source gives no total: the header says the amount is a sum, in full where it fits.
    let facts = format!(" · {period} · sum of the listed projects {sum}");
    let short_facts = format!(" · {period} · sum {sum}");
    let count = format!(" · {}", counted(projects, "project"));
    // The sum and period matter more than the count, and more than the whole title.
    let title = text::width(data.title());
    let label = if title + text::width(&facts) + text::width(&count) <= width {
        format!("{}{facts}{count}", data.title())
    } else if title + text::width(&facts) <= width {
        format!("{}{facts}", data.title())
    } else if title + text::width(&short_facts) + text::width(&count) <= width {
        format!("{}{short_facts}{count}", data.title())
    } else {
        let room = width.saturating_sub(text::width(&short_facts));
        format!("{}{short_facts}", text::truncate(data.title(), room.max(8)))
    };
    Row::new([Cell::from(Span::styled(
        text::truncate(&label, width),
        theme.programme,
    ))])
}

/// The widths of a chart line: the label, the bar, the amount, the share.
struct ChartColumns {
    label: usize,
    bar: usize,
    amount: usize,
}

impl ChartColumns {
    /// Labels take what the bars can spare, down to a bar of [`MIN_BAR`] cells.
    fn fit(width: usize, longest_label: usize, amount: usize) -> Self {
        let fixed = INDENT.len() + 1 + amount + 1 + SHARE_WIDTH;
        let label = longest_label
            .min(width.saturating_sub(fixed + MIN_BAR))
            .max(6.min(width));
        Self {
            label,
            // The label is followed by a space before the bar.
            bar: width.saturating_sub(fixed + label + 1),
            amount,
        }
    }
}

const INDENT: &str = "  ";

/// One line of a chart: label, bar, amount and share.
fn chart_line(
    label: &str,
    amount: u128,
    largest: u128,
    total: u128,
    columns: &ChartColumns,
    theme: &Theme,
) -> Line<'static> {
    let drawn = bar(amount, largest, columns.bar);
    let padding = columns.bar.saturating_sub(text::width(&drawn));
    let width = columns.amount;
    Line::from(vec![
        Span::raw(INDENT),
        Span::raw(text::fit(label, columns.label)),
        Span::raw(" "),
        Span::styled(drawn, theme.bar),
        Span::raw(" ".repeat(padding + 1)),
        Span::raw(format!("{:>width$}", format_usd(amount))),
        Span::styled(
            format!(" {:>SHARE_WIDTH$}", format_share(amount, total)),
            theme.dim,
        ),
    ])
}

/// How the Funding tab is arranged.
struct FundingLayout<'a> {
    /// The order of the projects.
    sort: FundingSort,
    /// The totals by category, when the grouped view is on.
    categories: Option<&'a [CategoryTotal]>,
}

/// Draws the funding chart, and the chart by category when grouped.
fn render_funding(
    panes: &Panes,
    buf: &mut Buffer,
    catalog: &Catalog,
    view: &TabView,
    theme: &Theme,
    layout: &FundingLayout,
) {
    let count = catalog.counts().programmes + catalog.counts().projects;
    let title = Line::from(format!(
        " Funding · {} · c totals by category ",
        view.controls.describe(view.rows.len(), count, "rows")
    ));
    let _ = layout.sort;
    render_rows(
        panes,
        buf,
        title,
        view,
        &[Constraint::Fill(1)],
        None,
        theme,
        |window, _, width| {
            // The chart's rows leave room for the selection marker.
            let width = usize::from(width).saturating_sub(2);
            let projects: Vec<(ProjectView<'_>, u32)> =
                window.iter().filter_map(|&r| project(catalog, r)).collect();
            let amount = projects
                .iter()
                .map(|(p, _)| text::width(&format_usd(p.amount_usd().into())))
                .max()
                .unwrap_or(0);
            let longest = projects
                .iter()
                .map(|(p, _)| text::width(p.title()))
                .max()
                .unwrap_or(0);
            let columns = ChartColumns::fit(width, longest, amount);
            window
                .iter()
                .map(|&record| {
                    if let RecordRef::Programme(programme) = record {
                        return programme_row(catalog, programme, width, theme);
                    }
                    let Some((project, programme)) = project(catalog, record) else {
                        return Row::new([""]);
                    };
                    let largest = u128::from(catalog.programme_largest(programme));
                    let total = u128::from(catalog.programme_total(programme));
                    let line = chart_line(
                        project.title(),
                        u128::from(project.amount_usd()),
                        largest,
                        total,
                        &columns,
                        theme,
                    );
                    Row::new([Cell::from(line)])
                })
                .collect()
        },
    );
    if let (Some(area), Some(categories)) = (panes.second, layout.categories) {
        let selected_category = view
            .selected()
            .and_then(|record| project(catalog, record))
            .map(|(project, _)| project.category().unwrap_or(UNCATEGORISED));
        render_categories(area, buf, categories, selected_category, theme);
    }
}

/// The second chart: funding summed by category, the selected project's category marked.
fn render_categories(
    area: Rect,
    buf: &mut Buffer,
    categories: &[CategoryTotal],
    selected: Option<&str>,
    theme: &Theme,
) {
    let block = Block::bordered()
        .border_style(theme.border)
        .title(Line::styled(
            " By category · a classification, not from the source ",
            theme.pane_title,
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    let total: u128 = categories.iter().map(|c| c.amount).sum();
    let largest = categories.iter().map(|c| c.amount).max().unwrap_or(0);
    let labels: Vec<String> = categories
        .iter()
        .map(|c| with_aside(&c.name, &c.projects.to_string()))
        .collect();
    let longest = labels.iter().map(|l| text::width(l)).max().unwrap_or(0);
    let amount = categories
        .iter()
        .map(|c| text::width(&format_usd(c.amount)))
        .max()
        .unwrap_or(0);
    let width = usize::from(inner.width).saturating_sub(SELECTION_MARKER_WIDTH);
    let columns = ChartColumns::fit(width, longest, amount);
    for (row, (category, label)) in categories
        .iter()
        .zip(&labels)
        .enumerate()
        .take(usize::from(inner.height))
    {
        let line_area = Rect {
            y: inner.y + row as u16,
            height: 1,
            ..inner
        };
        let chosen = selected == Some(category.name.as_str());
        let marker = if chosen { "▶ " } else { "  " };
        let mut line = chart_line(label, category.amount, largest, total, &columns, theme);
        line.spans.insert(0, Span::raw(marker));
        if chosen {
            line = line.style(theme.selected);
        }
        line.render(line_area, buf);
    }
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
        assert_eq!(bar(u128::MAX, u128::MAX, 3), "███");
    }
}
