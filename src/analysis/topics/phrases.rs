//! Term topics: salient words and phrases.
//!
//! A phrase is two or three terms (`text::terms`: stemmed, no stop words)
//! written side by side with no punctuation between ("security
//! guarantees", "prisoner exchanges"). Nothing that is a name is taken
//! (terms mostly capitalised mid-sentence are left to name topics), nor
//! background (in corpora of 50 articles or more, what over half the
//! articles use), nor a phrase repeating a word; everything taken recurs
//! (at least twice in the corpus). Three sources,
//! so the index grows with the corpus but stays a summary:
//! - each article's best `WORDS_PER_ARTICLE` words by TF-IDF,
//!   (1 + ln tf) · ln(1 + N / df);
//! - each article's best `PHRASES_PER_ARTICLE` key phrases: phrases it
//!   uses at least twice, by (1 + ln tf) · cohesion within the article;
//! - words and phrases shared by at least two articles (`corpus_quota`),
//!   by summed (1 + ln tf) · cohesion: what a comparison needs.
//!
//! Cohesion is the share of the rarest word's uses that fall inside the
//! phrase: it favours terms ("arms control") over chance neighbours
//! ("diplomacy remains"). A selected word or phrase is dropped when most
//! of its uses are inside a longer selected phrase ("Putin Trump" inside
//! "Putin Trump meeting"), or inside a phrase of two names and a word
//! ("Trump meeting" inside "Putin Trump meeting"), which names cover.
//!
//! Passes over the term stream: counts (`counts`), selection (`select`,
//! which only needs to recount single words), then occurrences
//! (`term_drafts`).

use super::counts::{PhraseCounter, sublinear};
use super::gram::{self, Gram};
use super::junk::Junk;
use super::stream::TermStream;
use super::vocab::{FastMap, TermId, Vocab};

pub const WORDS_PER_ARTICLE: usize = 4;
pub const PHRASES_PER_ARTICLE: usize = 4;
/// Corpora of at least this many articles have background words.
const BACKGROUND_FROM: usize = 50;
/// A shorter selection is dropped when a longer one containing it has at
/// least this share of its uses.
const SUBSUMED: f32 = 0.75;

/// Shared words and phrases the corpus adds: a few per article, up to a
/// bound (per-article picks already cover large corpora).
fn corpus_quota(articles: usize) -> (usize, usize) {
    let words = (12 + 2 * articles).min(2_000);
    let phrases = (20 + 4 * articles).min(4_000);
    (words, phrases)
}

/// In a large corpus, what more than half the articles use is background
/// ("said", "year"), not a shared topic. Small corpora (about one event)
/// keep their common words: there they are the comparison.
fn is_background(df: u32, articles: usize) -> bool {
    articles >= BACKGROUND_FROM && df as usize * 2 > articles
}

fn is_name_like(g: Gram, vocab: &Vocab) -> bool {
    gram::terms(g).all(|t| vocab.term_is_name_like(t))
}

/// Two of its words are names: a run of names with a word between
/// ("Korean dictator Kim"), which the name topics cover.
fn is_about_names(g: Gram, vocab: &Vocab) -> bool {
    gram::terms(g)
        .filter(|&t| vocab.term_is_name_like(t))
        .count()
        >= 2
}

/// What a term topic may be made of (see `select`).
struct Filter<'a> {
    vocab: &'a Vocab,
    counter: &'a PhraseCounter,
    junk: Junk,
}

impl Filter<'_> {
    /// Could be a topic at all: not a name, not background, not junk
    /// (`junk`), no word twice in a row ("talks talks" is a stutter or a
    /// list, not a phrase).
    fn accepts(&self, g: Gram) -> bool {
        let background = self
            .counter
            .stats(g)
            .is_some_and(|s| is_background(s.df, self.counter.articles));
        let mut prev = None;
        let stutter = gram::terms(g).any(|t| prev.replace(t) == Some(t));
        !background
            && !stutter
            && !is_name_like(g, self.vocab)
            && !is_about_names(g, self.vocab)
            && !self.junk.rejects(|| gram::terms(g))
    }
}

/// The grams to make topics of.
pub fn select(stream: &TermStream, vocab: &Vocab, counter: &PhraseCounter) -> Vec<Gram> {
    let filter = Filter {
        vocab,
        counter,
        junk: Junk::new(vocab),
    };
    let mut chosen: FastMap<Gram, ()> = FastMap::default();
    // Each article's key phrases (already ranked), names left out.
    let mut per_article = 0;
    let mut last_article = usize::MAX;
    for k in &counter.key_phrases {
        if k.article != last_article {
            last_article = k.article;
            per_article = 0;
        }
        if per_article < PHRASES_PER_ARTICLE && filter.accepts(k.gram) {
            chosen.insert(k.gram, ());
            per_article += 1;
        }
    }
    article_words(stream, &filter, &mut chosen);
    // The corpus adds what several articles share, by how widely and how
    // much it is used (no IDF here: sharing is the point).
    let mut shared: Vec<(f32, Gram)> = counter
        .grams
        .iter()
        .map(|(g, s)| (*s, g))
        .chain(
            counter
                .unigrams
                .iter()
                .enumerate()
                .filter_map(|(t, s)| Some((*s, gram::word(TermId::try_from(t).ok()?)))),
        )
        .filter(|(s, g)| s.df >= 2 && filter.accepts(*g))
        .map(|(s, g)| (s.spread * counter.cohesion(g, &s), g))
        .collect();
    let (words, phrases) = corpus_quota(counter.articles);
    take_best(&mut shared, words, phrases, &mut chosen);
    // Phrases inside a run of names ("Trump meeting" inside "Putin Trump
    // meeting") go with it.
    let name_runs: Vec<Gram> = counter
        .grams
        .keys()
        .filter(|&g| is_about_names(g, vocab))
        .collect();
    let subsumed = subsumed(&chosen, &name_runs, counter);
    let mut out: Vec<Gram> = chosen
        .into_keys()
        .filter(|g| !subsumed.contains_key(g))
        .collect();
    out.sort_unstable();
    out
}

/// Each article's best words by TF-IDF, counted afresh per article in a
/// dense table (words only: cheap without hashing).
fn article_words(stream: &TermStream, filter: &Filter, chosen: &mut FastMap<Gram, ()>) {
    let counter = filter.counter;
    let mut tf: Vec<u32> = vec![0; counter.unigrams.len()];
    // Per term, worked out on first use (the same words recur in every
    // article): its IDF if it may be picked, `REJECTED` if not.
    const UNKNOWN: f32 = f32::NAN;
    const REJECTED: f32 = -1.0;
    let mut idf: Vec<f32> = vec![UNKNOWN; counter.unigrams.len()];
    let mut touched: Vec<TermId> = Vec::new();
    let mut scored: Vec<(f32, Gram)> = Vec::new();
    let mut top: Vec<(f32, Gram)> = Vec::new();
    for article in 0..stream.articles() {
        for b in stream.blocks_of(article).iter().filter(|b| !b.repeat) {
            for t in stream.terms(b).iter().map(|&id| TermStream::term(id)) {
                if let Some(n) = tf.get_mut(t as usize) {
                    if *n == 0 {
                        touched.push(t);
                    }
                    *n += 1;
                }
            }
        }
        scored.clear();
        for &t in &touched {
            let n = std::mem::take(&mut tf[t as usize]);
            let Some(s) = counter.unigrams.get(t as usize) else {
                continue;
            };
            let Some(known) = idf.get_mut(t as usize) else {
                continue;
            };
            if known.is_nan() {
                *known = if s.total >= 2 && filter.accepts(gram::word(t)) {
                    counter.idf(s.df)
                } else {
                    REJECTED
                };
            }
            if *known != REJECTED {
                scored.push((sublinear(n) * *known, gram::word(t)));
            }
        }
        touched.clear();
        best_few(&scored, WORDS_PER_ARTICLE, &mut top);
        chosen.extend(top.iter().map(|&(_, g)| (g, ())));
    }
}

/// The `k` best of `scored` into `top` (highest score, ties to the lower
/// gram: the ones `take_best` picks), in one pass for a small `k`.
fn best_few(scored: &[(f32, Gram)], k: usize, top: &mut Vec<(f32, Gram)>) {
    let before = |a: &(f32, Gram), b: &(f32, Gram)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).is_lt();
    top.clear();
    for e in scored {
        if top.len() < k || top.last().is_some_and(|worst| before(e, worst)) {
            let at = top.partition_point(|t| before(t, e));
            top.insert(at, *e);
            top.truncate(k);
        }
    }
}

/// Add the best `words` single words and `phrases` phrases of `scored`
/// (linear time: only which ones, not their order, matters here).
fn take_best(
    scored: &mut Vec<(f32, Gram)>,
    words: usize,
    phrases: usize,
    chosen: &mut FastMap<Gram, ()>,
) {
    let mut multi: Vec<(f32, Gram)> = Vec::new();
    scored.retain(|e| {
        let word = gram::is_word(e.1);
        if !word {
            multi.push(*e);
        }
        word
    });
    for (list, k) in [(scored, words), (&mut multi, phrases)] {
        let by_score = |a: &(f32, Gram), b: &(f32, Gram)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
        if list.len() > k {
            list.select_nth_unstable_by(k, by_score);
            list.truncate(k);
        }
        chosen.extend(list.iter().map(|&(_, g)| (g, ())));
    }
}

/// Selected grams that a longer selected gram contains with most of their
/// uses ("Putin Trump" inside "Putin Trump meeting").
fn subsumed(
    chosen: &FastMap<Gram, ()>,
    name_runs: &[Gram],
    counter: &PhraseCounter,
) -> FastMap<Gram, ()> {
    let mut out: FastMap<Gram, ()> = FastMap::default();
    for &h in chosen.keys().chain(name_runs) {
        let hl = gram::len(h);
        let Some(long) = counter.stats(h).map(|s| s.total as f32) else {
            continue;
        };
        for len in 1..hl {
            for off in 0..=hl - len {
                let g = gram::sub(h, off, len);
                let own = counter.stats(g).map_or(f32::MAX, |s| s.total as f32);
                if chosen.contains_key(&g) && long >= SUBSUMED * own {
                    out.insert(g, ());
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::first_pass::first_pass;
    use super::super::term_drafts::term_drafts;
    use super::*;
    use crate::corpus::Corpus;

    fn corpus(texts: &[&str]) -> Corpus {
        Corpus::of_texts(texts, "\n")
    }

    /// The labels of the selected grams.
    fn selected_labels(c: &Corpus) -> Vec<String> {
        let pass = first_pass(c);
        let selected = select(&pass.stream, &pass.vocab, &pass.counter);
        let mut labels: Vec<String> = term_drafts(c, &pass.stream, &pass.vocab, &selected)
            .into_iter()
            .filter_map(|d| d.finish(""))
            .map(|t| t.label)
            .collect();
        labels.sort();
        labels
    }

    #[test]
    fn cohesive_phrases_win_and_stutters_do_not() {
        let c = corpus(&[
            "the harbour plan needs arms control. arms control talks talks went on",
            "ministers want arms control. the harbour plan was talks talks again",
        ]);
        let labels = selected_labels(&c);
        assert!(labels.contains(&"arms control".to_string()), "{labels:?}");
        assert!(labels.contains(&"harbour plan".to_string()), "{labels:?}");
        assert!(
            !labels.iter().any(|l| l.contains("talks talks")),
            "{labels:?}"
        );
    }

    #[test]
    fn the_few_best_are_the_ones_take_best_picks() {
        let mut state = 7u64;
        for round in 0..200 {
            let scored: Vec<(f32, Gram)> = (0..round % 23)
                .map(|i| {
                    state = state
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1);
                    ((state >> 60) as f32, gram::word(i as TermId))
                })
                .collect();
            let k = round % 6;
            let mut top = Vec::new();
            best_few(&scored, k, &mut top);
            let mut fast: Vec<Gram> = top.iter().map(|&(_, g)| g).collect();
            let mut chosen = FastMap::default();
            take_best(&mut scored.clone(), k, 0, &mut chosen);
            let mut slow: Vec<Gram> = chosen.into_keys().collect();
            fast.sort_unstable();
            slow.sort_unstable();
            assert_eq!(fast, slow, "round {round}");
        }
    }

    #[test]
    fn a_phrase_inside_a_longer_one_goes() {
        let c = corpus(&[
            "the joint naval exercise began. a joint naval exercise ended",
            "another joint naval exercise was planned",
        ]);
        let labels = selected_labels(&c);
        assert!(
            labels.contains(&"joint naval exercise".to_string()),
            "{labels:?}"
        );
        assert!(!labels.contains(&"joint naval".to_string()), "{labels:?}");
        assert!(
            !labels.contains(&"naval exercise".to_string()),
            "{labels:?}"
        );
    }
}
