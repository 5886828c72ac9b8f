//! The Initiatives tab: initiatives, resolutions, proposals and lines of cooperation, each with
//! its kind, in the order the dataset lists them.

use std::sync::Arc;

use ratatui::{buffer::Buffer, layout::Rect, text::Line, widgets::Widget};

use super::{
    TabView,
    list::{KindRow, render_kind_list},
};
use crate::{
    chrome::{
        layout::{Panes, TabExtras},
        theme::Theme,
    },
    data::{Catalog, RecordRef, RowOptions, Tab, TabRows},
};

/// The Initiatives tab.
pub struct InitiativesTab {
    /// Its list and detail pane.
    pub view: TabView,
    catalog: Arc<Catalog>,
    /// The styles it is drawn with.
    pub theme: Theme,
}

impl InitiativesTab {
    /// Every initiative of `catalog`.
    pub fn new(catalog: Arc<Catalog>) -> Self {
        Self {
            view: TabView::new(TabRows::new(
                &catalog,
                Tab::Initiatives,
                &RowOptions::default(),
            )),
            catalog,
            theme: Theme::default(),
        }
    }
}

impl Widget for &InitiativesTab {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let panes = Panes::new(area, TabExtras::default());
        let title = Line::from(" Initiatives · resolutions · cooperation ");
        let catalog = &self.catalog;
        render_kind_list(&panes, buf, title, &self.view, &self.theme, 11, |record| {
            let RecordRef::Initiative(i) = record else {
                return None;
            };
            let initiative = catalog.initiative(i)?;
            Some(KindRow {
                kind: initiative.kind().label(),
                title: initiative.title(),
                suffix: None,
            })
        });
        super::render_detail(&panes, buf, catalog, &self.view, &self.theme);
    }
}
