//! Ground truth for the near-duplicate pass: every pair of content blocks
//! with Jaccard or containment ≥ a threshold, by brute force. Independent of
//! the engine's join: a full inverted index over untruncated shingles, and
//! every pair of blocks sharing at least one shingle is scored exactly.

use crate::analysis::dups::{DupPair, Scope, content_blocks};
use crate::analysis::shingle;
use crate::corpus::{BlockRef, Corpus};
use std::collections::HashSet;
use std::fmt::Write as _;

/// A pair named by article id and block index (what `show` prints).
#[derive(Debug, Clone, PartialEq)]
pub struct TruthPair {
    pub a_article: String,
    pub a_block: usize,
    pub b_article: String,
    pub b_block: usize,
    pub jaccard: f64,
    pub containment: f64,
}

impl TruthPair {
    pub fn key(&self) -> PairKey {
        (
            self.a_article.clone(),
            self.a_block,
            self.b_article.clone(),
            self.b_block,
        )
    }

    pub fn scope(&self) -> Scope {
        if self.a_article == self.b_article {
            Scope::Within
        } else {
            Scope::Across
        }
    }
}

/// (article id, block, article id, block).
pub type PairKey = (String, usize, String, usize);

#[derive(Debug, thiserror::Error)]
pub enum TruthError {
    #[error("truth file line {line}: {message}")]
    Parse { line: usize, message: String },
}

/// Brute-force pairs over the content blocks of `corpus`, sorted by block.
pub fn brute_force(corpus: &Corpus, min_score: f64) -> Vec<DupPair> {
    let refs = content_blocks(corpus);
    let sets: Vec<Vec<u64>> = refs
        .iter()
        .map(|&r| {
            corpus
                .get(r)
                .map_or_else(Vec::new, |b| shingle::shingles(&b.text))
        })
        .collect();
    brute_force_sets(&sets, min_score)
        .into_iter()
        .map(|(a, b, s)| pair(refs[a], refs[b], s))
        .collect()
}

fn pair(a: BlockRef, b: BlockRef, s: shingle::Scores) -> DupPair {
    DupPair {
        a,
        b,
        jaccard: s.jaccard,
        containment: s.containment,
        scope: if a.article == b.article {
            Scope::Within
        } else {
            Scope::Across
        },
    }
}

/// Every pair `(a, b)`, `a < b`, of sets sharing a shingle whose Jaccard or
/// containment reaches `min_score`, with exact scores.
pub fn brute_force_sets(sets: &[Vec<u64>], min_score: f64) -> Vec<(usize, usize, shingle::Scores)> {
    // Inverted index as a sorted list of (shingle, set).
    let mut entries: Vec<(u64, u32)> = sets
        .iter()
        .enumerate()
        .flat_map(|(i, s)| s.iter().map(move |&h| (h, i as u32)))
        .collect();
    entries.sort_unstable();
    let mut postings: Vec<Vec<u32>> = Vec::new();
    let mut of_set: Vec<Vec<u32>> = vec![Vec::new(); sets.len()];
    let mut i = 0;
    while i < entries.len() {
        let mut j = i + 1;
        while j < entries.len() && entries[j].0 == entries[i].0 {
            j += 1;
        }
        if j - i >= 2 {
            let id = postings.len() as u32;
            postings.push(entries[i..j].iter().map(|e| e.1).collect());
            for e in &entries[i..j] {
                of_set[e.1 as usize].push(id);
            }
        }
        i = j;
    }
    drop(entries);
    let mut out = Vec::new();
    let mut seen = vec![usize::MAX; sets.len()];
    for a in 0..sets.len() {
        for &t in &of_set[a] {
            for &b in &postings[t as usize] {
                let b = b as usize;
                if b <= a || seen[b] == a {
                    continue;
                }
                seen[b] = a;
                let s = shingle::scores(&sets[a], &sets[b]);
                if s.jaccard >= min_score || s.containment >= min_score {
                    out.push((a, b, s));
                }
            }
        }
    }
    out.sort_unstable_by_key(|&(a, b, _)| (a, b));
    out
}

/// Name a pair by article ids.
pub fn to_truth(corpus: &Corpus, p: &DupPair) -> TruthPair {
    let id = |r: BlockRef| {
        corpus
            .articles
            .get(r.article)
            .map_or_else(String::new, |a| a.id.clone())
    };
    TruthPair {
        a_article: id(p.a),
        a_block: p.a.block,
        b_article: id(p.b),
        b_block: p.b.block,
        jaccard: p.jaccard,
        containment: p.containment,
    }
}

pub const TSV_HEADER: &str =
    "# a_article\ta_block\tb_article\tb_block\tjaccard\tcontainment\tscope";

/// Tab-separated, one pair per line after a `#` header; scores printed so
/// they read back to the same `f64`.
pub fn to_tsv(pairs: &[TruthPair]) -> String {
    let mut out = String::with_capacity(pairs.len() * 48);
    out.push_str(TSV_HEADER);
    out.push('\n');
    for p in pairs {
        let scope = match p.scope() {
            Scope::Within => "within",
            Scope::Across => "across",
        };
        // Writing to a String cannot fail.
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{:?}\t{:?}\t{}",
            p.a_article, p.a_block, p.b_article, p.b_block, p.jaccard, p.containment, scope
        );
    }
    out
}

pub fn from_tsv(text: &str) -> Result<Vec<TruthPair>, TruthError> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let bad = |message: &str| TruthError::Parse {
            line: n + 1,
            message: message.to_string(),
        };
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 7 {
            return Err(bad("expected 7 tab-separated fields"));
        }
        let int = |s: &str| s.parse::<usize>().map_err(|_| bad("bad block index"));
        let num = |s: &str| s.parse::<f64>().map_err(|_| bad("bad score"));
        out.push(TruthPair {
            a_article: f[0].to_string(),
            a_block: int(f[1])?,
            b_article: f[2].to_string(),
            b_block: int(f[3])?,
            jaccard: num(f[4])?,
            containment: num(f[5])?,
        });
    }
    Ok(out)
}

/// How a result compares with the truth.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Accuracy {
    pub truth: usize,
    pub found: usize,
    pub true_positives: usize,
    /// Pairs found with scores that differ from the truth's.
    pub score_mismatches: usize,
}

impl Accuracy {
    /// Share of true pairs found (1 when there is nothing to find).
    pub fn recall(&self) -> f64 {
        if self.truth == 0 {
            1.0
        } else {
            self.true_positives as f64 / self.truth as f64
        }
    }

    /// Share of found pairs that are true (1 when nothing was found).
    pub fn precision(&self) -> f64 {
        if self.found == 0 {
            1.0
        } else {
            self.true_positives as f64 / self.found as f64
        }
    }
}

/// Compare found pairs with the truth, both named by article id.
pub fn accuracy(found: &[TruthPair], truth: &[TruthPair]) -> Accuracy {
    let truth_scores: std::collections::HashMap<PairKey, (f64, f64)> = truth
        .iter()
        .map(|p| (p.key(), (p.jaccard, p.containment)))
        .collect();
    let found_keys: HashSet<PairKey> = found.iter().map(TruthPair::key).collect();
    let mut acc = Accuracy {
        truth: truth_scores.len(),
        found: found_keys.len(),
        true_positives: 0,
        score_mismatches: 0,
    };
    for p in found {
        if let Some(&(j, c)) = truth_scores.get(&p.key()) {
            acc.true_positives += 1;
            if j != p.jaccard || c != p.containment {
                acc.score_mismatches += 1;
            }
        }
    }
    acc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_round_trips_exactly() {
        let p = TruthPair {
            a_article: "art000001".into(),
            a_block: 3,
            b_article: "art000007".into(),
            b_block: 12,
            jaccard: 1.0 / 3.0,
            containment: 0.7,
        };
        let back = from_tsv(&to_tsv(std::slice::from_ref(&p))).unwrap_or_default();
        assert_eq!(back, vec![p]);
        assert!(from_tsv("a\t1\n").is_err());
    }

    #[test]
    fn accuracy_counts() {
        let mk = |b: usize, j: f64| TruthPair {
            a_article: "x".into(),
            a_block: 0,
            b_article: "y".into(),
            b_block: b,
            jaccard: j,
            containment: 1.0,
        };
        let truth = [mk(1, 0.5), mk(2, 0.6), mk(3, 0.7), mk(4, 0.8)];
        let found = [mk(1, 0.5), mk(2, 0.61), mk(9, 0.9)];
        let acc = accuracy(&found, &truth);
        assert_eq!((acc.true_positives, acc.score_mismatches), (2, 1));
        assert_eq!(acc.recall(), 0.5);
        assert_eq!(acc.precision(), 2.0 / 3.0);
    }

    #[test]
    fn brute_force_scores_every_sharing_pair() {
        let texts = [
            "one two three four five six",
            "one two three four five",
            "seven eight",
        ];
        let sets: Vec<Vec<u64>> = texts.iter().map(|t| shingle::shingles(t)).collect();
        let got = brute_force_sets(&sets, 0.5);
        assert_eq!(got.len(), 1);
        assert_eq!((got[0].0, got[0].1), (0, 1));
        assert_eq!(got[0].2.containment, 1.0);
        assert_eq!(got[0].2.jaccard, 0.5);
    }
}
