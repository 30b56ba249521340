//! One point, two blocks: when one outlet splits a point over two
//! paragraphs (or states it twice), the alignment pairs each block once, and
//! the second block would read as unpaired. Such a block is marked with the
//! block of the other side whose point it also makes.

use super::AlignedRow;
use super::scores::Scored;

/// Set `also` on unpaired rows whose block's best eligible partner is
/// paired elsewhere.
pub(super) fn mark(rows: &mut [AlignedRow], eligible: &[Scored], chosen: &[Scored]) {
    let best = |pick: &dyn Fn(&Scored) -> bool| -> Option<Scored> {
        eligible
            .iter()
            .filter(|p| pick(p))
            .max_by(|a, b| a.weight().total_cmp(&b.weight()))
            .copied()
    };
    let paired_left = |i: usize| chosen.iter().any(|c| c.i == i);
    let paired_right = |j: usize| chosen.iter().any(|c| c.j == j);
    for row in rows.iter_mut().filter(|r| !r.kind.is_paired()) {
        row.also = match (row.left, row.right) {
            (Some(i), None) => best(&|p| p.i == i)
                .filter(|p| paired_right(p.j))
                .map(|p| p.j),
            (None, Some(j)) => best(&|p| p.j == j)
                .filter(|p| paired_left(p.i))
                .map(|p| p.i),
            _ => None,
        };
    }
}
