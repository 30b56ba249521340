//! A similarity shown to two decimals, rounded down. Rounded to nearest,
//! a pair scored 0.346 would read "0.35" beside a threshold of 0.35 that
//! it did not reach; rounded down, a shown score is at or above a shown
//! threshold exactly when the pair reached it.

use std::fmt;

/// A score in 0–1 for display: `Score(0.346)` shows as "0.34".
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score(pub f64);

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // No nudge before the floor: scores are f32 probabilities widened,
        // and a threshold of 0.35 is the f64 nearest 0.35, so a score that
        // reads 0.35 after the floor is one the comparison let through.
        let hundredths = (self.0 * 100.0).floor().clamp(0.0, 100.0);
        write!(f, "{:.2}", hundredths / 100.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_at_a_threshold_only_when_it_reaches_it() {
        let threshold = 0.35_f64;
        for p in [
            0.346_f32, 0.349_999, 0.35, 0.350_001, 0.351, 0.999, 1.0, 0.0,
        ] {
            let p = f64::from(p);
            let shown: f64 = Score(p).to_string().parse().unwrap();
            assert_eq!(shown >= threshold, p >= threshold, "{p} shown as {shown}");
        }
        assert_eq!(Score(0.346).to_string(), "0.34");
        assert_eq!(Score(1.0).to_string(), "1.00");
        assert_eq!(Score(0.5).to_string(), "0.50");
        assert_eq!(Score(-0.1).to_string(), "0.00");
    }
}
