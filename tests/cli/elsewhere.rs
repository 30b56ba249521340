//! `parallax elsewhere ARTICLE BLOCK`: one paragraph's likeliest block in
//! every other article of its event, as text and JSON, the same as the
//! analysis ranks them; bad input is one line and exit code 2.

use crate::support::run::{self, Ran};
use parallax::analysis::align::PairScores;
use parallax::analysis::partners::{PairSide, partners};
use parallax::analysis::related::RelatedIndex;
use parallax::corpus;
use serde_json::Value;

fn parallax(args: &[&str]) -> Ran {
    run::plain(args)
}

fn json(args: &[&str]) -> Value {
    run::plain_json(args)
}

#[test]
fn json_names_each_other_article_and_its_likeliest_block_best_first() {
    let c = corpus::load_builtin();
    let related = RelatedIndex::build(&c);
    let a = c.resolve("000").unwrap();
    let doc = json(&["elsewhere", "000", "26", "--json"]);
    for key in ["article", "block", "text", "compared", "of", "rows"] {
        assert!(doc.get(key).is_some(), "{key} in {doc}");
    }
    assert_eq!(doc["block"], 26);
    assert_eq!(doc["text"], c.articles[a].blocks[26].text.as_str());
    let rows = doc["rows"].as_array().unwrap();
    assert_eq!(rows.len(), c.articles.len() - 1);
    assert_eq!(doc["compared"], rows.len());
    let mut last = f64::INFINITY;
    for row in rows {
        for key in [
            "article",
            "block",
            "similarity",
            "paired",
            "text",
            "evidence",
        ] {
            assert!(row.get(key).is_some(), "{key} in {row}");
        }
        let other = c.resolve(row["article"].as_str().unwrap()).unwrap();
        assert_ne!(other, a);
        let scores = PairScores::compute(&c, &related, a, other);
        let first = partners(&scores, PairSide::Left, 26, 1);
        assert_eq!(
            row["block"].as_u64(),
            first.first().map(|p| p.block as u64),
            "{row}"
        );
        let sim = row["similarity"].as_f64().unwrap_or(-1.0);
        assert!(sim <= last, "most likely first");
        last = sim;
    }
}

#[test]
fn paired_follows_the_threshold() {
    let paired = |t: &str| {
        let doc = json(&["elsewhere", "000", "24", "--json", "--threshold", t]);
        doc["rows"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["paired"] == true)
            .count()
    };
    let (loose, strict) = (paired("0.3"), paired("0.95"));
    assert!(loose > strict, "{loose} at 0.3, {strict} at 0.95");
}

#[test]
fn text_fits_80_columns_and_gives_the_evidence() {
    let out = parallax(&["elsewhere", "000", "26"]);
    assert_eq!(out.code, Some(0));
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(
        text.lines().next().unwrap().starts_with("000 #26  "),
        "{text}"
    );
    assert!(text.contains("why: "), "{text}");
    assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
}

#[test]
fn a_block_or_article_that_does_not_exist_is_one_line_and_exit_2() {
    for args in [
        &["elsewhere", "000", "999"][..],
        &["elsewhere", "nosuch", "1"][..],
    ] {
        let out = parallax(args);
        assert_eq!(out.code, Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
        let err = String::from_utf8(out.stderr.clone()).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with("parallax: error: "), "{err}");
    }
}

#[test]
fn an_article_alone_says_there_is_nowhere_else_to_look() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("solo.txt");
    std::fs::write(
        &file,
        "Solo story\n\nOnly one paragraph about the bridge.\n",
    )
    .unwrap();
    let path = dir.path().to_str().unwrap();
    let out = parallax(&["elsewhere", "solo", "1", path]);
    assert_eq!(out.code, Some(0));
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(
        text.ends_with("no other article in its event to look in\n"),
        "{text}"
    );
    let doc = json(&["elsewhere", "solo", "1", path, "--json"]);
    assert_eq!(doc["rows"].as_array().map(Vec::len), Some(0));
    assert_eq!(doc["of"], 0);
}
