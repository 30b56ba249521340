//! What scrolling screens and lists share: drawing the visible lines of a
//! layout, and saying how an article covers a topic (moving a position is
//! `scroll.rs`). And `Text`, what the screens that show one searchable
//! text (the reader, the topic view) keep and do alike.

use super::screen::Scrolled;
use super::scroll::{scroll_outcome, scrolled_past};
use crate::analysis::topics::{Topic, TopicKind};
use crate::ui::action::Action;
use crate::ui::find::{Find, TextUnit, no_search, text_of};
use crate::ui::geometry::Geometry;
use crate::ui::outcome::Outcome;
use crate::ui::place::{Goto, Place};
use crate::ui::styled::StyledLine;
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;

/// A text laid out in lines for one width: the reader's article, the topic
/// view's sections.
pub trait TextLayout {
    fn lines(&self) -> &[StyledLine];
    /// The text of each block shown and its lines, for the search.
    fn units(&self) -> &[TextUnit];
    /// The lines `NextHeading`/`PrevHeading` jump between.
    fn heads(&self) -> &[usize];
    /// The block at `line` and how many lines into it.
    fn place(&self, line: usize) -> Option<Place>;
    /// The line of a place asked for, if this layout shows it.
    fn line_for(&self, goto: Goto) -> Option<usize>;
    /// What the layout shows (article or topic, width, fold): when this
    /// changes, a new position is not a scroll.
    fn content(&self) -> [usize; 5];
    /// Whether `line` shows the text's own words (what a bookmark takes):
    /// not a blank line, nor one standing for folded text.
    fn is_text(&self, line: usize) -> bool {
        self.lines().get(line).is_some_and(|l| !l.is_empty())
    }
}

/// A text on screen: its layout, the first line shown, a place to go once
/// laid out, and the search in it.
#[derive(Debug, Clone)]
pub struct Text<L> {
    layout: Option<L>,
    /// First visible line.
    scroll: usize,
    /// Where to go once laid out.
    goto: Option<Goto>,
    /// Counts the layouts made, so the search knows a new one.
    generation: usize,
    find: Find,
}

impl<L> Default for Text<L> {
    fn default() -> Self {
        Text {
            layout: None,
            scroll: 0,
            goto: None,
            generation: 0,
            find: Find::default(),
        }
    }
}

impl<L: TextLayout> Text<L> {
    /// From the top, or at `goto` once laid out.
    pub fn open(&mut self, goto: Option<Goto>) {
        self.scroll = 0;
        self.goto = goto;
    }

    pub fn layout(&self) -> Option<&L> {
        self.layout.as_ref()
    }

    pub fn scroll(&self) -> usize {
        self.scroll
    }

    pub fn find(&self) -> &Find {
        &self.find
    }

    pub fn find_mut(&mut self) -> &mut Find {
        &mut self.find
    }

    /// Go to `goto` once laid out again.
    pub fn go(&mut self, goto: Option<Goto>) {
        self.goto = goto;
    }

    /// Before a new layout of the same text: the block at the top stays
    /// there (unless a place is asked for already).
    pub fn keep_top_block(&mut self) {
        if self.goto.is_none() {
            self.goto = self.top().and_then(|p| p.block_start());
        }
    }

    /// Before the layout is dropped: come back to the place at the top,
    /// on its very line (unless a place is asked for already).
    pub fn keep_place(&mut self) {
        self.goto = self.goto.or_else(|| self.top()?.goto());
    }

    /// A new layout (the search finds its hits again).
    pub fn laid_out(&mut self, layout: L) {
        self.layout = Some(layout);
        self.generation += 1;
    }

    /// The layout is out of date: made again by the next refresh.
    pub fn drop_layout(&mut self) {
        self.layout = None;
    }

    /// Once laid out: to the place asked for, to a hit the search jumps
    /// to, and never past the last line (a jump may bring a late heading
    /// to the top, so the bound is the last line, not the last full page).
    pub fn settle(&mut self, page: usize) {
        let Some(layout) = &self.layout else { return };
        if let Some(goto) = self.goto.take()
            && let Some(line) = layout.line_for(goto)
        {
            self.scroll = line;
        }
        let token = [self.generation, 0, 0, 0, 0];
        let lines = layout.lines();
        let text = |_, l: usize| text_of(&lines[l]);
        if let Some(jump) = self
            .find
            .refresh(token, layout.units(), text, [self.scroll; 2], page)
        {
            self.scroll = jump.line;
        }
        self.scroll = self.scroll.min(lines.len().saturating_sub(1));
    }

    /// Scrolling, jumping between heads and stepping through the search's
    /// hits, with a page of `page` lines; `None` for any other action.
    /// Before there is a layout every action is taken, and does nothing.
    pub fn handle(&mut self, action: Action, page: usize) -> Option<Outcome> {
        let Some(layout) = &self.layout else {
            return Some(Outcome::Done);
        };
        let (lines, last) = (layout.lines().len(), last_top(layout));
        if let Some(p) = scrolled_past(self.scroll, action, page, lines, last) {
            let from = std::mem::replace(&mut self.scroll, p);
            return Some(scroll_outcome(action, from, p));
        }
        let (heads, top) = (layout.heads(), self.scroll);
        match action {
            // At either end the key says so, as a scroll past the end does.
            Action::NextHeading => match heads.iter().find(|&&l| l > top) {
                Some(&l) => self.scroll = l,
                None => return Some(Outcome::Say("No heading below".into())),
            },
            Action::PrevHeading => match heads.iter().rev().find(|&&l| l < top) {
                Some(&l) => self.scroll = l,
                None => return Some(Outcome::Say("No heading above".into())),
            },
            Action::NextMatch | Action::PrevMatch => {
                if !self.find.is_active() {
                    return Some(Outcome::Say(no_search()));
                }
                let (jump, message) = self.find.step(action == Action::NextMatch);
                if let Some(j) = jump {
                    self.scroll = j.line;
                }
                return Some(message.map_or(Outcome::Done, Outcome::Say));
            }
            _ => return None,
        }
        Some(Outcome::Done)
    }

    /// " line 3/120", then `extra`, then what the search found.
    pub fn status(&self, extra: &str) -> String {
        let total = self.layout.as_ref().map_or(0, |l| l.lines().len());
        let found = self
            .find
            .status()
            .map_or(String::new(), |f| format!(" · {f}"));
        format!(" line {}/{total}{extra}{found}", self.scroll + 1)
    }

    /// The lines shown in the body, the search's hits marked over them.
    pub fn draw(&self, frame: &mut Frame, g: &Geometry, theme: &Theme) {
        if let Some(layout) = &self.layout {
            draw_lines(frame, theme, g.body, layout.lines(), self.scroll);
            self.find.draw(frame, theme, g.body, 0, self.scroll);
        }
    }

    /// The block at the top and how many lines into it.
    pub fn top(&self) -> Option<Place> {
        self.layout.as_ref()?.place(self.scroll)
    }

    /// Where to come back to this text: the place still to go to, else
    /// the place at the top.
    pub fn here(&self) -> Option<Goto> {
        self.goto.or_else(|| self.top()?.goto())
    }

    /// The block of the first line with text on screen.
    pub fn shown(&self) -> Option<Place> {
        let layout = self.layout.as_ref()?;
        let lines = layout.lines();
        let text = first_text_line(self.scroll, lines.len(), |i| layout.is_text(i));
        layout.place(text)
    }

    /// The body scrolls as a whole.
    pub fn scrolled(&self, g: &Geometry) -> Option<Scrolled> {
        Some(Scrolled {
            content: self.layout.as_ref()?.content(),
            pos: self.scroll,
            rows: g.rows(false),
        })
    }
}

/// The first line of a layout's last block: the furthest a move takes
/// the top.
fn last_top(layout: &impl TextLayout) -> usize {
    let end = layout.lines().len().saturating_sub(1);
    let last = layout.place(end).and_then(|p| p.block_start());
    last.and_then(|g| layout.line_for(g)).unwrap_or(end)
}

/// Draw `lines[scroll..]` into `area`, one row each: only what is visible.
pub fn draw_lines(
    frame: &mut Frame,
    theme: &Theme,
    area: Rect,
    lines: &[StyledLine],
    scroll: usize,
) {
    let visible = lines.iter().skip(scroll).take(usize::from(area.height));
    for (i, line) in visible.enumerate() {
        let row = Rect {
            y: area.y + i as u16,
            height: 1,
            ..area
        };
        frame.render_widget(theme.line(line), row);
    }
}

/// The first line at or after `top` that holds text (`is_text`), or `top`.
pub fn first_text_line(top: usize, len: usize, is_text: impl Fn(usize) -> bool) -> usize {
    (top..len).find(|&i| is_text(i)).unwrap_or(top)
}

/// How `article` covers `topic`, in words: "4 mentions: Putin ×3, Vladimir
/// Putin ×1", "5 uses", "a section of 6 blocks", "not covered".
pub fn coverage_note(topic: &Topic, article: usize) -> String {
    let n = topic.count(article);
    if n == 0 {
        return "not covered".to_string();
    }
    let plural = |one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match topic.kind {
        TopicKind::Heading => format!("a section of {}", plural("block", "blocks")),
        TopicKind::Term => plural("use", "uses"),
        TopicKind::Name => {
            let forms = topic.forms_in(article);
            let mentions = plural("mention", "mentions");
            if forms.is_empty() {
                return mentions;
            }
            let list: Vec<String> = forms.iter().map(|(f, k)| format!("{f} ×{k}")).collect();
            format!("{mentions}: {}", list.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::BlockRef;
    use crate::ui::styled::{Tag, plain};

    /// Blocks of `per` lines of text and a blank line, a head every 5th.
    struct Blocks {
        lines: Vec<StyledLine>,
        per: usize,
    }

    fn blocks(n: usize, per: usize) -> Blocks {
        let mut lines = Vec::new();
        for b in 0..n {
            lines.extend((0..per).map(|l| plain(format!("block {b} line {l}"), Tag::Text)));
            lines.push(Vec::new());
        }
        Blocks { lines, per }
    }

    impl TextLayout for Blocks {
        fn lines(&self) -> &[StyledLine] {
            &self.lines
        }
        fn units(&self) -> &[TextUnit] {
            &[]
        }
        fn heads(&self) -> &[usize] {
            &[0, 15]
        }
        fn place(&self, line: usize) -> Option<Place> {
            let size = self.per + 1;
            (line < self.lines.len()).then(|| Place::at(BlockRef::new(0, line / size), line % size))
        }
        fn line_for(&self, goto: Goto) -> Option<usize> {
            Some(goto.block.block * (self.per + 1) + goto.offset)
        }
        fn content(&self) -> [usize; 5] {
            [self.per, 0, 0, 0, 0]
        }
    }

    #[test]
    fn a_place_asked_for_is_found_once_laid_out_and_kept_across_a_relayout() {
        let mut text: Text<Blocks> = Text::default();
        assert_eq!(text.handle(Action::Confirm, 5), Some(Outcome::Done));
        text.open(Some(Goto {
            block: BlockRef::new(0, 4),
            offset: 1,
        }));
        text.laid_out(blocks(10, 2));
        text.settle(5);
        assert_eq!(text.scroll(), 13);
        assert_eq!(text.status(" · unfolded"), " line 14/30 · unfolded");
        text.keep_place();
        text.drop_layout();
        text.laid_out(blocks(10, 4));
        text.settle(5);
        assert_eq!(text.top(), Some(Place::at(BlockRef::new(0, 4), 1)));
        assert_eq!(text.scroll(), 21);
    }

    #[test]
    fn moves_go_past_the_last_full_page_to_the_last_block_and_g_stays_the_end() {
        let mut text: Text<Blocks> = Text::default();
        text.laid_out(blocks(10, 2));
        text.settle(5);
        text.handle(Action::Bottom, 5);
        assert_eq!(text.scroll(), 25, "the last full page");
        assert_eq!(text.handle(Action::PageDown, 5), Some(Outcome::Done));
        assert_eq!(text.scroll(), 27, "the last block's first line");
        let stuck = text.handle(Action::ScrollDown, 5);
        assert!(matches!(stuck, Some(Outcome::Say(_))), "{stuck:?}");
        assert_eq!(text.scroll(), 27);
        assert_eq!(text.handle(Action::Bottom, 5), Some(Outcome::Done));
        assert_eq!(text.scroll(), 27, "the end is on screen");
        text.handle(Action::Top, 5);
        let stuck = text.handle(Action::ScrollUp, 5);
        assert_eq!(stuck, Some(Outcome::Say("Already at the top".into())));
    }

    #[test]
    fn heads_matches_and_moves_are_the_text_s_other_actions_are_not() {
        let mut text: Text<Blocks> = Text::default();
        text.laid_out(blocks(10, 2));
        text.settle(5);
        assert_eq!(text.handle(Action::NextHeading, 5), Some(Outcome::Done));
        assert_eq!(text.scroll(), 15);
        assert_eq!(
            text.handle(Action::NextHeading, 5),
            Some(Outcome::Say("No heading below".into()))
        );
        assert_eq!(text.scroll(), 15, "no head below the last");
        text.handle(Action::ScrollDown, 5);
        text.handle(Action::PrevHeading, 5);
        assert_eq!(text.scroll(), 15);
        text.handle(Action::Bottom, 5);
        assert_eq!(text.scroll(), 25, "the last full page");
        assert_eq!(
            text.handle(Action::NextMatch, 5),
            Some(Outcome::Say(no_search()))
        );
        assert_eq!(text.handle(Action::Compare, 5), None);
        // Below a blank line at the top, the block under it is shown.
        text.handle(Action::ScrollUp, 5);
        text.handle(Action::ScrollUp, 5);
        assert_eq!(text.scroll(), 23);
        assert_eq!(text.top(), Some(Place::at(BlockRef::new(0, 7), 2)));
        assert_eq!(text.shown(), Some(Place::at(BlockRef::new(0, 8), 0)));
    }
}
