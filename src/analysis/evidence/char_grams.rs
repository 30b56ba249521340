//! Letter trigrams of a block's normalised words: two blocks that write
//! the same words in other forms ("sanction" and "sanctioned", "cease-fire"
//! and "ceasefire", a name with and without its ending) share most of
//! them where they share no stem. Character n-gram overlap is a standard
//! paraphrase signal; it lifted the paraphrase ranking under
//! cross-validation (BENCHMARKS.md, "Letter trigrams, word groups…").
//! Unlike the other evidence they are taken over every word of the block,
//! its dateline and the attribution around a mostly quoted block too
//! (`focus.rs` leaves those out elsewhere): they tell the same quote framed
//! by two different statements from one quote reported twice, and the
//! model weighs this measure beside the focused ones.

/// Distinct trigrams of the words joined by single spaces, each packed
/// exactly into one number (three 21-bit code points), sorted.
pub fn char_trigrams(words: &[&str]) -> Vec<u64> {
    let mut out = Vec::with_capacity(words.iter().map(|w| w.len() + 1).sum());
    let (mut a, mut b) = (None::<u32>, None::<u32>);
    let mut push = |c: char| {
        let c = u32::from(c);
        if let (Some(x), Some(y)) = (a, b) {
            out.push((u64::from(x) << 42) | (u64::from(y) << 21) | u64::from(c));
        }
        (a, b) = (b, Some(c));
    };
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            push(' ');
        }
        w.chars().for_each(&mut push);
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unpack(g: u64) -> String {
        [g >> 42, (g >> 21) & 0x1f_ffff, g & 0x1f_ffff]
            .iter()
            .filter_map(|&c| char::from_u32(c as u32))
            .collect()
    }

    #[test]
    fn trigrams_run_across_word_breaks_each_once() {
        let mut got: Vec<String> = char_trigrams(&["ab", "abc"])
            .into_iter()
            .map(unpack)
            .collect();
        got.sort();
        // "ab" is written twice and kept once.
        assert_eq!(got, [" ab", "ab ", "abc", "b a"]);
        assert!(
            char_trigrams(&["é€x"])
                .iter()
                .map(|&g| unpack(g))
                .eq(["é€x".to_string()])
        );
        assert!(char_trigrams(&["ab"]).is_empty());
        assert!(char_trigrams(&[]).is_empty());
    }
}
