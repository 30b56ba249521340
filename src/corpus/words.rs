//! Counting words and spotting sentence ends: the shape tests shared by
//! segmenting, classifying and chrome detection (a small module of its own
//! so that none of those imports another for them).

/// Ends like a sentence, ignoring closing quotes and brackets.
pub fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '\'', '”', '’', ')', ']', ' ']);
    t.ends_with(['.', '!', '?', ';', '…'])
}

pub fn word_count(s: &str) -> usize {
    count_words(s, usize::MAX)
}

/// Words in `s`, counted no further than `cap + 1`: enough to test
/// `<= cap` without walking a long paragraph (the loader asks this of
/// every block several times).
pub fn words_up_to(s: &str, cap: usize) -> usize {
    count_words(s, cap.saturating_add(1))
}

fn count_words(s: &str, stop: usize) -> usize {
    // The loader asks this of every block several times, so ASCII is
    // counted 64 bytes at a time without branches, and only chunks with
    // other characters are decoded.
    const CHUNK: usize = 64;
    let bytes = s.as_bytes();
    let mut n = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        let end = (i + CHUNK).min(bytes.len());
        if bytes[i..end].is_ascii() {
            n += ascii_word_starts(&bytes[i..end], &mut in_word);
            i = end;
        } else {
            // `i` is on a character boundary: ASCII chunks end on one and
            // this loop steps whole characters.
            while i < end {
                let c = s[i..].chars().next().unwrap_or(' ');
                i += c.len_utf8();
                let space = c.is_whitespace();
                n += usize::from(!space & !in_word);
                in_word = !space;
            }
        }
        if n >= stop {
            return stop;
        }
    }
    n
}

/// Word starts in ASCII bytes, 8 at a time (SWAR): a start is a
/// non-space byte after a space, `in_word` carrying over from the bytes
/// before.
fn ascii_word_starts(bytes: &[u8], in_word: &mut bool) -> usize {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte lane is set where that byte is ASCII
    // whitespace (space, or 0x09..=0x0D), as `char::is_whitespace` says.
    // Every lane is below 0x80, so no addition carries into the next lane.
    fn space_lanes(x: u64) -> u64 {
        let t = x ^ (0x20 * LO);
        let is_space = !(((t & !HI) + !HI) | t) & HI;
        let ge_tab = (x + (0x80 - 0x09) * LO) & HI;
        let ge_so = (x + (0x80 - 0x0E) * LO) & HI;
        is_space | (ge_tab & !ge_so)
    }
    let mut n = 0;
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let x = u64::from_le_bytes(w.try_into().unwrap_or([0; 8]));
        let space = space_lanes(x);
        let before = (space << 8) | if *in_word { 0 } else { 0x80 };
        n += (!space & before & HI).count_ones() as usize;
        *in_word = space >> 63 == 0;
    }
    for &b in words.remainder() {
        let space = matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C);
        n += usize::from(!space & !*in_word);
        *in_word = !space;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_like_split_whitespace() {
        let long = "word ".repeat(40) + "“curly” déjà\u{a0}vu\u{3000}漢字 " + &"x ".repeat(70);
        let controls: String = (0u8..0x80).map(char::from).collect::<String>().repeat(3);
        for text in [
            "",
            " ",
            "a",
            " a b ",
            "a\tb\nc\r\nd",
            long.as_str(),
            "\u{a0}a\u{2003}b",
            controls.as_str(),
            "ab cd ef gh ij kl mn op  qr\x0bs\x0ct\x1cu\x1fv",
        ] {
            let expected = text.split_whitespace().count();
            assert_eq!(word_count(text), expected, "{text:?}");
            for cap in [0, 1, 5, 60, 200] {
                assert_eq!(
                    words_up_to(text, cap),
                    expected.min(cap + 1),
                    "{text:?} {cap}"
                );
            }
        }
    }
}
