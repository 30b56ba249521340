//! The near-duplicate pairs of a corpus from those of an earlier version
//! of it, when only some articles changed: a pair of two unchanged
//! articles is what it was (its two shingle sets are), so only pairs with
//! a block of a changed (or new) article are looked for.
//!
//! Those are found exactly: an inverted index of the changed blocks'
//! shingles (small), through which every content block of the corpus
//! counts the shingles it shares with each changed block. Sets are
//! de-duplicated, so the count is the exact intersection and the scores are
//! those `shingle::scores` gives; the rule is the join's
//! (`shingle::qualifies`). The work is one hash look-up per shingle of the
//! corpus plus the pairs found; only changed articles are shingled.

use super::article_sets::ArticleShingles;
use super::{DupOptions, DupPair, Scope};
use crate::analysis::shingle::{qualifies, scores_of_overlap};
use crate::corpus::BlockRef;
use crate::parallel;
use std::collections::HashMap;

/// Articles per work unit of the look-up pass.
const ARTICLE_CHUNK: usize = 64;

/// What changed between the earlier corpus and this one.
pub struct Earlier<'a> {
    /// For each article now, the index of an identical article in the
    /// earlier corpus (same content: same blocks), or `None` if it is new
    /// or changed. No earlier article is named twice.
    pub same_as: &'a [Option<usize>],
    /// The earlier corpus's pairs, found with the same options.
    pub pairs: &'a [DupPair],
}

/// How much was done again.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Work {
    /// Articles whose pairs with each other were kept.
    pub reused_articles: usize,
    /// Articles looked at again (changed or new).
    pub changed_articles: usize,
    /// Content blocks of those articles.
    pub changed_blocks: usize,
}

/// The pairs of the corpus whose article shingles are `sets` (one per
/// article, in corpus order), given the `earlier` ones; sorted by `a`
/// then `b`, equal to what `find_duplicates` gives with `opts`.
pub fn update(
    sets: &[ArticleShingles],
    earlier: &Earlier,
    opts: &DupOptions,
) -> (Vec<DupPair>, Work) {
    let mut work = Work::default();
    if !opts.within && !opts.across || opts.min_score.is_nan() || opts.min_score > 1.0 {
        return (Vec::new(), work);
    }
    let same_as = |a: usize| earlier.same_as.get(a).copied().flatten();
    let mut now_of: HashMap<usize, usize> = HashMap::new();
    for a in 0..sets.len() {
        if let Some(old) = same_as(a) {
            now_of.insert(old, a);
        }
    }
    work.reused_articles = now_of.len();
    let mut pairs: Vec<DupPair> = earlier
        .pairs
        .iter()
        .filter_map(|p| {
            let (a, b) = (*now_of.get(&p.a.article)?, *now_of.get(&p.b.article)?);
            let (x, y) = (BlockRef::new(a, p.a.block), BlockRef::new(b, p.b.block));
            let (x, y) = if x < y { (x, y) } else { (y, x) };
            Some(DupPair {
                a: x,
                b: y,
                ..p.clone()
            })
        })
        .collect();

    // The changed blocks, numbered, and their shingles' inverted index.
    let mut changed: Vec<(BlockRef, &[u64])> = Vec::new();
    let mut changed_id: HashMap<BlockRef, u32> = HashMap::new();
    for (a, article) in sets.iter().enumerate() {
        if same_as(a).is_some() {
            continue;
        }
        work.changed_articles += 1;
        for (b, set) in article.sets() {
            let r = BlockRef::new(a, b);
            changed_id.insert(r, changed.len() as u32);
            changed.push((r, set));
        }
    }
    work.changed_blocks = changed.len();
    if changed.is_empty() {
        pairs.sort_unstable_by_key(|p| (p.a, p.b));
        return (pairs, work);
    }
    let mut index: HashMap<u64, Vec<u32>> = HashMap::new();
    for (id, (_, set)) in changed.iter().enumerate() {
        for &s in *set {
            index.entry(s).or_default().push(id as u32);
        }
    }
    let t = opts.min_score.max(0.0);
    let found = parallel::map_chunks(sets.len(), ARTICLE_CHUNK, |range| {
        let mut counts = vec![0u32; changed.len()];
        let mut touched: Vec<u32> = Vec::new();
        let mut out = Vec::new();
        for a in range {
            for (b, set) in sets[a].sets() {
                let here = BlockRef::new(a, b);
                for s in set {
                    for &c in index.get(s).map_or(&[][..], Vec::as_slice) {
                        if counts[c as usize] == 0 {
                            touched.push(c);
                        }
                        counts[c as usize] += 1;
                    }
                }
                // A pair of two changed blocks is counted from both
                // sides: keep it from the later one only.
                let own = changed_id.get(&here).copied();
                for &c in &touched {
                    let shared = std::mem::take(&mut counts[c as usize]);
                    if own.is_some_and(|o| o <= c) {
                        continue;
                    }
                    let (other, other_set) = changed[c as usize];
                    let scores = scores_of_overlap(shared as usize, other_set.len(), set.len());
                    let scope = if other.article == a {
                        Scope::Within
                    } else {
                        Scope::Across
                    };
                    let wanted = match scope {
                        Scope::Within => opts.within,
                        Scope::Across => opts.across,
                    };
                    if wanted && qualifies(&scores, t) {
                        let (x, y) = if other < here {
                            (other, here)
                        } else {
                            (here, other)
                        };
                        out.push(DupPair {
                            a: x,
                            b: y,
                            jaccard: scores.jaccard,
                            containment: scores.containment,
                            scope,
                        });
                    }
                }
                touched.clear();
            }
        }
        out
    });
    pairs.extend(found.into_iter().flatten());
    pairs.sort_unstable_by_key(|p| (p.a, p.b));
    (pairs, work)
}
