//! Article text a page carries as JSON: JSON-LD's `articleBody` and the
//! like, a forum's preloaded posts. The extractor reads it when the markup
//! holds too little article, and on the way drops its control characters
//! (`\u0007`, `\u001b`…), before the sanitiser could show and count them.
//! Each block the extractor made of such a text is taken again from the
//! JSON, control characters and all, so that they are shown and counted
//! like those of any other text.

use super::page_meta::{JSON_LD, loose, select};
use super::walk::{self, PageBlock};
use scraper::Html;
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// Where a forum (Discourse) preloads its posts, besides JSON-LD scripts.
const PRELOADED: &str = r#"div[id="data-preloaded"]"#;
/// JSON inside JSON strings (a preloaded post) is read this deep at most.
const MAX_INNER_JSON: usize = 2;

/// Whether the extractor drops `c`: a control character that is not
/// whitespace (whitespace it keeps, and the walk makes a space of it, as
/// of the markup's).
fn dropped(c: char) -> bool {
    c.is_control() && !c.is_whitespace()
}

/// The texts in the page's JSON that hold a character the extractor
/// drops, each as one line of text (markup read, entities decoded), keyed
/// by their letters and digits (`loose`), which the dropping leaves as
/// they were.
pub fn with_dropped_characters(doc: &Html) -> HashMap<String, String> {
    let mut found = HashMap::new();
    let mut add = |json: &str| {
        if let Some(value) = parse(json) {
            collect(&value, 0, &mut found);
        }
    };
    for script in select(doc, JSON_LD) {
        add(&script.text().collect::<String>());
    }
    for div in select(doc, PRELOADED) {
        if let Some(json) = div.value().attr("data-preloaded") {
            add(json);
        }
    }
    found
}

/// Each extracted block that is one of `texts` without the characters the
/// extractor dropped becomes that text. Blocks that are the page's own
/// (`page`: read from its markup, where the sanitiser saw everything)
/// stay as they are.
pub fn restore(blocks: &mut [PageBlock], texts: &HashMap<String, String>, page: &[PageBlock]) {
    if texts.is_empty() {
        return;
    }
    let own: HashSet<String> = page.iter().map(|b| loose(&b.text)).collect();
    for b in blocks.iter_mut() {
        let key = loose(&b.text);
        if let Some(text) = texts.get(&key)
            && !own.contains(&key)
        {
            b.text = text.clone();
        }
    }
}

/// JSON as the extractor reads it: raw control characters inside strings
/// (not valid JSON) are taken as if escaped.
fn parse(json: &str) -> Option<Value> {
    serde_json::from_str(json)
        .ok()
        .or_else(|| serde_json::from_str(&escape_raw_controls(json)).ok())
}

fn escape_raw_controls(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut quoted, mut backslash) = (false, false);
    for c in json.chars() {
        if quoted && !backslash && c < ' ' {
            out.push_str(&format!("\\u{:04x}", c as u32));
            continue;
        }
        out.push(c);
        if backslash {
            backslash = false;
        } else if c == '\\' {
            backslash = quoted;
        } else if c == '"' {
            quoted = !quoted;
        }
    }
    out
}

/// Every string under `value` that holds a dropped character, by its key.
fn collect(value: &Value, depth: usize, found: &mut HashMap<String, String>) {
    match value {
        Value::String(s) => {
            let inner = (depth < MAX_INNER_JSON && s.trim_start().starts_with(['{', '[']))
                .then(|| serde_json::from_str::<Value>(s).ok())
                .flatten();
            if let Some(inner) = inner {
                collect(&inner, depth + 1, found);
            } else if s.contains(dropped) || s.contains("&#") {
                let text = as_text(s);
                let key = loose(&text);
                if text.contains(dropped) && !key.is_empty() {
                    found.insert(key, text);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect(v, depth, found)),
        Value::Object(map) => map.values().for_each(|v| collect(v, depth, found)),
        _ => {}
    }
}

/// A JSON string as the text it says, on one line: markup read as markup
/// where it plainly is some, character references decoded.
fn as_text(s: &str) -> String {
    if !s.contains(['<', '&']) {
        return walk::collapse(s);
    }
    let markup = if has_tags(s) {
        s.to_string()
    } else {
        s.replace('<', "&lt;")
    };
    let doc = Html::parse_fragment(&markup);
    let blocks: Vec<String> = walk::blocks(doc.tree.root())
        .into_iter()
        .map(|b| b.text)
        .collect();
    blocks.join(" ")
}

/// Whether `s` holds a tag: `</name>`, `<name>`, `<name/>` or a start tag
/// with an attribute (`<a href=…>`); "i<b and c>d" holds none.
fn has_tags(s: &str) -> bool {
    s.match_indices('<').any(|(at, _)| {
        let rest = &s[at + 1..];
        let rest = rest.strip_prefix('/').unwrap_or(rest);
        let name = rest
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        if name == 0 || !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return false;
        }
        let after = &rest[name..];
        after.starts_with('>')
            || after.starts_with("/>")
            || after
                .find('>')
                .is_some_and(|end| after[..end].contains('=') && !after[..end].contains('<'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::model::BlockKind;

    fn paragraph(text: &str) -> PageBlock {
        PageBlock {
            kind: BlockKind::Paragraph,
            text: text.to_string(),
            in_nav: false,
        }
    }

    #[test]
    fn a_body_loses_no_control_character_to_the_extractor() {
        let doc = Html::parse_document(
            "<head><script type=\"application/ld+json\">{\"@graph\":[{\"articleBody\":\
             \"The bell\\u0007 rang.\\n\\nThe mayor\\u001b[31m spoke &amp; left.\"}]}</script>\
             <script type=\"application/ld+json\">{\"articleBody\":\"<p>Raw \u{7}bell</p><p>Next</p>\"}\
             </script></head><body><p>The page's own words.</p></body>",
        );
        let texts = with_dropped_characters(&doc);
        let page = [paragraph("The page's own words.")];
        // What the extractor gave: the controls gone, the rest as it was.
        let mut blocks = vec![
            paragraph("The bell rang. The mayor[31m spoke & left."),
            paragraph("Raw bellNext"),
            paragraph("The page's own words."),
        ];
        restore(&mut blocks, &texts, &page);
        let got: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            got,
            [
                "The bell\u{7} rang. The mayor\u{1b}[31m spoke & left.",
                "Raw \u{7}bell Next",
                "The page's own words.",
            ]
        );
    }

    #[test]
    fn preloaded_posts_are_json_inside_json() {
        let doc = Html::parse_document(
            r#"<body><div id="data-preloaded" data-preloaded='{"topic_1":"{\"post_stream\":{\"posts\":[{\"cooked\":\"<p>Hi\\u0007 there</p>\"}]}}"}'></div></body>"#,
        );
        let texts = with_dropped_characters(&doc);
        assert_eq!(
            texts.get("hithere").map(String::as_str),
            Some("Hi\u{7} there")
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
}
