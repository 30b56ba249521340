//! What a session remembers: the corpus, the view, the compare pair, where
//! each pane was reading, the compare settings, the open topic and the
//! user's bookmarks. Articles are named by id and positions by [`Anchor`]
//! (article id, block index, text fingerprint), never by article index or
//! screen line: both change when the corpus or the terminal width does.

use super::anchor::Anchor;
use crate::corpus::sanitize::Clean;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// The format written by this version. A file with a higher number was
/// written by a newer parallax and is set aside rather than misread.
pub const FORMAT_VERSION: u32 = 1;

/// The compare threshold a fresh session starts with, in hundredths (the
/// pairing threshold's default). Stored as hundredths in the file.
pub const DEFAULT_THRESHOLD: u32 = crate::analysis::threshold::Threshold::DEFAULT.percent();

/// The reader's main views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum View {
    #[default]
    Library,
    Reader,
    Compare,
    Topic,
    Matrix,
    Quotes,
    Passages,
}

impl View {
    pub const ALL: [View; 7] = [
        View::Library,
        View::Reader,
        View::Compare,
        View::Topic,
        View::Matrix,
        View::Quotes,
        View::Passages,
    ];

    pub fn name(self) -> &'static str {
        match self {
            View::Library => "library",
            View::Reader => "reader",
            View::Compare => "compare",
            View::Topic => "topic",
            View::Matrix => "matrix",
            View::Quotes => "quotes",
            View::Passages => "passages",
        }
    }
}

/// The kind of a topic, as stored (mirrors `analysis::topics::TopicKind`,
/// which the session must be able to read back).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TopicKindName {
    Heading,
    Term,
    Name,
}

/// An open topic, by label and kind: topic indices change whenever the
/// corpus does, labels rarely.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicRef {
    pub label: Clean,
    pub kind: TopicKindName,
}

/// Where each view was reading: the block at the top of the screen.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Scroll {
    /// The reader view.
    pub reader: Option<Anchor>,
    /// The compare view's left pane (the only one used while locked).
    pub left: Option<Anchor>,
    /// The compare view's right pane.
    pub right: Option<Anchor>,
    /// The topic-across-articles view.
    pub topic: Option<Anchor>,
    /// Lines between the top of the anchored block and the top of the
    /// screen, so the same screen comes back at the same width (clamped to
    /// the block when the width changed).
    pub offset: usize,
}

/// A place the user marked, with a note. `left`/`right` are the blocks on
/// each side in the compare view; a bookmark made in the reader has `left`
/// only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bookmark {
    /// Unique within the session; never reused while the session lives.
    pub id: u32,
    /// Unix seconds.
    pub created: u64,
    pub view: View,
    #[serde(default)]
    pub left: Option<Anchor>,
    #[serde(default)]
    pub right: Option<Anchor>,
    #[serde(default)]
    pub note: Clean,
    /// A short quote of the marked text, so the note still reads when the
    /// article is gone.
    #[serde(default)]
    pub excerpt: Clean,
}

impl Bookmark {
    /// Whether either side is anchored in the article with this id.
    pub fn touches(&self, article_id: &str) -> bool {
        [&self.left, &self.right]
            .into_iter()
            .flatten()
            .any(|a| a.article == article_id)
    }
}

/// The saved state of one reading session. A session file is outside
/// input (a shared data folder, synced dotfiles, a file handed over): every
/// string in it that is ever shown is a [`Clean`], read through the
/// sanitiser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Session {
    pub version: u32,
    /// Unix seconds of the last save (stamped by `Store::save`).
    pub saved: u64,
    /// The files and folders the corpus was loaded from; empty for the
    /// built-in corpus.
    pub corpus: Vec<PathBuf>,
    pub view: View,
    /// The compare pair, by article id.
    pub left: Option<Clean>,
    pub right: Option<Clean>,
    /// The article open in the reader view.
    pub reader: Option<Clean>,
    pub scroll: Scroll,
    /// The compare view's related-paragraph threshold, in hundredths.
    pub threshold: u32,
    /// Whether the compare panes scroll together.
    pub locked: bool,
    pub topic: Option<TopicRef>,
    pub bookmarks: Vec<Bookmark>,
}

impl Default for Session {
    fn default() -> Self {
        Session {
            version: FORMAT_VERSION,
            saved: 0,
            corpus: Vec::new(),
            view: View::Library,
            left: None,
            right: None,
            reader: None,
            scroll: Scroll::default(),
            threshold: DEFAULT_THRESHOLD,
            locked: true,
            topic: None,
            bookmarks: Vec::new(),
        }
    }
}

impl Session {
    /// A fresh session over the given corpus paths (empty: built-in).
    pub fn new(corpus: Vec<PathBuf>) -> Session {
        Session {
            corpus,
            ..Session::default()
        }
    }

    /// The threshold as the compare view accepts it (a hand-edited file may
    /// hold anything).
    pub fn threshold_clamped(&self) -> u32 {
        self.threshold.min(100)
    }

    /// Add a bookmark and return its id (see [`next_bookmark_id`]).
    pub fn add_bookmark(&mut self, mut bookmark: Bookmark) -> u32 {
        // A free id always exists: a session file is capped far below
        // u32::MAX bookmarks. 0 (never handed out otherwise) is the
        // fallback rather than a panic.
        let id = next_bookmark_id(self.bookmarks.iter().map(|b| b.id)).unwrap_or(0);
        bookmark.id = id;
        self.bookmarks.push(bookmark);
        id
    }

    /// Remove the bookmark with this id; false when there is none.
    pub fn remove_bookmark(&mut self, id: u32) -> bool {
        let before = self.bookmarks.len();
        self.bookmarks.retain(|b| b.id != id);
        self.bookmarks.len() != before
    }

    /// Bookmarks anchored in either of the given articles, in creation order.
    pub fn bookmarks_in<'a>(&'a self, ids: &'a [&'a str]) -> impl Iterator<Item = &'a Bookmark> {
        self.bookmarks
            .iter()
            .filter(move |b| ids.iter().any(|id| b.touches(id)))
    }

    /// Whether this session was saved over the same corpus paths (compared
    /// after making them absolute, so a session resumes from any folder).
    pub fn same_corpus(&self, paths: &[PathBuf]) -> bool {
        corpus_key(&self.corpus) == corpus_key(paths)
    }
}

/// The id for a new bookmark: one more than the largest so far, so ids of
/// deleted bookmarks are not handed out again while later ones exist. When
/// the largest is `u32::MAX` (a hand-edited or hostile file), the smallest
/// free id from 1 up instead; `None` only when every id is taken.
pub fn next_bookmark_id(ids: impl IntoIterator<Item = u32>) -> Option<u32> {
    let mut ids: Vec<u32> = ids.into_iter().collect();
    match ids.iter().max() {
        None => return Some(1),
        Some(&m) if m < u32::MAX => return Some(m + 1),
        Some(_) => {}
    }
    ids.sort_unstable();
    ids.dedup();
    let mut want = 1u32;
    for id in ids {
        if id > want {
            break;
        }
        if id == want {
            want = want.checked_add(1)?;
        }
    }
    // Every id below `want` is taken and `want` is not (the walk stops at
    // the first gap; a taken u32::MAX at the end overflowed above).
    Some(want)
}

/// Corpus paths as a session stores them: absolute where they exist, so a
/// session resumes the same corpus from any working directory.
pub fn corpus_key(paths: &[PathBuf]) -> Vec<PathBuf> {
    paths
        .iter()
        .map(|p| std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()))
        .collect()
}
