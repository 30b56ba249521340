use super::*;
use crate::corpus::{Article, BlockKind};
use BlockKind::{Boilerplate, Heading, Metadata as Meta, Paragraph};

fn article(id: &str, blocks: &[(BlockKind, &str)]) -> Article {
    Article::of_blocks(id, blocks)
}

fn corpus(articles: Vec<Article>) -> Corpus {
    Corpus {
        articles,
        warnings: Vec::new(),
    }
}

fn run(c: &Corpus, left: usize, right: usize) -> Alignment {
    align(
        c,
        &RelatedIndex::build(c),
        left,
        right,
        &AlignOptions::default(),
    )
}

fn shape(a: &Alignment) -> Vec<(Option<usize>, Option<usize>, RowKind, bool)> {
    a.rows
        .iter()
        .map(|r| (r.left, r.right, r.kind, r.moved))
        .collect()
}

const P1: &str = "Negotiators met for three hours at the air base and agreed to keep a hotline open between the two militaries.";
const P2: &str = "Energy officials discussed pipeline tariffs, liquefied gas exports and the price cap imposed last winter.";
const P3: &str = "Prisoner exchanges were raised by both delegations, with lists of names to be swapped within weeks.";
const P4: &str =
    "European allies asked for written guarantees before any ceasefire line is drawn on a map.";

#[test]
fn a_moved_paragraph_is_paired_and_marked() {
    let c = corpus(vec![
        article(
            "a",
            &[
                (Paragraph, P1),
                (Paragraph, P2),
                (Paragraph, P3),
                (Paragraph, P4),
            ],
        ),
        article(
            "b",
            &[
                (Paragraph, P1),
                (Paragraph, P3),
                (Paragraph, P4),
                (Paragraph, P2),
            ],
        ),
    ]);
    let a = run(&c, 0, 1);
    use RowKind::Identical;
    assert_eq!(
        shape(&a),
        [
            (Some(0), Some(0), Identical, false),
            (Some(1), Some(3), Identical, true),
            (Some(2), Some(1), Identical, false),
            (Some(3), Some(2), Identical, false),
        ]
    );
    assert_eq!(a.moved(), 1);
}

#[test]
fn matching_headings_pair_their_sections_first() {
    // Without the section rule the near-duplicate pair (3, 1) would win the
    // in-order chain and push the related pair (1, 2) out as moved.
    let pz =
        "The delegations released a joint statement on nuclear risk reduction late in the evening.";
    let py = "The delegations released a joint statement on nuclear risk reduction late on Friday evening.";
    let pa =
        "Sanctions on banks and oil exports stay in force until verified progress on the ground.";
    let pa2 =
        "Oil export sanctions and bank restrictions remain in force pending verified progress.";
    let c = corpus(vec![
        article(
            "a",
            &[
                (Heading, "Sanctions Policy"),
                (Paragraph, pa),
                (Heading, "Other"),
                (Paragraph, pz),
            ],
        ),
        article(
            "b",
            &[
                (Heading, "sanctions policy"),
                (Paragraph, py),
                (Paragraph, pa2),
            ],
        ),
    ]);
    let a = run(&c, 0, 1);
    let rows = shape(&a);
    assert_eq!(rows[0], (Some(0), Some(0), RowKind::Near, false));
    assert!(
        rows.contains(&(Some(1), Some(2), RowKind::Related, false)),
        "{rows:?}"
    );
    assert!(
        rows.contains(&(Some(3), Some(1), RowKind::Near, true)),
        "{rows:?}"
    );
}

#[test]
fn metadata_and_boilerplate_are_never_paired_and_headings_stay_with_headings() {
    let c = corpus(vec![
        article(
            "a",
            &[(Meta, "By Staff"), (Heading, P1), (Boilerplate, "Comments")],
        ),
        article(
            "b",
            &[
                (Meta, "By Staff"),
                (Paragraph, P1),
                (Boilerplate, "Comments"),
            ],
        ),
    ]);
    let a = run(&c, 0, 1);
    assert!(
        a.rows.iter().all(|r| !r.kind.is_paired()),
        "{:?}",
        shape(&a)
    );
    assert_eq!(a.rows.len(), 6);
}

#[test]
fn repeats_are_visible_on_both_sides() {
    let c = corpus(vec![article(
        "r",
        &[
            (Paragraph, P1),
            (Paragraph, P2),
            (Paragraph, P1),
            (Meta, "By Staff"),
        ],
    )]);
    let a = run(&c, 0, 0);
    use RowKind::{Identical, LeftOnly, RightOnly};
    assert_eq!(
        shape(&a),
        [
            (Some(0), Some(0), Identical, false),
            (Some(1), Some(1), Identical, false),
            (Some(2), Some(2), Identical, false),
            (Some(3), None, LeftOnly, false),
            (None, Some(3), RightOnly, false),
        ]
    );
    let rep = RepeatOf {
        left: Some(0),
        right: Some(0),
    };
    assert_eq!(a.rows[2].repeat_of, Some(rep));
    assert!(
        a.rows
            .iter()
            .enumerate()
            .all(|(k, r)| (k == 2) == r.repeat_of.is_some())
    );
}

#[test]
fn realigning_from_scores_matches_and_thresholds_change_pairs() {
    let c = corpus(vec![
        article(
            "a",
            &[(
                Paragraph,
                "Oil export sanctions stay in force pending verified progress on the ground.",
            )],
        ),
        article(
            "b",
            &[(
                Paragraph,
                "Sanctions on oil exports remain until progress is verified.",
            )],
        ),
    ]);
    let related = RelatedIndex::build(&c);
    let scores = PairScores::compute(&c, &related, 0, 1);
    let loose = AlignOptions::default();
    let strict = AlignOptions {
        related_min: 0.99,
        ..loose
    };
    assert_eq!(
        align_scores(&scores, &loose).rows,
        align(&c, &related, 0, 1, &loose).rows
    );
    assert_eq!(align_scores(&scores, &loose).count(RowKind::Related), 1);
    let a = align_scores(&scores, &strict);
    assert_eq!(
        (a.count(RowKind::LeftOnly), a.count(RowKind::RightOnly)),
        (1, 1)
    );
}

#[test]
fn empty_and_missing_articles_align_to_nothing() {
    let c = corpus(vec![article("e", &[]), article("f", &[(Paragraph, P1)])]);
    assert!(run(&c, 0, 0).rows.is_empty());
    assert_eq!(
        shape(&run(&c, 0, 1)),
        [(None, Some(0), RowKind::RightOnly, false)]
    );
    assert_eq!(
        shape(&run(&c, 1, 7)),
        [(Some(0), None, RowKind::LeftOnly, false)]
    );
}

/// A paragraph of made-up words from `seed` and one word every paragraph
/// shares: long articles with nothing in common but their filler.
fn filler(seed: usize) -> String {
    const SYL: [&str; 12] = [
        "ka", "lo", "mi", "ren", "sa", "tu", "vel", "zor", "ane", "ide", "om", "pra",
    ];
    (0..14)
        .map(|k| {
            let n = seed * 31 + k * 7;
            format!(
                "{}{}{}",
                SYL[n % 12],
                SYL[(n / 12) % 12],
                SYL[(n / 144) % 12]
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
        + " council."
}

#[test]
fn long_articles_measure_only_likely_pairs_and_still_pair_the_rewrite_and_the_copy() {
    // 260 × 260 paragraphs: past the exact limit, so only each block's
    // likely partners are measured.
    let mut left: Vec<(BlockKind, String)> = (0..260).map(|k| (Paragraph, filler(k))).collect();
    let mut right: Vec<(BlockKind, String)> =
        (0..260).map(|k| (Paragraph, filler(1000 + k))).collect();
    left[40].1 =
        "They're asking the council to reopen the bridge, Mayor Jane Roe said on Monday.".into();
    right[200].1 = "They are asking the council to reopen the old bridge, said Ms. Roe.".into();
    left[100].1 = P1.into();
    right[7].1 = P1.into();
    let as_refs = |v: &[(BlockKind, String)]| -> Vec<(BlockKind, String)> { v.to_vec() };
    let (l, r) = (as_refs(&left), as_refs(&right));
    let l: Vec<(BlockKind, &str)> = l.iter().map(|(k, t)| (*k, t.as_str())).collect();
    let r: Vec<(BlockKind, &str)> = r.iter().map(|(k, t)| (*k, t.as_str())).collect();
    let c = corpus(vec![article("a", &l), article("b", &r)]);
    let scores = PairScores::compute(&c, &RelatedIndex::build(&c), 0, 1);
    let count = scores.measured();
    assert!(
        count <= 2 * 260 * 16 + 260,
        "at most each block's likely partners, not all 67,600 pairs: {count}"
    );
    let a = align_scores(&scores, &AlignOptions::default());
    let paired = |i: usize, j: usize| {
        a.rows
            .iter()
            .any(|row| row.left == Some(i) && row.right == Some(j) && row.kind.is_paired())
    };
    assert!(paired(100, 7), "the copied paragraph");
    assert!(paired(40, 200), "the rewritten sentence");
}

#[test]
fn long_articles_measure_the_pairs_the_exhaustive_search_pairs() {
    // Synthetic coverage past the exact limit: copied, edited and
    // truncated paragraphs, stock phrases and subheadings.
    let c = super::candidates::tests::long_pair(12, 3);
    let related = RelatedIndex::build(&c);
    let fast = PairScores::compute(&c, &related, 0, 1);
    let all = PairScores::compute_exhaustive(&c, &related);
    let compatible = (0..fast.left_len())
        .flat_map(|i| (0..fast.right_len()).map(move |j| (i, j)))
        .filter(|&(i, j)| fast.can_pair(i, j))
        .count();
    assert!(compatible > super::candidates::EXACT_PAIRS, "{compatible}");
    assert!(
        fast.measured() * 4 < all.measured(),
        "{} of {} pairs kept",
        fast.measured(),
        all.measured()
    );
    let opts = AlignOptions::default();
    let exhaustive = align_scores(&all, &opts);
    let long = align_scores(&fast, &opts);
    let mut missed = Vec::new();
    for row in exhaustive.rows.iter().filter(|r| r.kind.is_paired()) {
        let (i, j) = (row.left.unwrap(), row.right.unwrap());
        // Every pair the exhaustive search makes is measured, to the bit.
        if fast.judge(i, j, &opts) != all.judge(i, j, &opts) {
            missed.push((i, j, row.kind));
        }
    }
    assert!(missed.is_empty(), "not measured: {missed:?}");
    let copies = |a: &Alignment| {
        a.rows
            .iter()
            .filter(|r| matches!(r.kind, RowKind::Identical | RowKind::Near))
            .map(|r| (r.left, r.right, r.kind))
            .collect::<Vec<_>>()
    };
    assert!(!copies(&exhaustive).is_empty());
    assert_eq!(copies(&long), copies(&exhaustive), "every copy pairs");
}

#[test]
fn repeat_shingles_are_the_reference_shingles_of_pairable_blocks() {
    let c = crate::corpus::load_builtin();
    for a in &c.articles {
        let roles: Vec<Role> = a.blocks.iter().map(|b| Role::of(b.kind)).collect();
        let got = scores::shingles_of(&a.blocks, &roles);
        for ((b, role), got) in a.blocks.iter().zip(&roles).zip(&got) {
            let want = match role {
                Role::Unpaired => Vec::new(),
                _ => crate::analysis::shingle::shingles(&b.text),
            };
            assert_eq!(got, &want, "{:?}", b.text);
        }
    }
}

/// A one-line quote block found whole in a paragraph is copied text, but
/// it does not outrank the paragraph that reports the same thing around
/// its other quote: that one is the row, the quote block at most an `also`.
#[test]
fn an_excerpt_does_not_outrank_the_paragraph_that_makes_the_point() {
    const FIRST: &str = "We moved the families early because the smoke drifted toward the school and the depot stored solvents";
    const SECOND: &str = "Nobody was injured and we intend to keep it that way";
    let c = corpus(vec![
        article(
            "wire",
            &[(
                Paragraph,
                &format!("\"{FIRST},\" said Ruth Okafor, the station commander. \"{SECOND}.\""),
            )],
        ),
        article(
            "local",
            &[
                (
                    Paragraph,
                    &format!(
                        "Station commander Ruth Okafor defended the decision to clear the \
                         streets on Tuesday, telling residents at a packed meeting in the \
                         parish hall that crews had weighed the wind, the traffic and the \
                         late hour before acting. \"{FIRST},\" she said."
                    ),
                ),
                (BlockKind::Quote, &format!("{SECOND}.")),
            ],
        ),
    ]);
    let a = run(&c, 0, 1);
    let paired: Vec<(usize, usize)> = a
        .rows
        .iter()
        .filter_map(|r| Some((r.left?, r.right?)))
        .collect();
    assert_eq!(paired, [(0, 0)], "{:?}", shape(&a));
}
