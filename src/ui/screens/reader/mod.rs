//! The reader: one article, wrapped to the screen, chrome folded (or not),
//! headings to jump between.

mod follow;
mod layout;

pub use layout::{
    MARGIN, MAX_MEASURE, ReaderLayout, fold_summary, layout_article, table_at, table_row_lines,
};

use super::screen::{Screen, Scrolled};
use super::text::{draw_lines, first_text_line, scrolled};
use crate::corpus::BlockRef;
use crate::session::View;
use crate::ui::action::Action;
use crate::ui::find::{Find, text_of};
use crate::ui::geometry::Geometry;
use crate::ui::outcome::{Open, Outcome};
use crate::ui::place::{Goto, Place};
use crate::ui::shared::Shared;
use ratatui::Frame;

#[derive(Debug, Clone, Default)]
pub struct Reader {
    article: usize,
    /// First visible line.
    scroll: usize,
    /// Show chrome and metadata in full instead of folded.
    unfold: bool,
    /// Where to go once laid out.
    goto: Option<Goto>,
    layout: Option<ReaderLayout>,
    /// Counts the layouts made, so the search knows a new one.
    generation: usize,
    find: Find,
}

impl Reader {
    pub fn new(_cx: &Shared) -> Reader {
        Reader::default()
    }

    /// Show the article of `goto.block`, at that block.
    pub fn open(&mut self, goto: Goto) {
        self.article = goto.block.article;
        self.scroll = 0;
        self.goto = Some(goto);
    }

    pub fn article(&self) -> usize {
        self.article
    }

    pub fn scroll(&self) -> usize {
        self.scroll
    }

    pub fn layout(&self) -> Option<&ReaderLayout> {
        self.layout.as_ref()
    }

    /// Search for `phrase`, the hit at byte `offset` of `block`'s text
    /// current (a hit found in every article, followed here).
    pub fn follow(&mut self, phrase: &str, block: BlockRef, offset: usize) {
        self.find.follow(phrase, block, offset);
    }

    fn place_at(&self, line: usize) -> Option<Place> {
        let layout = self.layout.as_ref()?;
        let (block, offset) = layout.block_at(line)?;
        Some(Place::at(BlockRef::new(layout.article, block), offset))
    }

    fn heading(&self, action: Action) -> Option<usize> {
        let headings = &self.layout.as_ref()?.heading_lines;
        let top = self.scroll;
        match action {
            Action::NextHeading => headings.iter().find(|&&l| l > top).copied(),
            Action::PrevHeading => headings.iter().rev().find(|&&l| l < top).copied(),
            _ => None,
        }
    }
}

impl Screen for Reader {
    fn handle(&mut self, action: Action, cx: &Shared) -> Outcome {
        let Some(layout) = &self.layout else {
            return Outcome::Done;
        };
        let page = cx.geometry.page(false);
        if let Some(p) = scrolled(self.scroll, action, page, layout.lines.len()) {
            self.scroll = p;
            return Outcome::Done;
        }
        match action {
            Action::ToggleBoilerplate => {
                self.goto = self.top().and_then(|p| p.block_start());
                self.unfold = !self.unfold;
            }
            Action::NextHeading | Action::PrevHeading => {
                if let Some(line) = self.heading(action) {
                    self.scroll = line;
                }
            }
            Action::NextMatch | Action::PrevMatch => {
                if !self.find.is_active() {
                    return Outcome::Say(crate::ui::find::no_search());
                }
                let (jump, message) = self.find.step(action == Action::NextMatch);
                if let Some(j) = jump {
                    self.scroll = j.line;
                }
                if let Some(m) = message {
                    return Outcome::Say(m);
                }
            }
            Action::FollowPassage | Action::FollowQuote => return self.follow_mark(action, cx),
            Action::Compare => {
                let left = self.article;
                return match cx.next_to_compare(left) {
                    Some(right) => Outcome::Open(Open::Compare {
                        left,
                        right,
                        at: None,
                    }),
                    None => Outcome::Say(cx.nothing_to_compare()),
                };
            }
            _ => {}
        }
        Outcome::Done
    }

    fn refresh(&mut self, cx: &Shared) {
        let width = cx.geometry.width();
        let a = self.article.min(cx.articles().saturating_sub(1));
        let current = self.layout.as_ref();
        if !current.is_some_and(|l| l.is_for(a, width, self.unfold)) {
            // The same article at another width or fold: the block at
            // the top stays there.
            if self.goto.is_none() && current.is_some_and(|l| l.article == a) {
                self.goto = self.top().and_then(|p| p.block_start());
            }
            let article = &cx.corpus.articles[a];
            self.layout = Some(layout_article(a, article, &cx.analysis, width, self.unfold));
            self.generation += 1;
        }
        let Some(layout) = &self.layout else { return };
        if let Some(goto) = self.goto.take()
            && let Some(line) = layout.line_of(goto.block.block, goto.offset)
        {
            self.scroll = line;
        }
        let token = [self.generation, 0, 0, 0, 0];
        let (tops, page) = ([self.scroll; 2], cx.geometry.page(false));
        let lines = &layout.lines;
        let text = |_, l: usize| text_of(&lines[l]);
        if let Some(jump) = self.find.refresh(token, &layout.units, text, tops, page) {
            self.scroll = jump.line;
        }
        // Jumps may bring a late heading to the top, so the bound is the
        // last line rather than the last full page.
        self.scroll = self.scroll.min(layout.lines.len().saturating_sub(1));
    }

    fn reanalysed(&mut self, _cx: &Shared) {
        // Repeat marks come with the analysis: lines move, the place stays.
        self.goto = self.goto.or_else(|| self.top()?.goto());
        self.layout = None;
    }

    fn title(&self, cx: &Shared) -> String {
        let a = &cx.corpus.articles[self.article];
        format!(
            "{} · {}",
            a.meta.outlet.as_deref().unwrap_or("–"),
            a.label()
        )
    }

    fn status(&self, _cx: &Shared) -> String {
        let total = self.layout.as_ref().map_or(0, |l| l.lines.len());
        let unfolded = if self.unfold { " · unfolded" } else { "" };
        let found = self
            .find
            .status()
            .map_or(String::new(), |f| format!(" · {f}"));
        format!(" line {}/{total}{unfolded}{found}", self.scroll + 1)
    }

    fn draw(&self, frame: &mut Frame, g: &Geometry, cx: &Shared) {
        if let Some(layout) = &self.layout {
            draw_lines(frame, &cx.theme, g.body, &layout.lines, self.scroll);
            self.find.draw(frame, &cx.theme, g.body, 0, self.scroll);
        }
    }

    fn top(&self) -> Option<Place> {
        self.place_at(self.scroll)
    }

    fn shown(&self) -> Option<Place> {
        let lines = &self.layout.as_ref()?.lines;
        let text = first_text_line(self.scroll, lines.len(), |i| !lines[i].is_empty());
        self.place_at(text)
    }

    fn scrolled(&self, cx: &Shared) -> Option<Scrolled> {
        let l = self.layout.as_ref()?;
        Some(Scrolled {
            content: [l.article, l.width, usize::from(l.unfold), 0, 0],
            pos: self.scroll,
            rows: cx.geometry.rows(false),
        })
    }

    fn saved_as(&self) -> View {
        View::Reader
    }

    fn find(&self) -> Option<&Find> {
        Some(&self.find)
    }

    fn find_mut(&mut self) -> Option<&mut Find> {
        Some(&mut self.find)
    }
}
