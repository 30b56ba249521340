//! Every article's shingle sets with its content key: what lets the next
//! version of the corpus skip shingling the articles it shares with this
//! one (`analysis::dups::incremental`).

use super::super::blob::{Blob, Lazy, bytes_of};
use super::split_at_ends;
use crate::analysis::dups::article_sets::ArticleShingles;
use serde::{Deserialize, Serialize};

/// Running ends of parts of these lengths.
fn ends(lengths: impl Iterator<Item = usize>) -> Vec<u8> {
    let mut total = 0usize;
    bytes_of(lengths.map(|n| {
        total += n;
        u32::try_from(total).unwrap_or(u32::MAX)
    }))
}

/// As written; read back as [`ShinglesIn`].
pub fn out<'a>(keys: &'a [u128], sets: &'a [ArticleShingles]) -> impl Serialize + 'a {
    (
        Lazy(move || bytes_of(keys.iter().copied())),
        Lazy(move || ends(sets.iter().map(|s| s.blocks.len()))),
        Lazy(move || bytes_of(sets.iter().flat_map(|s| s.blocks.iter().copied()))),
        Lazy(move || bytes_of(sets.iter().flat_map(|s| s.ends.iter().copied()))),
        Lazy(move || ends(sets.iter().map(|s| s.flat.len()))),
        Lazy(move || bytes_of(sets.iter().flat_map(|s| s.flat.iter().copied()))),
    )
}

#[derive(Deserialize)]
pub struct ShinglesIn<'a> {
    /// Content key of each article.
    #[serde(borrow)]
    keys: Blob<'a>,
    /// End of each article's blocks in `blocks` / `ends`.
    #[serde(borrow)]
    article_ends: Blob<'a>,
    /// Each article's content block indices.
    #[serde(borrow)]
    blocks: Blob<'a>,
    /// Each block's set end within its article's part of `flat`.
    #[serde(borrow)]
    ends: Blob<'a>,
    /// End of each article's part of `flat`.
    #[serde(borrow)]
    flat_ends: Blob<'a>,
    #[serde(borrow)]
    flat: Blob<'a>,
}

impl ShinglesIn<'_> {
    /// The article keys and each article's sets, if consistent.
    pub fn sets(&self) -> Option<(Vec<u128>, Vec<ArticleShingles>)> {
        let keys = self.keys.read::<u128>()?;
        let article_ends = self.article_ends.read::<u32>()?;
        let blocks = self.blocks.read::<u32>()?;
        let ends = self.ends.read::<u32>()?;
        let flat_ends = self.flat_ends.read::<u32>()?;
        let flat = self.flat.read::<u64>()?;
        if keys.len() != article_ends.len() || ends.len() != blocks.len() {
            return None;
        }
        let block_parts = split_at_ends(&blocks, &article_ends)?;
        let end_parts = split_at_ends(&ends, &article_ends)?;
        let flat_parts = split_at_ends(&flat, &flat_ends)?;
        if flat_parts.len() != keys.len() {
            return None;
        }
        let mut sets = Vec::with_capacity(keys.len());
        for ((b, e), f) in block_parts.into_iter().zip(end_parts).zip(flat_parts) {
            let s = ArticleShingles {
                blocks: b.to_vec(),
                ends: e.to_vec(),
                flat: f.to_vec(),
            };
            if !s.is_consistent() {
                return None;
            }
            sets.push(s);
        }
        Some((keys, sets))
    }
}
