//! Elsewhere: one paragraph against every other article of its event,
//! each article's likeliest block for its point, most likely first, with
//! the evidence of the selected one in the status line; enter shows the
//! two side by side in the compare view. "Who reported this, and in
//! which words?" for one paragraph at a glance.

use super::screen::Screen;
use super::scroll::moved;
use crate::analysis::pair::Threshold;
use crate::analysis::partners::{Elsewhere, elsewhere};
use crate::corpus::BlockRef;
use crate::display::score::Score;
use crate::display::wrap::{in_column, truncate};
use crate::session::View;
use crate::ui::action::{Action, ViewId};
use crate::ui::geometry::Geometry;
use crate::ui::outcome::{Open, Outcome};
use crate::ui::shared::Shared;
use crate::ui::styled::Tag;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

#[derive(Debug, Clone, Default)]
pub struct ElsewhereScreen {
    /// The paragraph asked about.
    at: Option<BlockRef>,
    /// Its rows, once computed for `at` (`computed` says for which
    /// paragraph and threshold).
    rows: Vec<Elsewhere>,
    computed: Option<(BlockRef, Threshold)>,
    /// Articles there were to compare (more than the rows past the cap).
    total: usize,
    selected: usize,
    /// The compare view's threshold: what "paired" means here.
    threshold: Threshold,
}

impl ElsewhereScreen {
    pub fn new(_cx: &Shared) -> ElsewhereScreen {
        ElsewhereScreen::default()
    }

    /// Look for `at`'s point in the other articles, the `row`th of them
    /// selected; pairs are those the compare view makes at `threshold`.
    pub fn open(&mut self, at: BlockRef, row: usize, threshold: Threshold) {
        self.at = Some(at);
        self.selected = row;
        self.threshold = threshold;
    }

    pub fn rows(&self) -> &[Elsewhere] {
        &self.rows
    }

    pub fn selected(&self) -> usize {
        self.selected
    }
}

impl ElsewhereScreen {
    /// "why: names: … · words: …" of the selected row, wrapped to the
    /// width, at most two lines, and none when the body is too short to
    /// spare them beside the list.
    fn why_lines(&self, w: usize, height: u16) -> Vec<String> {
        let Some(e) = self
            .rows
            .get(self.selected)
            .and_then(|r| r.explanation.as_ref())
        else {
            return Vec::new();
        };
        let parts = super::compare::why_parts(e);
        if parts.is_empty() || height < 6 {
            return Vec::new();
        }
        let text = format!("why: {}", parts.join(" · "));
        let mut lines = crate::display::wrap::wrap_text(&text, w.saturating_sub(2).max(10));
        if lines.len() > 2 {
            lines.truncate(2);
            lines[1] = truncate(&format!("{}…", lines[1]), w.saturating_sub(2));
        }
        lines.into_iter().map(|l| format!("  {l}")).collect()
    }
}

impl Screen for ElsewhereScreen {
    fn handle(&mut self, action: Action, cx: &Shared) -> Outcome {
        if let Some(p) = moved(
            self.selected,
            action,
            cx.geometry.page(true),
            self.rows.len(),
        ) {
            self.selected = p;
            return Outcome::Done;
        }
        let (Some(at), Some(row)) = (self.at, self.rows.get(self.selected)) else {
            return Outcome::Done;
        };
        if action != Action::Confirm {
            return Outcome::Done;
        }
        match row.partner {
            Some(p) => Outcome::Open(Open::Beside {
                left: at,
                right: BlockRef::new(row.article, p.block),
            }),
            None => Outcome::Open(Open::Compare {
                left: at.article,
                right: row.article,
                at: Some(crate::ui::place::Goto::block(at)),
            }),
        }
    }

    fn refresh(&mut self, cx: &Shared) {
        let wanted = self.at.map(|at| (at, self.threshold));
        if cx.analysing || self.computed == wanted {
            return;
        }
        let Some(at) = self.at.filter(|b| cx.corpus.get(*b).is_some()) else {
            return;
        };
        let a = &cx.analysis;
        (self.rows, self.total) = elsewhere(&cx.corpus, &a.related, &a.events, at, self.threshold);
        self.computed = wanted;
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
    }

    fn reanalysed(&mut self, _cx: &Shared) {
        self.computed = None;
        self.rows.clear();
    }

    fn title(&self, cx: &Shared) -> String {
        let Some(at) = self.at else {
            return "Elsewhere".into();
        };
        let text = cx.corpus.get(at).map_or("", |b| b.text.as_str());
        // The title row cuts it at the frame's width; a long paragraph is
        // not copied whole first.
        format!(
            "Elsewhere · {} #{}: {}",
            cx.short_ids[at.article],
            at.block,
            truncate(text, cx.geometry.width())
        )
    }

    fn status(&self, cx: &Shared) -> String {
        let Some(row) = self.rows.get(self.selected) else {
            return if cx.analysing {
                " Still analysing…".into()
            } else {
                " No other article to look in".into()
            };
        };
        let of = if self.total > self.rows.len() {
            format!(" (the {} nearest of {})", self.rows.len(), self.total)
        } else {
            String::new()
        };
        let key = cx.key_for(ViewId::Elsewhere, Action::Confirm);
        let Some(p) = row.partner else {
            return format!(
                " {}/{}{of} · {}: no paragraph shares a word · {key} compares the two",
                self.selected + 1,
                self.rows.len(),
                cx.short_ids[row.article]
            );
        };
        let why = row
            .explanation
            .as_ref()
            .map(|e| super::compare::why_parts(e).join(" · "))
            .filter(|w| !w.is_empty())
            .map_or(String::new(), |w| format!(" · why: {w}"));
        format!(
            " {}/{}{of} · {} #{} · {}{} · {key} side by side{why}",
            self.selected + 1,
            self.rows.len(),
            cx.short_ids[row.article],
            p.block,
            Score(p.similarity),
            if row.paired { " paired" } else { "" }
        )
    }

    fn draw(&self, frame: &mut Frame, g: &Geometry, cx: &Shared) {
        let (header, area) = g.headed();
        let w = usize::from(g.body.width);
        let theme = &cx.theme;
        let outlet_w = (w / 5).clamp(8, 24);
        let head = format!(
            "  {:>4}  {}  {}  THEIR WORDS",
            "SIM",
            in_column("ARTICLE", 10),
            in_column("OUTLET", outlet_w)
        );
        frame.render_widget(
            Line::styled(truncate(&head, w), theme.style(Tag::Dim)),
            header,
        );
        let at = |k: u16| Rect {
            y: area.y + k,
            height: 1,
            ..area
        };
        if self.rows.is_empty() {
            let note = if cx.analysing {
                "Still analysing…"
            } else {
                "No other article to look in."
            };
            if area.height > 0 {
                frame.render_widget(
                    Line::styled(truncate(note, w), theme.style(Tag::Dim)),
                    at(0),
                );
            }
            return;
        }
        // The selected row's evidence in full under the list (the status
        // line cuts it at 80 columns): what a reader trusts a row by.
        let why = self.why_lines(w, area.height);
        let rows = usize::from(area.height) - why.len();
        let first = self.selected.saturating_sub(rows.saturating_sub(1));
        // After a blank line under the last row, or at the foot when the
        // list fills the body.
        let drawn = self.rows.len().saturating_sub(first).min(rows);
        let from = if drawn < rows { drawn + 1 } else { drawn }.min(rows) as u16;
        for (k, line) in why.iter().enumerate() {
            frame.render_widget(
                Line::styled(line.clone(), theme.style(Tag::Dim)),
                at(from + k as u16),
            );
        }
        for (k, i) in (first..self.rows.len()).take(rows).enumerate() {
            let r = &self.rows[i];
            let article = &cx.corpus.articles[r.article];
            let (mark, sim, place, text) = match r.partner {
                Some(p) => (
                    if r.paired { "↔" } else { "·" },
                    Score(p.similarity).to_string(),
                    format!("{} #{}", cx.short_ids[r.article], p.block),
                    cx.corpus
                        .get(BlockRef::new(r.article, p.block))
                        .map_or("", |b| b.text.as_str()),
                ),
                None => (
                    " ",
                    "–".to_string(),
                    cx.short_ids[r.article].clone(),
                    "(no paragraph shares a word)",
                ),
            };
            let line = format!(
                "{mark} {sim:>4}  {}  {}  {text}",
                in_column(&place, 10),
                in_column(article.meta.outlet.as_deref().unwrap_or("—"), outlet_w)
            );
            let tag = if i == self.selected {
                Tag::Selected
            } else {
                Tag::Text
            };
            frame.render_widget(
                Line::styled(truncate(&line, w), theme.style(tag)),
                at(k as u16),
            );
        }
    }

    fn saved_as(&self) -> View {
        View::Library
    }

    fn reopen(&self) -> Option<Open> {
        let (at, row) = (self.at?, self.selected);
        Some(Open::Elsewhere { at, row })
    }

    fn go_to_row(&mut self, row: usize, _cx: &Shared) -> bool {
        if self.rows.is_empty() {
            return false;
        }
        self.selected = row.saturating_sub(1).min(self.rows.len() - 1);
        true
    }
}
