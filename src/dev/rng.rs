//! The one seeded pseudo-random generator of parallax's tests, benchmarks
//! and synthetic corpora: the same numbers on every machine, so a
//! generated input, and a failure found with it, repeats.

/// splitmix64: tiny, fast, and good enough for test data.
#[derive(Debug, Clone)]
pub struct Rng {
    state: u64,
}

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// Uniform in `lo..=hi`.
    pub fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }

    /// Zipf-like: an index in `0..n` where index r comes with probability
    /// about ∝ 1/(r+1), so small indices far more often (0 when `n` is 0).
    pub fn skewed(&mut self, n: usize) -> usize {
        let rank = ((n as f64).powf(self.unit()) as usize).saturating_sub(1);
        rank.min(n.saturating_sub(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream() {
        let (mut a, mut b) = (Rng::new(7), Rng::new(7));
        let xs: Vec<u64> = (0..5).map(|_| a.next_u64()).collect();
        let ys: Vec<u64> = (0..5).map(|_| b.next_u64()).collect();
        assert_eq!(xs, ys);
        assert_ne!(
            xs,
            (0..5).map(|_| Rng::new(8).next_u64()).collect::<Vec<_>>()
        );
    }

    #[test]
    fn ranges_hold() {
        let mut r = Rng::new(1);
        for _ in 0..1000 {
            assert!((3..=9).contains(&r.between(3, 9)));
            let u = r.unit();
            assert!((0.0..1.0).contains(&u));
        }
        assert_eq!(r.below(0), 0);
    }

    #[test]
    fn skewed_stays_in_range_and_favours_small_indices() {
        let mut r = Rng::new(5);
        assert_eq!(r.skewed(0), 0);
        assert_eq!(r.skewed(1), 0);
        let draws: Vec<usize> = (0..4000).map(|_| r.skewed(100)).collect();
        assert!(draws.iter().all(|&d| d < 100));
        let low = draws.iter().filter(|&&d| d < 10).count();
        let high = draws.iter().filter(|&&d| d >= 90).count();
        assert!(low > 4 * high, "{low} low, {high} high");
    }
}
