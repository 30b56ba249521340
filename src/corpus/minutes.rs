//! Reading time from a metadata line ("4 min read"): a chrome shape of
//! its own file, read in place when the line lowers plainly (see `fold`).

use super::chrome::{phrase_key, strip_bullet};

/// "4 min read", "10 minutes read", "Reading time: 3 min" → minutes.
pub fn read_minutes(text: &str) -> Option<u32> {
    let key = phrase_key(strip_bullet(text));
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
