//! Drawing: a pure function of the app's state. Nothing here changes the state.

pub mod detail;
mod funding;
pub mod help;
mod initiatives;
mod participants;
mod record_list;
pub mod search_overlay;
pub mod source_view;
mod status_bar;
mod timeline;
pub mod timeline_strip;

use ratatui::{
    Frame,
    layout::{Alignment, Rect},
    widgets::{Paragraph, Widget, Wrap},
};

pub use funding::bar;
pub use record_list::SELECTION_MARKER;

use crate::chrome::theme::Theme;
use crate::chrome::{tab_bar::TabBar, text};
use crate::{
    action::Mode,
    app::App,
    chrome::layout::{MIN_SIZE, Screen},
    data::Tab,
};
use status_bar::StatusBar;

/// Draws the whole screen for `app`.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let theme = app.theme();
    // The layout comes from the frame being drawn: the terminal may have changed size since
    // the app last heard of it, and a pane laid out for another size would draw outside.
    let Some(screen) = Screen::new(area.as_size()) else {
        render_too_small(area, frame, theme);
        return;
    };
    let panes = screen.panes(app.tab_extras(app.tab()));
    let counts = Tab::ALL.map(|tab| app.view(tab).rows.len());
    let buf = frame.buffer_mut();
    TabBar {
        active: app.tab(),
        counts: &counts,
        theme,
    }
    .render(screen.tabs, buf);
    let catalog = app.catalog();
    let view = app.view(app.tab());
    match app.tab() {
        Tab::Timeline => {
            let filter = app.row_options().kind_filter;
            timeline::render_timeline(&panes, buf, catalog, view, theme, filter);
        }
        Tab::Funding => {
            let layout = funding::FundingLayout {
                sort: app.row_options().funding_sort,
                categories: app.grouped().then_some(app.categories()),
            };
            funding::render_funding(&panes, buf, catalog, view, theme, &layout);
        }
        Tab::Initiatives => initiatives::render_initiatives(&panes, buf, catalog, view, theme),
        Tab::Participants => participants::render_participants(&panes, buf, catalog, view, theme),
    }
    let selected = view.selected();
    let detail = detail::DetailView {
        record: selected,
        scroll: view.detail_scroll,
        picked: view.picked_link(),
    };
    detail::render_detail(panes.detail, buf, catalog, &detail, theme);
    StatusBar { app }.render(screen.status, buf);
    match app.mode() {
        Mode::Browse | Mode::Links => {}
        Mode::Help => {
            help::render_help(area.as_size(), frame.buffer_mut(), app.help_scroll(), theme)
        }
        Mode::Source => source_view::render_source(
            area.as_size(),
            frame.buffer_mut(),
            catalog,
            selected,
            app.source_page(),
            app.source_scroll(),
            theme,
        ),
        Mode::Search => search_overlay::render_search(frame, catalog, app.prompt(), theme),
    }
}

fn render_too_small(area: Rect, frame: &mut Frame, theme: &Theme) {
    let message = format!(
        "terminal too small: need at least {}×{} (now {}×{})",
        MIN_SIZE.width, MIN_SIZE.height, area.width, area.height
    );
    let lines =
        u16::try_from(text::wrap(&message, usize::from(area.width)).len()).unwrap_or(u16::MAX);
    let top = area.height.saturating_sub(lines) / 2;
    let centred = Rect {
        y: area.y + top,
        height: area.height - top,
        ..area
    };
    Paragraph::new(message)
        .style(theme.warning)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true })
        .render(centred, frame.buffer_mut());
}
