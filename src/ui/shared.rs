//! What every screen and overlay reads and none owns: the corpus and its
//! analysis, the display settings, and the geometry of the frame.

use super::geometry::{Geometry, drawn_size};
use super::theme::Theme;
use crate::analysis::Analysis;
use crate::corpus::Corpus;
use std::sync::Arc;

pub struct Shared {
    /// Shared with a background analysis thread while it runs.
    pub corpus: Arc<Corpus>,
    /// Shared with the compare view's worker thread.
    pub analysis: Arc<Analysis>,
    /// True while the real analysis is still being computed.
    pub analysing: bool,
    /// Shortest unique id prefixes, for narrow columns and headers.
    pub short_ids: Vec<String>,
    /// The widest short id, in columns (measured once: the library would
    /// otherwise measure every id on every frame).
    pub short_id_width: usize,
    pub theme: Theme,
    /// The window's own size, larger than the drawn size when capped.
    pub window: (u16, u16),
    /// Of the size drawn: the window's, capped (`geometry::drawn_size`).
    pub geometry: Geometry,
}

impl Shared {
    pub fn new(
        corpus: Arc<Corpus>,
        analysis: Arc<Analysis>,
        theme: Theme,
        window: (u16, u16),
    ) -> Shared {
        let short_ids = corpus.short_ids();
        let short_id_width = short_ids
            .iter()
            .map(|i| crate::display::wrap::width(i))
            .max()
            .unwrap_or(0);
        Shared {
            corpus,
            analysis,
            analysing: false,
            short_ids,
            short_id_width,
            theme,
            window,
            geometry: Geometry::new(drawn_size(window)),
        }
    }

    /// The window is now `window` (columns, rows).
    pub fn resize(&mut self, window: (u16, u16)) {
        self.window = window;
        self.geometry = Geometry::new(drawn_size(window));
    }

    /// The size drawn (columns, rows).
    pub fn size(&self) -> (u16, u16) {
        let a = self.geometry.area;
        (a.width, a.height)
    }

    pub fn articles(&self) -> usize {
        self.corpus.articles.len()
    }
}
