//! `update`: the only place the state changes. No I/O: side effects the
//! event loop must perform are returned as an `Effect`.

use super::action::{Action, ViewId};
use super::app::{App, Effect, Overlay, Screen};

/// Input to `update`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Action(Action),
    /// A printable character typed into the palette's query.
    Input(char),
    Resize(u16, u16),
    /// Nothing happened: carry on with background work (the palette's
    /// scoring of a long list), one step. Sent while `App::is_busy`.
    Tick,
}

/// New position after a movement action over `len` items (or lines) with a
/// page of `page`; `None` if the action is not a movement.
pub fn moved(pos: usize, action: Action, page: usize, len: usize) -> Option<usize> {
    let last = len.saturating_sub(1);
    let page = page.max(1);
    let p = match action {
        Action::ScrollDown => pos.saturating_add(1),
        Action::ScrollUp => pos.saturating_sub(1),
        Action::PageDown => pos.saturating_add(page),
        Action::PageUp => pos.saturating_sub(page),
        Action::HalfPageDown => pos.saturating_add(page.div_ceil(2)),
        Action::HalfPageUp => pos.saturating_sub(page.div_ceil(2)),
        Action::Top => 0,
        Action::Bottom => last,
        _ => return None,
    };
    Some(p.min(last))
}

/// Actions that show analysis results and so wait for it.
fn needs_analysis(action: Action, app: &App) -> bool {
    matches!(action, Action::Topics | Action::Matrix)
        || (action == Action::Compare && app.view_id() != ViewId::Palette)
}

impl App {
    /// True while background work is left for `Msg::Tick` steps.
    pub fn is_busy(&self) -> bool {
        self.palette.is_filtering()
    }

    pub fn update(&mut self, msg: Msg) -> Effect {
        let effect = match msg {
            Msg::Resize(w, h) => {
                self.window = (w, h);
                self.size = super::view::drawn_size((w, h));
                Effect::None
            }
            Msg::Tick => {
                // Only the hits change: the selection stays where it is.
                self.palette.step(&self.analysis.topics);
                Effect::None
            }
            // Typed text is untrusted too: a character the sanitiser would
            // neutralise (controls, bidi, zero-width, tags) is not typed.
            Msg::Input(c)
                if crate::corpus::sanitize::sanitize_line(c.encode_utf8(&mut [0; 4]))
                    != c.to_string() =>
            {
                Effect::None
            }
            Msg::Input(c) => {
                self.message = None;
                match self.overlay {
                    Some(Overlay::Palette) => {
                        self.palette.query.push(c);
                        self.palette.refilter(&self.analysis.topics);
                    }
                    Some(Overlay::Prompt) => self.bookmarks.note.push(c),
                    Some(Overlay::Bookmarks) => {
                        self.bookmarks.query.push(c);
                        self.bookmarks.refilter();
                    }
                    _ => {}
                }
                Effect::None
            }
            Msg::Action(a) if self.analysing && needs_analysis(a, self) => {
                self.message = Some(crate::clean!(
                    "Still analysing {} articles…",
                    self.corpus.articles.len()
                ));
                Effect::None
            }
            Msg::Action(a) => {
                self.message = None;
                self.dispatch(a)
            }
        };
        self.refresh_layouts();
        effect
    }

    fn dispatch(&mut self, action: Action) -> Effect {
        match action {
            Action::Quit => return Effect::Quit,
            Action::Suspend => return Effect::Suspend,
            Action::Redraw => return Effect::Redraw,
            Action::Noop => {}
            Action::Help => {
                self.overlay = if self.overlay == Some(Overlay::Help) {
                    None
                } else {
                    Some(Overlay::Help)
                };
                self.help_scroll = 0;
            }
            Action::Back => self.back(),
            Action::Library => {
                self.overlay = None;
                self.go(Screen::Library);
            }
            Action::Topics => self.overlay = Some(Overlay::Palette),
            Action::Matrix => {
                self.overlay = None;
                self.go(Screen::Matrix);
            }
            Action::Bookmarks => self.open_bookmarks(),
            Action::Bookmark => self.draft_bookmark(),
            Action::Report if self.screen == Screen::Compare && self.overlay.is_none() => {
                let c = &self.compare;
                return Effect::Report(c.left, c.right, c.threshold);
            }
            _ => match self.view_id() {
                ViewId::Help => {
                    if let Some(p) = moved(self.help_scroll, action, self.body_height(), usize::MAX)
                    {
                        self.help_scroll = p;
                    }
                }
                ViewId::Palette => self.palette_action(action),
                ViewId::Library => self.library_action(action),
                ViewId::Reader => self.reader_action(action),
                ViewId::Compare => self.compare_action(action),
                ViewId::Topic => self.topic_action(action),
                ViewId::Matrix => self.matrix_action(action),
                ViewId::Prompt => self.prompt_action(action),
                ViewId::Bookmarks => self.bookmarks_action(action),
                ViewId::Global => {}
            },
        }
        Effect::None
    }

    fn back(&mut self) {
        if let Some(o) = self.overlay.take() {
            if o == Overlay::Prompt {
                self.bookmarks.draft = None;
                self.message = Some("Bookmark cancelled".into());
            }
            return;
        }
        match self.history.pop() {
            Some(prev) => self.screen = prev,
            None => self.screen = Screen::Library,
        }
    }

    /// Open the reader on `article`, scrolled to `block` if given.
    pub fn open_reader(&mut self, article: usize, block: Option<usize>) {
        self.reader.article = article;
        self.reader.scroll = 0;
        self.reader.pending_block = block;
        self.overlay = None;
        self.go(Screen::Reader);
    }

    /// Compare two articles from the top.
    pub fn open_compare(&mut self, left: usize, right: usize) {
        self.compare.left = left;
        self.compare.right = right;
        self.compare.scroll = [0, 0];
        self.overlay = None;
        self.go(Screen::Compare);
    }

    fn library_action(&mut self, action: Action) {
        let n = self.corpus.articles.len();
        if let Some(p) = moved(
            self.library.selected,
            action,
            self.body_height().saturating_sub(1),
            n,
        ) {
            self.library.selected = p;
            return;
        }
        let sel = self.library.selected;
        match action {
            Action::Confirm => self.open_reader(sel, None),
            Action::ToggleMark => {
                if let Some(i) = self.library.marked.iter().position(|&m| m == sel) {
                    self.library.marked.remove(i);
                } else {
                    self.library.marked.push(sel);
                    if self.library.marked.len() > 2 {
                        self.library.marked.remove(0);
                    }
                }
                self.library.selected = (sel + 1).min(n.saturating_sub(1));
            }
            Action::Compare => {
                let pair = match self.library.marked.as_slice() {
                    [a, b] => Some((*a, *b)),
                    [a] if *a != sel => Some((*a, sel)),
                    _ if n > 1 => Some((sel, (sel + 1) % n)),
                    _ => None,
                };
                match pair {
                    Some((l, r)) => self.open_compare(l, r),
                    None => self.message = Some("Comparing needs two articles".into()),
                }
            }
            _ => {}
        }
    }

    fn reader_action(&mut self, action: Action) {
        let Some(layout) = &self.reader.layout else {
            return;
        };
        let max = layout
            .lines
            .len()
            .saturating_sub(self.body_height())
            .max(self.reader.scroll);
        if let Some(p) = moved(self.reader.scroll, action, self.body_height(), max + 1) {
            self.reader.scroll = p;
            return;
        }
        match action {
            Action::ToggleBoilerplate => {
                let block = self.reader_top_block();
                self.reader.unfold = !self.reader.unfold;
                self.reader.pending_block = block;
            }
            Action::NextHeading => {
                if let Some(&l) = layout
                    .heading_lines
                    .iter()
                    .find(|&&l| l > self.reader.scroll)
                {
                    self.reader.scroll = l;
                }
            }
            Action::PrevHeading => {
                if let Some(&l) = layout
                    .heading_lines
                    .iter()
                    .rev()
                    .find(|&&l| l < self.reader.scroll)
                {
                    self.reader.scroll = l;
                }
            }
            Action::Compare => {
                let n = self.corpus.articles.len();
                if n > 1 {
                    let a = self.reader.article;
                    self.open_compare(a, (a + 1) % n);
                }
            }
            _ => {}
        }
    }

    /// The block at the top of the reader, to keep the place across relayouts.
    fn reader_top_block(&self) -> Option<usize> {
        let layout = self.reader.layout.as_ref()?;
        layout
            .block_line
            .iter()
            .rposition(|&l| l <= self.reader.scroll)
    }

    fn topic_action(&mut self, action: Action) {
        let Some(layout) = &self.topic.layout else {
            return;
        };
        let max = layout
            .lines
            .len()
            .saturating_sub(self.body_height())
            .max(self.topic.scroll);
        if let Some(p) = moved(self.topic.scroll, action, self.body_height(), max + 1) {
            self.topic.scroll = p;
            return;
        }
        let target = match action {
            Action::NextHeading => layout
                .section_lines
                .iter()
                .find(|&&l| l > self.topic.scroll)
                .copied(),
            Action::PrevHeading => layout
                .section_lines
                .iter()
                .rev()
                .find(|&&l| l < self.topic.scroll)
                .copied(),
            _ => None,
        };
        if let Some(l) = target {
            self.topic.scroll = l;
        }
    }

    fn matrix_action(&mut self, action: Action) {
        let rows = self.matrix.rows.len();
        let cols = self.corpus.articles.len();
        if let Some(p) = moved(
            self.matrix.row,
            action,
            self.body_height().saturating_sub(1),
            rows,
        ) {
            self.matrix.row = p;
            return;
        }
        match action {
            Action::Left => self.matrix.col = self.matrix.col.saturating_sub(1),
            Action::Right => self.matrix.col = (self.matrix.col + 1).min(cols.saturating_sub(1)),
            Action::Confirm => {
                let Some(&t) = self.matrix.rows.get(self.matrix.row) else {
                    return;
                };
                let topic = &self.analysis.topics.topics[t];
                let article = self.matrix.col;
                let first = topic.occurrences_in(article).next();
                match first {
                    Some(r) => self.open_reader(r.article, Some(r.block)),
                    None => {
                        self.message = Some(crate::clean!(
                            "{} does not cover “{}”",
                            self.corpus.articles[article].id,
                            topic.label
                        ))
                    }
                }
            }
            _ => {}
        }
    }
}
