//! A feed's bytes as the feed parser is to read them. feed-rs decodes XML
//! by its declaration, else as UTF-8, and gives up at the first byte that
//! encoding does not allow; a JSON Feed must be UTF-8. So a feed that is
//! not valid UTF-8 is decoded here as a file or a page is
//! (`decode::decode_declared`: mostly UTF-8 with its stray bytes read as
//! Windows-1252, or wholly Windows-1252) and handed on as UTF-8, its XML
//! declaration saying so; valid UTF-8 under a declaration of another
//! charset gets its declaration put right. ASCII, UTF-8 declared so,
//! UTF-16 and a feed in the charset it declares are handed on as they
//! came: feed-rs reads them as it always did.

use crate::corpus::decode::{Encoding, declaration_wins, decode};
use std::borrow::Cow;
use std::ops::Range;

/// The bytes to parse, and how they were decoded (`Utf8` when untouched).
pub fn feed_bytes(bytes: &[u8]) -> (Cow<'_, [u8]>, Encoding) {
    let untouched = (Cow::Borrowed(bytes), Encoding::Utf8);
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // UTF-16 by its BOM, or by the zero bytes around `<` that the parser
    // detects without one.
    let utf16 = bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF")
        || bytes.iter().take(4).any(|&b| b == 0);
    if utf16 {
        return untouched;
    }
    let declared = || {
        let label = &bytes[declared_encoding(bytes)?];
        encoding_rs::Encoding::for_label(label)
    };
    let (mut text, encoding) = match std::str::from_utf8(bytes) {
        // Valid UTF-8 wins over a declaration, as in a page: a feed that
        // writes accents in UTF-8 under an old template's "ISO-8859-1"
        // would come out garbled. ASCII, which every declaration reads
        // alike, or a declaration of UTF-8 is handed on untouched.
        Ok(text) => {
            let misdeclared = !body.is_ascii()
                && declared().is_some_and(|e| e.output_encoding() != encoding_rs::UTF_8);
            if !misdeclared {
                return untouched;
            }
            (text.to_string(), Encoding::Utf8)
        }
        Err(_) if declaration_wins(bytes, declared).is_some() => return untouched,
        Err(_) => decode(bytes),
    };
    if let Some(at) = declared_encoding(text.as_bytes()) {
        text.replace_range(at, "UTF-8");
    }
    (Cow::Owned(text.into_bytes()), encoding)
}

/// Where the value of the XML declaration's `encoding` is, if the bytes
/// open with a declaration naming one.
fn declared_encoding(bytes: &[u8]) -> Option<Range<usize>> {
    let start = bytes.strip_prefix(b"\xEF\xBB\xBF").map_or(0, |_| 3);
    let rest = bytes[start..].strip_prefix(b"<?xml")?;
    if !rest.first().is_some_and(u8::is_ascii_whitespace) {
        return None;
    }
    let decl = &rest[..rest.windows(2).position(|w| w == b"?>")?];
    let key = decl.windows(8).position(|w| w == b"encoding")?;
    let mut at = key + 8;
    let skip_space = |at: &mut usize| {
        while decl.get(*at).is_some_and(u8::is_ascii_whitespace) {
            *at += 1;
        }
    };
    skip_space(&mut at);
    if decl.get(at) != Some(&b'=') {
        return None;
    }
    at += 1;
    skip_space(&mut at);
    let quote = *decl.get(at).filter(|&&q| q == b'"' || q == b'\'')?;
    let len = decl[at + 1..].iter().position(|&b| b == quote)?;
    let offset = start + b"<?xml".len() + at + 1;
    Some(offset..offset + len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_declared_encoding_is_found_in_either_quotes() {
        fn value(b: &[u8]) -> Option<&[u8]> {
            declared_encoding(b).map(|r| &b[r])
        }
        assert_eq!(
            value(b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>"),
            Some(&b"ISO-8859-1"[..])
        );
        assert_eq!(
            value(b"\xEF\xBB\xBF<?xml version='1.0' encoding = 'utf-8' ?>"),
            Some(&b"utf-8"[..])
        );
        assert_eq!(value(b"<?xml version=\"1.0\"?><rss encoding=\"x\">"), None);
        assert_eq!(value(b"<rss><?xml encoding=\"x\"?>"), None);
        assert_eq!(value(b"<?xml-stylesheet encoding=\"x\"?>"), None);
    }

    #[test]
    fn only_a_feed_not_utf8_is_decoded_and_its_declaration_follows() {
        let ascii = "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss>e\r\n</rss>";
        assert!(matches!(feed_bytes(ascii.as_bytes()).0, Cow::Borrowed(_)));
        let valid = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss>é\r\n</rss>";
        assert!(matches!(feed_bytes(valid.as_bytes()).0, Cow::Borrowed(_)));
        // UTF-8 under a declaration of Latin-1: the declaration follows.
        let misdeclared = "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss>café</rss>";
        let (bytes, encoding) = feed_bytes(misdeclared.as_bytes());
        assert_eq!(
            std::str::from_utf8(&bytes),
            Ok("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss>café</rss>")
        );
        assert_eq!(encoding, Encoding::Utf8);
        let declared = b"<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss>caf\xe9</rss>";
        assert!(matches!(feed_bytes(declared).0, Cow::Borrowed(_)));
        let utf16 = b"<\0?\0x\0m\0l\0 \0\xe9\0";
        assert!(matches!(feed_bytes(utf16).0, Cow::Borrowed(_)));
        let mut mixed = "<?xml version='1.0' encoding='ISO-8859-1'?><rss>“a” — “b” "
            .as_bytes()
            .to_vec();
        mixed.extend_from_slice(b"caf\xe9</rss>");
        let (bytes, encoding) = feed_bytes(&mixed);
        assert_eq!(
            std::str::from_utf8(&bytes),
            Ok("<?xml version='1.0' encoding='UTF-8'?><rss>“a” — “b” café</rss>")
        );
        assert_eq!(encoding, Encoding::MostlyUtf8 { places_not_utf8: 1 });
    }
}
