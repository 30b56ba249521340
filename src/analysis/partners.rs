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
            let similarity = scores.probability(i, j);
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

#[cfg(test)]
mod tests {
    use super::*;
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
}
