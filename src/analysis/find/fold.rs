//! Text as a search sees it: runs of whitespace are one space, curly
//! quotes and apostrophes are straight ones, dashes are hyphens, and
//! (for a case-insensitive search) letters are lower case. Folding one
//! character never crosses into the next, so every folded byte names the
//! source character it came from.

/// How `c` reads to a search: `None` for whitespace (collapsed by the
/// caller), else the character it matches as.
fn fold_char(c: char, lower: bool) -> Option<char> {
    let c = match c {
        c if c.is_whitespace() => return None,
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
        c => c,
    };
    if !lower {
        return Some(c);
    }
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    // A letter whose lower case is several characters stays as it is, so
    // that one source character is one folded character.
    let mut l = c.to_lowercase();
    match (l.next(), l.next()) {
        (Some(one), None) => Some(one),
        _ => Some(c),
    }
}

/// Fold `source` into `out`, calling `at(offset)` with the source byte
/// offset of the character behind every byte written. Returns true when
/// the folded text is not byte for byte where the source is (a character
/// changed length, or whitespace was collapsed). ASCII, most of most
/// text, is folded a byte at a time.
fn fold_with(source: &str, lower: bool, out: &mut Vec<u8>, mut at: impl FnMut(usize)) -> bool {
    let bytes = source.as_bytes();
    let mut shifted = false;
    // True at the start and after a space: further whitespace is dropped.
    let mut spaced = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if matches!(b, b'\t'..=b'\r' | b' ') {
                if spaced {
                    shifted = true;
                } else {
                    out.push(b' ');
                    at(i);
                    spaced = true;
                }
            } else {
                out.push(if lower { b.to_ascii_lowercase() } else { b });
                at(i);
                spaced = false;
            }
            i += 1;
            continue;
        }
        let Some(c) = source[i..].chars().next() else {
            break;
        };
        let len = c.len_utf8();
        match fold_char(c, lower) {
            None if spaced => shifted = true,
            None => {
                out.push(b' ');
                at(i);
                spaced = true;
                shifted = true;
            }
            Some(f) => {
                let mut buf = [0u8; 4];
                let folded = f.encode_utf8(&mut buf).as_bytes();
                shifted |= folded.len() != len;
                for &fb in folded {
                    out.push(fb);
                    at(i);
                }
                spaced = false;
            }
        }
        i += len;
    }
    shifted
}

/// Append the folded `source` to `out`; true when positions shifted (see
/// [`Folded::shifted`]). ASCII with single spaces, most paragraphs, is
/// copied and lower-cased whole.
pub fn fold_into(source: &str, lower: bool, out: &mut Vec<u8>) -> bool {
    let bytes = source.as_bytes();
    let plain = source.is_ascii()
        && bytes.first() != Some(&b' ')
        && !bytes.iter().any(|b| matches!(b, b'\t'..=b'\r'))
        && memchr::memmem::find(bytes, b"  ").is_none();
    if plain {
        let start = out.len();
        out.extend_from_slice(bytes);
        if lower {
            out[start..].make_ascii_lowercase();
        }
        return false;
    }
    fold_with(source, lower, out, |_| {})
}

/// `source` folded, as a string.
pub fn fold(source: &str, lower: bool) -> String {
    let mut out = Vec::with_capacity(source.len());
    fold_into(source, lower, &mut out);
    // Only whole characters are written.
    String::from_utf8(out).unwrap_or_default()
}

/// A text folded, with the way back to the source.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folded {
    pub text: Vec<u8>,
    /// For each byte of `text`, the source offset of its character.
    source_at: Vec<usize>,
    /// Folded bytes are not at their source offsets.
    pub shifted: bool,
}

impl Folded {
    pub fn new(source: &str, lower: bool) -> Folded {
        let mut text = Vec::with_capacity(source.len());
        let mut source_at = Vec::with_capacity(source.len());
        let shifted = fold_with(source, lower, &mut text, |i| source_at.push(i));
        Folded {
            text,
            source_at,
            shifted,
        }
    }

    /// The source byte range of the folded bytes `start..end` (`end` >
    /// `start`): from the first character's start to the last one's end.
    pub fn source_range(&self, source: &str, start: usize, end: usize) -> (usize, usize) {
        let first = self.source_at[start];
        let last = self.source_at[end - 1];
        let len = source[last..].chars().next().map_or(0, char::len_utf8);
        (first, last + len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_dashes_spaces_and_case_read_alike() {
        assert_eq!(
            fold("  Putin’s  “deal” – done ", true),
            "putin's \"deal\" - done "
        );
        assert_eq!(fold("Putin’s", false), "Putin's");
    }

    #[test]
    fn every_folded_byte_goes_back_to_its_character() {
        let source = "A  “Big” Ωmega";
        let f = Folded::new(source, true);
        assert_eq!(f.text, "a \"big\" ωmega".as_bytes());
        assert!(f.shifted);
        // "big" in the folded text is "Big" in the source.
        let at = 3;
        let (s, e) = f.source_range(source, at, at + 3);
        assert_eq!(&source[s..e], "Big");
        // The closing quote is three bytes in the source.
        let (s, e) = f.source_range(source, 6, 7);
        assert_eq!(&source[s..e], "”");
        // A two-byte letter maps back whole.
        let (s, e) = f.source_range(source, 8, 10);
        assert_eq!(&source[s..e], "Ω");
    }

    #[test]
    fn the_byte_path_folds_as_the_character_path_would() {
        // What folding means, a character at a time.
        let reference = |s: &str, lower: bool| {
            let mut out = String::new();
            for c in s.chars() {
                match fold_char(c, lower) {
                    None if out.is_empty() || out.ends_with(' ') => {}
                    None => out.push(' '),
                    Some(f) => out.push(f),
                }
            }
            out
        };
        for s in [
            "Tabs\there,\r\nlines\x0Band\x0Cfeeds  ",
            " \u{a0}Non-breaking\u{a0} space’s “quote” — Ωmega ÀB",
            "ASCII ONLY, Mixed Case; punctuation!?",
            "Plain words, one space each. ",
            "\u{1c}\u{1f} control-ish separators",
        ] {
            for lower in [true, false] {
                assert_eq!(fold(s, lower), reference(s, lower), "{s:?}");
                let mut slow = Vec::new();
                fold_with(s, lower, &mut slow, |_| {});
                assert_eq!(fold(s, lower).as_bytes(), slow, "{s:?}");
            }
        }
    }

    #[test]
    fn plain_ascii_is_not_shifted() {
        assert!(!Folded::new("Plain text, one space.", true).shifted);
        assert!(Folded::new("two  spaces", true).shifted);
    }
}
