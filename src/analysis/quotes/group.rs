//! The same quote across articles, through the edits outlets make.
//!
//! Quotes are compared as sequences of normalised tokens (`tokens.rs`:
//! case, punctuation, curly or straight marks and contractions do not
//! count). Quote A (the shorter) matches B when
//!
//! `score = matched / max(|A|, window) ≥ 0.8`
//!
//! where `matched` is the tokens the two have in common in order (the
//! longest common subsequence) and `window` is how many tokens of B lie
//! from the first to the last of them. So a quote trimmed at either end
//! scores 1, one changed or added word in five scores 0.8, and two
//! different quotes that share a few words ("we will not", "our people")
//! score far below. A wording with words cut from inside another (or
//! added inside it) matches too when it keeps at least 5 tokens, every
//! one found in order in at most three runs over at most 5/3 of its
//! length (`bound::Overlap::cut_inside`): it is that quote, altered.
//! Quotes of fewer than 4 tokens match only quotes with
//! the very same tokens (three words inside a long quote say little),
//! unless `parts` finds them word for word in one longer wording of the
//! same speaker.
//! Above 0.75 every matching pair shares a word bigram, so candidates
//! come from a bigram index and no pair is missed.
//!
//! Groups are stars, not chains: the longest wording not yet grouped
//! anchors a group, and takes every ungrouped quote that matches it
//! directly. A short phrase a speaker uses in two different statements
//! joins the first statement's group and does not merge the two. Then a
//! group whose anchor is a part of a longer wording in another group,
//! carried by another article, joins that group (`parts`).

use super::bound::{BigramIndex, MIN_FUZZY, Overlap, bigrams, could_match};
use super::extract::Quote;
use super::named_apart::named_apart;
use super::parts::join_parts;
use super::reference::{Variant, reference_wording, variant};
use super::speakers::common_speaker;
use crate::analysis::hashing::FastMap;
use std::collections::HashMap;

/// A pair matches from this score on.
pub const MIN_SCORE: f64 = 0.8;

/// One quote as carried by one or more articles.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteGroup {
    /// Every occurrence, in corpus order.
    pub quotes: Vec<Quote>,
    /// How each occurrence compares with the reference.
    pub variants: Vec<Variant>,
    /// The reference wording: the one most articles carry (on a tie, the
    /// one closest to the others).
    pub reference: usize,
    /// The speaker most occurrences name (`speakers`).
    pub speaker: Option<String>,
}

impl QuoteGroup {
    pub fn text(&self) -> &str {
        &self.quotes[self.reference].text
    }

    /// Some occurrence's words differ from the reference's inside the quote.
    pub fn altered(&self) -> bool {
        self.variants.contains(&Variant::Altered)
    }

    pub fn trimmed(&self) -> bool {
        self.variants.contains(&Variant::Trimmed)
    }

    /// How many articles carry it.
    pub fn articles(&self) -> usize {
        let mut a: Vec<usize> = self.quotes.iter().map(|q| q.at.article).collect();
        a.dedup();
        a.len()
    }
}

/// Token sequences with their words numbered.
fn interned(quotes: &[Quote]) -> Vec<Vec<u32>> {
    let mut ids: HashMap<String, u32> = HashMap::new();
    quotes
        .iter()
        .map(|q| {
            crate::analysis::tokens::token_texts(&q.text)
                .map(|t| {
                    let next = ids.len() as u32;
                    *ids.entry(t).or_insert(next)
                })
                .collect()
        })
        .collect()
}

/// Group `quotes` (in corpus order); groups carried by most articles first.
pub fn group_quotes(quotes: Vec<Quote>) -> Vec<QuoteGroup> {
    let seqs = interned(&quotes);
    // Distinct wordings, each with the quotes that have it.
    let mut node_of: FastMap<&[u32], usize> = FastMap::default();
    let mut nodes: Vec<(&[u32], Vec<usize>)> = Vec::new();
    for (i, s) in seqs.iter().enumerate() {
        let n = *node_of.entry(s.as_slice()).or_insert_with(|| {
            nodes.push((s.as_slice(), Vec::new()));
            nodes.len() - 1
        });
        nodes[n].1.push(i);
    }
    let index = bigram_index(&nodes);
    let speakers: Vec<Vec<&str>> = nodes
        .iter()
        .map(|(_, qs)| {
            let mut names: Vec<&str> = qs
                .iter()
                .filter_map(|&q| quotes[q].speaker.as_deref())
                .collect();
            names.sort_unstable();
            names.dedup();
            names
        })
        .collect();
    let clusters = cluster(&nodes, &speakers, &index);
    let clusters = join_parts(&quotes, &nodes, &index, clusters);
    let mut groups: Vec<QuoteGroup> = clusters
        .into_iter()
        .map(|members| make_group(&quotes, &nodes, &members))
        .collect();
    groups.sort_by_key(|g| {
        let first = &g.quotes[0];
        (
            std::cmp::Reverse(g.articles()),
            std::cmp::Reverse(g.quotes.len()),
            first.at,
            first.start,
        )
    });
    groups
}

/// The distinct wordings of at least `MIN_FUZZY` tokens by each bigram
/// they hold (each wording once a bigram).
fn bigram_index(nodes: &[(&[u32], Vec<usize>)]) -> BigramIndex {
    let mut index = BigramIndex::default();
    for (n, (seq, _)) in nodes.iter().enumerate() {
        if seq.len() >= MIN_FUZZY {
            let mut grams: Vec<u64> = bigrams(seq).collect();
            grams.sort_unstable();
            grams.dedup();
            for g in grams {
                index.entry(g).or_default().push(n);
            }
        }
    }
    index
}

/// Star clustering of the distinct wordings: lists of node numbers, the
/// anchor first, longest anchors first. The anchor's words found whole
/// in another wording join whoever an article credits them to; an
/// altered wording joins only if it names no one the group's wordings
/// name as someone else (`named_apart`): two people's different
/// sentences can share four words in five.
fn cluster(
    nodes: &[(&[u32], Vec<usize>)],
    speakers: &[Vec<&str>],
    index: &BigramIndex,
) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..nodes.len()).collect();
    order.sort_by_key(|&n| (std::cmp::Reverse(nodes[n].0.len()), nodes[n].1[0]));
    let mut group_of: Vec<Option<usize>> = vec![None; nodes.len()];
    let mut seen: Vec<usize> = vec![usize::MAX; nodes.len()];
    let mut out: Vec<Vec<usize>> = Vec::new();
    for &anchor in &order {
        if group_of[anchor].is_some() {
            continue;
        }
        let g = out.len();
        group_of[anchor] = Some(g);
        let mut members = vec![anchor];
        let found = matching(nodes, index, anchor, &mut seen, &group_of);
        for m in agreeing(&found, &speakers[anchor], speakers) {
            group_of[m] = Some(g);
            members.push(m);
        }
        out.push(members);
    }
    out
}

/// The ungrouped wordings that match `anchor`, each with its score, in
/// the order the bigram index gives them (`seen` marks those already
/// tried for this anchor).
fn matching(
    nodes: &[(&[u32], Vec<usize>)],
    index: &BigramIndex,
    anchor: usize,
    seen: &mut [usize],
    group_of: &[Option<usize>],
) -> Vec<(usize, f64)> {
    let seq = nodes[anchor].0;
    let mut found = Vec::new();
    if seq.len() < MIN_FUZZY {
        return found;
    }
    let mut anchor_grams: Vec<u64> = bigrams(seq).collect();
    anchor_grams.sort_unstable();
    for gram in bigrams(seq) {
        for &m in index.get(&gram).map_or(&[][..], Vec::as_slice) {
            if seen[m] == anchor || group_of[m].is_some() {
                continue;
            }
            seen[m] = anchor;
            if !could_match(nodes[m].0, &anchor_grams) {
                continue;
            }
            let overlap = Overlap::of(nodes[m].0, seq);
            let s = overlap.score();
            if s >= MIN_SCORE || overlap.cut_inside() {
                found.push((m, s));
            }
        }
    }
    found
}

/// The wordings of `found` that join the anchor's group, in `found`'s
/// order: word for word first, then the closest, each altered one judged
/// against every name the group holds by then (`named_apart`).
fn agreeing(found: &[(usize, f64)], anchor_names: &[&str], speakers: &[Vec<&str>]) -> Vec<usize> {
    let mut by_score: Vec<usize> = (0..found.len()).collect();
    by_score.sort_by(|&x, &y| found[y].1.total_cmp(&found[x].1).then(x.cmp(&y)));
    let mut names: Vec<&str> = anchor_names.to_vec();
    let mut taken = vec![false; found.len()];
    for k in by_score {
        let (m, s) = found[k];
        if s < 1.0 && named_apart(&names, &speakers[m]) {
            continue;
        }
        taken[k] = true;
        names.extend(&speakers[m]);
    }
    found
        .iter()
        .zip(taken)
        .filter_map(|(&(m, _), t)| t.then_some(m))
        .collect()
}

fn make_group(quotes: &[Quote], nodes: &[(&[u32], Vec<usize>)], members: &[usize]) -> QuoteGroup {
    let reference_node = reference_wording(quotes, nodes, members);
    let mut all: Vec<(usize, Variant)> = members
        .iter()
        .flat_map(|&n| {
            let v = variant(nodes[reference_node].0, nodes[n].0);
            nodes[n].1.iter().map(move |&q| (q, v))
        })
        .collect();
    all.sort_by_key(|&(q, _)| q);
    let reference_quote = nodes[reference_node].1[0];
    let reference = all
        .iter()
        .position(|&(q, _)| q == reference_quote)
        .unwrap_or(0);
    let group_quotes: Vec<Quote> = all.iter().map(|&(q, _)| quotes[q].clone()).collect();
    QuoteGroup {
        speaker: common_speaker(&group_quotes),
        variants: all.iter().map(|&(_, v)| v).collect(),
        quotes: group_quotes,
        reference,
    }
}

#[cfg(test)]
#[path = "group_tests.rs"]
mod tests;
