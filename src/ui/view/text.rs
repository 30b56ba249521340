//! Scrolling text screens: the reader and the topic across articles.

use super::to_line;
use crate::ui::app::App;
use crate::ui::styled::StyledLine;
use ratatui::Frame;
use ratatui::layout::Rect;

pub fn draw_reader(frame: &mut Frame, app: &App, area: Rect) {
    if let Some(layout) = &app.reader.layout {
        draw_lines(frame, app, area, &layout.lines, app.reader.scroll);
    }
}

pub fn draw_topic(frame: &mut Frame, app: &App, area: Rect) {
    if let Some(layout) = &app.topic.layout {
        draw_lines(frame, app, area, &layout.lines, app.topic.scroll);
    }
}

/// Draw `lines[scroll..]` into `area`, one row each: only what is visible.
pub fn draw_lines(frame: &mut Frame, app: &App, area: Rect, lines: &[StyledLine], scroll: usize) {
    let visible = lines.iter().skip(scroll).take(usize::from(area.height));
    for (i, line) in visible.enumerate() {
        let row = Rect {
            y: area.y + i as u16,
            height: 1,
            ..area
        };
        frame.render_widget(to_line(app, line), row);
    }
}
