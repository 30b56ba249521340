//! Raw blocks of one article → typed blocks. Line shapes come from `chrome`;
//! this module adds the structural rules: what stands in the page header,
//! what follows a loading indicator or a link-list heading, poll widgets,
//! image alt text beside captions, headings versus paragraphs.

use super::chrome;
use super::key_marks::KeyMarks;
use super::line_key::LineKey;
use super::minutes;
use super::model::{Block, BlockKind};
use super::segment::{RawBlock, starts_with_list_marker};
use super::source_date;
use super::words::{ends_sentence, word_count, words_up_to};

/// Header lines (outlet, byline) are looked for among this many first blocks.
const HEADER_ZONE: usize = 12;
/// A heading has at most this many words.
const HEADING_MAX_WORDS: usize = 16;
/// Everything after a link-list heading is chrome only if it holds less than
/// this share of the article's words (so a mid-article "Related" is safe).
const TAIL_MAX_SHARE: f64 = 0.3;
/// An outlet's name under the title has at most this many words.
const OUTLET_MAX_WORDS: usize = 5;
/// The reason a metadata block carries when it is the outlet's name
/// (`metadata::extract` reads it so).
pub const OUTLET_LINE: &str = "outlet";

pub fn classify(raw: Vec<RawBlock>) -> Vec<Block> {
    classify_counted(raw).0
}

/// The blocks, and the words in their content blocks (what
/// `Metadata::words` holds). Each block's words are counted once here and
/// shared by every rule below (they only change kinds, never text). Each
/// text moves into its block; the rules after that read only the raw
/// blocks' groups and hints, and each block's phrase key (built once, see
/// `line_key`) through the marks taken from it.
pub fn classify_counted(mut raw: Vec<RawBlock>) -> (Vec<Block>, usize) {
    let words: Vec<usize> = raw.iter().map(|r| word_count(&r.text)).collect();
    let (kinds, marks): (Vec<(BlockKind, Option<String>)>, Vec<KeyMarks>) = raw
        .iter()
        .zip(&words)
        .enumerate()
        .map(|(i, (r, &w))| {
            let key = LineKey::new(&r.text);
            let in_header = i < HEADER_ZONE;
            let marks = KeyMarks::of(&key.phrase, in_header);
            (line_kind(r, w, &key, in_header, i == 0), marks)
        })
        .unzip();
    let mut blocks: Vec<Block> = raw
        .iter_mut()
        .zip(kinds)
        .map(|(r, (kind, reason))| Block {
            kind,
            text: std::mem::take(&mut r.text),
            reason,
            line: r.line,
        })
        .collect();
    mark_navigation_before_loading(&mut blocks, &marks);
    mark_polls(&mut blocks, &marks, &words);
    mark_tail(&mut blocks, &marks, &words);
    mark_alt_text(&raw, &mut blocks, &words);
    mark_title(&raw, &mut blocks, &words);
    mark_outlet_line(&raw, &mut blocks, &words);
    let content_words = blocks
        .iter()
        .zip(&words)
        .filter(|(b, _)| b.kind.is_content())
        .map(|(_, &w)| w)
        .sum();
    (blocks, content_words)
}

/// The kind a block has on its own shape; `words` is its word count and
/// `key` its keys.
fn line_kind(
    r: &RawBlock,
    words: usize,
    key: &LineKey,
    in_header: bool,
    first: bool,
) -> (BlockKind, Option<String>) {
    let text = r.text.as_str();
    if let Some(reason) = chrome::chrome_reason_keyed(text, key, words) {
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
    if minutes::read_minutes_keyed(text, &key.phrase).is_some() || may_be_date(text, words) {
        return (BlockKind::Metadata, None);
    }
    if in_header
        && (chrome::byline(text).is_some() || source_date::date_then_byline(text).is_some())
    {
        return (BlockKind::Metadata, None);
    }
    if in_header && is_dash_label(text) {
        return (BlockKind::Metadata, None);
    }
    if is_table_row(text) {
        return (BlockKind::TableRow, None);
    }
    // Never the first line: a title may end with its date
    // ("Leaders Meet In Alaska — Aug. 15, 2025").
    if in_header && !first && source_date::source_dateline(text).is_some() {
        return (BlockKind::Metadata, None);
    }
    if chrome::is_caption_keyed(key, words) {
        return (BlockKind::Caption, None);
    }
    if r.hint == Some(BlockKind::Quote) {
        return (BlockKind::Quote, None);
    }
    if r.hint.is_none() && starts_with_list_marker(text) {
        return (BlockKind::ListItem, None);
    }
    if r.hint.is_none() && is_heading_shape(text, words) {
        return (BlockKind::Heading, None);
    }
    (BlockKind::Paragraph, None)
}

/// `date_text(text).is_some()` for a text of `words` words: a date line is
/// at most `DATE_MAX_WORDS` words past its bullet (one word), so a longer
/// block is none, told without stripping and counting it again.
fn may_be_date(text: &str, words: usize) -> bool {
    words <= chrome::DATE_MAX_WORDS + 1 && chrome::date_text(text).is_some()
}

/// "- THE MAG POST": a short dash-led label in the page header.
pub fn is_dash_label(text: &str) -> bool {
    let t = text.trim();
    (t.starts_with("- ") || t.starts_with("– ") || t.starts_with("• "))
        && words_up_to(t, 6) <= 6
        && !ends_sentence(t)
}

fn is_table_row(text: &str) -> bool {
    // Without a bar there is one cell at most: most lines end here, after
    // one vector search.
    if memchr::memchr(b'|', text.as_bytes()).is_none() {
        return false;
    }
    let cells = text.split('|').filter(|c| !c.trim().is_empty()).count();
    let t = text.trim();
    cells >= 2 && (t.ends_with('|') || t.starts_with('|') || text.matches(" | ").count() >= 2)
}

/// `words`: the text's word count, or any count capped above
/// `HEADING_MAX_WORDS` (trimming does not change it).
fn is_heading_shape(text: &str, words: usize) -> bool {
    let t = text.trim();
    let first_ok = t
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'".contains(c));
    let end_ok = !ends_sentence(t) || t.ends_with('?');
    words > 0
        && words <= HEADING_MAX_WORDS
        // At most as many characters as bytes: only a long text is counted.
        && (t.len() <= 140 || t.chars().count() <= 140)
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
fn mark_navigation_before_loading(blocks: &mut [Block], marks: &[KeyMarks]) {
    let first_paragraph = blocks
        .iter()
        .position(|b| b.kind == BlockKind::Paragraph)
        .unwrap_or(blocks.len());
    let last_loading = marks[..first_paragraph.min(HEADER_ZONE).min(blocks.len())]
        .iter()
        .rposition(|m| m.loading);
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
fn mark_polls(blocks: &mut [Block], marks: &[KeyMarks], words: &[usize]) {
    for i in 0..blocks.len() {
        if !marks[i].poll_total {
            continue;
        }
        let lower = i.saturating_sub(8);
        let Some(q) = (lower..i)
            .rev()
            .find(|&k| blocks[k].text.trim_end().ends_with('?'))
        else {
            continue;
        };
        if words[q + 1..i].iter().all(|&w| w <= 8) {
            for b in &mut blocks[q..i] {
                set_boilerplate(b, "poll widget");
            }
        }
    }
}

/// Everything after a link-list heading ("From our network :", "Related
/// Articles") near the end of the page is chrome.
fn mark_tail(blocks: &mut [Block], marks: &[KeyMarks], words: &[usize]) {
    let Some(start) = marks.iter().position(|m| m.tail_opener).filter(|&s| {
        let total: usize = words.iter().sum();
        let after: usize = words[s + 1..].iter().sum();
        (after as f64) <= TAIL_MAX_SHARE * total as f64
    }) else {
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
fn mark_alt_text(raw: &[RawBlock], blocks: &mut [Block], words: &[usize]) {
    for i in (0..blocks.len().saturating_sub(1)).rev() {
        if blocks[i + 1].kind == BlockKind::Caption
            && raw[i].group == raw[i + 1].group
            && matches!(blocks[i].kind, BlockKind::Heading | BlockKind::Paragraph)
            && words[i] <= 8
        {
            blocks[i].kind = BlockKind::Caption;
        }
    }
}

/// In plain text the first content line is the title even when it ends like
/// a sentence, as long as it is short and something follows it.
fn mark_title(raw: &[RawBlock], blocks: &mut [Block], words: &[usize]) {
    if raw
        .iter()
        .any(|r| r.hint.is_some() && r.hint != Some(BlockKind::TableRow))
    {
        return; // Markdown decides its own headings.
    }
    if let Some(first) = blocks.iter().position(|b| b.kind.is_content())
        && blocks[first].kind == BlockKind::Paragraph
        && words[first] <= 25
        && first + 1 < blocks.len()
    {
        blocks[first].kind = BlockKind::Heading;
    }
}

/// Plain text that names its outlet on the line under the title, then
/// gives the date or byline ("Headline / The Northern Ledger / 4 June
/// 2025"), the shape of pasted articles and press-archive exports: that
/// line is the outlet, not a section heading. Only a name's shape counts
/// (a few capitalised words, no punctuation), so a subtitle, which reads
/// as a phrase, stays content; a date or byline must follow, so a heading
/// opening the body does too.
fn mark_outlet_line(raw: &[RawBlock], blocks: &mut [Block], words: &[usize]) {
    if raw
        .iter()
        .any(|r| r.hint.is_some() && r.hint != Some(BlockKind::TableRow))
    {
        return;
    }
    let Some(title) = blocks.iter().position(|b| b.kind.is_content()) else {
        return;
    };
    let at = title + 1;
    let [t, line, next, ..] = &blocks[title..] else {
        return;
    };
    let dated = next.kind == BlockKind::Metadata
        && (chrome::date_text(&next.text).is_some()
            || chrome::byline(&next.text).is_some()
            || source_date::date_then_byline(&next.text).is_some());
    let body_follows = blocks[at + 2..]
        .iter()
        .any(|b| b.kind == BlockKind::Paragraph);
    if t.kind == BlockKind::Heading
        && line.kind == BlockKind::Heading
        && words[at] <= OUTLET_MAX_WORDS
        && is_name_shape(&line.text)
        && dated
        && body_follows
    {
        blocks[at].kind = BlockKind::Metadata;
        blocks[at].reason = Some(OUTLET_LINE.into());
    }
}

/// "The Northern Ledger", "Corriere della Sera": capitalised at both ends,
/// lower-case words only short joining ones, no sentence punctuation.
/// Small words a headline's title case capitalises and an outlet's name
/// (past its first word) does not have.
const DECK_WORDS: &[&str] = &[
    "from", "on", "in", "at", "to", "with", "for", "as", "by", "after", "over", "is", "are", "was",
    "will", "how", "what", "why", "who", "we", "our", "your", "the", "so",
];

fn is_name_shape(text: &str) -> bool {
    let ws: Vec<&str> = text.split_whitespace().collect();
    let capital = |w: &str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    let joining = |w: &str| w.chars().count() <= 5 && w.chars().all(|c| c.is_lowercase());
    // A title-case deck capitalises its small words ("Live Updates From
    // Kyiv", "What We Know So Far"); a name seldom has them past its first.
    let deck_word = |w: &str| DECK_WORDS.contains(&w.to_lowercase().as_str());
    !text.contains([',', ':', ';', '?', '!', '"', '“', '”', '(', ')'])
        && !ws.iter().skip(1).any(|w| capital(w) && deck_word(w))
        && !ends_sentence(text.trim())
        && ws.first().is_some_and(|w| capital(w))
        && ws.last().is_some_and(|w| capital(w))
        && ws.iter().all(|w| capital(w) || joining(w) || *w == "&")
}

#[cfg(test)]
#[path = "classify_tests.rs"]
mod tests;
