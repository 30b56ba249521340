//! Which shared-passage groups each block is in, and how it is shared:
//! the member blocks sorted once and looked up by binary search. A map per
//! block (a tree node and a list for each of tens of thousands of blocks)
//! cost more to build, on every launch, than the reader's lookups of a
//! whole session.

use super::passages::{PassageGroup, Shared};
use crate::corpus::BlockRef;

#[derive(Debug, Clone, Default)]
pub(super) struct BlockGroups {
    /// Every member block, sorted, once.
    blocks: Vec<BlockRef>,
    /// Where each block's groups start in `groups` (and where the last
    /// ends: one more than `blocks`).
    starts: Vec<usize>,
    /// Each block's groups, in group order.
    groups: Vec<usize>,
    /// Each block's mark.
    marks: Vec<Shared>,
}

impl BlockGroups {
    /// The blocks of `groups`, marked: `marks` has one mark per member
    /// (group by group, in order), and a block's mark is `merge` of its
    /// members' marks. `None` if `marks` has not one per member, or
    /// `merge` refuses two of a block's marks.
    pub(super) fn of(
        groups: &[PassageGroup],
        marks: &[Shared],
        merge: impl Fn(Shared, Shared) -> Option<Shared>,
    ) -> Option<BlockGroups> {
        let mut marks = marks.iter();
        let mut members: Vec<(BlockRef, usize, Shared)> = Vec::with_capacity(marks.len());
        for (g, group) in groups.iter().enumerate() {
            for m in &group.members {
                members.push((m.block, g, *marks.next()?));
            }
        }
        if marks.next().is_some() {
            return None;
        }
        let members = by_article(members);
        let mut out = BlockGroups {
            groups: Vec::with_capacity(members.len()),
            ..BlockGroups::default()
        };
        for (block, g, mark) in members {
            match (out.blocks.last(), out.marks.last_mut()) {
                (Some(&last), Some(seen)) if last == block => *seen = merge(*seen, mark)?,
                _ => {
                    out.blocks.push(block);
                    out.starts.push(out.groups.len());
                    out.marks.push(mark);
                }
            }
            out.groups.push(g);
        }
        out.starts.push(out.groups.len());
        Some(out)
    }

    /// The groups `block` is in, in group order.
    pub(super) fn groups_of(&self, block: BlockRef) -> &[usize] {
        match self.blocks.binary_search(&block) {
            Ok(i) => &self.groups[self.starts[i]..self.starts[i + 1]],
            Err(_) => &[],
        }
    }

    /// How `block` is shared, if it is in a group.
    pub(super) fn mark(&self, block: BlockRef) -> Option<Shared> {
        let i = self.blocks.binary_search(&block).ok()?;
        Some(self.marks[i])
    }
}

/// `members` (in group order) sorted by block, then group: bucketed by
/// article first (a counting sort, group order kept), then each
/// article's few sorted by block alone. One sort of them all compared
/// every member with every other about seventeen times.
fn by_article(members: Vec<(BlockRef, usize, Shared)>) -> Vec<(BlockRef, usize, Shared)> {
    let Some(&first) = members.first() else {
        return members;
    };
    let articles = members.iter().map(|m| m.0.article).max().unwrap_or(0) + 1;
    let mut starts = vec![0usize; articles + 1];
    for m in &members {
        starts[m.0.article + 1] += 1;
    }
    for a in 0..articles {
        starts[a + 1] += starts[a];
    }
    let mut sorted = vec![first; members.len()];
    let mut next = starts.clone();
    for m in members {
        sorted[next[m.0.article]] = m;
        next[m.0.article] += 1;
    }
    for a in 0..articles {
        // Stable: a block's groups stay in group order.
        sorted[starts[a]..starts[a + 1]].sort_by_key(|m| m.0.block);
    }
    sorted
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::dups::Member;

    fn group(blocks: &[(usize, usize)]) -> PassageGroup {
        let members = blocks
            .iter()
            .map(|&(a, b)| Member {
                block: BlockRef::new(a, b),
                score: 1.0,
                jaccard: 1.0,
            })
            .collect();
        PassageGroup::of_members(members, 0)
    }

    #[test]
    fn each_block_has_its_groups_in_order_and_its_merged_mark() {
        let groups = [
            group(&[(0, 1), (2, 0)]),
            group(&[(1, 3), (2, 0), (3, 3)]),
            group(&[(0, 0), (2, 0)]),
        ];
        use Shared::{Edited, Repeated, Verbatim};
        let marks = [
            Edited, Verbatim, Repeated, Edited, Verbatim, Repeated, Edited,
        ];
        let index = BlockGroups::of(&groups, &marks, |a, b| Some(a.min(b))).unwrap();
        assert_eq!(
            index.blocks,
            [(0, 0), (0, 1), (1, 3), (2, 0), (3, 3)].map(|(a, b)| BlockRef::new(a, b))
        );
        assert_eq!(index.groups_of(BlockRef::new(2, 0)), [0, 1, 2]);
        assert_eq!(index.groups_of(BlockRef::new(0, 0)), [2]);
        assert_eq!(index.groups_of(BlockRef::new(3, 3)), [1]);
        assert_eq!(index.groups_of(BlockRef::new(3, 2)), [0usize; 0]);
        assert_eq!(index.mark(BlockRef::new(2, 0)), Some(Verbatim));
        assert_eq!(index.mark(BlockRef::new(1, 3)), Some(Repeated));
        assert_eq!(index.mark(BlockRef::new(0, 0)), Some(Repeated));
        assert_eq!(index.mark(BlockRef::new(0, 2)), None);
        // Marks that must agree, and do not; one mark short or too many.
        let agree = |a, b| (a == b).then_some(a);
        assert!(BlockGroups::of(&groups, &marks, agree).is_none());
        assert!(BlockGroups::of(&groups, &marks[1..], |a, _| Some(a)).is_none());
        assert!(BlockGroups::of(&groups, &[marks[0]; 8], |a, _| Some(a)).is_none());
        assert!(BlockGroups::of(&groups, &[marks[0]; 7], agree).is_some());
        assert!(
            BlockGroups::of(&[], &[], agree).is_some_and(|i| i.mark(BlockRef::new(0, 0)).is_none())
        );
    }
}
