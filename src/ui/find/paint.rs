//! Drawing the hits over lines already drawn: each hit's cells take the
//! theme's hit style (the current hit its own), whatever they showed.

use super::Find;
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;

impl Find {
    /// Mark the hits of `pane` on the lines shown in `area` from line
    /// `scroll` (columns counted from `area.x`).
    pub fn draw(&self, frame: &mut Frame, theme: &Theme, area: Rect, pane: usize, scroll: usize) {
        let segments = &self.segments[pane.min(1)];
        let first = segments.partition_point(|s| s.line < scroll);
        let rows = usize::from(area.height);
        let buf = frame.buffer_mut();
        for s in &segments[first..] {
            if s.line >= scroll + rows {
                break;
            }
            let y = area.y + (s.line - scroll) as u16;
            let current = self.current == Some(s.hit);
            let end = area.x.saturating_add(s.end).min(area.right());
            for x in area.x.saturating_add(s.start)..end {
                if let Some(cell) = buf.cell_mut((x, y)) {
                    let style = theme.hit(cell.style(), current);
                    cell.set_style(style);
                }
            }
        }
    }
}
