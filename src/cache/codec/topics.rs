//! The topic index: labels, kinds, occurrences and weights, each as one
//! flat array with the end of every topic's part.

use super::super::blob::{Blob, Lazy, bytes_of};
use super::{in_range, split_at_ends};
use crate::analysis::topics::{Occurrences, Topic, TopicIndex, TopicKind, Weights};
use crate::corpus::BlockRef;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

fn narrow(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

fn kind_code(k: TopicKind) -> u8 {
    match k {
        TopicKind::Heading => 0,
        TopicKind::Term => 1,
        TopicKind::Name => 2,
    }
}

fn kind_of(code: u8) -> Option<TopicKind> {
    Some(match code {
        0 => TopicKind::Heading,
        1 => TopicKind::Term,
        2 => TopicKind::Name,
        _ => return None,
    })
}

/// Running ends of parts of these lengths.
fn ends(lengths: impl Iterator<Item = usize>) -> Vec<u8> {
    let mut total = 0usize;
    bytes_of(lengths.map(|n| {
        total += n;
        narrow(total)
    }))
}

/// As written; read back as [`TopicsIn`].
pub fn out(index: &TopicIndex) -> impl Serialize + '_ {
    let t = &index.topics;
    (
        t.iter().map(|t| t.label.as_str()).collect::<String>(),
        Lazy(move || ends(t.iter().map(|t| t.label.len()))),
        Lazy(move || bytes_of(t.iter().map(|t| kind_code(t.kind)))),
        Lazy(move || {
            bytes_of(
                t.iter()
                    .flat_map(|t| t.occurrences.iter())
                    .flat_map(|r| [narrow(r.article), narrow(r.block)]),
            )
        }),
        Lazy(move || ends(t.iter().map(|t| t.occurrences.len()))),
        Lazy(move || {
            bytes_of(
                t.iter()
                    .flat_map(|t| t.weights.iter())
                    .map(|(a, _)| narrow(a)),
            )
        }),
        Lazy(move || bytes_of(t.iter().flat_map(|t| t.weights.iter()).map(|(_, w)| w))),
        Lazy(move || ends(t.iter().map(|t| t.weights.len()))),
    )
}

#[derive(Deserialize)]
pub struct TopicsIn<'a> {
    #[serde(borrow)]
    labels: Cow<'a, str>,
    #[serde(borrow)]
    label_ends: Blob<'a>,
    #[serde(borrow)]
    kinds: Blob<'a>,
    /// (article, block) of every occurrence.
    #[serde(borrow)]
    occurrences: Blob<'a>,
    #[serde(borrow)]
    occurrence_ends: Blob<'a>,
    #[serde(borrow)]
    weight_articles: Blob<'a>,
    #[serde(borrow)]
    weights: Blob<'a>,
    #[serde(borrow)]
    weight_ends: Blob<'a>,
}

impl TopicsIn<'_> {
    /// The index, if every occurrence is a block of a corpus with these
    /// block counts and every list is as the index keeps it.
    pub fn index(&self, counts: &[usize]) -> Option<TopicIndex> {
        let label_ends = self.label_ends.read::<u32>()?;
        let kinds = self.kinds.read::<u8>()?;
        let occurrences = self.occurrences.read::<u32>()?;
        let occurrence_ends = self.occurrence_ends.read::<u32>()?;
        let weight_articles = self.weight_articles.read::<u32>()?;
        let weights = self.weights.read::<f32>()?;
        let weight_ends = self.weight_ends.read::<u32>()?;
        let n = kinds.len();
        if [label_ends.len(), occurrence_ends.len(), weight_ends.len()] != [n; 3]
            || weights.len() != weight_articles.len()
            || !occurrences.len().is_multiple_of(2)
        {
            return None;
        }
        let mut label_parts = Vec::with_capacity(n);
        let mut start = 0usize;
        for &e in &label_ends {
            label_parts.push(self.labels.get(start..e as usize)?);
            start = e as usize;
        }
        if start != self.labels.len() {
            return None;
        }
        let pairs: Vec<&[u32]> = occurrences.chunks_exact(2).collect();
        let occurrence_parts = split_at_ends(&pairs, &occurrence_ends)?;
        let article_parts = split_at_ends(&weight_articles, &weight_ends)?;
        let weight_parts = split_at_ends(&weights, &weight_ends)?;
        let mut topics = Vec::with_capacity(n);
        for i in 0..n {
            let occ = occurrence_parts[i];
            if occ.is_empty() || !occ.iter().all(|r| in_range(counts, r[0], r[1])) {
                return None;
            }
            let (arts, ws) = (article_parts[i], weight_parts[i]);
            let sorted = arts.windows(2).all(|w| w[0] < w[1]);
            let covered = arts.iter().all(|&a| (a as usize) < counts.len());
            let weighed = ws.iter().all(|&w| w > 0.0 && w <= 1.0);
            if !(sorted && covered && weighed) {
                return None;
            }
            topics.push(Topic {
                label: label_parts[i].to_string(),
                kind: kind_of(kinds[i])?,
                occurrences: occ
                    .iter()
                    .map(|r| BlockRef::new(r[0] as usize, r[1] as usize))
                    .collect::<Occurrences>(),
                weights: Weights::from_sorted(arts.iter().zip(ws).map(|(&a, &w)| (a as usize, w))),
            });
        }
        Some(TopicIndex { topics })
    }
}
