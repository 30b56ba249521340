//! A number with its noun, singular for one: "1 article", "5 articles".

/// `n` and `noun`, with an `s` unless `n` is 1: `counted(1, "block")` is
/// "1 block", `counted(3, "block")` "3 blocks".
pub fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// `n` with `one` or `many`, for nouns that do not take an `s`:
/// `counted_as(1, "term or phrase", "terms and phrases")`.
pub fn counted_as(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_everything_else_plural() {
        assert_eq!(counted(1, "article"), "1 article");
        assert_eq!(counted(0, "article"), "0 articles");
        assert_eq!(counted(5, "block"), "5 blocks");
        assert_eq!(counted_as(1, "match", "matches"), "1 match");
        assert_eq!(counted_as(2, "match", "matches"), "2 matches");
    }
}
