//! The one geometry of a frame: the title row, the body and the status
//! row; inside the body, a screen's header row and the rows under it, and
//! the overlay boxes. Views draw into these rectangles, `update` pages by
//! their heights and the scroll hints move them, so the three always agree.

use ratatui::layout::{Constraint, Layout, Rect};

/// Below this size only a short notice is drawn.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 5;
/// At most this much of a larger window is drawn (its top-left corner),
/// and the status line says so. Screen buffers cost about 40 bytes a
/// cell, several times over, so a window's area is never trusted: a
/// 65535×65535 window would ask for hundreds of gigabytes. 1000×500 is
/// beyond any real screen (an 8K monitor with a tiny font is about
/// 1000×300) and costs tens of megabytes.
pub const MAX_WIDTH: u16 = 1000;
pub const MAX_HEIGHT: u16 = 500;

/// What the title row says before a screen's title.
pub const TITLE_START: &str = " parallax │ ";

/// The widest overlay box (palette, bookmarks) and the widest help box.
const LIST_MAX_WIDTH: u16 = 100;
const HELP_MAX_WIDTH: u16 = 90;
/// The most entries the palette and the bookmark list show at once.
const LIST_MAX_ROWS: u16 = 20;

/// The size drawn for a window of `window` (columns, rows).
pub fn drawn_size(window: (u16, u16)) -> (u16, u16) {
    (window.0.min(MAX_WIDTH), window.1.min(MAX_HEIGHT))
}

/// Where everything of a frame goes (worked out once per size).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    pub area: Rect,
    pub title: Rect,
    pub body: Rect,
    pub status: Rect,
    /// The body's first row, for a screen with a header (column names,
    /// pane names), and the rows under it.
    pub header: Rect,
    pub under_header: Rect,
}

impl Geometry {
    /// The geometry of a frame of `size` (columns, rows).
    pub fn new(size: (u16, u16)) -> Geometry {
        Geometry::of(Rect::new(0, 0, size.0, size.1))
    }

    /// The geometry of a frame drawn into `area`.
    pub fn of(area: Rect) -> Geometry {
        let [title, body, status] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
        ])
        .areas(area);
        let [header, under_header] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(body);
        Geometry {
            area,
            title,
            body,
            status,
            header,
            under_header,
        }
    }

    /// Too small to draw anything but a notice.
    pub fn too_small(&self) -> bool {
        self.area.width < MIN_WIDTH || self.area.height < MIN_HEIGHT
    }

    pub fn width(&self) -> usize {
        usize::from(self.area.width)
    }

    /// The columns the title row leaves a screen's title.
    pub fn title_room(&self) -> usize {
        let start = crate::display::wrap::width(TITLE_START);
        self.width().saturating_sub(start)
    }

    /// The body of a screen with a header row (column names, pane names):
    /// the header, and the rows under it.
    pub fn headed(&self) -> (Rect, Rect) {
        (self.header, self.under_header)
    }

    /// The rows of the body that hold a screen's lines or entries, under
    /// its header row if it has one.
    pub fn rows(&self, headed: bool) -> Rect {
        if headed { self.headed().1 } else { self.body }
    }

    /// Lines or entries a page moves by: the rows shown, at least one.
    pub fn page(&self, headed: bool) -> usize {
        usize::from(self.rows(headed).height).max(1)
    }

    /// Entries shown by the palette and the bookmark list: their box
    /// holds the query line and the entries inside a border.
    pub fn list_rows(&self) -> usize {
        usize::from(self.list_height().saturating_sub(3).max(1))
    }

    /// The box of the palette and of the bookmark list.
    pub fn list_box(&self) -> Rect {
        self.overlay(self.list_rows() as u16 + 3)
    }

    /// A box `height` rows high (at most the body), at most 100 columns
    /// wide, centred, one row below the top of the body when there is room.
    pub fn overlay(&self, height: u16) -> Rect {
        let body = self.body;
        let w = body.width.saturating_sub(4).min(LIST_MAX_WIDTH);
        let h = height.min(body.height);
        Rect {
            x: body.x + (body.width - w) / 2,
            y: body.y + 1.min(body.height - h),
            width: w,
            height: h,
        }
    }

    /// The help box: the body but its last row, at most 90 columns wide.
    pub fn help_box(&self) -> Rect {
        let body = self.body;
        let w = body.width.saturating_sub(4).min(HELP_MAX_WIDTH);
        Rect {
            x: body.x + (body.width - w) / 2,
            y: body.y,
            width: w,
            height: body.height.saturating_sub(1).max(1),
        }
    }

    /// The list box's height before the entries are counted: the body
    /// less a row above and below, at most 20.
    fn list_height(&self) -> u16 {
        self.body.height.saturating_sub(2).clamp(1, LIST_MAX_ROWS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_add_up_at_every_height() {
        for h in 0..=MAX_HEIGHT {
            let g = Geometry::new((80, h));
            if h >= 2 {
                assert_eq!((g.title.y, g.title.height), (0, 1), "{h}");
                assert_eq!((g.status.y, g.status.height), (h - 1, 1), "{h}");
                assert_eq!((g.body.y, g.body.height), (1, h - 2), "{h}");
            }
            assert!(g.body.bottom() <= g.area.bottom(), "{h}");
            let (header, rows) = g.headed();
            assert_eq!(header.height + rows.height, g.body.height, "{h}");
            if g.body.height > 0 {
                assert_eq!((header.y, rows.y), (g.body.y, g.body.y + 1), "{h}");
            }
            assert!(g.list_box().bottom() <= g.body.bottom().max(g.body.y + 1));
            assert_eq!(g.page(false), usize::from(h.saturating_sub(2)).max(1));
            assert_eq!(g.page(true), usize::from(h.saturating_sub(3)).max(1));
            let list = usize::from(h.saturating_sub(4)).clamp(1, 20);
            assert_eq!(g.list_rows(), list.saturating_sub(3).max(1), "{h}");
        }
    }

    #[test]
    fn list_rows_leave_room_for_the_query_and_border() {
        assert_eq!(Geometry::new((80, 24)).list_rows(), 17);
        assert_eq!(Geometry::new((80, 50)).list_rows(), 17);
        assert_eq!(Geometry::new((80, 8)).list_rows(), 1);
        assert_eq!(Geometry::new((80, 0)).list_rows(), 1);
        let g = Geometry::new((200, 50));
        assert_eq!(g.list_box().width, 100);
        assert_eq!(g.list_box().height, 20);
    }
}
