//! Taking text with you: what the copy key copies (the paragraph at the
//! top of the screen; in compare both sides of the row), and the OSC 52
//! sequence that hands it to the terminal's clipboard, which works over
//! SSH too (inside tmux with `set -g set-clipboard on`).

use crate::corpus::Corpus;
use crate::corpus::sanitize::Clean;
use crate::ui::place::Place;

/// Text to copy, and what it is ("block 12 of 004").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copied {
    pub text: String,
    pub what: String,
}

/// The blocks of `place`: one paragraph, or a compare row's two sides,
/// each headed by its article's id. `short_ids` name the articles in
/// `what`, as the library's ID column does.
pub fn copied(corpus: &Corpus, short_ids: &[String], place: &Place) -> Option<Copied> {
    let block = |r: crate::corpus::BlockRef| {
        let article = corpus.articles.get(r.article)?;
        let text = article.blocks.get(r.block)?.text.as_str();
        let short = short_ids
            .get(r.article)
            .map_or(article.id.as_str(), String::as_str);
        Some((article.id.as_str(), short, r.block, text))
    };
    match (place.left.and_then(block), place.right.and_then(block)) {
        (Some((lid, ls, l, left)), Some((rid, rs, r, right))) => Some(Copied {
            text: format!("{lid} (block {l}):\n{left}\n\n{rid} (block {r}):\n{right}"),
            what: format!("{ls} block {l} and {rs} block {r}"),
        }),
        (Some((_, short, b, text)), None) | (None, Some((_, short, b, text))) => Some(Copied {
            text: text.to_string(),
            what: format!("block {b} of {short}"),
        }),
        (None, None) => None,
    }
}

/// Copy `c`: to the terminal's clipboard through OSC 52 written to
/// `terminal` when `osc52`, else through `keep` (a file; it says where).
/// Returns what the status line says; an error only when the terminal
/// cannot be written to (it is gone).
pub fn deliver(
    c: &Copied,
    osc52: bool,
    terminal: &mut impl std::io::Write,
    keep: &mut dyn FnMut(&str) -> Result<String, String>,
) -> std::io::Result<Clean> {
    if osc52 {
        terminal.write_all(&self::osc52(&c.text))?;
        terminal.flush()?;
        return Ok(crate::clean!(
            "Copied {} to the terminal's clipboard (OSC 52)",
            c.what
        ));
    }
    Ok(match keep(&c.text) {
        Ok(place) => crate::clean!("Copied {} to {place}", c.what),
        Err(e) => crate::clean!("Copy failed: {e}"),
    })
}

/// OSC 52: set the clipboard (`c`) to `text`, base64-encoded, ended by BEL
/// (which more terminals accept than ST).
pub fn osc52(text: &str) -> Vec<u8> {
    let mut out = b"\x1b]52;c;".to_vec();
    out.extend_from_slice(base64(text.as_bytes()).as_bytes());
    out.push(0x07);
    out
}

/// Standard base64 with padding (RFC 4648).
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_vectors() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), encoded, "{plain}");
        }
        assert_eq!(base64("é’".as_bytes()), "w6nigJk=");
    }

    #[test]
    fn the_sequence_is_osc_52_ended_by_bel() {
        assert_eq!(osc52("hello"), b"\x1b]52;c;aGVsbG8=\x07");
    }
}
