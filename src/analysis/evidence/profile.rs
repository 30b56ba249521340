//! What a block offers as evidence that it makes the same point as another:
//! its content terms (weighed with the corpus's IDF), each sentence's
//! terms, the names and numbers it mentions, what it quotes, and its word
//! 5-grams after normalisation (the copy signal).

use super::char_grams::char_trigrams;
use super::focus::focus;
use super::lexical::{Lexical, match_key};
use super::set_ids::SetIds;
use super::sparse::{Postings, Sparse};
use crate::analysis::related::RelatedIndex;
use crate::analysis::shingle::fnv1a;
use crate::analysis::tokens::Token;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

mod names;
mod number_words;
pub(super) mod numbers;
pub(super) mod spans;
mod words;
use names::NameJudge;
pub use numbers::{Quantity, conflicting_units, numbers, numbers_of, quantities};
pub use spans::{quote_spans, sentence_spans};
use words::{content_stem, hyphen_prefix, surface};

/// Interned stems shared by the profiles being compared, so that sparse
/// vectors can be merged by id.
#[derive(Default, Clone, Debug)]
pub struct Vocab {
    ids: WordMap<String, u32>,
    idf: Vec<f32>,
    /// The first spelling seen of each id, as a reader would write it.
    words: Vec<String>,
    /// Each id's match key for the word-level evidence, as a dense id
    /// (`lexical::match_key`, taken once per stem).
    prefixes: Vec<u32>,
    prefix_ids: SetIds,
    /// Dense ids of the items of the blocks' sets (`set_ids`).
    trigram_ids: SetIds,
    word_ids: SetIds,
    bigram_ids: SetIds,
    shingle_ids: SetIds,
}

impl Vocab {
    /// The id of `stem`; `word` spells it, asked for only when the stem is
    /// new.
    fn id(&mut self, stem: &str, word: impl FnOnce() -> String, related: &RelatedIndex) -> u32 {
        if let Some(&id) = self.ids.get(stem) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(stem.to_string(), id);
        self.idf.push(related.idf_of_stem(stem));
        self.words.push(word());
        let prefix = self.prefix_ids.id(match_key(stem));
        self.prefixes.push(prefix);
        id
    }

    /// `id` is written in lower case here: shown so, where its first
    /// spelling was capitalised only by the place it stood (a headline's
    /// "Fire", a sentence's first word).
    fn spell_lower(&mut self, id: u32, word: impl FnOnce() -> String) {
        if let Some(w) = self.words.get_mut(id as usize)
            && w.starts_with(char::is_uppercase)
        {
            *w = word();
        }
    }

    pub fn idf(&self, id: u32) -> f32 {
        self.idf.get(id as usize).copied().unwrap_or(1.0)
    }

    /// A spelling of an id's word, for explanations.
    pub fn word(&self, id: u32) -> Option<&str> {
        self.words.get(id as usize).map(String::as_str)
    }
}

/// Tables keyed by the words and stems of the blocks compared, looked up
/// several times per word: a multiply-rotate hash (the Fx scheme) is
/// several times faster than SipHash on short keys, and an in-process
/// table of one pair's words needs no defence against chosen keys.
#[derive(Default, Clone, Copy)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        // The product's best bits are the high ones; the table picks its
        // slot from the low ones.
        self.0.rotate_left(26)
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().unwrap_or_default()));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
}

impl WordHasher {
    fn add(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0xf135_7aea_2e62_a9c5);
    }
}

type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;
type WordSet<K> = HashSet<K, BuildHasherDefault<WordHasher>>;

/// One block's evidence.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    /// TF-IDF over content terms, L2-normalised.
    pub terms: Sparse,
    /// Sum of `terms`' weights (for coverage).
    pub terms_total: f32,
    /// Each distinct content term once, weighted by its IDF (how much
    /// evidence a shared word is, whatever the block's length).
    pub term_idf: Sparse,
    /// The same per sentence.
    pub sentences: Vec<Sparse>,
    /// Sum of each sentence vector's weights.
    pub sentence_totals: Vec<f32>,
    /// For each term of `terms` (by position), its sentences and weights.
    pub sentence_postings: Postings,
    /// Byte range of each sentence in the block text.
    pub sentence_spans: Vec<(usize, usize)>,
    /// Names (capitalised words never written lower-case in the texts
    /// compared), by term id, weighted by IDF.
    pub names: Sparse,
    /// Numbers as written without separators ("1,200" → "1200").
    pub numbers: Vec<String>,
    /// The same with what each counts, sorted.
    pub quantities: Vec<Quantity>,
    /// Quoted passages: the ids of the normalised word bigrams of each,
    /// sorted.
    pub quotes: Vec<Vec<u32>>,
    /// Byte range of each quoted passage.
    pub quote_spans: Vec<(usize, usize)>,
    /// Ids of the word bigrams of the whole block, sorted (to find a quote
    /// of the other block inside this one, marked or not).
    pub bigrams: Vec<u32>,
    /// Normalised word 5-gram shingles, as ids, each once.
    pub shingles: Vec<u32>,
    /// Letter trigrams of all the block's normalised words (its dateline
    /// and attribution too), as dense ids shared by the profiles compared,
    /// each once.
    pub char_trigrams: Vec<u32>,
    /// Distinct normalised words (function words included), as ids.
    pub words: Vec<u32>,
    pub tokens: usize,
    /// Unmatched content words, word order, negation.
    pub lexical: Lexical,
}

/// Build profiles for several texts at once: names are judged against all
/// of them (a word is a name when no text writes it in lower case).
pub fn profiles(texts: &[&str], related: &RelatedIndex, vocab: &mut Vocab) -> Vec<Profile> {
    // Letter trigrams read every word (`char_grams`), the rest of the
    // evidence only the focused ones: one tokenisation serves both.
    // The quoted passages are found once, for the focus and the profile.
    let mut trigrams = Vec::with_capacity(texts.len());
    let mut quoted = Vec::with_capacity(texts.len());
    let toks: Vec<Vec<Token>> = texts
        .iter()
        .map(|t| {
            let mut all = crate::analysis::tokens::tokens(t);
            let words: Vec<&str> = all.iter().map(|t| t.text.as_str()).collect();
            trigrams.push(char_trigrams(&words, &mut vocab.trigram_ids));
            let spans = quote_spans(t);
            focus(t, &spans, &mut all);
            quoted.push(spans);
            all
        })
        .collect();
    // Nearly every word pair and 5-gram of a long article is its own: the
    // tables are sized once instead of rehashed as they double.
    let words: usize = toks.iter().map(Vec::len).sum();
    vocab.bigram_ids.reserve(words);
    vocab.shingle_ids.reserve(words);
    // Each distinct word is stemmed once: stemming is most of the cost.
    let mut stems: WordMap<&str, Option<String>> = WordMap::default();
    for t in toks.iter().flatten() {
        stems
            .entry(t.text.as_str())
            .or_insert_with(|| content_stem(&t.text));
    }
    // Each token's stem (`None`: no content word), looked up once for the
    // names and the profile alike.
    let token_stems: Vec<Vec<Option<&str>>> = toks
        .iter()
        .map(|ts| {
            ts.iter()
                .map(|t| stems.get(t.text.as_str()).and_then(|s| s.as_deref()))
                .collect()
        })
        .collect();
    let names = NameJudge::of(texts, &toks, &token_stems);
    texts
        .iter()
        .zip(toks.iter().zip(&token_stems))
        .zip(trigrams.into_iter().zip(quoted))
        .map(|((text, words), sets)| profile(text, words, sets, &names, related, vocab))
        .collect()
}

/// One text's profile: its tokens and each one's stem (`toks`), its
/// letter trigrams and quoted passages (`sets`).
fn profile(
    text: &str,
    (toks, stems): (&Vec<Token>, &Vec<Option<&str>>),
    (char_trigrams, quote_spans): (Vec<u32>, Vec<(usize, usize)>),
    names: &NameJudge<'_>,
    related: &RelatedIndex,
    vocab: &mut Vocab,
) -> Profile {
    let spans = sentence_spans(text);
    let mut sentence_terms: Vec<Vec<u32>> = vec![Vec::new(); spans.len()];
    let mut all_terms = Vec::with_capacity(toks.len());
    let mut name_ids = Vec::new();
    let mut in_order: Vec<(u32, u32)> = Vec::with_capacity(toks.len());
    let mut s = 0;
    for (t, stem) in toks.iter().zip(stems) {
        while s + 1 < spans.len() && t.start >= spans[s].1 {
            s += 1;
        }
        let Some(stem) = *stem else {
            continue;
        };
        if hyphen_prefix(text, t) {
            continue;
        }
        let id = vocab.id(stem, || surface(text, t), related);
        if !t.capitalised {
            vocab.spell_lower(id, || surface(text, t));
        }
        all_terms.push(id);
        in_order.push((id, vocab.prefixes[id as usize]));
        if let Some(st) = sentence_terms.get_mut(s) {
            st.push(id);
        }
        if names.is_name(t, stem) {
            name_ids.push(id);
        }
    }
    let words: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
    let quotes = quote_spans
        .iter()
        .map(|&(a, b)| {
            let inside: Vec<&str> = toks
                .iter()
                .filter(|t| t.start >= a && t.start < b)
                .map(|t| t.text.as_str())
                .collect();
            bigrams(&inside, &mut vocab.bigram_ids)
        })
        .filter(|q| q.len() >= 2)
        .collect();
    let weigh = |ids: &[u32]| Sparse::tf_idf(ids, |id| vocab.idf(id));
    let terms = weigh(&all_terms);
    let sentences: Vec<Sparse> = sentence_terms.iter().map(|ids| weigh(ids)).collect();
    let sentence_totals = sentences.iter().map(Sparse::total).collect();
    let mut quantities = quantities(text);
    quantities.sort();
    quantities.dedup();
    Profile {
        sentence_postings: Postings::new(&terms, &sentences),
        term_idf: Sparse::idf_set(&all_terms, |id| vocab.idf(id)),
        terms_total: terms.total(),
        terms,
        sentences,
        sentence_totals,
        sentence_spans: spans,
        names: Sparse::idf_set(&name_ids, |id| vocab.idf(id)),
        numbers: numbers_of(&quantities),
        quantities,
        quotes,
        quote_spans,
        bigrams: bigrams(&words, &mut vocab.bigram_ids),
        shingles: shingles(&words, &mut vocab.shingle_ids),
        char_trigrams,
        words: vocab
            .word_ids
            .distinct(words.iter().map(|w| fnv1a(w.as_bytes()))),
        tokens: toks.len(),
        lexical: Lexical::new(in_order.into_iter(), &words),
    }
}

/// Ids of the distinct consecutive word pairs, sorted.
fn bigrams(words: &[&str], ids: &mut SetIds) -> Vec<u32> {
    let mut out = ids.distinct(
        words
            .windows(2)
            .map(|w| fnv1a(w[0].as_bytes()) ^ fnv1a(w[1].as_bytes()).rotate_left(17)),
    );
    out.sort_unstable();
    out
}

/// The copy signal's shingles of `text` alone, as [`profiles`] takes them
/// (its evidence words).
pub(super) fn text_shingles(text: &str, vocab: &mut Vocab) -> Vec<u32> {
    let mut toks = crate::analysis::tokens::tokens(text);
    focus(text, &quote_spans(text), &mut toks);
    let words: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
    shingles(&words, &mut vocab.shingle_ids)
}

/// Ids of the word 5-grams, each once (a shorter text gives one shingle
/// of all its words).
fn shingles(words: &[&str], ids: &mut SetIds) -> Vec<u32> {
    const K: usize = 5;
    let hash = |ws: &[&str]| {
        ws.iter()
            .fold(0x9e37_79b9_7f4a_7c15u64 ^ ws.len() as u64, |h, w| {
                (h ^ fnv1a(w.as_bytes()))
                    .wrapping_mul(0x0000_0100_0000_01b3)
                    .rotate_left(29)
            })
    };
    if words.is_empty() {
        Vec::new()
    } else if words.len() < K {
        ids.distinct([hash(words)])
    } else {
        ids.distinct(words.windows(K).map(hash))
    }
}

/// For tests: each text's content terms and names, as `vocab` spells
/// them, with `texts` profiled together.
#[cfg(test)]
pub(super) fn spelled(texts: &[&str]) -> Vec<(Vec<String>, Vec<String>)> {
    let mut vocab = Vocab::default();
    let p = profiles(texts, &RelatedIndex::default(), &mut vocab);
    let words = |s: &Sparse| -> Vec<String> {
        s.entries()
            .filter_map(|(id, _)| vocab.word(id).map(String::from))
            .collect()
    };
    p.iter()
        .map(|p| (words(&p.term_idf), words(&p.names)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_words_never_written_in_lower_case() {
        let p = spelled(&["Talks in Anchorage ended.", "The talks ended in Anchorage."]);
        assert_eq!(p[0].1, ["Anchorage"], "Anchorage only, not Talks");
        assert_eq!(p[1].1, ["Anchorage"]);
    }

    #[test]
    fn a_word_is_shown_in_lower_case_when_a_text_writes_it_so() {
        let p = spelled(&["Fire at the depot.", "The fire burned in Anchorage."]);
        assert!(p[0].0.contains(&"fire".to_string()), "{:?}", p[0].0);
        assert!(p[1].0.contains(&"Anchorage".to_string()), "{:?}", p[1].0);
    }
}
