//! Bookmarks: drafting one from the place a screen shows, the note prompt,
//! and the filterable list that jumps back. Persisting them is the event
//! loop's job (`Outcome::Keep`), so `update` stays free of I/O. Drawn by
//! `bookmark_view`.

use crate::corpus::sanitize::Clean;
use crate::session::{Anchor, Bookmark, View, excerpt, resolve_anchor};
use crate::ui::action::Action;
use crate::ui::outcome::{Open, Outcome};
use crate::ui::place::{Goto, Place};
use crate::ui::screens::scroll::moved;
use crate::ui::shared::Shared;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// Characters of block text kept with a bookmark.
const EXCERPT_CHARS: usize = 120;

#[derive(Debug, Clone, Default)]
pub struct BookmarkState {
    /// The session's bookmarks, oldest first.
    pub(super) list: Vec<Bookmark>,
    /// The bookmark being noted (prompt open).
    pub(super) draft: Option<Bookmark>,
    /// The note typed so far.
    pub(super) note: String,
    /// Filter typed in the list.
    pub(super) query: String,
    /// Indices into `list` that match the filter, newest first.
    pub(super) hits: Vec<usize>,
    pub(super) selected: usize,
}

impl BookmarkState {
    /// The session's bookmarks, oldest first.
    pub fn list(&self) -> &[Bookmark] {
        &self.list
    }

    /// Bookmarks already saved (a session's).
    pub fn set_list(&mut self, list: Vec<Bookmark>) {
        self.list = list;
    }

    fn refilter(&mut self) {
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

    /// Start a bookmark of `place` in `view`, to be noted; the message to
    /// show when there is nothing to bookmark.
    pub fn draft(&mut self, view: View, place: Option<Place>, cx: &Shared) -> Result<(), Clean> {
        let corpus = &cx.corpus;
        let place = place.filter(|p| p.left.is_some() || p.right.is_some());
        let Some(place) = place else {
            return Err("Nothing here to bookmark".into());
        };
        let left = place.left.and_then(|b| Anchor::at(corpus, b));
        let right = place.right.and_then(|b| Anchor::at(corpus, b));
        let text = place
            .left
            .or(place.right)
            .and_then(|r| corpus.get(r))
            .map(|b| excerpt(&b.text, EXCERPT_CHARS))
            .unwrap_or_default();
        self.draft = Some(Bookmark {
            id: 0,
            created: crate::session::now_secs(),
            view,
            left,
            right,
            note: Clean::default(),
            excerpt: text,
        });
        self.note.clear();
        Ok(())
    }

    /// The drafted bookmark is dropped (the prompt was closed).
    pub fn cancel(&mut self) {
        self.draft = None;
    }

    /// Keep the drafted bookmark with the typed note.
    fn accept(&mut self) -> Outcome {
        let Some(mut b) = self.draft.take() else {
            return Outcome::Close(None);
        };
        // Typed or pasted: it may hold anything a terminal can send.
        b.note = Clean::line(self.note.trim());
        // Never `max + 1` unchecked: a loaded session may hold u32::MAX.
        b.id = crate::session::next_bookmark_id(self.list.iter().map(|x| x.id)).unwrap_or(0);
        self.list.push(b.clone());
        Outcome::Keep(b)
    }

    /// Open the list, unfiltered.
    pub fn open(&mut self) {
        self.query.clear();
        self.refilter();
    }

    /// Where the selected bookmark is: the pair for a compare bookmark,
    /// the article otherwise.
    fn jump(&self, cx: &Shared) -> Outcome {
        let Some(&i) = self.hits.get(self.selected) else {
            return Outcome::Done;
        };
        let b = &self.list[i];
        let resolve = |a: &Option<Anchor>| a.as_ref().and_then(|a| resolve_anchor(&cx.corpus, a));
        match (resolve(&b.left), resolve(&b.right)) {
            (Some(l), Some(r)) if b.view == View::Compare => Outcome::Open(Open::Compare {
                left: l.article,
                right: r.article,
                at: Some(Goto::block(l)),
            }),
            (Some(at), _) | (None, Some(at)) => Outcome::Open(Open::Reader(Goto::block(at))),
            (None, None) => {
                Outcome::Close(Some("That bookmark's article is not in this corpus".into()))
            }
        }
    }

    /// A character typed into the note (`prompt`) or the list's filter.
    pub fn type_char(&mut self, c: char, prompt: bool) {
        if prompt {
            self.note.push(c);
        } else {
            self.query.push(c);
            self.refilter();
        }
    }

    /// An action in the note prompt.
    pub fn handle_prompt(&mut self, action: Action) -> Outcome {
        match action {
            Action::Confirm => return self.accept(),
            Action::DeleteChar => {
                self.note.pop();
            }
            Action::ClearQuery => self.note.clear(),
            _ => {}
        }
        Outcome::Done
    }

    /// An action in the list.
    pub fn handle_list(&mut self, action: Action, cx: &Shared) -> Outcome {
        let rows = cx.geometry.list_rows();
        if let Some(p) = moved(self.selected, action, rows, self.hits.len()) {
            self.selected = p;
            return Outcome::Done;
        }
        match action {
            Action::Confirm => return self.jump(cx),
            Action::DeleteChar => {
                self.query.pop();
                self.refilter();
            }
            Action::ClearQuery => {
                self.query.clear();
                self.refilter();
            }
            _ => {}
        }
        Outcome::Done
    }
}
