//! A saved page read end to end: short pages (whose main content the
//! extractor finds too little of, so its fallback reads the article as one
//! text) keep the structure and the sanitising of the markup.

use super::prepare_page;
use crate::corpus::input::Format;
use crate::corpus::model::{Block, BlockKind};
use crate::corpus::prepared::{Outcome, Prepared, Source};

/// The page's blocks and how many hidden characters it had.
fn read(html: &str) -> (Vec<Block>, usize) {
    let p = load(html);
    (p.blocks, p.hidden)
}

/// The page's article.
fn load(html: &str) -> Prepared {
    let s = Source {
        name: "page.html".into(),
        path: None,
        bytes: html.as_bytes().to_vec(),
        format: Format::Html,
        cut_at: None,
        fetched_from: None,
        stem: None,
    };
    match prepare_page(s).into_iter().next() {
        Some(Outcome::Loaded(p, _)) => p,
        _ => panic!("the page did not load"),
    }
}

fn content(blocks: &[Block]) -> Vec<(BlockKind, &str)> {
    blocks
        .iter()
        .filter(|b| b.kind.is_content())
        .map(|b| (b.kind, b.text.as_str()))
        .collect()
}

fn page(article: &str) -> String {
    format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Port news - The Tide</title>\
         <script>var leak = \"script words\";</script><style>p{{color:red}}</style></head>\
         <body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/ports\">Ports</a></nav>\
         {article}\
         <footer>Copyright 2025 The Tide</footer></body></html>"
    )
}

#[test]
fn a_short_article_keeps_its_heading_and_paragraphs_in_page_order() {
    let html = page(
        "<article><h1>Ferry strike ends</h1>\n\
         <p>The ferry crews returned to work on Monday morning.</p>\n\
         <p>\"It was a long week,\" one captain said at the pier.</p>\n\
         <noscript>Turn on scripts to see the map</noscript>\n\
         <template><p>template words</p></template>\n\
         <p>Timetables are back to normal from Tuesday.</p></article>",
    );
    let (blocks, _) = read(&html);
    use BlockKind::*;
    assert_eq!(
        content(&blocks),
        [
            (Heading, "Ferry strike ends"),
            (
                Paragraph,
                "The ferry crews returned to work on Monday morning."
            ),
            (
                Paragraph,
                "\"It was a long week,\" one captain said at the pier."
            ),
            (Paragraph, "Timetables are back to normal from Tuesday."),
        ],
        "{blocks:#?}"
    );
    for b in &blocks {
        for leak in ["Turn on scripts", "template words", "script words", "color"] {
            assert!(!b.text.contains(leak), "{leak:?} in {b:?}");
        }
    }
    // The chrome is there as boilerplate, where it stood on the page.
    let at = |needle: &str| blocks.iter().position(|b| b.text.contains(needle));
    let (nav, footer) = (at("Home").unwrap(), at("Copyright").unwrap());
    assert_eq!(blocks[nav].kind, Boilerplate);
    assert_eq!(blocks[footer].kind, Boilerplate);
    assert!(nav < at("Ferry strike").unwrap());
    assert!(footer > at("Timetables").unwrap(), "{blocks:#?}");
}

#[test]
fn adjacent_block_elements_never_glue_words() {
    // Minified: no whitespace at all between the elements.
    let html = page(
        "<article><h1>Café summit “planned”</h1><p>The café owner said the summit was welcome.</p>\
         <p>Another short paragraph follows here.</p><ul><li>First point</li><li>Second point</li></ul>\
         <h2>Later</h2><p>The end.</p></article>",
    );
    let (blocks, _) = read(&html);
    use BlockKind::*;
    assert_eq!(
        content(&blocks),
        [
            (Heading, "Café summit “planned”"),
            (Paragraph, "The café owner said the summit was welcome."),
            (Paragraph, "Another short paragraph follows here."),
            (ListItem, "First point"),
            (ListItem, "Second point"),
            (Heading, "Later"),
            (Paragraph, "The end."),
        ],
        "{blocks:#?}"
    );
    for glued in ["”The", "welcome.Another", "pointSecond", "PointSecond"] {
        assert!(blocks.iter().all(|b| !b.text.contains(glued)), "{glued}");
    }
}

#[test]
fn an_escape_written_as_a_character_reference_shows_its_placeholder() {
    let html = page(
        "<article><h1>Quay closed</h1><p>The harbour master said &#27;[2J the quay is shut.</p>\
         <p>It opens &#x1b;[31mnext week.</p></article>",
    );
    let (blocks, hidden) = read(&html);
    let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
    assert!(
        texts.contains(&"The harbour master said \u{241B}[2J the quay is shut."),
        "{texts:#?}"
    );
    assert!(
        texts.contains(&"It opens \u{241B}[31mnext week."),
        "{texts:#?}"
    );
    assert_eq!(hidden, 2);
    assert!(texts.iter().all(|t| !t.contains('\u{1b}')));
}

#[test]
fn a_tiny_article_read_with_the_whole_body_leaves_the_menu_out() {
    // Under a hundred characters in the article: the extractor's fallback
    // reads the whole body, menus and all.
    let html =
        page("<article><h1>Quay closed</h1><p>The quay is shut.</p><p>Back soon.</p></article>");
    let (blocks, _) = read(&html);
    use BlockKind::*;
    assert_eq!(
        content(&blocks),
        [
            (Heading, "Quay closed"),
            (Paragraph, "The quay is shut."),
            (Paragraph, "Back soon."),
        ],
        "{blocks:#?}"
    );
    assert_eq!(blocks[0].text, "Home World Ports");
    assert_eq!(blocks[0].kind, Boilerplate);
}

#[test]
fn a_heading_never_closed_ends_where_its_paragraphs_begin() {
    // The parser puts the paragraphs inside the `<h1>`: its whole text
    // (which the extractor takes as the title) runs on into them.
    let html = page(
        "<article><h1>Talks stall<p>The negotiators left the room after six hours of talks.</p>\
         <p>Both delegations return on Monday, officials said.</p></article>",
    );
    let p = load(&html);
    assert_eq!(p.meta.title.as_deref(), Some("Talks stall"));
    use BlockKind::*;
    assert_eq!(
        content(&p.blocks),
        [
            (Heading, "Talks stall"),
            (
                Paragraph,
                "The negotiators left the room after six hours of talks."
            ),
            (
                Paragraph,
                "Both delegations return on Monday, officials said."
            ),
        ],
        "{:#?}",
        p.blocks
    );
}

#[test]
fn control_characters_in_json_ld_text_are_shown_and_counted() {
    // No article in the markup: the extractor reads JSON-LD's
    // `articleBody`, and drops its control characters on the way.
    let html = "<!doctype html><html><head><title>Bell rings</title>\
        <script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\
        \"author\":{\"@type\":\"Person\",\"name\":\"Ann\\u0007 Lee\"},\
        \"articleBody\":\"The town bell\\u0007 rang at noon for the first time in forty years, \
        after volunteers restored it.\\n\\nThe mayor\\u001b[31m said the sound carried far.\"}\
        </script></head><body><div id=\"app\"></div></body></html>";
    let p = load(html);
    let block = |start: &str| {
        p.blocks
            .iter()
            .find(|b| b.text.starts_with(start))
            .unwrap_or_else(|| panic!("no {start:?} in {:#?}", p.blocks))
    };
    let (first, second) = (block("The town bell"), block("The mayor"));
    assert!(first.text.contains("bell\u{2407} rang"), "{first:?}");
    assert!(second.text.contains("mayor\u{241B}[31m said"), "{second:?}");
    assert_eq!(p.meta.byline.as_deref(), Some("Ann\u{2407} Lee"));
    assert_eq!(p.hidden, 3);
}

/// A page whose article is only in JSON-LD's `articleBody`.
fn json_ld_page(body: &str) -> String {
    format!(
        "<!doctype html><html><head><title>Dock reopens</title>\
         <script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\
         \"articleBody\":\"{body}\"}}</script></head>\
         <body><div id=\"app\"></div></body></html>"
    )
}

#[test]
fn a_json_ld_body_in_plain_text_is_a_block_per_paragraph() {
    let html = json_ld_page(
        "The dock reopened on Monday after a week of repairs to its two cranes.\\n\\n\
         Workers said the backlog of containers would take days to clear.\\n\
         Shipping lines that had gone to other ports\\u0007 are coming back.\\r\\n\\r\\n",
    );
    let p = load(&html);
    use BlockKind::*;
    assert_eq!(
        content(&p.blocks),
        [
            (Heading, "Dock reopens"),
            (
                Paragraph,
                "The dock reopened on Monday after a week of repairs to its two cranes."
            ),
            (
                Paragraph,
                "Workers said the backlog of containers would take days to clear."
            ),
            (
                Paragraph,
                "Shipping lines that had gone to other ports\u{2407} are coming back."
            ),
        ],
        "{:#?}",
        p.blocks
    );
    assert_eq!(p.hidden, 1);
}

#[test]
fn a_json_ld_body_without_line_breaks_stays_whole() {
    let body = "The dock reopened on Monday after a week of repairs to its two cranes. \
                Workers said the backlog of containers would take days to clear.";
    let p = load(&json_ld_page(body));
    assert_eq!(
        content(&p.blocks),
        [
            (BlockKind::Heading, "Dock reopens"),
            (BlockKind::Paragraph, body)
        ],
        "{:#?}",
        p.blocks
    );
}
