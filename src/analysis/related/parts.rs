//! The index taken apart into plain arrays and put together again, for
//! keeping it on disk (`cache`). Putting together checks every invariant
//! the lookups rely on, so a damaged file can never make one panic.

use super::RelatedIndex;
use super::terms::StemIds;

/// Everything a [`RelatedIndex`] holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RelatedParts {
    pub article_start: Vec<usize>,
    pub row_start: Vec<usize>,
    pub term_ids: Vec<u32>,
    pub weights: Vec<f32>,
    pub vocabulary: usize,
    pub content_blocks: usize,
    /// (stem, term id), in no particular order.
    pub stems: Vec<(String, u32)>,
    pub idf: Vec<f32>,
}

/// The arrays of a [`RelatedIndex`], borrowed (for writing it out).
pub struct RelatedView<'a> {
    pub article_start: &'a [usize],
    pub row_start: &'a [usize],
    pub term_ids: &'a [u32],
    pub weights: &'a [f32],
    pub vocabulary: usize,
    pub content_blocks: usize,
    pub idf: &'a [f32],
    stems: &'a StemIds,
}

impl RelatedView<'_> {
    /// (stem, term id), in no particular order.
    pub fn stems(&self) -> impl Iterator<Item = (&str, u32)> + '_ {
        self.stems.iter().map(|(s, &id)| (s.as_str(), id))
    }
}

impl RelatedIndex {
    /// The index's arrays, borrowed.
    pub fn view(&self) -> RelatedView<'_> {
        RelatedView {
            article_start: &self.article_start,
            row_start: &self.row_start,
            term_ids: &self.term_ids,
            weights: &self.weights,
            vocabulary: self.vocabulary,
            content_blocks: self.content_blocks,
            idf: &self.idf,
            stems: &self.stems,
        }
    }

    /// The index again, if the parts are consistent with each other and
    /// with a corpus of `blocks_per_article`.
    pub fn from_parts(p: RelatedParts, blocks_per_article: &[usize]) -> Option<RelatedIndex> {
        let mut row = 0usize;
        let mut starts = vec![0usize];
        for &n in blocks_per_article {
            row = row.checked_add(n)?;
            starts.push(row);
        }
        let sound = p.article_start == starts
            && p.row_start.len() == row + 1
            && p.row_start.first() == Some(&0)
            && p.row_start.windows(2).all(|w| w[0] <= w[1])
            && p.row_start.last() == Some(&p.term_ids.len())
            && p.weights.len() == p.term_ids.len()
            && p.idf.len()
                >= p.term_ids
                    .iter()
                    .map(|&t| t as usize + 1)
                    .max()
                    .unwrap_or(0)
            && p.row_start
                .windows(2)
                .all(|w| p.term_ids[w[0]..w[1]].windows(2).all(|t| t[0] < t[1]))
            && p.stems.iter().all(|&(_, id)| (id as usize) < p.idf.len());
        if !sound {
            return None;
        }
        let stems: StemIds = p.stems.into_iter().collect();
        Some(RelatedIndex {
            article_start: p.article_start,
            row_start: p.row_start,
            term_ids: p.term_ids,
            weights: p.weights,
            vocabulary: p.vocabulary,
            content_blocks: p.content_blocks,
            stems,
            idf: p.idf,
        })
    }
}
