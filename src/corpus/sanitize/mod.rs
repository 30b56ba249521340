//! Neutralise everything in untrusted text that could drive a terminal or
//! hide itself: C0/C1 controls, escape introducers, DEL, and every
//! Default_Ignorable_Code_Point and format (Cf) character by Unicode
//! property (bidirectional overrides and isolates, zero-width, joiner,
//! soft hyphen, variation selectors, Hangul fillers, tag characters…; see
//! `props`). Each one becomes a visible placeholder and is counted, because
//! a hidden difference between two outlets' copies is itself worth seeing:
//! two words that differ only by one show as different in a word diff.
//! Done once, at load time.

mod clean;
mod props;
pub use clean::Clean;
pub use props::is_invisible;

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
    if is_plain(text.as_bytes()) {
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
                // A hidden character is no base for an emoji sequence.
                prev = None;
                continue;
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

/// `sanitize` of a text the caller hands over: plain text (nearly every
/// file) is kept as it is, with no second copy.
pub fn sanitize_owned(text: String) -> Sanitized {
    if is_plain(text.as_bytes()) {
        return Sanitized { text, hidden: 0 };
    }
    sanitize(&text)
}

/// Printable ASCII and newlines only: nothing to sanitise. Every file's
/// text is checked, so 32 bytes at a time without a branch per byte (the
/// fold compiles to vector instructions).
fn is_plain(bytes: &[u8]) -> bool {
    let odd = |b: u8| !((0x20..0x7F).contains(&b) || b == b'\n');
    let mut chunks = bytes.chunks_exact(32);
    for chunk in &mut chunks {
        if chunk.iter().fold(false, |any, &b| any | odd(b)) {
            return false;
        }
    }
    !chunks.remainder().iter().any(|&b| odd(b))
}

/// Sanitise a single line shown in one place (a file name, an error): any
/// newline is neutralised too.
pub fn sanitize_line(text: &str) -> String {
    sanitize_line_counted(text).text
}

/// `sanitize_line`, with how many characters it neutralised (a newline is
/// shown, not hidden: not counted).
pub fn sanitize_line_counted(text: &str) -> Sanitized {
    let s = sanitize(text);
    Sanitized {
        text: s.text.replace('\n', "\u{2424}"),
        hidden: s.hidden,
    }
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
        // Inside emoji sequences two invisible characters have a visible
        // effect and stay: a zero-width joiner after a pictograph, a skin
        // tone or an emoji presentation selector (👩‍💻, 👩🏽‍💻, 👁️‍🗨️), and
        // the text/emoji presentation selectors U+FE0E/U+FE0F after a
        // character with the Emoji property (❤️, 1️⃣). Anywhere else they
        // are hidden like the rest.
        '\u{200D}' if prev.is_some_and(|p| props::joins_emoji(p) || p == '\u{FE0F}') => Class::Keep,
        '\u{FE0E}' | '\u{FE0F}' if prev.is_some_and(props::is_emoji) => Class::Keep,
        // Every Default_Ignorable_Code_Point and every format character
        // (Cf): bidi embeddings, overrides, isolates and marks, zero-width
        // and joiner characters, the soft hyphen, U+206A–206F, other
        // variation selectors, Hangul fillers, musical format characters,
        // tag characters, interlinear annotation controls…
        _ if props::is_invisible(c) => Class::Hide(PLACEHOLDER),
        _ => Class::Keep,
    }
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
    use proptest::strategy::Strategy;

    proptest::proptest! {
        #[test]
        fn plain_text_is_told_as_a_byte_scan_tells_it(
            mut bytes in proptest::collection::vec(
                proptest::prop_oneof![10 => 0x20u8..0x7F, 1 => proptest::strategy::Just(b'\n')],
                0..200,
            ),
            odd in proptest::option::of((0usize..200, proptest::prelude::any::<u8>())),
        ) {
            // Mostly plain text, with at most one byte anywhere that may not be.
            if let Some((at, b)) = odd && !bytes.is_empty() {
                let at = at % bytes.len();
                bytes[at] = b;
            }
            let plain = bytes.iter().all(|&b| (0x20..0x7F).contains(&b) || b == b'\n');
            proptest::prop_assert_eq!(is_plain(&bytes), plain);
        }
    }

    proptest::proptest! {
        #[test]
        fn handed_over_text_sanitises_as_borrowed_text_does(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    4 => "[ -~]{0,6}",
                    2 => proptest::sample::select(vec![
                        "\n", "\t", "\r", "\x1b", "\u{7f}", "\u{9b}", "\u{200b}", "\u{200d}",
                        "\u{202e}", "é", "\u{301}", "👩", "\u{fe0f}", "\u{2028}",
                    ]).prop_map(String::from),
                ],
                0..20,
            ),
        ) {
            let text = parts.concat();
            proptest::prop_assert_eq!(sanitize_owned(text.clone()), sanitize(&text));
        }
    }

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
    fn every_ignorable_and_format_character_is_counted() {
        // The characters an adversarial review found passing, each alone
        // between two letters.
        for c in [
            '\u{206A}',
            '\u{206B}',
            '\u{206C}',
            '\u{206D}',
            '\u{206E}',
            '\u{206F}',
            '\u{AD}',
            '\u{FE00}',
            '\u{FE0E}',
            '\u{FE0F}',
            '\u{E0100}',
            '\u{1D173}',
            '\u{1D17A}',
            '\u{115F}',
            '\u{1160}',
            '\u{3164}',
            '\u{FFA0}',
            '\u{E0001}',
            '\u{E0020}',
            '\u{34F}',
            '\u{180B}',
        ] {
            let s = sanitize(&format!("wo{c}uld"));
            assert_eq!(s.hidden, 1, "U+{:04X}", c as u32);
            assert_eq!(s.text, "wo\u{FFFD}uld", "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn emoji_presentation_sequences_keep_their_selectors() {
        for text in [
            "❤\u{FE0F}",
            "1\u{FE0F}\u{20E3}",
            "☺\u{FE0E}",
            "👁\u{FE0F}\u{200D}🗨\u{FE0F}",
        ] {
            let s = sanitize(text);
            assert_eq!((s.text.as_str(), s.hidden), (text, 0));
        }
        // A joiner after a selector that was itself hidden is hidden too.
        let s = sanitize("a\u{FE0F}\u{200D}b");
        assert_eq!(s.hidden, 2);
        assert_eq!(sanitize(&s.text).text, s.text);
    }

    #[test]
    fn single_line_form_neutralises_newlines() {
        assert!(!sanitize_line("bad\nname\x1b").contains(['\n', '\x1b']));
    }
}
