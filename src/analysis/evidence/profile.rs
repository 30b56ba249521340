//! What a block offers as evidence that it makes the same point as another:
//! its content terms (weighed with the corpus's IDF), each sentence's
//! terms, the names and numbers it mentions, what it quotes, and its word
//! 5-grams after normalisation (the copy signal).

use super::lexical::Lexical;
use super::sparse::{Postings, Sparse};
use crate::analysis::related::RelatedIndex;
use crate::analysis::shingle::fnv1a;
use crate::analysis::text;
use crate::analysis::tokens::{Token, tokens};
use std::collections::{HashMap, HashSet};

/// Interned stems shared by the profiles being compared, so that sparse
/// vectors can be merged by id.
#[derive(Default, Clone, Debug)]
pub struct Vocab {
    ids: HashMap<String, u32>,
    idf: Vec<f32>,
    /// The first spelling seen of each id, as a reader would write it.
    words: Vec<String>,
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
        id
    }

    pub fn idf(&self, id: u32) -> f32 {
        self.idf.get(id as usize).copied().unwrap_or(1.0)
    }

    /// A spelling of an id's word, for explanations.
    pub fn word(&self, id: u32) -> Option<&str> {
        self.words.get(id as usize).map(String::as_str)
    }
}

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
    /// Quoted passages: normalised word bigram hashes of each, sorted.
    pub quotes: Vec<Vec<u64>>,
    /// Byte range of each quoted passage.
    pub quote_spans: Vec<(usize, usize)>,
    /// Word bigram hashes of the whole block, sorted (to find a quote of
    /// the other block inside this one, marked or not).
    pub bigrams: Vec<u64>,
    /// Normalised word 5-gram shingles.
    pub shingles: Vec<u64>,
    /// Distinct normalised words (function words included), hashed, sorted.
    pub words: Vec<u64>,
    pub tokens: usize,
    /// Unmatched content words, word order, negation.
    pub lexical: Lexical,
}

/// Build profiles for several texts at once: names are judged against all
/// of them (a word is a name when no text writes it in lower case).
pub fn profiles(texts: &[&str], related: &RelatedIndex, vocab: &mut Vocab) -> Vec<Profile> {
    let toks: Vec<Vec<Token>> = texts.iter().map(|t| tokens(t)).collect();
    // Each distinct word is stemmed once: stemming is most of the cost.
    let mut stems: HashMap<&str, Option<String>> = HashMap::new();
    for t in toks.iter().flatten() {
        stems
            .entry(t.text.as_str())
            .or_insert_with(|| content_stem(&t.text));
    }
    let mut lower: HashSet<&str> = HashSet::new();
    for t in toks.iter().flatten() {
        if !t.capitalised {
            lower.insert(t.text.as_str());
        }
    }
    texts
        .iter()
        .zip(&toks)
        .map(|(text, toks)| profile(text, toks, &lower, &stems, related, vocab))
        .collect()
}

fn profile(
    text: &str,
    toks: &[Token],
    lower: &HashSet<&str>,
    stems: &HashMap<&str, Option<String>>,
    related: &RelatedIndex,
    vocab: &mut Vocab,
) -> Profile {
    let spans = sentence_spans(text);
    let mut sentence_terms: Vec<Vec<u32>> = vec![Vec::new(); spans.len()];
    let mut all_terms = Vec::new();
    let mut names = Vec::new();
    let mut in_order: Vec<(u32, &str)> = Vec::new();
    let mut s = 0;
    for t in toks {
        while s + 1 < spans.len() && t.start >= spans[s].1 {
            s += 1;
        }
        let Some(Some(stem)) = stems.get(t.text.as_str()) else {
            continue;
        };
        let id = vocab.id(stem, || surface(text, t), related);
        all_terms.push(id);
        in_order.push((id, stem.as_str()));
        if let Some(st) = sentence_terms.get_mut(s) {
            st.push(id);
        }
        if t.capitalised && !lower.contains(t.text.as_str()) {
            names.push(id);
        }
    }
    let weigh = |ids: &[u32]| Sparse::tf_idf(ids, |id| vocab.idf(id));
    let words: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
    let quote_spans = quote_spans(text);
    let quotes = quote_spans
        .iter()
        .map(|&(a, b)| {
            let inside: Vec<&str> = toks
                .iter()
                .filter(|t| t.start >= a && t.start < b)
                .map(|t| t.text.as_str())
                .collect();
            bigrams(&inside)
        })
        .filter(|q| q.len() >= 2)
        .collect();
    let terms = weigh(&all_terms);
    let sentences: Vec<Sparse> = sentence_terms.iter().map(|ids| weigh(ids)).collect();
    let sentence_totals = sentences.iter().map(Sparse::total).collect();
    Profile {
        sentence_postings: Postings::new(&terms, &sentences),
        term_idf: Sparse::idf_set(&all_terms, |id| vocab.idf(id)),
        terms_total: terms.total(),
        terms,
        sentences,
        sentence_totals,
        sentence_spans: spans,
        names: Sparse::idf_set(&names, |id| vocab.idf(id)),
        numbers: numbers(text),
        quotes,
        quote_spans,
        bigrams: bigrams(&words),
        shingles: shingles(&words),
        words: {
            let mut w: Vec<u64> = words.iter().map(|w| fnv1a(w.as_bytes())).collect();
            w.sort_unstable();
            w.dedup();
            w
        },
        tokens: toks.len(),
        lexical: Lexical::new(in_order.into_iter(), &words),
    }
}

/// The word as the text writes it (case kept), for explanations.
fn surface(text: &str, t: &Token) -> String {
    let rest = &text[t.start..];
    let end = rest
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(rest.len(), |(i, _)| i);
    let word = &rest[..end];
    if word.to_lowercase() == t.text {
        word.to_string()
    } else {
        t.text.clone()
    }
}

/// The stem of a content word: not a stop word, not one letter, not a bare
/// number (numbers are evidence of their own).
fn content_stem(word: &str) -> Option<String> {
    let keep = word.chars().nth(1).is_some()
        && !text::is_stop_word(word)
        && !word.chars().all(|c| c.is_ascii_digit());
    keep.then(|| text::stem(word))
}

/// Sentence byte ranges: a sentence ends at `.`, `!` or `?` (with any
/// closing quotes or brackets) followed by white space, or at a line end.
pub fn sentence_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = match c {
            '\n' => Some(i),
            '.' | '!' | '?' => {
                let mut j = i + c.len_utf8();
                while let Some(&(k, n)) = chars.peek() {
                    if matches!(n, '"' | '\u{201D}' | '\u{2019}' | '\'' | ')' | ']') {
                        j = k + n.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                let followed_by_space = bytes.get(j).is_none_or(|b| b.is_ascii_whitespace());
                // "Mr. Roe", "U.S. officials": a one-letter or short
                // capitalised word before the dot is an abbreviation.
                let word_before = text[start..i].rsplit(|c: char| !c.is_alphanumeric()).next();
                let abbreviation = word_before.is_some_and(|w| {
                    w.chars().count() == 1 || ABBREVIATIONS.contains(&w.to_lowercase().as_str())
                });
                (followed_by_space && !abbreviation).then_some(j)
            }
            _ => None,
        };
        if let Some(e) = end {
            if !text[start..e].trim().is_empty() {
                out.push((start, e));
            }
            start = e;
        }
    }
    if !text[start..].trim().is_empty() {
        out.push((start, text.len()));
    }
    if out.is_empty() {
        out.push((0, text.len()));
    }
    out
}

const ABBREVIATIONS: &[&str] = &[
    "dr", "gen", "gov", "jr", "mr", "mrs", "ms", "no", "prof", "rep", "sen", "sr", "st", "vs",
];

/// Numbers written in the text, separators dropped ("1,200" → "1200",
/// "3.5" stays "3.5").
pub fn numbers(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (k, &c) in chars.iter().enumerate() {
        let inner_sep = (c == ',' || c == '.')
            && !cur.is_empty()
            && chars.get(k + 1).is_some_and(|n| n.is_ascii_digit());
        if c.is_ascii_digit() {
            cur.push(c);
        } else if inner_sep {
            if c == '.' {
                cur.push('.');
            }
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out.sort();
    out.dedup();
    out
}

/// Byte ranges inside quotation marks: curly pairs, or straight double
/// quotes taken two by two. Nested single quotes stay inside.
pub fn quote_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut straight: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '\u{201C}' | '\u{00AB}' | '\u{201E}' => open = Some(i + c.len_utf8()),
            '\u{201D}' | '\u{00BB}' => {
                if let Some(a) = open.take() {
                    out.push((a, i));
                }
            }
            '"' => match straight.take() {
                Some(a) => out.push((a, i)),
                None => straight = Some(i + 1),
            },
            _ => {}
        }
    }
    out
}

/// Sorted, de-duplicated hashes of consecutive word pairs.
fn bigrams(words: &[&str]) -> Vec<u64> {
    let mut out: Vec<u64> = words
        .windows(2)
        .map(|w| fnv1a(w[0].as_bytes()) ^ fnv1a(w[1].as_bytes()).rotate_left(17))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Word 5-gram hashes (a shorter text gives one shingle of all its words).
fn shingles(words: &[&str]) -> Vec<u64> {
    const K: usize = 5;
    let hash = |ws: &[&str]| {
        ws.iter()
            .fold(0x9e37_79b9_7f4a_7c15u64 ^ ws.len() as u64, |h, w| {
                (h ^ fnv1a(w.as_bytes()))
                    .wrapping_mul(0x0000_0100_0000_01b3)
                    .rotate_left(29)
            })
    };
    let mut out: Vec<u64> = if words.is_empty() {
        Vec::new()
    } else if words.len() < K {
        vec![hash(words)]
    } else {
        words.windows(K).map(hash).collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_at_full_stops_but_not_abbreviations() {
        let t = "Mr. Roe spoke. U.S. officials agreed! “Yes,” he said? Then more";
        let got: Vec<&str> = sentence_spans(t)
            .iter()
            .map(|&(a, b)| t[a..b].trim())
            .collect();
        assert_eq!(
            got,
            [
                "Mr. Roe spoke.",
                "U.S. officials agreed!",
                "“Yes,” he said?",
                "Then more"
            ]
        );
    }

    #[test]
    fn numbers_drop_separators() {
        assert_eq!(
            numbers("1,200 troops, 3.5% and 2025."),
            ["1200", "2025", "3.5"]
        );
        assert!(numbers("no digits").is_empty());
    }

    #[test]
    fn quotes_curly_and_straight() {
        let t = "He said “we will talk” and \"not now\" today";
        let got: Vec<&str> = quote_spans(t).iter().map(|&(a, b)| &t[a..b]).collect();
        assert_eq!(got, ["we will talk", "not now"]);
    }

    #[test]
    fn names_are_words_never_written_in_lower_case() {
        let related = RelatedIndex::default();
        let mut vocab = Vocab::default();
        let p = profiles(
            &["Talks in Anchorage ended.", "The talks ended in Anchorage."],
            &related,
            &mut vocab,
        );
        assert_eq!(p[0].names.len(), 1, "Anchorage only, not Talks");
        assert_eq!(p[1].names.len(), 1);
    }
}
