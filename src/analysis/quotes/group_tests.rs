//! How quotes group across articles.

use super::super::bound::score;
use super::*;
use crate::corpus::BlockRef;

fn quote(article: usize, text: &str, speaker: Option<&str>) -> Quote {
    Quote::whole_block(article, text, speaker)
}

fn seq(s: &str) -> Vec<u32> {
    interned(&[quote(0, s, None)]).remove(0)
}

#[test]
fn scores_follow_the_documented_rule() {
    let ids =
        |texts: &[&str]| interned(&texts.iter().map(|t| quote(0, t, None)).collect::<Vec<_>>());
    let s = ids(&["a b c d e", "x a b c d e y", "a b Q d e", "a b c d e f"]);
    assert_eq!(score(&s[0], &s[1]), 1.0);
    assert_eq!(score(&s[0], &s[2]), 0.8);
    assert!((score(&s[0], &s[3]) - 1.0).abs() < 1e-9);
    // The counter-example to a lower threshold: no shared bigram.
    let t = ids(&["a p b c", "a b q c"]);
    assert_eq!(score(&t[0], &t[1]), 0.75);
    assert_eq!(score(&seq("a"), &seq("")), 0.0);
}

#[test]
fn one_phrase_in_two_statements_does_not_merge_them() {
    let groups = group_quotes(vec![
        quote(
            0,
            "We will not back down, and we will defend every farm in this country",
            Some("Roe"),
        ),
        quote(1, "we will not back down", Some("Roe")),
        quote(
            2,
            "Our answer is clear: we will not back down from the border talks",
            Some("Roe"),
        ),
    ]);
    assert_eq!(groups.len(), 2, "{groups:#?}");
    assert!(groups.iter().all(|g| !g.altered()));
}

#[test]
fn a_part_of_a_longer_wording_in_another_article_joins_its_group() {
    // Article 0 splits the statement over two paragraphs, article 1
    // runs the halves together, article 2 rewords it (the anchor,
    // which the first half alone matches too poorly).
    let first = "The harbour board will pay for every day of this repair,";
    let split = vec![
        quote(0, first, Some("Roe")),
        quote(
            0,
            "And it will explain why the old crane was still in use at all.",
            Some("Roe"),
        ),
        quote(
            1,
            "The harbour board will pay for every day of this repair … and it will explain why the old crane was still in use,",
            Some("Roe"),
        ),
        quote(
            2,
            "The port authority will pay for each day of this repair, and it will explain why the old crane was still in use at all,",
            Some("Roe"),
        ),
    ];
    let groups = group_quotes(split.clone());
    assert_eq!(groups.len(), 1, "{groups:#?}");
    let g = &groups[0];
    assert_eq!(g.articles(), 3);
    let part = g.quotes.iter().position(|q| q.text == first).unwrap();
    assert_eq!(g.variants[part], Variant::Trimmed);
    // Only another article's wording takes a part: with the
    // run-together copy in the same article, the half stays apart.
    let mut same = split;
    same.remove(1);
    same[1].at = BlockRef::new(0, 1);
    assert_eq!(group_quotes(same).len(), 2);
}

#[test]
fn a_few_words_join_the_one_longer_wording_of_the_same_speaker() {
    let long = "This is a painful but necessary step for the harbour";
    let groups = |short_speaker: Option<&str>, more: &[&str]| {
        let mut quotes = vec![
            quote(0, long, Some("Jo Roe")),
            quote(1, "painful but necessary", short_speaker),
        ];
        for (k, t) in more.iter().enumerate() {
            quotes.push(quote(2 + k, t, Some("Roe")));
        }
        group_quotes(quotes).len()
    };
    assert_eq!(groups(Some("Roe"), &[]), 1, "a run of it, her words");
    assert_eq!(groups(Some("Tom Hale"), &[]), 2, "another speaker's");
    assert_eq!(groups(None, &[]), 2, "no speaker to agree");
    // Two different statements of hers hold it: which one is not
    // known, so neither.
    let other = "It was painful but necessary to close the old crane yard";
    assert_eq!(groups(Some("Roe"), &[other]), 3);
    // Not word for word: apart.
    let mut apart = vec![quote(0, long, Some("Roe"))];
    apart.push(quote(1, "painful and necessary", Some("Roe")));
    assert_eq!(group_quotes(apart).len(), 2);
}

#[test]
fn the_reference_is_the_majority_wording_else_the_closest_to_the_others() {
    let reference = |texts: &[&str]| {
        let quotes = texts.iter().enumerate().map(|(a, t)| quote(a, t, None));
        let groups = group_quotes(quotes.collect());
        assert_eq!(groups.len(), 1, "{groups:#?}");
        groups[0].text().to_string()
    };
    let will = "We will close the Dunmore plant by the end of March next year";
    let may = "We may close the Dunmore plant by the end of March next year";
    let not = "We will not close the Dunmore plant by the end of March next year";
    // No majority: the wording the others differ from least.
    assert_eq!(reference(&[not, may, will]), will);
    assert_eq!(reference(&[may, not, will]), will);
    // A majority wins, even the longest.
    assert_eq!(reference(&[not, will, not, may]), not);
    // A full quote beside a trimmed copy is no further from it.
    let trimmed = "We will close the Dunmore plant by the end of March";
    assert_eq!(reference(&[trimmed, will]), will);
    // Two wordings equally apart: the earliest.
    assert_eq!(reference(&[may, will]), may);
    assert_eq!(reference(&[will, may]), will);
}

#[test]
fn an_altered_wording_of_someone_else_stays_apart() {
    // Two people's sentences sharing four words in five.
    let his = "Because this is a deal with decayed foundations. It's a bad deal.";
    let quotes = |other: Option<&str>| {
        vec![
            quote(0, his, Some("Trump")),
            quote(
                1,
                "this is a deal with decayed foundations",
                Some("Donald Trump"),
            ),
            quote(2, "This is a terrible deal,", other),
        ]
    };
    let groups = group_quotes(quotes(Some("Benjamin Netanyahu")));
    assert_eq!(groups.len(), 2, "{groups:#?}");
    assert_eq!(groups[0].speaker.as_deref(), Some("Donald Trump"));
    assert!(!groups[0].altered());
    // Credited to no one, or to the same man, it is his altered.
    assert_eq!(group_quotes(quotes(None)).len(), 1);
    assert_eq!(group_quotes(quotes(Some("Mr. Trump"))).len(), 1);
    // Word for word, it is the same words whoever an article credits.
    let mut copied = quotes(Some("Benjamin Netanyahu"));
    copied[2].text = "this is a deal with decayed foundations".into();
    assert_eq!(group_quotes(copied).len(), 1);
}

#[test]
fn the_speaker_is_the_most_named() {
    let groups = group_quotes(vec![
        quote(0, "the talks will go on next week", Some("Roe")),
        quote(1, "the talks will go on next week", Some("Jane Roe")),
        quote(2, "The talks will go on next week.", Some("Jane Roe")),
        quote(3, "the talks will go on next week", None),
    ]);
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].speaker.as_deref(), Some("Jane Roe"));
    assert_eq!(groups[0].articles(), 4);
}

#[test]
fn words_cut_from_inside_a_quote_are_that_quote_altered() {
    let groups = group_quotes(vec![
        quote(
            0,
            "We have checked every cable and every bolt twice.",
            Some("Ana Ruiz"),
        ),
        quote(1, "We have checked every cable twice.", Some("Ana Ruiz")),
        // Words added inside, another outlet's way.
        quote(
            2,
            "We have checked every single cable and every bolt twice.",
            None,
        ),
    ]);
    assert_eq!(groups.len(), 1, "{groups:#?}");
    assert!(groups[0].altered());
    assert_eq!(
        groups[0]
            .variants
            .iter()
            .filter(|&&v| v == Variant::Altered)
            .count(),
        2
    );
}

#[test]
fn a_cut_inside_keeps_every_word_in_few_runs() {
    let ids =
        |texts: &[&str]| interned(&texts.iter().map(|t| quote(0, t, None)).collect::<Vec<_>>());
    let cut = |a: &str, b: &str| {
        let s = ids(&[a, b]);
        Overlap::of(&s[0], &s[1]).cut_inside()
    };
    assert!(cut("a b c d e f", "a b c x y z d e f"));
    // A word of the shorter changed: not a cut (the score judges it).
    assert!(!cut("a b c q e f", "a b c x y z d e f"));
    // Four words only: too few to tell a cut from a shared phrase.
    assert!(!cut("a b e f", "a b c d e f"));
    // Words spread thin through the longer, or in more than three runs.
    assert!(!cut("a b c d e", "a b x y z w c d u v s t e"));
    assert!(!cut("a b c d e f", "a b x c y d z e f"));
}
