//! The one state of the reader. Its fields are private: views read it
//! through the accessors below, and it changes only through the methods
//! of this module: `update` (the router, for every key and resize) and
//! the few entry points the event loop calls when something arrives from
//! outside (`outside`: the analysis, a finished comparison, a failed save).

mod copy;
mod counted;
mod navigate;
mod outside;
mod point;
mod search;
mod session;
pub mod update;

pub use crate::ui::overlays::Overlay;
pub use crate::ui::screens::ScreenId;

use crate::analysis::Analysis;
use crate::analysis::pair::Threshold;
use crate::corpus::Corpus;
use crate::corpus::sanitize::Clean;
use crate::session::{BookmarkEdit, TopicRef};
use crate::ui::action::ViewId;
use crate::ui::count::Count;
use crate::ui::keymap::Keymap;
use crate::ui::overlays::bookmarks::BookmarkState;
use crate::ui::overlays::help::Help;
use crate::ui::overlays::palette::PaletteState;
use crate::ui::overlays::search_prompt::SearchPrompt;
use crate::ui::place::Goto;
use crate::ui::screens::compare::Compare;
use crate::ui::screens::elsewhere::ElsewhereScreen;
use crate::ui::screens::library::Library;
use crate::ui::screens::matrix::Matrix;
use crate::ui::screens::passages::PassagesScreen;
use crate::ui::screens::quotes::QuotesScreen;
use crate::ui::screens::reader::Reader;
use crate::ui::screens::results::Results;
use crate::ui::screens::topic::TopicScreen;
use crate::ui::screens::variants::VariantsScreen;
use crate::ui::screens::{Screen, Screens};
use crate::ui::shared::Shared;
use crate::ui::theme::Theme;
use std::sync::Arc;

/// What the event loop must do after an update (the only side effects).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    Suspend,
    Redraw,
    /// A report of this pair (left, right) at this pairing threshold (the
    /// one on screen).
    Report(usize, usize, Threshold),
    /// Copy the text `App::take_copied` gives.
    Copy,
}

pub struct App {
    cx: Shared,
    screen: ScreenId,
    overlay: Option<Overlay>,
    /// Where the reader was, for `back` (the jump list, `navigate.rs`).
    history: Vec<navigate::Jump>,
    screens: Screens,
    palette: PaletteState,
    help: Help,
    bookmarks: BookmarkState,
    /// The search prompt (`/`, `F`).
    prompt: SearchPrompt,
    /// Changes to the bookmarks since the last save, for the event loop
    /// to persist.
    outbox: Vec<BookmarkEdit>,
    /// A restored session's topic, found by its label once topics exist,
    /// and the place in it.
    waiting_topic: Option<(TopicRef, Option<Goto>)>,
    /// A one-line message for the status bar (cleared by the next key).
    /// Messages quote ids, labels and errors, so only [`Clean`] text.
    message: Option<Clean>,
    /// A count being typed before a key (`5j`).
    count: Count,
    /// Text the copy key took, for the event loop to copy.
    copied: Option<crate::ui::clipboard::Copied>,
}

impl App {
    pub fn new(
        corpus: impl Into<Arc<Corpus>>,
        analysis: impl Into<Arc<Analysis>>,
        keymap: Keymap,
        theme: Theme,
        size: (u16, u16),
    ) -> App {
        let cx = Shared::new(corpus.into(), analysis.into(), keymap, theme, size);
        App {
            screens: Screens::new(&cx),
            palette: PaletteState::new(&cx.analysis.topics),
            cx,
            screen: ScreenId::Library,
            overlay: None,
            history: Vec::new(),
            help: Help::default(),
            bookmarks: BookmarkState::default(),
            prompt: SearchPrompt::default(),
            outbox: Vec::new(),
            waiting_topic: None,
            message: None,
            count: Count::default(),
            copied: None,
        }
    }

    /// A reader whose analysis is still being computed (`set_analysis`
    /// brings it): the library shows at once.
    pub fn analysing(corpus: Arc<Corpus>, keymap: Keymap, theme: Theme, size: (u16, u16)) -> App {
        let pending = Analysis::pending(&corpus);
        let mut app = App::new(corpus, pending, keymap, theme, size);
        app.cx.analysing = true;
        app
    }

    /// What screens read: corpus, analysis, theme, geometry.
    pub fn shared(&self) -> &Shared {
        &self.cx
    }

    pub fn corpus(&self) -> &Corpus {
        &self.cx.corpus
    }

    pub fn analysis(&self) -> &Analysis {
        &self.cx.analysis
    }

    pub fn is_analysing(&self) -> bool {
        self.cx.analysing
    }

    pub fn keymap(&self) -> &Keymap {
        &self.cx.keymap
    }

    /// Size drawn (columns, rows): the window's, capped.
    pub fn size(&self) -> (u16, u16) {
        self.cx.size()
    }

    /// The window's own size, larger than `size` when capped.
    pub fn window(&self) -> (u16, u16) {
        self.cx.window
    }

    pub fn screen(&self) -> ScreenId {
        self.screen
    }

    /// The screen shown (under any overlay).
    pub fn current(&self) -> &dyn Screen {
        self.screens.get(self.screen)
    }

    pub fn overlay(&self) -> Option<Overlay> {
        self.overlay
    }

    /// The keymap table in effect: the overlay's, else the screen's.
    pub fn view_id(&self) -> ViewId {
        match self.overlay {
            Some(Overlay::Palette) => ViewId::Palette,
            Some(Overlay::Help) if self.help.typing() => ViewId::Search,
            Some(Overlay::Help) => ViewId::Help,
            Some(Overlay::Prompt) => ViewId::Prompt,
            Some(Overlay::Bookmarks) => ViewId::Bookmarks,
            Some(Overlay::Search) => ViewId::Search,
            None => self.screen.view_id(),
        }
    }

    pub fn message(&self) -> Option<&Clean> {
        self.message.as_ref()
    }

    pub fn library(&self) -> &Library {
        &self.screens.library
    }

    pub fn reader(&self) -> &Reader {
        &self.screens.reader
    }

    pub fn compare(&self) -> &Compare {
        &self.screens.compare
    }

    pub fn topic(&self) -> &TopicScreen {
        &self.screens.topic
    }

    pub fn matrix(&self) -> &Matrix {
        &self.screens.matrix
    }

    pub fn quotes(&self) -> &QuotesScreen {
        &self.screens.quotes
    }

    pub fn passages(&self) -> &PassagesScreen {
        &self.screens.passages
    }

    pub fn elsewhere(&self) -> &ElsewhereScreen {
        &self.screens.elsewhere
    }

    pub fn variants(&self) -> &VariantsScreen {
        &self.screens.variants
    }

    pub fn palette(&self) -> &PaletteState {
        &self.palette
    }

    pub fn help(&self) -> &Help {
        &self.help
    }

    pub fn bookmarks(&self) -> &BookmarkState {
        &self.bookmarks
    }

    /// The compare view's pairing threshold from now on (`--threshold`).
    pub fn set_threshold(&mut self, threshold: Threshold) {
        let locked = self.screens.compare.locked();
        self.screens.compare.set_settings(threshold, locked);
    }

    pub fn prompt(&self) -> &SearchPrompt {
        &self.prompt
    }

    pub fn results(&self) -> &Results {
        &self.screens.results
    }

    /// True while background work is left for `Msg::Tick` steps.
    pub fn is_busy(&self) -> bool {
        self.palette.is_filtering()
    }
}
