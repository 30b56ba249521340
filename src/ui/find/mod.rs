//! In-view text search, as in less and vim: the reader, both panes of the
//! compare view and the topic view each keep a [`Find`]. A screen's
//! layout lists the text it wrapped ([`TextUnit`]s); the search finds the
//! phrase in each unit's text and maps the hits to the lines and columns
//! they were wrapped into (`map`), so a hit is found and drawn right at
//! any width, also when a break cuts it. The screen scrolls where
//! `refresh` and `step` say ([`Jump`]) and draws the hits over its lines
//! (`paint`).

mod hits;
mod map;
mod paint;

pub use map::{Cols, locate};

use crate::analysis::find::Query;
use crate::corpus::BlockRef;
use crate::corpus::sanitize::Clean;
use crate::display::plural::counted;
use crate::ui::styled::StyledLine;
use std::ops::Range;

/// The text of a laid-out line.
pub fn text_of(line: &StyledLine) -> String {
    line.iter().map(|(t, _)| t.as_str()).collect()
}

/// What n and N say without a search.
pub fn no_search() -> Clean {
    Clean::lit("No search: / searches this view")
}

/// One run of wrapped text a screen shows: a block (or one side of a
/// compare row) and the lines it was wrapped into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextUnit {
    /// The text that was wrapped.
    pub source: String,
    /// Where the block's own text starts in `source` (after a bullet).
    pub origin: usize,
    /// The block.
    pub block: BlockRef,
    /// 0, or 1 for the right pane of the compare view.
    pub pane: usize,
    /// The layout lines `source` was wrapped into.
    pub lines: Range<usize>,
    /// Characters at the start of every line that are drawn around the
    /// text, not part of it (the reader's margin marks, a quote's bar):
    /// read as spaces when hits are mapped to columns.
    pub decor: usize,
}

/// Where a screen is to scroll: `line` at the top of `pane`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Jump {
    pub line: usize,
    pub pane: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Hit {
    pane: usize,
    line: usize,
    last_line: usize,
    col: u16,
    block: BlockRef,
    /// Byte offset of the hit in its block's text.
    offset: usize,
}

/// One line's part of a hit, as drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    line: usize,
    start: u16,
    end: u16,
    hit: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pending {
    /// The first hit at or below this line (typing in the prompt).
    From(usize),
    /// The hit at this byte offset of this block (a corpus-wide hit
    /// followed into the reader), else the block's first.
    At { block: BlockRef, offset: usize },
    /// Back to this line (the prompt cancelled).
    Restore(usize),
}

/// What the prompt found when it opened: esc goes back to it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Before {
    top: usize,
    query: Option<Query>,
}

/// A screen's search: the phrase, its hits in the current layout, the
/// current hit.
#[derive(Debug, Clone, Default)]
pub struct Find {
    query: Option<Query>,
    hits: Vec<Hit>,
    segments: [Vec<Segment>; 2],
    current: Option<usize>,
    /// The layout the hits were found in; `None` when they are to be
    /// found again.
    made_for: Option<[usize; 5]>,
    pending: Option<Pending>,
    /// Set while the prompt is open.
    before: Option<Before>,
    /// The last phrase searched for (an empty prompt repeats it, also
    /// after esc cleared it).
    last: Option<Query>,
    /// Each pane's top line and the rows shown, at the last refresh.
    tops: [usize; 2],
    page: usize,
}

impl Find {
    /// A search is on: its hits are shown, and n/N go to them.
    pub fn is_active(&self) -> bool {
        self.query.is_some()
    }

    /// The phrase searched for.
    pub fn phrase(&self) -> Option<&str> {
        self.query.as_ref().map(|q| q.text.as_str())
    }

    /// Hits in the current layout.
    pub fn len(&self) -> usize {
        self.hits.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hits.is_empty()
    }

    /// The current hit: its pane, first line and first column.
    pub fn current(&self) -> Option<(usize, usize, u16)> {
        let h = self.hits.get(self.current?)?;
        Some((h.pane, h.line, h.col))
    }

    /// The current hit's block and byte offset in the block's text.
    pub fn current_place(&self) -> Option<(BlockRef, usize)> {
        let h = self.hits.get(self.current?)?;
        Some((h.block, h.offset))
    }

    /// The prompt opens: remember where it started.
    pub fn begin(&mut self) {
        self.before = Some(Before {
            top: self.tops[0],
            query: self.query.clone(),
        });
    }

    /// The prompt holds `text` now: search for it from where the prompt
    /// started (no phrase: back there).
    pub fn typed(&mut self, text: &str) {
        let from = self.before.as_ref().map_or(self.tops[0], |b| b.top);
        self.query = Query::new(text);
        self.made_for = None;
        self.current = None;
        self.pending = Some(if self.query.is_some() {
            Pending::From(from)
        } else {
            Pending::Restore(from)
        });
    }

    /// Enter in the prompt: keep the search (an empty prompt repeats the
    /// previous one). Says so when the phrase is not in the view.
    pub fn accept(&mut self) -> Option<Clean> {
        self.before = None;
        if self.query.is_none()
            && let Some(previous) = self.last.clone()
        {
            self.query = Some(previous);
            self.made_for = None;
            self.pending = Some(Pending::From(self.tops[0]));
            return None;
        }
        let q = self.query.as_ref()?;
        self.last = Some(q.clone());
        let searched = self.made_for.is_some();
        (searched && self.hits.is_empty()).then(|| crate::clean!("Pattern not found: {}", q.text))
    }

    /// Esc in the prompt: back to the search and the place before it.
    pub fn cancel(&mut self) {
        if let Some(b) = self.before.take() {
            self.query = b.query;
            self.made_for = None;
            self.current = None;
            self.pending = Some(Pending::Restore(b.top));
        }
    }

    /// Esc with a search on: drop it. False if there was none.
    pub fn clear(&mut self) -> bool {
        let was = self.query.take().is_some();
        self.hits.clear();
        self.segments = Default::default();
        self.current = None;
        self.pending = None;
        self.made_for = None;
        was
    }

    /// Search for `text` and make the hit at `offset` in `block` current
    /// (a hit found in the whole corpus, followed here).
    pub fn follow(&mut self, text: &str, block: BlockRef, offset: usize) {
        self.query = Query::new(text);
        self.last = self.query.clone();
        self.made_for = None;
        self.current = None;
        self.before = None;
        self.pending = Some(Pending::At { block, offset });
    }

    /// With the screen laid out (`token` names the layout): find the hits
    /// again if the layout or phrase changed, and say where to scroll for
    /// a jump asked for. `line_text(pane, line)` is a layout line's text.
    pub fn refresh(
        &mut self,
        token: [usize; 5],
        units: &[TextUnit],
        line_text: impl Fn(usize, usize) -> String,
        tops: [usize; 2],
        page: usize,
    ) -> Option<Jump> {
        self.tops = tops;
        self.page = page.max(1);
        if self.made_for != Some(token) {
            self.find_hits(units, line_text);
            self.made_for = Some(token);
        }
        let jump = match self.pending.take()? {
            Pending::Restore(line) => return Some(Jump { line, pane: 0 }),
            Pending::From(line) => {
                let first = self.hits.iter().position(|h| h.line >= line);
                first.or((!self.hits.is_empty()).then_some(0))
            }
            Pending::At { block, offset } => {
                let in_block = |h: &&Hit| h.block == block;
                let exact = self
                    .hits
                    .iter()
                    .position(|h| (h.block, h.offset) == (block, offset));
                exact.or_else(|| self.hits.iter().position(|h| in_block(&h)))
            }
        };
        self.current = jump;
        self.jump_to(jump?)
    }

    /// n (`forward`) or N: the next or previous hit, wrapping at the ends
    /// with a message. From a hit on screen, the one after it; else from
    /// the top of the screen.
    pub fn step(&mut self, forward: bool) -> (Option<Jump>, Option<Clean>) {
        let Some(q) = &self.query else {
            return (None, None);
        };
        let n = self.hits.len();
        if n == 0 {
            let text = q.text.clone();
            return (None, Some(crate::clean!("Pattern not found: {text}")));
        }
        let on_screen = self.current.filter(|&i| self.visible(i));
        let top = self.tops[0];
        let (next, wrapped) = match (on_screen, forward) {
            (Some(i), true) => ((i + 1) % n, i + 1 == n),
            (Some(i), false) => ((i + n - 1) % n, i == 0),
            (None, true) => match self.hits.iter().position(|h| h.line >= top) {
                Some(i) => (i, false),
                None => (0, true),
            },
            (None, false) => match self.hits.iter().rposition(|h| h.line < top) {
                Some(i) => (i, false),
                None => (n - 1, true),
            },
        };
        self.current = Some(next);
        let message = wrapped.then(|| {
            crate::clean!(
                "{}",
                if forward {
                    "search hit BOTTOM, continuing at TOP"
                } else {
                    "search hit TOP, continuing at BOTTOM"
                }
            )
        });
        (self.jump_to(next), message)
    }

    /// "/alaska 3/17" for the status line, while a search is on.
    pub fn status(&self) -> Option<String> {
        let q = self.query.as_ref()?;
        let text = crate::display::wrap::truncate(&q.text, 24);
        Some(match (self.current, self.hits.len()) {
            (_, 0) if self.made_for.is_some() => format!("/{text} not found"),
            (_, 0) => format!("/{text}"),
            (Some(i), n) => format!("/{text} {}/{n}", i + 1),
            (None, n) => format!("/{text} {}", counted(n, "hit")),
        })
    }

    /// What the phrase finds so far, for the prompt: "3/17", "not found".
    pub fn note(&self) -> String {
        match (self.query.is_some(), self.current, self.hits.len()) {
            (false, ..) => String::new(),
            (true, _, 0) if self.made_for.is_some() => "not found".into(),
            (true, _, 0) => String::new(),
            (true, Some(i), n) => format!("{}/{n}", i + 1),
            (true, None, n) => counted(n, "hit"),
        }
    }

    /// Where to scroll to show hit `i`: nowhere if it is on screen.
    fn jump_to(&self, i: usize) -> Option<Jump> {
        let h = self.hits.get(i)?;
        (!self.visible(i)).then_some(Jump {
            line: h.line,
            pane: h.pane,
        })
    }

    fn visible(&self, i: usize) -> bool {
        let h = &self.hits[i];
        let top = self.tops[h.pane.min(1)];
        h.line >= top && h.last_line < top + self.page
    }
}

#[cfg(test)]
#[path = "find_tests.rs"]
mod tests;
