//! Analysis: near-duplicates, related paragraphs, alignment, word diff and
//! topics. Pure functions over a loaded `Corpus`; no terminal code. Blocks
//! are named by `BlockRef` (article index, block index).

pub mod align;
pub mod bundle;
pub mod diff;
pub mod dups;
pub mod events;
pub mod evidence;
pub mod find;
mod hashing;

pub mod pair;
pub mod partners;
mod prefetch;
pub mod quotes;
pub mod related;
pub mod shingle;
pub mod text;
pub mod threshold;
pub mod tokens;
pub mod topics;
pub use bundle::{Analysis, ArticleStats, Fresh, Landed, Parts};
