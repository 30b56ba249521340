//! Every article's shingle sets with its content key: what lets the next
//! version of the corpus skip shingling the articles it shares with this
//! one (`analysis::dups::incremental`).

use super::super::blob::{Blob, Lazy, bytes_of, bytes_of_slices};
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
        Lazy(move || bytes_of_slices(sets.iter().map(|s| &s.blocks[..]))),
        Lazy(move || bytes_of_slices(sets.iter().map(|s| &s.ends[..]))),
        Lazy(move || ends(sets.iter().map(|s| s.flat.len()))),
        Lazy(move || bytes_of_slices(sets.iter().map(|s| &s.flat[..]))),
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
        let flat_ends = self.flat_ends.read::<u32>()?;
        // The long arrays are read in place, article by article.
        let blocks = self.blocks.numbers::<u32>()?;
        let ends = self.ends.numbers::<u32>()?;
        let flat = self.flat.numbers::<u64>()?;
        if keys.len() != article_ends.len()
            || keys.len() != flat_ends.len()
            || ends.len() != blocks.len()
            || article_ends.last().map_or(0, |&e| e as usize) != blocks.len()
            || flat_ends.last().map_or(0, |&e| e as usize) != flat.len()
        {
            return None;
        }
        let mut sets = Vec::with_capacity(keys.len());
        let (mut b0, mut f0) = (0usize, 0usize);
        for (&b1, &f1) in article_ends.iter().zip(&flat_ends) {
            let (b1, f1) = (b1 as usize, f1 as usize);
            let s = ArticleShingles {
                blocks: blocks.range(b0..b1)?.collect(),
                ends: ends.range(b0..b1)?.collect(),
                flat: flat.range(f0..f1)?.collect(),
            };
            if !s.is_consistent() {
                return None;
            }
            sets.push(s);
            (b0, f0) = (b1, f1);
        }
        Some((keys, sets))
    }
}
