//! `parallax quotes` on a corpus written for it (tests/fixtures/quotes):
//! three outlets carrying planted quotes — an exact copy, a trimmed one, one
//! with a word changed, one with a contraction expanded, one with a word
//! added, different quotes by different speakers and by the same speaker,
//! a quote over two paragraphs, a scare quote and an inch mark.

use serde_json::Value;
use std::process::Command;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/quotes");

/// `parallax quotes CORPUS --json`, the groups (`quotes_corpus_json`: any
/// corpus).
fn quotes_json() -> Vec<Value> {
    quotes_corpus_json(CORPUS)
}

pub(super) fn quotes_corpus_json(corpus: &str) -> Vec<Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["quotes", corpus, "--json"])
        .env("NO_COLOR", "1")
        .output()
        .expect("run parallax");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    v.as_array().expect("an array").clone()
}

/// The one group whose text contains `needle`.
pub(super) fn group<'a>(groups: &'a [Value], needle: &str) -> &'a Value {
    let found: Vec<&Value> = groups
        .iter()
        .filter(|g| g["text"].as_str().is_some_and(|t| t.contains(needle)))
        .collect();
    assert_eq!(found.len(), 1, "one group with {needle:?}: {groups:#?}");
    found[0]
}

/// The articles of a group's occurrences, sorted.
fn articles(g: &Value) -> Vec<String> {
    let mut a: Vec<String> = g["occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["article"].as_str().unwrap().to_string())
        .collect();
    a.sort();
    a
}

#[test]
fn each_planted_quote_is_one_group_and_exactly_the_altered_ones_are_flagged() {
    let groups = quotes_json();
    let expect = [
        // (needle, articles, speaker, altered)
        (
            "bridge will reopen",
            vec!["courier", "wire"],
            "Ana Ruiz",
            false,
        ),
        (
            "every cable and every bolt",
            vec!["courier", "wire"],
            "Tom Baker",
            false,
        ),
        ("repairs cost", vec!["daily", "wire"], "Ana Ruiz", true),
        (
            "intend to raise the toll",
            vec!["courier", "wire"],
            "Ana Ruiz",
            false,
        ),
        (
            "biggest repair job",
            vec!["daily", "wire"],
            "Tom Baker",
            true,
        ),
        ("deck is sound", vec!["wire"], "Tom Baker", false),
        ("deck is all anyone", vec!["daily"], "Lena Ortiz", false),
        ("not raise taxes", vec!["courier"], "Ana Ruiz", false),
        // The daily writes "Ruiz" alone; the corpus names one Ruiz in
        // full, so the group is hers (the occurrence keeps "Ruiz", below).
        (
            "not close the harbour road",
            vec!["daily"],
            "Ana Ruiz",
            false,
        ),
        ("state fund", vec!["courier"], "Ana Ruiz", false),
    ];
    for (needle, arts, speaker, altered) in &expect {
        let g = group(&groups, needle);
        assert_eq!(articles(g), *arts, "{needle}");
        assert_eq!(g["speaker"].as_str(), Some(*speaker), "{needle}");
        assert_eq!(g["altered"].as_bool(), Some(*altered), "{needle}");
    }
    let road = group(&groups, "not close the harbour road");
    assert_eq!(road["occurrences"][0]["speaker"].as_str(), Some("Ruiz"));
    // Nothing else: the scare quote ("fix") and the inch mark are not quotes.
    assert_eq!(groups.len(), expect.len(), "{groups:#?}");
    let altered: Vec<&str> = groups
        .iter()
        .filter(|g| g["altered"] == true)
        .map(|g| g["text"].as_str().unwrap())
        .collect();
    assert_eq!(altered.len(), 2, "{altered:?}");
}

#[test]
fn occurrences_point_at_the_quoted_text_by_byte_offsets() {
    let groups = quotes_json();
    let show = |id: &str| -> Value {
        let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
            .args(["show", id, CORPUS, "--json"])
            .output()
            .expect("run parallax");
        serde_json::from_slice(&out.stdout).expect("valid JSON")
    };
    let mut checked = 0;
    for g in &groups {
        for o in g["occurrences"].as_array().unwrap() {
            let article = show(o["article"].as_str().unwrap());
            let block = &article["blocks"][o["block"].as_u64().unwrap() as usize];
            let text = block["text"].as_str().unwrap();
            let (s, e) = (
                o["start"].as_u64().unwrap() as usize,
                o["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                &text.as_bytes()[s..e],
                o["text"].as_str().unwrap().as_bytes()
            );
            checked += 1;
        }
    }
    assert!(checked >= 15, "{checked}");
}

#[test]
fn trimmed_and_expanded_copies_keep_their_own_wording() {
    let groups = quotes_json();
    let trimmed = group(&groups, "every cable and every bolt");
    assert_eq!(trimmed["trimmed"], true);
    let variants: Vec<&str> = trimmed["occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["variant"].as_str().unwrap())
        .collect();
    assert_eq!(variants, ["trimmed", "same"]);
    let expanded = group(&groups, "intend to raise the toll");
    let texts: Vec<&str> = expanded["occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        texts,
        [
            "We do not intend to raise the toll this year,",
            "We don’t intend to raise the toll this year,"
        ]
    );
    // The two parts of the quote over two paragraphs: one speaker, the
    // second marked as continued.
    let second = group(&groups, "state fund");
    assert_eq!(second["occurrences"][0]["continued"], true);
}

#[test]
fn plain_output_is_one_quote_per_group_with_speaker_outlets_and_mark() {
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["quotes", CORPUS])
        .env("NO_COLOR", "1")
        .env("COLUMNS", "200")
        .output()
        .expect("run parallax");
    let text = String::from_utf8_lossy(&out.stdout);
    let quote_lines: Vec<&str> = text.lines().filter(|l| l.contains('“')).collect();
    assert_eq!(quote_lines.len(), 10, "{text}");
    assert_eq!(
        quote_lines.iter().filter(|l| l.starts_with("≠ ")).count(),
        2
    );
    assert!(
        text.contains(
            "— Ana Ruiz · altered · 2 articles: Harbour Daily dai #2, Example Wire wir #4 altered"
        ),
        "{text}"
    );
    assert!(
        text.ends_with("10 quotes (5 in more than one article, 2 altered)\n"),
        "{text}"
    );
}
