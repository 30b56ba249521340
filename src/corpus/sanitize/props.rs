//! Unicode properties the sanitiser needs, from the Unicode tables that
//! ship with `regex-syntax` (the regex engine's own, kept current with
//! each Unicode release) rather than a hand list that would age:
//!
//! - invisible: `Default_Ignorable_Code_Point` or general category `Cf`
//!   (format): soft hyphen, zero-width and joiner characters, bidi
//!   controls, U+206A–206F, variation selectors, Hangul fillers, musical
//!   format characters U+1D173–1D17A, tag characters, and the rest;
//! - `Emoji` (may take a presentation selector U+FE0E/U+FE0F),
//!   `Extended_Pictographic` and `Emoji_Modifier` (may be followed by a
//!   zero-width joiner inside an emoji sequence).

use regex_syntax::hir::{Class, HirKind};
use std::sync::OnceLock;

/// Sorted, disjoint inclusive ranges of one property.
struct Ranges(Vec<(char, char)>);

impl Ranges {
    /// The set a Unicode class pattern names. The patterns are constants
    /// of this file, checked by the tests below.
    fn of(pattern: &str) -> Ranges {
        let hir = regex_syntax::ParserBuilder::new()
            .build()
            .parse(pattern)
            .expect("a valid Unicode class pattern");
        match hir.kind() {
            HirKind::Class(Class::Unicode(class)) => Ranges(
                class
                    .ranges()
                    .iter()
                    .map(|r| (r.start(), r.end()))
                    .collect(),
            ),
            other => panic!("{pattern} is not a Unicode class: {other:?}"),
        }
    }

    fn contains(&self, c: char) -> bool {
        self.0
            .binary_search_by(|&(lo, hi)| {
                if hi < c {
                    std::cmp::Ordering::Less
                } else if lo > c {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
    }
}

struct Tables {
    invisible: Ranges,
    emoji: Ranges,
    joins_emoji: Ranges,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| Tables {
        invisible: Ranges::of(r"[\p{Default_Ignorable_Code_Point}\p{Cf}]"),
        emoji: Ranges::of(r"\p{Emoji}"),
        joins_emoji: Ranges::of(r"[\p{Extended_Pictographic}\p{Emoji_Modifier}]"),
    })
}

/// Default_Ignorable_Code_Point or Cf: renders as nothing (or reorders or
/// hides text) in most terminals and fonts.
pub fn is_invisible(c: char) -> bool {
    // Below U+00AD (the soft hyphen) there are only controls, which the
    // caller handles, and visible characters.
    (c as u32) >= 0xAD && tables().invisible.contains(c)
}

/// Has the Emoji property: U+FE0E/U+FE0F after it select a text or emoji
/// presentation, a visible effect.
pub fn is_emoji(c: char) -> bool {
    tables().emoji.contains(c)
}

/// Extended_Pictographic or Emoji_Modifier: a zero-width joiner after it
/// builds one emoji from several (👩‍💻, 👩🏽‍💻).
pub fn joins_emoji(c: char) -> bool {
    tables().joins_emoji.contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_hold_what_the_issue_named() {
        for c in [
            '\u{AD}',
            '\u{34F}',
            '\u{61C}',
            '\u{115F}',
            '\u{1160}',
            '\u{180B}',
            '\u{180E}',
            '\u{200B}',
            '\u{200D}',
            '\u{200E}',
            '\u{202E}',
            '\u{2060}',
            '\u{2066}',
            '\u{206A}',
            '\u{206F}',
            '\u{3164}',
            '\u{FE00}',
            '\u{FE0F}',
            '\u{FEFF}',
            '\u{FFA0}',
            '\u{FFF9}',
            '\u{1D173}',
            '\u{1D17A}',
            '\u{E0001}',
            '\u{E0041}',
            '\u{E007F}',
            '\u{E0100}',
            '\u{E01EF}',
        ] {
            assert!(is_invisible(c), "U+{:04X}", c as u32);
        }
        for c in [
            'a', ' ', 'é', '—', '漢', '😀', '\u{301}', '\u{2028}', '\u{A0}',
        ] {
            assert!(!is_invisible(c), "U+{:04X}", c as u32);
        }
        assert!(is_emoji('❤') && is_emoji('1') && is_emoji('😀') && !is_emoji('a'));
        assert!(joins_emoji('👩') && joins_emoji('\u{1F3FD}') && !joins_emoji('a'));
    }
}
