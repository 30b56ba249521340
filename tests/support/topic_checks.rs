//! Checks shared by the topic tests: the index's invariants on any corpus,
//! and a hand-made article.
#![allow(dead_code)]

use parallax::analysis::topics::{TopicIndex, TopicKind};
use parallax::corpus::{Article, Block, BlockKind, Corpus, Metadata};
use std::collections::{BTreeSet, HashSet};

/// Every invariant the index promises, checked on any corpus.
pub fn assert_invariants(c: &Corpus, index: &TopicIndex) {
    let mut labels: HashSet<(TopicKind, String)> = HashSet::new();
    for (i, t) in index.topics.iter().enumerate() {
        assert!(!t.label.trim().is_empty(), "topic {i} has an empty label");
        assert!(
            labels.insert((t.kind, t.label.to_lowercase())),
            "label {:?} repeated for {:?}",
            t.label,
            t.kind
        );
        assert!(!t.occurrences.is_empty(), "{} has no occurrence", t.label);
        let occurrences: Vec<_> = t.occurrences.iter().collect();
        assert!(
            occurrences.windows(2).all(|w| w[0] < w[1]),
            "{}: occurrences not sorted and unique",
            t.label
        );
        for r in t.occurrences.iter() {
            let block = c.get(r).expect("occurrence names a real block");
            assert!(
                block.kind.is_content(),
                "{} occurs in a {:?} block",
                t.label,
                block.kind
            );
        }
        let with_occurrences: BTreeSet<usize> = t.occurrences.iter().map(|r| r.article).collect();
        let weights: Vec<(usize, f32)> = t.weights.iter().collect();
        let weighted: BTreeSet<usize> = weights.iter().map(|&(a, _)| a).collect();
        assert_eq!(
            with_occurrences, weighted,
            "{}: weights vs occurrences",
            t.label
        );
        assert!(weights.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(
            weights.iter().all(|&(_, w)| w > 0.0 && w <= 1.0),
            "{}: {:?}",
            t.label,
            t.weights
        );
        let max = weights.iter().map(|&(_, w)| w).fold(0.0, f32::max);
        assert_eq!(max, 1.0, "{}: the article saying most weighs 1", t.label);
        let covering: Vec<usize> = index.articles_covering(i).collect();
        assert_eq!(covering, weighted.into_iter().collect::<Vec<_>>());
        // weight() agrees, on covering articles and on a sample of others.
        for a in with_occurrences
            .iter()
            .copied()
            .chain(0..c.articles.len().min(20))
        {
            assert_eq!(t.weight(a) > 0.0, with_occurrences.contains(&a));
        }
    }
}

pub fn article(id: &str, blocks: Vec<(BlockKind, &str)>) -> Article {
    Article {
        id: id.to_string(),
        path: None,
        meta: Metadata::default(),
        blocks: blocks
            .into_iter()
            .enumerate()
            .map(|(i, (kind, text))| Block {
                kind,
                text: text.to_string(),
                reason: (kind == BlockKind::Boilerplate).then(|| "test".to_string()),
                line: i + 1,
            })
            .collect(),
        hidden_chars: 0,
    }
}
