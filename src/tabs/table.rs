//! A tab that lists one collection's records in a table beside the detail pane, declared by
//! its columns and its cells ([`Table`]): what the Initiatives and Participants tabs are. It
//! owns its list and detail pane, and draws the rows on screen only.

use std::{marker::PhantomData, sync::Arc};

use ratatui::{
    buffer::Buffer,
    layout::Rect,
    text::Line,
    widgets::{Cell, Row, Widget},
};

use super::{
    TabHints, TabView,
    list::{
        ListLook, Orders,
        columns::{ColumnWidths, Columns},
        render_record_list,
    },
};
use crate::{
    chrome::{
        layout::{Panes, TabExtras},
        theme::Theme,
    },
    data::{Catalog, RecordRef, Tab},
};

/// What a table tab shows: its tab, what it calls its records, its columns and their cells.
pub trait Table {
    /// The tab.
    const TAB: Tab;
    /// What its title calls the records (`initiatives`).
    const NOUN: &'static str;

    /// The columns, their widths worked out from every record once.
    fn columns(catalog: &Catalog) -> Columns;

    /// A record's cells in the columns `look` shows, each cut to its width.
    fn cells(
        catalog: &Catalog,
        record: RecordRef,
        look: &CellLook<'_>,
    ) -> Option<Vec<Cell<'static>>>;
}

/// What a row's cells are drawn with.
pub struct CellLook<'a> {
    /// The columns.
    pub columns: &'a Columns,
    /// How the width is shared among the columns.
    pub widths: &'a ColumnWidths,
    /// The styles.
    pub theme: &'a Theme,
}

/// A tab of one collection's records in a table.
pub struct TableTab<T> {
    /// Its list and detail pane.
    pub view: TabView,
    columns: Columns,
    catalog: Arc<Catalog>,
    /// The styles it is drawn with.
    pub theme: Theme,
    /// The keys its texts name.
    pub hints: Arc<TabHints>,
    table: PhantomData<T>,
}

impl<T: Table> TableTab<T> {
    /// Every record `T` lists, in the tab's own order.
    pub fn new(catalog: Arc<Catalog>, orders: &Arc<Orders>) -> Self {
        Self {
            view: TabView::of_tab(orders, &catalog, T::TAB),
            columns: T::columns(&catalog),
            catalog,
            theme: Theme::default(),
            hints: Arc::default(),
            table: PhantomData,
        }
    }

    /// What the list asks of the layout.
    pub fn extras(&self) -> TabExtras {
        super::column_extras(&self.columns, &self.view)
    }
}

impl<T: Table> Widget for &TableTab<T> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let panes = Panes::new(area, self.extras());
        let (catalog, view, theme) = (&*self.catalog, &self.view, &self.theme);
        let columns = &self.columns;
        let widths = columns.allocate(panes.rows.width);
        let total = catalog.records_of(T::TAB).count();
        let title = Line::from(format!(
            " {} · {} ",
            T::TAB.title(),
            view.describe(total, T::NOUN)
        ));
        let look = ListLook {
            title,
            columns,
            widths: &widths,
            theme,
        };
        render_record_list(&panes, buf, look, view, |window, _, _| {
            let look = CellLook {
                columns,
                widths: &widths,
                theme,
            };
            window
                .iter()
                .filter_map(|&record| T::cells(catalog, record, &look).map(Row::new))
                .collect()
        });
        super::render_detail(&panes, buf, catalog, view, theme, &self.hints);
    }
}
