//! Bookmarks: drafting one from the place a screen shows, the note prompt,
//! and the filterable list that jumps back and deletes. One bookmark per
//! place: marking a bookmarked paragraph again edits its note. Persisting
//! is the event loop's job (`Outcome::Keep` carries the change), so
//! `update` stays free of I/O. Drawn by `bookmark_view`.
//!
//! A session outlives its corpus: `parallax` on one folder and then on
//! another keeps their bookmarks in the same session. The list shows only
//! this corpus's (those of which an article is here), as only those can be
//! jumped to; the others are counted under the list, never deleted from
//! here, and listed again when their corpus is open.

use crate::corpus::sanitize::Clean;
use crate::corpus::{BlockRef, Corpus};
use crate::session::{Anchor, Bookmark, BookmarkEdit, View, apply_edit, excerpt, resolve_anchor};
use crate::ui::action::{Action, ViewId};
use crate::ui::outcome::{Open, Outcome};
use crate::ui::place::{Goto, Place};
use crate::ui::screens::scroll::moved;
use crate::ui::shared::Shared;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// Characters of block text kept with a bookmark.
const EXCERPT_CHARS: usize = 120;

/// Where a bookmark is in the open corpus: its left and right block.
type Resolved = [Option<BlockRef>; 2];

#[derive(Debug, Clone, Default)]
pub struct BookmarkState {
    /// The session's bookmarks, oldest first, of every corpus.
    pub(super) list: Vec<Bookmark>,
    /// Where each of `list` is in this corpus; `[None, None]` for one of
    /// articles not in it.
    places: Vec<Resolved>,
    /// The bookmark being noted (prompt open).
    pub(super) draft: Option<Bookmark>,
    /// The id of the bookmark at the drafted place already, whose note
    /// the prompt edits.
    pub(super) editing: Option<u32>,
    /// The note typed so far.
    pub(super) note: String,
    /// Filter typed in the list.
    pub(super) query: String,
    /// Indices into `list` of this corpus's bookmarks that match the
    /// filter, newest first.
    pub(super) hits: Vec<usize>,
    pub(super) selected: usize,
    /// Bookmarks deleted from the list this run, the last one on top:
    /// what `restore_bookmark` brings back.
    deleted: Vec<Bookmark>,
}

impl BookmarkState {
    /// The session's bookmarks, oldest first.
    pub fn list(&self) -> &[Bookmark] {
        &self.list
    }

    /// The session's bookmarks as stored (at the start, and after each
    /// save: another instance may have changed them); the filter and the
    /// selected row stay.
    pub fn set_list(&mut self, list: Vec<Bookmark>, corpus: &Corpus) {
        self.list = list;
        self.places = self
            .list
            .iter()
            .map(|b| {
                [&b.left, &b.right].map(|a| a.as_ref().and_then(|a| resolve_anchor(corpus, a)))
            })
            .collect();
        self.refilter();
    }

    /// How many bookmarks are of articles not in this corpus (not listed).
    pub fn of_other_corpora(&self) -> usize {
        self.places.iter().filter(|p| p == &&[None, None]).count()
    }

    /// How many are listed before any filter: this corpus's.
    pub fn in_corpus(&self) -> usize {
        self.list.len() - self.of_other_corpora()
    }

    /// The row selected in the list (an index of `hits`).
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The bookmarks listed, in the order shown.
    pub fn shown(&self) -> impl Iterator<Item = &Bookmark> {
        self.hits.iter().map(|&i| &self.list[i])
    }

    fn refilter(&mut self) {
        let matcher = SkimMatcherV2::default().ignore_case();
        let q = self.query.trim();
        let mut scored: Vec<(i64, usize)> = self
            .list
            .iter()
            .enumerate()
            .filter(|&(i, _)| self.places.get(i).is_some_and(|p| p != &[None, None]))
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
        self.selected = self.selected.min(self.hits.len().saturating_sub(1));
    }

    /// What the list shows when the filter leaves nothing: "no bookmark
    /// matches “bridge”" (`None` when some are listed, or none are here).
    pub fn no_match_line(&self) -> Option<String> {
        let q = self.query.trim();
        (self.hits.is_empty() && self.in_corpus() > 0).then(|| format!("no bookmark matches “{q}”"))
    }

    /// Why enter jumped nowhere: said, never silently ignored.
    fn nothing_chosen(&self, cx: &Shared) -> Clean {
        if self.in_corpus() == 0 {
            let mark = cx.key_for(ViewId::Reader, Action::Bookmark);
            return crate::clean!("No bookmarks here yet: {mark} in the reader or compare view");
        }
        let q = self.query.trim();
        let delete = cx.key_for(ViewId::Bookmarks, Action::DeleteChar);
        let clear = cx.key_for(ViewId::Bookmarks, Action::ClearQuery);
        crate::clean!("No bookmark matches “{q}” · {delete} or {clear} edits the filter")
    }

    /// Start a bookmark of `place` in `view`, to be noted; when the place
    /// has one already, its note is what the prompt edits. The message to
    /// show when there is nothing to bookmark.
    pub fn draft(&mut self, view: View, place: Option<Place>, cx: &Shared) -> Result<(), Clean> {
        let corpus = &cx.corpus;
        let place = place.filter(|p| p.left.is_some() || p.right.is_some());
        let Some(place) = place else {
            return Err("Nothing here to bookmark".into());
        };
        // The newest, should an older session hold the place twice.
        let here = [place.left, place.right];
        if let Some(i) = self.places.iter().rposition(|p| *p == here) {
            let old = &self.list[i];
            self.editing = Some(old.id);
            self.note = old.note.as_str().to_string();
            self.draft = Some(old.clone());
            return Ok(());
        }
        let left = place.left.and_then(|b| Anchor::at(corpus, b));
        let right = place.right.and_then(|b| Anchor::at(corpus, b));
        // A compare row may hold folded chrome on one side: the preview
        // is the side with the article's own text (the left on a tie).
        let text = [place.left, place.right]
            .into_iter()
            .filter_map(|r| corpus.get(r?))
            .min_by_key(|b| !b.kind.is_content())
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
        self.editing = None;
        self.note.clear();
        Ok(())
    }

    /// The drafted bookmark is dropped (the prompt was closed); what to
    /// say of it.
    pub fn cancel(&mut self) -> &'static str {
        self.draft = None;
        match self.editing.take() {
            Some(_) => "Bookmark kept, note unchanged",
            None => "Bookmark cancelled",
        }
    }

    /// Keep the drafted bookmark with the typed note, or the bookmark
    /// already there with its note edited.
    fn accept(&mut self, corpus: &Corpus) -> Outcome {
        let Some(mut b) = self.draft.take() else {
            return Outcome::Close(None);
        };
        // Typed or pasted: it may hold anything a terminal can send.
        let note = Clean::line(self.note.trim());
        let edit = match self.editing.take() {
            Some(id) => BookmarkEdit::Note { id, note },
            None => {
                b.note = note;
                BookmarkEdit::Add(b)
            }
        };
        self.change(&edit, corpus);
        Outcome::Keep(edit)
    }

    /// Apply a change here as the store applies it to the session.
    fn change(&mut self, edit: &BookmarkEdit, corpus: &Corpus) {
        let mut list = std::mem::take(&mut self.list);
        apply_edit(&mut list, edit);
        self.set_list(list, corpus);
    }

    /// Open the list, unfiltered, on the newest.
    pub fn open(&mut self) {
        self.query.clear();
        self.selected = 0;
        self.refilter();
    }

    /// Where the selected bookmark is: the pair for a compare bookmark,
    /// the article otherwise.
    fn jump(&self) -> Outcome {
        let Some(&i) = self.hits.get(self.selected) else {
            return Outcome::Done;
        };
        let b = &self.list[i];
        match self.places[i] {
            [Some(l), Some(r)] if b.view == View::Compare => Outcome::Open(Open::Compare {
                left: l.article,
                right: r.article,
                at: Some(Goto::block(l)),
            }),
            [Some(at), _] | [None, Some(at)] => Outcome::Open(Open::Reader(Goto::block(at))),
            // Not listed; said should a listing ever show one.
            [None, None] => {
                Outcome::Close(Some("That bookmark's article is not in this corpus".into()))
            }
        }
    }

    /// Delete the selected bookmark; the next one moves up into its row.
    fn delete(&mut self, corpus: &Corpus) -> Outcome {
        let Some(&i) = self.hits.get(self.selected) else {
            return Outcome::Say("No bookmark to delete".into());
        };
        self.deleted.push(self.list[i].clone());
        let edit = BookmarkEdit::Remove(self.list[i].id);
        self.change(&edit, corpus);
        Outcome::Keep(edit)
    }

    /// Bring back the bookmark deleted last, selected in the list.
    fn restore(&mut self, corpus: &Corpus) -> Outcome {
        let Some(b) = self.deleted.pop() else {
            return Outcome::Say("No bookmark deleted to restore".into());
        };
        let edit = BookmarkEdit::Restore(b.clone());
        self.change(&edit, corpus);
        if let Some(row) = self.hits.iter().position(|&i| self.list[i].same_place(&b)) {
            self.selected = row;
        }
        Outcome::Keep(edit)
    }

    /// A character typed into the note (`prompt`) or the list's filter.
    pub fn type_char(&mut self, c: char, prompt: bool) {
        if prompt {
            self.note.push(c);
        } else {
            self.query.push(c);
            self.selected = 0;
            self.refilter();
        }
    }

    /// An action in the note prompt.
    pub fn handle_prompt(&mut self, action: Action, cx: &Shared) -> Outcome {
        match action {
            Action::Confirm => return self.accept(&cx.corpus),
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
        // A page is the rows the list shows: one fewer when the last row
        // counts the bookmarks of other corpora (`bookmark_view`).
        let counted = usize::from(self.of_other_corpora() > 0);
        let rows = cx.geometry.list_rows().saturating_sub(counted).max(1);
        if let Some(p) = moved(self.selected, action, rows, self.hits.len()) {
            self.selected = p;
            return Outcome::Done;
        }
        match action {
            Action::Confirm if self.hits.is_empty() => {
                return Outcome::Say(self.nothing_chosen(cx));
            }
            Action::Confirm => return self.jump(),
            Action::DeleteBookmark => return self.delete(&cx.corpus),
            Action::RestoreBookmark => return self.restore(&cx.corpus),
            Action::DeleteChar => {
                self.query.pop();
                self.selected = 0;
                self.refilter();
            }
            Action::ClearQuery => {
                self.query.clear();
                self.selected = 0;
                self.refilter();
            }
            _ => {}
        }
        Outcome::Done
    }
}
