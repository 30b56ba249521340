//! The classifier's rules on examples, and its early answers against the
//! plain forms they stand for.

use super::*;
use proptest::strategy::Strategy;

fn kinds(blocks: &[(&str, BlockKind)]) -> Vec<BlockKind> {
    let raw: Vec<RawBlock> = blocks
        .iter()
        .enumerate()
        .map(|(i, (text, hint))| RawBlock {
            text: text.to_string(),
            line: i + 1,
            group: i,
            hint: Some(*hint),
        })
        .collect();
    classify(raw).into_iter().map(|b| b.kind).collect()
}

proptest::proptest! {
    #[test]
    fn content_words_are_the_content_blocks_words(
        lines in proptest::collection::vec(
            proptest::prop_oneof![
                4 => "[A-Za-z]{1,8}( [a-z]{1,8}){0,70}[.?]?",
                1 => proptest::sample::select(vec![
                    "Related Articles", "Loading...", "Total votes: 5",
                    "Photo: Reuters", "Share", "4 min read", "By Ann Lee",
                    "Is it?", "\u{a0}é\u{3000}漢 字", "| a | b |",
                ]).prop_map(String::from),
            ],
            1..30,
        ),
    ) {
        let raw: Vec<RawBlock> = lines
            .iter()
            .enumerate()
            .map(|(i, text)| RawBlock { text: text.clone(), line: i + 1, group: i / 3, hint: None })
            .collect();
        let (blocks, words) = classify_counted(raw.clone());
        proptest::prop_assert_eq!(&blocks, &classify(raw));
        proptest::prop_assert_eq!(words, crate::corpus::metadata::count_words(&blocks));
    }
}

/// The shapes as they were, before their early answers.
fn is_table_row_plain(text: &str) -> bool {
    let cells = text.split('|').filter(|c| !c.trim().is_empty()).count();
    let t = text.trim();
    cells >= 2 && (t.ends_with('|') || t.starts_with('|') || text.matches(" | ").count() >= 2)
}

fn is_heading_shape_plain(text: &str) -> bool {
    let t = text.trim();
    let words = words_up_to(t, HEADING_MAX_WORDS);
    let first_ok = t
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'".contains(c));
    let end_ok = !ends_sentence(t) || t.ends_with('?');
    words > 0
        && words <= HEADING_MAX_WORDS
        && t.chars().count() <= 140
        && first_ok
        && end_ok
        && !t.ends_with([',', ':'])
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
    #[test]
    fn early_answers_agree_with_the_plain_shapes(
        parts in proptest::collection::vec(
            proptest::prop_oneof![
                6 => "[A-Za-z0-9]{1,12}",
                3 => proptest::sample::select(vec![
                    " ", " | ", "|", "  ", "\u{a0}", "é", "漢字", "😀", "“", "?", ".", ",", ":",
                ]).prop_map(String::from),
                1 => proptest::arbitrary::any::<char>().prop_map(String::from),
            ],
            0..60,
        ),
    ) {
        let text = parts.concat();
        proptest::prop_assert_eq!(is_table_row(&text), is_table_row_plain(&text), "{:?}", text);
        proptest::prop_assert_eq!(
            is_heading_shape(&text, word_count(&text)),
            is_heading_shape_plain(&text),
            "{:?}", text
        );
    }
}

proptest::proptest! {
    #[test]
    fn dates_are_told_as_date_text_tells_them(
        parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "-", "•", "|", "Published", "on", "Updated:", "Sep", "5,", "2025", "10:30",
                "am", "UTC", "2025-08-24", "word", "\u{a0}", "é",
            ]),
            0..14,
        ),
    ) {
        let text = parts.join(" ");
        proptest::prop_assert_eq!(
            may_be_date(&text, word_count(&text)),
            chrome::date_text(&text).is_some(),
            "{:?}", text
        );
    }
}

#[test]
fn the_longest_date_line_is_still_a_date() {
    let text = "- Published on Sep 5, 2025 10:30 am UTC";
    assert_eq!(word_count(text), chrome::DATE_MAX_WORDS + 1);
    assert!(may_be_date(text, word_count(text)));
}

#[test]
fn a_quote_is_judged_like_a_paragraph_and_stays_a_quote() {
    use BlockKind::*;
    let got = kinds(&[
        ("Harbour reopens", Heading),
        ("4 min read", Quote),
        (
            "\u{201c}We lost a whole season,\u{201d} said skipper Tom Hale.",
            Quote,
        ),
        ("Photo: Courier staff", Quote),
        ("Leave a comment", Quote),
    ]);
    assert_eq!(got, [Heading, Metadata, Quote, Caption, Boilerplate]);
}

/// The kind of the line under the title, and the outlet read, in plain
/// text made of these lines.
fn under_title(lines: &[&str]) -> (BlockKind, Option<String>) {
    let blocks = classify(crate::corpus::segment::segment_text(&lines.join("\n\n")));
    let outlet = crate::corpus::metadata::extract(&blocks).outlet;
    (blocks[1].kind, outlet)
}

#[test]
fn a_name_under_the_title_before_its_date_or_byline_is_the_outlet() {
    let title = "Chlorine leak forces evacuation of 2,400 in Brenmoor";
    let body = "Around 2,400 residents were ordered out of their homes on Tuesday evening.";
    for (name, then) in [
        ("The Northern Ledger", "4 June 2025"),
        ("Valley Post", "June 4, 2025"),
        ("Capital Wire", "2025-06-04"),
        ("Corriere della Sera", "By Anna Berg"),
        ("Harbour Gazette", "2 March 2026, by Tom Ferris"),
    ] {
        let got = under_title(&[title, name, then, body]);
        assert_eq!(got, (BlockKind::Metadata, Some(name.to_string())), "{name}");
    }
    for (line, then) in [
        // A subtitle reads as a phrase; a long name-like line is a deck.
        ("Residents told to stay indoors", "4 June 2025"),
        ("Thousands Flee As Toxic Cloud Spreads", "4 June 2025"),
        ("Brenmoor, Tessel valley", "4 June 2025"),
        // A title-case deck capitalises its small words.
        ("Live Updates From Kyiv", "4 June 2025"),
        ("What We Know So Far", "By Anna Berg"),
        // A heading opening the body: no date or byline under it.
        ("What Happened", body),
    ] {
        let got = under_title(&[title, line, then, body]);
        assert_eq!(got, (BlockKind::Heading, None), "{line}");
    }
}

#[test]
fn a_date_then_a_byline_under_the_title_is_metadata_with_both() {
    let lines = [
        "Dock strike enters its third week",
        "2 March 2026, by Tom Ferris",
        "Dockworkers walked off the job at 6 a.m. on Monday.",
    ];
    let blocks = classify(crate::corpus::segment::segment_text(&lines.join("\n\n")));
    assert_eq!(blocks[1].kind, BlockKind::Metadata);
    let meta = crate::corpus::metadata::extract(&blocks);
    assert_eq!(meta.date.as_deref(), Some("2 March 2026"));
    assert_eq!(meta.byline.as_deref(), Some("Tom Ferris"));
}
