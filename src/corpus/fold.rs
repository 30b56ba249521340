//! Lower-case ASCII phrases looked for in text exactly as in the text's
//! `to_lowercase()`, without lowering (and allocating) it: the chrome
//! rules ask this of every block. Lowering changes what an ASCII phrase
//! can match only through ASCII letters, except for two characters whose
//! lower case holds an ASCII letter: U+0130 "İ" (→ "i̇") and the Kelvin
//! sign U+212A (→ "k"). Text without them is matched byte by byte,
//! ignoring ASCII case; text with them is lowered as before.

/// Text to match lower-case ASCII phrases against, as if lower-cased.
pub struct Folded<'a> {
    text: &'a str,
    /// The lower-cased text, made only when plain matching would differ.
    lowered: Option<String>,
    /// The text with ASCII lower-cased, made on the first search inside
    /// it: one copy, then `str::contains` for each phrase (faster than
    /// comparing candidates in place when there are many phrases).
    ascii_lowered: std::cell::OnceCell<String>,
}

impl<'a> Folded<'a> {
    pub fn new(text: &'a str) -> Folded<'a> {
        Folded::with_plainness(text, lowers_plainly(text))
    }

    /// `new` for a text whose `lowers_plainly` is known already.
    pub fn with_plainness(text: &'a str, plain: bool) -> Folded<'a> {
        let lowered = (!plain).then(|| text.to_lowercase());
        Folded {
            text,
            lowered,
            ascii_lowered: std::cell::OnceCell::new(),
        }
    }

    /// The text itself when it lowers plainly (only ASCII letters matter
    /// to an ASCII phrase), for callers with their own byte-level form.
    pub fn plain(&self) -> Option<&'a str> {
        self.lowered.is_none().then_some(self.text)
    }

    /// The lower-cased text, when it does not lower plainly.
    pub fn lowered(&self) -> Option<&str> {
        self.lowered.as_deref()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Lower-cased, the text is `phrase`.
    pub fn is(&self, phrase: &str) -> bool {
        match &self.lowered {
            Some(l) => l == phrase,
            None => self.text.eq_ignore_ascii_case(phrase),
        }
    }

    /// Lower-cased, the text starts with `prefix`.
    pub fn starts_with(&self, prefix: &str) -> bool {
        match &self.lowered {
            Some(l) => l.starts_with(prefix),
            None => starts_with_ignore_ascii_case(self.text, prefix),
        }
    }

    /// Lower-cased, the text contains `needle`.
    pub fn contains(&self, needle: &str) -> bool {
        match &self.lowered {
            Some(l) => l.contains(needle),
            None => self
                .ascii_lowered
                .get_or_init(|| self.text.to_ascii_lowercase())
                .contains(needle),
        }
    }

    /// Lower-cased, the text contains one of `phrases`.
    pub fn contains_any(&self, phrases: &Phrases) -> bool {
        let hay = match &self.lowered {
            Some(l) => l.as_str(),
            None => self
                .ascii_lowered
                .get_or_init(|| self.text.to_ascii_lowercase()),
        };
        phrases
            .keys
            .iter()
            .any(|k| k.find(hay.as_bytes()).is_some())
            && phrases.phrases.iter().any(|p| hay.contains(p))
    }

    /// Lower-cased, every character is ASCII and passes `f`.
    pub fn all_ascii(&self, f: impl Fn(u8) -> bool) -> bool {
        match &self.lowered {
            Some(l) => l.bytes().all(|b| b.is_ascii() && f(b)),
            None => self
                .text
                .bytes()
                .all(|b| b.is_ascii() && f(b.to_ascii_lowercase())),
        }
    }
}

/// Lower-case ASCII phrases, each holding one of a few keys: a text with
/// none of the keys (one vector search each) holds none of the phrases, and
/// only a text with a key is searched for every phrase.
pub struct Phrases {
    phrases: &'static [&'static str],
    keys: Vec<memchr::memmem::Finder<'static>>,
}

impl Phrases {
    /// Panics (once, where the set is made) if a phrase holds no key.
    pub fn new(phrases: &'static [&'static str], keys: &'static [&'static str]) -> Phrases {
        for p in phrases {
            assert!(keys.iter().any(|k| p.contains(k)), "{p:?} holds no key");
            assert!(!p.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()));
        }
        Phrases {
            phrases,
            keys: keys.iter().map(memchr::memmem::Finder::new).collect(),
        }
    }
}

/// Neither "İ" (bytes C4 B0) nor the Kelvin sign (E2 84 AA) is in `text`:
/// every other character lowers to ASCII only if it is ASCII.
pub fn lowers_plainly(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) = memchr::memchr2(0xC4, 0xE2, &bytes[from..]) {
        let rest = &bytes[from + at..];
        if rest.starts_with(b"\xC4\xB0") || rest.starts_with(b"\xE2\x84\xAA") {
            return false;
        }
        from += at + 1;
    }
    true
}

fn starts_with_ignore_ascii_case(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len()
        && text.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn only_two_characters_lower_into_ascii() {
        let mut into_ascii = Vec::new();
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let lower: String = c.to_lowercase().collect();
            if c.is_ascii() {
                assert_eq!(lower, c.to_ascii_lowercase().to_string());
            } else if lower.bytes().any(|b| b.is_ascii()) {
                into_ascii.push(c);
            }
        }
        assert_eq!(into_ascii, ['\u{130}', '\u{212A}']);
        assert!(!lowers_plainly("İstanbul") && !lowers_plainly("5 \u{212A}"));
        assert!(lowers_plainly("“Déjà vu” — ΣΟΦΙΑ ı ß"));
    }

    fn text() -> impl Strategy<Value = String> {
        let part = prop_oneof![
            6 => "[a-zA-Z ]{1,6}",
            2 => prop::sample::select(vec![
                "Photo", "CREDIT", "image", "k", "K", "vote", "cookie", "Σ", "ς", "ß", "é",
                "İ", "\u{212A}", "ı", "“", "…", "©", "i\u{307}",
            ])
            .prop_map(String::from),
            1 => any::<char>().prop_map(String::from),
        ];
        prop::collection::vec(part, 0..12).prop_map(|p| p.concat())
    }

    type PhraseSet = (&'static [&'static str], &'static [&'static str]);
    const PHRASE_SETS: &[PhraseSet] = &[
        (
            &["photo:", "ap photo", "credit:", "(pic"],
            &["photo", "credit", "(pic"],
        ),
        (&["k", "ik", "ok"], &["k"]),
        (
            &["vote now", " out of ", "cookie"],
            &["vote", "out", "cook"],
        ),
    ];

    const NEEDLES: &[&str] = &[
        "",
        "k",
        "i",
        "photo",
        "credit:",
        "cookie",
        "ik",
        "vote now",
        "ok",
        "(pic",
        "getty images",
        " out of ",
    ];

    proptest! {
        #[test]
        fn matches_as_the_lowered_text_does(text in text()) {
            let folded = Folded::new(&text);
            let lowered = text.to_lowercase();
            for (phrases, keys) in PHRASE_SETS {
                prop_assert_eq!(
                    folded.contains_any(&Phrases::new(phrases, keys)),
                    phrases.iter().any(|p| lowered.contains(p)),
                    "{:?} {:?}", text, phrases
                );
            }
            for needle in NEEDLES {
                prop_assert_eq!(folded.is(needle), lowered == *needle, "{:?} {:?}", text, needle);
                prop_assert_eq!(folded.starts_with(needle), lowered.starts_with(needle));
                prop_assert_eq!(folded.contains(needle), lowered.contains(needle));
            }
            let counter = |b: u8| b.is_ascii_digit() || b"()k ".contains(&b);
            prop_assert_eq!(
                folded.all_ascii(counter),
                lowered.chars().all(|c| c.is_ascii() && counter(c as u8))
            );
            prop_assert_eq!(folded.plain().is_some(), lowers_plainly(&text));
        }
    }
}
