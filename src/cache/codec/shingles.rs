//! Every article's shingle sets with its content key: what lets the next
//! version of the corpus skip shingling the articles it shares with this
//! one (`analysis::dups::incremental`).

use super::super::blob::{Blob, Lazy, bytes_of, bytes_of_slices};
use crate::analysis::dups::article_sets::ArticleShingles;
use crate::corpus::BlockRef;
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

/// [`out`] for the sets as the corpus-wide join made them: every content
/// block of a corpus of `articles` articles (`refs`, in corpus order) and
/// its set. Written byte for byte as [`out`] writes the same sets made
/// article by article.
pub fn out_of_blocks<'a>(
    keys: &'a [u128],
    articles: usize,
    refs: &'a [BlockRef],
    sets: &'a [&'a [u64]],
) -> impl Serialize + 'a {
    // Each article's blocks are a run of `refs`: where each run ends.
    let article_ends = move || {
        let mut at = 0usize;
        (0..articles).map(move |a| {
            while refs.get(at).is_some_and(|r| r.article == a) {
                at += 1;
            }
            at
        })
    };
    (
        Lazy(move || bytes_of(keys.iter().copied())),
        Lazy(move || ends_at(article_ends())),
        Lazy(move || bytes_of(refs.iter().map(|r| narrow(r.block)))),
        Lazy(move || {
            // A block's set end within its article's part of `flat`.
            let mut starts = article_ends().peekable();
            let mut within = 0usize;
            let ends = sets.iter().enumerate().map(move |(i, set)| {
                while starts.next_if(|&end| end <= i).is_some() {
                    within = 0;
                }
                within += set.len();
                narrow(within)
            });
            bytes_of(ends)
        }),
        Lazy(move || {
            let mut blocks = 0usize;
            let mut flat = 0usize;
            ends_at(article_ends().map(|end| {
                flat += sets[blocks..end].iter().map(|s| s.len()).sum::<usize>();
                blocks = end;
                flat
            }))
        }),
        Lazy(move || bytes_of_slices(sets.iter().copied())),
    )
}

/// Running ends already summed.
fn ends_at(ends: impl Iterator<Item = usize>) -> Vec<u8> {
    bytes_of(ends.map(narrow))
}

fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
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
