//! Finding a phrase in text the way a reader expects: case-smart, with
//! curly and straight quotes, dashes and runs of spaces read alike
//! (`fold`); in one text (`Query::find_in`, what the reader's in-view
//! search runs on each block) or in a whole corpus at once (`FindIndex`).

mod fold;
mod index;
mod query;

pub use fold::{Folded, fold};
pub use index::{CorpusHit, CorpusHits, FindIndex};
pub use query::{MAX_QUERY_BYTES, Query};
