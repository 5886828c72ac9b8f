//! The loading screen shown while a large dataset file loads: the file, each stage with a
//! mark for the ones done, and a gauge of the whole.

use std::time::Duration;

use ratatui::{
    Frame,
    layout::{Constraint, Rect},
    text::{Line, Span},
    widgets::{Block, Clear, LineGauge, Paragraph, Widget},
};

use super::{text, theme::Theme};
use crate::data::{LoadProgress, LoadStage};

/// What the loading screen says about the file.
#[derive(Clone, Debug)]
pub struct LoadingFile {
    /// The file's name as given.
    pub name: String,
    /// Its size in bytes.
    pub bytes: u64,
}

/// A size in bytes, the way people say it: `544 MB`, `12 KB`.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["bytes", "KB", "MB", "GB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1000.0 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} bytes")
    } else if value < 10.0 {
        format!("{value:.1} {}", UNITS[unit])
    } else {
        format!("{value:.0} {}", UNITS[unit])
    }
}

/// Draws the loading screen for `file` at `progress`, `elapsed` after the load began.
pub fn render_loading(
    frame: &mut Frame,
    file: &LoadingFile,
    progress: &LoadProgress,
    elapsed: Duration,
    theme: &Theme,
) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    Clear.render(area, buf);
    let card = area.centered(
        Constraint::Length(area.width.min(60)),
        Constraint::Length(area.height.min(11)),
    );
    let block = Block::bordered()
        .border_style(theme.border)
        .title(Line::styled(" oic-explorer ", theme.pane_title));
    let inner = block.inner(card).inner(ratatui::layout::Margin::new(1, 0));
    block.render(card, buf);
    let columns = usize::from(inner.width);
    let current = progress.stage();
    let mut lines = vec![
        Line::from(text::fit(
            &format!("Loading {} ({})", file.name, human_size(file.bytes)),
            columns,
        )),
        Line::default(),
    ];
    for stage in LoadStage::ALL {
        let (mark, style) = if stage < current {
            ("✓ ", theme.dim)
        } else if stage == current {
            ("▸ ", theme.label)
        } else {
            ("  ", theme.dim)
        };
        lines.push(Line::from(vec![
            Span::styled(mark, style),
            Span::styled(stage.label(), style),
        ]));
    }
    lines.push(Line::default());
    let text_height = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    Paragraph::new(lines).render(inner, buf);
    let gauge_y = inner.y.saturating_add(text_height);
    if gauge_y < inner.bottom() {
        let fraction = progress.fraction();
        LineGauge::default()
            .filled_style(theme.bar)
            .filled_symbol("█")
            .unfilled_symbol("░")
            .ratio(fraction.clamp(0.0, 1.0))
            .label(format!(
                "{:>3.0}% {:.1} s",
                fraction * 100.0,
                elapsed.as_secs_f64()
            ))
            .render(Rect::new(inner.x, gauge_y, inner.width, 1), buf);
    }
    let hint_y = gauge_y.saturating_add(1);
    if hint_y < inner.bottom() {
        Line::styled("q or Esc quits", theme.dim)
            .render(Rect::new(inner.x, hint_y, inner.width, 1), buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(human_size(12), "12 bytes");
        assert_eq!(human_size(1_500), "1.5 KB");
        assert_eq!(human_size(544_000_000), "544 MB");
        assert_eq!(human_size(2_300_000_000), "2.3 GB");
    }
}
