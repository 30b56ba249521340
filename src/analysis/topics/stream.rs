//! The term ids of every content block, kept from the first pass so that
//! the later passes (selection, occurrences, spelling) neither scan the
//! text nor look words up again: per term word, its id (flagged where a
//! phrase cannot continue: punctuation, a stop word or a non-term word came
//! between) and where it starts in the block (flagged at a sentence start).

use super::gram::{self, Gram};
use super::vocab::{NO_TERM, TermId};
use crate::corpus::BlockRef;

/// Set on a term that does not continue the previous one.
const BREAK: u32 = 1 << 31;
const TERM: u32 = !BREAK;
/// Set on a start offset whose word opens a sentence.
const OPENS: u32 = 1 << 31;
const OFFSET: u32 = !OPENS;

/// One word of a block as the stream takes it.
#[derive(Debug, Clone, Copy)]
pub struct StreamWord {
    pub term: TermId,
    /// Only space or a joiner since the previous word.
    pub tight: bool,
    pub start: usize,
    pub opens_sentence: bool,
}

/// A content block's slice of the stream.
#[derive(Debug, Clone, Copy)]
pub struct BlockSpan {
    pub at: BlockRef,
    start: usize,
    end: usize,
    pub heading: bool,
    /// Word for word a repeat of an earlier block of the same article.
    pub repeat: bool,
    /// Words (alphanumeric runs) in the block, terms or not.
    pub words: usize,
}

#[derive(Debug, Default)]
pub struct TermStream {
    ids: Vec<u32>,
    starts: Vec<u32>,
    blocks: Vec<BlockSpan>,
    /// Index in `blocks` where each article starts.
    article_starts: Vec<usize>,
}

impl TermStream {
    pub fn start_article(&mut self) {
        self.article_starts.push(self.blocks.len());
    }

    /// Append a block's words (the terms among them are kept).
    pub fn push_block(
        &mut self,
        at: BlockRef,
        heading: bool,
        repeat: bool,
        words: impl Iterator<Item = StreamWord>,
    ) {
        let start = self.ids.len();
        let mut joined = false;
        let mut count = 0;
        for w in words {
            count += 1;
            let offset = u32::try_from(w.start).ok().filter(|o| o & OPENS == 0);
            let (Some(offset), false) = (offset, w.term == NO_TERM || w.term > gram::MAX_TERM)
            else {
                joined = false;
                continue;
            };
            let id = if joined && w.tight {
                w.term
            } else {
                w.term | BREAK
            };
            self.ids.push(id);
            self.starts.push(if w.opens_sentence {
                offset | OPENS
            } else {
                offset
            });
            joined = true;
        }
        let end = self.ids.len();
        self.blocks.push(BlockSpan {
            at,
            start,
            end,
            heading,
            repeat,
            words: count,
        });
    }

    /// The text of the gram at stream position `pos` (of `len` terms) of
    /// block `b`, given the block's text, and whether it opens a sentence.
    pub fn surface<'t>(
        &self,
        text: &'t str,
        b: &BlockSpan,
        pos: usize,
        len: usize,
    ) -> Option<(&'t str, bool)> {
        let first = *self.starts.get(b.start + pos)?;
        let last = *self.starts.get(b.start + pos + len.max(1) - 1)?;
        let from = (first & OFFSET) as usize;
        let last_from = (last & OFFSET) as usize;
        let tail = text.get(last_from..)?;
        let last_len = tail
            .char_indices()
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(tail.len(), |(i, _)| i);
        let surface = text.get(from..last_from + last_len)?;
        Some((surface, first & OPENS != 0))
    }

    /// Append the stream of the articles read after these, renaming its
    /// terms by `remap` (see `Vocab::absorb`).
    pub fn append(&mut self, other: TermStream, remap: &[TermId]) {
        let shift = self.ids.len();
        let block_shift = self.blocks.len();
        self.ids.extend(other.ids.iter().map(|&id| {
            let term = remap.get((id & TERM) as usize).copied().unwrap_or(NO_TERM);
            (term & TERM) | (id & BREAK)
        }));
        self.starts.extend_from_slice(&other.starts);
        self.blocks.extend(other.blocks.iter().map(|b| BlockSpan {
            start: b.start + shift,
            end: b.end + shift,
            ..*b
        }));
        self.article_starts
            .extend(other.article_starts.iter().map(|s| s + block_shift));
    }

    pub fn articles(&self) -> usize {
        self.article_starts.len()
    }

    /// The content blocks of one article, in reading order.
    pub fn blocks_of(&self, article: usize) -> &[BlockSpan] {
        let start = self.article_starts.get(article).copied().unwrap_or(0);
        let end = self
            .article_starts
            .get(article + 1)
            .copied()
            .unwrap_or(self.blocks.len());
        self.blocks.get(start..end).unwrap_or(&[])
    }

    /// A block's stream slice: read it with `term` and `continues`.
    pub fn terms(&self, b: &BlockSpan) -> &[u32] {
        self.ids.get(b.start..b.end).unwrap_or(&[])
    }

    /// The term id of a stream entry.
    pub fn term(entry: u32) -> TermId {
        entry & TERM
    }

    /// The entry's term continues a phrase with the entry before.
    pub fn continues(entry: u32) -> bool {
        entry & BREAK == 0
    }
}

/// Call `f(position, length, gram)` for every one-, two- and three-term
/// gram of a block's stream slice.
pub fn for_each_gram(ids: &[u32], mut f: impl FnMut(usize, usize, Gram)) {
    for i in 0..ids.len() {
        let mut g = gram::word(ids[i] & TERM);
        f(i, 1, g);
        for len in 2..=3 {
            match ids.get(i + len - 1) {
                Some(&t) if t & BREAK == 0 => {
                    g = gram::extend(g, len - 1, t);
                    f(i, len, g);
                }
                _ => break,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grams_of(terms: &[(TermId, bool)]) -> Vec<(usize, usize)> {
        let mut s = TermStream::default();
        s.start_article();
        let words = terms
            .iter()
            .enumerate()
            .map(|(i, &(term, tight))| StreamWord {
                term,
                tight,
                start: i,
                opens_sentence: false,
            });
        s.push_block(BlockRef::new(0, 0), false, false, words);
        let mut out = Vec::new();
        let b = s.blocks_of(0)[0];
        for_each_gram(s.terms(&b), |i, n, _| out.push((i, n)));
        out
    }

    #[test]
    fn surfaces_are_cut_from_the_text() {
        let text = "Security guarantees, said Kyiv’s envoy";
        let mut s = TermStream::default();
        s.start_article();
        let words =
            [(1, 0, true), (2, 9, false), (3, 21, false)].map(|(term, start, opens)| StreamWord {
                term,
                tight: true,
                start,
                opens_sentence: opens,
            });
        s.push_block(BlockRef::new(0, 0), false, false, words.into_iter());
        let b = s.blocks_of(0)[0];
        assert_eq!(
            s.surface(text, &b, 0, 2),
            Some(("Security guarantees", true))
        );
        assert_eq!(s.surface(text, &b, 2, 1), Some(("said", false)));
        assert_eq!(s.surface(text, &b, 3, 1), None);
        assert_eq!(b.words, 3);
    }

    #[test]
    fn grams_stop_at_breaks_and_non_terms() {
        // a b | c (non-term) d
        let g = grams_of(&[
            (1, false),
            (2, true),
            (3, false),
            (NO_TERM, true),
            (4, true),
        ]);
        assert_eq!(g, [(0, 1), (0, 2), (1, 1), (2, 1), (3, 1)]);
    }

    #[test]
    fn grams_are_at_most_three_long() {
        let g = grams_of(&[(1, false), (2, true), (3, true), (4, true)]);
        assert!(g.iter().all(|&(_, n)| n <= 3));
        assert!(g.contains(&(0, 3)) && g.contains(&(1, 3)) && !g.contains(&(0, 4)));
    }
}
