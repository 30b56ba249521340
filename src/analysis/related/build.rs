//! Building the index: the articles read in contiguous parts on the pool,
//! each part with a term table of its own, then merged in corpus order.
//! Term ids are given in order of first use, so a stem new to a later part
//! is numbered after every stem of the parts before it, as one walk over
//! the whole corpus numbers it: the merged index is the one a single walk
//! builds (test).

use super::terms::{StemIds, TermCache};
use super::{RelatedIndex, idf, weigh};
use crate::corpus::{Article, BlockRef, Corpus};
use crate::parallel;
use std::ops::Range;

/// Below twice this many articles the corpus is read in one part.
const ARTICLES_PER_PART: usize = 512;
const MAX_PARTS: usize = 4;

/// One part's rows (every block of its articles), in its own term ids.
struct PartRows {
    stems: StemIds,
    /// End of each row's entries in `term_ids`/`counts`.
    row_ends: Vec<usize>,
    /// Sorted within each row.
    term_ids: Vec<u32>,
    counts: Vec<u32>,
    df: Vec<u32>,
    content_blocks: usize,
}

impl RelatedIndex {
    /// Index every content block of `corpus`.
    pub fn build(corpus: &Corpus) -> RelatedIndex {
        let parts = if corpus.articles.len() >= 2 * ARTICLES_PER_PART {
            parallel::threads().clamp(1, MAX_PARTS)
        } else {
            1
        };
        Self::build_in_parts(corpus, parts)
    }

    /// [`Self::build`] reading the articles in up to `parts` parts.
    pub(super) fn build_in_parts(corpus: &Corpus, parts: usize) -> RelatedIndex {
        let sizes: Vec<usize> = corpus.articles.iter().map(|a| a.meta.words + 1).collect();
        let ranges = parallel::balanced_ranges(&sizes, parts.max(1));
        let read = parallel::map_chunks(ranges.len(), 1, |r| {
            let articles = ranges
                .get(r.start)
                .and_then(|range| corpus.articles.get(range.clone()))
                .unwrap_or(&[]);
            read_part(articles)
        });
        merge(corpus, read)
    }
}

impl RelatedIndex {
    /// The index of term ids found already, in corpus order (the topic
    /// index's first pass finds them): `ids` holds the term ids of every
    /// content block, `blocks` gives each content block with its slice of
    /// `ids`, `stems` each stem with its id, where ids number the stems in
    /// order of first use in the content blocks, as [`build`] numbers them;
    /// the index is then the one `build` makes. The rows are counted in
    /// `ids` itself, which becomes the index's term ids: nothing as long as
    /// the text's terms is held beside it. `None` when `blocks` does not
    /// give each content block once, in order.
    ///
    /// [`build`]: RelatedIndex::build
    pub fn from_term_ids<'s>(
        corpus: &Corpus,
        stems: impl Iterator<Item = (&'s str, u32)>,
        mut ids: Vec<u32>,
        blocks: Vec<(BlockRef, Range<usize>)>,
    ) -> Option<RelatedIndex> {
        let rows = corpus.articles.iter().map(|a| a.blocks.len()).sum();
        let mut part = PartRows {
            stems: StemIds::default(),
            row_ends: Vec::with_capacity(rows),
            term_ids: Vec::new(),
            // Pages of the reservation not written to are never resident.
            counts: Vec::with_capacity(ids.len()),
            df: Vec::new(),
            content_blocks: 0,
        };
        let mut blocks = blocks.into_iter();
        // Entries counted so far, at the front of `ids`: never past the
        // next block's slice, which starts where the last one ended.
        let mut kept = 0usize;
        for (ai, article) in corpus.articles.iter().enumerate() {
            for (bi, block) in article.blocks.iter().enumerate() {
                if block.kind.is_content() {
                    let (at, row) = blocks.next()?;
                    let sound = at == BlockRef::new(ai, bi)
                        && kept <= row.start
                        && row.start <= row.end
                        && row.end <= ids.len();
                    if !sound {
                        return None;
                    }
                    kept = part.count_in_place(&mut ids, row, kept);
                }
                part.row_ends.push(kept);
            }
        }
        if blocks.next().is_some() {
            return None;
        }
        ids.truncate(kept);
        ids.shrink_to_fit();
        part.counts.shrink_to_fit();
        part.term_ids = ids;
        part.stems = stems.map(|(s, id)| (s.to_string(), id)).collect();
        Some(merge(corpus, vec![part]))
    }
}

impl PartRows {
    /// Empty rows for `articles`. A block has at most about as many
    /// distinct terms as words, so the two long arrays are reserved once
    /// from the word counts: growing them would copy tens of megabytes at
    /// the peak, and the pages of a large reservation not written to are
    /// never made resident.
    fn for_words(articles: &[Article]) -> PartRows {
        let words: usize = articles.iter().map(|a| a.meta.words).sum();
        PartRows {
            stems: StemIds::default(),
            row_ends: Vec::new(),
            term_ids: Vec::with_capacity(words),
            counts: Vec::with_capacity(words),
            df: Vec::new(),
            content_blocks: 0,
        }
    }

    /// A content block's entries, from its term ids (in any order; sorted
    /// here). The row's end is the caller's to push.
    fn push_content(&mut self, ids: &mut [u32]) {
        self.content_blocks += 1;
        ids.sort_unstable();
        for run in ids.chunk_by(|a, b| a == b) {
            self.term_ids.push(run[0]);
            self.count(run[0], run.len());
        }
    }

    /// A content block's entries, from its term ids at `row` of `ids`
    /// (sorted there), written over `ids` from `kept` on (at most
    /// `row.start`); the entries kept after them.
    fn count_in_place(&mut self, ids: &mut [u32], row: Range<usize>, mut kept: usize) -> usize {
        self.content_blocks += 1;
        let end = row.end;
        ids[row.clone()].sort_unstable();
        let mut at = row.start;
        while at < end {
            let id = ids[at];
            let run = ids[at..end].iter().take_while(|&&x| x == id).count();
            ids[kept] = id;
            kept += 1;
            self.count(id, run);
            at += run;
        }
        kept
    }

    /// A term's count in a block, and the block counted in its df.
    fn count(&mut self, id: u32, times: usize) {
        self.counts.push(u32::try_from(times).unwrap_or(u32::MAX));
        let slot = id as usize;
        if self.df.len() <= slot {
            self.df.resize(slot + 1, 0);
        }
        self.df[slot] += 1;
    }
}

fn read_part(articles: &[Article]) -> PartRows {
    let mut terms = TermCache::default();
    let mut part = PartRows::for_words(articles);
    let mut scratch: Vec<u32> = Vec::new();
    for article in articles {
        for block in &article.blocks {
            if block.kind.is_content() {
                scratch.clear();
                terms.ids_of(&block.text, &mut scratch);
                part.push_content(&mut scratch);
            }
            part.row_ends.push(part.term_ids.len());
        }
    }
    part.stems = terms.into_stems();
    part
}

/// The parts joined in order, each later part's ids renumbered into the
/// whole's and its rows sorted again by the new ids.
fn merge(corpus: &Corpus, parts: Vec<PartRows>) -> RelatedIndex {
    let mut index = RelatedIndex {
        article_start: Vec::with_capacity(corpus.articles.len() + 1),
        row_start: vec![0],
        ..RelatedIndex::default()
    };
    let mut rows = 0usize;
    for article in &corpus.articles {
        index.article_start.push(rows);
        rows += article.blocks.len();
    }
    index.article_start.push(rows);
    let mut stems = StemIds::default();
    let (mut counts, mut df): (Vec<u32>, Vec<u32>) = (Vec::new(), Vec::new());
    let mut row: Vec<(u32, u32)> = Vec::new();
    for (k, part) in parts.into_iter().enumerate() {
        if k == 0 {
            // The first part's ids are the whole's.
            stems = part.stems;
            index.term_ids = part.term_ids;
            counts = part.counts;
            df = part.df;
            index.row_start.extend(part.row_ends);
            index.content_blocks = part.content_blocks;
            continue;
        }
        let remap = renumber(&mut stems, part.stems);
        let shift = index.term_ids.len();
        index.term_ids.reserve(part.term_ids.len());
        counts.reserve(part.counts.len());
        let mut start = 0;
        for &end in &part.row_ends {
            row.clear();
            row.extend(
                part.term_ids[start..end]
                    .iter()
                    .zip(&part.counts[start..end])
                    .map(|(&id, &n)| (remap.get(id as usize).copied().unwrap_or(id), n)),
            );
            row.sort_unstable_by_key(|&(id, _)| id);
            for &(id, n) in &row {
                index.term_ids.push(id);
                counts.push(n);
            }
            index.row_start.push(shift + end);
            start = end;
        }
        for (local, &d) in part.df.iter().enumerate() {
            let Some(&g) = remap.get(local).filter(|_| d > 0) else {
                continue;
            };
            let g = g as usize;
            if df.len() <= g {
                df.resize(g + 1, 0);
            }
            df[g] += d;
        }
        index.content_blocks += part.content_blocks;
    }
    index.vocabulary = stems.len();
    index.idf = df.iter().map(|&d| idf(d, index.content_blocks)).collect();
    index.weights = weigh(&index.row_start, &index.term_ids, counts, &index.idf);
    index.stems = stems;
    index
}

/// Number `part`'s stems into `whole`: a stem the whole knows keeps its
/// id, a new one takes the next, in the order the part numbered them.
/// Gives each of the part's ids its id in the whole.
fn renumber(whole: &mut StemIds, part: StemIds) -> Vec<u32> {
    let mut by_id: Vec<(u32, String)> = part.into_iter().map(|(s, id)| (id, s)).collect();
    by_id.sort_unstable_by_key(|&(id, _)| id);
    let mut remap = vec![0u32; by_id.last().map_or(0, |&(id, _)| id as usize + 1)];
    for (id, stem) in by_id {
        let next = u32::try_from(whole.len()).unwrap_or(u32::MAX);
        remap[id as usize] = *whole.entry(stem).or_insert(next);
    }
    remap
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_merged_give_the_index_one_walk_builds() {
        let dir = tempfile::tempdir().expect("temp dir");
        let corpus = crate::dev::synth::write_corpus(dir.path(), 30, 9)
            .expect("generate")
            .1;
        let one = RelatedIndex::build_in_parts(&corpus, 1);
        for parts in [2, 3, 7] {
            let merged = RelatedIndex::build_in_parts(&corpus, parts);
            assert_eq!(merged, one, "{parts} parts");
        }
        assert!(one.vocabulary_size() > 100);
    }
}
