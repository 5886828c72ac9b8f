//! The loading screen shown while a large dataset file loads: the file, each stage with a
//! mark for the ones done, and a gauge of the whole.

use std::{path::Path, time::Duration};

use ratatui::{
    Frame,
    layout::{Constraint, Rect},
    text::{Line, Span},
    widgets::{Block, Clear, LineGauge, Paragraph, Widget},
};

use super::{text, theme::Theme};
use crate::{
    action::{Bindings, Command, Mode},
    data::{LoadProgress, LoadStage, human_size},
    quoted::quoted_path,
};

/// How long a read may stand still before the loading screen says it is waiting.
const STALL: Duration = Duration::from_secs(2);

/// What the loading screen says about the file.
#[derive(Clone, Debug)]
pub struct LoadingFile {
    /// The file's name as every message writes it (see [`quoted_path`]).
    name: String,
    /// Its size in bytes.
    bytes: u64,
}

impl LoadingFile {
    /// The file at `path`, `bytes` long: named as `check` and `Y` name it, so a name with a
    /// line break or an escape shows as a shell word with escapes, not with them dropped.
    pub fn new(path: &Path, bytes: u64) -> Self {
        Self {
            name: quoted_path(path),
            bytes,
        }
    }
}

/// What the loading screen says of the keys that quit it: `q or Esc quits` with the
/// built-in keys; Esc always quits there.
pub fn quit_hint(bindings: &Bindings) -> String {
    match bindings.keys_for(&[Command::Quit], Mode::Browse) {
        Some(keys) if keys != "Esc" => format!("{keys} or Esc quits"),
        _ => "Esc quits".to_string(),
    }
}

/// Draws the loading screen for `file` at `progress`, `elapsed` after the load began, with
/// `quit` (see [`quit_hint`]) under the gauge.
pub fn render_loading(
    frame: &mut Frame,
    file: &LoadingFile,
    progress: &LoadProgress,
    elapsed: Duration,
    theme: &Theme,
    quit: &str,
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
    let reading = current == LoadStage::Reading;
    // A pipe has no size to tell: what has come so far is said instead.
    let heading = match file.bytes {
        0 if reading && progress.done() > 0 => format!(
            "Loading {} ({} so far)",
            file.name,
            human_size(progress.done())
        ),
        0 => format!("Loading {}", file.name),
        bytes => format!("Loading {} ({})", file.name, human_size(bytes)),
    };
    let mut lines = vec![Line::from(text::fit(&heading, columns)), Line::default()];
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
    let still = progress.still_for();
    let waiting = match progress.waiting_for() {
        Some(_) => Some("Waiting: nothing has come from the pipe yet".to_string()),
        // A pipe's writer or a disk that stops part-way is said too, not left to look frozen.
        None if reading && progress.done() > 0 && still >= STALL => Some(format!(
            "Waiting: nothing more has come for {} s",
            still.as_secs()
        )),
        None => None,
    };
    lines.push(match waiting {
        Some(waiting) => Line::styled(text::fit(&waiting, columns), theme.warning),
        None => Line::default(),
    });
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
        Line::styled(quit, theme.dim).render(Rect::new(inner.x, hint_y, inner.width, 1), buf);
    }
}

#[cfg(test)]
mod tests {
    use ratatui::{Terminal, backend::TestBackend};

    use super::*;

    /// The screen's text for `file` at `progress`.
    fn drawn(file: &LoadingFile, progress: &LoadProgress) -> String {
        let mut terminal = Terminal::new(TestBackend::new(70, 12)).expect("a test terminal");
        terminal
            .draw(|frame| {
                render_loading(
                    frame,
                    file,
                    progress,
                    Duration::from_secs(9),
                    &Theme::default(),
                    "q quits",
                );
            })
            .expect("drawn");
        let buffer = terminal.backend().buffer();
        (0..buffer.area.height)
            .map(|y| {
                (0..buffer.area.width)
                    .map(|x| buffer[(x, y)].symbol())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// A pipe says how much has come; one that stops part-way says it is waiting, and how long
    /// for, where it would otherwise look frozen. A read that moves says nothing of waiting.
    #[test]
    fn a_read_that_stops_part_way_says_it_is_waiting() {
        let pipe = LoadingFile::new(Path::new("/tmp/feed"), 0);
        let progress = LoadProgress::new();
        progress.begin(LoadStage::Reading, 0);
        progress.advance(3 << 20);
        let moving = drawn(&pipe, &progress);
        assert!(
            moving.contains("Loading /tmp/feed (3.1 MB so far)"),
            "{moving}"
        );
        assert!(!moving.contains("Waiting"), "{moving}");
        progress.moved_ago(Duration::from_secs(5));
        let still = drawn(&pipe, &progress);
        assert!(
            still.contains("Waiting: nothing more has come for 5 s"),
            "{still}"
        );
        // Past reading, a long step is work, not waiting.
        progress.begin(LoadStage::Checking, 10);
        progress.moved_ago(Duration::from_secs(5));
        let checking = drawn(&pipe, &progress);
        assert!(!checking.contains("Waiting"), "{checking}");
        assert!(checking.contains("Loading /tmp/feed\u{20}"), "{checking}");
    }

    /// A file name with a line break, an escape and a bidirectional override is shown as the
    /// shell word every message writes, its controls as visible escapes, never dropped.
    #[test]
    fn a_hostile_file_name_is_shown_as_a_shell_word() {
        let file = LoadingFile::new(Path::new("/tmp/y\noic\u{1b}[31mRED\u{202e}evil.json"), 0);
        let mut terminal = Terminal::new(TestBackend::new(100, 12)).expect("a test terminal");
        terminal
            .draw(|frame| {
                render_loading(
                    frame,
                    &file,
                    &LoadProgress::new(),
                    Duration::ZERO,
                    &Theme::default(),
                    "q quits",
                );
            })
            .expect("drawn");
        let screen: String = terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .map(|cell| cell.symbol())
            .collect();
        assert!(
            screen.contains("Loading $'/tmp/y\\x0aoic\\x1b[31mRED"),
            "{screen}"
        );
    }
}
