//! The sentences of two blocks measured against each other: the best
//! cosine of a sentence of each, and how much of the shorter sentence the
//! other covers (a fact one outlet states in one sentence and another
//! inside a longer one). `signals` takes both from one pass.

use super::profile::Profile;
use super::sparse::Overlap;

/// The sentence pair with the highest cosine: (sentence of a, sentence of
/// b, cosine).
pub fn best_sentence(a: &Profile, b: &Profile) -> Option<(usize, usize, f64)> {
    let mut best: Option<(usize, usize, f64)> = None;
    for (i, sa) in a.sentences.iter().enumerate() {
        for (j, sb) in b.sentences.iter().enumerate() {
            let c = sa.cosine(sb);
            if c > 0.0 && best.is_none_or(|(_, _, b)| c > b) {
                best = Some((i, j, c));
            }
        }
    }
    best
}

/// What each sentence pair shares, filled in by the terms the blocks share
/// (most sentence pairs share none): sums in the order of the term ids, as
/// a merge of the two sentences' vectors gives them.
pub(super) struct SentencePairs {
    small: [Overlap; 64],
    large: Vec<Overlap>,
    /// Sentences of the second block.
    across: usize,
}

impl SentencePairs {
    pub(super) fn new(a: usize, b: usize) -> SentencePairs {
        let n = a * b;
        SentencePairs {
            small: [Overlap::default(); 64],
            large: if n > 64 {
                vec![Overlap::default(); n]
            } else {
                Vec::new()
            },
            across: b,
        }
    }

    fn cells(&mut self) -> &mut [Overlap] {
        if self.large.is_empty() {
            &mut self.small
        } else {
            &mut self.large
        }
    }

    /// One shared term: its (sentence, weight) in each block.
    pub(super) fn add(&mut self, a: &[(u32, f32)], b: &[(u32, f32)]) {
        let across = self.across;
        let cells = self.cells();
        for &(sa, wa) in a {
            for &(sb, wb) in b {
                if let Some(c) = cells.get_mut(sa as usize * across + sb as usize) {
                    c.add(wa, wb);
                }
            }
        }
    }

    fn get(&self, sa: usize, sb: usize) -> Overlap {
        let cells = if self.large.is_empty() {
            &self.small[..]
        } else {
            &self.large[..]
        };
        cells
            .get(sa * self.across + sb)
            .copied()
            .unwrap_or_default()
    }
}

/// One pass over the sentence pairs for two signals: the best cosine of
/// a sentence of each (`best_sentence`'s), and the largest IDF-weighted
/// share of the shorter sentence's content words found in the other
/// sentence (a sentence of fewer than three content words is no evidence
/// of cover).
pub(super) fn sentence_measures(a: &Profile, b: &Profile, pairs: &SentencePairs) -> (f64, f64) {
    let (mut cosine, mut cover) = (0.0f64, 0.0f64);
    for (ia, (sa, &ta)) in a.sentences.iter().zip(&a.sentence_totals).enumerate() {
        for (ib, (sb, &tb)) in b.sentences.iter().zip(&b.sentence_totals).enumerate() {
            let o = pairs.get(ia, ib);
            take_sentence_pair(&mut cosine, &mut cover, &o, (sa.len(), ta), (sb.len(), tb));
        }
    }
    (cosine, cover)
}

/// Fold one sentence pair's overlap into the best cosine and the best
/// cover so far; each side is (its terms, its total weight).
fn take_sentence_pair(
    cosine: &mut f64,
    cover: &mut f64,
    o: &Overlap,
    (la, ta): (usize, f32),
    (lb, tb): (usize, f32),
) {
    if o.shared == 0 {
        return;
    }
    *cosine = cosine.max(f64::from(o.dot).clamp(0.0, 1.0));
    if la >= 3 && lb >= 3 {
        let share = |shared: f32, total: f32| {
            if total > 0.0 {
                f64::from(shared / total)
            } else {
                0.0
            }
        };
        let (share_a, share_b) = (share(o.left, ta), share(o.right, tb));
        // The shorter sentence's share; between two as long, the larger,
        // so that the pair scores the same whichever side each is on.
        *cover = cover.max(match la.cmp(&lb) {
            std::cmp::Ordering::Less => share_a,
            std::cmp::Ordering::Greater => share_b,
            std::cmp::Ordering::Equal => share_a.max(share_b),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::evidence::Vocab;
    use crate::analysis::evidence::profile::profiles;
    use crate::analysis::evidence::signals::Signals;
    use crate::analysis::related::RelatedIndex;

    /// The sentence measures as they were taken: a merge of every
    /// sentence pair's vectors.
    fn by_merge(a: &Profile, b: &Profile) -> (f64, f64) {
        let (mut cosine, mut cover) = (0.0f64, 0.0f64);
        for (sa, &ta) in a.sentences.iter().zip(&a.sentence_totals) {
            for (sb, &tb) in b.sentences.iter().zip(&b.sentence_totals) {
                let o = sa.overlap(sb);
                take_sentence_pair(&mut cosine, &mut cover, &o, (sa.len(), ta), (sb.len(), tb));
            }
        }
        (cosine, cover)
    }

    #[test]
    fn sentence_pairs_filled_by_shared_terms_match_a_merge_per_pair() {
        let texts: Vec<String> = crate::dev::synth::generate(6, 2)
            .iter()
            .flat_map(|a| {
                let t = a.text.clone();
                t.split("\n\n").map(str::to_string).collect::<Vec<_>>()
            })
            .collect();
        // A long paragraph too: more sentence pairs than fit on the stack.
        let long = texts[1..12].join(" ");
        let mut all: Vec<&str> = texts.iter().map(String::as_str).collect();
        all.push(&long);
        let ps = profiles(&all, &RelatedIndex::default(), &mut Vocab::default());
        let mut shared = 0;
        for a in &ps {
            for b in &ps {
                let s = Signals::of(a, b);
                let (cosine, cover) = by_merge(a, b);
                assert_eq!(s.sentence.to_bits(), cosine.to_bits());
                assert_eq!(s.sentence_cover.to_bits(), cover.to_bits());
                shared += usize::from(cover > 0.0);
            }
        }
        assert!(shared > ps.len(), "{shared} pairs share a sentence's words");
    }
}
