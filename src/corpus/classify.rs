//! Raw blocks of one article → typed blocks. Line shapes come from `chrome`;
//! this module adds the structural rules: what stands in the page header,
//! what follows a loading indicator or a link-list heading, poll widgets,
//! image alt text beside captions, headings versus paragraphs.

use super::chrome;
use super::minutes;
use super::model::{Block, BlockKind};
use super::segment::{RawBlock, starts_with_list_marker};
use super::words::{ends_sentence, word_count, words_up_to};

/// Header lines (outlet, byline) are looked for among this many first blocks.
const HEADER_ZONE: usize = 12;
/// A heading has at most this many words.
const HEADING_MAX_WORDS: usize = 16;
/// Everything after a link-list heading is chrome only if it holds less than
/// this share of the article's words (so a mid-article "Related" is safe).
const TAIL_MAX_SHARE: f64 = 0.3;

pub fn classify(raw: &[RawBlock]) -> Vec<Block> {
    let mut blocks: Vec<Block> = raw
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let (kind, reason) = line_kind(r, i < HEADER_ZONE);
            Block {
                kind,
                text: r.text.clone(),
                reason,
                line: r.line,
            }
        })
        .collect();
    mark_navigation_before_loading(&mut blocks);
    mark_polls(&mut blocks);
    mark_tail(&mut blocks);
    mark_alt_text(raw, &mut blocks);
    mark_title(raw, &mut blocks);
    blocks
}

/// The kind a block has on its own shape.
fn line_kind(r: &RawBlock, in_header: bool) -> (BlockKind, Option<String>) {
    let text = r.text.as_str();
    if let Some(reason) = chrome::chrome_reason(text) {
        return (BlockKind::Boilerplate, Some(reason));
    }
    // Markup decides structure, except that a paragraph (or a quoted one)
    // may still be a metadata line or a caption.
    if let Some(hint) = r
        .hint
        .filter(|h| !matches!(h, BlockKind::Paragraph | BlockKind::Quote))
    {
        return (hint, None);
    }
    if minutes::read_minutes(text).is_some() || chrome::date_text(text).is_some() {
        return (BlockKind::Metadata, None);
    }
    if in_header && chrome::byline(text).is_some() {
        return (BlockKind::Metadata, None);
    }
    if in_header && is_dash_label(text) {
        return (BlockKind::Metadata, None);
    }
    if is_table_row(text) {
        return (BlockKind::TableRow, None);
    }
    if chrome::is_caption(text) {
        return (BlockKind::Caption, None);
    }
    if r.hint == Some(BlockKind::Quote) {
        return (BlockKind::Quote, None);
    }
    if r.hint.is_none() && starts_with_list_marker(text) {
        return (BlockKind::ListItem, None);
    }
    if r.hint.is_none() && is_heading_shape(text) {
        return (BlockKind::Heading, None);
    }
    (BlockKind::Paragraph, None)
}

/// "- THE MAG POST": a short dash-led label in the page header.
pub fn is_dash_label(text: &str) -> bool {
    let t = text.trim();
    (t.starts_with("- ") || t.starts_with("– ") || t.starts_with("• "))
        && words_up_to(t, 6) <= 6
        && !ends_sentence(t)
}

fn is_table_row(text: &str) -> bool {
    let cells = text.split('|').filter(|c| !c.trim().is_empty()).count();
    let t = text.trim();
    cells >= 2 && (t.ends_with('|') || t.starts_with('|') || text.matches(" | ").count() >= 2)
}

pub fn is_heading_shape(text: &str) -> bool {
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

fn set_boilerplate(b: &mut Block, reason: &str) {
    b.kind = BlockKind::Boilerplate;
    b.reason = Some(reason.to_string());
}

/// Pages that open with navigation links and a loading indicator ("Getting
/// Data / Loading...") before the real title: the lines before the last
/// loading indicator in the header are navigation.
fn mark_navigation_before_loading(blocks: &mut [Block]) {
    let first_paragraph = blocks
        .iter()
        .position(|b| b.kind == BlockKind::Paragraph)
        .unwrap_or(blocks.len());
    let last_loading = blocks[..first_paragraph.min(HEADER_ZONE).min(blocks.len())]
        .iter()
        .rposition(|b| chrome::is_loading_indicator(&b.text));
    if let Some(end) = last_loading {
        for b in &mut blocks[..end] {
            if b.kind != BlockKind::Boilerplate {
                set_boilerplate(b, "site navigation before a loading indicator");
            }
        }
    }
}

/// "Question? / option / option / Total votes: 524": the question and short
/// option lines above a vote total are a poll widget.
fn mark_polls(blocks: &mut [Block]) {
    for i in 0..blocks.len() {
        if !chrome::is_poll_total(&blocks[i].text) {
            continue;
        }
        let lower = i.saturating_sub(8);
        let Some(q) = (lower..i)
            .rev()
            .find(|&k| blocks[k].text.trim_end().ends_with('?'))
        else {
            continue;
        };
        if blocks[q + 1..i]
            .iter()
            .all(|b| words_up_to(&b.text, 8) <= 8)
        {
            for b in &mut blocks[q..i] {
                set_boilerplate(b, "poll widget");
            }
        }
    }
}

/// Everything after a link-list heading ("From our network :", "Related
/// Articles") near the end of the page is chrome.
fn mark_tail(blocks: &mut [Block]) {
    let total: usize = blocks.iter().map(|b| word_count(&b.text)).sum();
    let Some(start) = blocks
        .iter()
        .position(|b| chrome::is_tail_opener(&b.text))
        .filter(|&s| {
            let after: usize = blocks[s + 1..].iter().map(|b| word_count(&b.text)).sum();
            (after as f64) <= TAIL_MAX_SHARE * total as f64
        })
    else {
        return;
    };
    let reason = format!("below “{}”", blocks[start].text.trim());
    for b in &mut blocks[start + 1..] {
        if b.kind != BlockKind::Boilerplate {
            set_boilerplate(b, &reason);
        }
    }
}

/// A short line right above a caption in the same group is the image's alt
/// text: a caption too.
fn mark_alt_text(raw: &[RawBlock], blocks: &mut [Block]) {
    for i in (0..blocks.len().saturating_sub(1)).rev() {
        if blocks[i + 1].kind == BlockKind::Caption
            && raw[i].group == raw[i + 1].group
            && matches!(blocks[i].kind, BlockKind::Heading | BlockKind::Paragraph)
            && words_up_to(&blocks[i].text, 8) <= 8
        {
            blocks[i].kind = BlockKind::Caption;
        }
    }
}

/// In plain text the first content line is the title even when it ends like
/// a sentence, as long as it is short and something follows it.
fn mark_title(raw: &[RawBlock], blocks: &mut [Block]) {
    if raw
        .iter()
        .any(|r| r.hint.is_some() && r.hint != Some(BlockKind::TableRow))
    {
        return; // Markdown decides its own headings.
    }
    if let Some(first) = blocks.iter().position(|b| b.kind.is_content())
        && blocks[first].kind == BlockKind::Paragraph
        && words_up_to(&blocks[first].text, 25) <= 25
        && first + 1 < blocks.len()
    {
        blocks[first].kind = BlockKind::Heading;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        classify(&raw).into_iter().map(|b| b.kind).collect()
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
}
