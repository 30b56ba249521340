//! What a reader is shown of why two blocks pair.

use super::*;
use crate::analysis::related::RelatedIndex;
use crate::corpus::{Article, BlockKind, Corpus};

fn explain(left: &str, right: &str) -> Explanation {
    let corpus = Corpus {
        articles: vec![
            Article::of_blocks("l", &[(BlockKind::Paragraph, left)]),
            Article::of_blocks("r", &[(BlockKind::Paragraph, right)]),
        ],
        warnings: Vec::new(),
    };
    let related = RelatedIndex::build(&corpus);
    PairEvidence::build(&corpus, &related, 0, 1).explain(0, 0, left, right)
}

#[test]
fn a_changed_figure_and_a_negation_are_shown_first() {
    let e = explain(
        "The port lost 38 ships on Monday, officials said.",
        "Officials said the port did not lose 39 ships on Monday.",
    );
    assert_eq!(
        e.numbers_differ,
        Some(NumbersDiffer {
            left: vec!["38".into()],
            right: vec!["39".into()]
        })
    );
    assert_eq!(e.negated_only_by, Some(Side::Right));
    assert!(
        e.summary()
            .starts_with("differs: 38 ≠ 39; only the right negates · "),
        "{}",
        e.summary()
    );
    // The same figures, no negation: nothing differs.
    let same = explain("It lost 38 ships.", "38 ships were lost.");
    assert_eq!((same.numbers_differ, same.negated_only_by), (None, None));
    // A number only one side writes is a detail it adds, not a
    // difference: the lead of a strike told with and without its hour.
    let added = explain(
        "About 1,400 dockworkers walked out at 6 a.m. in the first strike since 1989.",
        "Some 1,400 dockworkers walked out, the first strike since 1989, for eleven weeks.",
    );
    assert_eq!(added.numbers_differ, None);
    // Only the quantity that differs is shown, not the shared ones.
    let one = explain(
        "In 2025, 38 ships waited and 1,400 dockworkers struck.",
        "In 2025, 39 ships waited and 1,400 dockworkers struck.",
    );
    assert_eq!(
        one.numbers_differ,
        Some(NumbersDiffer {
            left: vec!["38".into()],
            right: vec!["39".into()]
        })
    );
}

#[test]
fn long_numbers_are_grouped_for_reading() {
    assert_eq!(readable_number("3200000"), "3,200,000");
    assert_eq!(readable_number("2025"), "2025");
    assert_eq!(readable_number("3.5"), "3.5");
    assert_eq!(readable_number("A614"), "A614");
}

#[test]
fn a_negation_counts_only_where_the_two_meet() {
    // The shared fact is stated alike; the left goes on to a sentence of
    // its own that negates: the two do not differ on what they share.
    let shared = explain(
        "Trump said the United States was in direct talks with North Korea at extremely high levels. Aides said Trump himself has not spoken with Kim.",
        "The United States is in direct talks with North Korea at extremely high levels, Trump told reporters.",
    );
    assert_eq!(shared.negated_only_by, None, "{}", shared.summary());
    // The negation inside the matching sentence is a difference.
    let denied = explain(
        "Trump said the United States was not in direct talks with North Korea. The White House declined to comment.",
        "The United States is in direct talks with North Korea, Trump told reporters.",
    );
    assert_eq!(
        denied.negated_only_by,
        Some(Side::Left),
        "{}",
        denied.summary()
    );
}
