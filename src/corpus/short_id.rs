//! The short ids tables show: each article id cut to the shortest prefix,
//! of at least three characters, that no other id starts with. One rule
//! for the library, every report and table, and the sessions listing.

/// Each of `ids`' short prefix, in the order given (equal ids get the
/// same prefix). In sorted order a prefix is unique once it is one
/// character longer than what it shares with either neighbour: O(n log
/// n), not O(n²). A prefix never ends on a separator (`-`, `_`, `.`,
/// space): "index-" says less than "index-2" and reads as cut off, so it
/// runs on to the next character that is none.
pub fn unique_prefixes(ids: &[&str]) -> Vec<String> {
    let mut order: Vec<usize> = (0..ids.len()).collect();
    order.sort_by(|&a, &b| ids[a].cmp(ids[b]));
    let common = |a: &str, b: &str| a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let mut out = vec![String::new(); ids.len()];
    for (k, &i) in order.iter().enumerate() {
        let id = ids[i];
        // Neighbours equal to this id share its prefix; look past them.
        let before = order[..k]
            .iter()
            .rev()
            .map(|&p| ids[p])
            .find(|&p| p != id)
            .map_or(0, |p| common(id, p));
        let after = order[k + 1..]
            .iter()
            .map(|&n| ids[n])
            .find(|&n| n != id)
            .map_or(0, |n| common(id, n));
        let mut chars = before.max(after).saturating_add(1).max(3);
        let is_separator = |c: char| matches!(c, '-' | '_' | '.' | ' ');
        let all: Vec<char> = id.chars().collect();
        while chars < all.len() && all.get(chars - 1).is_some_and(|&c| is_separator(c)) {
            chars += 1;
        }
        out[i] = all.iter().take(chars).collect();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_three_characters_or_one_past_what_a_neighbour_shares() {
        let ids = [
            "002_52513487",
            "001_dcc2ccb4",
            "coastal_a",
            "coastal_b",
            "001_dcc2ccb4",
        ];
        assert_eq!(
            unique_prefixes(&ids),
            ["002", "001", "coastal_a", "coastal_b", "001"]
        );
        assert_eq!(unique_prefixes(&["ab"]), ["ab"]);
    }

    #[test]
    fn a_prefix_never_ends_on_a_separator() {
        assert_eq!(
            unique_prefixes(&["index", "index-2", "my_", "my_story", "a b", "a c"]),
            ["index", "index-2", "my_", "my_s", "a b", "a c"]
        );
        // Three characters that end on one run on too.
        assert_eq!(unique_prefixes(&["ab-cd"]), ["ab-c"]);
    }
}
