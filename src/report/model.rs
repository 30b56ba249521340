//! What a report says, computed once and shown by each format. Notes
//! (bookmarks found again in the corpus) and labels are shared here; the
//! pair's content is in `pair_model`, the corpus's in `corpus_model`.

use crate::corpus::sanitize::Clean;
use crate::corpus::{BlockRef, Corpus};
use crate::session::{Anchor, Bookmark, resolve_anchor};

/// When and from which session a report was made.
#[derive(Debug, Clone)]
pub struct Provenance {
    /// Unix seconds (`SOURCE_DATE_EPOCH` when set, for reproducible output).
    pub generated: u64,
    /// The session whose notes are included, if one was read.
    pub session: Option<String>,
}

impl Provenance {
    /// Made now (see [`report_time`](super::text::report_time)) from the
    /// named session's notes, if any.
    pub fn now(session: Option<String>) -> Provenance {
        Provenance {
            generated: super::text::report_time(),
            session,
        }
    }
}

/// One side of a bookmark, found again in the current corpus.
#[derive(Debug, Clone)]
pub struct Place {
    /// The article id as saved.
    pub article: Clean,
    /// The block in the current corpus (the saved index when the article is
    /// gone).
    pub block: usize,
    /// Where it resolved; `None` when the article is not in this corpus.
    pub at: Option<BlockRef>,
}

/// A bookmark with its anchors resolved.
#[derive(Debug, Clone)]
pub struct Note {
    pub bookmark: Bookmark,
    pub left: Option<Place>,
    pub right: Option<Place>,
    /// The paragraph marked, whole, when it is in this corpus (the
    /// bookmark keeps only its first 120 characters).
    pub text: Option<String>,
}

impl Note {
    pub fn new(corpus: &Corpus, bookmark: Bookmark) -> Note {
        let place = |a: &Option<Anchor>| {
            a.as_ref().map(|a| {
                let at = resolve_anchor(corpus, a);
                Place {
                    article: a.article.clone(),
                    block: at.map_or(a.block, |r| r.block),
                    at,
                }
            })
        };
        let (left, right) = (place(&bookmark.left), place(&bookmark.right));
        let text = [&left, &right]
            .into_iter()
            .flatten()
            .find_map(|p| corpus.get(p.at?))
            .map(|b| b.text.clone());
        Note {
            left,
            right,
            bookmark,
            text,
        }
    }

    /// What the note is on, to quote under it: the paragraph whole when
    /// it is here, else the excerpt the bookmark kept ("" for none).
    pub fn quoted(&self) -> &str {
        self.text
            .as_deref()
            .unwrap_or(self.bookmark.excerpt.as_str())
    }

    pub fn places(&self) -> impl Iterator<Item = &Place> {
        self.left.iter().chain(self.right.iter())
    }

    /// Whether the note is anchored at this block.
    pub fn is_at(&self, at: BlockRef) -> bool {
        self.places().any(|p| p.at == Some(at))
    }
}

/// "000 ¶12": an article's short id and a block index.
pub fn place_label(short_ids: &[String], at: BlockRef) -> String {
    let id = short_ids.get(at.article).map_or("?", String::as_str);
    format!("{id} ¶{}", at.block)
}

/// How a note's place reads: "000 ¶12", or "gone-id ¶12 (not in this
/// corpus)".
pub fn note_place(short_ids: &[String], p: &Place) -> String {
    match p.at {
        Some(at) => place_label(short_ids, at),
        None => format!("{} ¶{} (not in this corpus)", p.article, p.block),
    }
}
