//! The pairing threshold: one type for the reader's live value, the CLI
//! options, sessions and reports, so it is never converted between
//! percent and fraction by hand.

use std::fmt;

/// A pairing threshold in hundredths (0..=100) of the same-point
/// probability.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Threshold(u8);

impl Threshold {
    /// The default: pairs with at least a 35 % chance of making the same
    /// point. The probability is calibrated on gold alignments, and each
    /// block pairs with its likeliest partner only, so the pairs above a
    /// threshold are right more often than the threshold says (on held-out
    /// real coverage about 8 in 10 at 0.35; the sweep that chose it is in
    /// BENCHMARKS.md); a reader judges each pair by its evidence, and `+`
    /// keeps only surer ones.
    pub const DEFAULT: Threshold = Threshold(35);
    /// What `+` and `-` move it by.
    pub const STEP: u8 = 5;

    /// From hundredths, capped at 100.
    pub fn from_percent(p: u32) -> Threshold {
        Threshold(p.min(100) as u8)
    }

    /// From a fraction, rounded to hundredths; None outside 0..=1.
    pub fn from_fraction(f: f64) -> Option<Threshold> {
        (0.0..=1.0)
            .contains(&f)
            .then(|| Threshold((f * 100.0).round() as u8))
    }

    pub const fn percent(self) -> u32 {
        self.0 as u32
    }

    pub fn as_f64(self) -> f64 {
        f64::from(self.0) / 100.0
    }

    pub fn raised(self) -> Threshold {
        Threshold(self.0.saturating_add(Self::STEP).min(100))
    }

    pub fn lowered(self) -> Threshold {
        Threshold(self.0.saturating_sub(Self::STEP))
    }
}

impl Default for Threshold {
    fn default() -> Self {
        Threshold::DEFAULT
    }
}

impl fmt::Display for Threshold {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.2}", self.as_f64())
    }
}

impl std::str::FromStr for Threshold {
    type Err = String;

    /// "0.35" or "35%".
    fn from_str(s: &str) -> Result<Threshold, String> {
        let s = s.trim();
        let parsed = match s.strip_suffix('%') {
            Some(p) => p.trim().parse::<f64>().ok().map(|p| p / 100.0),
            None => s.parse::<f64>().ok(),
        };
        parsed.and_then(Threshold::from_fraction).ok_or_else(|| {
            format!("'{s}' is not a threshold: give a number from 0 to 1 (or 0% to 100%)")
        })
    }
}

impl serde::Serialize for Threshold {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.as_f64())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_stay_in_range_and_parse_both_forms() {
        assert_eq!(Threshold::from_percent(100).raised().percent(), 100);
        assert_eq!(Threshold::from_percent(3).lowered().percent(), 0);
        assert_eq!("0.35".parse::<Threshold>(), Ok(Threshold::from_percent(35)));
        assert_eq!("35%".parse::<Threshold>(), Ok(Threshold::from_percent(35)));
        assert!("1.5".parse::<Threshold>().is_err());
        assert!("x".parse::<Threshold>().is_err());
        assert_eq!(Threshold::DEFAULT.to_string(), "0.35");
    }
}
