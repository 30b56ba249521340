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
    // counted a chunk at a time in a form the compiler turns into vector
    // instructions, and only chunks with other characters are decoded.
    // 129 bytes make 128 neighbouring pairs: four 32-byte vector steps.
    const CHUNK: usize = 129;
    let bytes = s.as_bytes();
    let mut n = 0;
    // Whether the character before is whitespace (the start of the text
    // counts as whitespace).
    let mut after_space = true;
    let mut i = 0;
    while i < bytes.len() {
        let end = (i + CHUNK).min(bytes.len());
        let chunk = &bytes[i..end];
        if chunk.is_ascii() {
            n += match <&[u8; CHUNK]>::try_from(chunk) {
                Ok(full) => full_chunk_word_starts(full, after_space),
                Err(_) => ascii_word_starts(chunk, after_space),
            };
            after_space = is_ascii_space(chunk[chunk.len() - 1]);
            i = end;
        } else {
            // `i` is on a character boundary: ASCII chunks end on one and
            // this loop steps whole characters.
            while i < end {
                let c = s[i..].chars().next().unwrap_or(' ');
                i += c.len_utf8();
                let space = c.is_whitespace();
                n += usize::from(!space & after_space);
                after_space = space;
            }
        }
        if n >= stop {
            return stop;
        }
    }
    n
}

/// `ascii_word_starts` of a whole chunk: fixed lengths, so the compiler
/// makes straight vector code (whitespace tested once per byte, then the
/// starts summed) with no loop remainders.
fn full_chunk_word_starts<const N: usize>(chunk: &[u8; N], after_space: bool) -> usize {
    let mut space = [0u8; N];
    for (s, &b) in space.iter_mut().zip(chunk) {
        *s = u8::from(is_ascii_space(b));
    }
    let inner = space[..N - 1]
        .iter()
        .zip(&space[1..])
        .fold(0u8, |sum, (&a, &b)| sum.wrapping_add(a & !b & 1));
    usize::from(after_space & (space[0] == 0)) + usize::from(inner)
}

/// ASCII whitespace as `char::is_whitespace` has it: space and 0x09..=0x0D.
fn is_ascii_space(b: u8) -> bool {
    b == b' ' || b.wrapping_sub(b'\t') < 5
}

/// Word starts in a non-empty chunk of ASCII (at most 256 bytes, so the
/// count of starts, at most one per two bytes, fits in a byte): a
/// non-space after a space, `after_space` standing for the byte before.
fn ascii_word_starts(chunk: &[u8], after_space: bool) -> usize {
    let first = usize::from(after_space & !is_ascii_space(chunk[0]));
    let inner = chunk[..chunk.len() - 1]
        .iter()
        .zip(&chunk[1..])
        .map(|(&a, &b)| u8::from(is_ascii_space(a) & !is_ascii_space(b)))
        .fold(0u8, |sum, start| sum.wrapping_add(start));
    first + usize::from(inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn random_text_is_counted_like_split_whitespace(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    8 => "[a-z]{1,12}",
                    4 => "[ \t\n\r\x0b\x0c]{1,3}",
                    1 => "[\u{a0}\u{85}\u{2003}\u{3000}\u{2028}\u{1680}]",
                    1 => "[é漢😀“”\u{1c}-\u{1f}\u{7f}]{1,2}",
                ],
                0..120,
            ),
            cap in 0usize..80,
        ) {
            let text = parts.concat();
            let expected = text.split_whitespace().count();
            proptest::prop_assert_eq!(word_count(&text), expected);
            proptest::prop_assert_eq!(words_up_to(&text, cap), expected.min(cap + 1));
        }
    }

    proptest::proptest! {
        // Long ASCII runs: whole 129-byte chunks, counted by the fixed-length path.
        #[test]
        fn ascii_text_in_whole_chunks_is_counted_like_split_whitespace(
            text in "[a-z \t\n\r\x0b\x0c\x1c-\x1f.,]{0,700}",
            cap in 0usize..150,
        ) {
            let expected = text.split_whitespace().count();
            proptest::prop_assert_eq!(word_count(&text), expected);
            proptest::prop_assert_eq!(words_up_to(&text, cap), expected.min(cap + 1));
        }
    }

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
