//! The library: every article with its metadata and reuse counts; marks
//! the two articles to compare.

use super::library_columns::{Column, ColumnWidths, fit};
use super::screen::Screen;
use super::text::moved;
use crate::session::View;
use crate::ui::action::Action;
use crate::ui::geometry::Geometry;
use crate::ui::outcome::{Open, Outcome};
use crate::ui::place::Goto;
use crate::ui::shared::Shared;
use crate::ui::styled::Tag;
use crate::wrap::{truncate, width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

#[derive(Debug, Clone, Default)]
pub struct Library {
    selected: usize,
    /// Articles marked for comparison, oldest first (at most two).
    marked: Vec<usize>,
    /// How wide the columns' values are (measured once).
    widths: ColumnWidths,
}

impl Library {
    pub fn new(cx: &Shared) -> Library {
        Library {
            widths: ColumnWidths::of(&cx.corpus),
            ..Library::default()
        }
    }

    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn marked(&self) -> &[usize] {
        &self.marked
    }

    fn toggle_mark(&mut self, n: usize) {
        let sel = self.selected;
        if let Some(i) = self.marked.iter().position(|&m| m == sel) {
            self.marked.remove(i);
        } else {
            self.marked.push(sel);
            if self.marked.len() > 2 {
                self.marked.remove(0);
            }
        }
        self.selected = (sel + 1).min(n.saturating_sub(1));
    }

    /// The two marked, or the one marked and this one, or this one and
    /// the next.
    fn pair(&self, n: usize) -> Option<(usize, usize)> {
        let sel = self.selected;
        match self.marked.as_slice() {
            [a, b] => Some((*a, *b)),
            [a] if *a != sel => Some((*a, sel)),
            _ if n > 1 => Some((sel, (sel + 1) % n)),
            _ => None,
        }
    }
}

impl Screen for Library {
    fn handle(&mut self, action: Action, cx: &Shared) -> Outcome {
        let n = cx.articles();
        if let Some(p) = moved(self.selected, action, cx.geometry.page(true), n) {
            self.selected = p;
            return Outcome::Done;
        }
        match action {
            Action::Confirm => Outcome::Open(Open::Reader(Goto::start_of(self.selected))),
            Action::ToggleMark => {
                self.toggle_mark(n);
                Outcome::Done
            }
            Action::Compare => match self.pair(n) {
                Some((left, right)) => Outcome::Open(Open::Compare {
                    left,
                    right,
                    at: None,
                }),
                None => Outcome::Say("Comparing needs two articles".into()),
            },
            _ => Outcome::Done,
        }
    }

    fn title(&self, cx: &Shared) -> String {
        format!(
            "Library · {}",
            crate::display::plural::counted(cx.articles(), "article")
        )
    }

    fn status(&self, cx: &Shared) -> String {
        format!(
            " {}/{} · {} marked",
            self.selected + 1,
            cx.articles(),
            self.marked.len()
        )
    }

    fn saved_as(&self) -> View {
        View::Library
    }

    fn draw(&self, frame: &mut Frame, g: &Geometry, cx: &Shared) {
        let (header_row, rows_area) = g.headed();
        let w = usize::from(g.body.width);
        let theme = &cx.theme;
        let id_w = cx.short_id_width.clamp(2, 12);
        let fitted = fit(w, id_w, &self.widths);
        let title_w = fitted.title;
        let header = format!(
            "  {:<id_w$} {:<title_w$}{}",
            "ID",
            "TITLE",
            fitted.tail(|c| c.header().to_string())
        );
        frame.render_widget(
            Line::styled(truncate(&header, w), theme.style(Tag::Dim)),
            header_row,
        );
        let rows = usize::from(rows_area.height);
        let first = self.selected.saturating_sub(rows.saturating_sub(1));
        let articles = cx.corpus.articles.iter().enumerate();
        for (row, (idx, article)) in articles.skip(first).take(rows).enumerate() {
            let mark = match self.marked.iter().position(|&m| m == idx) {
                Some(0) => "◀ ",
                Some(_) => "▶ ",
                None => "  ",
            };
            let stats = cx.analysis.stats.get(idx).copied().unwrap_or_default();
            let hidden = if article.hidden_chars > 0 {
                format!(" ⚠{}", article.hidden_chars)
            } else {
                String::new()
            };
            let title = truncate(&format!("{}{hidden}", article.label()), title_w);
            let meta = &article.meta;
            let text = format!(
                "{mark}{:<id_w$} {}{}{}",
                truncate(&cx.short_ids[idx], id_w),
                title,
                " ".repeat(title_w.saturating_sub(width(&title))),
                fitted.tail(|c| match c {
                    Column::Outlet => meta.outlet.as_deref().unwrap_or("–").to_string(),
                    Column::Date => meta.date.as_deref().unwrap_or("–").to_string(),
                    Column::Minutes => meta.read_minutes.map_or("–".into(), |m| m.to_string()),
                    Column::Words => meta.words.to_string(),
                    Column::Shared => stats.shared.to_string(),
                    Column::Repeats => stats.repeated.to_string(),
                }),
            );
            let tag = if idx == self.selected {
                Tag::Selected
            } else {
                Tag::Text
            };
            let line = Line::from(Span::styled(truncate(&text, w), theme.style(tag)));
            let y = rows_area.y + row as u16;
            frame.render_widget(
                line,
                Rect {
                    y,
                    height: 1,
                    ..rows_area
                },
            );
        }
    }
}
