//! Finding a phrase in every article at once. The text of every content
//! block is folded and lower-cased once into one buffer (a block per line:
//! folding never writes a newline, so no hit spans two blocks); a search
//! is then one substring scan of that buffer (`memchr::memmem`), with
//! exact-case phrases checked against the source where a candidate is
//! found. Nothing is matched per keystroke: the reader searches on enter.

use super::fold::{Folded, fold_into};
use super::query::Query;
use crate::corpus::{BlockRef, Corpus};
use memchr::memmem;

/// Articles folded per unit of parallel work.
const CHUNK: usize = 256;

#[derive(Debug, Clone, Copy)]
struct Entry {
    /// Where the block's folded text starts in the buffer.
    start: usize,
    block: BlockRef,
    /// Folded offsets are not source offsets (see `Folded::shifted`).
    shifted: bool,
}

/// Every content block of a corpus, folded for searching.
#[derive(Debug, Default)]
pub struct FindIndex {
    text: Vec<u8>,
    entries: Vec<Entry>,
}

/// One place a phrase occurs: the block, and the byte range in its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CorpusHit {
    pub block: BlockRef,
    pub start: usize,
    pub end: usize,
}

/// The hits of a search: the first `hits` in corpus order, and how many
/// there are in all and in how many articles.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CorpusHits {
    pub hits: Vec<CorpusHit>,
    pub total: usize,
    pub articles: usize,
}

impl FindIndex {
    /// Fold every content block of `corpus` (over the cores).
    pub fn build(corpus: &Corpus) -> FindIndex {
        let parts = crate::parallel::map_chunks(corpus.articles.len(), CHUNK, |range| {
            let mut text = Vec::new();
            let mut entries = Vec::new();
            for a in range {
                for (b, block) in corpus.articles[a].content_blocks() {
                    let start = text.len();
                    let shifted = fold_into(&block.text, true, &mut text);
                    text.push(b'\n');
                    entries.push(Entry {
                        start,
                        block: BlockRef::new(a, b),
                        shifted,
                    });
                }
            }
            (text, entries)
        });
        let bytes = parts.iter().map(|(t, _)| t.len()).sum();
        let mut index = FindIndex {
            text: Vec::with_capacity(bytes),
            entries: Vec::with_capacity(parts.iter().map(|(_, e)| e.len()).sum()),
        };
        for (text, entries) in parts {
            let base = index.text.len();
            index.text.extend_from_slice(&text);
            index.entries.extend(entries.into_iter().map(|e| Entry {
                start: e.start + base,
                ..e
            }));
        }
        index
    }

    /// Bytes of folded text held.
    pub fn bytes(&self) -> usize {
        self.text.len()
    }

    /// Find `query` everywhere: every hit counted, the first `keep` kept.
    pub fn search(&self, corpus: &Corpus, query: &Query, keep: usize) -> CorpusHits {
        let needle = query.lowered.as_bytes();
        let mut out = CorpusHits::default();
        let mut entry = 0;
        let mut last_article = None;
        // The folded source of the block being looked at, made only when
        // its offsets shifted and a hit there needs mapping.
        let mut mapped: Option<(usize, Folded)> = None;
        for at in memmem::Finder::new(needle).find_iter(&self.text) {
            while entry + 1 < self.entries.len() && self.entries[entry + 1].start <= at {
                entry += 1;
            }
            let e = self.entries[entry];
            let keeping = out.hits.len() < keep;
            if !(keeping || query.exact_case) {
                // Counting only: the offsets are not needed.
                out.total += 1;
                if last_article != Some(e.block.article) {
                    last_article = Some(e.block.article);
                    out.articles += 1;
                }
                continue;
            }
            let Some(source) = corpus.get(e.block).map(|b| b.text.as_str()) else {
                continue;
            };
            let local = at - e.start;
            let (start, end) = if e.shifted {
                if mapped.as_ref().is_none_or(|(i, _)| *i != entry) {
                    mapped = Some((entry, Folded::new(source, true)));
                }
                let Some((_, folded)) = &mapped else { continue };
                folded.source_range(source, local, local + needle.len())
            } else {
                (local, local + needle.len())
            };
            if query.exact_case && !query.matches_exactly(&source[start..end]) {
                continue;
            }
            out.total += 1;
            if last_article != Some(e.block.article) {
                last_article = Some(e.block.article);
                out.articles += 1;
            }
            if keeping {
                out.hits.push(CorpusHit {
                    block: e.block,
                    start,
                    end,
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_phrase_in_every_article_with_its_source_offsets() {
        let corpus = crate::corpus::load_builtin();
        let index = FindIndex::build(&corpus);
        let q = Query::new("alaska").unwrap();
        let found = index.search(&corpus, &q, usize::MAX);
        assert!(found.articles >= 2, "{found:?}");
        assert_eq!(found.total, found.hits.len());
        for h in &found.hits {
            let text = &corpus.get(h.block).unwrap().text;
            assert!(text[h.start..h.end].eq_ignore_ascii_case("alaska"));
        }
        let kept = index.search(&corpus, &q, 3);
        assert_eq!((kept.hits.len(), kept.total), (3, found.total));
        assert_eq!(kept.articles, found.articles);
    }

    #[test]
    fn exact_case_counts_only_what_matches_its_case() {
        let corpus = crate::corpus::load_builtin();
        let index = FindIndex::build(&corpus);
        let any = index.search(&corpus, &Query::new("the").unwrap(), 0);
        let upper = index.search(&corpus, &Query::new("The").unwrap(), usize::MAX);
        assert!(upper.total > 0 && upper.total < any.total);
        for h in &upper.hits {
            assert_eq!(&corpus.get(h.block).unwrap().text[h.start..h.end], "The");
        }
    }
}
