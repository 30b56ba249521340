//! Term topics: salient words and phrases by TF-IDF across the corpus.
//!
//! A phrase is two or three terms (`text::terms`: stemmed, no stop words)
//! written side by side with no punctuation between ("security
//! guarantees", "prisoner exchanges"). Candidates must recur (at least
//! twice in the corpus) and not be names (words mostly capitalised
//! mid-sentence are left to name topics). An article scores a candidate
//! (1 + ln tf) · ln(1 + N / df); each article contributes its best
//! `WORDS_PER_ARTICLE` words and `PHRASES_PER_ARTICLE` phrases. The corpus
//! adds words and phrases shared by at least two articles (`corpus_quota`)
//! by summed (1 + ln tf): what a comparison needs. Phrase scores are
//! multiplied by their cohesion (the share of the rarest word's uses that
//! fall inside the phrase), which favours terms ("arms control") over
//! chance neighbours ("diplomacy remains").
//! So the index grows with the corpus but stays a summary. A
//! selected word or phrase is dropped when most of its uses are inside a
//! longer selected phrase ("Putin Trump" inside "Putin Trump meeting").
//!
//! Counting is three passes: corpus counts (`PhraseCounter::count_block`),
//! per-article selection (`select`), then occurrences (`term_drafts`). On
//! very large corpora the two- and three-word counts are pruned of rare
//! entries when the table fills, so counts there are approximate (lossy
//! counting) and memory stays bounded.

use super::TopicKind;
use super::draft::{Draft, PLAIN_SURFACE, WEAK_SURFACE};
use super::scan::{Word, scan};
use super::vocab::{FastHasher, FastMap, NO_TERM, TermId, Vocab};
use crate::corpus::{BlockKind, BlockRef, Corpus};
use std::hash::Hasher;

/// Up to three term ids; unused slots hold `NO_TERM`.
pub type Gram = [TermId; 3];

/// Words and phrases are chosen separately: single words score higher
/// (they recur more) but phrases say more.
pub const WORDS_PER_ARTICLE: usize = 4;
pub const PHRASES_PER_ARTICLE: usize = 4;
/// Shared words and phrases the corpus adds: a few per article, up to a
/// bound (per-article picks already cover large corpora).
fn corpus_quota(articles: usize) -> (usize, usize) {
    let words = (12 + 2 * articles).min(2_000);
    let phrases = (20 + 4 * articles).min(4_000);
    (words, phrases)
}
/// Most two- and three-word entries kept in memory (just under a table
/// size, so the table does not double).
const MAX_GRAMS: usize = 1_750_000;
/// A shorter selection is dropped when a longer one containing it has at
/// least this share of its uses.
const SUBSUMED: f32 = 0.75;

#[derive(Debug, Clone, Copy, Default)]
struct Stats {
    total: u32,
    df: u32,
    /// 1 + the last article counted into `df` (0: none yet).
    last: u32,
    /// Summed (1 + ln tf) over the articles using it (set in pass two).
    spread: f32,
}

impl Stats {
    fn count(&mut self, article: u32) {
        self.total = self.total.saturating_add(1);
        if self.last != article + 1 {
            self.last = article + 1;
            self.df += 1;
        }
    }
}

#[derive(Debug, Default)]
pub struct PhraseCounter {
    unigrams: Vec<Stats>,
    grams: FastMap<Gram, Stats>,
    /// Entries with at most this many uses were pruned at least once.
    prune_floor: u32,
    articles: usize,
}

/// One term id per word (`NO_TERM` for non-terms), replacing `out`.
pub fn block_terms(text: &str, words: &[Word], vocab: &mut Vocab, out: &mut Vec<TermId>) {
    out.clear();
    out.extend(words.iter().map(|w| {
        let id = vocab.word_id(w.text(text));
        vocab.word_info.get(id as usize).map_or(NO_TERM, |i| i.term)
    }));
}

/// Every gram starting at each word: (first word, length, gram).
fn grams<'a>(
    terms: &'a [TermId],
    words: &'a [Word],
) -> impl Iterator<Item = (usize, usize, Gram)> + 'a {
    (0..terms.len()).flat_map(move |i| {
        let mut g = [NO_TERM; 3];
        let mut len = 0;
        std::iter::from_fn(move || {
            if len == 3 {
                return None;
            }
            let j = i + len;
            let t = *terms.get(j)?;
            if t == NO_TERM || (len > 0 && !words.get(j).is_some_and(|w| w.gap.is_tight())) {
                return None;
            }
            g[len] = t;
            len += 1;
            Some((i, len, g))
        })
    })
}

impl PhraseCounter {
    pub fn count_block(&mut self, article: usize, terms: &[TermId], words: &[Word]) {
        let a = u32::try_from(article).unwrap_or(u32::MAX - 1);
        self.articles = self.articles.max(article + 1);
        for (_, len, g) in grams(terms, words) {
            if len == 1 {
                let t = g[0] as usize;
                if self.unigrams.len() <= t {
                    self.unigrams.resize(t + 1, Stats::default());
                }
                self.unigrams[t].count(a);
            } else {
                self.grams.entry(g).or_default().count(a);
            }
        }
    }

    /// Call between articles: drop the rarest multi-word entries when the
    /// table is full.
    pub fn end_article(&mut self) {
        while self.grams.len() > MAX_GRAMS {
            self.prune_floor += 1;
            let floor = self.prune_floor;
            self.grams.retain(|_, s| s.total > floor);
        }
    }

    fn stats(&self, g: &Gram) -> Option<&Stats> {
        if g[1] == NO_TERM {
            self.unigrams.get(g[0] as usize)
        } else {
            self.grams.get(g)
        }
    }

    fn stats_mut(&mut self, g: &Gram) -> Option<&mut Stats> {
        if g[1] == NO_TERM {
            self.unigrams.get_mut(g[0] as usize)
        } else {
            self.grams.get_mut(g)
        }
    }

    /// How much a phrase is a unit: the share of its rarest word's uses
    /// that are inside it (1 for "arms control" or "cyber norms", low for
    /// chance neighbours such as "diplomacy remains"). 1 for single words.
    fn cohesion(&self, g: &Gram, s: &Stats) -> f32 {
        if g[1] == NO_TERM {
            return 1.0;
        }
        let rarest = g
            .iter()
            .filter(|&&t| t != NO_TERM)
            .filter_map(|&t| self.unigrams.get(t as usize))
            .map(|u| u.total)
            .min()
            .unwrap_or(0);
        if rarest == 0 {
            return 0.0;
        }
        (s.total as f32 / rarest as f32).min(1.0)
    }

    fn idf(&self, df: u32) -> f32 {
        (1.0 + self.articles as f32 / df.max(1) as f32).ln()
    }
}

/// Remembers the block texts of one article, so that a block repeated
/// word for word (a page artifact: a caption printed twice, a paragraph
/// pasted again) counts once towards salience.
#[derive(Debug, Default)]
pub struct RepeatFilter {
    seen: FastMap<u64, ()>,
}

impl RepeatFilter {
    pub fn new_article(&mut self) {
        self.seen.clear();
    }

    /// True when these words (spacing and punctuation aside) were already
    /// seen in the article.
    pub fn is_repeat(&mut self, text: &str, words: &[Word]) -> bool {
        let mut h = FastHasher::default();
        for w in words {
            h.write(w.text(text).as_bytes());
            h.write_u8(0);
        }
        self.seen.insert(h.finish(), ()).is_some()
    }
}

/// Scan the content blocks of an article, calling
/// `f(block, text, in_heading, words, terms)`; with `once`, a repeated
/// block is skipped.
pub fn for_each_block(
    corpus: &Corpus,
    article: usize,
    vocab: &mut Vocab,
    once: bool,
    mut f: impl FnMut(BlockRef, &str, bool, &[Word], &[TermId]),
) {
    let Some(a) = corpus.articles.get(article) else {
        return;
    };
    let mut words = Vec::new();
    let mut terms = Vec::new();
    let mut repeats = RepeatFilter::default();
    for (bi, b) in a.content_blocks() {
        scan(&b.text, &mut words);
        if once && repeats.is_repeat(&b.text, &words) {
            continue;
        }
        block_terms(&b.text, &words, vocab, &mut terms);
        f(
            BlockRef::new(article, bi),
            &b.text,
            b.kind == BlockKind::Heading,
            &words,
            &terms,
        );
    }
}

/// The grams to make topics of (pass two).
pub fn select(corpus: &Corpus, vocab: &mut Vocab, counter: &mut PhraseCounter) -> Vec<Gram> {
    let mut chosen: FastMap<Gram, ()> = FastMap::default();
    let mut tf: FastMap<Gram, u32> = FastMap::default();
    for article in 0..corpus.articles.len() {
        tf.clear();
        for_each_block(corpus, article, vocab, true, |_, _, _, words, terms| {
            for (_, _, g) in grams(terms, words) {
                *tf.entry(g).or_default() += 1;
            }
        });
        let mut best: Vec<(f32, Gram)> = Vec::new();
        for (g, &n) in &tf {
            let Some(s) = counter.stats(g).copied() else {
                continue;
            };
            if s.total < 2
                || g.iter()
                    .filter(|&&t| t != NO_TERM)
                    .all(|&t| vocab.term_is_name_like(t))
            {
                continue;
            }
            let use_score = 1.0 + (n as f32).ln();
            if let Some(s) = counter.stats_mut(g) {
                s.spread += use_score;
            }
            best.push((use_score * counter.idf(s.df) * counter.cohesion(g, &s), *g));
        }
        take_best(
            &mut best,
            WORDS_PER_ARTICLE,
            PHRASES_PER_ARTICLE,
            &mut chosen,
        );
    }
    // The corpus adds what several articles share, by how widely and how
    // much it is used (no IDF here: sharing is the point).
    let mut corpus_best: Vec<(f32, Gram)> = counter
        .grams
        .iter()
        .map(|(g, s)| (*s, *g))
        .chain(
            counter
                .unigrams
                .iter()
                .enumerate()
                .map(|(t, s)| (*s, [u32::try_from(t).unwrap_or(NO_TERM), NO_TERM, NO_TERM])),
        )
        .filter(|(s, _)| s.df >= 2 && s.spread > 0.0)
        .map(|(s, g)| (s.spread * counter.cohesion(&g, &s), g))
        .collect();
    let (words, phrases) = corpus_quota(corpus.articles.len());
    take_best(&mut corpus_best, words, phrases, &mut chosen);
    let mut out: Vec<Gram> = chosen.keys().copied().collect();
    out.sort_unstable();
    let subsumed: Vec<bool> = out.iter().map(|g| is_subsumed(g, &out, counter)).collect();
    out.into_iter()
        .zip(subsumed)
        .filter(|&(_, s)| !s)
        .map(|(g, _)| g)
        .collect()
}

/// Add the best `words` single words and `phrases` phrases of `scored`.
fn take_best(
    scored: &mut [(f32, Gram)],
    words: usize,
    phrases: usize,
    chosen: &mut FastMap<Gram, ()>,
) {
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let is_word = |g: &Gram| g[1] == NO_TERM;
    let best_words = scored.iter().filter(|(_, g)| is_word(g)).take(words);
    let best_phrases = scored.iter().filter(|(_, g)| !is_word(g)).take(phrases);
    chosen.extend(best_words.chain(best_phrases).map(|&(_, g)| (g, ())));
}

/// Some longer selected gram contains `g` and has most of its uses.
fn is_subsumed(g: &Gram, selected: &[Gram], counter: &PhraseCounter) -> bool {
    let len = g.iter().filter(|&&t| t != NO_TERM).count();
    let Some(own) = counter.stats(g).map(|s| s.total as f32) else {
        return false;
    };
    selected.iter().any(|h| {
        let hl = h.iter().filter(|&&t| t != NO_TERM).count();
        hl > len
            && (0..=hl - len).any(|off| h[off..off + len] == g[..len])
            && counter
                .stats(h)
                .is_some_and(|s| s.total as f32 >= SUBSUMED * own)
    })
}

/// Drafts for the selected grams with every occurrence (pass three).
pub fn term_drafts(corpus: &Corpus, vocab: &mut Vocab, selected: &[Gram]) -> Vec<Draft> {
    let ids: FastMap<Gram, usize> = selected.iter().enumerate().map(|(i, g)| (*g, i)).collect();
    let mut drafts: Vec<Draft> = selected
        .iter()
        .map(|_| Draft::new(TopicKind::Term))
        .collect();
    for article in 0..corpus.articles.len() {
        for_each_block(
            corpus,
            article,
            vocab,
            false,
            |at, text, heading, words, terms| {
                for (i, len, g) in grams(terms, words) {
                    let Some(d) = ids.get(&g).and_then(|&id| drafts.get_mut(id)) else {
                        continue;
                    };
                    d.add(at, 1.0);
                    let (Some(first), Some(last)) = (words.get(i), words.get(i + len - 1)) else {
                        continue;
                    };
                    let plain = !heading && !first.gap.starts_sentence();
                    let surface = text.get(first.start..last.end).unwrap_or("");
                    d.surfaces
                        .add(surface, if plain { PLAIN_SURFACE } else { WEAK_SURFACE });
                }
            },
        );
    }
    drafts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gram_lengths(t: &str) -> Vec<(usize, usize)> {
        let mut v = Vocab::default();
        let mut words = Vec::new();
        let mut terms = Vec::new();
        scan(t, &mut words);
        block_terms(t, &words, &mut v, &mut terms);
        grams(&terms, &words).map(|(i, n, _)| (i, n)).collect()
    }

    #[test]
    fn grams_stop_at_stop_words_and_punctuation() {
        // "security guarantees, the prisoner exchanges"
        assert_eq!(
            gram_lengths("security guarantees, the prisoner exchanges"),
            [(0, 1), (0, 2), (1, 1), (3, 1), (3, 2), (4, 1)]
        );
    }

    #[test]
    fn trigrams_are_the_longest() {
        let n = gram_lengths("arms control verification protocols");
        assert!(n.iter().all(|&(_, len)| len <= 3));
        assert!(n.contains(&(0, 3)) && n.contains(&(1, 3)));
    }
}
