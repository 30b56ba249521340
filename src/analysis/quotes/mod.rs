//! Quotes: the quoted passages of every article with their speaker
//! (`extract`, from the marks `scan` finds and the attributions `speaker`
//! reads in the `words` around a quote (`around`), after a verb in
//! `after_verb`, other languages' in `languages`, "was quoted as saying"
//! as one verb in `quoted_as`, "Interfax quoted Peskov as saying" in
//! `quoting`, a question put "to ask" in `asking`; `name` makes the
//! speaker's name, without the `titles` before it, an organisation's
//! with "and" or "&" inside whole (`organisation`); several named
//! speakers are one credit, `joint`), grouped across articles through
//! outlets' edits (`group`, matched by `bound`'s score; a part of a
//! longer wording joins its group, `parts`), with each occurrence marked
//! the same, trimmed or altered against the group's reference wording
//! (`reference`); a group credited to a surname alone is credited to the
//! one full name the corpus's quotes give it (`speakers`); a quote a
//! statement or another document "said" is its issuer's (`document`,
//! `issuer`), and one "the agency" said the agency named last
//! (`body_kind`).

mod after_verb;
mod around;
mod asking;
mod body_kind;
mod bound;
mod colon;
mod document;
mod extract;
mod full_name;
mod group;
mod issuer;
mod joint;
mod languages;
mod name;
mod named_apart;
mod next_sentence;
mod organisation;
mod parts;
mod people;
mod person;
mod quoted_as;
mod quoting;
mod reference;
mod role;
mod scan;
mod sentence_start;
mod speaker;
mod speakers;
mod titles;
mod words;

pub use bound::{MIN_FUZZY, score};
pub use extract::{MIN_WORDS, Quote, article_quotes};
pub use group::{MIN_SCORE, QuoteGroup, group_quotes};
pub use reference::Variant;
pub use words::is_reporting_verb;

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

    /// The group of the quote that comes first in `block`'s text, which
    /// `in_block` need not list first.
    pub fn first_in_block(&self, block: BlockRef) -> Option<usize> {
        self.in_block(block).iter().copied().min_by_key(|&g| {
            self.groups[g]
                .quotes
                .iter()
                .filter(|q| q.at == block)
                .map(|q| q.start)
                .min()
                .unwrap_or(usize::MAX)
        })
    }
}

/// The quote groups of `corpus`, carried by most articles first.
pub fn find_quotes(corpus: &Corpus) -> Vec<QuoteGroup> {
    let parts = crate::parallel::map_chunks(corpus.articles.len(), CHUNK, |r| {
        r.flat_map(|a| article_quotes(a, &corpus.articles[a]))
            .collect::<Vec<_>>()
    });
    let mut quotes: Vec<Quote> = parts.into_iter().flatten().collect();
    sentence_start::uncredit_common_nouns(&mut quotes, corpus);
    let mut groups = group_quotes(quotes);
    speakers::surnames_in_full(
        groups
            .iter_mut()
            .map(|g| (g.quotes.as_slice(), &mut g.speaker))
            .collect(),
    );
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(block: BlockRef, start: usize, text: &str) -> Quote {
        Quote {
            at: block,
            start,
            end: start + text.len(),
            text: text.into(),
            speaker: None,
            continued: false,
        }
    }

    #[test]
    fn the_first_quote_of_a_block_is_first_in_its_text_not_in_group_order() {
        let (one, two) = (BlockRef::new(0, 1), BlockRef::new(1, 0));
        let wide = "the street was cleared early";
        let narrow = "the building had been empty";
        // Group 0 is carried by two articles; in block `one` it comes second.
        let quotes = Quotes::of_groups(group_quotes(vec![
            quote(one, 2, narrow),
            quote(one, 40, wide),
            quote(two, 0, wide),
        ]));
        assert_eq!(quotes.groups[0].text(), wide);
        assert_eq!(quotes.in_block(one), [0, 1]);
        assert_eq!(quotes.first_in_block(one), Some(1));
        assert_eq!(quotes.first_in_block(two), Some(0));
        assert_eq!(quotes.first_in_block(BlockRef::new(0, 0)), None);
    }
}
