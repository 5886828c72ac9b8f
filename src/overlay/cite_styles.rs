//! The citation styles chooser (`C`): the styles `y` can copy a citation in, each with its
//! key, the one set (`cite_style`) marked as what Enter copies. It owns nothing but what it
//! lists; the app copies the citation and closes it.

use ratatui::{
    buffer::Buffer,
    layout::Rect,
    style::Modifier,
    text::{Line, Span},
    widgets::{Block, Clear, Paragraph, Widget},
};

use crate::{
    chrome::{layout::centered, text, theme::Theme},
    cite::CiteStyle,
};

/// The chooser, open over the tabs.
#[derive(Clone, Debug)]
pub struct CiteStyles {
    /// Each style with its key in the chooser, as the bindings in force name it.
    styles: Vec<(CiteStyle, Option<String>)>,
    /// The style Enter copies: the one set.
    set: CiteStyle,
    /// What is being cited, for the title (`8th OIC Summit`, `paragraph 3`).
    what: String,
    /// Its keys: `Enter copy · Esc close`.
    keys: String,
    theme: Theme,
}

impl CiteStyles {
    /// A chooser for citing `what`, listing `styles` with their keys, `set` marked.
    pub fn new(
        what: String,
        styles: Vec<(CiteStyle, Option<String>)>,
        set: CiteStyle,
        keys: String,
        theme: Theme,
    ) -> Self {
        Self {
            styles,
            set,
            what,
            keys,
            theme,
        }
    }
}

impl Widget for &CiteStyles {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let height = u16::try_from(self.styles.len() + 2).unwrap_or(u16::MAX);
        let frame = centered(area, 48, height);
        if frame.width < 4 || frame.height < 3 {
            return;
        }
        let theme = &self.theme;
        // A clear column each side too, so no letter of the pane below touches the border.
        let left = frame.x.saturating_sub(1).max(area.x);
        let margin = Rect {
            x: left,
            width: (frame.right() + 1).min(area.right()) - left,
            ..frame
        };
        Clear.render(margin, buf);
        let width = usize::from(frame.width.saturating_sub(4));
        let title = text::truncate(&format!("Cite {} as", self.what), width);
        let block = Block::bordered()
            .border_style(theme.pane_title)
            .title(Line::styled(format!(" {title} "), theme.pane_title))
            .title_bottom(Line::from(format!(" {} ", self.keys)).right_aligned());
        let inner = block.inner(frame);
        block.render(frame, buf);
        let lines: Vec<Line> = self
            .styles
            .iter()
            .map(|(style, key)| {
                let key = key.clone().unwrap_or_default();
                let label = format!(" {key:<3} {}", style.label());
                if *style == self.set {
                    Line::from(vec![
                        Span::styled(
                            format!("▶{label}"),
                            theme.selected.add_modifier(Modifier::BOLD),
                        ),
                        Span::styled("  (cite_style: Enter)", theme.dim),
                    ])
                } else {
                    Line::raw(format!(" {label}"))
                }
            })
            .collect();
        Paragraph::new(lines).render(inner, buf);
    }
}
