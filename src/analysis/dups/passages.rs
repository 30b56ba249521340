//! Shared passages: the near-duplicate pairs gathered into groups, one per
//! independent origin. A paragraph carried by forty outlets is one group
//! of forty members, not 780 pairs.
//!
//! The groups are made from the join's distinct sets (`DistinctPairs`):
//! identical shingle sets are one node however many blocks have them, so
//! a block copied into thousands of articles costs one node and no pairs.
//!
//! Groups are stars around an origin, never chains. Nodes are taken in
//! order of most copies, then shortest (the passage rather than a longer
//! paragraph that holds it), then most near-duplicates, then first in the
//! corpus; a node not yet in a group anchors one, made of its copies and
//! every node that near-duplicates it directly (those are then taken, so
//! they anchor no group of their own, but may appear in the group of
//! another origin they also pair with). Every member pairs with the origin
//! itself, so a chain of weak pairs (A ≈ B ≈ C with A and C unrelated)
//! never puts A and C together, and a long paragraph that quotes two
//! different wire paragraphs belongs to both groups without merging them.

use super::block_groups::BlockGroups;
use super::{DistinctPairs, JoinIndex};
use crate::analysis::hashing::FastMap;
use crate::corpus::{BlockRef, Corpus};
use std::collections::HashSet;

/// Where a group's members are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupScope {
    /// All in one article (repeats).
    Within,
    /// One per article.
    Across,
    /// Several articles, one of them with more than one member.
    Both,
}

/// One member of a group: a block and how it compares with the origin.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Member {
    pub block: BlockRef,
    /// Containment with the origin (1 for the origin and its copies).
    pub score: f64,
    pub jaccard: f64,
}

/// One shared passage: its members in corpus order.
#[derive(Debug, Clone, PartialEq)]
pub struct PassageGroup {
    pub members: Vec<Member>,
    /// The member whose text the others were compared with.
    pub origin: usize,
    pub scope: GroupScope,
    /// The lowest score of a member with the origin.
    pub min_score: f64,
    /// How many articles have a member.
    pub articles: usize,
}

/// Every shared passage of a corpus, and which groups each block is in.
#[derive(Debug, Clone, Default)]
pub struct Passages {
    pub groups: Vec<PassageGroup>,
    by_block: BlockGroups<Shared>,
}

/// How a block is shared, for a mark beside it (strongest first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Shared {
    /// Another article has the very same text.
    Verbatim,
    /// Another article has it with edits.
    Edited,
    /// Only this article has it again.
    Repeated,
}

impl Shared {
    /// Every mark, strongest first.
    pub const ALL: [Shared; 3] = [Shared::Verbatim, Shared::Edited, Shared::Repeated];
}

impl Passages {
    /// Group the blocks `refs` of `corpus` (numbered as the sets of
    /// `index`) from the join's distinct pairs; largest spread first.
    pub fn group(
        corpus: &Corpus,
        index: &JoinIndex,
        distinct: &DistinctPairs,
        refs: &[BlockRef],
    ) -> Passages {
        Passages::of_groups(corpus, star_groups(index, distinct, refs))
    }

    /// Passages made of these groups (as [`Passages::group`] ordered them;
    /// how a cached analysis is put back together).
    pub fn of_groups(corpus: &Corpus, groups: Vec<PassageGroup>) -> Passages {
        let marks = marks(corpus, &groups);
        // The strongest mark of a block over its groups (one mark per
        // member, merged always: never `None`).
        let by_block = BlockGroups::of(members(&groups), &marks, |a, b| Some(a.min(b)));
        Passages {
            by_block: by_block.unwrap_or_default(),
            groups,
        }
    }

    /// Passages made of these groups, with each member's mark (group by
    /// group, in order) as [`Passages::shared`] gave it: how a cache puts
    /// them back without comparing the members' texts again. `None` if
    /// there is not one mark per member, or a block's marks disagree.
    pub fn with_marks(groups: Vec<PassageGroup>, marks: &[Shared]) -> Option<Passages> {
        let by_block = BlockGroups::of(members(&groups), marks, |a, b| (a == b).then_some(a))?;
        Some(Passages { groups, by_block })
    }

    /// The groups `block` is in, largest spread first.
    pub fn of_block(&self, block: BlockRef) -> &[usize] {
        self.by_block.groups_of(block)
    }

    /// How `block` is shared, if it is.
    pub fn shared(&self, block: BlockRef) -> Option<Shared> {
        self.by_block.mark(block)
    }
}

/// Each member's block and group, group by group.
fn members(groups: &[PassageGroup]) -> impl Iterator<Item = (BlockRef, usize)> + '_ {
    (groups.iter().enumerate())
        .flat_map(|(g, group)| group.members.iter().map(move |m| (m.block, g)))
}

/// How each member is shared (group by group, in order): verbatim in
/// another article if another article's member has the same text as
/// written (`text::same_as_written`, plain equality, so texts are keys),
/// else edited if its group spans articles, else repeated. A block's
/// mark is the strongest of its members'.
fn marks(corpus: &Corpus, groups: &[PassageGroup]) -> Vec<Shared> {
    let mut out = Vec::with_capacity(groups.iter().map(|g| g.members.len()).sum());
    for g in groups {
        let text = |b: BlockRef| corpus.get(b).map_or("", |b| b.text.as_str());
        // Each text: the first article with it, and whether another has it.
        let mut texts: FastMap<&str, (usize, bool)> = FastMap::default();
        for m in &g.members {
            let e = texts
                .entry(text(m.block))
                .or_insert((m.block.article, false));
            e.1 |= e.0 != m.block.article;
        }
        for m in &g.members {
            let mark = if texts.get(text(m.block)).is_some_and(|e| e.1) {
                Shared::Verbatim
            } else if g.articles > 1 {
                Shared::Edited
            } else {
                Shared::Repeated
            };
            out.push(mark);
        }
    }
    out
}

/// The groups, largest spread first (then most members, then first block).
fn star_groups(
    index: &JoinIndex,
    distinct: &DistinctPairs,
    refs: &[BlockRef],
) -> Vec<PassageGroup> {
    let nodes = index.distinct_sets();
    let mut next: Vec<Vec<(usize, f64, f64)>> = vec![Vec::new(); nodes];
    for p in distinct.iter() {
        let (c, j) = (p.scores.containment, p.scores.jaccard);
        next[p.a].push((p.b, c, j));
        next[p.b].push((p.a, c, j));
    }
    let copies = |n: usize| index.copies(n);
    let mut order: Vec<usize> = (0..nodes)
        .filter(|&n| copies(n).len() >= 2 || !next[n].is_empty())
        .collect();
    order.sort_by_key(|&n| {
        let first = copies(n).first().copied().unwrap_or(u32::MAX);
        (
            std::cmp::Reverse(copies(n).len()),
            index.set_size(n),
            std::cmp::Reverse(next[n].len()),
            first,
        )
    });
    let mut taken = vec![false; nodes];
    let mut groups = Vec::new();
    for origin in order {
        if taken[origin] {
            continue;
        }
        taken[origin] = true;
        let mut members: Vec<(u32, f64, f64)> =
            copies(origin).iter().map(|&s| (s, 1.0, 1.0)).collect();
        for &(n, c, j) in &next[origin] {
            taken[n] = true;
            members.extend(copies(n).iter().map(|&s| (s, c, j)));
        }
        members.sort_by_key(|m| m.0);
        let origin_set = copies(origin)[0];
        groups.push(make_group(&members, origin_set, refs));
    }
    groups.sort_by(|a, b| {
        (b.articles, b.members.len())
            .cmp(&(a.articles, a.members.len()))
            .then(a.members[0].block.cmp(&b.members[0].block))
    });
    groups
}

fn make_group(members: &[(u32, f64, f64)], origin_set: u32, refs: &[BlockRef]) -> PassageGroup {
    let members: Vec<Member> = members
        .iter()
        .map(|&(s, score, jaccard)| Member {
            block: refs[s as usize],
            score,
            jaccard,
        })
        .collect();
    let origin = members
        .iter()
        .position(|m| m.block == refs[origin_set as usize])
        .unwrap_or(0);
    PassageGroup::of_members(members, origin)
}

impl PassageGroup {
    /// The group of `members` (in corpus order) around `members[origin]`;
    /// its scope, spread and lowest score follow from them.
    pub fn of_members(members: Vec<Member>, origin: usize) -> PassageGroup {
        let articles = articles_of(&members);
        let scope = if articles == 1 {
            GroupScope::Within
        } else if articles == members.len() {
            // One member per article.
            GroupScope::Across
        } else {
            GroupScope::Both
        };
        let min_score = members.iter().map(|m| m.score).fold(1.0, f64::min);
        PassageGroup {
            members,
            origin,
            scope,
            min_score,
            articles,
        }
    }
}

/// How many articles have one of `members`: counted as runs when they
/// are in corpus order (as groups are made and read back), without a set.
fn articles_of(members: &[Member]) -> usize {
    let article = |i: usize| members[i].block.article;
    let pairs = || (1..members.len()).map(|i| (article(i - 1), article(i)));
    if pairs().all(|(a, b)| a <= b) {
        members.len().min(1) + pairs().filter(|(a, b)| a != b).count()
    } else {
        let set: HashSet<usize> = members.iter().map(|m| m.block.article).collect();
        set.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::shingle::shingles;

    /// Groups of these texts, each text its own block of article `i`, as
    /// lists of text numbers.
    fn grouped(texts: &[&str], same_article: bool) -> Vec<Vec<usize>> {
        let sets: Vec<Vec<u64>> = texts.iter().map(|t| shingles(t)).collect();
        let refs: Vec<BlockRef> = (0..texts.len())
            .map(|i| {
                if same_article {
                    BlockRef::new(0, i)
                } else {
                    BlockRef::new(i, 0)
                }
            })
            .collect();
        let index = JoinIndex::build(&sets).unwrap_or_default();
        let distinct = index.distinct_pairs(&sets, 0.5);
        let p = Passages::group(&Corpus::default(), &index, &distinct, &refs);
        p.groups
            .iter()
            .map(|g| {
                g.members
                    .iter()
                    .map(|m| {
                        if same_article {
                            m.block.block
                        } else {
                            m.block.article
                        }
                    })
                    .collect()
            })
            .collect()
    }

    const WIRE: &str = "the ministers met for four hours in anchorage and agreed to meet again next month in geneva";
    const OTHER: &str = "fishing quotas in the northern sea were cut by a third after a long night of talks in oslo";

    #[test]
    fn copies_and_edits_of_one_paragraph_are_one_group() {
        let edited = WIRE.replace("four", "five");
        let texts = [
            WIRE,
            OTHER,
            WIRE,
            &edited,
            WIRE,
            "unrelated words entirely here now",
        ];
        assert_eq!(grouped(&texts, false), vec![vec![0, 2, 3, 4]]);
    }

    #[test]
    fn a_paragraph_quoting_two_origins_does_not_merge_them() {
        let both = format!("{WIRE} and meanwhile {OTHER}");
        let texts = [WIRE, WIRE, OTHER, OTHER, both.as_str()];
        let groups = grouped(&texts, false);
        assert_eq!(groups, vec![vec![0, 1, 4], vec![2, 3, 4]]);
    }

    #[test]
    fn a_chain_of_weak_pairs_stays_apart() {
        // a ≈ b (b holds a), b ≈ c (b holds c), a and c unrelated.
        let b = format!("{WIRE} {OTHER}");
        let texts = [WIRE, b.as_str(), OTHER];
        let groups = grouped(&texts, false);
        assert!(
            groups.iter().all(|g| !(g.contains(&0) && g.contains(&2))),
            "{groups:?}"
        );
    }

    #[test]
    fn thousands_of_copies_are_one_node_and_no_pairs() {
        let edited = WIRE.replace("four", "five");
        let mut texts: Vec<&str> = vec![WIRE; 2000];
        texts.push(&edited);
        let sets: Vec<Vec<u64>> = texts.iter().map(|t| shingles(t)).collect();
        let refs: Vec<BlockRef> = (0..texts.len()).map(|i| BlockRef::new(i, 0)).collect();
        let index = JoinIndex::build(&sets).unwrap_or_default();
        let distinct = index.distinct_pairs(&sets, 0.5);
        // One pair of distinct sets (the copies' node and the edit), where
        // the pairs of blocks would be 2000 × 2001 / 2.
        assert_eq!(distinct.iter().count(), 1);
        let p = Passages::group(&Corpus::default(), &index, &distinct, &refs);
        assert_eq!(p.groups.len(), 1);
        assert_eq!(p.groups[0].members.len(), 2001);
        assert_eq!(p.groups[0].scope, GroupScope::Across);
        assert!(p.groups[0].min_score < 1.0);
    }

    #[test]
    fn a_group_counts_its_articles_in_any_order() {
        let m = |a, b| Member {
            block: BlockRef::new(a, b),
            score: 0.9,
            jaccard: 0.8,
        };
        use GroupScope::{Across, Both, Within};
        for (members, articles, scope) in [
            (vec![m(0, 1), m(0, 2), m(3, 0)], 2, Both),
            (vec![m(3, 0), m(0, 1), m(2, 2)], 3, Across),
            (vec![m(1, 0), m(1, 4)], 1, Within),
            // Out of corpus order: article 3's members are not one run.
            (vec![m(3, 0), m(0, 1), m(3, 2)], 2, Both),
        ] {
            let g = PassageGroup::of_members(members.clone(), 0);
            assert_eq!((g.articles, g.scope), (articles, scope), "{members:?}");
        }
    }

    #[test]
    fn scope_says_where_members_are() {
        let sets: Vec<Vec<u64>> = [WIRE, WIRE, WIRE].iter().map(|t| shingles(t)).collect();
        let index = JoinIndex::build(&sets).unwrap_or_default();
        let distinct = index.distinct_pairs(&sets, 0.5);
        let none = Corpus::default();
        let scope =
            |refs: &[BlockRef]| Passages::group(&none, &index, &distinct, refs).groups[0].scope;
        let r = BlockRef::new;
        assert_eq!(scope(&[r(0, 1), r(0, 2), r(0, 3)]), GroupScope::Within);
        assert_eq!(scope(&[r(0, 1), r(1, 2), r(2, 3)]), GroupScope::Across);
        assert_eq!(scope(&[r(0, 1), r(0, 2), r(2, 3)]), GroupScope::Both);
    }
}
