//! Counts of one article's phrases: a small open-addressing table that is
//! emptied in constant time (a generation stamp) between articles, and
//! walked in insertion order. Much cheaper than a general hash map for the
//! few thousand phrases of an article.

use super::gram::Gram;

#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    key: Gram,
    count: u32,
    /// In use when equal to the current generation.
    stamp: u32,
}

#[derive(Debug, Default)]
pub struct LocalCounts {
    slots: Vec<Slot>,
    generation: u32,
    /// Slots in use, in insertion order.
    used: Vec<usize>,
}

/// Fibonacci hashing: the top bits of a multiply pick the slot.
fn slot(g: Gram, bits: u32) -> usize {
    (g.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - bits)) as usize
}

impl LocalCounts {
    pub fn clear(&mut self) {
        self.used.clear();
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            self.slots.iter_mut().for_each(|s| s.stamp = 0);
            self.generation = 1;
        }
    }

    #[inline]
    pub fn add(&mut self, g: Gram) {
        if (self.used.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let bits = self.slots.len().trailing_zeros();
        let mask = self.slots.len() - 1;
        let mut i = slot(g, bits);
        while let Some(s) = self.slots.get_mut(i) {
            if s.stamp != self.generation {
                *s = Slot {
                    key: g,
                    count: 1,
                    stamp: self.generation,
                };
                self.used.push(i);
                return;
            }
            if s.key == g {
                s.count += 1;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /// (gram, count) in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (Gram, u32)> + '_ {
        self.used
            .iter()
            .filter_map(|&i| self.slots.get(i))
            .map(|s| (s.key, s.count))
    }

    fn grow(&mut self) {
        let entries: Vec<(Gram, u32)> = self.iter().collect();
        let size = (self.slots.len() * 2).max(1024);
        self.slots = vec![Slot::default(); size];
        self.generation = 1;
        self.used.clear();
        for (g, n) in entries {
            self.add(g);
            if let Some(s) = self.used.last().and_then(|&i| self.slots.get_mut(i)) {
                s.count = n;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_survive_growth_and_clear_empties() {
        let mut c = LocalCounts::default();
        for round in 0..3u64 {
            c.clear();
            for g in 1..=5_000u64 {
                c.add(g * 7 + round);
                if g % 3 == 0 {
                    c.add(g * 7 + round);
                }
            }
            let all: Vec<(Gram, u32)> = c.iter().collect();
            assert_eq!(all.len(), 5_000);
            assert_eq!(all[0], (7 + round, 1));
            assert_eq!(all[2], (21 + round, 2));
            assert_eq!(
                all.iter().map(|&(_, n)| n as usize).sum::<usize>(),
                5_000 + 1_666
            );
        }
    }
}
