//! The Funding tab: each programme with its total and period, then a labelled horizontal bar
//! for each of its projects (the chart is also the tab's list, one row per record), and its
//! choices: the order of the projects (`o`) and the second chart of totals by category (`c`).
//! Both charts are drawn to one scale (`funding/chart.rs`), so their bars can be compared, and
//! it is the same whether the categories show or not: showing them leaves the bars as they were.

use std::sync::Arc;

use ratatui::{
    buffer::Buffer,
    layout::{Constraint, Rect},
    text::{Line, Span},
    widgets::{Cell, Row, Widget},
};

mod categories;
mod chart;

use categories::{Categories, render_categories};
use chart::{ChartExtent, ChartScale};

use super::TabHints;
use super::{TabView, list::FundingSort, list::render_rows};
use crate::{
    chrome::{
        layout::{Panes, TabExtras},
        text,
        theme::Theme,
    },
    data::{
        Catalog, CategoryTotal, ProjectView, RecordRef, SHARE_OF_SUM, Tab, UNCATEGORISED,
        category_totals,
    },
    format::{format_period, format_usd, with_aside},
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
    /// Each category's label in its chart: its name and how many projects it has.
    category_labels: Vec<String>,
    /// The largest project of all.
    largest_project: u128,
    /// What the totals by category hold: a full bar stands for the largest of them or of the
    /// projects, whether they show or not, so `c` leaves the bars as they were.
    categories_extent: ChartExtent,
    catalog: Arc<Catalog>,
    /// The styles it is drawn with.
    pub theme: Theme,
    /// The keys its texts name.
    pub hints: Arc<TabHints>,
}

impl FundingTab {
    /// The programmes of `catalog`, each followed by its projects as the source lists them.
    pub fn new(catalog: Arc<Catalog>) -> Self {
        let categories = category_totals(&catalog);
        let category_labels: Vec<String> = categories
            .iter()
            .map(|c| with_aside(&c.name, &c.projects.to_string()))
            .collect();
        let programmes = u32::try_from(catalog.counts().programmes).unwrap_or(u32::MAX);
        let largest_project = (0..programmes)
            .map(|programme| catalog.programme_largest(programme))
            .max()
            .unwrap_or(0);
        let categories_extent = Categories {
            totals: &categories,
            labels: &category_labels,
        }
        .extent();
        Self {
            categories_extent,
            view: TabView::of_tab(&Arc::default(), &catalog, Tab::Funding),
            grouped: false,
            categories,
            category_labels,
            largest_project: largest_project.into(),
            catalog,
            theme: Theme::default(),
            hints: Arc::default(),
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

    /// The rows the chart holds, and the second chart under it when grouped.
    pub fn extras(&self) -> TabExtras {
        let second_chart_rows = match self.grouped {
            true => u16::try_from(self.categories.len()).unwrap_or(u16::MAX),
            false => 0,
        };
        TabExtras {
            second_chart_rows,
            list_rows: self.view.layout_rows(),
            ..TabExtras::default()
        }
    }
}

impl Widget for &FundingTab {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let panes = Panes::new(area, self.extras());
        let layout = FundingLayout {
            categories: self.grouped.then(|| Categories {
                totals: &self.categories,
                labels: &self.category_labels,
            }),
            largest_project: self.largest_project,
            categories_extent: self.categories_extent,
            categories_hint: &self.hints.funding_categories,
        };
        render_funding(&panes, buf, &self.catalog, &self.view, &self.theme, &layout);
        super::render_detail(
            &panes,
            buf,
            &self.catalog,
            &self.view,
            &self.theme,
            &self.hints,
        );
    }
}

/// Columns of the `▶ ` marker in front of a chosen line.
const SELECTION_MARKER_WIDTH: usize = 2;

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
    let facts = ProgrammeFacts {
        title: data.title(),
        period: format_period(data.period()),
        sum: format_usd(catalog.programme_total(programme).into()),
        projects,
    };
    let label = facts.label(width);
    Row::new([Cell::from(Span::styled(label, theme.programme))])
}

/// What a programme's line says.
struct ProgrammeFacts<'a> {
    title: &'a str,
    period: String,
    sum: String,
    projects: usize,
}

/// The fewest columns of a programme's title kept before its period is left out.
const TITLE_WITH_PERIOD: usize = 10;
/// The fewest columns of a programme's title kept at all.
const TITLE_MIN: usize = 8;

impl ProgrammeFacts<'_> {
    /// The line in `width` columns. The source gives no total, so the amount always reads as
    /// the sum of the listed projects; that matters more than the count, the whole title and
    /// then the period (the detail pane has both).
    fn label(&self, width: usize) -> String {
        let sum = format!(" · sum of the listed projects {}", self.sum);
        let period = format!(" · {}", self.period);
        let count = format!(" · {}", counted(self.projects, "project"));
        let title = text::width(self.title);
        let with_period = text::width(&period) + text::width(&sum);
        let label = if title + with_period + text::width(&count) <= width {
            format!("{}{period}{sum}{count}", self.title)
        } else if title.min(TITLE_WITH_PERIOD) + with_period <= width {
            let room = width - with_period;
            format!("{}{period}{sum}", text::truncate(self.title, room))
        } else if title.min(TITLE_MIN) + text::width(&sum) <= width {
            let room = width - text::width(&sum);
            format!("{}{sum}", text::truncate(self.title, room))
        } else {
            // Narrower than any terminal the explorer lays out, but the amount stays whole.
            let short = format!(" · sum {}", self.sum);
            let room = width.saturating_sub(text::width(&short)).max(TITLE_MIN);
            format!("{}{short}", text::truncate(self.title, room))
        };
        text::truncate(&label, width)
    }
}

/// Says on the list's bottom border, left of its position, what the rows' percentages are:
/// computed, the source giving none. Left out where it would not fit beside the position.
fn footnote_shares(list: Rect, buf: &mut Buffer, theme: &Theme) {
    let note = format!(" % {} ", SHARE_OF_SUM.text());
    // Room for the corner, the note, and the position label (` 5/5 `) right of it.
    let room = usize::from(list.width).saturating_sub(2 + 12);
    if list.height < 2 || text::width(&note) > room {
        return;
    }
    let y = list.bottom() - 1;
    buf.set_string(list.x + 1, y, &note, theme.dim);
}

/// How the Funding tab is arranged.
struct FundingLayout<'a> {
    /// The totals by category, when the grouped view is on.
    categories: Option<Categories<'a>>,
    /// The largest project of all.
    largest_project: u128,
    /// What the totals by category hold, shown or not.
    categories_extent: ChartExtent,
    /// The keys that show the totals by category, and what they do.
    categories_hint: &'a str,
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
    let described = view.describe(count, "rows");
    let title = Line::from(if layout.categories_hint.is_empty() {
        format!(" Funding · {described} ")
    } else {
        format!(" Funding · {described} · {} ", layout.categories_hint)
    });
    // Set while the projects are drawn, for the categories to be drawn to the same scale.
    let mut scale = None;
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
            let width = usize::from(width).saturating_sub(SELECTION_MARKER_WIDTH);
            let projects = window.iter().filter_map(|&r| project(catalog, r));
            // The largest project of all, not of the window: scrolling keeps the scale; and
            // the categories whether they show or not: `c` keeps it too.
            let extent =
                ChartExtent::of(projects.map(|(p, _)| (p.title(), u128::from(p.amount_usd()))))
                    .with_largest(layout.largest_project)
                    .with(layout.categories_extent);
            let chart = ChartScale::fit(width, extent);
            scale = Some(chart);
            window
                .iter()
                .map(|&record| {
                    if let RecordRef::Programme(programme) = record {
                        return programme_row(catalog, programme, width, theme);
                    }
                    let Some((project, programme)) = project(catalog, record) else {
                        return Row::new([""]);
                    };
                    let total = u128::from(catalog.programme_total(programme));
                    let line = chart.line(
                        project.title(),
                        u128::from(project.amount_usd()),
                        total,
                        theme,
                    );
                    Row::new([Cell::from(line)])
                })
                .collect()
        },
    );
    footnote_shares(panes.list, buf, theme);
    if let (Some(area), Some(categories)) = (panes.second, layout.categories) {
        let selected_category = view
            .selected()
            .and_then(|record| project(catalog, record))
            .map(|(project, _)| project.category().unwrap_or(UNCATEGORISED));
        // With no project on screen, the categories still fit the width they have.
        let scale = scale.unwrap_or_else(|| {
            let width = usize::from(area.width.saturating_sub(2));
            ChartScale::fit(
                width.saturating_sub(SELECTION_MARKER_WIDTH),
                layout
                    .categories_extent
                    .with_largest(layout.largest_project),
            )
        });
        render_categories(area, buf, categories, selected_category, &scale, theme);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_programme_line_always_calls_its_amount_the_sum_of_the_listed_projects() {
        let facts = ProgrammeFacts {
            title: "IDB Program for Kazakhstan",
            period: "2003–2006".to_string(),
            sum: "USD 55 mln".to_string(),
            projects: 4,
        };
        let lines: Vec<String> = [200, 76, 62, 56, 40].map(|w| facts.label(w)).into();
        assert_eq!(
            lines,
            [
                "IDB Program for Kazakhstan · 2003–2006 · sum of the listed projects USD 55 mln · 4 projects",
                "IDB Program for Kazakhs… · 2003–2006 · sum of the listed projects USD 55 mln",
                "IDB Progr… · 2003–2006 · sum of the listed projects USD 55 mln",
                "IDB Program for… · sum of the listed projects USD 55 mln",
                "IDB Program for Kazakh… · sum USD 55 mln",
            ]
        );
        for width in 0..120 {
            assert!(text::width(&facts.label(width)) <= width, "{width}");
        }
    }
}
