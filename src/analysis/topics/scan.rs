//! One scan of a block's text into words (the same alphanumeric runs as
//! `text::words`) with what separates each word from the previous one.
//! Terms, phrases and names are all built from this, so the text is walked
//! once per pass whatever is looked for.

/// What lies between a word and the word before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// First word of the block.
    Start,
    /// Only whitespace: the words may form a phrase or a name.
    Space,
    /// One hyphen, apostrophe or dot with no space: "Elmendorf-Richardson",
    /// "Alaska’s", "U.S".
    Joiner,
    /// Other punctuation (comma, dash, quote, bracket): phrases and names
    /// stop here, but the sentence goes on.
    Clause,
    /// Sentence or cell end (. ! ? … : |): the next word may be
    /// capitalised only because it starts a sentence.
    Sentence,
}

impl Gap {
    /// The word starts a sentence (its capital says nothing about names).
    pub fn starts_sentence(self) -> bool {
        matches!(self, Gap::Start | Gap::Sentence)
    }

    /// The two words are adjacent in the running text.
    pub fn is_tight(self) -> bool {
        matches!(self, Gap::Space | Gap::Joiner)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    /// Byte range in the block text.
    pub start: usize,
    pub end: usize,
    pub gap: Gap,
}

impl Word {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Split `text` into words, replacing the contents of `out`.
pub fn scan(text: &str, out: &mut Vec<Word>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut prev_end: Option<usize> = None;
    let mut i = 0;
    loop {
        // Up to the next word, then to its end; ASCII a byte at a time.
        while let Some(&b) = bytes.get(i) {
            if ASCII_ALNUM[usize::from(b)] {
                break;
            }
            let (alnum, len) = char_at(text, b, i);
            if alnum {
                break;
            }
            i += len;
        }
        if i >= bytes.len() {
            break;
        }
        let start = i;
        i = alnum_end(text, i);
        out.push(word(text, prev_end, start, i));
        prev_end = Some(i);
    }
}

/// Where the run of alphanumeric characters starting at byte `i` of
/// `text` ends (`i` itself when none starts there).
#[inline]
pub fn alnum_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(i) {
        if ASCII_ALNUM[usize::from(b)] {
            i += 1 + ascii_alnum_run(bytes.get(i + 1..i + 9));
            continue;
        }
        let (alnum, len) = char_at(text, b, i);
        if !alnum {
            break;
        }
        i += len;
    }
    i
}

/// ASCII letters and digits, by byte.
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// Whether the character starting with byte `b` at `i` is alphanumeric,
/// and its length: ASCII is judged by byte, anything else decoded.
#[inline]
fn char_at(text: &str, b: u8, i: usize) -> (bool, usize) {
    if b.is_ascii() {
        return (b.is_ascii_alphanumeric(), 1);
    }
    match text.get(i..).and_then(|t| t.chars().next()) {
        Some(c) => (c.is_alphanumeric(), c.len_utf8()),
        None => (false, 1),
    }
}

/// How many of the eight bytes, from the first, are ASCII letters or
/// digits (0 when fewer than eight bytes are left: the caller goes on
/// byte by byte).
#[inline]
fn ascii_alnum_run(eight: Option<&[u8]>) -> usize {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let Some(v) = eight.and_then(|e| <[u8; 8]>::try_from(e).ok()) else {
        return 0;
    };
    let v = u64::from_le_bytes(v);
    // High bit of each byte set where the byte (below 0x80) is in lo..=hi.
    let within = |x: u64, lo: u64, hi: u64| {
        let h = x & LOW7;
        (h + (0x80 - lo) * ONES) & !(h + (0x7f - hi) * ONES) & HIGH
    };
    let digits = within(v, 0x30, 0x39);
    let letters = within(v | (0x20 * ONES), 0x61, 0x7a);
    let alnum = (digits | letters) & !v & HIGH;
    ((!alnum & HIGH).trailing_zeros() / 8) as usize
}

fn word(text: &str, prev_end: Option<usize>, start: usize, end: usize) -> Word {
    let gap = match prev_end {
        None => Gap::Start,
        // The usual gap, one space, without slicing the text.
        Some(p) if start == p + 1 && text.as_bytes().get(p) == Some(&b' ') => Gap::Space,
        Some(p) => classify_gap(text.get(p..start).unwrap_or(" ")),
    };
    Word { start, end, gap }
}

/// Classify the text between two words.
pub fn classify_gap(gap: &str) -> Gap {
    if gap.is_ascii() {
        return classify_ascii_gap(gap.as_bytes());
    }
    let mut chars = gap.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && matches!(c, '-' | '‐' | '‑' | '\'' | '’' | '.')
    {
        return Gap::Joiner;
    }
    if gap
        .chars()
        .any(|c| matches!(c, '.' | '!' | '?' | '…' | ':' | '|' | '•'))
    {
        Gap::Sentence
    } else if gap.chars().all(char::is_whitespace) {
        Gap::Space
    } else {
        Gap::Clause
    }
}

/// `classify_gap` of ASCII text, byte by byte (the same rules: the
/// characters that are not ASCII never occur).
fn classify_ascii_gap(gap: &[u8]) -> Gap {
    match gap {
        b" " => return Gap::Space,
        [b'-' | b'\'' | b'.'] => return Gap::Joiner,
        _ => {}
    }
    if gap
        .iter()
        .any(|b| matches!(b, b'.' | b'!' | b'?' | b':' | b'|'))
    {
        Gap::Sentence
    } else if gap.iter().all(|&b| char::from(b).is_whitespace()) {
        Gap::Space
    } else {
        Gap::Clause
    }
}

/// The word begins with a capital letter.
pub fn is_capitalised(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => word.chars().next().is_some_and(char::is_uppercase),
    }
}

/// The word begins with a lower-case letter (digits are neither).
pub fn is_lowercase_start(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_lowercase(),
        _ => word.chars().next().is_some_and(char::is_lowercase),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::text;

    fn gaps(t: &str) -> Vec<(String, Gap)> {
        let mut w = Vec::new();
        scan(t, &mut w);
        w.iter().map(|w| (w.text(t).to_string(), w.gap)).collect()
    }

    #[test]
    fn words_match_the_shared_tokeniser() {
        let t = "Alaska’s summit—Joint Base Elmendorf-Richardson! U.S. talks, 2025";
        let mut w = Vec::new();
        scan(t, &mut w);
        let ours: Vec<String> = w.iter().map(|w| w.text(t).to_lowercase()).collect();
        let shared: Vec<String> = text::words(t).collect();
        assert_eq!(ours, shared);
    }

    #[test]
    fn gaps_say_what_separates_words() {
        let g = gaps("Alaska’s summit—Joint Base. Then, U.S");
        let kinds: Vec<Gap> = g.iter().map(|(_, g)| *g).collect();
        assert_eq!(
            kinds,
            [
                Gap::Start,
                Gap::Joiner,
                Gap::Space,
                Gap::Clause,
                Gap::Space,
                Gap::Sentence,
                Gap::Clause,
                Gap::Joiner
            ]
        );
    }

    #[test]
    fn eight_byte_steps_stop_where_bytes_do() {
        for b in 0..=255u8 {
            let mut eight = *b"Ab3zZ09q";
            for at in 0..8 {
                let saved = eight[at];
                eight[at] = b;
                let by_byte = eight
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .count();
                assert_eq!(ascii_alnum_run(Some(&eight)), by_byte, "{b} at {at}");
                eight[at] = saved;
            }
        }
        assert_eq!(ascii_alnum_run(Some(b"abc")), 0);
        assert_eq!(ascii_alnum_run(None), 0);
    }

    #[test]
    fn empty_and_punctuation_only_text_has_no_words() {
        assert!(gaps("").is_empty());
        assert!(gaps(" — … ").is_empty());
    }
}
