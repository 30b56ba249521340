//! How well a topic tells articles apart: the rank of the coverage matrix
//! and of term topics in the palette.
//!
//! A word about something in particular comes in bursts: the articles on
//! that story use it again and again, the rest not at all. A word about
//! nothing in particular ("told", "including") is spread over many
//! articles, a use or two each, as chance would spread it. Residual IDF
//! (Church and Gale) measures the difference: the IDF observed, less the
//! IDF a Poisson spread of the same number of uses would give. It is
//! about 0 for words spread by chance and grows with burstiness
//! ("caravan" in the five articles on the caravan: about 3 bits).
//!
//! A term's score is its salience (summed per-article (1 + ln uses) ·
//! ln(1 + N / df)) times (`FLOOR` + residual IDF) on corpora of
//! `SPREAD_FROM` articles or more, where bursts win; smaller corpora (one
//! event, everything shared by most articles) blend towards salience
//! alone, as their few articles say little about spread.
//! Cost: constant per topic, from counts already made.

use super::topic::{Topic, TopicKind};

/// What a term spread evenly over the articles keeps of its salience.
const FLOOR: f32 = 0.5;
/// Corpora at least this large have enough articles for a spread to mean
/// something: a term in a tenth or more of them with almost no burst is
/// background there, not a topic.
const SPREAD_FROM: usize = 50;
const BACKGROUND_RIDF: f32 = 0.2;

/// Residual IDF in bits of a term used `total` times in `df` of
/// `articles` articles (0 or more).
pub fn residual_idf(total: f32, df: usize, articles: usize) -> f32 {
    if df == 0 || articles == 0 {
        return 0.0;
    }
    let n = articles as f32;
    let observed = (n / df as f32).log2();
    let expected_df = n * (1.0 - (-total / n).exp());
    let expected = (n / expected_df.max(f32::MIN_POSITIVE)).log2();
    (observed - expected).max(0.0)
}

/// Total uses of a topic, from its weights (weight × peak = amount).
fn total(t: &Topic) -> f32 {
    t.weights.iter().map(|(_, w)| w * t.coverage.peak).sum()
}

/// Score a term topic (see the module docs); false when it is background
/// in a large corpus.
pub fn score_term(t: &mut Topic, articles: usize) -> bool {
    let df = t.weights.len();
    let ridf = residual_idf(total(t), df, articles);
    if articles >= SPREAD_FROM && df * 10 >= articles && ridf < BACKGROUND_RIDF {
        return false;
    }
    // A corpus too small to show a spread keeps (about) salience.
    let trust = (articles as f32 / SPREAD_FROM as f32).min(1.0);
    t.coverage.score *= 1.0 - (1.0 - FLOOR) * trust + ridf * trust;
    true
}

/// A heading's score: like salience, counting the blocks of its section in
/// each article (not its words: a long section is no more a topic).
pub fn score_heading(t: &mut Topic, articles: usize) {
    debug_assert_eq!(t.kind, TopicKind::Heading);
    let df = t.weights.len();
    if df == 0 {
        return;
    }
    let idf = (1.0 + articles as f32 / df as f32).ln();
    let weights: Vec<usize> = t.weights.iter().map(|(a, _)| a).collect();
    t.coverage.score = weights
        .into_iter()
        .map(|a| 1.0 + (t.occurrences_in(a).count().max(1) as f32).ln())
        .sum::<f32>()
        * idf;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bursts_score_high_and_chance_spreads_near_zero() {
        // 50 articles: "caravan" 56 uses in 5, "told" 52 in 22, "part" 34 in 25.
        let caravan = residual_idf(56.0, 5, 50);
        let told = residual_idf(52.0, 22, 50);
        let part = residual_idf(34.0, 25, 50);
        assert!(caravan > 2.0, "{caravan}");
        assert!(told < 0.7, "{told}");
        assert!(part < 0.1, "{part}");
        assert_eq!(residual_idf(3.0, 0, 50), 0.0);
    }
}
