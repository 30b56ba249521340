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

use super::set_ids::SetIds;

/// Distinct trigrams of the words joined by single spaces, as dense ids
/// (`set_ids`), in first-seen order.
pub fn char_trigrams(words: &[&str], ids: &mut SetIds) -> Vec<u32> {
    let mut list = ids.list();
    each_trigram(words, |key| list.add(key));
    list.into_ids()
}

/// Call `f` with every trigram of the words joined by single spaces, in
/// order, each packed exactly into one number (three 21-bit code points).
fn each_trigram(words: &[&str], mut f: impl FnMut(u64)) {
    let (mut a, mut b) = (None::<u32>, None::<u32>);
    let mut push = |c: char| {
        let c = u32::from(c);
        if let (Some(x), Some(y)) = (a, b) {
            f((u64::from(x) << 42) | (u64::from(y) << 21) | u64::from(c));
        }
        (a, b) = (b, Some(c));
    };
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            push(' ');
        }
        w.chars().for_each(&mut push);
    }
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

    fn trigrams(words: &[&str]) -> Vec<String> {
        let mut keys = Vec::new();
        each_trigram(words, |k| keys.push(k));
        keys.sort_unstable();
        keys.dedup();
        keys.into_iter().map(unpack).collect()
    }

    #[test]
    fn trigrams_run_across_word_breaks_each_once() {
        let mut got = trigrams(&["ab", "abc"]);
        got.sort();
        // "ab" is written twice and kept once.
        assert_eq!(got, [" ab", "ab ", "abc", "b a"]);
        assert_eq!(trigrams(&["é€x"]), ["é€x"]);
        assert!(trigrams(&["ab"]).is_empty());
        assert!(trigrams(&[]).is_empty());
        let mut ids = SetIds::default();
        assert_eq!(char_trigrams(&["ab", "abc"], &mut ids).len(), 4);
        assert_eq!(char_trigrams(&["abc"], &mut ids).len(), 1);
    }
}
