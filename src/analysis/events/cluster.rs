//! Average-linkage clustering over a sparse similarity graph: two groups
//! merge while the mean similarity of all pairs across them (a missing
//! edge counting 0) reaches the threshold. Unlike connected components,
//! one article that mentions two stories cannot chain them together.
//!
//! Cost: O(E log E) for E edges (neighbour sums merged into the larger
//! group, a heap of candidate merges with stale entries skipped).

use std::collections::{BinaryHeap, HashMap};

/// A candidate merge: mean similarity (as ordered bits; never negative),
/// the two groups and their versions when it was computed.
type Candidate = (u32, usize, usize, u32, u32);

/// Group `n` items joined by `edges` (a, b, similarity); returns each
/// item's group representative (the same for items grouped together).
pub fn average_linkage(n: usize, edges: &[(usize, usize, f32)], threshold: f32) -> Vec<usize> {
    let mut sums: Vec<HashMap<usize, f32>> = vec![HashMap::new(); n];
    for &(a, b, s) in edges {
        if a == b || a >= n || b >= n || s <= 0.0 {
            continue;
        }
        *sums[a].entry(b).or_default() += s;
        *sums[b].entry(a).or_default() += s;
    }
    let mut size = vec![1usize; n];
    let mut version = vec![0u32; n];
    let mut parent: Vec<usize> = (0..n).collect();
    let mut heap: BinaryHeap<Candidate> = BinaryHeap::new();
    let mean = |s: f32, x: usize, y: usize| s / (x * y) as f32;
    for (a, row) in sums.iter().enumerate() {
        for (&b, &s) in row {
            if a < b {
                heap.push((mean(s, 1, 1).to_bits(), a, b, 0, 0));
            }
        }
    }
    while let Some((bits, a, b, va, vb)) = heap.pop() {
        if f32::from_bits(bits) < threshold {
            break;
        }
        if parent[a] != a || parent[b] != b || version[a] != va || version[b] != vb {
            continue;
        }
        // The larger group keeps its table.
        let (keep, gone) = if sums[a].len() >= sums[b].len() {
            (a, b)
        } else {
            (b, a)
        };
        let moved = std::mem::take(&mut sums[gone]);
        sums[keep].remove(&gone);
        for (d, s) in moved {
            if d == keep {
                continue;
            }
            *sums[keep].entry(d).or_default() += s;
            if let Some(x) = sums[d].remove(&gone) {
                *sums[d].entry(keep).or_default() += x;
            }
        }
        parent[gone] = keep;
        size[keep] += size[gone];
        version[keep] += 1;
        for (&d, &s) in &sums[keep] {
            let m = mean(s, size[keep], size[d]);
            if m >= threshold {
                heap.push((m.to_bits(), keep, d, version[keep], version[d]));
            }
        }
    }
    (0..n)
        .map(|mut i| {
            while parent[i] != i {
                i = parent[i];
            }
            i
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_tight_groups_and_a_weak_bridge_stay_apart() {
        let edges = [
            (0, 1, 0.9),
            (1, 2, 0.8),
            (0, 2, 0.85),
            (3, 4, 0.9),
            (4, 5, 0.7),
            (3, 5, 0.8),
            // One article of the first story mentions the second.
            (2, 3, 0.5),
        ];
        let g = average_linkage(7, &edges, 0.3);
        assert_eq!(g[0], g[1]);
        assert_eq!(g[1], g[2]);
        assert_eq!(g[3], g[4]);
        assert_eq!(g[4], g[5]);
        assert_ne!(g[0], g[3], "the bridge does not chain them");
        assert_ne!(g[6], g[0]);
        assert_ne!(g[6], g[3]);
    }
}
