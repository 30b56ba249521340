//! A heading names its section by what it adds to the article's title. The
//! title's words are the whole article's subject (an outlet that writes
//! "Putin Trump meeting" into every heading says nothing about the
//! section by it), so two headings that share only those words name
//! different sections. Before a heading other than the title is profiled,
//! its words that the title also writes are blanked (spaces of the same
//! length, so every byte offset into the block stays true for the
//! explanation shown beside the row). Body text keeps every word: a
//! paragraph's words are its own facts, whatever the title says.

use crate::analysis::text::{word_spans, words};
use crate::corpus::{Article, BlockKind};
use std::borrow::Cow;
use std::collections::HashSet;

/// The article's title, and its words lower-cased: its metadata title,
/// else its first heading.
fn title_words(article: &Article) -> (Option<&str>, HashSet<String>) {
    let title = article.meta.title.as_deref().or_else(|| {
        article
            .blocks
            .iter()
            .find(|b| b.kind == BlockKind::Heading)
            .map(|b| b.text.as_str())
    });
    (title, title.map(|t| words(t).collect()).unwrap_or_default())
}

/// The texts the evidence reads for each block of `article`: headings
/// other than the title with the title's words blanked, body text as it
/// is, blocks that never pair empty.
pub fn evidence_texts(article: &Article) -> Vec<Cow<'_, str>> {
    let (title, title_words) = title_words(article);
    article
        .blocks
        .iter()
        .map(|b| {
            if !b.kind.is_content() {
                return Cow::Borrowed("");
            }
            let is_title = title.is_some_and(|t| t.trim() == b.text.trim());
            if b.kind != BlockKind::Heading || is_title || title_words.is_empty() {
                return Cow::Borrowed(b.text.as_str());
            }
            let mut masked = Cow::Borrowed(b.text.as_str());
            for (s, e) in word_spans(&b.text) {
                if title_words.contains(&b.text[s..e].to_lowercase()) {
                    masked.to_mut().replace_range(s..e, &" ".repeat(e - s));
                }
            }
            masked
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_lose_the_title_words_and_paragraphs_keep_theirs() {
        let article = Article::of_blocks(
            "a",
            &[
                (BlockKind::Heading, "Putin Trump meeting in Alaska"),
                (
                    BlockKind::Heading,
                    "Economic implications of the Putin Trump meeting",
                ),
                (BlockKind::Paragraph, "The Putin Trump meeting ended early."),
            ],
        );
        let texts = evidence_texts(&article);
        assert_eq!(
            texts[0], "Putin Trump meeting in Alaska",
            "the title itself"
        );
        assert_eq!(texts[1].trim_end(), "Economic implications of the");
        assert_eq!(texts[1].len(), article.blocks[1].text.len(), "offsets kept");
        assert_eq!(texts[2], "The Putin Trump meeting ended early.");
    }
}
