use super::*;

fn paragraph(text: &str) -> PageBlock {
    PageBlock {
        kind: BlockKind::Paragraph,
        text: text.to_string(),
        in_nav: false,
    }
}

fn texts_of(blocks: &[PageBlock]) -> Vec<&str> {
    blocks.iter().map(|b| b.text.as_str()).collect()
}

#[test]
fn a_body_loses_no_control_character_or_paragraph_to_the_extractor() {
    let doc = Html::parse_document(
        "<head><script type=\"application/ld+json\">{\"@graph\":[{\"articleBody\":\
         \"The bell\\u0007 rang.\\n\\nThe mayor\\u001b[31m spoke &amp; left.\"}]}</script>\
         <script type=\"application/ld+json\">{\"articleBody\":\"<h2>Raw</h2><p>Raw \u{7}bell</p><p>Next</p>\"}\
         </script></head><body><p>The page's own words.</p></body>",
    );
    let texts = texts(&doc);
    let page = [paragraph("The page's own words.")];
    // What the extractor gave: one paragraph a text, the controls gone.
    let blocks = vec![
        paragraph("The bell rang. The mayor[31m spoke & left."),
        paragraph("RawRaw bellNext"),
        paragraph("The page's own words."),
    ];
    let blocks = restore(blocks, &texts, &page);
    assert_eq!(
        texts_of(&blocks),
        [
            "The bell\u{7} rang.",
            "The mayor\u{1b}[31m spoke & left.",
            "Raw",
            "Raw \u{7}bell",
            "Next",
            "The page's own words.",
        ]
    );
    assert_eq!(blocks[2].kind, BlockKind::Heading);
}

#[test]
fn a_page_block_that_is_a_json_text_stays_the_page_s() {
    let doc = Html::parse_document(
        "<head><script type=\"application/ld+json\">{\"description\":\"One.\\nTwo.\"}</script>\
         </head><body><p>One. Two.</p></body>",
    );
    let page = [paragraph("One. Two.")];
    let blocks = restore(page.to_vec(), &texts(&doc), &page);
    assert_eq!(texts_of(&blocks), ["One. Two."]);
}

#[test]
fn plain_text_is_a_paragraph_a_line_unless_the_sentence_runs_on() {
    let split = |s: &str| plain_paragraphs(s);
    assert_eq!(
        split("First one.\n\nSecond one\r\nThird, on\nits own line?\r\rFourth"),
        [
            "First one.",
            "Second one",
            "Third, on its own line?",
            "Fourth"
        ]
    );
    // A heading line before its paragraph, a quote's close, a list.
    assert_eq!(
        split("Background\nThe port opened in 1901.\n“We wait,” he said\n- cranes\n- berths"),
        [
            "Background",
            "The port opened in 1901.",
            "“We wait,” he said",
            "- cranes",
            "- berths"
        ]
    );
    // No line break: one paragraph, whatever its length.
    assert_eq!(split("  One. Two. Three.  "), ["One. Two. Three."]);
    assert!(split("\n \n").is_empty());
}

#[test]
fn a_text_of_one_paragraph_is_left_to_the_extractor() {
    let doc = Html::parse_document(
        "<head><script type=\"application/ld+json\">{\"articleBody\":\"One &amp; only.\",\
         \"text\":\"<p>Alone</p>\",\"name\":\"Wrapped\\nline\"}</script></head>",
    );
    assert!(texts(&doc).is_empty(), "{:?}", texts(&doc));
}

#[test]
fn preloaded_posts_are_json_inside_json() {
    let doc = Html::parse_document(
        r#"<body><div id="data-preloaded" data-preloaded='{"topic_1":"{\"post_stream\":{\"posts\":[{\"cooked\":\"<p>Hi\\u0007 there</p>\"}]}}"}'></div></body>"#,
    );
    let texts = texts(&doc);
    assert_eq!(
        texts.get("hithere").map(|p| texts_of(p)),
        Some(vec!["Hi\u{7} there"])
    );
}

#[test]
fn tags_are_told_from_comparisons() {
    assert!(has_tags("<p>x</p>"));
    assert!(has_tags("a<br/>b"));
    assert!(has_tags("<a href=\"/x\">x"));
    assert!(!has_tags("i<b and c>d"));
    assert!(!has_tags("1 < 2"));
}
