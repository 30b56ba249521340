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
            && p.row_start
                .windows(2)
                .all(|w| p.term_ids[w[0]..w[1]].windows(2).all(|t| t[0] < t[1]))
            // Rows sorted: a row's largest term id is its last.
            && p.row_start
                .windows(2)
                .filter_map(|w| p.term_ids[w[0]..w[1]].last())
                .all(|&t| (t as usize) < p.idf.len())
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

#[cfg(test)]
mod tests {
    use super::*;

    fn parts_of(index: &RelatedIndex) -> RelatedParts {
        let v = index.view();
        RelatedParts {
            article_start: v.article_start.to_vec(),
            row_start: v.row_start.to_vec(),
            term_ids: v.term_ids.to_vec(),
            weights: v.weights.to_vec(),
            vocabulary: v.vocabulary,
            content_blocks: v.content_blocks,
            stems: v.stems().map(|(s, id)| (s.to_string(), id)).collect(),
            idf: v.idf.to_vec(),
        }
    }

    #[test]
    fn parts_come_back_whole_and_a_term_past_the_idf_table_is_refused() {
        let c = crate::corpus::load_builtin();
        let index = RelatedIndex::build(&c);
        let counts: Vec<usize> = c.articles.iter().map(|a| a.blocks.len()).collect();
        assert_eq!(
            RelatedIndex::from_parts(parts_of(&index), &counts).as_ref(),
            Some(&index)
        );
        // The largest term id of some row (not of the last row) raised
        // past the IDF table: the row stays sorted.
        let mut p = parts_of(&index);
        let row = (0..p.row_start.len() - 2)
            .find(|&r| p.row_start[r] < p.row_start[r + 1])
            .unwrap();
        let last = p.row_start[row + 1] - 1;
        p.term_ids[last] = p.idf.len() as u32;
        assert!(RelatedIndex::from_parts(p, &counts).is_none());
        let mut unsorted = parts_of(&index);
        let row = (0..unsorted.row_start.len() - 1)
            .find(|&r| unsorted.row_start[r + 1] - unsorted.row_start[r] >= 2)
            .unwrap();
        unsorted
            .term_ids
            .swap(unsorted.row_start[row], unsorted.row_start[row] + 1);
        assert!(RelatedIndex::from_parts(unsorted, &counts).is_none());
    }
}
