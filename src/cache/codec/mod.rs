//! Each cached part of the analysis in its on-disk form and back. Decoding
//! checks the data against the corpus it is for (every article and block
//! index in range, every list sorted as its readers assume) and refuses
//! anything else: a cache file is never trusted blindly.

pub mod corpus;
pub mod dups;
pub mod related;
pub mod shingles;
pub mod topics;

use crate::corpus::Corpus;

/// Blocks in each article of `corpus`.
pub fn block_counts(corpus: &Corpus) -> Vec<usize> {
    corpus.articles.iter().map(|a| a.blocks.len()).collect()
}

/// Whether (article, block) names a block of a corpus with these counts.
pub fn in_range(counts: &[usize], article: u32, block: u32) -> bool {
    counts
        .get(article as usize)
        .is_some_and(|&n| (block as usize) < n)
}

/// Split `flat` at `ends` (each the end of one part): `None` if the ends
/// are not ascending within it.
pub fn split_at_ends<'a, T>(flat: &'a [T], ends: &[u32]) -> Option<Vec<&'a [T]>> {
    let mut out = Vec::with_capacity(ends.len());
    let mut start = 0usize;
    for &e in ends {
        let e = e as usize;
        out.push(flat.get(start..e)?);
        start = e;
    }
    (start == flat.len()).then_some(out)
}
