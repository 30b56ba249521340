//! Sessions that last: what the reader was looking at (view, compare pair,
//! scroll positions, threshold, open topic) and the user's bookmarks with
//! notes, saved as JSON in the data folder so a later run resumes there.
//! No terminal code lives here.
//!
//! Durability: every write replaces the file atomically under an advisory
//! lock (`store`, `atomic`, `lock`); an unusable file is moved aside with a
//! one-line explanation and the program starts fresh. Positions are
//! [`Anchor`]s (article id, block index, text fingerprint), which
//! [`resolve_anchor`] finds again in a corpus that changed since.

mod anchor;
pub mod atomic;
mod bookmark_edit;
mod error;
mod list;
mod lock;
mod model;
mod name;
mod open;
mod store;
mod time;

pub use anchor::{Anchor, excerpt, fingerprint, resolve_anchor, resolve_in};
pub use bookmark_edit::{BookmarkEdit, apply_edit};
pub use error::{Problem, ProblemKind, SessionError, SetAside};
pub use list::{SessionInfo, list_sessions};
pub use model::{
    Bookmark, DEFAULT_THRESHOLD, FORMAT_VERSION, Scroll, Session, TopicKindName, TopicRef, View,
    corpus_key, next_bookmark_id,
};
pub use name::{DEFAULT_SESSION, MAX_NAME_LEN, SessionName};
pub use store::{DATA_DIR_ENV, Loaded, Store, parse};
pub use time::{format_utc, now_secs};
