//! The Participants tab: people, states, organisations, bodies and groups, each with its kind
//! and a person's office after the name, in the order the dataset lists them.

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

/// The Participants tab.
pub struct ParticipantsTab {
    /// Its list and detail pane.
    pub view: TabView,
    catalog: Arc<Catalog>,
    /// The styles it is drawn with.
    pub theme: Theme,
}

impl ParticipantsTab {
    /// Every participant of `catalog`.
    pub fn new(catalog: Arc<Catalog>) -> Self {
        Self {
            view: TabView::new(TabRows::new(
                &catalog,
                Tab::Participants,
                &RowOptions::default(),
            )),
            catalog,
            theme: Theme::default(),
        }
    }
}

impl Widget for &ParticipantsTab {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let panes = Panes::new(area, TabExtras::default());
        let title = Line::from(" Participants · people, states, bodies ");
        let catalog = &self.catalog;
        render_kind_list(&panes, buf, title, &self.view, &self.theme, 12, |record| {
            let RecordRef::Participant(i) = record else {
                return None;
            };
            let participant = catalog.participant(i)?;
            Some(KindRow {
                kind: participant.kind().label(),
                title: participant.name(),
                suffix: participant.office(),
            })
        });
        super::render_detail(&panes, buf, catalog, &self.view, &self.theme);
    }
}
