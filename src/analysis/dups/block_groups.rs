//! Which shared-passage groups each block is in, and its mark: the member
//! blocks sorted once and looked up by binary search. A map per block (a
//! tree node and a list for each of tens of thousands of blocks) cost
//! more to build, on every launch, than the reader's lookups of a whole
//! session.

use crate::corpus::BlockRef;

#[derive(Debug, Clone)]
pub(super) struct BlockGroups<M> {
    /// Every member block, sorted, once.
    blocks: Vec<BlockRef>,
    /// Where each block's groups start in `groups` (and where the last
    /// ends: one more than `blocks`).
    starts: Vec<usize>,
    /// Each block's groups, in group order.
    groups: Vec<usize>,
    /// Each block's mark.
    marks: Vec<M>,
}

impl<M> Default for BlockGroups<M> {
    fn default() -> Self {
        BlockGroups {
            blocks: Vec::new(),
            starts: Vec::new(),
            groups: Vec::new(),
            marks: Vec::new(),
        }
    }
}

/// One member: its block and its group's number.
type Member<M> = (BlockRef, usize, M);

impl<M: Copy> BlockGroups<M> {
    /// The blocks of the groups' `members` ((block, group), group by
    /// group, in order), marked: `marks` has one mark per member, and a
    /// block's mark is `merge` of its members' marks. `None` if `marks`
    /// has not one per member, or `merge` refuses two of a block's marks.
    pub(super) fn of(
        members: impl IntoIterator<Item = (BlockRef, usize)>,
        marks: &[M],
        merge: impl Fn(M, M) -> Option<M>,
    ) -> Option<BlockGroups<M>> {
        let mut marks = marks.iter();
        let mut marked: Vec<Member<M>> = Vec::with_capacity(marks.len());
        for (block, g) in members {
            marked.push((block, g, *marks.next()?));
        }
        if marks.next().is_some() {
            return None;
        }
        let marked = by_article(marked);
        let mut out = BlockGroups {
            groups: Vec::with_capacity(marked.len()),
            ..BlockGroups::default()
        };
        for (block, g, mark) in marked {
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

    /// `block`'s mark, if it is in a group.
    pub(super) fn mark(&self, block: BlockRef) -> Option<M> {
        let i = self.blocks.binary_search(&block).ok()?;
        Some(self.marks[i])
    }
}

/// `members` (in group order) sorted by block, then group: bucketed by
/// article first (a counting sort, group order kept), then each
/// article's few sorted by block alone. One sort of them all compared
/// every member with every other about seventeen times.
fn by_article<M: Copy>(members: Vec<Member<M>>) -> Vec<Member<M>> {
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

    /// The (block, group) of each member of these groups.
    fn members(groups: &[&[(usize, usize)]]) -> Vec<(BlockRef, usize)> {
        let mut out = Vec::new();
        for (g, blocks) in groups.iter().enumerate() {
            out.extend(blocks.iter().map(|&(a, b)| (BlockRef::new(a, b), g)));
        }
        out
    }

    #[test]
    fn each_block_has_its_groups_in_order_and_its_merged_mark() {
        let members = members(&[
            &[(0, 1), (2, 0)],
            &[(1, 3), (2, 0), (3, 3)],
            &[(0, 0), (2, 0)],
        ]);
        let marks = [1u8, 0, 2, 1, 0, 2, 1];
        let min = |a: u8, b: u8| Some(a.min(b));
        let index = BlockGroups::of(members.clone(), &marks, min).unwrap();
        let blocks = [(0, 0), (0, 1), (1, 3), (2, 0), (3, 3)];
        assert_eq!(index.blocks, blocks.map(|(a, b)| BlockRef::new(a, b)));
        assert_eq!(index.groups_of(BlockRef::new(2, 0)), [0, 1, 2]);
        assert_eq!(index.groups_of(BlockRef::new(0, 0)), [2]);
        assert_eq!(index.groups_of(BlockRef::new(3, 3)), [1]);
        assert_eq!(index.groups_of(BlockRef::new(3, 2)), [0usize; 0]);
        assert_eq!(index.mark(BlockRef::new(2, 0)), Some(0));
        assert_eq!(index.mark(BlockRef::new(1, 3)), Some(2));
        assert_eq!(index.mark(BlockRef::new(0, 0)), Some(2));
        assert_eq!(index.mark(BlockRef::new(0, 2)), None);
        // Marks that must agree, and do not; one mark short or too many.
        let agree = |a: u8, b: u8| (a == b).then_some(a);
        assert!(BlockGroups::of(members.clone(), &marks, agree).is_none());
        assert!(BlockGroups::of(members.clone(), &marks[1..], min).is_none());
        assert!(BlockGroups::of(members.clone(), &[0; 8], min).is_none());
        assert!(BlockGroups::of(members, &[0; 7], agree).is_some());
        let none = BlockGroups::of([], &[], agree).unwrap();
        assert_eq!(none.mark(BlockRef::new(0, 0)), None);
    }
}
