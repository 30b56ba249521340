//! Bytes → text: BOM handling, UTF-8 with a Windows-1252 fallback, and
//! line-end normalisation. Nothing here fails: every byte string decodes.
//!
//! Bytes that are not UTF-8 are read as Windows-1252: the whole file when
//! it is mostly those bytes, else those bytes alone, so that a UTF-8 file
//! with a stray Latin-1 "é" keeps its “quotes” and dashes (`MostlyUtf8`).

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

/// Which decoding was used, so the loader can mention a fallback.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    Windows1252,
    /// UTF-8 but for bytes in this many places (runs of bytes that are not
    /// UTF-8), read as Windows-1252.
    MostlyUtf8 {
        places_not_utf8: usize,
    },
}

impl Encoding {
    /// In how many places bytes of a UTF-8 text were read as
    /// Windows-1252: what the loader warns about. A file read wholly as
    /// Windows-1252 is no UTF-8 text: 0.
    pub fn places_not_utf8(self) -> usize {
        match self {
            Encoding::MostlyUtf8 { places_not_utf8 } => places_not_utf8,
            _ => 0,
        }
    }
}

/// Decode a file's bytes and normalise CRLF and lone CR to LF.
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        decode_utf8_or_1252(rest)
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
        decode_utf8_or_1252(bytes)
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
        Err(e) => {
            let (text, encoding) = decode_not_utf8(e.as_bytes());
            (normalise_line_ends(text), encoding)
        }
    }
}

/// How many well-formed multi-byte UTF-8 characters there must be for
/// each byte that is not UTF-8 to read bytes as mostly UTF-8 against the
/// charset their document declares: the declaration is the document's own
/// word, so the bytes must outweigh it plainly (a few chance "É»" pairs in
/// Latin-1 never do), not merely as in a file that says nothing.
const OVER_DECLARED: usize = 4;

/// Decode bytes by the charset their document declares (`declared`: an
/// HTML page's `<meta charset>`, a feed's XML declaration), looked up only
/// when needed; else as any file (`decode`). See `declaration_wins`.
pub fn decode_declared(
    bytes: &[u8],
    declared: impl FnOnce() -> Option<&'static encoding_rs::Encoding>,
) -> (String, Encoding) {
    match declaration_wins(bytes, declared) {
        Some(charset) => {
            let (text, _) = charset.decode_without_bom_handling(bytes);
            (normalise_line_ends(text.into_owned()), Encoding::Utf8)
        }
        None => decode(bytes),
    }
}

/// The declared charset, when the bytes are to be read by it: not when a
/// BOM or valid UTF-8 says otherwise, nor when it is UTF-8 anyway (or
/// UTF-16 or the replacement encoding, which a declaration read as ASCII
/// cannot truly mean: their `output_encoding` is UTF-8), nor when the
/// bytes are overwhelmingly UTF-8 with a few stray bytes (`OVER_DECLARED`):
/// a UTF-8 document under an old template's declaration, every quote and
/// accent of which the declaration would garble.
pub fn declaration_wins(
    bytes: &[u8],
    declared: impl FnOnce() -> Option<&'static encoding_rs::Encoding>,
) -> Option<&'static encoding_rs::Encoding> {
    let has_bom = [&b"\xEF\xBB\xBF"[..], b"\xFF\xFE", b"\xFE\xFF"]
        .iter()
        .any(|bom| bytes.starts_with(bom));
    if has_bom || std::str::from_utf8(bytes).is_ok() {
        return None;
    }
    let charset = declared().filter(|c| c.output_encoding() != encoding_rs::UTF_8)?;
    let (multibyte, invalid) = utf8_counts(bytes);
    (multibyte < invalid * OVER_DECLARED).then_some(charset)
}

/// The charset a `Content-Type` value names (`text/html;
/// charset="Shift_JIS"`), when it is one encoding_rs knows.
pub fn content_type_charset(content_type: &str) -> Option<&'static encoding_rs::Encoding> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
        encoding_rs::Encoding::for_label(value.as_bytes())
    })
}

/// Bytes re-encoded as UTF-8 from the charset a declaration outside them
/// names (an HTTP `Content-Type` header), when that declaration wins
/// (`declaration_wins`). The header outranks the document's own
/// declaration, as in a browser: the document then reads as the valid
/// UTF-8 it has become, whatever its `<meta>` or XML declaration says.
pub fn to_utf8_by_outer_declaration(
    bytes: &[u8],
    declared: Option<&'static encoding_rs::Encoding>,
) -> Option<Vec<u8>> {
    let charset = declaration_wins(bytes, || declared)?;
    let (text, _) = charset.decode_without_bom_handling(bytes);
    Some(text.into_owned().into_bytes())
}

/// How many well-formed multi-byte UTF-8 characters the bytes hold, and
/// how many bytes that are not UTF-8.
fn utf8_counts(bytes: &[u8]) -> (usize, usize) {
    let (mut multibyte, mut invalid) = (0, 0);
    for chunk in bytes.utf8_chunks() {
        // Lead bytes: one per multi-byte character.
        multibyte += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
        invalid += chunk.invalid().len();
    }
    (multibyte, invalid)
}

fn decode_utf8_or_1252(bytes: &[u8]) -> (String, Encoding) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), Encoding::Utf8),
        Err(_) => decode_not_utf8(bytes),
    }
}

/// Bytes with some that are not UTF-8. Mostly UTF-8 is when the valid
/// multi-byte UTF-8 characters are at least as many as the bytes that are
/// not UTF-8 (and there is one): Windows-1252 text forms valid UTF-8 only
/// by chance (a capital accented letter before a symbol, "É»", "Ä’"), so
/// in such text the invalid bytes are nearly all its accents and it is
/// read whole as Windows-1252, as is text with no multi-byte UTF-8 at all
/// (which reads the same either way); a UTF-8 file with a few stray
/// Windows-1252 bytes has its real quotes, dashes and accents in more
/// places than those. On a tie the file is read the way that is warned
/// about.
fn decode_not_utf8(bytes: &[u8]) -> (String, Encoding) {
    let (multibyte, invalid) = utf8_counts(bytes);
    if multibyte == 0 || multibyte < invalid {
        return (decode_1252(bytes), Encoding::Windows1252);
    }
    let mut text = String::with_capacity(bytes.len() + invalid * 2);
    let mut places_not_utf8 = 0;
    let mut in_run = false;
    for chunk in bytes.utf8_chunks() {
        if !chunk.valid().is_empty() {
            text.push_str(chunk.valid());
            in_run = false;
        }
        if !chunk.invalid().is_empty() {
            text.push_str(&decode_1252(chunk.invalid()));
            places_not_utf8 += usize::from(!in_run);
            in_run = true;
        }
    }
    (text, Encoding::MostlyUtf8 { places_not_utf8 })
}

/// A text cut at a byte cap may end inside a UTF-8 character: its first
/// bytes (fewer than its lead byte announces) are dropped, so the cut is
/// not taken for bytes that are not UTF-8. A UTF-16 text is left alone.
pub fn drop_cut_character(bytes: &mut Vec<u8>) {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return;
    }
    let tail = bytes.len().saturating_sub(3);
    let Some(lead) = (tail..bytes.len()).rev().find(|&i| bytes[i] >= 0xC0) else {
        return;
    };
    let announced = match bytes[lead] {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return,
    };
    let follows = &bytes[lead + 1..];
    if follows.len() + 1 < announced && follows.iter().all(|&b| (0x80..0xC0).contains(&b)) {
        bytes.truncate(lead);
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
    fn a_few_stray_1252_bytes_leave_the_utf8_as_it_is() {
        let utf8 = "“Quay” — reopened — “at last”, a “fête”\n";
        let mut bytes = utf8.as_bytes().to_vec();
        bytes.extend_from_slice(b"caf\xe9 \x93new\x94, d\xe9j\xe0 vu");
        let (t, e) = decode(&bytes);
        assert_eq!(t, format!("{utf8}café “new”, déjà vu"));
        // "\xe9j\xe0" is two places, not UTF-8 apart from the "j".
        assert_eq!(e, Encoding::MostlyUtf8 { places_not_utf8: 5 });
        assert_eq!(decode_owned(bytes), (t, e));
        // As many stray bytes as UTF-8 characters: still read as UTF-8.
        let (t, e) = decode(b"caf\xc3\xa9 caf\xe9");
        assert_eq!((t.as_str(), e.places_not_utf8()), ("café café", 1));
        // With a BOM too.
        assert_eq!(decode(b"\xEF\xBB\xBF\xe2\x80\x94 \x96").0, "— –");
    }

    #[test]
    fn text_mostly_not_utf8_is_read_whole_as_1252() {
        // "É»" is valid UTF-8 (ɻ) by chance; the rest of the accents are not.
        let (t, e) = decode(b"\xabL'\xc9T\xc9\xbb \xe0 Qu\xe9bec, d\xe9j\xe0");
        assert_eq!(t, "«L'ÉTÉ» à Québec, déjà");
        assert_eq!(e, Encoding::Windows1252);
        assert_eq!(e.places_not_utf8(), 0);
    }

    #[test]
    fn a_character_cut_at_the_cap_is_dropped() {
        let whole = "Le café".as_bytes();
        let mut cut = whole[..whole.len() - 1].to_vec();
        drop_cut_character(&mut cut);
        assert_eq!(cut, b"Le caf");
        // "€" is three bytes: cut after two.
        let mut cut = "1 €".as_bytes()[..4].to_vec();
        drop_cut_character(&mut cut);
        assert_eq!(cut, b"1 ");
        for kept in [
            &b"Le caf\xc3\xa9"[..],
            b"plain",
            b"caf\xe9 x",
            b"\xFF\xFEa\xc3",
        ] {
            let mut bytes = kept.to_vec();
            drop_cut_character(&mut bytes);
            assert_eq!(bytes, kept);
        }
    }

    #[test]
    fn utf16_le_with_bom() {
        let bytes: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("hé\r\n".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(&bytes).0, "hé\n");
    }

    #[test]
    fn a_content_type_names_its_charset_in_any_spelling() {
        let cs = |ct: &str| content_type_charset(ct).map(encoding_rs::Encoding::name);
        assert_eq!(cs("text/html; charset=windows-1251"), Some("windows-1251"));
        assert_eq!(cs("text/html;Charset=\"Shift_JIS\""), Some("Shift_JIS"));
        assert_eq!(cs("text/html; q=1; charset='koi8-r' "), Some("KOI8-R"));
        assert_eq!(cs("text/html"), None);
        assert_eq!(cs("text/html; charset=no-such-thing"), None);
        // "charset" as a media type is no parameter.
        assert_eq!(cs("charset=utf-8"), None);
    }

    #[test]
    fn an_outer_declaration_reencodes_only_bytes_it_explains() {
        let cyrillic = encoding_rs::WINDOWS_1251.encode("Путин на Аляске").0;
        let by = |b: &[u8], cs| to_utf8_by_outer_declaration(b, Some(cs));
        assert_eq!(
            by(&cyrillic, encoding_rs::WINDOWS_1251),
            Some("Путин на Аляске".as_bytes().to_vec())
        );
        // Valid UTF-8 under a header naming another charset stays as it is.
        assert_eq!(by("Путин".as_bytes(), encoding_rs::WINDOWS_1251), None);
        // A header naming UTF-8 over bytes that are not leaves the guess
        // to the document and the fallback.
        assert_eq!(by(&cyrillic, encoding_rs::UTF_8), None);
        assert_eq!(to_utf8_by_outer_declaration(&cyrillic, None), None);
    }
}
