//! Identical sets, grouped: wire paragraphs copied verbatim by many outlets
//! (and repeated headings) would otherwise make the prefix filter scan a
//! cluster of k copies k² times over. The join runs on one representative
//! per group and every pair it finds stands for all pairs of members, with
//! the same scores; members of one group pair with each other at 1.0.

use crate::parallel;
use std::ops::Range;

/// Sets per work unit when fingerprinting.
const CHUNK: usize = 4096;

/// A partition of set numbers into groups of identical sets.
#[derive(Debug, Clone, Default)]
pub(super) struct Groups {
    /// Members of group `g`, increasing: `members[start[g]..start[g + 1]]`.
    /// Groups are ordered by their first (smallest) member.
    start: Vec<usize>,
    members: Vec<u32>,
    /// Number of sets grouped.
    sets: usize,
}

impl Groups {
    /// Group `sets` (fewer than 2^32 of them) by exact equality.
    pub(super) fn of<S: AsRef<[u64]> + Sync>(sets: &[S]) -> Groups {
        let mut keyed: Vec<(u64, u32)> = parallel::map_chunks(sets.len(), CHUNK, |r| {
            r.map(|i| (fingerprint(sets[i].as_ref()), i as u32))
                .collect::<Vec<_>>()
        })
        .into_iter()
        .flatten()
        .collect();
        keyed.sort_unstable();
        // Split runs of equal fingerprints into truly equal sets (a run is
        // almost always one group; a collision only costs comparisons).
        let mut groups: Vec<Vec<u32>> = Vec::new();
        let mut run: Vec<usize> = Vec::new();
        let mut i = 0;
        while i < keyed.len() {
            let mut j = i;
            run.clear();
            while j < keyed.len() && keyed[j].0 == keyed[i].0 {
                let s = keyed[j].1;
                let set = sets[s as usize].as_ref();
                match run
                    .iter()
                    .find(|&&g| sets[groups[g][0] as usize].as_ref() == set)
                {
                    Some(&g) => groups[g].push(s),
                    None => {
                        run.push(groups.len());
                        groups.push(vec![s]);
                    }
                }
                j += 1;
            }
            i = j;
        }
        groups.sort_unstable_by_key(|g| g[0]);
        let mut start = Vec::with_capacity(groups.len() + 1);
        start.push(0);
        let mut members = Vec::with_capacity(sets.len());
        for g in groups {
            members.extend(g);
            start.push(members.len());
        }
        Groups {
            start,
            members,
            sets: sets.len(),
        }
    }

    pub(super) fn len(&self) -> usize {
        self.start.len().saturating_sub(1)
    }

    /// Number of sets grouped.
    pub(super) fn sets(&self) -> usize {
        self.sets
    }

    pub(super) fn members(&self, g: usize) -> &[u32] {
        self.start
            .get(g..g + 2)
            .map_or(&[], |w| &self.members[w[0]..w[1]])
    }

    /// The representative of group `g`: its smallest member.
    pub(super) fn rep(&self, g: usize) -> usize {
        self.members(g).first().map_or(0, |&m| m as usize)
    }

    /// Group numbers in `r` with two or more members.
    pub(super) fn shared(&self, r: Range<usize>) -> impl Iterator<Item = usize> + '_ {
        r.filter(|&g| self.members(g).len() >= 2)
    }
}

/// Order-free 64-bit digest of a set (its elements are distinct): equal
/// sets always agree; unequal ones rarely do.
fn fingerprint(set: &[u64]) -> u64 {
    set.iter().fold(set.len() as u64, |h, &x| {
        h.wrapping_add((x ^ 0x9e37_79b9_7f4a_7c15).wrapping_mul(0xbf58_476d_1ce4_e5b9))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_sets_share_a_group_and_others_do_not() {
        let sets: Vec<Vec<u64>> = vec![
            vec![1, 2, 3],
            vec![4],
            vec![1, 2, 3],
            vec![],
            vec![1, 2],
            vec![1, 2, 3],
            vec![],
        ];
        let g = Groups::of(&sets);
        assert_eq!(g.sets(), 7);
        assert_eq!(g.len(), 4);
        let all: Vec<Vec<u32>> = (0..g.len()).map(|i| g.members(i).to_vec()).collect();
        assert_eq!(all, vec![vec![0, 2, 5], vec![1], vec![3, 6], vec![4]]);
        assert_eq!(g.rep(2), 3);
        assert_eq!(g.shared(0..g.len()).collect::<Vec<_>>(), vec![0, 2]);
        assert!(g.members(99).is_empty());
    }

    #[test]
    fn fingerprint_ignores_nothing_that_matters() {
        assert_ne!(fingerprint(&[1, 2]), fingerprint(&[1, 3]));
        assert_ne!(fingerprint(&[]), fingerprint(&[0]));
        assert_eq!(fingerprint(&[5, 9]), fingerprint(&[5, 9]));
    }
}
