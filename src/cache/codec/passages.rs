//! Shared passages: each group's members (block, score and Jaccard with
//! the origin, and the block's mark) and which member is the origin; the
//! rest of a group (its scope, spread, lowest score) and the per-block
//! lookups are made again from them. Marks are kept rather than made
//! again: that compares every member's text with its group's.

use super::super::blob::{Blob, Lazy, bytes_of, read_sizes, sizes};
use crate::analysis::dups::passages::Shared;
use crate::analysis::dups::{Member, PassageGroup, Passages};
use crate::corpus::BlockRef;
use serde::{Deserialize, Serialize};

/// As written; read back as [`PassagesIn`].
pub fn out(passages: &Passages) -> impl Serialize + '_ {
    let groups = &passages.groups;
    let members = move || groups.iter().flat_map(|g| &g.members);
    (
        Lazy(move || sizes(&groups.iter().map(|g| g.members.len()).collect::<Vec<_>>())),
        Lazy(move || sizes(&groups.iter().map(|g| g.origin).collect::<Vec<_>>())),
        Lazy(move || {
            bytes_of(members().flat_map(|m| [m.block.article, m.block.block].map(narrow)))
        }),
        Lazy(move || bytes_of(members().map(|m| m.score))),
        Lazy(move || bytes_of(members().map(|m| m.jaccard))),
        Lazy(move || {
            members()
                .map(|m| passages.shared(m.block).map_or(u8::MAX, mark_code))
                .collect::<Vec<u8>>()
        }),
    )
}

#[derive(Deserialize, Clone)]
pub struct PassagesIn<'a> {
    #[serde(borrow)]
    lens: Blob<'a>,
    #[serde(borrow)]
    origins: Blob<'a>,
    /// article, block per member.
    #[serde(borrow)]
    refs: Blob<'a>,
    #[serde(borrow)]
    scores: Blob<'a>,
    #[serde(borrow)]
    jaccard: Blob<'a>,
    /// Each member's block's mark (`Shared::ALL` index).
    #[serde(borrow)]
    marks: Blob<'a>,
}

fn mark_code(s: Shared) -> u8 {
    Shared::ALL.iter().position(|&x| x == s).unwrap_or(0) as u8
}

fn narrow(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

impl PassagesIn<'_> {
    /// The passages of `corpus`, if every block named is one of its blocks,
    /// every group has its origin among its members and at least two
    /// members in corpus order, and every score is a share.
    pub fn passages(&self, counts: &[usize]) -> Option<Passages> {
        let lens = read_sizes(&self.lens)?;
        let origins = read_sizes(&self.origins)?;
        let refs = self.refs.read::<u32>()?;
        let scores = self.scores.read::<f64>()?;
        let jaccard = self.jaccard.read::<f64>()?;
        let n: usize = lens.iter().try_fold(0usize, |t, &l| t.checked_add(l))?;
        if origins.len() != lens.len()
            || refs.len() != 2 * n
            || scores.len() != n
            || jaccard.len() != n
            || self.marks.0.len() != n
        {
            return None;
        }
        let mut members = (0..n).map(|i| {
            let (a, b) = (refs[2 * i], refs[2 * i + 1]);
            let share = |x: f64| (0.0..=1.0).contains(&x);
            (super::in_range(counts, a, b) && share(scores[i]) && share(jaccard[i])).then(|| {
                Member {
                    block: BlockRef::new(a as usize, b as usize),
                    score: scores[i],
                    jaccard: jaccard[i],
                }
            })
        });
        let marks: Vec<Shared> = (self.marks.0.iter())
            .map(|&code| Shared::ALL.get(code as usize).copied())
            .collect::<Option<_>>()?;
        let mut groups = Vec::with_capacity(lens.len());
        for (&len, &origin) in lens.iter().zip(&origins) {
            let group: Vec<Member> = members.by_ref().take(len).collect::<Option<_>>()?;
            let sorted = group.windows(2).all(|w| w[0].block <= w[1].block);
            if len < 2 || origin >= len || !sorted {
                return None;
            }
            groups.push(PassageGroup::of_members(group, origin));
        }
        // One mark per block, whatever group it is read in.
        Passages::with_marks(groups, &marks)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analysis;
    use crate::cache::frame::{decode, encode};

    #[test]
    fn marks_are_read_back_and_a_wrong_one_is_refused() {
        let c = crate::corpus::load_builtin();
        let a = Analysis::build(&c);
        let counts = super::super::block_counts(&c);
        let bytes = encode("passages", 1, &out(&a.passages));
        let back: PassagesIn = decode(&bytes, "passages", 1).unwrap();
        assert!(back.passages(&counts).is_some());
        let n = back.marks.0.len();
        assert!(n >= 2);
        let with = |marks: Vec<u8>| PassagesIn {
            marks: Blob(marks.into()),
            ..back.clone()
        };
        assert!(with(vec![9; n]).passages(&counts).is_none(), "unknown mark");
        assert!(
            with(vec![0; n - 1]).passages(&counts).is_none(),
            "one short"
        );
        // The first group twice: its blocks are in two groups, each with
        // its mark, which must agree.
        let first = &a.passages.groups[0];
        let marks: Vec<Shared> = (first.members.iter())
            .filter_map(|m| a.passages.shared(m.block))
            .collect();
        let doubled =
            Passages::with_marks(vec![first.clone(), first.clone()], &marks.repeat(2)).unwrap();
        let bytes = encode("passages", 1, &out(&doubled));
        let back: PassagesIn = decode(&bytes, "passages", 1).unwrap();
        assert_eq!(back.passages(&counts).map(|p| p.groups.len()), Some(2));
        let mut marks = back.marks.0.to_vec();
        let last = marks.len() - 1;
        marks[last] = (marks[last] + 1) % 3;
        let flipped = PassagesIn {
            marks: Blob(marks.into()),
            ..back
        };
        assert!(flipped.passages(&counts).is_none(), "two marks for a block");
    }
}
