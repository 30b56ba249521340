//! Drawing the compare view: two panes with a gutter of pairing marks
//! between them, a header naming each article, the evidence of the row on
//! top for the title bar, and a status line with pair, position, threshold.

use super::panes::{draw_heads, draw_rows, pane_areas};
use super::work::Stage;
use super::{Compare, PairData, Side};
use crate::analysis::align::RowKind;
use crate::analysis::evidence::Explanation;
use crate::display::score::Score;
use crate::display::wrap::{truncate, width};
use crate::ui::action::{Action, ViewId};
use crate::ui::geometry::Geometry;
use crate::ui::shared::Shared;
use crate::ui::styled::Tag;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

impl Compare {
    pub(super) fn draw_panes(&self, frame: &mut Frame, g: &Geometry, cx: &Shared) {
        let (_, rows) = g.headed();
        // The focus is marked locked or not: `e` and `p` take the focused
        // pane's paragraph either way, and `tab` moves it unseen otherwise.
        let heads = [(Side::Left, self.left), (Side::Right, self.right)].map(|(side, article)| {
            let focus = self.focus == side;
            let text = format!(
                "{}{} · {}",
                if focus { "▶ " } else { "" },
                cx.short_ids[article],
                cx.corpus.articles[article].label()
            );
            (text, if focus { Tag::Selected } else { Tag::Accent })
        });
        let [(l, lt), (r, rt)] = &heads;
        draw_heads(frame, g, cx, [(l.as_str(), *lt), (r.as_str(), *rt)]);
        let Some(layout) = self.layout() else {
            // Still being paired (or waiting for the analysis): say so
            // under the headers; the status line counts the progress.
            let key = |a| cx.key_for(ViewId::Compare, a);
            let note = if cx.analysing {
                "Waiting for the analysis…".to_string()
            } else {
                format!(
                    "Comparing… (keys work meanwhile: {} goes back, {} and {} change the threshold)",
                    key(Action::Back),
                    key(Action::ThresholdUp),
                    key(Action::ThresholdDown)
                )
            };
            if rows.height > 1 {
                let line = Rect {
                    y: rows.y + 1,
                    height: 1,
                    ..rows
                };
                let note = truncate(&note, usize::from(g.body.width));
                frame.render_widget(Line::styled(note, cx.theme.style(Tag::Dim)), line);
            }
            return;
        };
        draw_rows(frame, g, cx, &layout.lines, self.scroll, self.locked);
        let [left_area, right_area, _] = pane_areas(g.body);
        let rows_of = |pane: Rect| Rect {
            y: rows.y,
            height: rows.height,
            ..pane
        };
        let theme = &cx.theme;
        self.find
            .draw(frame, theme, rows_of(left_area), 0, self.scroll[0]);
        self.find
            .draw(frame, theme, rows_of(right_area), 1, self.scroll[1]);
    }

    /// The alignment row on the top line of the focused pane. The blank
    /// line after a row has no row of its own: it counts as that row's,
    /// as it does for `top` (else the status said "row 0").
    fn top_row(&self) -> Option<(&PairData, usize)> {
        let layout = self.layout.as_ref()?;
        let data = self.cache.get(&self.key())?;
        let (row, _) = layout.row_at(self.scroll[self.side()])?;
        Some((&**data, row))
    }

    /// "why 8↔9: Alaska · rhetoric, framed": what the row at the top pairs on,
    /// for the title bar (paraphrase rows, and unpaired rows that make the
    /// point of a block paired elsewhere).
    pub(super) fn why(&self, cx: &Shared) -> Option<String> {
        if let Some(why) = self.partner_why(cx) {
            return Some(why);
        }
        let (data, k) = self.top_row()?;
        let row = data.alignment.rows.get(k)?;
        let paraphrase = row.kind == RowKind::Related || row.also.is_some();
        if !paraphrase {
            return None;
        }
        let e = data.comparison.evidence(&cx.corpus, row)?.explanation;
        let parts = why_parts(&e);
        let (l, r) = match (row.left, row.right, row.also) {
            (Some(l), Some(r), _) => (l, r),
            (Some(l), None, Some(r)) => (l, r),
            (None, Some(r), Some(l)) => (l, r),
            _ => return None,
        };
        (!parts.is_empty()).then(|| format!("why {l}↔{r}: {}", parts.join(" · ")))
    }

    /// "row 12/40 near 0.82 · 8 paired · threshold 0.25 · unlocked", in
    /// `room` columns: the threshold and the panes' state are kept whole,
    /// the row's description and the count of pairs give way first.
    pub(super) fn status_line(&self, room: usize) -> String {
        let c = self;
        let threshold = c.threshold;
        if let Some(stage) = c.stage() {
            let what = match stage {
                Stage::Pairing => "pairing paragraphs".to_string(),
                Stage::Diffing(done, total) => format!("word diffs {done}/{total}"),
                Stage::Layout => "laying out".to_string(),
            };
            return format!(" Comparing… {what} · threshold {threshold}");
        }
        let Some(layout) = &c.layout else {
            return String::new();
        };
        let Some(data) = c.cache.get(&c.key()) else {
            return String::new();
        };
        let row = c.top_row().map(|(_, k)| k);
        // Rows as drawn: a count before `G` goes to the one numbered so.
        let drawn = layout.drawn_row_at(c.scroll[c.side()]);
        let total = layout.drawn_rows();
        let current = row.and_then(|r| data.alignment.rows.get(r));
        // Unpaired blocks of both sides share a drawn row: the row named
        // is the left one's, and the right one is said too.
        let beside = current.is_some_and(|r| r.kind == RowKind::LeftOnly)
            && drawn.is_some_and(|d| layout.right_drawn(d));
        // The row's kind, shorter and shorter: whole, without the other
        // side's unpaired block, without the pair it also makes, none.
        let kinds = current.map_or([const { String::new() }; 4], |r| {
            let score = if r.kind.is_paired() || r.also.is_some() {
                format!(" {}", Score(r.similarity))
            } else {
                String::new()
            };
            let also = r.also.map_or(String::new(), |k| format!(" (also {k})"));
            let moved = if r.moved { " moved" } else { "" };
            let kind = format!(" {}{score}", kind_name(r.kind));
            let right = if beside { " · right only" } else { "" };
            [
                format!("{kind}{also}{moved}{right}"),
                format!("{kind}{also}{moved}"),
                format!("{kind}{moved}"),
                String::new(),
            ]
        });
        let at = format!(" row {}/{}", drawn.map_or(0, |r| r + 1), total);
        let pairs = format!(" · {} paired", layout.match_lines.len());
        let state = format!(
            " · threshold {}{}{}",
            c.threshold,
            if c.locked { "" } else { " · unlocked" },
            if c.unfold { " · unfolded" } else { "" }
        );
        let found = c.find.status().map_or(String::new(), |f| format!(" · {f}"));
        let fitted = kinds
            .iter()
            .map(|kind| format!("{at}{kind}{pairs}{state}"))
            .chain([format!("{at}{state}")])
            .find(|line| width(line) <= room)
            .unwrap_or_else(|| format!("{at}{state}"));
        format!("{fitted}{found}")
    }
}

/// What two blocks share, briefest first: names, numbers, a quote, the
/// rarest words.
pub fn why_parts(e: &Explanation) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    if !e.names.is_empty() {
        parts.push(e.names.join(", "));
    }
    if !e.numbers.is_empty() {
        parts.push(e.numbers.join(", "));
    }
    if let Some(q) = &e.quote {
        parts.push(format!("“{q}”"));
    }
    if !e.terms.is_empty() {
        parts.push(e.terms.join(", "));
    }
    parts
}

fn kind_name(kind: RowKind) -> &'static str {
    match kind {
        RowKind::Identical => "identical",
        RowKind::Near => "near",
        RowKind::Related => "related",
        RowKind::LeftOnly => "left only",
        RowKind::RightOnly => "right only",
    }
}
