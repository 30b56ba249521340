//! `parallax quotes` on a corpus written for the speakers
//! (tests/fixtures/quotes_speakers): three outlets quote one fire officer
//! in the forms news uses — her name before an apposition and the
//! audience she told ("Helen Marsh, the deputy chief fire officer, told
//! reporters:"), her full title before her name ("said Deputy Chief Fire
//! Officer Helen Marsh"), a pronoun after a sentence that names her, and
//! one quote printed as a block quote under "Marsh said:".

use super::quotes::{group, quotes_corpus_json};
use serde_json::Value;
use std::process::Command;

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/quotes_speakers"
);

fn quotes_json() -> Vec<Value> {
    quotes_corpus_json(CORPUS)
}

fn speakers(g: &Value) -> Vec<(String, Option<String>)> {
    g["occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["article"].as_str().unwrap().to_string(),
                o["speaker"].as_str().map(String::from),
            )
        })
        .collect()
}

fn at(article: &str, speaker: &str) -> (String, Option<String>) {
    (article.into(), Some(speaker.into()))
}

#[test]
fn the_officer_is_credited_by_name_in_every_form() {
    let groups = quotes_json();
    let evacuate = group(&groups, "evacuate the street early");
    assert_eq!(evacuate["speaker"], "Helen Marsh");
    assert_eq!(
        speakers(evacuate),
        [
            at("gazette", "Helen Marsh"),
            at("herald", "Helen Marsh"),
            at("post", "Helen Marsh"),
        ]
    );
    let hurt = group(&groups, "Nobody has been hurt");
    assert_eq!(hurt["speaker"], "Helen Marsh");
    // Nobody is credited with an audience or a role in place of a name.
    for g in &groups {
        for (_, who) in speakers(g) {
            let who = who.unwrap_or_default();
            assert!(
                !who.contains("reporters") && !who.contains("Officer"),
                "{who}"
            );
        }
    }
}

#[test]
fn a_block_quote_counts_as_an_occurrence_with_the_speaker_introducing_it() {
    let groups = quotes_json();
    let hurt = group(&groups, "Nobody has been hurt");
    assert_eq!(hurt["articles"], 3);
    assert_eq!(
        speakers(hurt),
        [
            at("gazette", "Helen Marsh"),
            at("herald", "Helen Marsh"),
            at("post", "Helen Marsh"),
        ]
    );
    let herald = &hurt["occurrences"][1];
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["show", "herald", CORPUS, "--json"])
        .output()
        .expect("run parallax");
    let shown: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let block = &shown["blocks"][herald["block"].as_u64().unwrap() as usize];
    assert_eq!(block["kind"], "quote");
    assert_eq!(block["text"], herald["text"]);
    assert_eq!(groups.len(), 3, "{groups:#?}");
}
