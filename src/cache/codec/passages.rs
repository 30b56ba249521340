//! Shared passages: each group's members (block, score and Jaccard with
//! the origin) and which member is the origin; the rest of a group (its
//! scope, spread, lowest score) and the per-block lookups are made again
//! from them.

use super::super::blob::{Blob, Lazy, bytes_of, read_sizes, sizes};
use crate::analysis::dups::{Member, PassageGroup, Passages};
use crate::corpus::{BlockRef, Corpus};
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
    )
}

#[derive(Deserialize)]
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
}

fn narrow(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

impl PassagesIn<'_> {
    /// The passages of `corpus`, if every block named is one of its blocks,
    /// every group has its origin among its members and at least two
    /// members in corpus order, and every score is a share.
    pub fn passages(&self, corpus: &Corpus, counts: &[usize]) -> Option<Passages> {
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
        let mut groups = Vec::with_capacity(lens.len());
        for (&len, &origin) in lens.iter().zip(&origins) {
            let group: Vec<Member> = members.by_ref().take(len).collect::<Option<_>>()?;
            let sorted = group.windows(2).all(|w| w[0].block <= w[1].block);
            if len < 2 || origin >= len || !sorted {
                return None;
            }
            groups.push(PassageGroup::of_members(group, origin));
        }
        Some(Passages::of_groups(corpus, groups))
    }
}
