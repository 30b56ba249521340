//! Search results: a phrase found in every article (`F`), grouped by
//! article: a line naming the article, then a line of context per hit
//! with the hit marked. Enter opens the article at the hit, searching for
//! the phrase there (n goes on). The corpus is folded for searching the
//! first time (`FindIndex`), and a search runs once, on enter.

use super::screen::Screen;
use super::scroll::moved;
use crate::analysis::find::{CorpusHit, CorpusHits, FindIndex, Query};
use crate::corpus::sanitize::Clean;
use crate::display::context::context;
use crate::display::plural::counted_grouped;
use crate::display::wrap::{truncate, width};
use crate::session::View;
use crate::ui::action::Action;
use crate::ui::geometry::Geometry;
use crate::ui::outcome::Outcome;
use crate::ui::place::Goto;
use crate::ui::shared::Shared;
use crate::ui::styled::Tag;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// The most hits listed; all are counted.
pub const SHOWN_HITS: usize = 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Row {
    /// An article's line, and how many of its hits are listed.
    Article(usize, usize),
    /// A hit, by its index in the hits listed.
    Hit(usize),
}

#[derive(Debug, Default)]
pub struct Results {
    /// Made on the first search, kept for the next.
    index: Option<FindIndex>,
    query: Option<Query>,
    found: CorpusHits,
    rows: Vec<Row>,
    /// The row selected: always a hit's.
    selected: usize,
}

impl Results {
    pub fn new(_cx: &Shared) -> Results {
        Results::default()
    }

    /// Search every article for `text`: Err says why there is nothing to
    /// show (no phrase, or no hit).
    pub fn search(&mut self, text: &str, cx: &Shared) -> Result<(), Clean> {
        let Some(query) = Query::new(text) else {
            return Err(Clean::lit("Type a phrase to find in every article"));
        };
        let index = self
            .index
            .get_or_insert_with(|| FindIndex::build(&cx.corpus));
        let found = index.search(&cx.corpus, &query, SHOWN_HITS);
        if found.total == 0 {
            return Err(crate::clean!("Pattern not found in any article: {text}"));
        }
        // Hits come in corpus order: each article's together.
        self.rows.clear();
        let mut head = 0;
        for (i, hit) in found.hits.iter().enumerate() {
            let a = hit.block.article;
            if !matches!(self.rows.get(head), Some(Row::Article(x, _)) if *x == a) {
                head = self.rows.len();
                self.rows.push(Row::Article(a, 0));
            }
            if let Some(Row::Article(_, n)) = self.rows.get_mut(head) {
                *n += 1;
            }
            self.rows.push(Row::Hit(i));
        }
        self.found = found;
        self.query = Some(query);
        self.selected = 1;
        Ok(())
    }

    /// The phrase searched for.
    pub fn phrase(&self) -> Option<&str> {
        self.query.as_ref().map(|q| q.text.as_str())
    }

    /// What the search found.
    pub fn found(&self) -> &CorpusHits {
        &self.found
    }

    /// The hit selected.
    pub fn selected_hit(&self) -> Option<&CorpusHit> {
        match self.rows.get(self.selected)? {
            Row::Hit(i) => self.found.hits.get(*i),
            Row::Article(..) => None,
        }
    }

    /// The nearest hit row to `row`, looking `down` first.
    fn hit_row(&self, row: usize, down: bool) -> usize {
        let is_hit = |r: &usize| matches!(self.rows.get(*r), Some(Row::Hit(_)));
        let after = (row..self.rows.len()).find(is_hit);
        let before = (0..=row.min(self.rows.len().saturating_sub(1)))
            .rev()
            .find(is_hit);
        let found = if down {
            after.or(before)
        } else {
            before.or(after)
        };
        found.unwrap_or(self.selected)
    }

    /// The first hit of the next (or previous) article.
    fn article(&self, next: bool) -> usize {
        let heads: Vec<usize> = (0..self.rows.len())
            .filter(|&r| matches!(self.rows[r], Row::Article(..)))
            .collect();
        let here = heads.iter().rposition(|&h| h < self.selected).unwrap_or(0);
        let to = if next {
            heads.get(here + 1)
        } else {
            here.checked_sub(1).and_then(|p| heads.get(p))
        };
        to.map_or(self.selected, |&h| h + 1)
    }

    fn draw_row(&self, row: Row, selected: bool, area: Rect, frame: &mut Frame, cx: &Shared) {
        let theme = &cx.theme;
        let w = usize::from(area.width);
        let line = match row {
            Row::Article(a, n) => {
                let head = cx.article_head(a, &counted_grouped(n, "hit"));
                Line::styled(truncate(&head, w), theme.style(Tag::Accent))
            }
            Row::Hit(i) => {
                let Some(hit) = self.found.hits.get(i) else {
                    return;
                };
                let text = cx.corpus.get(hit.block).map_or("", |b| b.text.as_str());
                let label = format!(
                    "{} #{:<4} ",
                    if selected { "›" } else { " " },
                    hit.block.block
                );
                let room = w.saturating_sub(width(&label) + 2);
                let c = context(text, hit.start, hit.end, room);
                let label_tag = if selected { Tag::Selected } else { Tag::Dim };
                Line::from(vec![
                    Span::raw("  "),
                    Span::styled(label, theme.style(label_tag)),
                    Span::raw(c.before),
                    Span::styled(c.hit, theme.hit(Style::default(), selected)),
                    Span::raw(c.after),
                ])
            }
        };
        frame.render_widget(line, area);
    }
}

/// 1204 as "1,204".
pub fn thousands(n: usize) -> String {
    crate::display::plural::grouped(&n.to_string())
}

impl Screen for Results {
    fn handle(&mut self, action: Action, cx: &Shared) -> Outcome {
        if self.rows.is_empty() {
            return Outcome::Done;
        }
        let page = cx.geometry.page(false);
        if let Some(p) = moved(self.selected, action, page, self.rows.len()) {
            self.selected = self.hit_row(p, p >= self.selected);
            return Outcome::Done;
        }
        match action {
            Action::NextHeading => self.selected = self.article(true),
            Action::PrevHeading => self.selected = self.article(false),
            Action::Confirm => {
                if let (Some(hit), Some(q)) = (self.selected_hit(), &self.query) {
                    return Outcome::Follow {
                        at: Goto::block(hit.block),
                        phrase: q.text.clone(),
                        offset: hit.start,
                    };
                }
            }
            _ => {}
        }
        Outcome::Done
    }

    fn title(&self, _cx: &Shared) -> String {
        let phrase = truncate(self.phrase().unwrap_or(""), 40);
        let f = &self.found;
        format!(
            "Search · “{phrase}” · {} in {}",
            counted_grouped(f.total, "hit"),
            counted_grouped(f.articles, "article")
        )
    }

    fn status(&self, _cx: &Shared) -> String {
        let f = &self.found;
        let at = match self.rows.get(self.selected) {
            Some(Row::Hit(i)) => i + 1,
            _ => 0,
        };
        let listed = f.hits.len();
        let cap = if f.total > listed {
            format!(" · showing first {}", thousands(listed))
        } else {
            String::new()
        };
        format!(
            " hit {}/{} · {} in {}{cap}",
            thousands(at),
            thousands(listed),
            counted_grouped(f.total, "hit"),
            counted_grouped(f.articles, "article")
        )
    }

    fn draw(&self, frame: &mut Frame, g: &Geometry, cx: &Shared) {
        let area = g.body;
        let rows = usize::from(area.height);
        let first = self.selected.saturating_sub(rows.saturating_sub(1));
        for (k, &row) in self.rows.iter().enumerate().skip(first).take(rows) {
            let y = area.y + (k - first) as u16;
            let at = Rect {
                y,
                height: 1,
                ..area
            };
            self.draw_row(row, k == self.selected, at, frame, cx);
        }
    }

    fn saved_as(&self) -> View {
        // Results are not kept: a session comes back to the library.
        View::Library
    }
}

#[cfg(test)]
mod tests {
    use super::thousands;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1204), "1,204");
        assert_eq!(thousands(1_000_000), "1,000,000");
    }
}
