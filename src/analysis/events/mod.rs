//! Events: which articles report the same story. A research corpus holds
//! many (300 articles about 100 events); comparing, the coverage matrix and
//! "this article with the next" make sense within one.
//!
//! How: each article's profile is its most distinctive names and terms
//! (`profile`: TF-IDF over the topic index); two
//! articles are similar by the cosine of their profiles, halved when both
//! are dated more than a week apart (the same names in two different
//! weeks are often two different events); articles are grouped by average
//! linkage over that graph (`cluster`) at `THRESHOLD`. Every article
//! belongs to exactly one event, alone if need be.
//!
//! Cost: pairs are only formed between articles that share a profile
//! topic no more than `max_postings` articles have (a blocking key, as a
//! surname is for names), so the work is about articles × profile size ×
//! that bound, not articles squared.

mod cluster;
mod dates;
mod profile;

use crate::analysis::topics::TopicIndex;
use crate::corpus::Corpus;
use profile::{Profile, profiles};
use std::collections::BTreeMap;

/// The mean similarity two groups need to be one event (chosen on public
/// same-event news data; see BENCHMARKS.md).
pub const THRESHOLD: f32 = 0.15;
/// Edges weaker than this are not kept.
const MIN_EDGE: f32 = 0.03;
/// Two dated articles further apart than this are less likely one event.
const DAYS_APART: i64 = 7;
const APART_FACTOR: f32 = 0.5;
/// Topics named in a label.
const LABEL_TOPICS: usize = 3;

#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// The names and terms its articles share most ("Mike Pompeo · North
    /// Korea · Kim Jong Un"), else its first article's title.
    pub label: String,
    /// Article indices, ascending.
    pub articles: Vec<usize>,
    /// The topics of the label, by index.
    pub topics: Vec<usize>,
}

/// Every article's event. Empty (unknown) until computed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Events {
    /// Largest first, then by first article.
    pub events: Vec<Event>,
    of_article: Vec<usize>,
}

impl Events {
    /// Known: grouping was done (a pending analysis has none).
    pub fn is_known(&self) -> bool {
        !self.of_article.is_empty()
    }

    /// The event of `article`, if known.
    pub fn of(&self, article: usize) -> Option<usize> {
        self.of_article.get(article).copied()
    }

    pub fn get(&self, event: usize) -> Option<&Event> {
        self.events.get(event)
    }

    /// Events given whole (as `find_events` ordered them; how a cached
    /// analysis is put back together), if each of the `articles` articles
    /// is in exactly one of them.
    pub fn of_events(events: Vec<Event>, articles: usize) -> Option<Events> {
        let mut of_article = vec![usize::MAX; articles];
        for (e, event) in events.iter().enumerate() {
            for &a in &event.articles {
                let slot = of_article.get_mut(a)?;
                if *slot != usize::MAX {
                    return None;
                }
                *slot = e;
            }
        }
        of_article
            .iter()
            .all(|&e| e != usize::MAX)
            .then_some(Events { events, of_article })
    }

    /// The next (or previous) article of `article`'s event, going round;
    /// `None` when it is alone or events are unknown.
    pub fn step(&self, article: usize, forward: bool) -> Option<usize> {
        let members = &self.events.get(self.of(article)?)?.articles;
        let i = members.iter().position(|&m| m == article)?;
        let n = members.len();
        if n < 2 {
            return None;
        }
        let next = if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        };
        members.get(next).copied()
    }
}

/// Articles that share a topic with more articles than this are not
/// paired through it (it is background, or the corpus is one event).
fn max_postings(articles: usize) -> usize {
    (articles / 20).clamp(20, 200)
}

/// Group the articles of `corpus` into events, from its topic index.
pub fn find_events(corpus: &Corpus, topics: &TopicIndex) -> Events {
    find_events_at(corpus, topics, THRESHOLD)
}

/// `find_events` at another threshold (for tuning and tests).
pub fn find_events_at(corpus: &Corpus, topics: &TopicIndex, threshold: f32) -> Events {
    let n = corpus.articles.len();
    let profiles = profiles(topics, n);
    let days: Vec<Option<i64>> = corpus
        .articles
        .iter()
        .map(|a| a.meta.date.as_deref().and_then(dates::days))
        .collect();
    let edges = edges(&profiles, &days);
    let groups = cluster::average_linkage(n, &edges, threshold);
    let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (a, &root) in groups.iter().enumerate() {
        by_root.entry(root).or_default().push(a);
    }
    let mut members: Vec<Vec<usize>> = by_root.into_values().collect();
    members.sort_by(|a, b| b.len().cmp(&a.len()).then(a.first().cmp(&b.first())));
    let mut of_article = vec![0; n];
    let mut events = Vec::with_capacity(members.len());
    for (e, articles) in members.into_iter().enumerate() {
        for &a in &articles {
            of_article[a] = e;
        }
        let (label, label_topics) = label(corpus, topics, &profiles, &articles);
        events.push(Event {
            label,
            articles,
            topics: label_topics,
        });
    }
    Events { events, of_article }
}

/// Similarity edges between articles sharing a selective topic.
fn edges(profiles: &[Profile], days: &[Option<i64>]) -> Vec<(usize, usize, f32)> {
    let topics = profiles
        .iter()
        .flat_map(|p| p.iter().map(|&(t, _)| t + 1))
        .max()
        .unwrap_or(0);
    let mut postings: Vec<Vec<usize>> = vec![Vec::new(); topics];
    for (a, p) in profiles.iter().enumerate() {
        for &(t, _) in p {
            postings[t].push(a);
        }
    }
    let cap = max_postings(profiles.len());
    // Articles in chunks on the pool, each worker with its own scratch;
    // the chunks' edges joined in article order are the edges one thread
    // would find, in the same order.
    let scratch = || (vec![usize::MAX; profiles.len()], vec![0f32; topics]);
    let parts = crate::parallel::map_chunks_with(
        profiles.len(),
        EDGE_CHUNK,
        scratch,
        |(met_by, dense), range| {
            let mut out = Vec::new();
            for a in range {
                edges_of(a, profiles, days, (&postings, cap), met_by, dense, &mut out);
            }
            out
        },
    );
    parts.concat()
}

/// Articles per chunk of the edge search (a chunk's work is uneven: an
/// early article meets more later ones).
const EDGE_CHUNK: usize = 64;

/// The edges from article `a` to later articles sharing a selective
/// topic with it. `met_by` stamps which article last met each other one
/// (a pair sharing several topics is measured once, without a hash set);
/// `dense` holds `a`'s weights spread over every topic id, so each
/// candidate's cosine is a lookup per topic of its own (the same products
/// added in the same order as a merge of the two lists), and is left
/// zeroed.
fn edges_of(
    a: usize,
    profiles: &[Profile],
    days: &[Option<i64>],
    (postings, cap): (&[Vec<usize>], usize),
    met_by: &mut [usize],
    dense: &mut [f32],
    out: &mut Vec<(usize, usize, f32)>,
) {
    let p = &profiles[a];
    for &(t, w) in p {
        dense[t] = w;
    }
    for &(t, _) in p {
        let Some(list) = postings.get(t).filter(|l| l.len() <= cap) else {
            continue;
        };
        for &b in list.iter().filter(|&&b| b > a) {
            if met_by[b] == a {
                continue;
            }
            met_by[b] = a;
            let mut s: f32 = profiles[b].iter().map(|&(t, w)| dense[t] * w).sum();
            if let (Some(x), Some(y)) = (days[a], days[b])
                && (x - y).abs() > DAYS_APART
            {
                s *= APART_FACTOR;
            }
            if s >= MIN_EDGE {
                out.push((a, b, s));
            }
        }
    }
    for &(t, _) in p {
        dense[t] = 0.0;
    }
}

/// The topics an event's articles share most, by summed profile weight
/// among those at least half its articles have.
fn label(
    corpus: &Corpus,
    topics: &TopicIndex,
    profiles: &[Profile],
    articles: &[usize],
) -> (String, Vec<usize>) {
    let mut sums: BTreeMap<usize, (f32, usize)> = BTreeMap::new();
    for &a in articles {
        for &(t, w) in &profiles[a] {
            let e = sums.entry(t).or_default();
            e.0 += w;
            e.1 += 1;
        }
    }
    let need = articles.len().div_ceil(2);
    let mut ranked: Vec<(f32, usize)> = sums
        .into_iter()
        .filter(|(_, (_, k))| *k >= need)
        .map(|(t, (w, _))| (w, t))
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let chosen: Vec<usize> = ranked.iter().take(LABEL_TOPICS).map(|&(_, t)| t).collect();
    let names: Vec<&str> = chosen
        .iter()
        .filter_map(|&t| topics.get(t).map(|t| t.label.as_str()))
        .collect();
    if names.is_empty() {
        let title = articles
            .first()
            .and_then(|&a| corpus.articles.get(a))
            .map_or("", |a| a.label());
        return (title.to_string(), Vec::new());
    }
    (names.join(" · "), chosen)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dev::rng::Rng;

    #[test]
    fn edges_found_in_chunks_are_those_of_one_walk_in_its_order() {
        // Enough articles for several chunks; topics shared at random,
        // some articles dated far apart.
        let mut rng = Rng::new(11);
        let n = EDGE_CHUNK * 5 + 7;
        let profiles: Vec<Profile> = (0..n)
            .map(|_| {
                let mut p: Profile = (0..rng.between(1, 6))
                    .map(|_| (rng.below(40), 0.2 + rng.below(80) as f32 / 100.0))
                    .collect();
                p.sort_by_key(|&(t, _)| t);
                p.dedup_by_key(|&mut (t, _)| t);
                p
            })
            .collect();
        let days: Vec<Option<i64>> = (0..n)
            .map(|a| (a % 3 != 0).then(|| rng.below(30) as i64))
            .collect();
        let found = edges(&profiles, &days);
        let topics = 40;
        let mut postings: Vec<Vec<usize>> = vec![Vec::new(); topics];
        for (a, p) in profiles.iter().enumerate() {
            for &(t, _) in p {
                postings[t].push(a);
            }
        }
        let (mut met_by, mut dense) = (vec![usize::MAX; n], vec![0f32; topics]);
        let mut one_walk = Vec::new();
        let cap = max_postings(n);
        for a in 0..n {
            edges_of(
                a,
                &profiles,
                &days,
                (&postings, cap),
                &mut met_by,
                &mut dense,
                &mut one_walk,
            );
        }
        assert!(found.len() > n, "{} edges", found.len());
        assert_eq!(found, one_walk);
    }
}
