//! A quote's or a shared passage's copies side by side: the reference on
//! the left (a quote's reference wording, as `quotes` chooses it; a
//! passage's origin, the text every copy was scored against, so the score
//! said is the score of the two shown), another copy on the right with
//! the word diff, drawn by the compare view's panes. `]` and `[` step the
//! right pane through the other copies; enter opens the two in context.

use super::compare::panes::{base_tag, diff_lines, draw_heads, draw_rows, row_lines};
use super::compare::{CompareLine, pane_width};
use super::screen::{Screen, Scrolled};
use super::scroll::scrolled;
use crate::analysis::diff::{OpTag, word_diff};
use crate::analysis::quotes::Variant;
use crate::corpus::BlockRef;
use crate::display::plural::counted_as;
use crate::display::score::Score;
use crate::session::View;
use crate::ui::action::{Action, ViewId};
use crate::ui::geometry::Geometry;
use crate::ui::outcome::{Copies, GroupKind, Open, Outcome};
use crate::ui::place::{Goto, Place};
use crate::ui::shared::Shared;
use crate::ui::styled::{Tag, plain};
use ratatui::Frame;
use std::ops::Range;
use std::time::Duration;

/// How long a word diff may take on the UI thread (then it is coarser).
const DIFF_DEADLINE: Duration = Duration::from_millis(200);

#[derive(Debug, Clone, Default)]
pub struct VariantsScreen {
    copies: Option<Copies>,
    /// The member on the right.
    right: usize,
    scroll: usize,
    layout: Option<Layout>,
}

#[derive(Debug, Clone)]
struct Layout {
    /// (group shown, member on the right, width)
    key: (Copies, usize, usize),
    lines: Vec<CompareLine>,
    /// The blocks of the two copies shown (reference, right): what `y`
    /// copies.
    blocks: (BlockRef, BlockRef),
}

/// A copy: its block, and the range of the block's text it is.
type CopyAt = (BlockRef, Range<usize>);

/// A group's members and which one is the reference.
fn members(cx: &Shared, copies: Copies) -> Option<(Vec<CopyAt>, usize)> {
    let a = &cx.analysis;
    match copies.kind {
        GroupKind::Quote => {
            let g = a.quotes.groups.get(copies.group)?;
            let list = g.quotes.iter().map(|q| (q.at, q.start..q.end)).collect();
            Some((list, g.reference))
        }
        GroupKind::Passage => {
            let g = a.passages.groups.get(copies.group)?;
            let text_len = |b: BlockRef| cx.corpus.get(b).map_or(0, |b| b.text.len());
            let list = g
                .members
                .iter()
                .map(|m| (m.block, 0..text_len(m.block)))
                .collect();
            Some((list, g.origin))
        }
    }
}

impl VariantsScreen {
    pub fn new(_cx: &Shared) -> VariantsScreen {
        VariantsScreen::default()
    }

    /// Show `copies`, with its `member` on the right (the first copy after
    /// the reference if none, or if that is the reference itself).
    pub fn open(&mut self, copies: Copies) {
        self.copies = Some(copies);
        self.right = copies.member.unwrap_or(usize::MAX);
        self.scroll = 0;
        self.layout = None;
    }

    /// The group shown and the member on the right.
    pub fn showing(&self) -> Option<(Copies, usize)> {
        Some((self.copies?, self.right))
    }

    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// The lines laid out for the frame.
    pub fn lines(&self) -> &[CompareLine] {
        self.layout.as_ref().map_or(&[], |l| l.lines.as_slice())
    }

    /// The member after (or before) the right one, skipping the reference.
    fn step(&mut self, cx: &Shared, forward: bool) -> Outcome {
        let Some((list, reference)) = self.copies.and_then(|c| members(cx, c)) else {
            return Outcome::Done;
        };
        let n = list.len();
        if n < 3 {
            return Outcome::Say("No other copy".into());
        }
        let mut next = self.right;
        loop {
            next = if forward {
                (next + 1) % n
            } else {
                (next + n - 1) % n
            };
            if next != reference {
                break;
            }
        }
        let wrapped = if forward {
            next < self.right
        } else {
            next > self.right
        };
        self.right = next;
        self.scroll = 0;
        if wrapped {
            return Outcome::Say("Wrapped around to the other end of the copies".into());
        }
        Outcome::Done
    }

    /// Open the two copies where they stand: the pair of articles in the
    /// compare view, or the article at the repeat.
    fn in_context(&self, cx: &Shared) -> Outcome {
        let Some((list, reference)) = self.copies.and_then(|c| members(cx, c)) else {
            return Outcome::Done;
        };
        let (Some(left), Some(right)) = (list.get(reference), list.get(self.right)) else {
            return Outcome::Done;
        };
        let (l, r) = (left.0, right.0);
        if l.article == r.article {
            return Outcome::Open(Open::Reader(Goto::block(r)));
        }
        Outcome::Open(Open::Compare {
            left: l.article,
            right: r.article,
            at: Some(Goto::block(l)),
        })
    }

    fn head(cx: &Shared, b: BlockRef) -> String {
        let a = &cx.corpus.articles[b.article];
        let outlet = a.meta.outlet.as_deref().unwrap_or("–");
        format!(
            "{} #{} · {outlet} · {}",
            cx.short_ids[b.article],
            b.block,
            a.label()
        )
    }

    fn lay_out(cx: &Shared, copies: Copies, left: CopyAt, right: CopyAt) -> Vec<CompareLine> {
        let width = cx.geometry.width();
        let text_w = pane_width(width).saturating_sub(1).max(1);
        let block = |b: BlockRef| cx.corpus.get(b);
        let (Some(lb), Some(rb)) = (block(left.0), block(right.0)) else {
            return Vec::new();
        };
        let lt = lb.text.get(left.1).unwrap_or("");
        let rt = rb.text.get(right.1).unwrap_or("");
        let ops = word_diff(lt, rt, DIFF_DEADLINE);
        let same = ops.iter().all(|o| o.tag == OpTag::Equal);
        let mark = plain(if same { " =" } else { " ≈" }, Tag::Mark);
        let base = |kind| {
            if copies.kind == GroupKind::Quote {
                Tag::Text
            } else {
                base_tag(kind)
            }
        };
        let mut lines = row_lines(
            diff_lines(lt, base(lb.kind), Some(&ops), OpTag::Delete, text_w),
            diff_lines(rt, base(rb.kind), Some(&ops), OpTag::Insert, text_w),
            mark,
            Some(0),
        );
        if copies.kind == GroupKind::Quote {
            // The paragraphs around the quotes, for context.
            lines.extend(row_lines(
                diff_lines(&lb.text, Tag::Dim, None, OpTag::Equal, text_w),
                diff_lines(&rb.text, Tag::Dim, None, OpTag::Equal, text_w),
                Vec::new(),
                Some(1),
            ));
        }
        lines
    }
}

impl Screen for VariantsScreen {
    fn handle(&mut self, action: Action, cx: &Shared) -> Outcome {
        let page = cx.geometry.page(true);
        if let Some(p) = scrolled(self.scroll, action, page, self.lines().len()) {
            self.scroll = p;
            return Outcome::Done;
        }
        match action {
            Action::NextMember => self.step(cx, true),
            Action::PrevMember => self.step(cx, false),
            Action::Confirm => self.in_context(cx),
            _ => Outcome::Done,
        }
    }

    fn refresh(&mut self, cx: &Shared) {
        let Some(copies) = self.copies else { return };
        let Some((list, reference)) = members(cx, copies) else {
            // The analysis changed under it: nothing to show.
            self.copies = None;
            self.layout = None;
            return;
        };
        if self.right >= list.len() || self.right == reference {
            self.right = (0..list.len())
                .find(|&m| m != reference)
                .unwrap_or(reference);
        }
        let key = (copies, self.right, cx.geometry.width());
        if self.layout.as_ref().is_none_or(|l| l.key != key) {
            let lines = VariantsScreen::lay_out(
                cx,
                copies,
                list[reference].clone(),
                list[self.right].clone(),
            );
            let blocks = (list[reference].0, list[self.right].0);
            self.layout = Some(Layout { key, lines, blocks });
        }
        self.scroll = self.scroll.min(self.lines().len().saturating_sub(1));
    }

    fn reanalysed(&mut self, _cx: &Shared) {
        self.layout = None;
    }

    /// Both copies' blocks, whole: what the copy key takes.
    fn shown(&self) -> Option<Place> {
        let (left, right) = self.layout.as_ref()?.blocks;
        Some(Place {
            left: Some(left),
            right: Some(right),
            offset: 0,
        })
    }

    fn title(&self, cx: &Shared) -> String {
        let Some(c) = self.copies else {
            return "Side by side".into();
        };
        let (what, n) = match c.kind {
            GroupKind::Quote => ("Quote", cx.analysis.quotes.groups.len()),
            GroupKind::Passage => ("Passage", cx.analysis.passages.groups.len()),
        };
        let copies = members(cx, c).map_or(0, |(l, _)| l.len());
        if c.kind == GroupKind::Passage {
            // The origin is not one of its copies.
            let copies = counted_as(copies.saturating_sub(1), "copy", "copies");
            return format!(
                "{what} {}/{n} · origin and {copies} side by side",
                c.group + 1
            );
        }
        format!("{what} {}/{n} · {copies} copies side by side", c.group + 1)
    }

    fn status(&self, cx: &Shared) -> String {
        let Some((c, right)) = self.showing() else {
            return String::new();
        };
        let Some((list, reference)) = members(cx, c) else {
            return String::new();
        };
        let k = right - usize::from(right > reference) + 1;
        let others = list.len().saturating_sub(1);
        let how = match c.kind {
            GroupKind::Quote => {
                let g = &cx.analysis.quotes.groups[c.group];
                let v = match g.variants.get(right) {
                    Some(Variant::Same) => "same words",
                    Some(Variant::Trimmed) => "trimmed",
                    Some(Variant::Altered) => "wording altered",
                    None => "",
                };
                let who = g.speaker.as_deref().unwrap_or("speaker not named");
                format!("{v} · {who}")
            }
            GroupKind::Passage => {
                let g = &cx.analysis.passages.groups[c.group];
                let score = g.members.get(right).map_or(0.0, |m| m.score);
                format!("score {} with the origin", Score(score))
            }
        };
        let key = |a| cx.key_for(ViewId::Variants, a);
        // With one other copy there is none to step to: not offered.
        let step = if others > 1 {
            let (next, prev) = (key(Action::NextMember), key(Action::PrevMember));
            format!(" · {next} {prev} other copies")
        } else {
            String::new()
        };
        let context = key(Action::Confirm);
        format!(" copy {k}/{others} on the right · {how}{step} · {context}: in context")
    }

    fn draw(&self, frame: &mut Frame, g: &Geometry, cx: &Shared) {
        let Some((c, right)) = self.showing() else {
            return;
        };
        let Some((list, reference)) = members(cx, c) else {
            return;
        };
        let (Some(l), Some(r)) = (list.get(reference), list.get(right)) else {
            return;
        };
        let heads = [Self::head(cx, l.0), Self::head(cx, r.0)];
        draw_heads(
            frame,
            g,
            cx,
            [(&heads[0], Tag::Accent), (&heads[1], Tag::Accent)],
        );
        draw_rows(frame, g, cx, self.lines(), [self.scroll; 2], true);
    }

    fn scrolled(&self, cx: &Shared) -> Option<Scrolled> {
        let l = self.layout.as_ref()?;
        let (c, right, width) = l.key;
        Some(Scrolled {
            content: [
                usize::from(c.kind == GroupKind::Quote),
                c.group,
                right,
                width,
                1,
            ],
            pos: self.scroll,
            rows: cx.geometry.rows(true),
        })
    }

    fn saved_as(&self) -> View {
        View::Library
    }

    /// The group, and the copy on the right once one is chosen.
    fn reopen(&self) -> Option<Open> {
        let member = (self.right != usize::MAX).then_some(self.right);
        Some(Open::Copies(Copies {
            member,
            ..self.copies?
        }))
    }
}
