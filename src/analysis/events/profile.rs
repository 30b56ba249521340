//! What an article is about, for grouping articles into events: its most
//! distinctive names and terms, each weighed (1 + ln count) · ln(1 + N /
//! df) (a topic every article has weighs least, but still ties a corpus
//! of two articles on one story), the vector normalised to length 1 so
//! that a dot product is a cosine.
//!
//! Cost: one pass over the topics' weights; each article keeps at most
//! `PROFILE_TOPICS` entries.

use crate::analysis::topics::{TopicIndex, TopicKind};

/// Most shared topics kept per article: its distinctive vocabulary, not
/// all of it.
pub const PROFILE_TOPICS: usize = 40;

/// One article's profile: (topic, weight) of the topics it shares with
/// another article, sorted by topic, divided by the length of the vector
/// of all its topics (so at most 1 long).
pub type Profile = Vec<(usize, f32)>;

/// The profiles of all `articles` articles (an article without a
/// distinctive topic has an empty profile).
pub fn profiles(index: &TopicIndex, articles: usize) -> Vec<Profile> {
    let mut out: Vec<Profile> = vec![Vec::new(); articles];
    // What the articles say alone counts too: it is what makes two
    // articles that share two words unlike.
    let mut norms: Vec<f32> = vec![0.0; articles];
    let n = articles as f32;
    for (t, topic) in index.topics.iter().enumerate() {
        // Headings are an outlet's wording ("Key takeaways"), not the event.
        if topic.kind == TopicKind::Heading {
            continue;
        }
        let df = topic.weights.len();
        // Smoothed: a topic all articles share still ties them (two
        // articles on one story share everything they name).
        let idf = (1.0 + n / df.max(1) as f32).ln();
        for (a, _) in topic.weights.iter() {
            let count = topic.count(a).max(1) as f32;
            let w = (1.0 + count.ln()) * idf;
            if let (Some(p), Some(norm)) = (out.get_mut(a), norms.get_mut(a)) {
                *norm += w * w;
                if df >= 2 {
                    p.push((t, w));
                }
            }
        }
    }
    for (p, norm) in out.iter_mut().zip(norms) {
        if p.len() > PROFILE_TOPICS {
            p.select_nth_unstable_by(PROFILE_TOPICS, |a, b| b.1.total_cmp(&a.1));
            p.truncate(PROFILE_TOPICS);
        }
        p.sort_unstable_by_key(|&(t, _)| t);
        let norm = norm.sqrt();
        if norm > 0.0 {
            for e in p.iter_mut() {
                e.1 /= norm;
            }
        }
    }
    out
}
