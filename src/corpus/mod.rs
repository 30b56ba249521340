//! The corpus: an immutable in-memory model of the articles and the loader
//! that builds it (decode, sanitise, segment, classify, metadata). No
//! terminal code lives here.

mod budget;
mod builtin;
mod chrome;
mod classify;
mod collection;
mod compress;
mod date_line;
mod dates;
pub use dates::iso_date;
pub mod decode;
mod feed;
pub mod fetch;
mod fold;
mod html;
pub mod input;
mod key_marks;
mod line_key;
#[cfg(test)]
mod line_key_tests;
mod listing;
mod loader;
mod markdown;
mod metadata;
mod minutes;
mod model;
pub mod outlet;
mod prepare;
mod prepared;
mod read;
mod record;
mod remote;
mod renamed;
pub mod sanitize;
mod segment;
pub mod short_id;
mod skipped;
mod source_date;
mod words;

pub use budget::{DEFAULT_MAX_BYTES, Listing, LoadOptions, NOTICE_BYTES, human_bytes};
pub use input::InputOptions;
pub use listing::{ListedInputs, list_inputs};
pub use loader::{
    EXTENSIONS, LoadError, MAX_FILE_BYTES, is_missing, load_builtin, load_paths, load_paths_with,
    load_paths_with_progress,
};
pub use model::{
    Article, Block, BlockKind, BlockRef, Corpus, LoadWarning, Metadata, OutletSource, ResolveError,
};
pub use skipped::SkippedKinds;
pub use words::word_count;
