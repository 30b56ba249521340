//! The corpus table of two- and three-word counts: open addressing over
//! packed grams (never 0, so 0 marks an empty slot), with the article
//! being counted kept in the table itself. Each use of a phrase costs one
//! probe into this table and nothing else: the per-article tally (`tf`)
//! sits beside the corpus stats in the slot, and the article's slots are
//! closed (df, spread, total) when it ends. A separate per-article table
//! merged into a general hash map cost three times as much on news text,
//! where nearly every phrase of an article is new to it.

use super::gram::Gram;
use crate::analysis::hashing::home_slot as home;
use crate::analysis::prefetch::prefetch;

#[derive(Debug, Clone, Copy, Default)]
pub struct Stats {
    pub total: u32,
    /// Articles using it.
    pub df: u32,
    /// Summed (1 + ln tf) over the articles using it.
    pub spread: f32,
}

impl Stats {
    pub(super) fn add_article(&mut self, tf: u32) {
        self.total = self.total.saturating_add(tf);
        self.df += 1;
        self.spread += sublinear(tf);
    }

    pub(super) fn merge(&mut self, o: &Stats) {
        self.total = self.total.saturating_add(o.total);
        self.df += o.df;
        self.spread += o.spread;
    }
}

/// 1 + ln n, from a table for the small counts that dominate.
pub fn sublinear(n: u32) -> f32 {
    const TABLE: [f32; 8] = [
        0.0,
        1.0,
        1.693_147_2,
        2.098_612_3,
        2.386_294_4,
        2.609_438,
        2.791_759_5,
        2.945_910_3,
    ];
    match TABLE.get(n as usize) {
        Some(&v) => v,
        None => 1.0 + (n as f32).ln(),
    }
}

#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    key: Gram,
    stats: Stats,
    /// Uses in the article being counted (0 outside it).
    tf: u32,
}

#[derive(Debug, Default)]
pub struct GramTable {
    /// A power of two long, or empty.
    slots: Vec<Slot>,
    len: usize,
    /// Slots the open article has used, in first-use order.
    touched: Vec<u32>,
}

impl GramTable {
    /// Room for `entries` without growing.
    pub fn with_capacity(entries: usize) -> GramTable {
        let mut t = GramTable::default();
        t.reserve(entries);
        t
    }

    pub fn len(&self) -> usize {
        self.len
    }

    /// Make room for `more` entries (at most seven eighths full; an
    /// article is counted in a table at most three quarters full, see
    /// `reserve_for_article`).
    pub fn reserve(&mut self, more: usize) {
        self.reserve_within(more, 7, 8);
    }

    /// Room for an article of `uses` phrase uses, so the article's slots
    /// do not move while it is counted (and probes stay short).
    pub fn reserve_for_article(&mut self, uses: usize) {
        self.reserve_within(uses, 3, 4);
    }

    fn reserve_within(&mut self, more: usize, num: usize, den: usize) {
        let needed = self.len + more;
        let mut size = self.slots.len().max(16);
        while needed * den > size * num {
            size *= 2;
        }
        if size != self.slots.len() {
            self.rebuild(size);
        }
    }

    /// The entries moved to a table of `size` slots.
    fn rebuild(&mut self, size: usize) {
        let old = std::mem::replace(&mut self.slots, vec![Slot::default(); size]);
        self.len = 0;
        for s in old.into_iter().filter(|s| s.key != 0) {
            let at = self.find_or_insert(s.key);
            self.slots[at] = s;
        }
    }

    /// The slot of `g`, inserted empty if absent (room must be reserved).
    #[inline]
    fn find_or_insert(&mut self, g: Gram) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = home(g, self.slots.len().trailing_zeros());
        loop {
            let key = self.slots[i].key;
            if key == g {
                return i;
            }
            if key == 0 {
                self.slots[i].key = g;
                self.len += 1;
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    /// Ask the processor for `g`'s home slot ahead of its use: the table
    /// is far larger than the caches, so each use is a miss, and misses
    /// asked for a few uses ahead overlap instead of following one another.
    #[inline]
    pub fn prefetch(&self, g: Gram) {
        if let Some(slot) = self.slots.get(home(g, self.slots.len().trailing_zeros())) {
            prefetch(slot);
        }
    }

    /// One use of `g` in the open article (room reserved by
    /// `reserve_for_article`).
    #[inline]
    pub fn count(&mut self, g: Gram) {
        let at = self.find_or_insert(g);
        let slot = &mut self.slots[at];
        if slot.tf == 0 {
            self.touched.push(at as u32);
        }
        slot.tf += 1;
    }

    /// Close the open article: each phrase it used gets the article's
    /// uses added to its stats, and `f(gram, uses)` hears of it, in
    /// first-use order.
    pub fn close_article(&mut self, mut f: impl FnMut(Gram, u32)) {
        for &at in &self.touched {
            let Some(slot) = self.slots.get_mut(at as usize) else {
                continue;
            };
            let tf = std::mem::take(&mut slot.tf);
            slot.stats.add_article(tf);
            f(slot.key, tf);
        }
        self.touched.clear();
    }

    /// Stats of `g` merged into its entry (added if absent).
    pub fn merge(&mut self, g: Gram, stats: &Stats) {
        self.reserve(1);
        let at = self.find_or_insert(g);
        self.slots[at].stats.merge(stats);
    }

    pub fn get(&self, g: Gram) -> Option<&Stats> {
        if self.slots.is_empty() || g == 0 {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = home(g, self.slots.len().trailing_zeros());
        loop {
            let slot = self.slots.get(i)?;
            if slot.key == g {
                return Some(&slot.stats);
            }
            if slot.key == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Drop the rarest entries, leaving at most `keep`: every entry used
    /// no more often than the floor returned, the lowest from `lowest` up
    /// that leaves few enough (no article may be open). One walk of the
    /// table: each entry is tallied by total and taken out, those that may
    /// stay are put back.
    pub fn prune(&mut self, lowest: u32, keep: usize) -> u32 {
        // Entries by total, the rare totals (those a floor can reach
        // before enough are gone) one by one.
        const SMALL: usize = 256;
        let mut by_total = [0usize; SMALL];
        let mut candidates: Vec<Slot> = Vec::with_capacity(self.len);
        for s in self.slots.iter_mut().filter(|s| s.key != 0) {
            if let Some(n) = by_total.get_mut(s.stats.total as usize) {
                *n += 1;
            }
            if s.stats.total > lowest {
                candidates.push(*s);
            }
            *s = Slot::default();
        }
        let mut above = self.len;
        let mut floor = None;
        for (total, &n) in by_total.iter().enumerate() {
            above -= n;
            if total as u32 >= lowest && above <= keep {
                floor = Some(total as u32);
                break;
            }
        }
        // Too many above every small floor: the exact answer from the
        // totals themselves (descending, the floor is at least the total
        // of the entry after the first `keep`).
        let floor = floor.unwrap_or_else(|| {
            let mut totals: Vec<u32> = candidates.iter().map(|s| s.stats.total).collect();
            if totals.len() <= keep {
                return lowest;
            }
            let (_, &mut next, _) = totals.select_nth_unstable_by(keep, |a, b| b.cmp(a));
            lowest.max(next)
        });
        self.len = 0;
        for s in candidates.into_iter().filter(|s| s.stats.total > floor) {
            let at = self.find_or_insert(s.key);
            self.slots[at] = s;
        }
        floor
    }

    /// Every entry, in table order.
    pub fn iter(&self) -> impl Iterator<Item = (Gram, &Stats)> + '_ {
        self.slots
            .iter()
            .filter(|s| s.key != 0)
            .map(|s| (s.key, &s.stats))
    }

    pub fn keys(&self) -> impl Iterator<Item = Gram> + '_ {
        self.iter().map(|(g, _)| g)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_survive_growth_pruning_and_merging() {
        let mut t = GramTable::default();
        for article in 0..3u64 {
            t.reserve_for_article(20_000);
            for g in 1..=10_000u64 {
                t.count(g * 7 + article % 2);
                if g % 3 == 0 {
                    t.count(g * 7 + article % 2);
                }
            }
            let mut heard = Vec::new();
            t.close_article(|g, n| heard.push((g, n)));
            assert_eq!(heard.len(), 10_000);
            assert_eq!(
                (heard[0], heard[2]),
                ((7 + article % 2, 1), (21 + article % 2, 2))
            );
        }
        assert_eq!(t.len(), 20_000);
        let s = t.get(21).copied().expect("counted");
        assert_eq!((s.total, s.df), (4, 2));
        assert!(t.get(22).is_some() && t.get(3).is_none() && t.get(0).is_none());
        // Totals: 3,333 entries of 4, 10,000 of 2, 6,667 of 1.
        let pruned = |lowest: u32, keep: usize| {
            let mut copy = GramTable::with_capacity(t.len());
            for (g, s) in t.iter() {
                copy.merge(g, s);
            }
            let floor = copy.prune(lowest, keep);
            assert!(copy.iter().all(|(_, s)| s.total > floor));
            assert_eq!(copy.iter().count(), copy.len());
            (floor, copy.len())
        };
        assert_eq!(pruned(1, 3_333), (2, 3_333));
        assert_eq!(pruned(3, 3_333), (3, 3_333));
        assert_eq!(pruned(1, 3_332), (4, 0));
        assert_eq!(pruned(1, 20_000), (1, 13_333));
        assert_eq!(pruned(300, 5), (300, 0));
        assert_eq!(t.prune(1, 3_333), 2);
        assert_eq!(t.len(), 3_333);
        assert!(t.get(21).is_some() && t.get(14).is_none());
        let mut other = GramTable::default();
        other.reserve_for_article(1);
        other.count(21);
        other.count(5);
        other.close_article(|_, _| {});
        for (g, s) in other.iter() {
            t.merge(g, s);
        }
        assert_eq!(t.get(21).map(|s| (s.total, s.df)), Some((5, 3)));
        assert_eq!(t.get(5).map(|s| (s.total, s.df)), Some((1, 1)));
        assert_eq!(t.iter().count(), t.len());
    }
}
