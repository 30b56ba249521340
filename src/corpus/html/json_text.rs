//! Article text a page carries as JSON: JSON-LD's `articleBody` and the
//! like, a forum's preloaded posts. The extractor reads it when the markup
//! holds too little article, and makes each such text one paragraph: its
//! line breaks (plain text) or its paragraphs (markup, words glued where
//! they met) run together, its control characters (`\u0007`, `\u001b`…)
//! dropped before the sanitiser could show and count them. Each block the
//! extractor made of such a text is taken again from the JSON, as the
//! paragraphs it is written in, control characters and all.

use super::page_meta::{JSON_LD, loose, select};
use super::walk::{self, PageBlock};
use crate::corpus::model::BlockKind;
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

/// The texts in the page's JSON that the extractor's one paragraph does
/// not render as written (several paragraphs, or a character it drops),
/// each as its paragraphs (markup read, entities decoded), keyed by the
/// letters and digits of them all (`loose`), which the extractor leaves
/// as they were.
pub fn texts(doc: &Html) -> HashMap<String, Vec<PageBlock>> {
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

/// Each extracted block that is one of `texts` as the extractor rendered
/// it becomes that text's paragraphs. Blocks that are the page's own
/// (`page`: read from its markup, where the sanitiser saw everything and
/// the walk kept the paragraphs) stay as they are.
pub fn restore(
    blocks: Vec<PageBlock>,
    texts: &HashMap<String, Vec<PageBlock>>,
    page: &[PageBlock],
) -> Vec<PageBlock> {
    if texts.is_empty() {
        return blocks;
    }
    let own: HashSet<String> = page.iter().map(|b| loose(&b.text)).collect();
    let mut out = Vec::with_capacity(blocks.len());
    for b in blocks {
        let key = loose(&b.text);
        match texts.get(&key) {
            Some(parts) if !own.contains(&key) => out.extend(parts.iter().cloned()),
            _ => out.push(b),
        }
    }
    out
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

/// Every string under `value` the extractor does not render as written,
/// by its key.
fn collect(value: &Value, depth: usize, found: &mut HashMap<String, Vec<PageBlock>>) {
    match value {
        Value::String(s) => {
            let inner = (depth < MAX_INNER_JSON && s.trim_start().starts_with(['{', '[']))
                .then(|| serde_json::from_str::<Value>(s).ok())
                .flatten();
            if let Some(inner) = inner {
                collect(&inner, depth + 1, found);
            } else if s.contains(|c: char| dropped(c) || matches!(c, '\n' | '\r' | '<' | '&')) {
                let parts = paragraphs(s);
                let key = loose(&parts.iter().map(|b| b.text.as_str()).collect::<String>());
                if !key.is_empty()
                    && (parts.len() > 1 || parts.iter().any(|b| b.text.contains(dropped)))
                {
                    found.insert(key, parts);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect(v, depth, found)),
        Value::Object(map) => map.values().for_each(|v| collect(v, depth, found)),
        _ => {}
    }
}

/// A JSON string as the paragraphs it is written in: markup's blocks where
/// it plainly is some, else a plain text's lines (`plain_paragraphs`).
fn paragraphs(s: &str) -> Vec<PageBlock> {
    if s.contains('<') && has_tags(s) {
        let doc = Html::parse_fragment(s);
        return walk::blocks(doc.tree.root());
    }
    plain_paragraphs(s)
        .into_iter()
        .map(|p| PageBlock {
            kind: BlockKind::Paragraph,
            text: super::plain_text(&p),
            in_nav: false,
        })
        .filter(|b| !b.text.is_empty())
        .collect()
}

/// A plain text's paragraphs. Sites write `articleBody` with a line break
/// or a blank line between paragraphs, so each line is one; but a single
/// break where the sentence plainly runs on (the line before ends without
/// punctuation, the next starts in lower case: a wrapped line, a `<br>`
/// turned into a newline) joins its lines with a space. A text with no
/// line break stays one paragraph: where its paragraphs ended is not
/// written down, and guessing from sentences would split the same text
/// differently from another outlet's copy that has its breaks.
fn plain_paragraphs(s: &str) -> Vec<String> {
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    let mut out: Vec<String> = Vec::new();
    let mut open = false;
    for line in s.split('\n').map(str::trim) {
        if line.is_empty() {
            open = false;
            continue;
        }
        match out.last_mut() {
            Some(last) if open && runs_on(last, line) => {
                last.push(' ');
                last.push_str(line);
            }
            _ => out.push(line.to_string()),
        }
        open = true;
    }
    out
}

/// Whether a line ending `before` runs on into a line starting `after`.
fn runs_on(before: &str, after: &str) -> bool {
    let ends_open = before
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == ',');
    ends_open && after.chars().next().is_some_and(char::is_lowercase)
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
#[path = "json_text_tests.rs"]
mod tests;
