//! Heading topics: every section heading (the title included), merged
//! across articles when the words agree whatever the case or punctuation.
//! A heading's occurrences are the heading block and the content blocks of
//! its section (up to the next heading); an article's amount is the words
//! of that section.

use super::draft::{Draft, WEAK_SURFACE};
use super::stream::TermStream;
use super::topic::TopicKind;
use super::vocab::FastMap;
use crate::analysis::text;
use crate::corpus::{BlockKind, Corpus};

/// The merge key: lower-cased words joined by single spaces, so
/// "Media Framing and Public Opinion" and "Media framing and public
/// opinion" are one topic. Empty when the heading has no letters.
pub fn heading_key(text: &str) -> String {
    if !text.chars().any(char::is_alphabetic) {
        return String::new();
    }
    let mut key = String::with_capacity(text.len());
    for w in text::words(text) {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&w);
    }
    key
}

/// Heading drafts in reading order of their first occurrence.
pub fn heading_drafts(corpus: &Corpus, stream: &TermStream) -> Vec<Draft> {
    let mut by_key: FastMap<String, usize> = FastMap::default();
    let mut drafts: Vec<Draft> = Vec::new();
    for article in 0..stream.articles() {
        // The draft of the section being read, if any.
        let mut current: Option<usize> = None;
        for b in stream.blocks_of(article) {
            let Some(block) = corpus.get(b.at) else {
                continue;
            };
            if block.kind == BlockKind::Heading {
                let key = heading_key(&block.text);
                current = if key.is_empty() {
                    None
                } else {
                    let next = drafts.len();
                    let id = *by_key.entry(key).or_insert(next);
                    if id == next {
                        drafts.push(Draft::new(TopicKind::Heading));
                    }
                    Some(id)
                };
                if let Some(d) = current.and_then(|id| drafts.get_mut(id)) {
                    d.surfaces.add(block.text.trim(), WEAK_SURFACE);
                }
            }
            if let Some(d) = current.and_then(|id| drafts.get_mut(id)) {
                d.add(b.at, b.words.max(1) as f32);
            }
        }
    }
    drafts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_and_punctuation() {
        assert_eq!(
            heading_key("Media Framing and Public Opinion"),
            heading_key("Media framing and public opinion:")
        );
        assert_eq!(heading_key("— 12 —"), "");
    }
}
