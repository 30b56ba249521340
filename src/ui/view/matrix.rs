//! The coverage matrix: topics × articles, each cell shaded by how much the
//! article says on the topic.

use crate::ui::app::App;
use crate::ui::styled::Tag;
use crate::wrap::{truncate, width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Columns per article cell.
const CELL: usize = 4;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let w = usize::from(area.width);
    let n = app.corpus.articles.len();
    let label_w = (w / 3).clamp(10, 40);
    let cols = (w.saturating_sub(label_w + 1) / CELL).max(1);
    let first_col = app.matrix.col.saturating_sub(cols - 1);
    let shown = first_col..(first_col + cols).min(n);
    let mut header = vec![Span::raw(" ".repeat(label_w + 1))];
    for a in shown.clone() {
        let id = truncate(&app.short_ids[a], CELL - 1);
        let tag = if a == app.matrix.col {
            Tag::Selected
        } else {
            Tag::Accent
        };
        header.push(Span::styled(
            format!("{id:<width$}", width = CELL - 1),
            app.theme.style(tag),
        ));
        header.push(Span::raw(" "));
    }
    frame.render_widget(Line::from(header), Rect { height: 1, ..area });
    let rows = usize::from(area.height).saturating_sub(1);
    let first = app.matrix.row.saturating_sub(rows.saturating_sub(1));
    for (i, &t) in app.matrix.rows.iter().enumerate().skip(first).take(rows) {
        let topic = &app.analysis.topics.topics[t];
        let y = area.y + 1 + (i - first) as u16;
        let label = truncate(&topic.label, label_w);
        let row_tag = if i == app.matrix.row {
            Tag::Selected
        } else {
            Tag::Text
        };
        let mut spans = vec![
            Span::styled(label.clone(), app.theme.style(row_tag)),
            Span::raw(" ".repeat(label_w + 1 - width(&label))),
        ];
        for a in shown.clone() {
            let weight = topic.weight(a);
            let (glyph, mut style) = app.theme.shade(weight);
            if i == app.matrix.row && a == app.matrix.col {
                style = style.patch(app.theme.style(Tag::Selected));
            }
            spans.push(Span::styled(glyph, style));
            spans.push(Span::raw(" "));
        }
        frame.render_widget(
            Line::from(spans),
            Rect {
                y,
                height: 1,
                ..area
            },
        );
    }
}
