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

/// [`counted`] with the digits grouped by thousands: "1 hit",
/// "1,204 hits".
pub fn counted_grouped(n: usize, noun: &str) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!("{} {noun}{s}", grouped(&n.to_string()))
}

/// `n` with `one` or `many`, for nouns that do not take an `s`:
/// `counted_as(1, "term or phrase", "terms and phrases")`.
pub fn counted_as(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Digits grouped by thousands for reading: "1204" is "1,204",
/// "3200000" "3,200,000". Anything but plain digits ("3.5", "A614") is
/// returned as it is.
pub fn grouped(digits: &str) -> String {
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return digits.to_string();
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
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
        assert_eq!(counted_grouped(1, "hit"), "1 hit");
        assert_eq!(counted_grouped(1204, "hit"), "1,204 hits");
    }
}
