//! Corpus counts of words and phrases (pass one of term selection): per
//! gram, total uses, articles using it, and summed (1 + ln tf); plus each
//! article's own key phrases (those it repeats). A block repeated word for
//! word within an article (a caption printed twice, a paragraph pasted
//! again) counts once.
//!
//! Words are counted in a dense table by term id; two- and three-word grams
//! in a hash table (`gram_table`) that, on very large corpora, is pruned of
//! its rarest entries when it fills (lossy counting: memory stays bounded,
//! counts of rare phrases become approximate).

use super::gram::{self, Gram};
use super::gram_table::GramTable;
pub use super::gram_table::{Stats, sublinear};
use super::stream::TermStream;
use super::vocab::{FastHasher, FastMap, TermId};
use std::hash::Hasher;

/// Most two- and three-word entries kept in memory (just under a table
/// size, so the table does not double).
pub const MAX_GRAMS: usize = 900_000;
/// Key phrases kept per article before the name filter (which needs the
/// whole corpus's case counts) picks the final few.
pub const KEY_PHRASE_CANDIDATES: usize = 8;
/// Phrase uses between asking for a slot and counting in it: enough for
/// the misses to overlap, few enough that the slots are still cached.
const PREFETCH_AHEAD: usize = 16;

/// An article's repeated phrase: (article, gram, key-phrase score).
#[derive(Debug, Clone, Copy)]
pub struct KeyPhrase {
    pub article: usize,
    pub gram: Gram,
    pub score: f32,
}

#[derive(Debug, Default)]
pub struct PhraseCounter {
    pub unigrams: Vec<Stats>,
    pub grams: GramTable,
    /// Entries with at most this many uses were pruned at least once.
    prune_floor: u32,
    /// Most multi-word entries kept (0: `MAX_GRAMS`).
    limit: usize,
    pub articles: usize,
    pub key_phrases: Vec<KeyPhrase>,
    /// Scratch for the article being counted.
    word_tf: Vec<u32>,
    touched: Vec<TermId>,
    /// The phrases of the block being counted, in use order.
    phrases: Vec<Gram>,
}

impl PhraseCounter {
    /// A counter keeping at most `limit` multi-word entries, sized for
    /// about `expected` of them (growing a large table is costly).
    pub fn with_capacity_limit(limit: usize, expected: usize) -> Self {
        PhraseCounter {
            limit: limit.max(1),
            grams: GramTable::with_capacity(expected.min(limit)),
            ..Default::default()
        }
    }

    /// Take in the counts of the articles read after these (their article
    /// numbers start at `offset`), renaming terms by `remap`.
    pub fn absorb(&mut self, other: PhraseCounter, remap: &[TermId], offset: usize) {
        let rename = |g: Gram| -> Option<Gram> {
            let mut out: Option<Gram> = None;
            for (i, t) in gram::terms(g).enumerate() {
                let t = *remap.get(t as usize)?;
                out = Some(match out {
                    None => gram::word(t),
                    Some(o) => gram::extend(o, i, t),
                });
            }
            out
        };
        for (t, s) in other.unigrams.iter().enumerate() {
            let Some(&mine) = remap.get(t) else {
                continue;
            };
            if s.df == 0 {
                continue;
            }
            let i = mine as usize;
            if self.unigrams.len() <= i {
                self.unigrams.resize(i + 1, Stats::default());
            }
            self.unigrams[i].merge(s);
        }
        for (g, s) in other.grams.iter() {
            if let Some(g) = rename(g) {
                self.grams.merge(g, s);
            }
        }
        self.key_phrases
            .extend(other.key_phrases.iter().filter_map(|k| {
                Some(KeyPhrase {
                    article: k.article + offset,
                    gram: rename(k.gram)?,
                    score: k.score,
                })
            }));
        self.articles = self.articles.max(other.articles + offset);
        self.prune_floor = self.prune_floor.max(other.prune_floor);
        // The parts shared the memory bound; the whole has all of it.
        self.limit = self.limit.saturating_add(other.limit);
    }

    /// Count one article of the stream (call once per article, in order).
    pub fn count_article(&mut self, stream: &TermStream, article: usize) {
        self.articles = self.articles.max(article + 1);
        let blocks = stream.blocks_of(article);
        // At most two phrases start at each word.
        let words: usize = blocks.iter().map(|b| stream.terms(b).len()).sum();
        self.grams.reserve_for_article(2 * words);
        for b in blocks.iter().filter(|b| !b.repeat) {
            // Every one-, two- and three-term gram (as `for_each_gram`
            // gives them, in its order), written out for the hot loop:
            // words straight into the dense table, phrases gathered so
            // that each can be fetched a few uses before it is counted.
            let ids = stream.terms(b);
            self.phrases.clear();
            for (i, &id) in ids.iter().enumerate() {
                let t = TermStream::term(id);
                let ti = t as usize;
                if self.word_tf.len() <= ti {
                    self.word_tf.resize(ti + 1, 0);
                }
                if self.word_tf[ti] == 0 {
                    self.touched.push(t);
                }
                self.word_tf[ti] += 1;
                let Some(&next) = ids.get(i + 1).filter(|&&n| TermStream::continues(n)) else {
                    continue;
                };
                let two = gram::extend(gram::word(t), 1, TermStream::term(next));
                self.phrases.push(two);
                if let Some(&last) = ids.get(i + 2).filter(|&&n| TermStream::continues(n)) {
                    self.phrases
                        .push(gram::extend(two, 2, TermStream::term(last)));
                }
            }
            for &g in self.phrases.iter().take(PREFETCH_AHEAD) {
                self.grams.prefetch(g);
            }
            for (i, &g) in self.phrases.iter().enumerate() {
                if let Some(&ahead) = self.phrases.get(i + PREFETCH_AHEAD) {
                    self.grams.prefetch(ahead);
                }
                self.grams.count(g);
            }
        }
        for &t in &self.touched {
            let t = t as usize;
            if self.unigrams.len() <= t {
                self.unigrams.resize(t + 1, Stats::default());
            }
            self.unigrams[t].add_article(self.word_tf[t]);
        }
        let mut best: Vec<KeyPhrase> = Vec::new();
        let word_tf = &self.word_tf;
        self.grams.close_article(|g, tf| {
            if tf >= 2 {
                let rarest = gram::terms(g)
                    .filter_map(|t| word_tf.get(t as usize))
                    .copied()
                    .min()
                    .unwrap_or(tf)
                    .max(1);
                let cohesion = (tf as f32 / rarest as f32).min(1.0);
                best.push(KeyPhrase {
                    article,
                    gram: g,
                    score: sublinear(tf) * cohesion,
                });
            }
        });
        keep_best(&mut best, KEY_PHRASE_CANDIDATES);
        self.key_phrases.extend(best);
        for &t in &self.touched {
            if let Some(n) = self.word_tf.get_mut(t as usize) {
                *n = 0;
            }
        }
        self.touched.clear();
        self.prune();
    }

    /// When the table is full, drop the rarest entries until half is left
    /// (so the next prune, which walks the whole table, is far off).
    pub fn prune(&mut self) {
        let limit = if self.limit == 0 {
            MAX_GRAMS
        } else {
            self.limit
        };
        if self.grams.len() <= limit {
            return;
        }
        // The floor that raising it a step at a time would reach.
        self.prune_floor = self
            .grams
            .prune(self.prune_floor.saturating_add(1), limit / 2);
    }

    pub fn stats(&self, g: Gram) -> Option<&Stats> {
        if gram::is_word(g) {
            self.unigrams.get(gram::first(g)? as usize)
        } else {
            self.grams.get(g)
        }
    }

    /// How much a phrase is a unit: the share of its rarest word's uses
    /// that are inside it (1 for "arms control" or "cyber norms", low for
    /// chance neighbours such as "diplomacy remains"). 1 for single words.
    pub fn cohesion(&self, g: Gram, s: &Stats) -> f32 {
        if gram::is_word(g) {
            return 1.0;
        }
        let rarest = gram::terms(g)
            .filter_map(|t| self.unigrams.get(t as usize))
            .map(|u| u.total)
            .min()
            .unwrap_or(0);
        if rarest == 0 {
            return 0.0;
        }
        (s.total as f32 / rarest as f32).min(1.0)
    }

    pub fn idf(&self, df: u32) -> f32 {
        (1.0 + self.articles as f32 / df.max(1) as f32).ln()
    }
}

/// Keep the `k` best key phrases (highest score, then lowest gram).
fn keep_best(list: &mut Vec<KeyPhrase>, k: usize) {
    let order =
        |a: &KeyPhrase, b: &KeyPhrase| b.score.total_cmp(&a.score).then(a.gram.cmp(&b.gram));
    if list.len() > k {
        list.select_nth_unstable_by(k, order);
        list.truncate(k);
    }
    list.sort_unstable_by(order);
}

/// Remembers the words of each block of one article, to spot blocks
/// repeated word for word.
#[derive(Debug, Default)]
pub struct RepeatFilter {
    seen: FastMap<u64, ()>,
}

impl RepeatFilter {
    pub fn new_article(&mut self) {
        self.seen.clear();
    }

    /// A block's fingerprint, before its words are added.
    pub fn fingerprint() -> FastHasher {
        FastHasher::default()
    }

    /// Add the block's next word (as written) to its fingerprint.
    pub fn add_word(fingerprint: &mut FastHasher, word: &str) {
        fingerprint.write(word.as_bytes());
        fingerprint.write_u8(0);
    }

    /// True when a block with these words (spacing and punctuation aside)
    /// was already seen in the article.
    pub fn is_repeat(&mut self, fingerprint: FastHasher) -> bool {
        self.seen.insert(fingerprint.finish(), ()).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::super::stream::StreamWord;
    use super::*;
    use crate::corpus::BlockRef;

    fn stream_of(articles: &[&[&[TermId]]]) -> TermStream {
        let mut s = TermStream::default();
        for (a, blocks) in articles.iter().enumerate() {
            s.start_article();
            for (b, terms) in blocks.iter().enumerate() {
                let words = terms.iter().enumerate().map(|(i, &term)| StreamWord {
                    term,
                    tight: true,
                    start: i,
                    opens_sentence: false,
                });
                s.push_block(BlockRef::new(a, b), false, false, words);
            }
        }
        s
    }

    #[test]
    fn counts_totals_articles_and_key_phrases() {
        // Article 0 repeats "1 2"; article 1 uses it once.
        let s = stream_of(&[&[&[1, 2, 5], &[1, 2]], &[&[1, 2, 3]]]);
        let mut c = PhraseCounter::default();
        c.count_article(&s, 0);
        c.count_article(&s, 1);
        let g = gram::extend(gram::word(1), 1, 2);
        let st = c.stats(g).copied().expect("counted");
        assert_eq!((st.total, st.df), (3, 2));
        assert!((st.spread - (sublinear(2) + sublinear(1))).abs() < 1e-6);
        assert_eq!(c.stats(gram::word(3)).map(|s| s.total), Some(1));
        let keys: Vec<(usize, Gram)> = c.key_phrases.iter().map(|k| (k.article, k.gram)).collect();
        assert_eq!(keys, [(0, g)], "only article 0 repeats a phrase");
        assert_eq!(c.cohesion(g, &st), 1.0);
    }

    #[test]
    fn sublinear_table_matches_the_formula() {
        for n in 1..20u32 {
            assert!((sublinear(n) - (1.0 + (n as f32).ln())).abs() < 1e-5);
        }
    }
}
