//! Reading time from a metadata line ("4 min read"): a chrome shape of
//! its own file, read in place when the line lowers plainly (see `fold`).

use super::chrome::strip_bullet;
use super::fold::Folded;
use super::line_key::phrase_key;

/// "4 min read", "10 minutes read", "Reading time: 3 min" → minutes.
pub fn read_minutes(text: &str) -> Option<u32> {
    read_minutes_of_key(&phrase_key(strip_bullet(text)))
}

/// `read_minutes` with the text's own `phrase_key` already built: that is
/// the key read unless a bullet leads the text.
pub fn read_minutes_keyed(text: &str, key: &Folded) -> Option<u32> {
    let t = text.trim();
    if strip_bullet(t).len() != t.len() {
        return read_minutes(text);
    }
    read_minutes_of_key(key)
}

fn read_minutes_of_key(key: &Folded) -> Option<u32> {
    match key.plain() {
        Some(plain) => read_minutes_plain(plain),
        None => read_minutes_lowered(key.lowered().unwrap_or_default()),
    }
}

const MINUTE_UNITS: [&str; 8] = [
    "min read",
    "mins read",
    "minute read",
    "minutes read",
    "min",
    "mins",
    "minutes",
    "min. read",
];

/// `read_minutes_lowered` on a key that lowers plainly, read in place:
/// ASCII case ignored.
fn read_minutes_plain(key: &str) -> Option<u32> {
    const READING_TIME: &str = "reading time";
    let key = match key.get(..READING_TIME.len()) {
        Some(head) if head.eq_ignore_ascii_case(READING_TIME) => {
            key[READING_TIME.len()..].trim_start_matches([':', ' '])
        }
        _ => key,
    };
    let digits = key.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let rest = key[digits..].trim();
    let unit_ok = MINUTE_UNITS.iter().any(|u| rest.eq_ignore_ascii_case(u));
    unit_ok.then(|| key[..digits].parse().ok()).flatten()
}

fn read_minutes_lowered(key: &str) -> Option<u32> {
    let key = key
        .strip_prefix("reading time")
        .map(|r| r.trim_start_matches([':', ' ']))
        .unwrap_or(key);
    let digits: String = key.chars().take_while(|c| c.is_ascii_digit()).collect();
    let rest = key[digits.len()..].trim();
    let unit_ok = MINUTE_UNITS.contains(&rest);
    (!digits.is_empty() && unit_ok)
        .then(|| digits.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The form `read_minutes` replaces: the whole key lower-cased first.
    fn read_minutes_by_lowering(text: &str) -> Option<u32> {
        let t = strip_bullet(text).trim();
        let t =
            t.trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace() || c == '…');
        read_minutes_lowered(&t.to_lowercase())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn read_in_place_as_when_lowered(
            parts in prop::collection::vec(
                prop_oneof![
                    4 => prop::sample::select(vec![
                        "Reading time", "READING TIME:", "4", "12", "min", "MIN READ", "Mins",
                        "minutes", "min. read", "- ", ":", " ", "İ", "\u{212A}", "ı", "…", "Σ", "x",
                    ]).prop_map(String::from),
                    1 => any::<char>().prop_map(String::from),
                ],
                0..7,
            )
        ) {
            let text = parts.concat();
            prop_assert_eq!(read_minutes(&text), read_minutes_by_lowering(&text), "{:?}", text);
        }
    }

    #[test]
    fn a_dotted_capital_i_is_no_i() {
        assert_eq!(read_minutes("4 MIN READ"), Some(4));
        assert_eq!(read_minutes("- 4 min read"), Some(4));
        assert_eq!(read_minutes("10 min read"), Some(10));
        assert_eq!(read_minutes("4 minutes of fame"), None);
        assert_eq!(read_minutes("Reading time: 3 MINS"), Some(3));
        assert_eq!(read_minutes("4 M\u{130}N READ"), None);
    }
}
