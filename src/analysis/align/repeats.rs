//! Within-article repeats: a block whose shingles mostly re-use an earlier
//! block of the same article (a pasted intro, a repeated pull quote).
//!
//! Linear in the article, not quadratic: an inverted index of shingles
//! (each remembering at most [`MAX_POSTING`] earlier blocks) counts, for
//! each block, the shingles it shares with every earlier block it reaches.
//! The count is the exact intersection unless a shingle's list was full
//! and left that block out; only then are the two sets compared, and only
//! when the best score still possible could matter. What is kept per block
//! is what any threshold can ask for: the earlier blocks whose score beats
//! every block before them (the earliest block at or above a threshold is
//! always one of these).

use super::overlap::{Posting, ShingleMap};
use super::role::Role;
use crate::analysis::shingle::{overlap, scores_of_overlap};
use std::collections::hash_map::Entry;

/// Earlier blocks remembered per shingle; a shingle in more blocks than
/// this is chrome-like and the earliest ones are enough to name an origin.
const MAX_POSTING: usize = 64;

/// Per block: earlier blocks of the same role with their better shingle
/// score, by block, each score above all before it.
pub(super) type Echoes = Vec<Vec<(usize, f64)>>;

/// For each block, the earlier blocks of the same role it shares shingles
/// with that could be its earliest repeat under some threshold. Computed
/// once per article; [`earliest`] then applies any threshold cheaply.
pub(super) fn echoes(shingles: &[Vec<u64>], roles: &[Role]) -> Echoes {
    echoes_counted(shingles, roles).0
}

/// [`echoes`], and how many pairs of sets had to be compared in full.
pub(super) fn echoes_counted(shingles: &[Vec<u64>], roles: &[Role]) -> (Echoes, usize) {
    let n = shingles.len();
    // Sized once for every shingle: growing by doubling rehashes them all
    // again (a long article has a hundred thousand).
    let total: usize = shingles.iter().map(Vec::len).sum();
    let mut postings: ShingleMap<Posting> =
        ShingleMap::with_capacity_and_hasher(total, Default::default());
    let mut out = vec![Vec::new(); n];
    let mut compared = 0usize;
    // Shingles of the block at hand found in each earlier block's posting
    // lists: all of them, and those in full lists.
    let mut shared = vec![0u32; n];
    let mut in_full = vec![0u32; n];
    let mut touched: Vec<usize> = Vec::new();
    for (b, sh) in shingles.iter().enumerate() {
        let role = roles.get(b).copied().unwrap_or(Role::Unpaired);
        if role == Role::Unpaired || sh.is_empty() {
            continue;
        }
        let mut full = 0u32;
        for s in sh {
            let Some(list) = postings.get(s) else {
                continue;
            };
            let is_full = list.len() >= MAX_POSTING;
            full += u32::from(is_full);
            for &a in list.blocks() {
                if shared[a] == 0 {
                    touched.push(a);
                }
                shared[a] += 1;
                in_full[a] += u32::from(is_full);
            }
        }
        touched.sort_unstable();
        let mut best = 0.0f64;
        for &a in &touched {
            let (count, seen_full) = (shared[a], in_full[a]);
            shared[a] = 0;
            in_full[a] = 0;
            if roles.get(a) != Some(&role) {
                continue;
            }
            let (la, lb) = (shingles[a].len(), sh.len());
            // Shingles shared but missed: only in full lists without `a`.
            let missed = full - seen_full;
            let most = (count + missed) as usize;
            if scores_of_overlap(most.min(la).min(lb), la, lb).max() <= best {
                continue;
            }
            let inter = if missed == 0 {
                count as usize
            } else {
                compared += 1;
                overlap(&shingles[a], sh)
            };
            let score = scores_of_overlap(inter, la, lb).max();
            if score > best {
                out[b].push((a, score));
                best = score;
            }
        }
        touched.clear();
        for &s in sh {
            match postings.entry(s) {
                Entry::Occupied(mut list) if list.get().len() < MAX_POSTING => {
                    list.get_mut().push(b);
                }
                Entry::Occupied(_) => {}
                Entry::Vacant(slot) => {
                    slot.insert(Posting::One(b));
                }
            }
        }
    }
    (out, compared)
}

/// For each block, the earliest earlier block it near-duplicates (either
/// shingle score ≥ `near_min`); `None` for blocks that repeat nothing and
/// for metadata and boilerplate.
pub(super) fn earliest(echoes: &Echoes, near_min: f64) -> Vec<Option<usize>> {
    echoes
        .iter()
        .map(|e| {
            e.iter()
                .find(|&&(_, score)| score >= near_min)
                .map(|&(a, _)| a)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::shingle::shingles;
    use std::collections::HashMap;

    fn repeats(sh: &[Vec<u64>], roles: &[Role], near_min: f64) -> Vec<Option<usize>> {
        earliest(&echoes(sh, roles), near_min)
    }

    #[test]
    fn names_the_earliest_repeated_block() {
        let texts = [
            "Putin Trump meeting momentum is shaping a new era of diplomacy",
            "Something else entirely about energy markets and prices today",
            "Putin Trump meeting momentum is shaping a new era of diplomacy",
            "putin trump meeting momentum is shaping a new era of diplomacy!",
            "By staff",
        ];
        let sh: Vec<Vec<u64>> = texts.iter().map(|t| shingles(t)).collect();
        let roles = [
            Role::Body,
            Role::Body,
            Role::Body,
            Role::Body,
            Role::Unpaired,
        ];
        assert_eq!(
            repeats(&sh, &roles, 0.5),
            [None, None, Some(0), Some(0), None]
        );
    }

    #[test]
    fn roles_must_agree_and_threshold_applies() {
        let texts = ["Key Takeaways", "Key Takeaways", "Key Takeaways"];
        let sh: Vec<Vec<u64>> = texts.iter().map(|t| shingles(t)).collect();
        let roles = [Role::Heading, Role::Body, Role::Body];
        assert_eq!(repeats(&sh, &roles, 0.5), [None, None, Some(1)]);
        let half = ["a b c d e f g h", "a b c d e x y z w"];
        let sh: Vec<Vec<u64>> = half.iter().map(|t| shingles(t)).collect();
        assert_eq!(repeats(&sh, &[Role::Body; 2], 0.5), [None, None]);
        assert_eq!(repeats(&sh, &[Role::Body; 2], 0.2), [None, Some(0)]);
    }

    /// The scan as it was before (every candidate compared in full, every
    /// candidate kept): what the faster one must agree with.
    fn reference(shingles: &[Vec<u64>], roles: &[Role]) -> (Echoes, usize) {
        let mut postings: HashMap<u64, Vec<usize>> = HashMap::new();
        let mut out = vec![Vec::new(); shingles.len()];
        let mut compared = 0;
        for (b, sh) in shingles.iter().enumerate() {
            let role = roles[b];
            if role == Role::Unpaired || sh.is_empty() {
                continue;
            }
            let mut earlier: Vec<usize> = sh
                .iter()
                .filter_map(|s| postings.get(s))
                .flatten()
                .copied()
                .collect();
            earlier.sort_unstable();
            earlier.dedup();
            for a in earlier.into_iter().filter(|&a| roles[a] == role) {
                compared += 1;
                let score = crate::analysis::shingle::scores(&shingles[a], sh).max();
                out[b].push((a, score));
            }
            for &s in sh {
                let list = postings.entry(s).or_default();
                if list.len() < MAX_POSTING {
                    list.push(b);
                }
            }
        }
        (out, compared)
    }

    /// Blocks of a few words from a small vocabulary: shingles shared by
    /// far more than `MAX_POSTING` blocks, repeats of every degree.
    fn article(seed: u64, blocks: usize, vocabulary: usize) -> (Vec<Vec<u64>>, Vec<Role>) {
        let mut rng = crate::dev::rng::Rng::new(seed);
        let words: Vec<String> = (0..vocabulary).map(|i| format!("w{i}")).collect();
        let mut texts: Vec<String> = Vec::new();
        for _ in 0..blocks {
            let text = if !texts.is_empty() && rng.chance(0.2) {
                let mut t = texts[rng.below(texts.len())].clone();
                t.push_str(&format!(" {}", words[rng.below(vocabulary)]));
                t
            } else {
                let n = rng.between(3, 14);
                (0..n)
                    .map(|_| words[rng.skewed(vocabulary)].as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            texts.push(text);
        }
        let roles = (0..blocks)
            .map(|_| match rng.below(10) {
                0 => Role::Unpaired,
                1 => Role::Heading,
                _ => Role::Body,
            })
            .collect();
        (texts.iter().map(|t| shingles(t)).collect(), roles)
    }

    #[test]
    fn agrees_with_comparing_every_candidate_at_every_threshold() {
        for seed in 0..12 {
            let (sh, roles) = article(seed, 400, 12 + seed as usize);
            let fast = echoes(&sh, &roles);
            let (slow, _) = reference(&sh, &roles);
            for t in [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0] {
                assert_eq!(earliest(&fast, t), earliest(&slow, t), "seed {seed}, t {t}");
            }
        }
    }

    #[test]
    fn a_long_article_is_not_compared_block_by_block() {
        // 3,000 paragraphs that all share a stock phrase, each otherwise its
        // own: every block reaches every earlier one through the phrase.
        let texts: Vec<String> = (0..3000)
            .map(|i| {
                format!(
                    "according to officials familiar with the matter, item {i} of note {} here",
                    i * 7
                )
            })
            .collect();
        let sh: Vec<Vec<u64>> = texts.iter().map(|t| shingles(t)).collect();
        let roles = vec![Role::Body; sh.len()];
        let (fast, compared) = echoes_counted(&sh, &roles);
        let (slow, before) = reference(&sh, &roles);
        assert!(before > 150_000, "the old scan compared {before} pairs");
        assert!(compared <= sh.len(), "{compared} full comparisons");
        assert_eq!(earliest(&fast, 0.3), earliest(&slow, 0.3));
        assert!(
            fast.iter().all(|e| e.len() <= 2),
            "one record per score level"
        );
    }
}
