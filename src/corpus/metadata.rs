//! Article metadata from classified blocks, and the corpus-wide pass that
//! uses repetition across articles: chrome lines shared by several pages of
//! a site, and the outlet of a page that does not name it.

use super::chrome;
use super::classify::{OUTLET_LINE, is_dash_label};
use super::minutes;
use super::model::{Article, Block, BlockKind, Metadata, OutletSource};
use super::source_date;
use super::words::{word_count, words_up_to};
use std::collections::{HashMap, HashSet};

/// Chrome repeated across pages is at most this many words.
const REPEATED_MAX_WORDS: usize = 8;
/// Distinct chrome lines an article must share with an outlet's pages
/// before it is credited to that outlet.
const OUTLET_MIN_SHARED: usize = 2;

/// Metadata an article states itself.
pub fn extract(blocks: &[Block]) -> Metadata {
    extract_counted(blocks, count_words(blocks))
}

/// `extract`, the words in the content blocks already counted
/// (`classify_counted`).
pub fn extract_counted(blocks: &[Block], content_words: usize) -> Metadata {
    let mut meta = Metadata {
        title: blocks
            .iter()
            .find(|b| b.kind.is_content())
            .filter(|b| b.kind == BlockKind::Heading)
            .map(|b| b.text.trim().to_string()),
        ..Metadata::default()
    };
    for b in blocks.iter().filter(|b| b.kind == BlockKind::Metadata) {
        if let Some(m) = minutes::read_minutes(&b.text) {
            meta.read_minutes.get_or_insert(m);
        } else if let Some(d) = chrome::date_text(&b.text) {
            meta.date.get_or_insert(d);
        } else if let Some(by) = chrome::byline(&b.text) {
            // A date line joined to the byline goes to the date.
            match source_date::split(&by) {
                Some(s) => {
                    meta.date.get_or_insert(s.date);
                    meta.byline.get_or_insert(s.source);
                }
                None => {
                    meta.byline.get_or_insert(by);
                }
            }
        } else if let Some(s) = source_date::date_then_byline(&b.text) {
            meta.date.get_or_insert(s.date);
            meta.byline.get_or_insert(s.source);
        } else if b.reason.as_deref() == Some(OUTLET_LINE) {
            meta.outlet.get_or_insert_with(|| b.text.trim().to_string());
        } else if is_dash_label(&b.text) {
            meta.outlet
                .get_or_insert_with(|| chrome::strip_bullet(&b.text).to_string());
        } else if let Some(s) = source_date::source_dateline(&b.text) {
            meta.date.get_or_insert(s.date);
            meta.outlet.get_or_insert(s.source);
        }
    }
    if meta.outlet.is_none() {
        meta.outlet = blocks
            .iter()
            .rev()
            .filter(|b| chrome::is_copyright(&b.text))
            .find_map(|b| chrome::copyright_holder(&b.text));
    }
    meta.words = content_words;
    meta
}

pub fn count_words(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .filter(|b| b.kind.is_content())
        .map(|b| word_count(&b.text))
        .sum()
}

fn line_key(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Short lines that stand, identically, in two or more articles and are
/// never followed by a paragraph (so not a shared section heading such as
/// "Key Takeaways") are site chrome.
///
/// Each article's `meta.words` comes in as `count_words` of its blocks
/// (every loader sets it with `extract`), so only an article with a block
/// turned to chrome here is counted again.
pub fn mark_repeated_chrome(articles: &mut [Article]) {
    // Whether each block is short enough to be repeated chrome, asked once.
    let short: Vec<Vec<bool>> = articles
        .iter()
        .map(|a| {
            a.blocks
                .iter()
                .map(|b| words_up_to(&b.text, REPEATED_MAX_WORDS) <= REPEATED_MAX_WORDS)
                .collect()
        })
        .collect();
    let mut seen: HashMap<String, (HashSet<usize>, bool)> = HashMap::new();
    for (a, article) in articles.iter().enumerate() {
        for (i, b) in article.blocks.iter().enumerate() {
            if !matches!(
                b.kind,
                BlockKind::Heading
                    | BlockKind::Paragraph
                    | BlockKind::Quote
                    | BlockKind::Boilerplate
            ) || !short[a][i]
            {
                continue;
            }
            let next_is_prose = article.blocks[i + 1..]
                .iter()
                .zip(&short[a][i + 1..])
                .find(|(n, _)| n.kind != BlockKind::Metadata)
                .is_some_and(|(n, &n_short)| {
                    matches!(n.kind, BlockKind::Paragraph | BlockKind::Quote) && !n_short
                });
            let entry = seen.entry(line_key(&b.text)).or_default();
            entry.0.insert(a);
            entry.1 |= next_is_prose;
        }
    }
    for (article, short) in articles.iter_mut().zip(&short) {
        let mut changed = false;
        for (b, &is_short) in article.blocks.iter_mut().zip(short) {
            if b.kind == BlockKind::Boilerplate || !b.kind.is_content() || !is_short {
                continue;
            }
            if let Some((arts, prose_follows)) = seen.get(&line_key(&b.text))
                && arts.len() >= 2
                && !prose_follows
            {
                b.kind = BlockKind::Boilerplate;
                b.reason = Some(format!("repeated on {} pages", arts.len()));
                changed = true;
            }
        }
        if changed {
            article.meta.words = count_words(&article.blocks);
        }
    }
}

/// Credit an article with no stated outlet to the outlet whose pages share
/// the most distinct chrome lines with it (at least `OUTLET_MIN_SHARED`,
/// and no tie). Counted through an index of chrome line → outlets, so the
/// work grows with the chrome lines, not with articles × outlets (a
/// collection of thousands of records from hundreds of sites).
pub fn infer_outlets(articles: &mut [Article]) {
    let chrome_lines = |a: &Article| -> HashSet<String> {
        a.blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Boilerplate)
            .map(|b| line_key(&b.text))
            .collect()
    };
    let mut outlets_of: HashMap<String, HashSet<String>> = HashMap::new();
    for a in articles.iter() {
        if let Some(o) = &a.meta.outlet {
            for line in chrome_lines(a) {
                outlets_of.entry(line).or_default().insert(o.clone());
            }
        }
    }
    if outlets_of.is_empty() {
        return;
    }
    for a in articles.iter_mut().filter(|a| a.meta.outlet.is_none()) {
        let mut shared: HashMap<&String, usize> = HashMap::new();
        for line in chrome_lines(a) {
            for o in outlets_of.get(&line).into_iter().flatten() {
                *shared.entry(o).or_default() += 1;
            }
        }
        let mut scores: Vec<(usize, &String)> = shared.into_iter().map(|(o, n)| (n, o)).collect();
        scores.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(y.1)));
        if let Some(&(best, outlet)) = scores.first()
            && best >= OUTLET_MIN_SHARED
            && scores.get(1).is_none_or(|s| s.0 < best)
        {
            a.meta.outlet = Some(outlet.clone());
            a.meta.outlet_source = Some(OutletSource::SharedChrome);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, blocks: &[(BlockKind, &str)]) -> Article {
        Article::of_blocks(id, blocks)
    }

    #[test]
    fn a_short_quote_on_every_page_is_chrome_like_a_paragraph() {
        use BlockKind::*;
        let body = "The harbour reopened on Friday after four months of repairs to the breakwater.";
        let mut articles = vec![
            article(
                "a",
                &[
                    (Heading, "One"),
                    (Paragraph, body),
                    (Quote, "Our weekly briefing, free"),
                ],
            ),
            article(
                "b",
                &[
                    (Heading, "Two"),
                    (Quote, "Our weekly briefing, free"),
                    (Heading, "End"),
                ],
            ),
        ];
        mark_repeated_chrome(&mut articles);
        for a in &articles {
            let quote = a
                .blocks
                .iter()
                .find(|b| b.text.starts_with("Our weekly"))
                .unwrap();
            assert_eq!(quote.kind, Boilerplate, "in {}", a.id);
            assert_eq!(quote.reason.as_deref(), Some("repeated on 2 pages"));
        }
    }

    #[test]
    fn a_date_alone_under_the_title_dates_the_article() {
        use crate::corpus::{classify::classify, segment::segment_text};
        for line in ["2025-06-04", "- 2025-06-04", "04.06.2025"] {
            let text = format!(
                "Minister vows rail firm will pay\n\nCapital Wire\n\n{line}\n\n\
                 The rail operator will pay for the clean-up, the government said."
            );
            let blocks = classify(segment_text(&text));
            assert_eq!(blocks[2].kind, BlockKind::Metadata, "{line}");
            let date = line.trim_start_matches("- ");
            assert_eq!(extract(&blocks).date.as_deref(), Some(date));
        }
        // A number alone is still a count, and says so.
        let blocks = classify(segment_text("Title here\n\n12\n\nA paragraph follows it."));
        assert_eq!(blocks[1].reason.as_deref(), Some("lone number"));
    }
}
