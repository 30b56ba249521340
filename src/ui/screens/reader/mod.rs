//! The reader: one article, wrapped to the screen, chrome folded (or not),
//! headings to jump between.

mod follow;
mod layout;

pub use layout::{
    MARGIN, MAX_MEASURE, ReaderLayout, fold_summary, layout_article, table_at, table_row_lines,
};

use super::screen::{Screen, Scrolled};
use super::text::{Text, TextLayout};
use crate::corpus::BlockRef;
use crate::session::View;
use crate::ui::action::Action;
use crate::ui::find::{Find, TextUnit};
use crate::ui::geometry::Geometry;
use crate::ui::outcome::{Open, Outcome};
use crate::ui::place::{Goto, Place};
use crate::ui::shared::Shared;
use crate::ui::styled::StyledLine;
use ratatui::Frame;

#[derive(Debug, Clone, Default)]
pub struct Reader {
    article: usize,
    /// Show chrome and metadata in full instead of folded.
    unfold: bool,
    text: Text<ReaderLayout>,
}

impl Reader {
    pub fn new(_cx: &Shared) -> Reader {
        Reader::default()
    }

    /// Show the article of `goto.block`, at that block.
    pub fn open(&mut self, goto: Goto) {
        self.article = goto.block.article;
        self.text.open(Some(goto));
    }

    pub fn article(&self) -> usize {
        self.article
    }

    pub fn scroll(&self) -> usize {
        self.text.scroll()
    }

    pub fn layout(&self) -> Option<&ReaderLayout> {
        self.text.layout()
    }

    /// Search for `phrase`, the hit at byte `offset` of `block`'s text
    /// current (a hit found in every article, followed here).
    pub fn follow(&mut self, phrase: &str, block: BlockRef, offset: usize) {
        self.text.find_mut().follow(phrase, block, offset);
    }
}

impl TextLayout for ReaderLayout {
    fn lines(&self) -> &[StyledLine] {
        &self.lines
    }

    fn units(&self) -> &[TextUnit] {
        &self.units
    }

    fn heads(&self) -> &[usize] {
        &self.heading_lines
    }

    fn place(&self, line: usize) -> Option<Place> {
        let (block, offset) = self.block_at(line)?;
        Some(Place::at(BlockRef::new(self.article, block), offset))
    }

    fn line_for(&self, goto: Goto) -> Option<usize> {
        self.line_of(goto.block.block, goto.offset)
    }

    fn content(&self) -> [usize; 5] {
        [self.article, self.width, usize::from(self.unfold), 0, 0]
    }

    fn is_text(&self, line: usize) -> bool {
        let folded = self.fold_lines.iter().any(|f| f.contains(&line));
        !folded && self.lines.get(line).is_some_and(|l| !l.is_empty())
    }
}

impl Screen for Reader {
    fn handle(&mut self, action: Action, cx: &Shared) -> Outcome {
        if let Some(done) = self.text.handle(action, cx.geometry.page(false)) {
            return done;
        }
        match action {
            Action::ToggleBoilerplate => {
                self.text.go(self.top().and_then(|p| p.block_start()));
                self.unfold = !self.unfold;
            }
            Action::FollowPassage | Action::FollowQuote => return self.follow_mark(action, cx),
            Action::Elsewhere => return self.elsewhere(cx),
            // The marked articles, as in the library (its help line says
            // so), else this one and the next of its event.
            Action::Compare => {
                return match cx.pair_to_compare(self.article) {
                    Some((left, right)) => Outcome::Open(Open::Compare {
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
        let current = self.text.layout();
        if !current.is_some_and(|l| l.is_for(a, width, self.unfold)) {
            // The same article at another width or fold: the block at
            // the top stays there.
            if current.is_some_and(|l| l.article == a) {
                self.text.keep_top_block();
            }
            let article = &cx.corpus.articles[a];
            let layout = layout_article(a, article, &cx.analysis, width, self.unfold);
            self.text.laid_out(layout);
        }
        self.text.settle(cx.geometry.page(false));
    }

    fn reanalysed(&mut self, _cx: &Shared) {
        // Repeat marks come with the analysis: lines move, the place stays.
        self.text.keep_place();
        self.text.drop_layout();
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
        self.text
            .status(if self.unfold { " · unfolded" } else { "" })
    }

    fn draw(&self, frame: &mut Frame, g: &Geometry, cx: &Shared) {
        self.text.draw(frame, g, &cx.theme);
    }

    fn top(&self) -> Option<Place> {
        self.text.top()
    }

    fn shown(&self) -> Option<Place> {
        self.text.shown()
    }

    fn scrolled(&self, cx: &Shared) -> Option<Scrolled> {
        self.text.scrolled(&cx.geometry)
    }

    fn saved_as(&self) -> View {
        View::Reader
    }

    fn reopen(&self) -> Option<Open> {
        Some(Open::Reader(self.text.here()?))
    }

    fn find(&self) -> Option<&Find> {
        Some(self.text.find())
    }

    fn find_mut(&mut self) -> Option<&mut Find> {
        Some(self.text.find_mut())
    }
}
