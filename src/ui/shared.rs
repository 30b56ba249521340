//! What every screen and overlay reads and none owns: the corpus and its
//! analysis, the keys in effect, the display settings, and the geometry of
//! the frame.

use super::action::{Action, ViewId};
use super::geometry::{Geometry, drawn_size};
use super::group::{Group, Members};
use super::keymap::Keymap;
use super::theme::Theme;
use crate::analysis::Analysis;
use crate::corpus::Corpus;
use crate::corpus::sanitize::Clean;
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
    /// Inputs skipped while loading (`Corpus::skipped_inputs`), counted
    /// once for the library's status line.
    pub skipped: usize,
    /// The keys in effect (the user's keymap merged over the default), so
    /// that messages name the keys the user actually presses.
    pub keymap: Keymap,
    pub theme: Theme,
    /// The window's own size, larger than the drawn size when capped.
    pub window: (u16, u16),
    /// Of the size drawn: the window's, capped (`geometry::drawn_size`).
    pub geometry: Geometry,
    /// The articles the coverage views narrow to (`None`: all of them).
    pub group: Option<Group>,
    /// The articles marked in the library (kept in step by the router).
    pub marked: Vec<usize>,
}

impl Shared {
    pub fn new(
        corpus: Arc<Corpus>,
        analysis: Arc<Analysis>,
        keymap: Keymap,
        theme: Theme,
        window: (u16, u16),
    ) -> Shared {
        let short_ids = corpus.short_ids();
        let skipped = corpus.skipped_inputs();
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
            skipped,
            keymap,
            theme,
            window,
            geometry: Geometry::new(drawn_size(window)),
            group: None,
            marked: Vec::new(),
        }
    }

    /// The article to compare `article` with when nothing is marked: the
    /// next of its event when events are known (never one of another
    /// event), else the next in the library.
    pub fn next_to_compare(&self, article: usize) -> Option<usize> {
        let n = self.articles();
        if self.analysis.events.is_known() {
            return self.analysis.events.step(article, true);
        }
        (n > 1).then(|| (article + 1) % n)
    }

    /// The pair `c` compares, in the library or the reader alike (`this`:
    /// the article under the cursor or open): the two marked, or the one
    /// marked and this one, or this one and the next to compare it with.
    pub fn pair_to_compare(&self, this: usize) -> Option<(usize, usize)> {
        match self.marked.as_slice() {
            [a, b] => Some((*a, *b)),
            [a] if *a != this => Some((*a, this)),
            _ => self.next_to_compare(this).map(|next| (this, next)),
        }
    }

    /// Why there is nothing to compare with.
    pub fn nothing_to_compare(&self) -> Clean {
        if self.articles() > 1 && self.analysis.events.is_known() {
            "No other article reports this event (mark two to compare any)".into()
        } else {
            "Comparing needs two articles".into()
        }
    }

    /// What narrowing again from the group in effect gives at `article`
    /// (`Group::next`).
    pub fn next_group(&self, article: usize) -> Option<Group> {
        let from = Members {
            corpus: &self.corpus,
            events: &self.analysis.events,
            marked: &self.marked,
        };
        Group::next(self.group.as_ref(), article, &from)
    }

    /// The articles shown by the coverage views: the group's, else all.
    pub fn in_view(&self) -> Vec<usize> {
        match &self.group {
            Some(g) => g.articles.clone(),
            None => (0..self.articles()).collect(),
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

    /// The line heading an article's part of a list (search results, a
    /// topic's coverage): its short id and outlet, `note` (what it has
    /// there), then its title, which is cut first.
    pub fn article_head(&self, a: usize, note: &str) -> String {
        let article = &self.corpus.articles[a];
        format!(
            "■ {} · {} · {note} · {}",
            self.short_ids.get(a).map_or("", String::as_str),
            article.meta.outlet.as_deref().unwrap_or("–"),
            article.label(),
        )
    }

    /// The key that does `action` in `view`, as help shows it (`tab`,
    /// `ctrl-d`), for messages: they name keys, never action names. When
    /// the user's keymap leaves the action without a key, says so.
    pub fn key_for(&self, view: ViewId, action: Action) -> String {
        match self.keymap.keys_for(view, action).first() {
            Some(key) => key.to_string(),
            None => format!("(no key for {})", action.name()),
        }
    }

    /// The keys the status row ends with in `view`, "? help  t topics  q
    /// quit" from the bindings in effect; below 100 columns only the
    /// first ("? help"): the status has the rest.
    pub fn status_hint(&self, view: ViewId) -> String {
        let key = |a: Action| self.keymap.keys_for(view, a).first().map(|k| k.to_string());
        let parts: Vec<String> = [
            (Action::Help, "help"),
            (Action::Topics, "topics"),
            (Action::Quit, "quit"),
        ]
        .into_iter()
        .filter_map(|(a, label)| Some(format!("{} {label}", key(a)?)))
        .collect();
        let hint = parts.join("  ");
        if self.geometry.width() >= 100 {
            return hint;
        }
        hint.split("  ").next().unwrap_or("").to_string()
    }

    /// The columns the status row leaves a screen's status in `view`,
    /// beside the hint: a status cut to fit them is not cut again.
    pub fn status_room(&self, view: ViewId) -> usize {
        let hint = crate::display::wrap::width(&self.status_hint(view));
        self.geometry.width().saturating_sub(hint + 1)
    }
}
