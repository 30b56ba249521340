//! What the event loop brings in from outside `update`: the analysis made
//! in the background, a finished comparison, the compare worker, saved
//! bookmarks, and the outcome of its own I/O. Each is one method, so the
//! loop never writes the state itself.

use super::App;
use crate::analysis::dups::DupPair;
use crate::analysis::{Analysis, ArticleStats};
use crate::corpus::BlockRef;
use crate::corpus::sanitize::Clean;
use crate::session::{Bookmark, BookmarkEdit};
use crate::ui::overlays::palette::{MatchIndex, PaletteState};
use crate::ui::screens::compare::work::{PairWorker, Stage};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

impl App {
    /// Put in the analysis computed in the background, with the palette's
    /// match index built there too: everything derived from it is rebuilt,
    /// the places in the screens are kept.
    pub fn set_analysis(&mut self, analysis: impl Into<Arc<Analysis>>, index: Arc<MatchIndex>) {
        let analysis = analysis.into();
        self.palette = PaletteState::with_index(&analysis.topics, index);
        self.cx.analysis = analysis;
        self.cx.analysing = false;
        // A group of the old analysis (an event) may not exist any more.
        self.cx.group = None;
        for (_, screen) in self.screens.each_mut() {
            screen.reanalysed(&self.cx);
        }
        self.resolve_waiting_topic();
        self.refresh_layouts();
    }

    /// Put in the palette's one-character tables, made after the analysis
    /// (the palette answered every query without them, scoring it).
    pub fn set_palette_tables(&mut self, index: Arc<MatchIndex>) {
        self.palette.set_index(index);
    }

    /// Put in the near-duplicates, which the background analysis makes
    /// first: the library's reuse columns fill in; the rest of the
    /// analysis is still awaited.
    pub fn set_reuse(
        &mut self,
        dups: Vec<DupPair>,
        stats: Vec<ArticleStats>,
        repeat_of: BTreeMap<BlockRef, usize>,
    ) {
        let mut partial = Analysis::pending(&self.cx.corpus);
        partial.dups = dups;
        partial.stats = stats;
        partial.repeat_of = repeat_of;
        self.cx.analysis = Arc::new(partial);
        self.refresh_layouts();
    }

    /// The bookmarks as the session stores them: at the start, and after
    /// each save (another instance may have changed them too).
    pub fn set_saved_bookmarks(&mut self, list: Vec<Bookmark>) {
        self.bookmarks.set_list(list, &self.cx.corpus);
    }

    /// Run the compare view's pair work on `worker` from now on.
    pub fn compare_on(&mut self, worker: PairWorker) {
        self.screens.compare.work_on(worker);
    }

    /// Take in a finished comparison, if any; true if something changed.
    pub fn poll_compare(&mut self) -> bool {
        let changed = self.screens.compare.poll();
        if changed {
            self.refresh_layouts();
        }
        changed
    }

    /// Wait up to `budget` (from the job's start) for the comparison under
    /// way, so a pair that takes less than a frame shows at once.
    pub fn settle_compare(&mut self, budget: Duration) -> bool {
        let changed = self.screens.compare.settle(budget);
        if changed {
            self.refresh_layouts();
        }
        changed
    }

    /// Where the compare work is, while it runs.
    pub fn compare_stage(&self) -> Option<Stage> {
        self.screens.compare.stage()
    }

    /// Changes to the bookmarks since the last call, to be persisted.
    pub fn take_bookmark_edits(&mut self) -> Vec<BookmarkEdit> {
        std::mem::take(&mut self.outbox)
    }

    /// What the store answered to the changes to the bookmarks: the
    /// session's list (its ids are those a later note or deletion names),
    /// or why they were not saved.
    pub fn bookmarks_stored(&mut self, stored: Result<Vec<Bookmark>, String>) {
        match stored {
            Ok(list) => self.set_saved_bookmarks(list),
            Err(e) => self.notify(crate::clean!("Bookmark not saved: {e}")),
        }
    }

    /// Say something in the status line (the outcome of the loop's I/O:
    /// a report written, a bookmark not saved).
    pub fn notify(&mut self, message: Clean) {
        self.message = Some(message);
    }
}
