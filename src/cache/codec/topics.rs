//! The topic index: labels, kinds, occurrences and weights, each as one
//! flat array with the end of every topic's part.

use super::super::blob::{Blob, Lazy, bytes_of};
use super::in_range;
use crate::analysis::topics::{
    Coverage, Forms, Occurrences, Topic, TopicIndex, TopicKind, Weights,
};
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
        CoverageOut(t),
    )
}

/// Each topic's coverage beyond its weights: peak, score and a name's
/// forms (the form names once per topic, then (article, form, count)).
struct CoverageOut<'a>(&'a [Topic]);

impl Serialize for CoverageOut<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let t = self.0;
        let forms = move || t.iter().map(|t| t.coverage.forms.parts());
        (
            Lazy(move || bytes_of(t.iter().map(|t| t.coverage.peak))),
            Lazy(move || bytes_of(t.iter().map(|t| t.coverage.score))),
            forms()
                .flat_map(|(names, _)| names.iter().map(|n| &**n))
                .collect::<String>(),
            Lazy(move || ends(forms().flat_map(|(names, _)| names.iter().map(|n| n.len())))),
            Lazy(move || ends(forms().map(|(names, _)| names.len()))),
            Lazy(move || {
                bytes_of(
                    forms()
                        .flat_map(|(_, counts)| counts.iter())
                        .flat_map(|&(a, f, n)| [a, u32::from(f), n]),
                )
            }),
            Lazy(move || ends(forms().map(|(_, counts)| counts.len()))),
        )
            .serialize(s)
    }
}

#[derive(Deserialize)]
struct CoverageIn<'a> {
    #[serde(borrow)]
    peaks: Blob<'a>,
    #[serde(borrow)]
    scores: Blob<'a>,
    #[serde(borrow)]
    form_names: Cow<'a, str>,
    #[serde(borrow)]
    form_name_ends: Blob<'a>,
    /// Per topic: the end of its form names (in forms, not bytes).
    #[serde(borrow)]
    form_ends: Blob<'a>,
    /// (article, form, count) of every topic.
    #[serde(borrow)]
    form_counts: Blob<'a>,
    #[serde(borrow)]
    form_count_ends: Blob<'a>,
}

/// Every topic's coverage, read back; `None` if anything is out of shape.
fn coverages(c: &CoverageIn, n: usize, articles: usize) -> Option<Vec<Coverage>> {
    let peaks = c.peaks.read::<f32>()?;
    let scores = c.scores.read::<f32>()?;
    let name_ends = c.form_name_ends.read::<u32>()?;
    let form_ends = c.form_ends.read::<u32>()?;
    let counts = c.form_counts.read::<u32>()?;
    let count_ends = c.form_count_ends.read::<u32>()?;
    if [peaks.len(), scores.len(), form_ends.len(), count_ends.len()] != [n; 4]
        || !counts.len().is_multiple_of(3)
        || !ends_fit(&name_ends, c.form_names.len())
        || !ends_fit(&form_ends, name_ends.len())
        || !ends_fit(&count_ends, counts.len() / 3)
    {
        return None;
    }
    let mut out = Vec::with_capacity(n);
    let (mut name_start, mut form_start, mut count_start) = (0usize, 0usize, 0usize);
    for i in 0..n {
        let (form_end, count_end) = (form_ends[i] as usize, count_ends[i] as usize);
        let mut names = Vec::with_capacity(form_end - form_start);
        for &end in name_ends.get(form_start..form_end)? {
            names.push(c.form_names.get(name_start..end as usize)?.into());
            name_start = end as usize;
        }
        let triples: Vec<(u32, u16, u32)> = counts
            .get(3 * count_start..3 * count_end)?
            .chunks_exact(3)
            .map(|x| Some((x[0], u16::try_from(x[1]).ok()?, x[2])))
            .collect::<Option<_>>()?;
        if triples.iter().any(|&(a, _, _)| a as usize >= articles) {
            return None;
        }
        out.push(Coverage {
            peak: peaks[i],
            score: scores[i],
            forms: Forms::from_parts(names, triples)?,
        });
        (form_start, count_start) = (form_end, count_end);
    }
    Some(out)
}

/// Running ends that never go back and end at `len`.
fn ends_fit(ends: &[u32], len: usize) -> bool {
    ends.windows(2).all(|w| w[0] <= w[1]) && ends.last().map_or(0, |&e| e as usize) == len
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
    #[serde(borrow)]
    coverage: CoverageIn<'a>,
}

impl TopicsIn<'_> {
    /// The index, if every occurrence is a block of a corpus with these
    /// block counts and every list is as the index keeps it.
    pub fn index(&self, counts: &[usize]) -> Option<TopicIndex> {
        let label_ends = self.label_ends.read::<u32>()?;
        let kinds = self.kinds.read::<u8>()?;
        let occurrence_ends = self.occurrence_ends.read::<u32>()?;
        let weight_ends = self.weight_ends.read::<u32>()?;
        // The long arrays are read in place, topic by topic.
        let all_occurrences = self.occurrences.numbers::<u32>()?;
        let weight_articles = self.weight_articles.numbers::<u32>()?;
        let all_weights = self.weights.numbers::<f32>()?;
        let n = kinds.len();
        if [label_ends.len(), occurrence_ends.len(), weight_ends.len()] != [n; 3]
            || all_weights.len() != weight_articles.len()
            || !ends_fit(&occurrence_ends, all_occurrences.len() / 2)
            || !all_occurrences.len().is_multiple_of(2)
            || !ends_fit(&weight_ends, all_weights.len())
            || !ends_fit(&label_ends, self.labels.len())
        {
            return None;
        }
        let mut coverages = coverages(&self.coverage, n, counts.len())?.into_iter();
        let mut topics = Vec::with_capacity(n);
        let (mut label_start, mut occ_start, mut weight_start) = (0usize, 0usize, 0usize);
        for i in 0..n {
            let (label_end, occ_end, weight_end) = (
                label_ends[i] as usize,
                occurrence_ends[i] as usize,
                weight_ends[i] as usize,
            );
            let label = self.labels.get(label_start..label_end)?.to_string();
            // Each list built in place from the file's bytes, checked as
            // it is read (no list of numbers in between).
            let occurrences = Occurrences::from_sorted_pairs(
                all_occurrences.pairs(occ_start..occ_end)?,
                |a, b| in_range(counts, a, b),
            )?;
            let weights = Weights::from_checked(
                weight_articles
                    .range(weight_start..weight_end)?
                    .zip(all_weights.range(weight_start..weight_end)?),
                |a| (a as usize) < counts.len(),
            )?;
            if occurrences.is_empty() {
                return None;
            }
            topics.push(Topic {
                label,
                kind: kind_of(kinds[i])?,
                occurrences,
                weights,
                coverage: coverages.next()?,
            });
            (label_start, occ_start, weight_start) = (label_end, occ_end, weight_end);
        }
        Some(TopicIndex { topics })
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::frame::{decode, encode};
    use super::super::block_counts;
    use super::*;

    /// Change the bytes of one array of an entry read back.
    fn altered(blob: &Blob, change: impl FnOnce(&mut Vec<u8>)) -> Blob<'static> {
        let mut bytes = blob.0.to_vec();
        change(&mut bytes);
        Blob(Cow::Owned(bytes))
    }

    #[test]
    fn lists_are_read_in_place_and_out_of_order_ones_refused() {
        let c = crate::corpus::load_builtin();
        let index = crate::analysis::topics::build_topics(&c);
        let counts = block_counts(&c);
        let bytes = encode("topics", 1, &out(&index));
        let back: TopicsIn = decode(&bytes, "topics", 1).unwrap();
        let again = back.index(&counts).unwrap();
        for (x, y) in again.topics.iter().zip(&index.topics) {
            assert_eq!((&x.occurrences, &x.weights), (&y.occurrences, &y.weights));
        }
        // The first topic with two occurrences, and one in two articles.
        // Where the first list of two or more starts, from the lists' ends.
        let first_of_two = |ends: &[u32]| {
            ends.iter()
                .scan(0, |start, &end| Some((std::mem::replace(start, end), end)))
                .find(|(s, e)| e - s >= 2)
                .unwrap()
                .0 as usize
        };
        let two = first_of_two(&back.occurrence_ends.read::<u32>().unwrap());
        let spread = first_of_two(&back.weight_ends.read::<u32>().unwrap());

        let mut swapped: TopicsIn = decode(&bytes, "topics", 1).unwrap();
        swapped.occurrences = altered(&back.occurrences, |b| {
            let at = 8 * two;
            let (first, second) = b[at..at + 16].split_at_mut(8);
            first.swap_with_slice(second);
        });
        assert!(swapped.index(&counts).is_none(), "occurrences out of order");

        let mut repeated: TopicsIn = decode(&bytes, "topics", 1).unwrap();
        repeated.occurrences = altered(&back.occurrences, |b| {
            let at = 8 * two;
            b.copy_within(at..at + 8, at + 8);
        });
        assert!(repeated.index(&counts).is_none(), "an occurrence twice");

        let mut unsorted: TopicsIn = decode(&bytes, "topics", 1).unwrap();
        unsorted.weight_articles = altered(&back.weight_articles, |b| {
            let at = 4 * spread;
            let (first, second) = b[at..at + 8].split_at_mut(4);
            first.swap_with_slice(second);
        });
        assert!(unsorted.index(&counts).is_none(), "articles out of order");

        for bad in [0.0f32, 1.5, f32::NAN] {
            let mut heavy: TopicsIn = decode(&bytes, "topics", 1).unwrap();
            heavy.weights = altered(&back.weights, |b| {
                b[4 * spread..4 * spread + 4].copy_from_slice(&bad.to_le_bytes());
            });
            assert!(heavy.index(&counts).is_none(), "weight {bad}");
        }

        let mut beyond: TopicsIn = decode(&bytes, "topics", 1).unwrap();
        beyond.occurrences = altered(&back.occurrences, |b| {
            let last = b.len() - 8;
            b[last..last + 4].copy_from_slice(&(counts.len() as u32).to_le_bytes());
        });
        assert!(beyond.index(&counts).is_none(), "an article past the end");
    }
}
