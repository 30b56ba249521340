//! The phrase counts (`counts`: packed grams, each article's tallies kept
//! in the corpus table, a written-out gram loop) against the plainest
//! possible count of the same random term streams: every gram as a vector
//! of terms in a standard hash map, per article.

use super::counts::{KEY_PHRASE_CANDIDATES, PhraseCounter, sublinear};
use super::gram::{self, Gram};
use super::stream::{StreamWord, TermStream};
use super::vocab::{NO_TERM, TermId};
use crate::corpus::BlockRef;
use std::collections::{BTreeMap, HashMap};

/// xorshift64*: enough randomness for a test, no dependency.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n
    }
}

/// Random articles over a small vocabulary (so phrases recur), with
/// non-terms and loose gaps breaking phrases and some repeated blocks.
fn random_stream(rng: &mut Rng, articles: usize) -> TermStream {
    let mut s = TermStream::default();
    for a in 0..articles {
        s.start_article();
        for b in 0..1 + rng.below(6) as usize {
            let len = rng.below(40) as usize;
            let words: Vec<StreamWord> = (0..len)
                .map(|i| StreamWord {
                    term: match rng.below(10) {
                        0 => NO_TERM,
                        _ => rng.below(25) as TermId,
                    },
                    tight: rng.below(5) != 0,
                    start: i * 3,
                    opens_sentence: false,
                })
                .collect();
            let repeat = rng.below(8) == 0;
            s.push_block(BlockRef::new(a, b), false, repeat, words.into_iter());
        }
    }
    s
}

fn pack(terms: &[TermId]) -> Gram {
    let mut g = gram::word(terms[0]);
    for (i, &t) in terms.iter().enumerate().skip(1) {
        g = gram::extend(g, i, t);
    }
    g
}

/// Per gram (as terms), per article: uses.
fn plain_counts(s: &TermStream) -> HashMap<Vec<TermId>, BTreeMap<usize, u32>> {
    let mut counts: HashMap<Vec<TermId>, BTreeMap<usize, u32>> = HashMap::new();
    for a in 0..s.articles() {
        for b in s.blocks_of(a).iter().filter(|b| !b.repeat) {
            let ids = s.terms(b);
            for i in 0..ids.len() {
                for len in 1..=3.min(ids.len() - i) {
                    let part = &ids[i..i + len];
                    if part[1..].iter().any(|&e| !TermStream::continues(e)) {
                        break;
                    }
                    let key: Vec<TermId> = part.iter().map(|&e| TermStream::term(e)).collect();
                    *counts.entry(key).or_default().entry(a).or_default() += 1;
                }
            }
        }
    }
    counts
}

#[test]
fn packed_counts_match_a_plain_count_of_random_text() {
    for seed in 1..=6u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let s = random_stream(&mut rng, 40);
        let mut c = PhraseCounter::default();
        for a in 0..s.articles() {
            c.count_article(&s, a);
        }
        let plain = plain_counts(&s);
        let phrases = plain.keys().filter(|k| k.len() > 1).count();
        assert_eq!(c.grams.len(), phrases, "seed {seed}");
        let words = c.unigrams.iter().filter(|u| u.df > 0).count();
        assert_eq!(words, plain.len() - phrases, "seed {seed}");
        for (terms, per_article) in &plain {
            let st = c.stats(pack(terms)).copied().expect("counted");
            let total: u32 = per_article.values().sum();
            let spread: f32 = per_article.values().map(|&n| sublinear(n)).sum();
            assert_eq!((st.total, st.df as usize), (total, per_article.len()));
            assert!((st.spread - spread).abs() < 1e-4, "{terms:?}");
        }
        // Key phrases: per article, the best repeated phrases by uses and
        // cohesion with the rarest of their words, ties to the lower gram.
        let mut expected: Vec<(usize, Gram)> = Vec::new();
        for a in 0..s.articles() {
            let tf = |terms: &[TermId]| plain.get(terms).and_then(|m| m.get(&a)).copied();
            let mut best: Vec<(f32, Gram)> = plain
                .keys()
                .filter(|k| k.len() > 1)
                .filter_map(|k| Some((k, tf(k).filter(|&n| n >= 2)?)))
                .map(|(k, n)| {
                    let rarest = k.iter().filter_map(|&t| tf(&[t])).min().unwrap_or(n);
                    let cohesion = (n as f32 / rarest.max(1) as f32).min(1.0);
                    (sublinear(n) * cohesion, pack(k))
                })
                .collect();
            best.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
            best.truncate(KEY_PHRASE_CANDIDATES);
            expected.extend(best.into_iter().map(|(_, g)| (a, g)));
        }
        let got: Vec<(usize, Gram)> = c.key_phrases.iter().map(|k| (k.article, k.gram)).collect();
        assert_eq!(got, expected, "seed {seed}");
    }
}
