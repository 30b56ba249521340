//! "Did you mean" suggestions for misspelt view and action names.

/// The candidate closest to `word` by edit distance, if it is close enough
/// to be a plausible typo: at most 2 edits, and only 1 for words of up to
/// 2 characters.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = 2.min(word.chars().count().saturating_sub(1) / 2 + 1);
    candidates
        .into_iter()
        .map(|candidate| (edit_distance(word, candidate), candidate))
        .filter(|&(distance, _)| distance <= limit)
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance over characters (case-insensitive: `Scroll_Down`
/// is one fix away from `scroll_down`, and costs nothing extra).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.to_lowercase().chars().collect();
    let b: Vec<char> = b.to_lowercase().chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: [&str; 4] = ["scroll_down", "scroll_up", "quit", "top"];

    #[test]
    fn suggests_near_misses_only() {
        assert_eq!(closest("scrol_down", NAMES), Some("scroll_down"));
        assert_eq!(closest("Scroll_Up", NAMES), Some("scroll_up"));
        assert_eq!(closest("quti", NAMES), Some("quit"));
        assert_eq!(closest("explode", NAMES), None);
        // Short words need a closer match: "x" is not a typo of "top".
        assert_eq!(closest("x", NAMES), None);
        assert_eq!(closest("", NAMES), None);
    }

    #[test]
    fn distance_counts_edits() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
    }
}
