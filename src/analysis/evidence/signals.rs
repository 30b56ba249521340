//! The raw signals of one block pair, each in 0..=1 unless said otherwise.
//! They are what `diff --json` prints under `signals` and what the
//! calibrated model (`model.rs`) turns into one probability.

use super::marks::Marks;
use super::profile::Profile;
use super::sentence_pairs::{SentencePairs, sentence_measures};
use crate::analysis::shingle;
use crate::analysis::shingle::jaccard_of;
use serde::Serialize;

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Signals {
    /// Word 5-gram Jaccard (normalised tokens): copied text.
    pub jaccard: f64,
    /// Word 5-gram containment |A∩B|/min(|A|,|B|): a copied passage inside
    /// a longer block.
    pub containment: f64,
    /// Word 5-grams both blocks write: a phrase of n + 4 words in common
    /// (an unmarked quote, a figure with its context) however long the
    /// blocks around it.
    pub shared_5grams: usize,
    /// TF-IDF cosine over stemmed content words (IDF from the corpus).
    pub cosine: f64,
    /// Best TF-IDF cosine of one sentence of each block: a fact stated in
    /// one sentence of a longer paragraph.
    pub sentence: f64,
    /// IDF-weighted share of the content words of the shorter block that
    /// the other block also uses.
    pub coverage: f64,
    /// The same for the longer block: low when it says much more.
    pub coverage_long: f64,
    /// Jaccard of all word bigrams (function words included): the same
    /// phrasing, not only the same words.
    pub bigrams: f64,
    /// Share of the distinct words of the block with more of them that
    /// the other block also writes (function words included).
    pub words_long: f64,
    /// The same for the block with fewer distinct words.
    pub words_short: f64,
    /// IDF-weighted Jaccard of the names both blocks mention.
    pub names: f64,
    /// Numbers written in both blocks.
    pub numbers_shared: usize,
    /// Numbers written in only one of them.
    pub numbers_unshared: usize,
    /// Share of the best quoted passage of either block found in the other
    /// (word bigrams), quoted or not.
    pub quote: f64,
    /// |ln(words of A / words of B)|: how different the lengths are.
    pub length_ratio: f64,
    /// Distinct content words (stems) both use.
    pub shared_terms: usize,
    /// Words in the shorter block: short blocks (headings, table rows)
    /// share a word or two by chance.
    pub shorter_words: usize,
    /// Share of the distinct content words of the block that has more of
    /// them unmatched that finds no form of them in the other block.
    pub unmatched_max: f64,
    /// The same for the block that has fewer of them unmatched.
    pub unmatched_min: f64,
    /// Jaccard of the first letters of the content words (another form of
    /// the same word counts).
    pub prefixes: f64,
    /// One block negates ("not", "never") and the other does not.
    pub negation_mismatch: bool,
    /// Both count something in the same unit, and disagree on its value.
    pub numbers_conflict: bool,
    /// |ln(content words of A / content words of B)|.
    pub content_ratio: f64,
    /// Sum of the IDF of the distinct content words both use: how much
    /// evidence they share, however long the blocks around it.
    pub shared_idf: f64,
    /// The IDF of the rarest content word both use.
    pub rarest_shared_idf: f64,
    /// Of the best-covered sentence pair, the IDF-weighted share of the
    /// shorter sentence's content words the other sentence also uses: a
    /// fact one outlet states in one sentence and another inside a longer
    /// one.
    pub sentence_cover: f64,
    /// Jaccard of the letter trigrams of the normalised words: the same
    /// words in other forms or spellings.
    pub char_trigrams: f64,
    /// Both blocks are headings with body text under them.
    pub headings: bool,
    /// Then, the TF-IDF cosine of their two sections (`sections.rs`).
    pub sections: f64,
}

impl Signals {
    pub fn of(a: &Profile, b: &Profile) -> Signals {
        Signals::of_marked(a, &Marks::of(a), b)
    }

    /// [`Signals::of`] with `a`'s sets marked beforehand (`a_marks` is
    /// `Marks::of(a)`), for one block measured against many.
    pub fn of_marked(a: &Profile, a_marks: &Marks, b: &Profile) -> Signals {
        // One pass over the shingles gives the run count and both scores
        // (as `shingle::scores` computes them).
        let shared_5grams = a_marks.shingles.count(&b.shingles);
        let (na, nb) = (a.shingles.len(), b.shingles.len());
        let (copy_jaccard, copy_containment) = if na == 0 || nb == 0 {
            (0.0, 0.0)
        } else {
            let inter = shared_5grams as f64;
            (
                inter / ((na + nb) as f64 - inter),
                inter / na.min(nb) as f64,
            )
        };
        // `terms` and `term_idf` hold the same ids: one merge for both,
        // which also adds each shared term to the sentence pairs that
        // share it.
        let mut pairs = SentencePairs::new(a.sentences.len(), b.sentences.len());
        let (terms, shared_idf, rarest_shared_idf) =
            a.terms.overlap_and_weight(&b.terms, &a.term_idf, |i, j| {
                pairs.add(a.sentence_postings.at(i), b.sentence_postings.at(j));
            });
        let share_of = |shared: f32, total: f32| {
            if total > 0.0 {
                f64::from(shared / total)
            } else {
                0.0
            }
        };
        let cover_a = share_of(terms.left, a.terms_total);
        let cover_b = share_of(terms.right, b.terms_total);
        // The shorter block is the one with fewer content words; between
        // two as long, the better covered one, so that the pair scores the
        // same whichever side each block is on.
        let a_is_short = match a.terms.len().cmp(&b.terms.len()) {
            std::cmp::Ordering::Less => true,
            std::cmp::Ordering::Greater => false,
            std::cmp::Ordering::Equal => cover_a >= cover_b,
        };
        let (cover_short, cover_long) = if a_is_short {
            (cover_a, cover_b)
        } else {
            (cover_b, cover_a)
        };
        let words = a_marks.words.count(&b.words);
        let word_share = |n: usize| if n == 0 { 0.0 } else { words as f64 / n as f64 };
        let shared_numbers = shared_count(&a.numbers, &b.numbers);
        let numbers_unshared = a.numbers.len() + b.numbers.len() - 2 * shared_numbers;
        let (la, lb) = (&a.lexical, &b.lexical);
        let prefix = la.compare_counted(&a_marks.prefixes, lb);
        let (ua, ub) = (prefix.unmatched_self, prefix.unmatched_other);
        let (ca, cb) = (la.content_words(), lb.content_words());
        let (sentence, sentence_cover) = sentence_measures(a, b, &pairs);
        Signals {
            jaccard: copy_jaccard,
            containment: copy_containment,
            shared_5grams,
            cosine: f64::from(terms.dot).clamp(0.0, 1.0),
            sentence,
            coverage: cover_short,
            coverage_long: cover_long,
            bigrams: jaccard_of(
                a_marks.bigrams.count(&b.bigrams),
                a.bigrams.len(),
                b.bigrams.len(),
            ),
            words_long: word_share(a.words.len().max(b.words.len())),
            words_short: word_share(a.words.len().min(b.words.len())),
            names: a.names.weighted_jaccard(&b.names),
            numbers_shared: shared_numbers,
            numbers_unshared,
            quote: quote_share(a, b).max(quote_share(b, a)),
            length_ratio: ((a.tokens.max(1) as f64) / (b.tokens.max(1) as f64))
                .ln()
                .abs(),
            shared_terms: terms.shared,
            shorter_words: a.tokens.min(b.tokens),
            unmatched_max: ua.max(ub),
            unmatched_min: ua.min(ub),
            prefixes: prefix.jaccard,
            negation_mismatch: la.negation_mismatch(lb),
            numbers_conflict: numbers_conflict(a, b),
            content_ratio: ((ca.max(1) as f64) / (cb.max(1) as f64)).ln().abs(),
            shared_idf,
            rarest_shared_idf,
            sentence_cover,
            char_trigrams: jaccard_of(
                a_marks.char_trigrams.count(&b.char_trigrams),
                a.char_trigrams.len(),
                b.char_trigrams.len(),
            ),
            headings: false,
            sections: 0.0,
        }
    }
}

/// The largest share of one of `a`'s quotes whose word bigrams `b` holds,
/// and which quote it is.
pub fn best_quote(a: &Profile, b: &Profile) -> Option<(usize, f64)> {
    a.quotes
        .iter()
        .enumerate()
        .map(|(k, q)| (k, shingle::overlap(q, &b.bigrams) as f64 / q.len() as f64))
        .filter(|&(_, s)| s > 0.0)
        .max_by(|x, y| x.1.total_cmp(&y.1))
}

fn quote_share(a: &Profile, b: &Profile) -> f64 {
    best_quote(a, b).map_or(0.0, |(_, s)| s)
}

/// Items in both sorted, de-duplicated lists.
fn shared_count(a: &[String], b: &[String]) -> usize {
    a.iter().filter(|x| b.binary_search(x).is_ok()).count()
}

/// Both blocks count something in the same unit and agree on none of its
/// values (`numbers_conflict`, and what the explanation shows as
/// differing); a number only one writes is a detail the other left out.
pub(super) fn numbers_conflict(a: &Profile, b: &Profile) -> bool {
    !super::profile::conflicting_units(&a.quantities, &b.quantities).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::evidence::Vocab;
    use crate::analysis::evidence::profile::profiles;
    use crate::analysis::related::RelatedIndex;

    #[test]
    fn a_pair_measures_the_same_whichever_side_each_block_is_on() {
        // Blocks as long as each other (in content words and in sentence
        // length) but covered unequally: which one counts as "the shorter"
        // must not depend on the side it is on.
        let texts = [
            "Harbour officials closed the old bridge after the storm damaged its pillars.",
            "Officials closed the bridge to traffic while engineers inspect pillars downtown.",
            "The council voted to fund bridge repairs this spring.",
            "Voters asked the council about the spring repairs budget.",
        ];
        let ps = profiles(&texts, &RelatedIndex::default(), &mut Vocab::default());
        let mut measured = 0;
        for a in &ps {
            for b in &ps {
                let (ab, ba) = (Signals::of(a, b), Signals::of(b, a));
                assert_eq!(ab.coverage.to_bits(), ba.coverage.to_bits());
                assert_eq!(ab.coverage_long.to_bits(), ba.coverage_long.to_bits());
                assert_eq!(ab.sentence_cover.to_bits(), ba.sentence_cover.to_bits());
                measured += usize::from(ab.coverage > 0.0 && ab.coverage != ab.coverage_long);
            }
        }
        assert!(measured >= 2, "{measured} pairs covered unequally");
    }
}
