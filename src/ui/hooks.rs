//! What the reader gives back and asks of its caller: how it ended, and
//! the hooks for persistence and reports. The reader decides when; the
//! caller decides where and how.

use crate::analysis::related::RelatedIndex;
use crate::cache::Cache;
use crate::corpus::Corpus;
use crate::session::{Bookmark, BookmarkEdit, Session, apply_edit};

/// How the reader ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The user quit.
    Quit,
    /// A signal asked us to stop (any termination signal; SIGHUP too
    /// when the terminal went away); its number.
    Signal(i32),
}

/// A pair report's subject: left and right article, pairing threshold.
pub type ReportPair = (usize, usize, crate::analysis::pair::Threshold);

/// Keeps copied text; returns where it went.
pub type CopyHook = Box<dyn FnMut(&str) -> Result<String, String>>;

/// How the user wants the reader to behave (flags and config.toml).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Mouse mode: wheel scrolling and click to focus a pane. Off by
    /// default so the terminal's own text selection keeps working.
    pub mouse: bool,
    /// The copy key writes to the terminal's clipboard (OSC 52) instead of
    /// through the `copy` hook.
    pub osc52: bool,
    /// The compare view's pairing threshold to start with.
    pub threshold: Option<crate::analysis::pair::Threshold>,
}

/// What the reader asks of its caller: persistence and reports. The
/// reader decides when; the caller decides where and how (the store, file
/// names), so the reader itself does no file I/O.
pub struct Hooks {
    /// A session to come back to (`--resume`), or `None` for a fresh start.
    pub restore: Option<Session>,
    /// Bookmarks already saved in the session (shown and filterable even
    /// without `--resume`).
    pub bookmarks: Vec<Bookmark>,
    /// Store changes to the bookmarks (made, noted again, deleted) and
    /// give back the session's bookmarks as stored; an error is shown in
    /// the status line.
    pub save_bookmarks: Box<SaveBookmarks>,
    /// On quit, on a termination signal and when the terminal goes away:
    /// store where the reader is.
    pub save_state: Box<SaveState>,
    /// Write a report of a pair (left, right, pairing threshold), with the
    /// related index once the analysis has made it; returns where it went.
    pub report: Box<ReportHook>,
    /// Keep copied text where the user can take it (without OSC 52): a
    /// file; returns where it went.
    pub copy: CopyHook,
    pub options: Options,
    /// Where the background analysis reads and keeps what it finds.
    pub cache: Cache,
}

/// See [`Hooks::save_bookmarks`].
pub type SaveBookmarks = dyn FnMut(&[BookmarkEdit]) -> Result<Vec<Bookmark>, String>;

/// See [`Hooks::save_state`]: given how to write the reader's state into a
/// session.
pub type SaveState = dyn FnMut(&dyn Fn(&mut Session)) -> Result<(), String>;

/// See [`Hooks::report`].
pub type ReportHook =
    dyn FnMut(&Corpus, Option<&RelatedIndex>, ReportPair, &[Bookmark]) -> Result<String, String>;

impl Hooks {
    /// No persistence, no reports (tests, or a store that cannot be used):
    /// bookmarks are kept in memory for the run only.
    pub fn none() -> Hooks {
        let mut kept: Vec<Bookmark> = Vec::new();
        Hooks {
            restore: None,
            bookmarks: Vec::new(),
            save_bookmarks: Box::new(move |edits| {
                for edit in edits {
                    apply_edit(&mut kept, edit);
                }
                Ok(kept.clone())
            }),
            save_state: Box::new(|_| Ok(())),
            report: Box::new(|_, _, _, _| Err("reports are not available here".into())),
            copy: Box::new(|_| Err("copying is not available here".into())),
            options: Options::default(),
            cache: Cache::off(),
        }
    }
}
