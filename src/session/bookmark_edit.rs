//! A change the reader makes to a session's bookmarks: one added, one
//! noted again, one deleted. The reader applies it to its own list at once
//! and the store to the file under its lock, through the one function
//! here, so both keep the same rules (one bookmark per place).

use super::model::{Bookmark, next_bookmark_id};
use crate::corpus::sanitize::Clean;

/// A change to the bookmarks of a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BookmarkEdit {
    /// A new bookmark. One already at the same place takes its note
    /// instead: two readers marking one paragraph at once keep one.
    Add(Bookmark),
    /// The bookmark with this id has a new note.
    Note { id: u32, note: Clean },
    /// The bookmark with this id is deleted.
    Remove(u32),
    /// A bookmark deleted before comes back, under its own id when that
    /// is still free, as an `Add` would otherwise (one per place).
    Restore(Bookmark),
}

impl Bookmark {
    /// Whether both mark the same place: equal anchors on each side (a
    /// reader's bookmark and a topic view's of one paragraph are one).
    pub fn same_place(&self, other: &Bookmark) -> bool {
        self.left == other.left && self.right == other.right
    }
}

/// Apply `edit` to `list` (oldest first); false when it changed nothing
/// (an id no longer there: another instance deleted it).
pub fn apply_edit(list: &mut Vec<Bookmark>, edit: &BookmarkEdit) -> bool {
    match edit {
        BookmarkEdit::Add(new) => {
            if let Some(old) = list.iter_mut().rev().find(|b| b.same_place(new)) {
                old.note = new.note.clone();
                return true;
            }
            let mut new = new.clone();
            // A free id always exists below the session's cap; 0 (never
            // handed out otherwise) rather than a panic.
            new.id = next_bookmark_id(list.iter().map(|b| b.id)).unwrap_or(0);
            list.push(new);
            true
        }
        BookmarkEdit::Note { id, note } => match list.iter_mut().find(|b| b.id == *id) {
            Some(b) => {
                b.note = note.clone();
                true
            }
            None => false,
        },
        BookmarkEdit::Restore(old) => {
            let free = list.iter().all(|b| b.id != old.id);
            let placed = list.iter().any(|b| b.same_place(old));
            if free && !placed {
                list.push(old.clone());
                true
            } else {
                apply_edit(list, &BookmarkEdit::Add(old.clone()))
            }
        }
        BookmarkEdit::Remove(id) => {
            let before = list.len();
            list.retain(|b| b.id != *id);
            list.len() != before
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::{Anchor, View};

    fn at(article: &str, block: usize) -> Option<Anchor> {
        Some(Anchor {
            article: Clean::line(article),
            block,
            fingerprint: None,
        })
    }

    fn mark(left: Option<Anchor>, right: Option<Anchor>, note: &str) -> Bookmark {
        Bookmark {
            id: 0,
            created: 0,
            view: View::Reader,
            left,
            right,
            note: Clean::line(note),
            excerpt: Clean::default(),
        }
    }

    #[test]
    fn a_place_marked_again_keeps_one_bookmark_with_the_new_note() {
        let mut list = Vec::new();
        assert!(apply_edit(
            &mut list,
            &BookmarkEdit::Add(mark(at("a", 3), None, "first"))
        ));
        assert!(apply_edit(
            &mut list,
            &BookmarkEdit::Add(mark(at("a", 3), None, "again"))
        ));
        assert_eq!(list.len(), 1);
        assert_eq!((list[0].id, list[0].note.as_str()), (1, "again"));
        // Another block, or the same block beside another: other places.
        apply_edit(&mut list, &BookmarkEdit::Add(mark(at("a", 4), None, "")));
        apply_edit(
            &mut list,
            &BookmarkEdit::Add(mark(at("a", 3), at("b", 1), "")),
        );
        assert_eq!(list.iter().map(|b| b.id).collect::<Vec<_>>(), [1, 2, 3]);
    }

    #[test]
    fn notes_and_deletions_go_by_id_and_say_when_the_id_is_gone() {
        let mut list = Vec::new();
        for block in [1, 2] {
            apply_edit(
                &mut list,
                &BookmarkEdit::Add(mark(at("a", block), None, "")),
            );
        }
        let note = BookmarkEdit::Note {
            id: 2,
            note: Clean::line("kept"),
        };
        assert!(apply_edit(&mut list, &note));
        assert_eq!(list[1].note.as_str(), "kept");
        assert!(apply_edit(&mut list, &BookmarkEdit::Remove(1)));
        assert!(!apply_edit(&mut list, &BookmarkEdit::Remove(1)));
        assert_eq!(list.iter().map(|b| b.id).collect::<Vec<_>>(), [2]);
        let gone = BookmarkEdit::Note {
            id: 1,
            note: Clean::line("x"),
        };
        assert!(!apply_edit(&mut list, &gone));
    }

    #[test]
    fn a_restored_bookmark_keeps_its_id_unless_taken_or_its_place_marked_again() {
        let mut list = Vec::new();
        for block in [1, 2] {
            apply_edit(
                &mut list,
                &BookmarkEdit::Add(mark(at("a", block), None, "n")),
            );
        }
        let first = list[0].clone();
        apply_edit(&mut list, &BookmarkEdit::Remove(first.id));
        assert!(apply_edit(&mut list, &BookmarkEdit::Restore(first.clone())));
        assert!(
            list.iter()
                .any(|b| b.id == first.id && b.same_place(&first))
        );
        // Deleted, then marked again with a new note: the restore gives
        // the old note to the one bookmark there.
        apply_edit(&mut list, &BookmarkEdit::Remove(first.id));
        apply_edit(&mut list, &BookmarkEdit::Add(mark(at("a", 1), None, "new")));
        assert!(apply_edit(&mut list, &BookmarkEdit::Restore(first.clone())));
        let there: Vec<_> = list.iter().filter(|b| b.same_place(&first)).collect();
        assert_eq!(there.len(), 1);
        assert_eq!(there[0].note.as_str(), "n");
    }
}
