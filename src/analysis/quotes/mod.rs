//! Quotes: the quoted passages of every article with their speaker
//! (`extract`, from the marks `scan` finds and the attributions `speaker`
//! reads in the `words` around a quote; `name` makes the speaker's name),
//! grouped across articles through outlets' edits (`group`), with each
//! occurrence marked the same, trimmed or altered.

mod bound;
mod extract;
mod group;
mod name;
mod scan;
mod speaker;
mod words;

pub use extract::{MIN_WORDS, Quote, article_quotes};
pub use group::{MIN_FUZZY, MIN_SCORE, QuoteGroup, Variant, group_quotes, score};

use crate::corpus::{BlockRef, Corpus};
use std::collections::BTreeMap;

/// Articles per work unit when extracting.
const CHUNK: usize = 256;

/// Every quote group of a corpus, and which groups each block holds.
#[derive(Debug, Clone, Default)]
pub struct Quotes {
    pub groups: Vec<QuoteGroup>,
    by_block: BTreeMap<BlockRef, Vec<usize>>,
}

impl Quotes {
    pub fn build(corpus: &Corpus) -> Quotes {
        Quotes::of_groups(find_quotes(corpus))
    }

    /// The quotes of these groups (as `find_quotes` ordered them; how a
    /// cached analysis is put back together).
    pub fn of_groups(groups: Vec<QuoteGroup>) -> Quotes {
        let mut by_block: BTreeMap<BlockRef, Vec<usize>> = BTreeMap::new();
        for (g, group) in groups.iter().enumerate() {
            for q in &group.quotes {
                let list = by_block.entry(q.at).or_default();
                if list.last() != Some(&g) {
                    list.push(g);
                }
            }
        }
        Quotes { groups, by_block }
    }

    /// The groups of the quotes in `block`, most widely carried first
    /// (groups are numbered that way).
    pub fn in_block(&self, block: BlockRef) -> &[usize] {
        self.by_block.get(&block).map_or(&[], Vec::as_slice)
    }
}

/// The quote groups of `corpus`, carried by most articles first.
pub fn find_quotes(corpus: &Corpus) -> Vec<QuoteGroup> {
    let parts = crate::parallel::map_chunks(corpus.articles.len(), CHUNK, |r| {
        r.flat_map(|a| article_quotes(a, &corpus.articles[a]))
            .collect::<Vec<_>>()
    });
    group_quotes(parts.into_iter().flatten().collect())
}
