//! Same fact, other words: evidence that two blocks make the same point,
//! the signals measured from it, one calibrated probability, and the
//! explanation a reader sees ("why these pair").
//!
//! A human judging two paragraphs from two outlets looks for the same
//! content words (whatever their order or inflection), the same names and
//! numbers, the same quote, and one sentence that states the same fact even
//! when the rest differs. Each of these is a signal ([`Signals`]); a
//! logistic model fitted on labelled pairs ([`model`]) weighs them into one
//! number on one scale for every kind of row.

mod char_grams;
mod dateline;
mod focus;
mod headings;
mod lexical;
mod marks;
pub mod model;
mod name_phrases;
mod profile;
mod sections;
mod sentence_pairs;
mod set_ids;
mod signals;
mod sparse;
mod synonyms;
mod weights;

pub use marks::Marks;
pub use profile::{Profile, Vocab, numbers, quote_spans, sentence_spans};
pub use signals::Signals;

use crate::analysis::related::RelatedIndex;
use crate::corpus::Corpus;
use serde::Serialize;

/// Profiles of every block of two articles (empty for blocks that never
/// pair), sharing one vocabulary so they can be compared.
#[derive(Clone, Debug)]
pub struct PairEvidence {
    vocab: Vocab,
    pub left: Vec<Profile>,
    pub right: Vec<Profile>,
    /// Each heading's section as one term vector (`sections`).
    left_sections: Vec<Option<sparse::Sparse>>,
    right_sections: Vec<Option<sparse::Sparse>>,
}

impl PairEvidence {
    /// Profiles of articles `left` and `right` (indices into
    /// `corpus.articles`; out of range counts as empty). Only content and
    /// heading blocks get a profile.
    pub fn build(corpus: &Corpus, related: &RelatedIndex, left: usize, right: usize) -> Self {
        let texts = |a: usize| {
            corpus
                .articles
                .get(a)
                .map_or_else(Vec::new, headings::evidence_texts)
        };
        let (lt, rt) = (texts(left), texts(right));
        let n = lt.len();
        let all: Vec<&str> = lt.iter().chain(&rt).map(|t| t.as_ref()).collect();
        let mut vocab = Vocab::default();
        let mut profiles = profile::profiles(&all, related, &mut vocab);
        // A heading with its title words blanked is judged on what it adds
        // (`headings`), but copied text is copied whole: its shingles come
        // from the heading as written, so copy detection sees every word.
        let blocks = |a: usize| corpus.articles.get(a).map_or(&[][..], |a| &a.blocks[..]);
        let written = lt
            .iter()
            .zip(blocks(left))
            .chain(rt.iter().zip(blocks(right)));
        for (k, (text, block)) in written.enumerate() {
            if let std::borrow::Cow::Owned(_) = text {
                profiles[k].shingles = profile::text_shingles(&block.text, &mut vocab);
            }
        }
        let right_profiles = profiles.split_off(n);
        let sections =
            |a: usize, p: &[Profile]| sections::section_vectors(corpus.articles.get(a), p);
        PairEvidence {
            left_sections: sections(left, &profiles),
            right_sections: sections(right, &right_profiles),
            vocab,
            left: profiles,
            right: right_profiles,
        }
    }

    pub fn signals(&self, i: usize, j: usize) -> Signals {
        self.left_block(i).signals(j)
    }

    /// Left block `i`, to be measured against many right blocks: its sets
    /// are marked once (`marks`), not merged again for every pair.
    pub fn left_block(&self, i: usize) -> LeftBlock<'_> {
        self.left_block_reusing(i, Marks::default())
    }

    /// [`PairEvidence::left_block`] in the memory of marks given back by
    /// [`LeftBlock::into_marks`] (a long article's blocks one after
    /// another, without allocating and zeroing marks for each).
    pub fn left_block_reusing(&self, i: usize, mut marks: Marks) -> LeftBlock<'_> {
        if let Some(p) = self.left.get(i) {
            marks.mark(p);
        }
        LeftBlock { ev: self, i, marks }
    }

    /// What a reader is shown to judge the pair: the shared names and
    /// numbers, the best shared quote, the best-matching sentences.
    pub fn explain(&self, i: usize, j: usize, left_text: &str, right_text: &str) -> Explanation {
        let (Some(a), Some(b)) = (self.left.get(i), self.right.get(j)) else {
            return Explanation::default();
        };
        let mut names: Vec<String> = a
            .names
            .shared_ids(&b.names)
            .into_iter()
            .filter_map(|id| self.vocab.word(id).map(str::to_string))
            .collect();
        names.sort();
        let names = name_phrases::name_phrases(left_text, right_text, &names);
        let numbers: Vec<String> = a
            .numbers
            .iter()
            .filter(|n| b.numbers.binary_search(n).is_ok())
            .cloned()
            .collect();
        // The `numbers_conflict` signal, shown: the values of the units
        // both count and disagree on.
        let units = profile::conflicting_units(&a.quantities, &b.quantities);
        let values = |x: &profile::Profile| -> Vec<String> {
            let mut v: Vec<String> = x
                .quantities
                .iter()
                .filter(|q| units.contains(&q.unit.as_str()))
                .map(|q| q.value.clone())
                .collect();
            v.sort();
            v.dedup();
            v
        };
        let numbers_differ = (!units.is_empty()).then(|| NumbersDiffer {
            left: values(a),
            right: values(b),
        });
        let best_sentences = sentence_pairs::best_sentence(a, b)
            .filter(|&(_, _, c)| c >= SENTENCES_SHOWN)
            .and_then(|(si, sj, _)| {
                let l = a.sentence_spans.get(si)?;
                let r = b.sentence_spans.get(sj)?;
                Some((left_text.get(l.0..l.1)?, right_text.get(r.0..r.1)?))
            });
        // Where the two meet: a negation in a sentence the other never
        // states ("Aides said he has not spoken with Kim" after a shared
        // fact) is no difference between them. One sentence each is the
        // whole block.
        let several = a.sentence_spans.len() > 1 || b.sentence_spans.len() > 1;
        let negates = match (several, best_sentences) {
            (false, _) => Some((a.lexical.negates(), b.lexical.negates())),
            (true, Some((l, r))) => Some((lexical::text_negates(l), lexical::text_negates(r))),
            (true, None) => None,
        };
        let negated_only_by = match negates {
            Some((true, false)) => Some(Side::Left),
            Some((false, true)) => Some(Side::Right),
            _ => None,
        };
        let quote = signals::best_quote(a, b)
            .map(|(k, share)| (left_text, a.quote_spans[k], share))
            .into_iter()
            .chain(
                signals::best_quote(b, a).map(|(k, share)| (right_text, b.quote_spans[k], share)),
            )
            .filter(|&(_, _, share)| share >= 0.5)
            .max_by(|x, y| x.2.total_cmp(&y.2))
            .and_then(|(text, (s, e), _)| text.get(s..e).map(|q| q.trim().to_string()));
        let sentences = best_sentences.map(|(l, r)| (l.trim().to_string(), r.trim().to_string()));
        let name_ids = a.names.shared_ids(&b.names);
        let mut terms: Vec<(f32, String)> = a
            .terms
            .shared_ids(&b.terms)
            .into_iter()
            .filter(|id| !name_ids.contains(id))
            .filter_map(|id| Some((self.vocab.idf(id), self.vocab.word(id)?.to_string())))
            .collect();
        terms.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        Explanation {
            names,
            numbers,
            numbers_differ,
            negated_only_by,
            quote,
            sentences,
            terms: terms.into_iter().take(6).map(|(_, t)| t).collect(),
        }
    }
}

/// One left block with its sets marked (see [`PairEvidence::left_block`]).
pub struct LeftBlock<'a> {
    ev: &'a PairEvidence,
    i: usize,
    marks: Marks,
}

impl LeftBlock<'_> {
    /// The marks, emptied, for the next left block.
    pub fn into_marks(mut self) -> Marks {
        if let Some(p) = self.ev.left.get(self.i) {
            self.marks.unmark(p);
        }
        self.marks
    }

    /// The signals of this block and right block `j`
    /// ([`PairEvidence::signals`]).
    pub fn signals(&self, j: usize) -> Signals {
        let ev = self.ev;
        match (ev.left.get(self.i), ev.right.get(j)) {
            (Some(a), Some(b)) => {
                let mut s = Signals::of_marked(a, &self.marks, b);
                if let (Some(x), Some(y)) = (
                    section(&ev.left_sections, self.i),
                    section(&ev.right_sections, j),
                ) {
                    s.headings = true;
                    s.sections = x.cosine(y);
                }
                s
            }
            _ => Signals::default(),
        }
    }
}

/// Block `k`'s section vector, if it is a heading with one.
fn section(sections: &[Option<sparse::Sparse>], k: usize) -> Option<&sparse::Sparse> {
    sections.get(k)?.as_ref()
}

/// Why two blocks pair, in words a reader can check against the text.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Explanation {
    /// Names both mention, as the left text writes them and in its order,
    /// a name of several words as one ("River Lune").
    pub names: Vec<String>,
    /// Numbers both write.
    pub numbers: Vec<String>,
    /// When both write numbers and not the same ones: those only one side
    /// writes. A changed figure is what a fact-checker looks for, so it is
    /// shown first.
    pub numbers_differ: Option<NumbersDiffer>,
    /// The side that alone negates ("not", "never"), if one does.
    pub negated_only_by: Option<Side>,
    /// A quoted passage of one found in the other.
    pub quote: Option<String>,
    /// The best-matching sentence of each, when they share enough.
    pub sentences: Option<(String, String)>,
    /// The rarest content words both use (one spelling each), rarest
    /// first.
    pub terms: Vec<String>,
}

impl Explanation {
    /// One line: "names: alaska, putin · numbers: 2025 · quote “…”".
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        let mut differs = Vec::new();
        if let Some(d) = &self.numbers_differ {
            let side = |v: &[String]| {
                if v.is_empty() {
                    "–".to_string()
                } else {
                    v.iter()
                        .map(|n| readable_number(n))
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            };
            differs.push(format!("{} ≠ {}", side(&d.left), side(&d.right)));
        }
        match self.negated_only_by {
            Some(Side::Left) => differs.push("only the left negates".into()),
            Some(Side::Right) => differs.push("only the right negates".into()),
            None => {}
        }
        if !differs.is_empty() {
            parts.push(format!("differs: {}", differs.join("; ")));
        }
        if !self.names.is_empty() {
            parts.push(format!("names: {}", self.names.join(", ")));
        }
        if !self.numbers.is_empty() {
            let shown: Vec<String> = self.numbers.iter().map(|n| readable_number(n)).collect();
            parts.push(format!("numbers: {}", shown.join(", ")));
        }
        if let Some(q) = &self.quote {
            parts.push(format!("quote: “{q}”"));
        }
        if !self.terms.is_empty() {
            parts.push(format!("words: {}", self.terms.join(", ")));
        }
        parts.join(" · ")
    }
}

/// The values of what both sides count and disagree on
/// (`Explanation::numbers_differ`).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct NumbersDiffer {
    pub left: Vec<String>,
    pub right: Vec<String>,
}

/// The cosine from which the best-matching sentences of two blocks are
/// shown, and a negation is judged in them alone.
const SENTENCES_SHOWN: f64 = 0.2;

/// One article of a pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Left,
    Right,
}

/// A number as evidence holds it ("3200000"), grouped for reading
/// ("3,200,000") from five digits on, so a year stays "2025".
fn readable_number(n: &str) -> String {
    if n.len() < 5 {
        return n.to_string();
    }
    crate::display::plural::grouped(n)
}

#[cfg(test)]
mod explanation_tests;
