//! Near-duplicate blocks: every pair of content blocks, within one article
//! or across articles, whose word 5-gram shingle sets reach a Jaccard or
//! containment score threshold. Containment (|A∩B| / min(|A|,|B|)) is what
//! catches a quote or wire paragraph pasted inside a longer paragraph.
//!
//! Candidate pairs come from an exact prefix-filter join (`join`), so no
//! qualifying pair is missed, and every reported score is the exact one.
//! Boilerplate is matched only against boilerplate
//! (`find_boilerplate_duplicates`), never reported as reuse; metadata blocks
//! are ignored.

pub mod article_sets;
mod block_groups;
pub mod incremental;
pub mod join;
mod passage_wording;
pub mod passages;
pub mod shingling;

use crate::corpus::{BlockKind, BlockRef, Corpus};
pub use join::{DistinctPairs, JoinError, JoinIndex, JoinStats, SetPair, similar_sets};
pub use passages::{GroupScope, Member, PassageGroup, Passages};
pub use shingling::ShingleSets;

/// Whether the two blocks of a pair are in the same article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    Within,
    Across,
}

/// Two blocks that share text; `a` is the earlier block.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DupPair {
    pub a: BlockRef,
    pub b: BlockRef,
    pub jaccard: f64,
    pub containment: f64,
    pub scope: Scope,
}

impl DupPair {
    /// A pair within one article of a heading and a block that is not
    /// one: the title again in an image caption, a section heading that
    /// is also its first paragraph's opening words. That echoes the page's
    /// layout; it is no repeated passage, so the library's REP column and
    /// the report's repeats leave it out and `dups` marks it.
    pub fn is_heading_echo(&self, corpus: &Corpus) -> bool {
        let heading = |r: BlockRef| corpus.get(r).is_some_and(|b| b.kind == BlockKind::Heading);
        self.scope == Scope::Within && heading(self.a) != heading(self.b)
    }
}

#[derive(Debug, Clone)]
pub struct DupOptions {
    /// Report a pair when its Jaccard or containment score is at least this
    /// (and the blocks share at least one shingle).
    pub min_score: f64,
    /// Repeats inside one article.
    pub within: bool,
    /// Reuse across articles.
    pub across: bool,
}

impl Default for DupOptions {
    fn default() -> Self {
        DupOptions {
            min_score: 0.5,
            within: true,
            across: true,
        }
    }
}

/// Near-duplicate pairs among content blocks, sorted by `a` then `b`.
pub fn find_duplicates(corpus: &Corpus, opts: &DupOptions) -> Vec<DupPair> {
    let refs = blocks_where(corpus, BlockKind::is_content);
    pairs_among(corpus, &refs, opts)
}

/// Near-duplicate pairs among boilerplate blocks only (site chrome shared by
/// pages), sorted by `a` then `b`. Never part of `find_duplicates`.
pub fn find_boilerplate_duplicates(corpus: &Corpus, opts: &DupOptions) -> Vec<DupPair> {
    let refs = blocks_where(corpus, |k| k == BlockKind::Boilerplate);
    pairs_among(corpus, &refs, opts)
}

/// The blocks `find_duplicates` compares, in corpus order.
pub fn content_blocks(corpus: &Corpus) -> Vec<BlockRef> {
    blocks_where(corpus, BlockKind::is_content)
}

fn blocks_where(corpus: &Corpus, wanted: impl Fn(BlockKind) -> bool) -> Vec<BlockRef> {
    corpus
        .articles
        .iter()
        .enumerate()
        .flat_map(|(a, article)| {
            article
                .blocks
                .iter()
                .enumerate()
                .filter(|(_, b)| wanted(b.kind))
                .map(move |(i, _)| BlockRef::new(a, i))
        })
        .collect()
}

/// Shingle sets of the named blocks, computed on all cores.
pub fn shingle_sets(corpus: &Corpus, refs: &[BlockRef]) -> ShingleSets {
    ShingleSets::of_blocks(corpus, refs)
}

/// The join over the named blocks, filtered by scope.
pub fn pairs_among(corpus: &Corpus, refs: &[BlockRef], opts: &DupOptions) -> Vec<DupPair> {
    if !opts.within && !opts.across {
        return Vec::new();
    }
    let sets = shingle_sets(corpus, refs);
    let sets = sets.slices();
    match JoinIndex::build(&sets) {
        Ok(index) => pairs_from_index(&index, &sets, refs, opts),
        // Only reachable with more than 4 billion blocks (or a bug in
        // `shingles`); there is nothing sound to report.
        Err(_) => Vec::new(),
    }
}

/// Shared passages among content blocks (`passages`): the groups, from
/// the join's distinct sets, without listing the pairs.
pub fn find_passages(corpus: &Corpus, min_score: f64) -> Passages {
    let refs = content_blocks(corpus);
    let sets = shingle_sets(corpus, &refs);
    let sets = sets.slices();
    match JoinIndex::build(&sets) {
        Ok(index) => {
            let distinct = index.distinct_pairs(&sets, min_score);
            Passages::group(corpus, &index, &distinct, &refs)
        }
        Err(_) => Passages::default(),
    }
}

/// `find_duplicates` and `find_passages` from one join (what the reader's
/// analysis needs).
pub fn find_duplicates_and_passages(
    corpus: &Corpus,
    opts: &DupOptions,
) -> (Vec<DupPair>, Passages) {
    let (pairs, passages) = find_duplicates_showing_sets(corpus, opts, true, |_, _| {});
    (pairs, passages.unwrap_or_default())
}

/// `find_duplicates` (with `passages`, `find_duplicates_and_passages`:
/// the same pairs, and the passages from the same join), then `sets`
/// shown every content block and its shingle set, in corpus order, the
/// join gone: how the cache keeps them for the corpus's next version.
pub fn find_duplicates_showing_sets(
    corpus: &Corpus,
    opts: &DupOptions,
    passages: bool,
    sets: impl FnOnce(&[BlockRef], &[&[u64]]),
) -> (Vec<DupPair>, Option<Passages>) {
    let refs = content_blocks(corpus);
    let made = shingle_sets(corpus, &refs);
    let slices = made.slices();
    let found = match JoinIndex::build(&slices) {
        Ok(index) if passages => {
            let distinct = index.distinct_pairs(&slices, opts.min_score);
            let shared = Passages::group(corpus, &index, &distinct, &refs);
            let pairs = if opts.within || opts.across {
                index.expand(&slices, &distinct, |a, b| keep(&refs, opts, a, b))
            } else {
                Vec::new()
            };
            drop(distinct);
            let pairs = pairs.into_iter().map(|p| dup_pair(&refs, p)).collect();
            (pairs, Some(shared))
        }
        Ok(index) if opts.within || opts.across => {
            (pairs_from_index(&index, &slices, &refs, opts), None)
        }
        Ok(_) => (Vec::new(), None),
        Err(_) => (Vec::new(), passages.then(Passages::default)),
    };
    sets(&refs, &slices);
    found
}

fn keep(refs: &[BlockRef], opts: &DupOptions, a: usize, b: usize) -> bool {
    if refs[a].article == refs[b].article {
        opts.within
    } else {
        opts.across
    }
}

fn dup_pair(refs: &[BlockRef], p: SetPair) -> DupPair {
    let (a, b) = (refs[p.a], refs[p.b]);
    DupPair {
        a,
        b,
        jaccard: p.scores.jaccard,
        containment: p.scores.containment,
        scope: if a.article == b.article {
            Scope::Within
        } else {
            Scope::Across
        },
    }
}

/// Join an index built over `sets` (the shingle sets of `refs`) and name
/// the pairs by block.
pub fn pairs_from_index(
    index: &JoinIndex,
    sets: &[&[u64]],
    refs: &[BlockRef],
    opts: &DupOptions,
) -> Vec<DupPair> {
    index
        .pairs(sets, opts.min_score, |a, b| keep(refs, opts, a, b))
        .into_iter()
        .map(|p| dup_pair(refs, p))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load_builtin;

    #[test]
    fn builtin_repeated_intro_is_found_within() {
        let c = load_builtin();
        let opts = DupOptions {
            across: false,
            ..DupOptions::default()
        };
        let pairs = find_duplicates(&c, &opts);
        let a = c.resolve("004").unwrap_or(usize::MAX);
        let hit = pairs
            .iter()
            .find(|p| p.a == BlockRef::new(a, 4) && p.b == BlockRef::new(a, 6));
        assert!(hit.is_some_and(|p| p.jaccard == 1.0 && p.containment == 1.0));
        assert!(
            pairs
                .iter()
                .all(|p| p.scope == Scope::Within && p.a.article == p.b.article)
        );
    }

    #[test]
    fn pairs_are_ordered_content_only_and_scoped() {
        let c = load_builtin();
        let all = find_duplicates(&c, &DupOptions::default());
        assert!(all.windows(2).all(|w| (w[0].a, w[0].b) < (w[1].a, w[1].b)));
        for p in &all {
            assert!(p.a < p.b);
            for r in [p.a, p.b] {
                assert!(c.get(r).is_some_and(|b| b.kind.is_content()));
            }
            assert_eq!(p.scope == Scope::Within, p.a.article == p.b.article);
            assert!(p.jaccard.max(p.containment) >= 0.5);
        }
        let none = DupOptions {
            within: false,
            across: false,
            ..DupOptions::default()
        };
        assert!(find_duplicates(&c, &none).is_empty());
    }

    #[test]
    fn boilerplate_pairs_hold_only_boilerplate() {
        let c = load_builtin();
        for p in find_boilerplate_duplicates(&c, &DupOptions::default()) {
            for r in [p.a, p.b] {
                assert!(c.get(r).is_some_and(|b| b.kind == BlockKind::Boilerplate));
            }
        }
    }
}
