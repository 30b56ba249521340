//! Adjectives of names: "European" beside "Europe", "North Korean" beside
//! "North Korea". Written mostly right before a lower-case content word
//! ("European leaders", "Russian soil"), such a word is no name of its
//! own but a form of the name it comes from, as "US" is of "United
//! States"; phrases with it can still be term topics. Both conditions are
//! needed: a place is often written before a noun too ("the Alaska
//! summit", four times in five in the built-in corpus), and "Russian"
//! alone is also the language.
//!
//! The endings are English word formation, not a list of places: the name
//! less a final vowel or "y", then "-ian", "-ean", "-ese", "-ish", "-an",
//! "-ic", "-n" or "-i" (Canada → Canadian, Japan → Japanese, Israel →
//! Israeli). Irregular ones (France → French) are left as they are.

/// Endings that make an adjective of a name.
const ENDINGS: [&str; 8] = ["ian", "ean", "ese", "ish", "an", "ic", "n", "i"];
/// What the name may lose before the ending.
const DROPPED: [&str; 5] = ["", "a", "e", "o", "y"];

/// The name key that the name key `key` is an adjective of, among those
/// `is_name` accepts ("russian" → "russia", "north korean" → "north
/// korea").
pub fn adjective_base(key: &str, is_name: impl Fn(&str) -> bool) -> Option<String> {
    let (prefix, last) = match key.rsplit_once(' ') {
        Some((p, l)) => (Some(p), l),
        None => (None, key),
    };
    ENDINGS.iter().find_map(|ending| {
        let base = last
            .strip_suffix(ending)
            .filter(|b| b.chars().count() >= 3)?;
        DROPPED.iter().find_map(|d| {
            let name = match prefix {
                Some(p) => format!("{p} {base}{d}"),
                None => format!("{base}{d}"),
            };
            (name != key && is_name(&name)).then_some(name)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjectives_lead_to_the_name_they_come_from() {
        let names = [
            "russia",
            "europe",
            "north korea",
            "japan",
            "alaska",
            "jordan",
        ];
        let base = |k: &str| adjective_base(k, |n| names.contains(&n));
        assert_eq!(base("russian").as_deref(), Some("russia"));
        assert_eq!(base("european").as_deref(), Some("europe"));
        assert_eq!(base("north korean").as_deref(), Some("north korea"));
        assert_eq!(base("japanese").as_deref(), Some("japan"));
        assert_eq!(base("alaska"), None);
        assert_eq!(base("jordan"), None);
        assert_eq!(base("korean"), None);
    }
}
