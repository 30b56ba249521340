//! Bookmarks in the reader: drafting one from the current position, the
//! note prompt, and the filterable list that jumps back. Persisting them is
//! the event loop's job (`App::outbox`), so `update` stays free of I/O.

use super::app::{App, Overlay, Screen};
use crate::corpus::BlockRef;
use crate::corpus::sanitize::Clean;
use crate::session::{Anchor, Bookmark, View, excerpt, resolve_anchor};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// Characters of block text kept with a bookmark.
const EXCERPT_CHARS: usize = 120;

#[derive(Debug, Clone, Default)]
pub struct BookmarkState {
    /// The session's bookmarks, oldest first.
    pub list: Vec<Bookmark>,
    /// The bookmark being noted (prompt open).
    pub draft: Option<Bookmark>,
    /// The note typed so far.
    pub note: String,
    /// Filter typed in the list.
    pub query: String,
    /// Indices into `list` that match the filter, newest first.
    pub hits: Vec<usize>,
    pub selected: usize,
}

impl BookmarkState {
    pub fn refilter(&mut self) {
        let matcher = SkimMatcherV2::default().ignore_case();
        let q = self.query.trim();
        let mut scored: Vec<(i64, usize)> = self
            .list
            .iter()
            .enumerate()
            .filter_map(|(i, b)| {
                if q.is_empty() {
                    return Some((0, i));
                }
                let hay = format!("{} {}", b.note, b.excerpt);
                matcher.fuzzy_match(&hay, q).map(|s| (s, i))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
        self.hits = scored.into_iter().map(|(_, i)| i).collect();
        self.selected = 0;
    }
}

impl App {
    /// Start a bookmark at the current position and ask for a note.
    pub fn draft_bookmark(&mut self) {
        let Some((view, left, right)) = self.current_anchors() else {
            self.message = Some("Nothing here to bookmark".into());
            return;
        };
        let text = left
            .as_ref()
            .or(right.as_ref())
            .and_then(|a| resolve_anchor(&self.corpus, a))
            .and_then(|r| self.corpus.get(r))
            .map(|b| excerpt(&b.text, EXCERPT_CHARS))
            .unwrap_or_default();
        self.bookmarks.draft = Some(Bookmark {
            id: 0,
            created: crate::session::now_secs(),
            view,
            left,
            right,
            note: Clean::default(),
            excerpt: text,
        });
        self.bookmarks.note.clear();
        self.overlay = Some(Overlay::Prompt);
    }

    /// Keep the drafted bookmark with the typed note.
    pub fn accept_bookmark(&mut self) {
        if let Some(mut b) = self.bookmarks.draft.take() {
            // Typed or pasted: it may hold anything a terminal can send.
            b.note = Clean::line(self.bookmarks.note.trim());
            // Never `max + 1` unchecked: a loaded session may hold u32::MAX.
            b.id = crate::session::next_bookmark_id(self.bookmarks.list.iter().map(|x| x.id))
                .unwrap_or(0);
            self.outbox.push(b.clone());
            self.bookmarks.list.push(b);
            self.message = Some("Bookmarked".into());
        }
        self.overlay = None;
    }

    pub fn open_bookmarks(&mut self) {
        self.bookmarks.query.clear();
        self.bookmarks.refilter();
        self.overlay = Some(Overlay::Bookmarks);
    }

    /// Jump to the selected bookmark: the pair for a compare bookmark, the
    /// article otherwise.
    pub fn jump_to_bookmark(&mut self) {
        let Some(&i) = self.bookmarks.hits.get(self.bookmarks.selected) else {
            return;
        };
        let b = self.bookmarks.list[i].clone();
        let left = b
            .left
            .as_ref()
            .and_then(|a| resolve_anchor(&self.corpus, a));
        let right = b
            .right
            .as_ref()
            .and_then(|a| resolve_anchor(&self.corpus, a));
        match (left, right) {
            (Some(l), Some(r)) if b.view == View::Compare => {
                self.open_compare(l.article, r.article);
                self.compare.pending_rows = Some((Some(l.block), Some(r.block)));
            }
            (Some(at), _) | (None, Some(at)) => self.open_reader(at.article, Some(at.block)),
            (None, None) => {
                self.message = Some("That bookmark's article is not in this corpus".into())
            }
        }
        self.overlay = None;
    }

    /// Where the reader is: the view and the block(s) at the top.
    pub fn current_anchors(&self) -> Option<(View, Option<Anchor>, Option<Anchor>)> {
        match self.screen {
            Screen::Reader => {
                let layout = self.reader.layout.as_ref()?;
                let block = layout
                    .block_line
                    .iter()
                    .rposition(|&l| l <= self.reader.scroll)?;
                let anchor = Anchor::at(&self.corpus, BlockRef::new(self.reader.article, block));
                Some((View::Reader, anchor, None))
            }
            Screen::Compare => {
                let (l, r) = self.compare_top_blocks()?;
                let left =
                    l.and_then(|b| Anchor::at(&self.corpus, BlockRef::new(self.compare.left, b)));
                let right =
                    r.and_then(|b| Anchor::at(&self.corpus, BlockRef::new(self.compare.right, b)));
                Some((View::Compare, left, right))
            }
            Screen::Topic => {
                let topic = self.analysis.topics.topics.get(self.topic.topic)?;
                let first = topic.occurrences.first()?;
                Some((View::Topic, Anchor::at(&self.corpus, first), None))
            }
            Screen::Library | Screen::Matrix => None,
        }
    }

    /// The left and right blocks of the alignment row at the top of the
    /// compare view.
    pub fn compare_top_blocks(&self) -> Option<(Option<usize>, Option<usize>)> {
        let layout = self.compare.layout.as_ref()?;
        let data = self.compare.cache.get(&self.compare.key())?;
        let side =
            usize::from(self.compare.focus == super::compare::Side::Right && !self.compare.locked);
        let top = self.compare.scroll[side];
        let row = layout.lines[top.min(layout.lines.len().saturating_sub(1))..]
            .iter()
            .find_map(|l| l.row)?;
        let r = data.alignment.rows.get(row)?;
        Some((r.left, r.right))
    }
}
