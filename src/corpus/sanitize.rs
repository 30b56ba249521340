//! Neutralise everything in untrusted text that could drive a terminal or
//! hide itself: C0/C1 controls, escape introducers, DEL, bidirectional
//! overrides and isolates, zero-width and tag characters. Each one becomes a
//! visible placeholder and is counted, because a hidden difference between
//! two outlets' copies is itself worth seeing. Done once, at load time.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Shown in place of a neutralised character that has no control picture.
pub const PLACEHOLDER: char = '\u{FFFD}';
/// Tab stops every this many columns.
pub const TAB_WIDTH: usize = 4;
/// Characters kept per grapheme cluster; the rest (combining-mark floods)
/// are dropped and counted.
pub const MAX_GRAPHEME_CHARS: usize = 16;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sanitized {
    pub text: String,
    pub hidden: usize,
}

/// Sanitise multi-line text; newlines are kept, tabs expanded.
pub fn sanitize(text: &str) -> Sanitized {
    // Most text is printable ASCII with newlines: nothing to do.
    if text
        .bytes()
        .all(|b| (0x20..0x7F).contains(&b) || b == b'\n')
    {
        return Sanitized {
            text: text.to_string(),
            hidden: 0,
        };
    }
    let mut out = String::with_capacity(text.len());
    let mut hidden = 0;
    let mut column = 0usize;
    let mut prev: Option<char> = None;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        // Runs of printable ASCII are copied whole: the per-character work
        // below is only for what might need it.
        let plain = rest
            .bytes()
            .position(|b| !(0x20..0x7F).contains(&b))
            .unwrap_or(rest.len());
        if plain > 0 {
            out.push_str(&rest[..plain]);
            column += plain;
            prev = rest[..plain].chars().next_back();
            rest = &rest[plain..];
            continue;
        }
        rest = &rest[c.len_utf8()..];
        match classify(c, prev) {
            Class::Keep => {
                out.push(c);
                column = if c == '\n' {
                    0
                } else {
                    column + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
                };
            }
            Class::Newline => {
                out.push('\n');
                column = 0;
            }
            Class::Tab => {
                let n = TAB_WIDTH - column % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', n));
                column += n;
            }
            Class::Hide(shown) => {
                out.push(shown);
                hidden += 1;
                column += 1;
            }
        }
        prev = Some(c);
    }
    if may_hold_long_grapheme(&out) {
        let (capped, dropped) = cap_graphemes(&out);
        out = capped;
        hidden += dropped;
    }
    Sanitized { text: out, hidden }
}

/// Sanitise a single line shown in one place (a file name, an error): any
/// newline is neutralised too.
pub fn sanitize_line(text: &str) -> String {
    sanitize(text).text.replace('\n', "\u{2424}")
}

enum Class {
    Keep,
    Newline,
    Tab,
    Hide(char),
}

fn classify(c: char, prev: Option<char>) -> Class {
    let cp = c as u32;
    match c {
        '\n' => Class::Keep,
        '\t' => Class::Tab,
        '\u{2028}' | '\u{2029}' => Class::Newline,
        // C0 controls: show the matching control picture (␛ for ESC).
        _ if cp < 0x20 => Class::Hide(char::from_u32(0x2400 + cp).unwrap_or(PLACEHOLDER)),
        '\u{7F}' => Class::Hide('\u{2421}'),
        // C1 controls (0x9B is a one-byte CSI on some terminals).
        _ if (0x80..=0x9F).contains(&cp) => Class::Hide(PLACEHOLDER),
        // Bidirectional embeddings, overrides, isolates and marks.
        '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{061C}' => Class::Hide(PLACEHOLDER),
        // Zero-width joiner stays inside emoji sequences (👩‍💻), where it is
        // visible in effect; elsewhere it is a hidden character.
        '\u{200D}' if prev.is_some_and(is_pictographic) => Class::Keep,
        '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{180E}' => {
            Class::Hide(PLACEHOLDER)
        }
        // Tag characters (invisible ASCII look-alikes) and interlinear
        // annotation controls.
        '\u{E0000}'..='\u{E007F}' | '\u{FFF9}'..='\u{FFFB}' => Class::Hide(PLACEHOLDER),
        _ => Class::Keep,
    }
}

fn is_pictographic(c: char) -> bool {
    matches!(c as u32, 0x2600..=0x27BF | 0x1F000..=0x1FAFF | 0xFE0F)
}

/// Whether a grapheme of more than `MAX_GRAPHEME_CHARS` characters could
/// be in `text`. Grapheme segmentation is slow (about 25 MB/s), and most
/// non-ASCII text only has short runs of it (curly quotes, dashes, accents).
/// A cluster holds at most one ASCII character once CR is gone (sanitised
/// text has none): two ASCII characters always have a boundary between
/// them, and only non-ASCII characters extend or prefix a cluster. So a
/// long cluster needs a run of at least `MAX_GRAPHEME_CHARS` non-ASCII
/// characters.
fn may_hold_long_grapheme(text: &str) -> bool {
    let mut run = 0;
    for c in text.chars() {
        if c.is_ascii() {
            run = 0;
        } else {
            run += 1;
            if run >= MAX_GRAPHEME_CHARS {
                return true;
            }
        }
    }
    false
}

fn cap_graphemes(text: &str) -> (String, usize) {
    let mut dropped = 0;
    let mut out = String::with_capacity(text.len());
    for g in text.graphemes(true) {
        let n = g.chars().count();
        if n > MAX_GRAPHEME_CHARS {
            out.extend(g.chars().take(MAX_GRAPHEME_CHARS));
            dropped += n - MAX_GRAPHEME_CHARS;
        } else {
            out.push_str(g);
        }
    }
    (out, dropped)
}

/// Display width of sanitised text.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_lose_their_introducer() {
        let s = sanitize("a\x1b[31mred\x1b]52;c;SGVsbG8=\x07b");
        assert!(!s.text.contains('\x1b'));
        assert!(!s.text.contains('\x07'));
        assert_eq!(s.hidden, 3);
        assert!(s.text.contains("[31mred"));
    }

    #[test]
    fn c1_bidi_zero_width_and_tags_are_counted() {
        let s = sanitize("x\u{9B}y\u{202E}z\u{2066}w\u{200B}v\u{E0041}\u{7F}");
        assert_eq!(s.hidden, 6);
        assert!(s.text.chars().all(|c| !matches!(c as u32, 0x80..=0x9F)));
    }

    #[test]
    fn tabs_expand_to_stops() {
        assert_eq!(sanitize("a\tb\n\tc").text, "a   b\n    c");
    }

    #[test]
    fn emoji_zwj_sequence_survives() {
        let s = sanitize("👩\u{200D}💻");
        assert_eq!(s.hidden, 0);
    }

    #[test]
    fn combining_flood_is_capped() {
        let zalgo: String = std::iter::once('e')
            .chain(std::iter::repeat_n('\u{301}', 5000))
            .collect();
        let s = sanitize(&zalgo);
        assert_eq!(s.text.chars().count(), MAX_GRAPHEME_CHARS);
        assert_eq!(s.hidden, 5001 - MAX_GRAPHEME_CHARS);
    }

    #[test]
    fn long_clusters_are_found_among_short_runs() {
        assert!(!may_hold_long_grapheme("“quoted” — déjà vu…"));
        let flood: String = std::iter::once('a')
            .chain(std::iter::repeat_n('\u{301}', MAX_GRAPHEME_CHARS))
            .collect();
        assert!(may_hold_long_grapheme(&flood));
        // An ASCII base with exactly the cap in characters is kept whole.
        let at_cap: String = std::iter::once('a')
            .chain(std::iter::repeat_n('\u{301}', MAX_GRAPHEME_CHARS - 1))
            .collect();
        assert_eq!(sanitize(&at_cap).text, at_cap);
        let over = format!("{flood}b");
        let s = sanitize(&over);
        assert_eq!(s.hidden, 1);
        assert!(s.text.ends_with('b'));
    }

    #[test]
    fn single_line_form_neutralises_newlines() {
        assert!(!sanitize_line("bad\nname\x1b").contains(['\n', '\x1b']));
    }
}
