//! What an article is about, for grouping articles into events: its most
//! distinctive names and terms, each weighed (1 + ln count) · ln(1 + N /
//! df) (a topic every article has weighs least, but still ties a corpus
//! of two articles on one story), the vector normalised to length 1 so
//! that a dot product is a cosine.
//!
//! Cost: two passes over the topics' weights (count, then fill); each
//! article keeps at most `PROFILE_TOPICS` entries.

use crate::analysis::topics::{TopicIndex, TopicKind};
use std::ops::Range;

/// Most shared topics kept per article: its distinctive vocabulary, not
/// all of it.
pub const PROFILE_TOPICS: usize = 40;

/// One article's profile: (topic, weight) of the topics it shares with
/// another article, sorted by topic, divided by the length of the vector
/// of all its topics (so at most 1 long).
pub type Profile = Vec<(usize, f32)>;

/// Articles whose profiles are gathered at a time: an article's list
/// holds every topic it shares (hundreds) until it is cut to
/// `PROFILE_TOPICS`, and all of them at once were the analysis's largest
/// transient (about 80 MiB on 10,000 articles).
const ARTICLES_AT_A_TIME: usize = 1024;

/// The profiles of all `articles` articles (an article without a
/// distinctive topic has an empty profile).
pub fn profiles(index: &TopicIndex, articles: usize) -> Vec<Profile> {
    profiles_by(index, articles, ARTICLES_AT_A_TIME)
}

/// [`profiles`], gathered `at_a_time` articles at a time. The groups are
/// made on the pool, one per worker at a time (each group walks every
/// topic, so the walks are shared out, not the topics).
fn profiles_by(index: &TopicIndex, articles: usize, at_a_time: usize) -> Vec<Profile> {
    let at_a_time = at_a_time.max(1);
    let groups = articles.div_ceil(at_a_time);
    let made = crate::parallel::map_chunks(groups, 1, |gs| {
        let mut out: Vec<Profile> = Vec::new();
        for g in gs {
            let first = g * at_a_time;
            profiles_of(
                index,
                articles,
                first..articles.min(first + at_a_time),
                &mut out,
            );
        }
        out
    });
    let mut out: Vec<Profile> = Vec::with_capacity(articles);
    for part in made {
        out.extend(part);
    }
    out
}

/// Push the profiles of the articles `some` of `articles` to `out`. Each
/// article's topics are met in topic order, as one walk over all articles
/// meets them, so its profile is the same. They are gathered in one flat
/// list, counted first: lists grown one per article and cut leave the
/// heap in pieces the next articles' lists do not fit in.
fn profiles_of(index: &TopicIndex, articles: usize, some: Range<usize>, out: &mut Vec<Profile>) {
    let n = articles as f32;
    // Headings are an outlet's wording ("Key takeaways"), not the event.
    let counted = || {
        index
            .topics
            .iter()
            .enumerate()
            .filter(|(_, topic)| topic.kind != TopicKind::Heading)
    };
    // Where each article's list starts in `shared` (one extra at the end).
    let mut starts = vec![0usize; some.len() + 1];
    for (_, topic) in counted().filter(|(_, topic)| topic.weights.len() >= 2) {
        for (a, _) in topic.weights.in_range(some.clone()) {
            starts[a - some.start + 1] += 1;
        }
    }
    for k in 1..starts.len() {
        starts[k] += starts[k - 1];
    }
    let mut shared: Vec<(usize, f32)> = vec![(0, 0.0); starts[some.len()]];
    let mut filled = starts.clone();
    // What the articles say alone counts too: it is what makes two
    // articles that share two words unlike.
    let mut norms: Vec<f32> = vec![0.0; some.len()];
    for (t, topic) in counted() {
        let df = topic.weights.len();
        // Smoothed: a topic all articles share still ties them (two
        // articles on one story share everything they name).
        let idf = (1.0 + n / df.max(1) as f32).ln();
        for (a, _) in topic.weights.in_range(some.clone()) {
            let count = topic.count(a).max(1) as f32;
            let w = (1.0 + count.ln()) * idf;
            let at = a - some.start;
            norms[at] += w * w;
            if df >= 2 {
                shared[filled[at]] = (t, w);
                filled[at] += 1;
            }
        }
    }
    for (at, norm) in norms.into_iter().enumerate() {
        let p = &mut shared[starts[at]..starts[at + 1]];
        let p = if p.len() > PROFILE_TOPICS {
            p.select_nth_unstable_by(PROFILE_TOPICS, |a, b| b.1.total_cmp(&a.1));
            &mut p[..PROFILE_TOPICS]
        } else {
            p
        };
        p.sort_unstable_by_key(|&(t, _)| t);
        let norm = norm.sqrt();
        if norm > 0.0 {
            for e in p.iter_mut() {
                e.1 /= norm;
            }
        }
        out.push(p.to_vec());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::topics::build_topics;

    #[test]
    fn profiles_gathered_in_parts_are_those_gathered_at_once() {
        let dir = tempfile::tempdir().expect("temp dir");
        let corpus = crate::dev::synth::write_corpus(dir.path(), 60, 4)
            .expect("generate")
            .1;
        let index = build_topics(&corpus);
        let n = corpus.articles.len();
        let once = profiles_by(&index, n, n);
        assert!(once.iter().any(|p| p.len() == PROFILE_TOPICS));
        for at_a_time in [1, 7, 59] {
            assert_eq!(profiles_by(&index, n, at_a_time), once, "{at_a_time}");
        }
    }
}
