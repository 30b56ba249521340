//! The coverage matrix: topics × articles, each cell shaded by how much the
//! article says on the topic; enter opens the article at the topic.

use super::screen::Screen;
use super::text::moved;
use crate::analysis::Analysis;
use crate::display::wrap::{truncate, width};
use crate::session::View;
use crate::ui::action::Action;
use crate::ui::geometry::Geometry;
use crate::ui::outcome::{Open, Outcome};
use crate::ui::place::Goto;
use crate::ui::shared::Shared;
use crate::ui::styled::Tag;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Columns per article cell.
const CELL: usize = 4;

#[derive(Debug, Clone, Default)]
pub struct Matrix {
    /// Topic indices in display order: most widely covered first.
    rows: Vec<usize>,
    row: usize,
    col: usize,
}

impl Matrix {
    pub fn new(cx: &Shared) -> Matrix {
        Matrix {
            rows: rows_of(&cx.analysis),
            ..Matrix::default()
        }
    }

    /// Topic indices in display order.
    pub fn rows(&self) -> &[usize] {
        &self.rows
    }

    /// Open the selected article at the selected topic's first block in it.
    fn open(&self, cx: &Shared) -> Outcome {
        let Some(&t) = self.rows.get(self.row) else {
            return Outcome::Done;
        };
        let topic = &cx.analysis.topics.topics[t];
        let article = self.col;
        match topic.occurrences_in(article).next() {
            Some(r) => Outcome::Open(Open::Reader(Goto::block(r))),
            None => Outcome::Say(crate::clean!(
                "{} does not cover “{}”",
                cx.corpus.articles[article].id,
                topic.label
            )),
        }
    }
}

/// Topics covered by the most articles first.
fn rows_of(analysis: &Analysis) -> Vec<usize> {
    let mut rows: Vec<usize> = (0..analysis.topics.topics.len()).collect();
    rows.sort_by_key(|&t| std::cmp::Reverse(analysis.topics.topics[t].weights.len()));
    rows
}

impl Screen for Matrix {
    fn handle(&mut self, action: Action, cx: &Shared) -> Outcome {
        let cols = cx.articles();
        let page = cx.geometry.page(true);
        if let Some(p) = moved(self.row, action, page, self.rows.len()) {
            self.row = p;
            return Outcome::Done;
        }
        match action {
            Action::Left => self.col = self.col.saturating_sub(1),
            Action::Right => self.col = (self.col + 1).min(cols.saturating_sub(1)),
            Action::Confirm => return self.open(cx),
            _ => {}
        }
        Outcome::Done
    }

    fn reanalysed(&mut self, cx: &Shared) {
        self.rows = rows_of(&cx.analysis);
    }

    fn title(&self, _cx: &Shared) -> String {
        "Coverage · topics × articles".to_string()
    }

    fn status(&self, _cx: &Shared) -> String {
        format!(" topic {}/{}", self.row + 1, self.rows.len())
    }

    fn saved_as(&self) -> View {
        View::Matrix
    }

    fn draw(&self, frame: &mut Frame, g: &Geometry, cx: &Shared) {
        let (header_row, rows_area) = g.headed();
        let theme = &cx.theme;
        let w = usize::from(g.body.width);
        let n = cx.articles();
        let label_w = (w / 3).clamp(10, 40);
        let cols = (w.saturating_sub(label_w + 1) / CELL).max(1);
        let first_col = self.col.saturating_sub(cols - 1);
        let shown = first_col..(first_col + cols).min(n);
        let mut header = vec![Span::raw(" ".repeat(label_w + 1))];
        for a in shown.clone() {
            let id = truncate(&cx.short_ids[a], CELL - 1);
            let tag = if a == self.col {
                Tag::Selected
            } else {
                Tag::Accent
            };
            header.push(Span::styled(
                format!("{id:<width$}", width = CELL - 1),
                theme.style(tag),
            ));
            header.push(Span::raw(" "));
        }
        frame.render_widget(Line::from(header), header_row);
        let rows = usize::from(rows_area.height);
        let first = self.row.saturating_sub(rows.saturating_sub(1));
        for (i, &t) in self.rows.iter().enumerate().skip(first).take(rows) {
            let topic = &cx.analysis.topics.topics[t];
            let y = rows_area.y + (i - first) as u16;
            let label = truncate(&topic.label, label_w);
            let row_tag = if i == self.row {
                Tag::Selected
            } else {
                Tag::Text
            };
            let mut spans = vec![
                Span::styled(label.clone(), theme.style(row_tag)),
                Span::raw(" ".repeat(label_w + 1 - width(&label))),
            ];
            for a in shown.clone() {
                let weight = topic.weight(a);
                let (glyph, mut style) = theme.shade(weight);
                if i == self.row && a == self.col {
                    style = style.patch(theme.style(Tag::Selected));
                }
                spans.push(Span::styled(glyph, style));
                spans.push(Span::raw(" "));
            }
            frame.render_widget(
                Line::from(spans),
                Rect {
                    y,
                    height: 1,
                    ..rows_area
                },
            );
        }
    }
}
