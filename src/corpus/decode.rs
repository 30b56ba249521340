//! Bytes → text: BOM handling, UTF-8 with a Windows-1252 fallback, and
//! line-end normalisation. Nothing here fails: every byte string decodes.

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

/// Which decoding was used, so the loader can mention a fallback.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    Windows1252,
}

/// Decode a file's bytes and normalise CRLF and lone CR to LF.
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (decode_utf8_or_1252(rest), Encoding::Utf8)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (
            UTF_16LE.decode_without_bom_handling(rest).0.into_owned(),
            Encoding::Utf16,
        )
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (
            UTF_16BE.decode_without_bom_handling(rest).0.into_owned(),
            Encoding::Utf16,
        )
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_string(), Encoding::Utf8),
            Err(_) => (decode_1252(bytes), Encoding::Windows1252),
        }
    };
    (normalise_line_ends(text), encoding)
}

/// `decode` of bytes the caller hands over: UTF-8 without a BOM (nearly
/// every file) becomes the text in place, with no second copy.
pub fn decode_owned(bytes: Vec<u8>) -> (String, Encoding) {
    if [&b"\xEF\xBB\xBF"[..], b"\xFF\xFE", b"\xFE\xFF"]
        .iter()
        .any(|bom| bytes.starts_with(bom))
    {
        return decode(&bytes);
    }
    match String::from_utf8(bytes) {
        Ok(text) => (normalise_line_ends(text), Encoding::Utf8),
        Err(e) => (
            normalise_line_ends(decode_1252(e.as_bytes())),
            Encoding::Windows1252,
        ),
    }
}

fn decode_utf8_or_1252(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => decode_1252(bytes),
    }
}

fn decode_1252(bytes: &[u8]) -> String {
    WINDOWS_1252
        .decode_without_bom_handling(bytes)
        .0
        .into_owned()
}

/// The text itself when it has no CR (most files: no second copy).
fn normalise_line_ends(text: String) -> String {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy;

    proptest::proptest! {
        #[test]
        fn line_ends_normalise_as_a_char_by_char_rewrite(
            parts in proptest::collection::vec(
                proptest::sample::select(vec!["a", "\r", "\n", "\r\n", "é", "\u{2028}", " ", "漢"]),
                0..40,
            ),
        ) {
            let text = parts.concat();
            let plain = text.replace("\r\n", "\n").replace('\r', "\n");
            proptest::prop_assert_eq!(normalise_line_ends(text.clone()), plain.clone());
            proptest::prop_assert_eq!(decode(text.as_bytes()).0, plain);
        }
    }

    proptest::proptest! {
        #[test]
        fn handed_over_bytes_decode_as_borrowed_ones_do(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    4 => proptest::sample::select(vec![
                        &b"a"[..], b"\r", b"\n", b"\r\n", "é".as_bytes(), b"\xEF\xBB\xBF",
                        b"\xFF\xFE", b"\xFE\xFF", b"\x93", b"\xE9", b"\x00",
                    ]).prop_map(<[u8]>::to_vec),
                    1 => proptest::arbitrary::any::<u8>().prop_map(|b| vec![b]),
                ],
                0..30,
            ),
        ) {
            let bytes = parts.concat();
            proptest::prop_assert_eq!(decode_owned(bytes.clone()), decode(&bytes));
        }
    }

    #[test]
    fn utf8_with_bom_is_stripped() {
        let (t, e) = decode(b"\xEF\xBB\xBFHello");
        assert_eq!(t, "Hello");
        assert_eq!(e, Encoding::Utf8);
    }

    #[test]
    fn windows_1252_fallback_decodes_smart_quotes() {
        // 0x93/0x94 are curly double quotes, 0x92 an apostrophe, 0xE9 é.
        let (t, e) = decode(b"\x93Caf\xE9\x94 isn\x92t\r\nnext\rlast");
        assert_eq!(t, "\u{201C}Café\u{201D} isn\u{2019}t\nnext\nlast");
        assert_eq!(e, Encoding::Windows1252);
    }

    #[test]
    fn utf16_le_with_bom() {
        let bytes: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("hé\r\n".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(&bytes).0, "hé\n");
    }
}
