//! Within-article repeats: a block whose shingles mostly re-use an earlier
//! block of the same article (a pasted intro, a repeated pull quote).
//! Found through an inverted index of shingles, so long articles do not
//! compare every block with every other.

use super::role::Role;
use crate::analysis::shingle;
use std::collections::HashMap;

/// Earlier blocks remembered per shingle; a shingle in more blocks than
/// this is chrome-like and the earliest ones are enough to name an origin.
const MAX_POSTING: usize = 64;

/// Earlier blocks a block shares shingles with: (block, better shingle
/// score), by block.
pub(super) type Echoes = Vec<Vec<(usize, f64)>>;

/// For each block, the earlier blocks of the same role it shares shingles
/// with and how much. Computed once per article; [`earliest`] then applies
/// any threshold cheaply.
pub(super) fn echoes(shingles: &[Vec<u64>], roles: &[Role]) -> Echoes {
    let mut postings: HashMap<u64, Vec<usize>> = HashMap::new();
    let mut out = vec![Vec::new(); shingles.len()];
    let mut earlier: Vec<usize> = Vec::new();
    for (b, sh) in shingles.iter().enumerate() {
        let role = roles.get(b).copied().unwrap_or(Role::Unpaired);
        if role == Role::Unpaired || sh.is_empty() {
            continue;
        }
        earlier.clear();
        for s in sh {
            if let Some(list) = postings.get(s) {
                earlier.extend_from_slice(list);
            }
        }
        earlier.sort_unstable();
        earlier.dedup();
        out[b] = earlier
            .iter()
            .filter(|&&a| roles.get(a) == Some(&role))
            .map(|&a| (a, shingle::scores(&shingles[a], sh).max()))
            .filter(|&(_, score)| score > 0.0)
            .collect();
        for &s in sh {
            let list = postings.entry(s).or_default();
            if list.len() < MAX_POSTING {
                list.push(b);
            }
        }
    }
    out
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
}
