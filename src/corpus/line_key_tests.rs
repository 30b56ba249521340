//! The shared line key (`line_key`, `key_marks`) against each rule's own
//! key, on random and Unicode lines.

use super::key_marks::KeyMarks;
use super::line_key::{LineKey, phrase_key};

use crate::corpus::chrome::{
    chrome_reason_counted, chrome_reason_keyed, is_caption_keyed, is_loading_indicator,
    is_poll_total, is_tail_opener,
};
use crate::corpus::fold::lowers_plainly;
use crate::corpus::minutes::{read_minutes, read_minutes_keyed};
use crate::corpus::words::word_count;
use proptest::prelude::*;

fn line() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            4 => "[A-Za-z0-9]{1,10}",
            3 => proptest::sample::select(vec![
                " ", "  ", ".", "…", ":", "?", "-", "- ", "– ", "• ", "* ", "| ", "\u{a0}",
                "\u{130}", "\u{212A}", "é", "ß", "Σ", "漢字", "😀", "\t",
                "Total votes", "vote now", "Loading", "getting data", "please wait",
                "Related Articles", "From our network", "min read", "Reading time:",
                "Share", "Photo:", "(image", "Getty Images", "By Ann", "©", "Cookie policy", "rated 4 out of 5",
            ])
            .prop_map(String::from),
            1 => any::<char>().prop_map(String::from),
        ],
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

/// The caption marks, looked for in the whole lower-cased text.
fn caption_by_lowering(text: &str) -> bool {
    let lowered = text.to_lowercase();
    crate::corpus::chrome::CAPTION_MARKS
        .iter()
        .any(|m| lowered.contains(m))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]
    #[test]
    fn the_shared_key_answers_as_each_rules_own_key(text in line(), in_header: bool) {
        let line = LineKey::new(&text);
        let key = &line.phrase;
        let marks = KeyMarks::of(key, in_header);
        prop_assert_eq!(marks.loading, in_header && is_loading_indicator(&text), "{:?}", text);
        prop_assert_eq!(marks.poll_total, is_poll_total(&text), "{:?}", text);
        prop_assert_eq!(marks.tail_opener, is_tail_opener(&text), "{:?}", text);
        prop_assert_eq!(read_minutes_keyed(&text, key), read_minutes(&text), "{:?}", text);
        let words = word_count(&text);
        // The caption check takes the text's plainness from the key.
        prop_assert_eq!(key.plain().is_some(), lowers_plainly(&text), "{:?}", text);
        prop_assert_eq!(line.whole.plain().is_some(), lowers_plainly(&text), "{:?}", text);
        prop_assert_eq!(
            is_caption_keyed(&line, words),
            words <= 60 && caption_by_lowering(&text),
            "{:?}", text
        );
        prop_assert_eq!(
            chrome_reason_keyed(&text, &line, words),
            chrome_reason_counted(&text, words),
            "{:?}", text
        );
    }
}

#[test]
fn a_bulleted_reading_time_and_unicode_keys_agree() {
    for text in [
        "- 4 min read",
        "• Reading time: 3 MINS",
        "4 M\u{130}N READ",
        "TOTAL VOTES: 5",
        "Loading…",
        "Rel\u{212A}ated",
        "  Related Articles :",
    ] {
        let key = phrase_key(text);
        assert_eq!(
            read_minutes_keyed(text, &key),
            read_minutes(text),
            "{text:?}"
        );
        let marks = KeyMarks::of(&key, true);
        assert_eq!(marks.poll_total, is_poll_total(text), "{text:?}");
        assert_eq!(marks.tail_opener, is_tail_opener(text), "{text:?}");
        assert_eq!(marks.loading, is_loading_indicator(text), "{text:?}");
    }
}
