//! Turning chosen pairs into display rows: left order is kept throughout;
//! unpaired right blocks are placed just before the next in-order pair (so
//! right order is kept too, except on moved rows, which sit at their left
//! position). `order` then brings those right blocks ahead of the moved
//! rows before that pair.

use super::scores::Scored;
use super::{AlignedRow, RepeatOf};

/// Pairs chosen by the alignment.
pub(super) struct Chosen<'a> {
    /// Monotone pairs, increasing in both i and j.
    pub in_order: &'a [Scored],
    /// Pairs that cross the in-order ones.
    pub moved: &'a [Scored],
}

pub(super) fn assemble(
    left_len: usize,
    right_len: usize,
    chosen: &Chosen,
    left_repeats: &[Option<usize>],
    right_repeats: &[Option<usize>],
) -> Vec<AlignedRow> {
    // For each left block: its pair and whether it is moved.
    let mut by_left: Vec<Option<(Scored, bool)>> = vec![None; left_len];
    let mut right_taken = vec![false; right_len];
    let pairs = chosen.in_order.iter().map(|p| (p, false));
    for (p, moved) in pairs.chain(chosen.moved.iter().map(|p| (p, true))) {
        // Guard against a block claimed twice: the first claim wins and the
        // other block stays unpaired, so each block still shows once.
        let free = by_left.get(p.i).is_some_and(Option::is_none)
            && right_taken.get(p.j).is_some_and(|t| !t);
        if free {
            by_left[p.i] = Some((*p, moved));
            right_taken[p.j] = true;
        }
    }
    let repeat = |left: Option<usize>, right: Option<usize>| {
        let l = left.and_then(|i| left_repeats.get(i).copied().flatten());
        let r = right.and_then(|j| right_repeats.get(j).copied().flatten());
        (l.is_some() || r.is_some()).then_some(RepeatOf { left: l, right: r })
    };
    let unpaired = |left: Option<usize>, right: Option<usize>| AlignedRow {
        repeat_of: repeat(left, right),
        ..AlignedRow::unpaired(left, right)
    };
    let mut rows = Vec::with_capacity(left_len + right_len);
    let mut next_right = 0;
    for (i, pair) in by_left.iter().enumerate() {
        match pair {
            Some((p, false)) if p.j >= next_right => {
                rows.extend(
                    free_rights(&right_taken, next_right..p.j).map(|j| unpaired(None, Some(j))),
                );
                rows.push(paired(p, false, repeat(Some(i), Some(p.j))));
                next_right = p.j + 1;
            }
            // A pair out of right order is shown as moved even if it came
            // in as in-order (cannot happen with a monotone chain, but the
            // row invariants must hold whatever the input).
            Some((p, _)) => rows.push(paired(p, true, repeat(Some(i), Some(p.j)))),
            None => rows.push(unpaired(Some(i), None)),
        }
    }
    rows.extend(free_rights(&right_taken, next_right..right_len).map(|j| unpaired(None, Some(j))));
    rows
}

/// Right blocks in `range` that no pair took.
fn free_rights(taken: &[bool], range: std::ops::Range<usize>) -> impl Iterator<Item = usize> + '_ {
    range.filter(|&j| taken.get(j).is_some_and(|t| !t))
}

fn paired(p: &Scored, moved: bool, repeat_of: Option<RepeatOf>) -> AlignedRow {
    AlignedRow {
        left: Some(p.i),
        right: Some(p.j),
        kind: p.kind,
        similarity: p.similarity,
        moved,
        repeat_of,
        also: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::align::RowKind;

    fn s(i: usize, j: usize) -> Scored {
        Scored {
            i,
            j,
            kind: RowKind::Near,
            similarity: 0.9,
            excerpt: None,
        }
    }

    fn shape(rows: &[AlignedRow]) -> Vec<(Option<usize>, Option<usize>, bool)> {
        rows.iter().map(|r| (r.left, r.right, r.moved)).collect()
    }

    #[test]
    fn gaps_show_left_then_right_and_moved_rows_sit_at_left() {
        let in_order = [s(1, 2), s(3, 3)];
        let moved = [s(2, 0)];
        let chosen = Chosen {
            in_order: &in_order,
            moved: &moved,
        };
        let rows = assemble(5, 5, &chosen, &[None; 5], &[None; 5]);
        assert_eq!(
            shape(&rows),
            [
                (Some(0), None, false),
                (None, Some(1), false),
                (Some(1), Some(2), false),
                (Some(2), Some(0), true),
                (Some(3), Some(3), false),
                (Some(4), None, false),
                (None, Some(4), false),
            ]
        );
        assert_eq!(rows[0].kind, RowKind::LeftOnly);
        assert_eq!(rows[1].kind, RowKind::RightOnly);
    }

    #[test]
    fn repeats_are_named_per_side() {
        let in_order = [s(0, 0), s(2, 2)];
        let chosen = Chosen {
            in_order: &in_order,
            moved: &[],
        };
        let rows = assemble(
            3,
            3,
            &chosen,
            &[None, None, Some(0)],
            &[None, Some(0), None],
        );
        assert_eq!(
            rows.iter().map(|r| r.repeat_of).collect::<Vec<_>>(),
            [
                None,
                None,
                Some(RepeatOf {
                    left: None,
                    right: Some(0)
                }),
                Some(RepeatOf {
                    left: Some(0),
                    right: None
                }),
            ]
        );
    }

    #[test]
    fn double_claims_and_bad_indices_do_not_break_invariants() {
        let in_order = [s(0, 1), s(1, 1), s(9, 0)];
        let moved = [s(2, 0), s(2, 7)];
        let chosen = Chosen {
            in_order: &in_order,
            moved: &moved,
        };
        let rows = assemble(3, 2, &chosen, &[], &[]);
        let mut lefts: Vec<usize> = rows.iter().filter_map(|r| r.left).collect();
        let mut rights: Vec<usize> = rows.iter().filter_map(|r| r.right).collect();
        lefts.sort_unstable();
        rights.sort_unstable();
        assert_eq!(lefts, [0, 1, 2]);
        assert_eq!(rights, [0, 1]);
    }
}
