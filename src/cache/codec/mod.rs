//! Each cached part of the analysis in its on-disk form and back. Decoding
//! checks the data against the corpus it is for (every article and block
//! index in range, every list sorted as its readers assume) and refuses
//! anything else: a cache file is never trusted blindly.

pub mod corpus;
pub mod dups;
pub mod events;
pub mod passages;
pub mod quotes;
pub mod related;
pub mod shingles;
pub mod topics;

use crate::corpus::Corpus;

/// Blocks in each article of `corpus`.
pub fn block_counts(corpus: &Corpus) -> Vec<usize> {
    corpus.articles.iter().map(|a| a.blocks.len()).collect()
}

/// Whether (article, block) names a block of a corpus with these counts.
pub fn in_range(counts: &[usize], article: u32, block: u32) -> bool {
    counts
        .get(article as usize)
        .is_some_and(|&n| (block as usize) < n)
}

#[cfg(test)]
mod tests {
    use super::super::frame::{decode, encode};
    use super::*;
    use crate::analysis::Analysis;
    use crate::analysis::dups::article_sets::ArticleShingles;
    use crate::corpus::BlockRef;

    /// Every part through its file form and back.
    /// The shingle entry of `c` written from each article's sets, and
    /// the one written from the sets the corpus-wide join made.
    fn shingle_entries(c: &crate::corpus::Corpus, passages: bool) -> (Vec<u8>, Option<Vec<u8>>) {
        let sets: Vec<_> = c.articles.iter().map(ArticleShingles::of).collect();
        let keys: Vec<u128> = (0..sets.len() as u128).collect();
        let from_articles = encode("shingles", 1, &shingles::out(&keys, &sets));
        let mut from_join = None;
        let opts = crate::analysis::dups::DupOptions::default();
        crate::analysis::dups::find_duplicates_showing_sets(c, &opts, passages, |refs, slices| {
            from_join = Some(encode(
                "shingles",
                1,
                &shingles::out_of_blocks(&keys, c.articles.len(), refs, slices),
            ));
        });
        (from_articles, from_join)
    }

    #[test]
    fn every_part_comes_back_as_it_was() {
        let c = crate::corpus::load_builtin();
        let a = Analysis::build(&c);
        let counts = block_counts(&c);

        let bytes = encode("dups", 1, &dups::out(&a.dups));
        let back: dups::DupsIn = decode(&bytes, "dups", 1).unwrap();
        assert_eq!(
            back.pairs(|x, y| in_range(&counts, x, y)),
            Some(a.dups.clone())
        );
        assert_eq!(back.pairs(|_, _| false), None, "a block out of range");

        let bytes = encode("topics", 1, &topics::out(&a.topics));
        let back: topics::TopicsIn = decode(&bytes, "topics", 1).unwrap();
        let index = back.index(&counts).unwrap();
        assert_eq!(index.len(), a.topics.len());
        for (x, y) in index.topics.iter().zip(&a.topics.topics) {
            assert_eq!((&x.label, x.kind), (&y.label, y.kind));
            assert_eq!(x.occurrences, y.occurrences);
            assert_eq!(x.weights, y.weights);
            assert_eq!(x.coverage, y.coverage);
        }
        assert!(
            a.topics.topics.iter().any(|t| !t.coverage.forms.is_empty()),
            "the built-in corpus has names written in several ways"
        );
        assert!(back.index(&counts[..2]).is_none(), "fewer articles");

        let bytes = encode("passages", 1, &passages::out(&a.passages));
        let back: passages::PassagesIn = decode(&bytes, "passages", 1).unwrap();
        let again = back.passages(&counts).unwrap();
        assert!(!a.passages.groups.is_empty(), "article 004 repeats itself");
        assert_eq!(again.groups, a.passages.groups);
        for r in a.passages.groups.iter().flat_map(|g| &g.members) {
            assert_eq!(again.of_block(r.block), a.passages.of_block(r.block));
            assert_eq!(again.shared(r.block), a.passages.shared(r.block));
        }
        assert!(back.passages(&counts[..1]).is_none(), "fewer articles");

        let bytes = encode("events", 1, &events::out(&a.events));
        let back: Vec<events::EventWire> = decode(&bytes, "events", 1).unwrap();
        let n_topics = a.topics.topics.len();
        assert_eq!(
            events::events(back, c.articles.len(), n_topics),
            Some(a.events.clone())
        );
        let back: Vec<events::EventWire> = decode(&bytes, "events", 1).unwrap();
        assert!(
            events::events(back, c.articles.len() + 1, n_topics).is_none(),
            "an article in no event"
        );

        let bytes = encode("related", 1, &related::out(&a.related));
        let back: related::RelatedIn = decode(&bytes, "related", 1).unwrap();
        let index = back.index(&counts).unwrap();
        let refs: Vec<BlockRef> = c
            .articles
            .iter()
            .enumerate()
            .flat_map(|(i, art)| (0..art.blocks.len()).map(move |b| BlockRef::new(i, b)))
            .collect();
        for &x in &refs {
            for &y in refs.iter().step_by(7) {
                assert_eq!(index.compare(x, y), a.related.compare(x, y));
            }
        }
        assert_eq!(index.idf_of_stem("alaska"), a.related.idf_of_stem("alaska"));
        let mut fewer = counts.clone();
        fewer[0] -= 1;
        assert!(back.index(&fewer).is_none(), "another corpus");

        let sets = c
            .articles
            .iter()
            .map(ArticleShingles::of)
            .collect::<Vec<_>>();
        let keys: Vec<u128> = (0..sets.len() as u128).collect();
        let bytes = encode("shingles", 1, &shingles::out(&keys, &sets));
        let back: shingles::ShinglesIn = decode(&bytes, "shingles", 1).unwrap();
        assert_eq!(back.sets(), Some((keys.clone(), sets.clone())));
        // The join's sets, block by block, are written as the articles'
        // are; also with articles without a content block, first, between
        // and last.
        let (from_articles, from_join) = shingle_entries(&c, true);
        assert_eq!(from_join, Some(from_articles));
        let mut gaps = c.clone();
        let bare = || {
            crate::corpus::Article::of_blocks(
                "bare",
                &[(crate::corpus::BlockKind::Metadata, "By Someone")],
            )
        };
        for at in [0, 3, gaps.articles.len() + 1] {
            gaps.articles.insert(at, bare());
        }
        let (from_articles, from_join) = shingle_entries(&gaps, false);
        assert_eq!(from_join, Some(from_articles));

        let keys = crate::cache::key::article_keys(&c);
        let bytes = encode("corpus", 1, &corpus::out(&c, &keys));
        let back: corpus::CorpusIn = decode(&bytes, "corpus", 1).unwrap();
        let (again, keys_again) = back.corpus().unwrap();
        assert_eq!(again.articles, c.articles);
        assert_eq!(keys_again, keys);
        assert_eq!(
            crate::cache::key::article_keys(&again),
            keys,
            "the keys of what is read"
        );
        assert_eq!(again.warnings, c.warnings);
    }

    #[test]
    fn quotes_come_back_as_they_were() {
        use crate::corpus::{Article, BlockKind, Corpus};
        let said = |id: &str, text: &str| Article::of_blocks(id, &[(BlockKind::Paragraph, text)]);
        let c = Corpus {
            articles: vec![
                said(
                    "a",
                    "\"We will reopen the bridge before the winter,\" Mayor Jane Roe said on Monday.",
                ),
                said(
                    "b",
                    "Ms. Roe said: \"We will reopen the old bridge before winter.\" Nobody else spoke.",
                ),
            ],
            warnings: Vec::new(),
        };
        let a = Analysis::build(&c);
        let counts = block_counts(&c);
        assert!(!a.quotes.groups.is_empty(), "the quote is found");
        let bytes = encode("quotes", 1, &quotes::out(&a.quotes));
        let back: Vec<quotes::GroupWire> = decode(&bytes, "quotes", 1).unwrap();
        let again = quotes::quotes(back, &c, &counts).unwrap();
        assert_eq!(again.groups, a.quotes.groups);
        for q in a.quotes.groups.iter().flat_map(|g| &g.quotes) {
            assert_eq!(again.in_block(q.at), a.quotes.in_block(q.at));
        }
        let back: Vec<quotes::GroupWire> = decode(&bytes, "quotes", 1).unwrap();
        assert!(
            quotes::quotes(back, &c, &counts[..1]).is_none(),
            "fewer articles"
        );
    }
}
