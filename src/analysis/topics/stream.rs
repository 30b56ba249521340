//! The term ids of every content block, kept from the first pass so that
//! the later passes (selection, occurrences, spelling) neither scan the
//! text nor look words up again: per term word, its id (flagged where a
//! phrase cannot continue: punctuation, a stop word or a non-term word came
//! between) and where it starts in the block (flagged at a sentence start).
//!
//! Starts are kept as the distance from the previous term word's start in
//! two bytes (a large corpus has tens of millions of term words, and the
//! stream is alive at the analysis's peak); the rare longer distance is
//! kept whole in a side table.

use super::gram;
use super::scan::alnum_end;
use super::vocab::{NO_TERM, TermId};
use crate::corpus::BlockRef;
use std::ops::Range;

/// Set on a term that does not continue the previous one.
const BREAK: u32 = 1 << 31;
const TERM: u32 = !BREAK;
/// Set on a start entry whose word opens a sentence.
const OPENS: u16 = 1 << 15;
/// The distance part of a start entry.
const STEP: u16 = !OPENS;
/// A distance too long for an entry: the start is in `far_starts`.
const FAR: u16 = STEP;

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

/// Where `TermStream::surface_at` stopped in a block: `offset` is the
/// start of the entry before `next`.
#[derive(Debug, Clone, Copy, Default)]
pub struct StartCursor {
    block: Option<usize>,
    next: usize,
    offset: usize,
}

#[derive(Debug, Default)]
pub struct TermStream {
    ids: Vec<u32>,
    /// Per term word: its start minus the previous term word's start in
    /// the block (the block's first: its start), `FAR` when that does not
    /// fit; `OPENS` set at a sentence start.
    starts: Vec<u16>,
    /// (stream index, start in the block) of the `FAR` entries, by index.
    far_starts: Vec<(u32, u32)>,
    blocks: Vec<BlockSpan>,
    /// Index in `blocks` where each article starts.
    article_starts: Vec<usize>,
}

impl TermStream {
    pub fn start_article(&mut self) {
        self.article_starts.push(self.blocks.len());
    }

    /// Append a block's words (the terms among them are kept). Always
    /// inlined: the caller's word iterator is then fused into this loop.
    #[inline(always)]
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
        let mut previous = 0;
        for w in words {
            count += 1;
            let index = u32::try_from(self.ids.len()).ok();
            let offset = u32::try_from(w.start).ok().filter(|&o| o >= previous);
            let (Some(index), Some(offset), false) =
                (index, offset, w.term == NO_TERM || w.term > gram::MAX_TERM)
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
            let step = match u16::try_from(offset - previous) {
                Ok(d) if d < FAR => d,
                _ => {
                    self.far_starts.push((index, offset));
                    FAR
                }
            };
            self.starts
                .push(if w.opens_sentence { step | OPENS } else { step });
            previous = offset;
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
    #[cfg(test)]
    pub fn surface<'t>(
        &self,
        text: &'t str,
        b: &BlockSpan,
        pos: usize,
        len: usize,
    ) -> Option<(&'t str, bool)> {
        self.surface_at(&mut StartCursor::default(), text, b, pos, len)
    }

    /// `surface`, reading the starts on from where `cursor` stopped: a
    /// pass asking for a block's grams in reading order walks the block
    /// once instead of once per gram.
    pub fn surface_at<'t>(
        &self,
        cursor: &mut StartCursor,
        text: &'t str,
        b: &BlockSpan,
        pos: usize,
        len: usize,
    ) -> Option<(&'t str, bool)> {
        let first_at = b.start + pos;
        let last_at = b.start + pos + len.max(1) - 1;
        if last_at >= b.end {
            return None;
        }
        if cursor.block != Some(b.start) || cursor.next > first_at + 1 {
            *cursor = StartCursor {
                block: Some(b.start),
                next: b.start,
                offset: 0,
            };
        }
        let Some(first) = self.walk_starts(*cursor, first_at) else {
            *cursor = StartCursor::default();
            return None;
        };
        *cursor = first;
        let from = first.offset;
        let last_from = self.walk_starts(first, last_at)?.offset;
        let opens = self.starts.get(first_at)? & OPENS != 0;
        // The last word runs to the first character that is not
        // alphanumeric.
        text.get(last_from..)?;
        let surface = text.get(from..alnum_end(text, last_from))?;
        Some((surface, opens))
    }

    /// The cursor moved on to stream entry `at`: the distances summed from
    /// where it stood (a far entry's start is kept whole).
    fn walk_starts(&self, mut cursor: StartCursor, at: usize) -> Option<StartCursor> {
        for i in cursor.next..=at {
            let step = self.starts.get(i)? & STEP;
            cursor.offset = if step == FAR {
                let key = u32::try_from(i).ok()?;
                let k = self
                    .far_starts
                    .binary_search_by_key(&key, |&(j, _)| j)
                    .ok()?;
                self.far_starts[k].1 as usize
            } else {
                cursor.offset + usize::from(step)
            };
        }
        cursor.next = cursor.next.max(at + 1);
        Some(cursor)
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
        self.far_starts
            .extend(other.far_starts.iter().map(|&(i, o)| (i + shift as u32, o)));
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

    /// The stream given up for its term ids alone: every entry's term id
    /// (flags cleared), and each content block with its slice of them, in
    /// stream order. The rest is freed here.
    pub fn into_term_ids(self) -> (Vec<TermId>, Vec<(BlockRef, Range<usize>)>) {
        let mut ids = self.ids;
        ids.iter_mut().for_each(|e| *e &= TERM);
        let blocks = self.blocks.iter().map(|b| (b.at, b.start..b.end)).collect();
        (ids, blocks)
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
/// gram of a block's stream slice (the counts write this loop out; kept
/// as the plain statement of which grams there are).
#[cfg(test)]
pub fn for_each_gram(ids: &[u32], mut f: impl FnMut(usize, usize, gram::Gram)) {
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
    fn far_apart_words_keep_their_starts() {
        let gap = " ".repeat(70_000);
        let text = format!("Alpha beta{gap}Gamma delta");
        let gamma = text.find("Gamma").unwrap();
        let mut s = TermStream::default();
        s.start_article();
        let words = [
            (1, 0, true),
            (2, 6, false),
            (3, gamma, true),
            (4, gamma + 6, false),
        ]
        .map(|(term, start, opens)| StreamWord {
            term,
            tight: true,
            start,
            opens_sentence: opens,
        });
        s.push_block(BlockRef::new(0, 0), false, false, words.into_iter());
        // A second stream appended after: its far entry shifts with it.
        let mut whole = TermStream::default();
        whole.start_article();
        whole.push_block(BlockRef::new(0, 0), false, false, std::iter::empty());
        whole.append(s, &[0, 1, 2, 3, 4]);
        let b = whole.blocks_of(1)[0];
        assert_eq!(whole.surface(&text, &b, 0, 2), Some(("Alpha beta", true)));
        assert_eq!(whole.surface(&text, &b, 2, 2), Some(("Gamma delta", true)));
        assert_eq!(whole.surface(&text, &b, 3, 1), Some(("delta", false)));
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
