//! How a topic keeps its occurrences and weights: eight bytes an entry
//! instead of sixteen. A large corpus has millions of them (10,000
//! synthetic articles: 6.3 million occurrences, 5.6 million weights), so
//! this halves the index and the drafts it is built from. Readers see
//! plain `BlockRef`s and `(article, weight)` pairs.
//!
//! Indices are stored as `u32`: a corpus with four billion articles or
//! blocks in one article would not fit in memory long before that.

use crate::analysis::prefetch::prefetch_end;
use crate::corpus::BlockRef;

fn narrow(i: usize) -> u32 {
    debug_assert!(u32::try_from(i).is_ok(), "index {i} beyond u32");
    i as u32
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Packed {
    article: u32,
    block: u32,
}

impl Packed {
    fn of(r: BlockRef) -> Self {
        Packed {
            article: narrow(r.article),
            block: narrow(r.block),
        }
    }

    fn unpack(self) -> BlockRef {
        BlockRef::new(self.article as usize, self.block as usize)
    }
}

/// A topic's blocks, sorted by (article, block), without duplicates once
/// the topic is finished.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Occurrences(Vec<Packed>);

impl Occurrences {
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn first(&self) -> Option<BlockRef> {
        self.0.first().map(|p| p.unpack())
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = BlockRef> + ExactSizeIterator + '_ {
        self.0.iter().map(|p| p.unpack())
    }

    pub fn contains(&self, r: BlockRef) -> bool {
        self.0.binary_search(&Packed::of(r)).is_ok()
    }

    /// The occurrences in one article, in reading order.
    pub fn in_article(
        &self,
        article: usize,
    ) -> impl DoubleEndedIterator<Item = BlockRef> + ExactSizeIterator + '_ {
        let a = narrow(article);
        let start = self.0.partition_point(|p| p.article < a);
        let end = self.0.partition_point(|p| p.article <= a);
        self.0[start..end.max(start)].iter().map(|p| p.unpack())
    }

    /// Room for `n` entries, so a draft whose size is known grows without
    /// doubling (a 10,000-article corpus holds millions of occurrences).
    pub(super) fn with_capacity(n: usize) -> Self {
        Occurrences(Vec::with_capacity(n))
    }

    /// Allocated room not used.
    #[cfg(test)]
    pub(super) fn spare(&self) -> usize {
        self.0.capacity() - self.0.len()
    }

    /// Ask for the memory `push` will look at (the occurrence pass is a
    /// miss per push otherwise: see `crate::analysis::prefetch`).
    pub(super) fn prefetch_end(&self) {
        prefetch_end(&self.0);
    }

    /// Add `r` unless it is the last one added (callers add in runs).
    pub(super) fn push(&mut self, r: BlockRef) {
        let p = Packed::of(r);
        if self.0.last() != Some(&p) {
            self.0.push(p);
        }
    }

    pub(super) fn append(&mut self, other: Occurrences) {
        self.0.extend(other.0);
        self.finish();
    }

    /// From (article, block) pairs already sorted and unique, as a
    /// finished list keeps them (read back from a cache), each passing
    /// `fits`: one allocation, no sort. `None` if they are not strictly
    /// increasing or one does not fit.
    pub fn from_sorted_pairs(
        pairs: impl Iterator<Item = (u32, u32)>,
        mut fits: impl FnMut(u32, u32) -> bool,
    ) -> Option<Self> {
        // Checked as collected, without a branch out: the collect then
        // writes in place (the length is known). Order is that of the
        // (article, block) key as one number.
        let (mut sound, mut first, mut last) = (true, true, 0u64);
        let v: Vec<Packed> = pairs
            .map(|(article, block)| {
                let key = (u64::from(article) << 32) | u64::from(block);
                sound &= fits(article, block) & (first | (key > last));
                (first, last) = (false, key);
                Packed { article, block }
            })
            .collect();
        sound.then_some(Occurrences(v))
    }

    /// Sorted, unique, no spare capacity.
    pub(super) fn finish(&mut self) {
        if !self.0.is_sorted() {
            self.0.sort_unstable();
        }
        self.0.dedup();
        self.0.shrink_to_fit();
    }
}

impl FromIterator<BlockRef> for Occurrences {
    fn from_iter<I: IntoIterator<Item = BlockRef>>(iter: I) -> Self {
        let mut o = Occurrences(iter.into_iter().map(Packed::of).collect());
        o.finish();
        o
    }
}

/// Sparse per-article weights: (article, weight in 0..=1), sorted by
/// article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Weights(Vec<(u32, f32)>);

impl Weights {
    /// From (article, weight) pairs sorted by article, each article once.
    pub fn from_sorted(pairs: impl IntoIterator<Item = (usize, f32)>) -> Self {
        let mut v: Vec<(u32, f32)> = pairs.into_iter().map(|(a, w)| (narrow(a), w)).collect();
        // Collected in place from a longer list: no spare room kept.
        v.shrink_to_fit();
        debug_assert!(v.windows(2).all(|w| w[0].0 < w[1].0));
        Weights(v)
    }

    /// From (article, weight) pairs sorted by article, each article once
    /// and passing `fits`, every weight in 0 (excluded) ..= 1, as a
    /// finished list keeps them (read back from a cache); `None` otherwise.
    pub fn from_checked(
        pairs: impl Iterator<Item = (u32, f32)>,
        mut fits: impl FnMut(u32) -> bool,
    ) -> Option<Self> {
        let (mut sound, mut first, mut last) = (true, true, 0u32);
        let v: Vec<(u32, f32)> = pairs
            .map(|(a, w)| {
                sound &= fits(a) & (w > 0.0) & (w <= 1.0) & (first | (a > last));
                (first, last) = (false, a);
                (a, w)
            })
            .collect();
        sound.then_some(Weights(v))
    }

    /// Articles covering the topic.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (usize, f32)> + ExactSizeIterator + '_ {
        self.0.iter().map(|&(a, w)| (a as usize, w))
    }

    /// The (article, weight) pairs of the articles in `articles`.
    pub fn in_range(
        &self,
        articles: std::ops::Range<usize>,
    ) -> impl Iterator<Item = (usize, f32)> + '_ {
        let first = self
            .0
            .partition_point(|&(a, _)| (a as usize) < articles.start);
        let end = self
            .0
            .partition_point(|&(a, _)| (a as usize) < articles.end);
        self.0[first..end.max(first)]
            .iter()
            .map(|&(a, w)| (a as usize, w))
    }

    /// The weight of `article` (0 when it does not cover the topic).
    pub fn get(&self, article: usize) -> f32 {
        let Ok(a) = u32::try_from(article) else {
            return 0.0;
        };
        self.0
            .binary_search_by_key(&a, |&(x, _)| x)
            .map_or(0.0, |i| self.0[i].1)
    }

    /// Keep the larger weight of each article.
    pub(super) fn merge_max(&mut self, other: &Weights) {
        for &(a, w) in &other.0 {
            match self.0.binary_search_by_key(&a, |&(x, _)| x) {
                Ok(i) => self.0[i].1 = self.0[i].1.max(w),
                Err(i) => self.0.insert(i, (a, w)),
            }
        }
    }
}

/// A draft's per-article amounts, added in runs by article.
#[derive(Debug, Clone, Default)]
pub struct Amounts(Vec<(u32, f32)>);

impl Amounts {
    /// Room for `n` runs (see [`Occurrences::with_capacity`]).
    pub fn with_capacity(n: usize) -> Self {
        Amounts(Vec::with_capacity(n))
    }

    /// Allocated room not used.
    #[cfg(test)]
    pub fn spare(&self) -> usize {
        self.0.capacity() - self.0.len()
    }

    /// Ask for the memory `add` will look at.
    pub(super) fn prefetch_end(&self) {
        prefetch_end(&self.0);
    }

    pub fn add(&mut self, article: usize, amount: f32) {
        let a = narrow(article);
        match self.0.last_mut() {
            Some((b, x)) if *b == a => *x += amount,
            _ => self.0.push((a, amount)),
        }
    }

    /// Merged and sorted by article, in place (the amounts of an article
    /// summed in the order they were added).
    pub fn merged(self) -> Vec<(u32, f32)> {
        let mut amounts = self.0;
        if !amounts.is_sorted_by_key(|&(a, _)| a) {
            amounts.sort_by_key(|&(a, _)| a);
        }
        let mut kept: usize = 0;
        for i in 0..amounts.len() {
            let (a, x) = amounts[i];
            match kept.checked_sub(1).and_then(|k| amounts.get_mut(k)) {
                Some((b, y)) if *b == a => *y += x,
                _ => {
                    amounts[kept] = (a, x);
                    kept += 1;
                }
            }
        }
        amounts.truncate(kept);
        amounts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn occurrences_sort_dedup_and_split_by_article() {
        let o: Occurrences = [(2, 1), (0, 3), (0, 1), (2, 1), (1, 0)]
            .into_iter()
            .map(|(a, b)| BlockRef::new(a, b))
            .collect();
        let all: Vec<(usize, usize)> = o.iter().map(|r| (r.article, r.block)).collect();
        assert_eq!(all, vec![(0, 1), (0, 3), (1, 0), (2, 1)]);
        assert_eq!(o.in_article(0).count(), 2);
        assert_eq!(o.in_article(5).count(), 0);
        assert!(o.contains(BlockRef::new(0, 3)));
        assert!(!o.contains(BlockRef::new(0, 2)));
        assert_eq!(o.first(), Some(BlockRef::new(0, 1)));
    }

    #[test]
    fn sorted_lists_are_taken_as_they_are_and_others_refused() {
        let any = |_, _| true;
        let o = Occurrences::from_sorted_pairs([(0, 1), (0, 3), (2, 0)].into_iter(), any).unwrap();
        let again: Occurrences = [(2, 0), (0, 3), (0, 1)]
            .into_iter()
            .map(|(a, b)| BlockRef::new(a, b))
            .collect();
        assert_eq!(o, again);
        assert!(Occurrences::from_sorted_pairs([(0, 3), (0, 1)].into_iter(), any).is_none());
        assert!(Occurrences::from_sorted_pairs([(1, 1), (1, 1)].into_iter(), any).is_none());
        let below_two = |a, _| a < 2;
        assert!(Occurrences::from_sorted_pairs([(0, 1), (2, 0)].into_iter(), below_two).is_none());
        let all = |_| true;
        let w = Weights::from_checked([(0, 1.0), (3, 0.5)].into_iter(), all).unwrap();
        assert_eq!(w, Weights::from_sorted([(0, 1.0), (3, 0.5)]));
        assert!(Weights::from_checked([(3, 1.0), (0, 0.5)].into_iter(), all).is_none());
        assert!(Weights::from_checked([(0, 1.0), (0, 0.5)].into_iter(), all).is_none());
        assert!(Weights::from_checked([(0, 1.0), (3, 0.5)].into_iter(), |a| a < 3).is_none());
        for bad in [0.0, 1.5, f32::NAN] {
            assert!(Weights::from_checked([(0, bad)].into_iter(), all).is_none());
        }
    }

    #[test]
    fn weights_look_up_and_merge() {
        let mut w = Weights::from_sorted([(0, 1.0), (3, 0.5)]);
        assert_eq!(w.get(3), 0.5);
        assert_eq!(w.get(2), 0.0);
        assert_eq!(w.get(usize::MAX), 0.0);
        w.merge_max(&Weights::from_sorted([(2, 0.25), (3, 0.75)]));
        assert_eq!(
            w.iter().collect::<Vec<_>>(),
            vec![(0, 1.0), (2, 0.25), (3, 0.75)]
        );
    }

    #[test]
    fn amounts_merge_runs_in_any_order() {
        let mut a = Amounts::default();
        a.add(2, 1.0);
        a.add(0, 1.0);
        a.add(0, 2.0);
        a.add(2, 0.5);
        assert_eq!(a.merged(), vec![(0, 3.0), (2, 1.5)]);
        let mut b = Amounts::default();
        b.add(1, 1.0);
        b.add(3, 2.0);
        assert_eq!(b.merged(), vec![(1, 1.0), (3, 2.0)]);
    }
}
