//! Drawing the map: ratatui's world outline on a Braille canvas, framed to the region that
//! holds the located places with a margin (the whole world when they span it), each place a
//! marker with its label where there is room. The selected place is told apart without
//! colour: its own marker, drawn reversed and bold, and its label always drawn first. It
//! reads the places and decides nothing; it never writes outside the area it is given.

use ratatui::{
    buffer::Buffer,
    layout::Rect,
    style::{Color, Modifier, Style},
    symbols::Marker,
    text::Line,
    widgets::{
        Block, Widget,
        canvas::{Canvas, Map, MapResolution},
    },
};

use crate::{
    chrome::{text, theme::Theme},
    data::{Mark, PlaceEntry, PlaceTable, Precision},
    plural::counted,
};

/// A place on the map.
const PLACE_MARKER: &str = "●";
/// A place placed at its country's middle, the records naming no city.
const COUNTRY_MARKER: &str = "○";
/// The selected place.
const SELECTED_MARKER: &str = "◆";

/// The smallest canvas (inside the border) a map is drawn in.
const MIN_CANVAS: (u16, u16) = (12, 3);

/// Degrees of margin around the places, at least.
const MARGIN_DEGREES: f64 = 8.0;

/// A place's label: its name, and how many events when more than one.
pub fn label(place: &PlaceEntry) -> String {
    match place.events.len() {
        0 | 1 => place.name.clone(),
        n => format!("{} ({n})", place.name),
    }
}

/// The world map with the places on it.
pub struct WorldMap<'a> {
    /// Every place, located or not.
    pub places: &'a PlaceTable,
    /// Each place's label, by number.
    pub labels: &'a [String],
    /// The selected place.
    pub selected: Option<u32>,
    /// The styles.
    pub theme: &'a Theme,
}

/// The region a map shows: longitudes left to right, latitudes bottom to top.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    /// West and east edges, in degrees.
    pub x: [f64; 2],
    /// South and north edges, in degrees.
    pub y: [f64; 2],
}

impl Frame {
    /// The whole world.
    pub const WORLD: Self = Self {
        x: [-180.0, 180.0],
        y: [-90.0, 90.0],
    };

    /// The region holding `points` (latitude, longitude) with a margin, widened or heightened
    /// to the shape of a canvas `columns` × `rows` (a cell is about twice as tall as it is
    /// wide), so the land keeps its shape; the whole world when they span most of it.
    pub fn around(points: impl Iterator<Item = (f64, f64)>, columns: u16, rows: u16) -> Self {
        let mut bounds: Option<[f64; 4]> = None;
        for (lat, lon) in points {
            let [south, north, west, east] = bounds.get_or_insert([lat, lat, lon, lon]);
            *south = south.min(lat);
            *north = north.max(lat);
            *west = west.min(lon);
            *east = east.max(lon);
        }
        let Some([south, north, west, east]) = bounds else {
            return Self::WORLD;
        };
        let margin_x = ((east - west) * 0.15).max(MARGIN_DEGREES);
        let margin_y = ((north - south) * 0.15).max(MARGIN_DEGREES);
        let (mut width, mut height) =
            (east - west + 2.0 * margin_x, north - south + 2.0 * margin_y);
        // Degrees per column equal to degrees per half row: a cell is two halves tall.
        let shape = f64::from(columns.max(1)) / (2.0 * f64::from(rows.max(1)));
        if width / height < shape {
            width = height * shape;
        } else {
            height = width / shape;
        }
        if width >= 300.0 || height >= 160.0 {
            return Self::WORLD;
        }
        let centre = ((west + east) / 2.0, (south + north) / 2.0);
        Self {
            x: fit(centre.0, width, 180.0),
            y: fit(centre.1, height, 90.0),
        }
    }

    /// The cell of a canvas `area` that (latitude, longitude) falls in, if it is shown.
    pub fn cell(&self, area: Rect, lat: f64, lon: f64) -> Option<(u16, u16)> {
        let [west, east] = self.x;
        let [south, north] = self.y;
        if !(west..=east).contains(&lon) || !(south..=north).contains(&lat) {
            return None;
        }
        let across = (lon - west) / (east - west);
        let down = (north - lat) / (north - south);
        let column = (across * f64::from(area.width.saturating_sub(1))).round();
        let row = (down * f64::from(area.height.saturating_sub(1))).round();
        if !column.is_finite() || !row.is_finite() {
            return None;
        }
        // Both lie within 0..=width-1 and 0..=height-1, so the casts cannot overflow.
        Some((area.x + column as u16, area.y + row as u16))
    }
}

/// A span `size` wide around `centre`, moved inside `-limit..=limit` (or that whole range).
fn fit(centre: f64, size: f64, limit: f64) -> [f64; 2] {
    if size >= 2.0 * limit {
        return [-limit, limit];
    }
    let low = (centre - size / 2.0).clamp(-limit, limit - size);
    [low, low + size]
}

impl Widget for WorldMap<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let located = self.places.located();
        let title = match located {
            0 => " Map ".to_string(),
            n => format!(
                " Map · {} · coordinates {} ",
                counted(n, "place"),
                Mark::Outside.text()
            ),
        };
        let block = Block::bordered().border_style(self.theme.border).title(
            Line::from(text::truncate(&title, usize::from(area.width)))
                .style(self.theme.pane_title),
        );
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.is_empty() {
            return;
        }
        if inner.width < MIN_CANVAS.0 || inner.height < MIN_CANVAS.1 {
            let need = format!("the map needs {}×{}", MIN_CANVAS.0 + 2, MIN_CANVAS.1 + 2);
            buf.set_stringn(
                inner.x,
                inner.y,
                need,
                usize::from(inner.width),
                self.theme.dim,
            );
            return;
        }
        let points = self
            .places
            .iter()
            .filter_map(|place| place.location)
            .map(|location| (location.latitude, location.longitude));
        let frame = Frame::around(points, inner.width, inner.height);
        Canvas::default()
            .marker(Marker::Braille)
            .x_bounds(frame.x)
            .y_bounds(frame.y)
            .paint(|context| {
                context.draw(&Map {
                    resolution: MapResolution::High,
                    color: Color::Reset,
                });
            })
            .render(inner, buf);
        buf.set_style(inner, self.theme.dim);
        if located == 0 {
            self.say_why_empty(inner, buf);
            return;
        }
        let mut taken = Taken::new(inner);
        // The selected place first, so its marker and label are never crowded out.
        let order = self.selected.into_iter().chain(
            (0..u32::try_from(self.places.len()).unwrap_or(u32::MAX))
                .filter(|&n| Some(n) != self.selected),
        );
        let mut cells = Vec::new();
        for number in order.clone() {
            let Some(place) = self.places.get(number) else {
                continue;
            };
            let Some(location) = place.location else {
                continue;
            };
            let Some(cell) = frame.cell(inner, location.latitude, location.longitude) else {
                continue;
            };
            cells.push((number, cell, location.precision));
        }
        // Markers first, so no label covers another place.
        for &(number, (x, y), precision) in cells.iter().rev() {
            let selected = Some(number) == self.selected;
            let (symbol, style) = match (selected, precision) {
                (true, _) => (SELECTED_MARKER, self.theme.selected),
                (false, Precision::City) => {
                    (PLACE_MARKER, self.theme.bar.add_modifier(Modifier::BOLD))
                }
                (false, Precision::Country) => {
                    (COUNTRY_MARKER, self.theme.bar.add_modifier(Modifier::BOLD))
                }
            };
            if let Some(cell) = buf.cell_mut((x, y)) {
                cell.set_symbol(symbol)
                    .set_style(Style::reset().patch(style));
            }
            taken.take(x, y, 1);
        }
        for &(number, (x, y), _) in &cells {
            let Some(label) = self.labels.get(number as usize) else {
                continue;
            };
            let style = if Some(number) == self.selected {
                self.theme.selected
            } else {
                Style::reset()
            };
            taken.label(buf, (x, y), label, style);
        }
    }
}

impl WorldMap<'_> {
    /// Says, in the middle of the map, why no place is on it.
    fn say_why_empty(&self, inner: Rect, buf: &mut Buffer) {
        let message = if self.places.is_empty() {
            "No event names a place."
        } else if !self.places.given() {
            "No place is on the map: this dataset gives no `places` with coordinates (see the README, “Places”)."
        } else {
            "No place is on the map: the dataset's `places` give none of them coordinates."
        };
        let lines = text::wrap(message, usize::from(inner.width.saturating_sub(2)).max(1));
        let top = inner.y
            + inner
                .height
                .saturating_sub(u16::try_from(lines.len()).unwrap_or(u16::MAX))
                / 2;
        for (offset, line) in lines.iter().enumerate() {
            let y = top.saturating_add(u16::try_from(offset).unwrap_or(u16::MAX));
            if y >= inner.bottom() {
                break;
            }
            let width = u16::try_from(text::width(line)).unwrap_or(u16::MAX);
            let x = inner.x + inner.width.saturating_sub(width) / 2;
            buf.set_stringn(
                x,
                y,
                line,
                usize::from(inner.width),
                Style::reset().patch(self.theme.warning),
            );
        }
    }
}

/// The cells of a canvas that markers and labels already use, row by row.
struct Taken {
    area: Rect,
    /// Per row of `area`, the ranges of columns used.
    rows: Vec<Vec<(u16, u16)>>,
}

impl Taken {
    fn new(area: Rect) -> Self {
        Self {
            area,
            rows: vec![Vec::new(); usize::from(area.height)],
        }
    }

    /// Whether columns `x..x + width` of row `y` are free.
    fn free(&self, x: u16, y: u16, width: u16) -> bool {
        let Some(row) = y
            .checked_sub(self.area.y)
            .and_then(|r| self.rows.get(usize::from(r)))
        else {
            return false;
        };
        let end = x.saturating_add(width);
        x >= self.area.x
            && end <= self.area.right()
            && row.iter().all(|&(start, stop)| end <= start || x >= stop)
    }

    /// Marks columns `x..x + width` of row `y` as used.
    fn take(&mut self, x: u16, y: u16, width: u16) {
        if let Some(row) = y
            .checked_sub(self.area.y)
            .and_then(|r| self.rows.get_mut(usize::from(r)))
        {
            row.push((x, x.saturating_add(width)));
        }
    }

    /// Writes `label` beside the marker at `at`, right of it where there is room, else left of
    /// it; nowhere when both would cover a marker or another label. A blank column is kept
    /// after it, so two labels never run together.
    fn label(&mut self, buf: &mut Buffer, at: (u16, u16), label: &str, style: Style) {
        let (x, y) = at;
        let width = u16::try_from(text::width(label)).unwrap_or(u16::MAX);
        let right = x.saturating_add(1);
        let left = x.checked_sub(width.saturating_add(1));
        let start = if self.free(right, y, width) {
            Some(right)
        } else {
            left.filter(|&left| self.free(left, y, width))
        };
        let Some(start) = start else {
            return;
        };
        buf.set_stringn(
            start,
            y,
            label,
            usize::from(width),
            Style::reset().patch(style),
        );
        self.take(start, y, width.saturating_add(1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_frame_holds_every_place_with_a_margin_and_keeps_the_canvas_shape() {
        let points = [(35.69, 51.39), (-6.21, 106.85), (40.41, 49.87)];
        let frame = Frame::around(points.into_iter(), 78, 10);
        for (lat, lon) in points {
            assert!(
                frame.x[0] < lon - 5.0 && lon + 5.0 < frame.x[1],
                "{frame:?}"
            );
            assert!(
                frame.y[0] < lat - 5.0 && lat + 5.0 < frame.y[1],
                "{frame:?}"
            );
        }
        let shape = (frame.x[1] - frame.x[0]) / (frame.y[1] - frame.y[0]);
        assert!((shape - 78.0 / 20.0).abs() < 0.01, "{shape}");
    }

    #[test]
    fn places_that_span_the_world_show_it_whole() {
        let frame = Frame::around([(10.0, -170.0), (10.0, 170.0)].into_iter(), 80, 20);
        assert_eq!(frame, Frame::WORLD);
        assert_eq!(Frame::around(std::iter::empty(), 80, 20), Frame::WORLD);
    }

    #[test]
    fn a_frame_near_a_pole_stays_on_the_globe() {
        let frame = Frame::around([(90.0, 0.0), (85.0, 10.0)].into_iter(), 40, 10);
        assert!(frame.y[1] <= 90.0 && frame.y[0] >= -90.0, "{frame:?}");
        assert!(frame.cell(Rect::new(0, 0, 40, 10), 90.0, 0.0).is_some());
    }
}
