//! The one state of the reader. Views read it; only `update` changes it.
//! Wrapped layouts live here too, computed once per width (and per fold or
//! pair) by `update`, so drawing a frame costs only the visible lines.

use super::action::ViewId;
use super::bookmarks::BookmarkState;
use super::compare::CompareState;
use super::keymap::Keymap;
use super::palette::PaletteState;
use super::reader::ReaderState;
use super::theme::Theme;
use super::topic_match::MatchIndex;
use super::topic_view::TopicState;
use crate::analysis::Analysis;
use crate::corpus::Corpus;
use std::sync::Arc;

/// The main views (the screen under any overlay).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Library,
    Reader,
    Compare,
    Topic,
    Matrix,
}

impl Screen {
    pub fn view_id(self) -> ViewId {
        match self {
            Screen::Library => ViewId::Library,
            Screen::Reader => ViewId::Reader,
            Screen::Compare => ViewId::Compare,
            Screen::Topic => ViewId::Topic,
            Screen::Matrix => ViewId::Matrix,
        }
    }
}

/// Overlays drawn over the screen; they take the keys while open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Palette,
    Help,
    /// The note for a bookmark being made.
    Prompt,
    Bookmarks,
}

/// What the event loop must do after an update (the only side effects).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    Suspend,
    Redraw,
    /// Write a report of the compare pair (left, right) to a file.
    /// A report of this pair at this pairing threshold (the one on
    /// screen).
    Report(usize, usize, crate::analysis::pair::Threshold),
}

#[derive(Debug, Clone, Default)]
pub struct LibraryState {
    pub selected: usize,
    /// Articles marked for comparison, oldest first (at most two).
    pub marked: Vec<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct MatrixState {
    /// Topic indices in display order: most widely covered first.
    pub rows: Vec<usize>,
    pub row: usize,
    pub col: usize,
}

pub struct App {
    /// Shared with a background analysis thread while it runs.
    pub corpus: Arc<Corpus>,
    /// Shortest unique id prefixes, for narrow columns and headers.
    pub short_ids: Vec<String>,
    /// The widest short id, in columns (measured once: the library would
    /// otherwise measure every id on every frame).
    pub short_id_width: usize,
    /// Shared with the compare view's worker threads.
    pub analysis: Arc<Analysis>,
    /// True while the real analysis is still being computed.
    pub analysing: bool,
    pub keymap: Keymap,
    pub theme: Theme,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub history: Vec<Screen>,
    /// Size drawn (columns, rows): the window's, capped (`view::drawn_size`).
    pub size: (u16, u16),
    /// The window's own size, larger than `size` when capped.
    pub window: (u16, u16),
    pub library: LibraryState,
    pub reader: ReaderState,
    pub compare: CompareState,
    pub palette: PaletteState,
    pub topic: TopicState,
    pub matrix: MatrixState,
    pub help_scroll: usize,
    pub bookmarks: BookmarkState,
    /// Bookmarks made since the last save, for the event loop to persist.
    pub outbox: Vec<crate::session::Bookmark>,
    /// A restored session's topic, found by label once topics exist.
    pub pending_topic: Option<crate::session::TopicRef>,
    /// Lines into the restored block or row (see `session::Scroll::offset`).
    pub pending_offset: usize,
    /// A one-line message for the status bar (cleared by the next key).
    /// Messages quote ids, labels and errors, so only [`Clean`] text.
    ///
    /// [`Clean`]: crate::corpus::sanitize::Clean
    pub message: Option<crate::corpus::sanitize::Clean>,
}

impl App {
    pub fn new(
        corpus: impl Into<Arc<Corpus>>,
        analysis: Analysis,
        keymap: Keymap,
        theme: Theme,
        size: (u16, u16),
    ) -> App {
        let corpus: Arc<Corpus> = corpus.into();
        let rows = matrix_rows(&analysis);
        let palette = PaletteState::new(&analysis.topics);
        let short_ids = corpus.short_ids();
        let short_id_width = short_ids
            .iter()
            .map(|i| crate::wrap::width(i))
            .max()
            .unwrap_or(0);
        let mut app = App {
            short_ids,
            short_id_width,
            corpus,
            analysis: Arc::new(analysis),
            analysing: false,
            keymap,
            theme,
            screen: Screen::Library,
            overlay: None,
            history: Vec::new(),
            size: super::view::drawn_size(size),
            window: size,
            library: LibraryState::default(),
            reader: ReaderState::default(),
            compare: CompareState::default(),
            palette,
            topic: TopicState::default(),
            matrix: MatrixState {
                rows,
                ..MatrixState::default()
            },
            help_scroll: 0,
            bookmarks: BookmarkState::default(),
            outbox: Vec::new(),
            pending_topic: None,
            pending_offset: 0,
            message: None,
        };
        app.compare.right = usize::from(app.corpus.articles.len() > 1);
        app
    }

    /// Put in the analysis computed in the background, with the palette's
    /// match index built there too: everything derived from it is rebuilt,
    /// positions in the library are kept.
    pub fn set_analysis(&mut self, analysis: Analysis, index: Arc<MatchIndex>) {
        self.matrix.rows = matrix_rows(&analysis);
        self.palette = PaletteState::with_index(&analysis.topics, index);
        self.analysis = Arc::new(analysis);
        self.analysing = false;
        self.compare.cache.clear();
        self.compare.layout = None;
        self.compare.job = None;
        self.reader.layout = None;
        self.topic.layout = None;
        self.resolve_pending_topic();
        self.refresh_layouts();
    }

    /// The keymap table in effect: the overlay's, else the screen's.
    pub fn view_id(&self) -> ViewId {
        match self.overlay {
            Some(Overlay::Palette) => ViewId::Palette,
            Some(Overlay::Help) => ViewId::Help,
            Some(Overlay::Prompt) => ViewId::Prompt,
            Some(Overlay::Bookmarks) => ViewId::Bookmarks,
            None => self.screen.view_id(),
        }
    }

    pub fn width(&self) -> usize {
        usize::from(self.size.0)
    }

    /// Rows available to a screen's body (title and status lines excluded).
    pub fn body_height(&self) -> usize {
        usize::from(self.size.1).saturating_sub(2).max(1)
    }

    /// Switch screens, remembering where we came from for `back`.
    pub fn go(&mut self, screen: Screen) {
        if self.screen != screen {
            self.history.push(self.screen);
            if self.history.len() > 64 {
                self.history.remove(0);
            }
            self.screen = screen;
        }
    }
}

/// Matrix rows: topics covered by the most articles first.
fn matrix_rows(analysis: &Analysis) -> Vec<usize> {
    let mut rows: Vec<usize> = (0..analysis.topics.topics.len()).collect();
    rows.sort_by_key(|&t| std::cmp::Reverse(analysis.topics.topics[t].weights.len()));
    rows
}
