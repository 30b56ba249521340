//! A block's likeliest partners in the other article of a pair, best
//! first, whatever the pairing threshold.
//!
//! The alignment pairs each block at most once and only above the
//! threshold; rewritten coverage often makes a point in words that score
//! under it, or makes it twice. A reader who asks "where does the other
//! outlet say this?" is served better by the few likeliest candidates with
//! their evidence than by a row that stays empty: on held-out real
//! coverage the likeliest partner is a same-point block about three times
//! in five, and one of the first three about four times in five, where the
//! one-to-one rows find about one in five (BENCHMARKS.md, "A block's
//! likeliest partners").

use crate::analysis::align::PairScores;
use crate::analysis::events::Events;
use crate::analysis::evidence::Explanation;
use crate::analysis::pair::PairComparison;
use crate::analysis::related::RelatedIndex;
use crate::analysis::threshold::Threshold;
use crate::corpus::{BlockRef, Corpus};

/// The most articles [`elsewhere`] compares a block with: each costs a
/// pair comparison (about 10 ms for two 60-paragraph articles), and a
/// key press must stay quick.
pub const ELSEWHERE_MAX: usize = 32;

/// Which article of the pair a block belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PairSide {
    Left,
    Right,
}

impl PairSide {
    pub fn other(self) -> PairSide {
        match self {
            PairSide::Left => PairSide::Right,
            PairSide::Right => PairSide::Left,
        }
    }
}

/// A candidate partner: a block of the other article and how surely the
/// two make the same point (the scale of every row's `similarity`).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Partner {
    pub block: usize,
    pub similarity: f64,
}

/// Up to `k` blocks of the other article that block `block` of `side` may
/// pair with and shares something with, most probable first (ties: the
/// earlier block first).
pub fn partners(scores: &PairScores, side: PairSide, block: usize, k: usize) -> Vec<Partner> {
    let others = match side {
        PairSide::Left => scores.right_len(),
        PairSide::Right => scores.left_len(),
    };
    let mut out: Vec<Partner> = (0..others)
        .filter_map(|other| {
            let (i, j) = match side {
                PairSide::Left => (block, other),
                PairSide::Right => (other, block),
            };
            let similarity = scores.similarity(i, j);
            (similarity > 0.0 && scores.can_pair(i, j)).then_some(Partner {
                block: other,
                similarity,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.similarity
            .total_cmp(&a.similarity)
            .then(a.block.cmp(&b.block))
    });
    out.truncate(k);
    out
}

/// Another article's likeliest block for a paragraph: "where does this
/// outlet make the point?".
#[derive(Debug, Clone, PartialEq)]
pub struct Elsewhere {
    pub article: usize,
    /// Its likeliest block; `None` when no block of it shares a word.
    pub partner: Option<Partner>,
    /// The alignment of the two articles at the threshold given pairs the
    /// two blocks (the compare view shows them in one row).
    pub paired: bool,
    /// What the two share, in their own words (with a partner).
    pub explanation: Option<Explanation>,
}

/// For block `at`, the likeliest block of each other article of its event
/// (of every article when events are unknown), most likely first, then
/// the articles sharing nothing; at most [`ELSEWHERE_MAX`] articles, the
/// nearest in corpus order. Also how many articles there were to compare.
pub fn elsewhere(
    corpus: &Corpus,
    related: &RelatedIndex,
    events: &Events,
    at: BlockRef,
    threshold: Threshold,
) -> (Vec<Elsewhere>, usize) {
    let members: Vec<usize> = match events.of(at.article).and_then(|e| events.get(e)) {
        Some(event) => event.articles.clone(),
        None => (0..corpus.articles.len()).collect(),
    };
    let mut others: Vec<usize> = members.into_iter().filter(|&a| a != at.article).collect();
    let total = others.len();
    // The nearest in corpus order: files of one story are often named
    // and listed together.
    others.sort_by_key(|&a| (a.abs_diff(at.article), a));
    others.truncate(ELSEWHERE_MAX);
    let mut rows: Vec<Elsewhere> = others
        .into_iter()
        .map(|other| {
            let pair = PairComparison::new(corpus, related, at.article, other);
            let partner = partners(&pair.scores, PairSide::Left, at.block, 1)
                .into_iter()
                .next();
            let paired = partner.is_some_and(|p| {
                let pairs = pair.align(threshold).pairs();
                pairs.contains(&(at.block, p.block))
            });
            let explanation =
                partner.map(|p| pair.pair_evidence(corpus, at.block, p.block).explanation);
            Elsewhere {
                article: other,
                partner,
                paired,
                explanation,
            }
        })
        .collect();
    let key = |r: &Elsewhere| r.partner.map_or(-1.0, |p| p.similarity);
    rows.sort_by(|a, b| key(b).total_cmp(&key(a)).then(a.article.cmp(&b.article)));
    (rows, total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::align::{AlignOptions, RowKind};
    use crate::analysis::related::RelatedIndex;
    use crate::corpus::{Article, Block, BlockKind, Corpus, Metadata};

    fn article(id: &str, paragraphs: &[&str]) -> Article {
        Article {
            id: id.into(),
            path: None,
            meta: Metadata::default(),
            blocks: paragraphs
                .iter()
                .map(|t| Block {
                    kind: BlockKind::Paragraph,
                    text: (*t).into(),
                    reason: None,
                    line: 1,
                })
                .collect(),
            hidden_chars: 0,
        }
    }

    fn scores() -> PairScores {
        let corpus = Corpus {
            articles: vec![
                article(
                    "a",
                    &[
                        "The governor signed the flood relief bill on Tuesday after weeks of talks.",
                        "Farmers in the valley said the storm ruined most of the wheat harvest.",
                    ],
                ),
                article(
                    "b",
                    &[
                        "Wheat growers across the valley lost most of their crop to the storm.",
                        "A museum of modern art opened downtown with a show of local painters.",
                        "On Tuesday the governor put his signature on the flood relief measure.",
                    ],
                ),
            ],
            ..Corpus::default()
        };
        let related = RelatedIndex::build(&corpus);
        PairScores::compute(&corpus, &related, 0, 1)
    }

    #[test]
    fn the_block_making_the_same_point_comes_first_on_either_side() {
        let s = scores();
        let of_left = partners(&s, PairSide::Left, 0, 3);
        assert_eq!(of_left.first().map(|p| p.block), Some(2), "{of_left:?}");
        let of_right = partners(&s, PairSide::Right, 0, 3);
        assert_eq!(of_right.first().map(|p| p.block), Some(1), "{of_right:?}");
    }

    #[test]
    fn partners_are_ranked_capped_and_share_something() {
        let s = scores();
        let all = partners(&s, PairSide::Left, 1, 10);
        assert!(all.windows(2).all(|w| w[0].similarity >= w[1].similarity));
        assert!(all.iter().all(|p| p.similarity > 0.0));
        assert_eq!(partners(&s, PairSide::Left, 1, 1).len(), 1.min(all.len()));
        // The art museum shares nothing with the farmers' paragraph.
        assert!(all.iter().all(|p| p.block != 1), "{all:?}");
        // A block out of range has none.
        assert!(partners(&s, PairSide::Left, 9, 3).is_empty());
    }

    /// A paragraph cut short by a sentence is copied text, but not
    /// identical: its row does not read 1.00, and the partner line and
    /// elsewhere give the row's own figure.
    #[test]
    fn a_shortened_copy_reads_one_figure_below_identical_everywhere() {
        let kept = "Negotiators met for three hours at the air base and agreed to keep a \
                    hotline open between the two militaries, officials said on Friday.";
        let cut = "Energy officials also discussed pipeline tariffs and gas exports.";
        let corpus = Corpus {
            articles: vec![
                article("a", &[&format!("{kept} {cut}")]),
                article("b", &[kept]),
            ],
            ..Corpus::default()
        };
        let related = RelatedIndex::build(&corpus);
        let s = PairScores::compute(&corpus, &related, 0, 1);
        let a = crate::analysis::align::align_scores(&s, &AlignOptions::default());
        let row = a.rows.iter().find(|r| r.left == Some(0)).unwrap();
        assert_eq!((row.right, row.kind), (Some(0), RowKind::Near), "{row:?}");
        assert!(row.similarity < 1.0, "{row:?}");
        let partner = partners(&s, PairSide::Left, 0, 1)[0];
        assert_eq!(partner.similarity, row.similarity);
    }

    #[test]
    fn elsewhere_ranks_each_other_article_by_its_likeliest_block() {
        let corpus = crate::corpus::load_builtin();
        let related = RelatedIndex::build(&corpus);
        let events = Events::default();
        // A paragraph of 000 with partners in the other four articles.
        let at = BlockRef::new(0, 24);
        let (rows, total) = elsewhere(&corpus, &related, &events, at, Threshold::DEFAULT);
        assert_eq!(total, corpus.articles.len() - 1);
        assert_eq!(rows.len(), total);
        assert!(rows.iter().all(|r| r.article != 0));
        let sims: Vec<f64> = rows
            .iter()
            .map(|r| r.partner.map_or(-1.0, |p| p.similarity))
            .collect();
        assert!(sims.windows(2).all(|w| w[0] >= w[1]), "{sims:?}");
        for r in &rows {
            // Each row's partner is the pair comparison's first partner.
            let scores = PairScores::compute(&corpus, &related, 0, r.article);
            let first = partners(&scores, PairSide::Left, 24, 1).first().copied();
            assert_eq!(r.partner, first);
        }
        // The pair the compare view of 000 ⇄ 002 opens on is paired there.
        let two = rows.iter().find(|r| r.article == 2).unwrap();
        assert!(two.paired, "{two:?}");
    }
}
