//! The chrome shapes read in place (`fold::Folded`) against the forms
//! they replace, which lower-cased every line first: the same answers on
//! random lines made of chrome words, mixed case, and the characters
//! whose lower case is unusual (İ, the Kelvin sign, final sigma, ß).

use super::*;
use proptest::prelude::*;

fn phrase_key_lowered(text: &str) -> String {
    text.trim()
        .trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace() || c == '…')
        .to_lowercase()
}

fn chrome_reason_lowered(text: &str) -> Option<String> {
    let words = words_up_to(text, 60);
    if words > 60 {
        let head: String = text.trim_start().chars().take(16).collect();
        return is_poll_total_lowered(&head).then(|| "poll widget".into());
    }
    let key = phrase_key_lowered(text);
    if INTERFACE_PHRASES.contains(&key.as_str()) {
        return Some(format!("interface phrase “{}”", text.trim()));
    }
    if TAIL_OPENERS.contains(&key.as_str()) {
        return Some(format!("link-list heading “{}”", text.trim()));
    }
    if PROMO_PREFIXES.iter().any(|p| key.starts_with(p)) && words <= 25 {
        return Some("cross-promotion link".into());
    }
    if key.starts_with("rated ") && key.contains(" out of ") && words <= 8 {
        return Some("rating widget".into());
    }
    if key.starts_with("total votes") || key.starts_with("vote now") {
        return Some("poll widget".into());
    }
    if !key.is_empty()
        && words <= 2
        && key
            .chars()
            .all(|c| c.is_ascii_digit() || "()[]+-.,k ".contains(c))
        && date_text(text).is_none()
    {
        return Some("lone number".into());
    }
    if key.starts_with("avatar") && words <= 3 {
        return Some("author avatar".into());
    }
    if (key.starts_with("please sign in")
        || key.starts_with("sign in to")
        || key.starts_with("log in to"))
        && words <= 15
    {
        return Some("sign-in prompt".into());
    }
    if key.contains("cookie")
        && words <= 60
        && ["accept", "consent", "use cookies", "we use", "policy"]
            .iter()
            .any(|w| key.contains(w))
    {
        return Some("cookie notice".into());
    }
    if is_copyright_lowered(text) {
        return Some("copyright line".into());
    }
    None
}

fn is_poll_total_lowered(text: &str) -> bool {
    let key = phrase_key_lowered(text);
    key.starts_with("total votes") || key.starts_with("vote now")
}

fn is_copyright_lowered(text: &str) -> bool {
    let t = text.trim_start();
    let head: String = t.chars().take(20).collect::<String>().to_lowercase();
    (head.starts_with('©')
        || head.starts_with("(c) ")
        || head.starts_with("copyright")
        || head.starts_with("all rights reserved"))
        && words_up_to(text, 25) <= 25
}

fn is_caption_lowered(text: &str) -> bool {
    words_up_to(text, 60) <= 60 && {
        let key = text.to_lowercase();
        CAPTION_MARKS.iter().any(|p| key.contains(p))
    }
}

/// A line of chrome words and phrases in random case, with odd letters.
fn line() -> impl Strategy<Value = String> {
    let words: Vec<&str> = INTERFACE_PHRASES
        .iter()
        .chain(TAIL_OPENERS)
        .chain(PROMO_PREFIXES)
        .chain(LOADING_PHRASES)
        .chain(&CAPTION_MARKS)
        .chain(&[
            "rated",
            "out of",
            "total votes",
            "vote now",
            "avatar",
            "please sign in",
            "sign in to",
            "log in to",
            "cookie",
            "we use",
            "policy",
            "©",
            "(c)",
            "copyright",
            "all rights reserved",
            "reading time:",
            "4",
            "12",
            "min read",
            "minutes",
            "1.2k",
            "(3)",
            "word",
            "İ",
            "\u{212A}",
            "ı",
            "Σ",
            "ß",
            "“",
            "…",
            "- ",
            "• ",
            ".",
            ":",
            "|",
            "  ",
        ])
        .copied()
        .collect();
    let word = (prop::sample::select(words), any::<u64>()).prop_map(|(w, case)| {
        w.chars()
            .enumerate()
            .map(|(i, c)| {
                if case >> (i % 64) & 1 == 1 {
                    c.to_ascii_uppercase()
                } else {
                    c
                }
            })
            .collect::<String>()
    });
    let part = prop_oneof![8 => word, 1 => any::<char>().prop_map(String::from)];
    (prop::collection::vec(part, 0..9), any::<bool>())
        .prop_map(|(parts, spaced)| parts.join(if spaced { " " } else { "" }))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    #[test]
    fn chrome_shapes_read_in_place_match_the_lowered_forms(text in line()) {
        prop_assert_eq!(chrome_reason(&text), chrome_reason_lowered(&text), "{:?}", text);
        prop_assert_eq!(is_copyright(&text), is_copyright_lowered(&text));
        prop_assert_eq!(is_caption(&text), is_caption_lowered(&text));
        prop_assert_eq!(is_poll_total(&text), is_poll_total_lowered(&text));
        let key = phrase_key_lowered(&text);
        prop_assert_eq!(is_tail_opener(&text), TAIL_OPENERS.contains(&key.as_str()));
        prop_assert_eq!(is_loading_indicator(&text), LOADING_PHRASES.contains(&key.as_str()));
    }
}

#[test]
fn kelvin_sign_and_dotted_capital_i_lower_as_before() {
    // "BAC\u{212A}" lowers to "back"; "İ" to "i" and a combining dot.
    assert!(chrome_reason("BAC\u{212A} TO TOP").is_some());
    assert!(chrome_reason("BACK TO TOP").is_some());
    assert!(!is_caption("\u{130}MAGE: archive"));
    assert!(is_caption("IMAGE: archive"));
}
