//! `parallax diff --partners N`: each unpaired paragraph's likeliest
//! partners in the other article, the same in text and JSON as the
//! analysis ranks them, and absent unless asked for.

use crate::support::run::{self, Ran};
use parallax::analysis::align::{AlignOptions, PairScores, align_scores};
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
fn json_rows_of_unpaired_paragraphs_list_the_ranked_partners() {
    let c = corpus::load_builtin();
    let (l, r) = (c.resolve("000").unwrap(), c.resolve("003").unwrap());
    let related = RelatedIndex::build(&c);
    let scores = PairScores::compute(&c, &related, l, r);
    let rows_expected = align_scores(&scores, &AlignOptions::default()).rows;
    let doc = json(&["diff", "000", "003", "--json", "--partners", "2"]);
    let rows = doc["rows"].as_array().unwrap();
    assert_eq!(rows.len(), rows_expected.len());
    let mut listed = 0;
    for (row, expected) in rows.iter().zip(&rows_expected) {
        let want = match (expected.left, expected.right) {
            (Some(i), None) if c.articles[l].blocks[i].kind.is_content() => {
                Some(partners(&scores, PairSide::Left, i, 2))
            }
            (None, Some(j)) if c.articles[r].blocks[j].kind.is_content() => {
                Some(partners(&scores, PairSide::Right, j, 2))
            }
            _ => None,
        };
        match want {
            None => assert!(row.get("partners").is_none(), "{row}"),
            Some(want) => {
                let got = row["partners"].as_array().expect("a partners list");
                assert!(got.len() <= 2);
                let blocks: Vec<u64> = got.iter().map(|p| p["block"].as_u64().unwrap()).collect();
                let want: Vec<u64> = want.iter().map(|p| p.block as u64).collect();
                assert_eq!(blocks, want, "{row}");
                listed += usize::from(!got.is_empty());
            }
        }
    }
    assert!(
        listed > 10,
        "most unpaired paragraphs share words: {listed}"
    );
    // Without the option the key is absent: today's rows unchanged.
    let plain = json(&["diff", "000", "003", "--json"]);
    assert!(
        plain["rows"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r.get("partners").is_none())
    );
}

#[test]
fn text_lists_partners_under_unpaired_paragraphs_within_80_columns() {
    let out = parallax(&["diff", "000", "003", "--partners", "3"]);
    assert_eq!(out.code, Some(0));
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let likeliest = lines
        .iter()
        .filter(|l| l.trim_start().starts_with("likeliest: "))
        .count();
    assert!(likeliest > 10, "{text}");
    for (k, l) in lines.iter().enumerate() {
        if l.trim_start().starts_with("likeliest: ") {
            assert!(
                lines[k - 1].contains("only"),
                "under an unpaired row: {}",
                lines[k - 1]
            );
            assert!(l.matches("right ").count() <= 3, "{l}");
        }
        assert!(l.chars().count() <= 80, "{l}");
    }
    let without = parallax(&["diff", "000", "003"]);
    assert!(!String::from_utf8_lossy(&without.stdout).contains("likeliest:"));
}

#[test]
fn a_partner_count_out_of_range_is_refused_with_exit_2() {
    for bad in ["0", "51", "many"] {
        let out = parallax(&["diff", "000", "003", "--partners", bad]);
        assert_eq!(out.code, Some(2), "{bad}");
        assert!(out.stdout.is_empty());
    }
}
