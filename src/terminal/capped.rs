//! The backend between ratatui and the terminal: it reports no more than [`MAX_SIZE`]
//! (ratatui allocates its buffers for the size the backend reports, so a terminal claiming
//! 65535×65535 would otherwise ask for hundreds of gigabytes), and every cell it writes goes
//! through the one display-safety gate, [`safe_cell`]. Everything else passes through.

use ratatui::{
    backend::{Backend, ClearType, WindowSize},
    buffer::Cell,
    layout::{Position, Size},
};

use std::borrow::Cow;

use super::safe_cells::safe_cell;
use crate::chrome::layout::capped;

/// `B`, with its size capped at [`MAX_SIZE`](crate::chrome::layout::MAX_SIZE).
#[derive(Debug)]
pub struct CappedBackend<B> {
    inner: B,
}

impl<B> CappedBackend<B> {
    /// Wraps `inner`.
    pub fn new(inner: B) -> Self {
        Self { inner }
    }
}

impl<B: Backend> Backend for CappedBackend<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let safe: Vec<(u16, u16, Cow<'a, Cell>)> = content
            .map(|(x, y, cell)| (x, y, safe_cell(cell)))
            .collect();
        self.inner
            .draw(safe.iter().map(|(x, y, cell)| (*x, *y, cell.as_ref())))
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size().map(capped)
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        let mut size = self.inner.window_size()?;
        size.columns_rows = capped(size.columns_rows);
        Ok(size)
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use ratatui::{Terminal, backend::TestBackend};

    use super::*;
    use crate::chrome::layout::MAX_SIZE;

    #[test]
    fn a_huge_terminal_is_drawn_at_the_cap() {
        let backend = CappedBackend::new(TestBackend::new(MAX_SIZE.width + 5, 3));
        assert_eq!(
            backend.size().unwrap(),
            Size::new(MAX_SIZE.width, 3),
            "the width is capped, the height kept"
        );
        let mut terminal = Terminal::new(backend).unwrap();
        let frame = terminal.draw(|frame| assert_eq!(frame.area().width, MAX_SIZE.width));
        assert!(frame.is_ok());
    }
}
