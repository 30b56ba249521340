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
//! score far below. Quotes of fewer than 4 tokens match only quotes with
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

use super::bound::{BigramIndex, MIN_FUZZY, bigrams, could_match, score};
use super::extract::Quote;
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
    let clusters = cluster(&nodes, &index);
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
/// anchor first, longest anchors first.
fn cluster(nodes: &[(&[u32], Vec<usize>)], index: &BigramIndex) -> Vec<Vec<usize>> {
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
        let seq = nodes[anchor].0;
        if seq.len() >= MIN_FUZZY {
            let mut anchor_grams: Vec<u64> = bigrams(seq).collect();
            anchor_grams.sort_unstable();
            for gram in bigrams(seq) {
                for &m in index.get(&gram).map_or(&[][..], Vec::as_slice) {
                    if seen[m] == anchor || group_of[m].is_some() {
                        continue;
                    }
                    seen[m] = anchor;
                    if could_match(nodes[m].0, &anchor_grams) && score(nodes[m].0, seq) >= MIN_SCORE
                    {
                        group_of[m] = Some(g);
                        members.push(m);
                    }
                }
            }
        }
        out.push(members);
    }
    out
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
mod tests {
    use super::*;
    use crate::corpus::BlockRef;

    fn quote(article: usize, text: &str, speaker: Option<&str>) -> Quote {
        Quote::whole_block(article, text, speaker)
    }

    fn seq(s: &str) -> Vec<u32> {
        interned(&[quote(0, s, None)]).remove(0)
    }

    #[test]
    fn scores_follow_the_documented_rule() {
        let ids =
            |texts: &[&str]| interned(&texts.iter().map(|t| quote(0, t, None)).collect::<Vec<_>>());
        let s = ids(&["a b c d e", "x a b c d e y", "a b Q d e", "a b c d e f"]);
        assert_eq!(score(&s[0], &s[1]), 1.0);
        assert_eq!(score(&s[0], &s[2]), 0.8);
        assert!((score(&s[0], &s[3]) - 1.0).abs() < 1e-9);
        // The counter-example to a lower threshold: no shared bigram.
        let t = ids(&["a p b c", "a b q c"]);
        assert_eq!(score(&t[0], &t[1]), 0.75);
        assert_eq!(score(&seq("a"), &seq("")), 0.0);
    }

    #[test]
    fn one_phrase_in_two_statements_does_not_merge_them() {
        let groups = group_quotes(vec![
            quote(
                0,
                "We will not back down, and we will defend every farm in this country",
                Some("Roe"),
            ),
            quote(1, "we will not back down", Some("Roe")),
            quote(
                2,
                "Our answer is clear: we will not back down from the border talks",
                Some("Roe"),
            ),
        ]);
        assert_eq!(groups.len(), 2, "{groups:#?}");
        assert!(groups.iter().all(|g| !g.altered()));
    }

    #[test]
    fn a_part_of_a_longer_wording_in_another_article_joins_its_group() {
        // Article 0 splits the statement over two paragraphs, article 1
        // runs the halves together, article 2 rewords it (the anchor,
        // which the first half alone matches too poorly).
        let first = "The harbour board will pay for every day of this repair,";
        let split = vec![
            quote(0, first, Some("Roe")),
            quote(
                0,
                "And it will explain why the old crane was still in use at all.",
                Some("Roe"),
            ),
            quote(
                1,
                "The harbour board will pay for every day of this repair … and it will explain why the old crane was still in use,",
                Some("Roe"),
            ),
            quote(
                2,
                "The port authority will pay for each day of this repair, and it will explain why the old crane was still in use at all,",
                Some("Roe"),
            ),
        ];
        let groups = group_quotes(split.clone());
        assert_eq!(groups.len(), 1, "{groups:#?}");
        let g = &groups[0];
        assert_eq!(g.articles(), 3);
        let part = g.quotes.iter().position(|q| q.text == first).unwrap();
        assert_eq!(g.variants[part], Variant::Trimmed);
        // Only another article's wording takes a part: with the
        // run-together copy in the same article, the half stays apart.
        let mut same = split;
        same.remove(1);
        same[1].at = BlockRef::new(0, 1);
        assert_eq!(group_quotes(same).len(), 2);
    }

    #[test]
    fn a_few_words_join_the_one_longer_wording_of_the_same_speaker() {
        let long = "This is a painful but necessary step for the harbour";
        let groups = |short_speaker: Option<&str>, more: &[&str]| {
            let mut quotes = vec![
                quote(0, long, Some("Jo Roe")),
                quote(1, "painful but necessary", short_speaker),
            ];
            for (k, t) in more.iter().enumerate() {
                quotes.push(quote(2 + k, t, Some("Roe")));
            }
            group_quotes(quotes).len()
        };
        assert_eq!(groups(Some("Roe"), &[]), 1, "a run of it, her words");
        assert_eq!(groups(Some("Tom Hale"), &[]), 2, "another speaker's");
        assert_eq!(groups(None, &[]), 2, "no speaker to agree");
        // Two different statements of hers hold it: which one is not
        // known, so neither.
        let other = "It was painful but necessary to close the old crane yard";
        assert_eq!(groups(Some("Roe"), &[other]), 3);
        // Not word for word: apart.
        let mut apart = vec![quote(0, long, Some("Roe"))];
        apart.push(quote(1, "painful and necessary", Some("Roe")));
        assert_eq!(group_quotes(apart).len(), 2);
    }

    #[test]
    fn the_reference_is_the_majority_wording_else_the_closest_to_the_others() {
        let reference = |texts: &[&str]| {
            let quotes = texts.iter().enumerate().map(|(a, t)| quote(a, t, None));
            let groups = group_quotes(quotes.collect());
            assert_eq!(groups.len(), 1, "{groups:#?}");
            groups[0].text().to_string()
        };
        let will = "We will close the Dunmore plant by the end of March next year";
        let may = "We may close the Dunmore plant by the end of March next year";
        let not = "We will not close the Dunmore plant by the end of March next year";
        // No majority: the wording the others differ from least.
        assert_eq!(reference(&[not, may, will]), will);
        assert_eq!(reference(&[may, not, will]), will);
        // A majority wins, even the longest.
        assert_eq!(reference(&[not, will, not, may]), not);
        // A full quote beside a trimmed copy is no further from it.
        let trimmed = "We will close the Dunmore plant by the end of March";
        assert_eq!(reference(&[trimmed, will]), will);
        // Two wordings equally apart: the earliest.
        assert_eq!(reference(&[may, will]), may);
        assert_eq!(reference(&[will, may]), will);
    }

    #[test]
    fn the_speaker_is_the_most_named() {
        let groups = group_quotes(vec![
            quote(0, "the talks will go on next week", Some("Roe")),
            quote(1, "the talks will go on next week", Some("Jane Roe")),
            quote(2, "The talks will go on next week.", Some("Jane Roe")),
            quote(3, "the talks will go on next week", None),
        ]);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].speaker.as_deref(), Some("Jane Roe"));
        assert_eq!(groups[0].articles(), 4);
    }
}
