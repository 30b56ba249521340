//! Untrusted HTML made safe to parse: bytes decoded by the charset the
//! page declares (else as any text file), and nesting capped, since deep
//! trees are what recursive tree walks (ours and the extractor's) choke on.

use crate::corpus::decode::{Encoding, decode_declared};
use std::borrow::Cow;

/// Open elements kept at most; deeper start tags (and their end tags) are
/// dropped, their text kept. Real pages stay far below this.
pub const MAX_NESTING: usize = 256;

/// Decode a page: a BOM or valid UTF-8 wins; then the charset named in
/// the first 2 KiB (`<meta charset>`, `content="…; charset=…"`), unless
/// the bytes are overwhelmingly UTF-8 (`decode::declaration_wins`); else
/// the loader's usual fallback. With the decoding the fallback used
/// (`Utf8` when the declared charset was).
pub fn decode_page(bytes: &[u8]) -> (String, Encoding) {
    decode_declared(bytes, || declared_charset(&bytes[..bytes.len().min(2048)]))
}

fn declared_charset(head: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    encoding_rs::Encoding::for_label(label.as_bytes())
}

/// Elements that never hold others (no end tag).
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
/// Elements a parser closes when a sibling of the same kind opens: they
/// do not nest by themselves, so they are not counted.
const SELF_CLOSING_SIBLINGS: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
    "colgroup", "rb", "rt", "rtc", "rp",
];
/// Elements whose content is raw text: tags inside them are not tags.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript"];

/// `html` with start tags deeper than `max` open elements removed (and as
/// many end tags after them), so the parsed tree is at most about `max`
/// deep. Borrowed unchanged when no tag is that deep.
pub fn cap_nesting(html: &str, max: usize) -> Cow<'_, str> {
    let mut depth = 0usize;
    let mut dropped = 0usize;
    let mut cuts: Vec<std::ops::Range<usize>> = Vec::new();
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(off) = memchr_lt(&bytes[i..]) {
        let start = i + off;
        let Some(end) = html[start..].find('>').map(|e| start + e + 1) else {
            break;
        };
        let tag = &html[start + 1..end - 1];
        i = end;
        if tag.starts_with('!') || tag.starts_with('?') {
            if tag.starts_with("!--") && !tag.ends_with("--") {
                // A comment with '>' inside: skip to its real end.
                i = html[start..]
                    .find("-->")
                    .map_or(html.len(), |e| start + e + 3);
            }
            continue;
        }
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            continue;
        }
        if !closing && RAW_TEXT.contains(&name.as_str()) {
            let close = format!("</{name}");
            i = find_ci(html, end, &close).unwrap_or(html.len());
            continue;
        }
        if VOID.contains(&name.as_str())
            || SELF_CLOSING_SIBLINGS.contains(&name.as_str())
            || tag.ends_with('/')
        {
            continue;
        }
        if closing {
            if dropped > 0 {
                dropped -= 1;
                cuts.push(start..end);
            } else {
                depth = depth.saturating_sub(1);
            }
        } else if depth >= max {
            dropped += 1;
            cuts.push(start..end);
        } else {
            depth += 1;
        }
    }
    if cuts.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut last = 0;
    for c in cuts {
        out.push_str(&html[last..c.start]);
        out.push(' ');
        last = c.end;
    }
    out.push_str(&html[last..]);
    Cow::Owned(out)
}

fn memchr_lt(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'<')
}

/// Byte offset of `needle` (ASCII) in `hay` from `from`, ignoring case.
fn find_ci(hay: &str, from: usize, needle: &str) -> Option<usize> {
    let n = needle.as_bytes();
    hay.as_bytes()[from..]
        .windows(n.len())
        .position(|w| w.eq_ignore_ascii_case(n))
        .map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_cut_and_text_kept() {
        let html = format!("{}deep text{}", "<div>".repeat(1000), "</div>".repeat(1000));
        let capped = cap_nesting(&html, 10);
        assert_eq!(capped.matches("<div>").count(), 10);
        assert_eq!(capped.matches("</div>").count(), 10);
        assert!(capped.contains("deep text"));
        let normal = "<p>a<p>b<ul><li>x<li>y</ul><script>if (a<b) {}</script><br>";
        assert!(matches!(cap_nesting(normal, 3), Cow::Borrowed(_)));
    }

    #[test]
    fn a_declared_charset_is_honoured() {
        // "café" in ISO-8859-15 is the same byte as in Latin-1 for é; 0xA4
        // is the euro sign only in 8859-15.
        let page = b"<meta charset=\"iso-8859-15\"><p>caf\xe9 \xa4</p>";
        assert!(decode_page(page).0.contains("café €"));
        assert!(decode_page("<p>déjà</p>".as_bytes()).0.contains("déjà"));
        // Latin-1 whose "É»" is valid UTF-8 by chance stays Latin-1.
        let page = b"<meta charset=\"iso-8859-1\"><p>\xabL'\xc9T\xc9\xbb \xe0 Qu\xe9bec</p>";
        assert_eq!(
            decode_page(page),
            (
                "<meta charset=\"iso-8859-1\"><p>«L'ÉTÉ» à Québec</p>".to_string(),
                Encoding::Utf8
            )
        );
    }

    #[test]
    fn a_page_overwhelmingly_utf8_reads_as_utf8_whatever_it_declares() {
        let mut page = "<meta charset=\"iso-8859-1\"><p>“Quay” — reopened — “at last”, déjà</p>"
            .as_bytes()
            .to_vec();
        page.extend_from_slice(b"<p>caf\xe9</p>");
        let (text, encoding) = decode_page(&page);
        assert!(
            text.ends_with("<p>“Quay” — reopened — “at last”, déjà</p><p>café</p>"),
            "{text}"
        );
        assert_eq!(encoding, Encoding::MostlyUtf8 { places_not_utf8: 1 });
        // A few UTF-8 characters among as many stray bytes: the
        // declaration is more likely right than the chance UTF-8.
        let page = b"<meta charset=\"iso-8859-1\"><p>\xc3\xa9 caf\xe9</p>";
        assert_eq!(
            decode_page(page).0,
            "<meta charset=\"iso-8859-1\"><p>Ã© café</p>"
        );
        // UTF-16 declared in ASCII cannot be: the bytes read as any file.
        let page = b"<meta charset=\"utf-16\"><p>caf\xe9</p>";
        assert_eq!(decode_page(page).0, "<meta charset=\"utf-16\"><p>café</p>");
    }
}
