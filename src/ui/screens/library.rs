//! The library: every article with its metadata and reuse counts; marks
//! the two articles to compare.

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
}

impl Library {
    pub fn new(_cx: &Shared) -> Library {
        Library::default()
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
    /// the next (of its event, when events are known).
    fn pair(&self, cx: &Shared) -> Option<(usize, usize)> {
        let sel = self.selected;
        match self.marked.as_slice() {
            [a, b] => Some((*a, *b)),
            [a] if *a != sel => Some((*a, sel)),
            _ => cx.next_to_compare(sel).map(|next| (sel, next)),
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
            Action::Compare => match self.pair(cx) {
                Some((left, right)) => Outcome::Open(Open::Compare {
                    left,
                    right,
                    at: None,
                }),
                None => Outcome::Say(cx.nothing_to_compare()),
            },
            _ => Outcome::Done,
        }
    }

    fn title(&self, cx: &Shared) -> String {
        format!("Library · {} articles", cx.articles())
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
        // mark(2) id outlet(12) date(6) min(3) words(6) shared(6) rep(4)
        // event(5) gaps
        let fixed = 2 + id_w + 1 + 13 + 7 + 4 + 7 + 7 + 5 + 6;
        let title_w = w.saturating_sub(fixed).max(8);
        let header = format!(
            "  {:<id_w$} {:<title_w$} {:<12} {:<6} {:>3} {:>6} {:>6} {:>4} {:>5}",
            "ID", "TITLE", "OUTLET", "DATE", "MIN", "WORDS", "SHARED", "REP", "EVENT"
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
            // The event's number, as `parallax events` counts them.
            let event = cx
                .analysis
                .events
                .of(idx)
                .map_or("–".to_string(), |e| (e + 1).to_string());
            let text = format!(
                "{mark}{:<id_w$} {}{} {:<12} {:<6} {:>3} {:>6} {:>6} {:>4} {:>5}",
                truncate(&cx.short_ids[idx], id_w),
                title,
                " ".repeat(title_w.saturating_sub(width(&title))),
                truncate(article.meta.outlet.as_deref().unwrap_or("–"), 12),
                truncate(article.meta.date.as_deref().unwrap_or("–"), 6),
                article
                    .meta
                    .read_minutes
                    .map_or("–".into(), |m| m.to_string()),
                article.meta.words,
                stats.shared,
                stats.repeated,
                event,
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
