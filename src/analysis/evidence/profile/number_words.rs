//! Numbers as writers spell them: one outlet writes "Eleven people were
//! hurt" and another "11 people", one "$3.5 million" and another
//! "$3,500,000". Both read as the same number here, so a fact told with a
//! number in words and in digits shares that number as evidence.
//!
//! "one" alone is left out: "one of the", "no one" and "the one who" are
//! far commoner in news text than the count, and a spurious number would
//! count against pairs that do not write it ([`super::super::Signals`]'s
//! `numbers_conflict`). It still counts before a multiplier ("one million").

/// The value of a number word below a hundred (`twenty-five` too).
pub(super) fn small_value(word: &str) -> Option<u64> {
    // Every number word starts with one of these letters and is at most
    // nine letters long (compounds excepted): most words stop here, as
    // every word of every block is asked.
    let first = word.as_bytes().first()?.to_ascii_lowercase();
    if !b"zotfsen".contains(&first) || (word.len() > 9 && !word.contains('-')) {
        return None;
    }
    if let Some((tens, unit)) = word.split_once('-') {
        let (t, u) = (small_value(tens)?, small_value(unit)?);
        return (t >= 20 && t % 10 == 0 && (1..10).contains(&u)).then_some(t + u);
    }
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(i) = UNITS.iter().position(|u| u.eq_ignore_ascii_case(word)) {
        return Some(i as u64);
    }
    TENS.iter()
        .position(|t| t.eq_ignore_ascii_case(word))
        .map(|i| 20 + 10 * i as u64)
}

/// The factor a scale word multiplies by.
pub(super) fn multiplier(word: &str) -> Option<u64> {
    const SCALES: [(&str, u64); 5] = [
        ("hundred", 100),
        ("thousand", 1_000),
        ("million", 1_000_000),
        ("billion", 1_000_000_000),
        ("trillion", 1_000_000_000_000),
    ];
    SCALES
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|&(_, m)| m)
}

/// The factor of a scale written onto its digits ("$3.5bn"). "m" and "k"
/// are also metres and kilo-: "m" is a million after a currency sign
/// ("£45m") or on a decimal before a counted word that is no dimension
/// ("3.2m tonnes", not "1.8m tall"); "k" is a thousand after a currency
/// sign only ("$50k").
pub(super) fn glued_multiplier(
    suffix: &str,
    currency: bool,
    decimal: bool,
    next: Option<&str>,
) -> Option<u64> {
    const DIMENSIONS: [&str; 12] = [
        "tall", "high", "long", "wide", "deep", "away", "above", "below", "from", "up", "down",
        "in",
    ];
    let counted = next.is_some_and(|w| {
        w.starts_with(|c: char| c.is_ascii_lowercase())
            && !DIMENSIONS.iter().any(|d| d.eq_ignore_ascii_case(w))
    });
    if suffix.eq_ignore_ascii_case("bn") {
        Some(1_000_000_000)
    } else if suffix.eq_ignore_ascii_case("tn") {
        Some(1_000_000_000_000)
    } else if suffix.eq_ignore_ascii_case("m") && (currency || decimal && counted) {
        Some(1_000_000)
    } else if suffix.eq_ignore_ascii_case("k") && currency {
        Some(1_000)
    } else {
        None
    }
}

/// "a" or "an" before a scale word counts one of it ("a hundred and
/// forty miles").
fn a_scale(words: &[&str]) -> Option<u64> {
    let article = words.first()?;
    (article.eq_ignore_ascii_case("a") || article.eq_ignore_ascii_case("an"))
        .then(|| words.get(1).and_then(|w| multiplier(w)))
        .flatten()
        .map(|_| 1)
}

/// Whether a number in words may start at this word (`read` decides).
pub(super) fn may_start(word: &str) -> bool {
    small_value(word).is_some() || word.eq_ignore_ascii_case("a") || word.eq_ignore_ascii_case("an")
}

/// A number written in words starting at `words[0]` (words of one run, no
/// punctuation between them, any case): its value and how many words it
/// took, or `None` when `words[0]` starts no number worth reading.
pub(super) fn read(words: &[&str]) -> Option<(u64, usize)> {
    let first = small_value(words.first()?).or_else(|| a_scale(words))?;
    let mut value = first;
    let mut used = 1;
    // "twenty five" written apart.
    let unit = words.get(used).and_then(|w| small_value(w));
    if let Some(u) = unit.filter(|u| value >= 20 && value % 10 == 0 && (1..10).contains(u)) {
        value += u;
        used += 1;
    }
    let mut scaled = false;
    if value < 100
        && words
            .get(used)
            .is_some_and(|w| w.eq_ignore_ascii_case("hundred"))
    {
        value *= 100;
        used += 1;
        scaled = true;
        // "one hundred and forty", "a hundred forty".
        let and = usize::from(
            words
                .get(used)
                .is_some_and(|w| w.eq_ignore_ascii_case("and")),
        );
        if let Some((rest, n)) = words.get(used + and..).and_then(read_below_hundred) {
            value += rest;
            used += and + n;
        }
    }
    if let Some(m) = words
        .get(used)
        .and_then(|w| multiplier(w))
        .filter(|m| *m > 100)
    {
        value = value.checked_mul(m)?;
        used += 1;
        scaled = true;
    }
    if first == 1 && used == 1 && !scaled {
        return None;
    }
    Some((value, used))
}

/// A number under a hundred in words ("forty", "forty two", "forty-two"):
/// its value and how many words it took.
fn read_below_hundred(words: &[&str]) -> Option<(u64, usize)> {
    let tens = small_value(words.first()?)?;
    let unit = words.get(1).and_then(|w| small_value(w));
    match unit.filter(|u| tens >= 20 && tens % 10 == 0 && (1..10).contains(u)) {
        Some(u) => Some((tens + u, 2)),
        None => Some((tens, 1)),
    }
}

/// `digits` (as `numbers` writes them: "3.5", "1200") times `factor`,
/// exactly, or `None` when that is no whole number or too large.
pub(super) fn scale(digits: &str, factor: u64) -> Option<String> {
    let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty()
        || !whole
            .bytes()
            .chain(frac.bytes())
            .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let mantissa: u128 = format!("{whole}{frac}").parse().ok()?;
    let divisor = 10u128.checked_pow(u32::try_from(frac.len()).ok()?)?;
    let product = mantissa.checked_mul(u128::from(factor))?;
    (product % divisor == 0).then(|| (product / divisor).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        s.split(' ').collect()
    }

    #[test]
    fn number_words_read_as_their_value() {
        assert_eq!(read(&words("Eleven people")), Some((11, 1)));
        assert_eq!(read(&words("twenty-five miles")), Some((25, 1)));
        assert_eq!(read(&words("twenty five miles")), Some((25, 2)));
        assert_eq!(read(&words("three hundred homes")), Some((300, 2)));
        assert_eq!(read(&words("two million dollars")), Some((2_000_000, 2)));
        assert_eq!(read(&words("one million")), Some((1_000_000, 2)));
        assert_eq!(read(&words("a hundred and forty miles")), Some((140, 4)));
        assert_eq!(read(&words("one hundred and forty miles")), Some((140, 4)));
        assert_eq!(read(&words("a hundred forty two")), Some((142, 4)));
        assert_eq!(
            read(&words("one hundred and forty thousand")),
            Some((140_000, 5))
        );
        assert_eq!(read(&words("a million people")), Some((1_000_000, 2)));
        assert_eq!(read(&words("a dozen")), None);
        assert_eq!(read(&words("a hundred and then")), Some((100, 2)));
    }

    #[test]
    fn glued_m_and_k_are_millions_and_thousands_only_where_money_or_a_count() {
        assert_eq!(glued_multiplier("m", true, false, None), Some(1_000_000));
        assert_eq!(
            glued_multiplier("m", false, true, Some("tonnes")),
            Some(1_000_000)
        );
        assert_eq!(glued_multiplier("m", false, true, Some("tall")), None);
        assert_eq!(glued_multiplier("m", false, false, Some("race")), None);
        assert_eq!(glued_multiplier("k", true, false, None), Some(1_000));
        assert_eq!(glued_multiplier("k", false, false, Some("run")), None);
    }

    #[test]
    fn one_alone_and_non_numbers_are_not_read() {
        assert_eq!(read(&words("one of the")), None);
        assert_eq!(read(&words("someone said")), None);
        assert_eq!(read(&words("twenty-one")), Some((21, 1)));
        assert_eq!(
            read(&words("five-year plan")),
            None,
            "not a compound number"
        );
        assert_eq!(read(&words("forty-forty")), None);
    }

    #[test]
    fn digits_scale_exactly() {
        assert_eq!(scale("3.5", 1_000_000).as_deref(), Some("3500000"));
        assert_eq!(scale("1.2", 1_000_000_000).as_deref(), Some("1200000000"));
        assert_eq!(scale("12", 1_000).as_deref(), Some("12000"));
        assert_eq!(scale("0.0005", 1_000).as_deref(), None, "not whole");
        assert_eq!(scale("A614", 1_000), None, "a name, not a number");
    }
}
