//! The corpus: an immutable in-memory model of the articles and the loader
//! that builds it (decode, sanitise, segment, classify, metadata). No
//! terminal code lives here.

mod builtin;
mod chrome;
mod classify;
pub mod decode;
mod loader;
mod markdown;
mod metadata;
mod model;
pub mod sanitize;
mod segment;

pub use loader::{
    EXTENSIONS, LoadError, MAX_FILE_BYTES, load_builtin, load_paths, load_paths_with_progress,
};
pub use model::{Article, Block, BlockKind, BlockRef, Corpus, LoadWarning, Metadata, ResolveError};
pub use segment::word_count;
