//! The topic index and `parallax topics`: the JSON contract on the built-in
//! corpus (merged headings, names, weights, content blocks only), the
//! index invariants, and extraction on a small corpus written here.

use parallax::analysis::topics::{Topic, TopicIndex, TopicKind, build_topics};
use parallax::corpus::{self, BlockKind, Corpus};
use serde_json::Value;
use std::collections::{BTreeSet, HashSet};
use std::path::Path;
use std::process::{Command, Output};

use crate::support::topic_checks;

use topic_checks::{article, assert_invariants};

fn parallax(args: &[&str], dir: Option<&Path>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_parallax"));
    cmd.args(args).env("NO_COLOR", "1").env("COLUMNS", "80");
    if let Some(d) = dir {
        cmd.arg(d);
    }
    cmd.output().expect("run parallax")
}

fn topics_json(dir: Option<&Path>) -> Vec<Value> {
    let out = parallax(&["topics", "--json"], dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    v.as_array().expect("an array").clone()
}

fn find<'a>(topics: &'a [Value], kind: &str, label: &str) -> Option<&'a Value> {
    topics
        .iter()
        .find(|t| t["kind"] == kind && t["label"].as_str() == Some(label))
}

fn id_of(c: &Corpus, prefix: &str) -> String {
    let i = c.resolve(prefix).expect("article");
    c.articles[i].id.clone()
}

#[test]
fn json_merges_a_heading_across_articles_with_both_heading_blocks() {
    let c = corpus::load_builtin();
    let topics = topics_json(None);
    let merged: Vec<&Value> = topics
        .iter()
        .filter(|t| {
            t["kind"] == "heading"
                && t["label"].as_str().map(str::to_lowercase).as_deref()
                    == Some("media framing and public opinion")
        })
        .collect();
    assert_eq!(merged.len(), 1, "one topic for both spellings");
    let t = merged[0];
    let heading_at = |prefix: &str| {
        let a = c.resolve(prefix).expect("article");
        c.articles[a]
            .blocks
            .iter()
            .position(|b| {
                b.kind == BlockKind::Heading
                    && b.text
                        .eq_ignore_ascii_case("Media Framing and Public Opinion")
            })
            .expect("heading present")
    };
    let occ: Vec<(String, u64)> = t["occurrences"]
        .as_array()
        .expect("occurrences")
        .iter()
        .map(|o| {
            (
                o["article"].as_str().expect("id").to_string(),
                o["block"].as_u64().expect("block"),
            )
        })
        .collect();
    for prefix in ["000", "002"] {
        let id = id_of(&c, prefix);
        assert!(
            occ.contains(&(id.clone(), heading_at(prefix) as u64)),
            "{occ:?}"
        );
        let w = t["weights"][&id]
            .as_f64()
            .expect("weight for both articles");
        assert!(w > 0.0 && w <= 1.0);
    }
    assert_eq!(t["weights"].as_object().expect("object").len(), 2);
    // The section follows its heading: jump lands on the heading.
    assert_eq!(occ[0].1, heading_at("000") as u64);
    assert!(occ.len() > 2, "section blocks are occurrences too");
}

#[test]
fn json_lists_the_base_as_a_name() {
    let topics = topics_json(None);
    let t = find(&topics, "name", "Joint Base Elmendorf-Richardson").expect("the base is a name");
    let c = corpus::load_builtin();
    let id = id_of(&c, "000");
    assert!(t["weights"].get(&id).is_some());
}

#[test]
fn json_uses_article_ids_and_weights_only_for_covering_articles() {
    let c = corpus::load_builtin();
    let ids: HashSet<&str> = c.articles.iter().map(|a| a.id.as_str()).collect();
    for t in topics_json(None) {
        let occ_ids: BTreeSet<&str> = t["occurrences"]
            .as_array()
            .expect("occurrences")
            .iter()
            .map(|o| o["article"].as_str().expect("article id"))
            .collect();
        let weights = t["weights"].as_object().expect("weights object");
        let weight_ids: BTreeSet<&str> = weights.keys().map(String::as_str).collect();
        assert_eq!(occ_ids, weight_ids, "{}", t["label"]);
        assert!(weight_ids.iter().all(|id| ids.contains(id)));
        for w in weights.values() {
            let w = w.as_f64().expect("number");
            assert!(w > 0.0 && w <= 1.0);
        }
        assert!(matches!(
            t["kind"].as_str(),
            Some("heading" | "term" | "name")
        ));
    }
}

#[test]
fn builtin_index_keeps_every_invariant() {
    let c = corpus::load_builtin();
    let index = build_topics(&c);
    assert_invariants(&c, &index);
    for kind in [TopicKind::Heading, TopicKind::Name, TopicKind::Term] {
        assert!(index.of_kind(kind).count() > 0, "{kind:?} topics exist");
    }
    // Every article's title is a heading topic landing on the title.
    for (a, article) in c.articles.iter().enumerate() {
        let (title_block, title) = article
            .content_blocks()
            .find(|(_, b)| b.kind == BlockKind::Heading)
            .expect("a title");
        let t = index
            .find(TopicKind::Heading, title.text.trim())
            .and_then(|i| index.get(i))
            .expect("title topic");
        assert_eq!(
            t.occurrences_in(a).next().map(|r| r.block),
            Some(title_block)
        );
    }
}

#[test]
fn boilerplate_never_yields_a_topic() {
    let c = corpus::load_builtin();
    let index = build_topics(&c);
    let boiler_words: HashSet<String> = c
        .articles
        .iter()
        .flat_map(|a| a.blocks.iter())
        .filter(|b| b.kind == BlockKind::Boilerplate)
        .flat_map(|b| {
            b.text
                .split_whitespace()
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .collect();
    let content_words: HashSet<String> = c
        .articles
        .iter()
        .flat_map(|a| a.content_blocks().map(|(_, b)| b))
        .flat_map(|b| {
            b.text
                .split_whitespace()
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .collect();
    // Words only boilerplate uses ("Loading...", "AvatarMB") name no topic.
    let only_boiler: Vec<&String> = boiler_words.difference(&content_words).collect();
    assert!(!only_boiler.is_empty());
    for t in &index.topics {
        let label = t.label.to_lowercase();
        assert!(
            !only_boiler
                .iter()
                .any(|w| label.split_whitespace().any(|l| l == w.as_str())),
            "{} comes from boilerplate",
            t.label
        );
    }
}

#[test]
fn human_table_fits_eighty_columns() {
    let out = parallax(&["topics"], None);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    for line in text.lines() {
        assert!(unicode_width(line) <= 80, "too wide: {line}");
    }
    assert!(text.contains("Media Framing and Public Opinion"));
    assert!(text.contains("Joint Base Elmendorf-Richardson"));
    assert!(!text.contains('\u{1b}'), "NO_COLOR honoured");
}

fn unicode_width(s: &str) -> usize {
    // Every glyph the table uses is one column wide.
    s.chars().count()
}

// ----- a small corpus written for these tests -----

const HARBOUR: &str = "# Harbour Cleanup Begins in Port Ellery

Crews from the Maritime Recovery Agency started dredging in Port Ellery on Monday. Officials said water quality had fallen for three years.

## Water Quality Concerns

Residents told reporters that water quality near the old cannery worries them. Engineer Ilse Varga said sediment testing would continue.

A spokesperson for Varga said sediment testing takes weeks.

## Funding

The council approved emergency funding after Ilse Varga presented the sediment testing results.
";

const CRITICS: &str = "# Port Ellery dredging draws criticism

Fishermen in Port Ellery say the dredging harms water quality. Ilse Varga defended the plan.

## Water quality concerns

Critics argue sediment testing came too late, and a letter to Varga asked for public hearings.

## What comes next

Next spring the Maritime Recovery Agency will publish water quality data. Residents plan a meeting.
";

const COSTS: &str = "# Cleanup costs rise

The cost of dredging rose again, according to the Maritime Recovery Agency. Emergency funding may not cover it.

Sediment testing continues, and according to Varga results come soon.
";

fn small_corpus() -> (tempfile::TempDir, Corpus) {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in [
        ("harbour.md", HARBOUR),
        ("critics.md", CRITICS),
        ("costs.md", COSTS),
    ] {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    let c = corpus::load_paths(&[dir.path().to_path_buf()]).expect("load");
    (dir, c)
}

fn topic<'a>(index: &'a TopicIndex, kind: TopicKind, label: &str) -> &'a Topic {
    index
        .find(kind, label)
        .and_then(|i| index.get(i))
        .unwrap_or_else(|| {
            let all: Vec<(&str, TopicKind)> = index
                .topics
                .iter()
                .map(|t| (t.label.as_str(), t.kind))
                .collect();
            panic!("no {kind:?} {label:?} in {all:?}")
        })
}

fn blocks_containing(c: &Corpus, needle: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (a, article) in c.articles.iter().enumerate() {
        for (b, block) in article.content_blocks() {
            if block.text.to_lowercase().contains(needle) {
                out.push((a, b));
            }
        }
    }
    out
}

#[test]
fn small_corpus_phrases_are_found_and_labelled_as_written() {
    let (_dir, c) = small_corpus();
    let index = build_topics(&c);
    assert_invariants(&c, &index);
    for phrase in ["water quality", "sediment testing"] {
        let t = topic(&index, TopicKind::Term, phrase);
        assert_eq!(t.label, phrase, "label is the usual spelling, not stems");
        let occ: Vec<(usize, usize)> = t.occurrences.iter().map(|r| (r.article, r.block)).collect();
        assert_eq!(occ, blocks_containing(&c, phrase), "{phrase}");
    }
    let testing = topic(&index, TopicKind::Term, "sediment testing");
    assert_eq!(testing.weights.len(), 3, "all three articles test sediment");
}

#[test]
fn small_corpus_names_are_found_without_sentence_openers() {
    let (_dir, c) = small_corpus();
    let index = build_topics(&c);
    for name in ["Ilse Varga", "Port Ellery", "Maritime Recovery Agency"] {
        topic(&index, TopicKind::Name, name);
    }
    for not_a_name in [
        "Officials",
        "Residents",
        "Critics",
        "Engineer Ilse Varga",
        "Next",
    ] {
        assert!(
            index.find(TopicKind::Name, not_a_name).is_none(),
            "{not_a_name} is not a name"
        );
    }
    // One person, one topic: the full name collects the bare surname's
    // mentions too, and "Varga" is no topic of its own.
    assert!(index.find(TopicKind::Name, "Varga").is_none());
    let varga = topic(&index, TopicKind::Name, "Ilse Varga");
    assert_eq!(
        varga
            .occurrences
            .iter()
            .map(|r| (r.article, r.block))
            .collect::<Vec<_>>(),
        blocks_containing(&c, "varga")
    );
}

#[test]
fn small_corpus_headings_merge_and_own_their_sections() {
    let (_dir, c) = small_corpus();
    let index = build_topics(&c);
    let t = topic(&index, TopicKind::Heading, "water quality concerns");
    let articles: Vec<usize> = t.weights.iter().map(|(a, _)| a).collect();
    assert_eq!(articles.len(), 2);
    for a in articles {
        let occ: Vec<_> = t.occurrences_in(a).collect();
        let blocks = &c.articles[a].blocks;
        assert_eq!(blocks[occ[0].block].kind, BlockKind::Heading);
        assert!(
            occ.len() >= 2,
            "the section's paragraphs follow the heading"
        );
        assert!(
            occ[1..]
                .iter()
                .all(|r| blocks[r.block].kind != BlockKind::Heading)
        );
    }
    // Headings come first, in reading order.
    let first_kinds: Vec<TopicKind> = index.topics.iter().map(|t| t.kind).collect();
    let headings = first_kinds
        .iter()
        .take_while(|k| **k == TopicKind::Heading)
        .count();
    assert_eq!(headings, index.of_kind(TopicKind::Heading).count());
}

// ----- odd inputs -----

#[test]
fn empty_and_chrome_only_corpora_have_no_topics() {
    assert!(build_topics(&Corpus::default()).topics.is_empty());
    let c = Corpus {
        articles: vec![article(
            "chrome",
            vec![
                (
                    BlockKind::Boilerplate,
                    "Subscribe to Daily Planet Newsletter today",
                ),
                (BlockKind::Metadata, "By Clark Kent"),
                (
                    BlockKind::Boilerplate,
                    "Subscribe to Daily Planet Newsletter today",
                ),
            ],
        )],
        warnings: Vec::new(),
    };
    assert!(build_topics(&c).topics.is_empty());
}

#[test]
fn hostile_text_does_not_break_the_index() {
    let long = "Ωmega ".repeat(5_000);
    let c = Corpus {
        articles: vec![
            article(
                "odd",
                vec![
                    (BlockKind::Heading, "— 12 —"),
                    (BlockKind::Heading, ""),
                    (
                        BlockKind::Paragraph,
                        "’s ’s . . . A B C D E F G H I J K L M N O P",
                    ),
                    (BlockKind::Paragraph, &long),
                    (BlockKind::ListItem, "U.S. U.S. U.S. of of of Mr. Mrs. Dr."),
                    (
                        BlockKind::Paragraph,
                        "İstanbul ǅemal ﬁnal Ǆ talks with İstanbul ǅemal",
                    ),
                ],
            ),
            article("odd2", vec![(BlockKind::Paragraph, &long)]),
        ],
        warnings: Vec::new(),
    };
    let index = build_topics(&c);
    assert_invariants(&c, &index);
}
