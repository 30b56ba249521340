//! A parsed HTML tree → blocks in reading order, keeping the structure the
//! markup gives: headings, paragraphs, list items, captions, table rows,
//! block quotes (a paragraph inside `<blockquote>` is a quote).
//! Text runs outside any block element become paragraphs. Scripts, styles
//! and other non-text elements are skipped; nothing is fetched.

use crate::corpus::model::BlockKind;
use ego_tree::NodeRef;
use scraper::Node;

/// Blocks taken from one page at most.
pub const MAX_BLOCKS: usize = 20_000;
/// How deep the walk goes (the guard caps nesting well below this).
const MAX_DEPTH: usize = 512;

/// One block of a page, its text with whitespace collapsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageBlock {
    pub kind: BlockKind,
    pub text: String,
    /// Inside a `<nav>`: the site's menus, never the article.
    pub in_nav: bool,
}

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "head",
    "title", "button", "select", "option", "textarea", "input", "canvas", "video", "audio",
    "picture", "map",
];

/// Elements that flow inside a line of text.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "font", "i",
    "img", "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strike", "strong",
    "sub", "sup", "time", "tt", "u", "var", "wbr",
];

/// The blocks under `root`.
pub fn blocks(root: NodeRef<'_, Node>) -> Vec<PageBlock> {
    let mut w = Walker::default();
    w.container(root, 0);
    w.flush();
    w.out
}

#[derive(Default)]
struct Walker {
    out: Vec<PageBlock>,
    run: String,
    /// How many `<blockquote>` elements the walk is inside.
    quotes: usize,
    /// How many `<nav>` elements the walk is inside.
    navs: usize,
}

fn tag<'a>(node: &NodeRef<'a, Node>) -> Option<&'a str> {
    match node.value() {
        Node::Element(e) => Some(e.name()),
        _ => None,
    }
}

impl Walker {
    fn push(&mut self, kind: BlockKind, text: &str) {
        let text = collapse(text);
        let kind = match kind {
            BlockKind::Paragraph if self.quotes > 0 => BlockKind::Quote,
            other => other,
        };
        if !text.is_empty() && self.out.len() < MAX_BLOCKS {
            self.out.push(PageBlock {
                kind,
                text,
                in_nav: self.navs > 0,
            });
        }
    }

    /// The text run so far becomes a paragraph.
    fn flush(&mut self) {
        let run = std::mem::take(&mut self.run);
        self.push(BlockKind::Paragraph, &run);
    }

    /// Walk the children of a block container.
    fn container(&mut self, node: NodeRef<'_, Node>, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        for child in node.children() {
            match child.value() {
                Node::Text(t) => self.run.push_str(t),
                Node::Element(_) => {
                    let name = tag(&child).unwrap_or("");
                    if SKIPPED.contains(&name) {
                        continue;
                    }
                    if INLINE.contains(&name) {
                        inline_into(child, name, &mut self.run, depth + 1);
                    } else {
                        self.flush();
                        self.block(child, name, depth + 1);
                    }
                }
                _ => {}
            }
        }
    }

    /// A block-level element: its own line of text (if its kind has one),
    /// then whatever blocks it holds.
    fn block(&mut self, node: NodeRef<'_, Node>, name: &str, depth: usize) {
        let kind = match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Some(BlockKind::Heading),
            "p" | "dt" | "dd" | "pre" | "address" => Some(BlockKind::Paragraph),
            "li" => Some(BlockKind::ListItem),
            "figcaption" | "caption" => Some(BlockKind::Caption),
            "tr" => {
                self.row(node, depth);
                return;
            }
            "blockquote" => {
                self.quotes += 1;
                self.container(node, depth);
                self.flush();
                self.quotes -= 1;
                return;
            }
            "nav" => {
                self.navs += 1;
                self.container(node, depth);
                self.flush();
                self.navs -= 1;
                return;
            }
            _ => None,
        };
        match kind {
            Some(kind) => {
                // The element's own line is its text up to a nested block;
                // text after one is a block of its own, in page order. A
                // heading's line has ended there: a heading never closed
                // (`<h1>Title<p>Text…`) holds what follows it, which is
                // the article's text, not more of the heading.
                let mut kind = kind;
                let mut own = String::new();
                for child in node.children() {
                    match child.value() {
                        Node::Text(t) => own.push_str(t),
                        Node::Element(e) => {
                            let n = e.name();
                            if SKIPPED.contains(&n) {
                            } else if INLINE.contains(&n) {
                                inline_into(child, n, &mut own, depth + 1);
                            } else {
                                self.push(kind, &std::mem::take(&mut own));
                                self.block(child, n, depth + 1);
                                if kind == BlockKind::Heading {
                                    kind = BlockKind::Paragraph;
                                }
                            }
                        }
                        _ => {}
                    }
                }
                self.push(kind, &own);
            }
            None => {
                self.container(node, depth);
                self.flush();
            }
        }
    }

    /// A table row: its cells joined by " | ".
    fn row(&mut self, node: NodeRef<'_, Node>, depth: usize) {
        let cells: Vec<String> = node
            .children()
            .filter(|c| matches!(tag(c), Some("td" | "th")))
            .map(|c| {
                let mut s = String::new();
                inline_text(c, &mut s, depth + 1);
                collapse(&s)
            })
            .collect();
        if cells.iter().any(|c| !c.is_empty()) {
            self.push(BlockKind::TableRow, &cells.join(" | "));
        }
    }
}

/// The first line of text under `node` (a heading's own text), as a
/// browser lays it out: its inline text up to the first block element
/// after some text, or the end of the block that held the text. Blocks
/// before any text are looked into (`<h1><div>Title</div></h1>`).
pub fn first_line(node: NodeRef<'_, Node>) -> String {
    let mut line = String::new();
    first_line_into(node, &mut line, 0);
    collapse(&line)
}

/// `first_line` of `node` into `line`; true once the line has ended.
fn first_line_into(node: NodeRef<'_, Node>, line: &mut String, depth: usize) -> bool {
    if depth > MAX_DEPTH {
        return true;
    }
    let has_text = |line: &String| !line.trim().is_empty();
    for child in node.children() {
        match child.value() {
            Node::Text(t) => line.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                if SKIPPED.contains(&name) {
                    continue;
                }
                if INLINE.contains(&name) {
                    inline_into(child, name, line, depth + 1);
                    continue;
                }
                if has_text(line) || first_line_into(child, line, depth + 1) || has_text(line) {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// All text under `node` on one line, as `inline_text` reads it: a line
/// break or a block boundary is a space, never words glued.
pub fn one_line(node: NodeRef<'_, Node>) -> String {
    let mut line = String::new();
    inline_text(node, &mut line, 0);
    collapse(&line)
}

/// An inline element `name`'s text onto `out`; a line break is a space
/// (`<p>one<br>two</p>` is "one two").
fn inline_into(node: NodeRef<'_, Node>, name: &str, out: &mut String, depth: usize) {
    if name == "br" {
        out.push(' ');
    }
    inline_text(node, out, depth);
}

/// All text under `node`, as one line (line breaks become spaces).
fn inline_text(node: NodeRef<'_, Node>, out: &mut String, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    for child in node.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                if SKIPPED.contains(&name) {
                    continue;
                }
                if !INLINE.contains(&name) || name == "br" {
                    out.push(' ');
                }
                inline_text(child, out, depth + 1);
            }
            _ => {}
        }
    }
}

/// Whitespace runs (including newlines and no-break spaces from markup
/// indentation) become one space.
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(html: &str) -> Vec<(BlockKind, String)> {
        let doc = scraper::Html::parse_fragment(html);
        blocks(doc.tree.root())
            .into_iter()
            .map(|b| (b.kind, b.text))
            .collect()
    }

    #[test]
    fn structure_comes_from_the_markup() {
        use BlockKind::*;
        let got = kinds(
            "<h2>Head</h2><p>One <b>bold</b>\n word.</p><p>Line one<br>line two</p><ul><li>a<ul><li>b</li></ul></li></ul>\
             <figure><img alt=x><figcaption>Photo: X</figcaption></figure>\
             <table><tr><th>k</th><td>v</td></tr></table><div>loose text<p>p</p>tail</div>\
             <script>var x;</script><blockquote><p>quoted</p></blockquote>",
        );
        let want: Vec<(BlockKind, String)> = [
            (Heading, "Head"),
            (Paragraph, "One bold word."),
            (Paragraph, "Line one line two"),
            (ListItem, "a"),
            (ListItem, "b"),
            (Caption, "Photo: X"),
            (TableRow, "k | v"),
            (Paragraph, "loose text"),
            (Paragraph, "p"),
            (Paragraph, "tail"),
            (Quote, "quoted"),
        ]
        .into_iter()
        .map(|(k, t)| (k, t.to_string()))
        .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn a_heading_ends_at_a_block_after_its_text() {
        use BlockKind::*;
        let got = kinds("<h1>Talks stall<p>First.</p>tail<div>more</div></h1><h2>Next</h2>");
        let want: Vec<(BlockKind, String)> = [
            (Heading, "Talks stall"),
            (Paragraph, "First."),
            (Paragraph, "tail"),
            (Paragraph, "more"),
            (Heading, "Next"),
        ]
        .into_iter()
        .map(|(k, t)| (k, t.to_string()))
        .collect();
        assert_eq!(got, want);
        let line = |html: &str| {
            let doc = scraper::Html::parse_fragment(html);
            first_line(doc.root_element().first_child().unwrap())
        };
        assert_eq!(line("<h1>Talks stall<p>First.</p></h1>"), "Talks stall");
        assert_eq!(line("<h1>\n <div><span>Title</span></div> </h1>"), "Title");
        assert_eq!(line("<h1><div>Main</div>Sub</h1>"), "Main");
        assert_eq!(
            line("<h1><a>Big</a> news<script>x</script></h1>"),
            "Big news"
        );
        assert_eq!(line("<h1>Two<br>lines</h1>"), "Two lines");
    }
}
