//! Display code shared by the CLI and the reader: text measured and laid
//! out in terminal columns (`wrap`: display widths, truncation, word
//! wrapping; `table`: pipe tables in aligned columns; `context`: a search
//! hit with the words around it), and counted things said right (`plural`:
//! "1 article", "5 articles", digits grouped by thousands; `score`: a similarity to two decimals, rounded
//! down so that it never reads above a threshold it did not reach). It uses nothing else of the crate, so every
//! layer may use it (the sanitiser's `Clean::truncated` does).

pub mod context;
pub mod plural;
pub mod score;
pub mod table;

pub mod wrap;
