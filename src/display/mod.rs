//! Display code shared by the CLI and the reader: text measured and laid
//! out in terminal columns (`wrap`: display widths, truncation, word
//! wrapping; `context`: a search hit with the words around it). It uses
//! nothing else of the crate, so every layer may use it (the sanitiser's
//! `Clean::truncated` does).

pub mod context;
pub mod wrap;
