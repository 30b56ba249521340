//! Frames to bytes, cheaply: what matters over SSH, where every byte of a
//! frame crosses the network.
//!
//! Views draw into an in-memory buffer (ratatui's `Terminal` over a backend
//! that writes nothing). `FrameWriter` keeps the last screen it sent and
//! writes only the difference, in one write, inside a synchronized update
//! (DEC mode 2026; terminals without it ignore the sequence). When the
//! caller knows the body moved by whole lines (a scroll), the existing
//! screen is moved with a scroll region (DECSTBM + SU/SD) first, so the
//! difference is only the lines that came into view. The cells that
//! changed are written by `encode.rs`. The sequences are crossterm's
//! commands; the scroll region, which crossterm has no command for, is one
//! of ours (`ScrollRegion`), the only raw bytes here.

mod encode;

use crossterm::style::{Attribute, SetAttribute};
use crossterm::terminal::{
    self as term, BeginSynchronizedUpdate, Clear, EndSynchronizedUpdate, ScrollDown, ScrollUp,
};
use crossterm::{Command, queue};
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect, Size};
use std::fmt;
use std::io::{self, Write};

/// A body region that scrolled by `lines` (positive: content moved up, as
/// when reading on).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScrollHint {
    /// First row of the region (0-based).
    pub top: u16,
    /// Rows in the region.
    pub height: u16,
    pub lines: i32,
}

/// A backend that draws nothing: it only gives ratatui a size, so a frame
/// can be rendered into a buffer.
#[derive(Debug)]
pub struct OffscreenBackend {
    size: Size,
}

impl OffscreenBackend {
    pub fn new(width: u16, height: u16) -> Self {
        OffscreenBackend {
            size: Size::new(width, height),
        }
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = Size::new(width, height);
    }
}

impl Backend for OffscreenBackend {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, _content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        Ok(())
    }
    fn hide_cursor(&mut self) -> io::Result<()> {
        Ok(())
    }
    fn show_cursor(&mut self) -> io::Result<()> {
        Ok(())
    }
    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(Position::ORIGIN)
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, _position: P) -> io::Result<()> {
        Ok(())
    }
    fn clear(&mut self) -> io::Result<()> {
        Ok(())
    }
    fn clear_region(&mut self, _clear_type: ClearType) -> io::Result<()> {
        Ok(())
    }
    fn size(&self) -> io::Result<Size> {
        Ok(self.size)
    }
    fn window_size(&mut self) -> io::Result<WindowSize> {
        Ok(WindowSize {
            columns_rows: self.size,
            pixels: Size::new(0, 0),
        })
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Renders frames and writes their differences to `out`.
pub struct FrameWriter<W: Write> {
    out: W,
    offscreen: Terminal<OffscreenBackend>,
    /// What the terminal shows now, as far as we know; `None` forces a
    /// clear and a full draw.
    shown: Option<Buffer>,
    /// The frame's bytes, gathered to leave in one write (kept to reuse
    /// its allocation).
    bytes: Vec<u8>,
    /// Bytes written by the last frame (for budgets and benchmarks).
    pub last_frame_bytes: usize,
}

impl<W: Write> FrameWriter<W> {
    pub fn new(out: W, width: u16, height: u16) -> io::Result<Self> {
        Ok(FrameWriter {
            out,
            offscreen: Terminal::new(OffscreenBackend::new(width, height))?,
            shown: None,
            bytes: Vec::new(),
            last_frame_bytes: 0,
        })
    }

    /// Forget what is on screen: the next frame clears and draws it all.
    pub fn invalidate(&mut self) {
        self.shown = None;
    }

    pub fn resize(&mut self, width: u16, height: u16) -> io::Result<()> {
        self.offscreen.backend_mut().resize(width, height);
        self.offscreen.resize(Rect::new(0, 0, width, height))?;
        self.shown = None;
        Ok(())
    }

    pub fn writer(&mut self) -> &mut W {
        &mut self.out
    }

    /// Render with `draw` and send the difference from the last frame.
    pub fn frame(
        &mut self,
        hint: Option<ScrollHint>,
        draw: impl FnOnce(&mut ratatui::Frame),
    ) -> io::Result<()> {
        // Render straight into the offscreen terminal's buffer: no diff
        // or buffer swap of its own, and no copy of the frame.
        self.offscreen.current_buffer_mut().reset();
        draw(&mut self.offscreen.get_frame());
        let next = self.offscreen.current_buffer_mut();
        let bytes = &mut self.bytes;
        bytes.clear();
        // Writing to a Vec cannot fail.
        let _ = queue!(bytes, BeginSynchronizedUpdate);
        let mut prev = match self.shown.take() {
            Some(prev) if prev.area == next.area => prev,
            _ => {
                // Unknown screen: reset attributes, clear, draw everything.
                let _ = queue!(
                    bytes,
                    SetAttribute(Attribute::Reset),
                    Clear(term::ClearType::All)
                );
                Buffer::empty(next.area)
            }
        };
        if let Some(h) = hint.filter(|h| usable(h, &next.area)) {
            scroll(bytes, &mut prev, h);
        }
        encode::encode(bytes, &prev.diff(next), next);
        let _ = queue!(bytes, EndSynchronizedUpdate);
        self.out.write_all(bytes)?;
        self.out.flush()?;
        self.last_frame_bytes = bytes.len();
        // The new screen is kept as shown; the old one becomes the buffer
        // the next frame is rendered into (reset first).
        let next = self.offscreen.current_buffer_mut();
        std::mem::swap(&mut prev, next);
        self.shown = Some(prev);
        Ok(())
    }
}

/// DECSTBM: scrolling is confined to rows `top..=bottom` (1-based), or the
/// whole screen again (`None`). Raw bytes, as crossterm has no command for
/// a scroll region.
struct ScrollRegion(Option<(u16, u16)>);

impl Command for ScrollRegion {
    fn write_ansi(&self, f: &mut impl fmt::Write) -> fmt::Result {
        match self.0 {
            Some((top, bottom)) => write!(f, "\x1b[{top};{bottom}r"),
            None => f.write_str("\x1b[r"),
        }
    }

    #[cfg(windows)]
    fn execute_winapi(&self) -> io::Result<()> {
        Err(io::Error::other("scroll regions are written as ANSI only"))
    }
}

/// A scroll is worth doing when it leaves part of the region in place.
fn usable(h: &ScrollHint, area: &Rect) -> bool {
    h.lines != 0
        && h.lines.unsigned_abs() < u32::from(h.height)
        && h.height >= 2
        && h.top.saturating_add(h.height) <= area.height
}

/// Move the region on the terminal and mirror the move in `prev`, so the
/// following diff only has the new lines to draw.
fn scroll(bytes: &mut Vec<u8>, prev: &mut Buffer, h: ScrollHint) {
    let top = h.top + 1;
    let bottom = h.top + h.height;
    // Fewer than the region's rows (`usable`).
    let n = u16::try_from(h.lines.unsigned_abs()).unwrap_or(h.height);
    // New lines are filled with the current attributes: the default, as
    // every frame ends with them (`encode`) and a new screen starts with a
    // reset.
    let _ = queue!(bytes, ScrollRegion(Some((top, bottom))));
    let _ = if h.lines > 0 {
        queue!(bytes, ScrollUp(n))
    } else {
        queue!(bytes, ScrollDown(n))
    };
    let _ = queue!(bytes, ScrollRegion(None));
    // Rows move whole within the region (rotated, not cloned cell by
    // cell), and the rows that came into view are blank.
    let width = usize::from(prev.area.width);
    let n = usize::from(n);
    let region = &mut prev.content[usize::from(h.top) * width..usize::from(bottom) * width];
    if h.lines > 0 {
        region.rotate_left(n * width);
        let len = region.len();
        region[len - n * width..].iter_mut().for_each(Cell::reset);
    } else {
        region.rotate_right(n * width);
        region[..n * width].iter_mut().for_each(Cell::reset);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scroll_is_region_move_and_whole_screen_again() {
        let mut prev = Buffer::empty(Rect::new(0, 0, 4, 6));
        let mut bytes = Vec::new();
        let h = ScrollHint {
            top: 2,
            height: 3,
            lines: 1,
        };
        scroll(&mut bytes, &mut prev, h);
        assert_eq!(bytes, b"\x1b[3;5r\x1b[1S\x1b[r");
        bytes.clear();
        scroll(&mut bytes, &mut prev, ScrollHint { lines: -2, ..h });
        assert_eq!(bytes, b"\x1b[3;5r\x1b[2T\x1b[r");
    }
}
