//! The near-duplicate pass: `parallax dups` on the built-in corpus (repeats,
//! boilerplate, JSON shape, `--min`, `--scope`, 80 columns) and the engine
//! against brute-force truth on a generated corpus with planted reuse.

use parallax::analysis::dups::{self, DupOptions, Scope, find_duplicates};
use parallax::analysis::shingle;
use parallax::corpus::{self, BlockKind, Corpus};
use parallax::dev::synth;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output};

fn parallax(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "80")
        .output()
        .expect("run parallax")
}

fn json(args: &[&str]) -> Vec<Value> {
    let out = parallax(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    v.as_array().expect("a JSON array").clone()
}

/// (article id, block) of side "a" or "b" of a JSON pair.
fn side(p: &Value, key: &str) -> (String, usize) {
    (
        p[key]["article"].as_str().expect("article id").to_string(),
        p[key]["block"].as_u64().expect("block index") as usize,
    )
}

fn score(p: &Value, key: &str) -> f64 {
    p[key].as_f64().expect("a score")
}

const REPEAT_ARTICLE: &str = "004_969b98fef6f6e7ab";

#[test]
fn within_reports_the_repeated_intro_of_004_as_identical() {
    let pairs = json(&["dups", "--scope", "within", "--json"]);
    let hit = pairs
        .iter()
        .find(|p| {
            side(p, "a") == (REPEAT_ARTICLE.to_string(), 4)
                && side(p, "b") == (REPEAT_ARTICLE.to_string(), 6)
        })
        .expect("004 blocks 4 and 6 reported");
    assert_eq!(score(hit, "jaccard"), 1.0);
    assert_eq!(score(hit, "containment"), 1.0);
    assert!(pairs.iter().all(|p| p["scope"] == "within"));
    assert!(pairs.iter().all(|p| side(p, "a").0 == side(p, "b").0));

    let human = parallax(&["dups", "--scope", "within"]);
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(text.contains("004 #4") && text.contains("004 #6"), "{text}");
}

#[test]
fn json_pairs_have_exactly_the_contract_keys() {
    let pairs = json(&["dups", "--json"]);
    assert!(!pairs.is_empty());
    let keys = |v: &Value| -> BTreeSet<String> {
        v.as_object().expect("an object").keys().cloned().collect()
    };
    let top: BTreeSet<String> = ["a", "b", "jaccard", "containment", "scope", "heading_echo"]
        .map(String::from)
        .into();
    let block: BTreeSet<String> = ["article", "block"].map(String::from).into();
    let c = corpus::load_builtin();
    for p in &pairs {
        assert_eq!(keys(p), top);
        assert_eq!(keys(&p["a"]), block);
        assert_eq!(keys(&p["b"]), block);
        // Full article ids, not indices or prefixes.
        for s in ["a", "b"] {
            let (id, _) = side(p, s);
            assert!(c.articles.iter().any(|a| a.id == id), "{id}");
        }
        assert!(p["scope"] == "within" || p["scope"] == "across");
    }
}

#[test]
fn no_boilerplate_or_metadata_block_is_ever_paired() {
    let c = corpus::load_builtin();
    // At threshold 0 every pair sharing any shingle is reported.
    let pairs = json(&["dups", "--json", "--min", "0"]);
    assert!(pairs.len() > json(&["dups", "--json"]).len());
    for p in &pairs {
        for s in ["a", "b"] {
            let (id, block) = side(p, s);
            let a = c.resolve(&id).expect("known id");
            let kind = c.articles[a].blocks[block].kind;
            assert!(kind.is_content(), "{id} #{block} is {kind:?}");
        }
    }
    // The corpus does have boilerplate that shares text with itself.
    let chrome = dups::find_boilerplate_duplicates(&c, &DupOptions::default());
    for p in &chrome {
        for r in [p.a, p.b] {
            assert_eq!(c.get(r).map(|b| b.kind), Some(BlockKind::Boilerplate));
        }
    }
}

#[test]
fn min_keeps_exactly_the_pairs_at_or_above_it() {
    let loose = json(&["dups", "--json", "--min", "0.2"]);
    for min in ["0.3", "0.5"] {
        let strict = json(&["dups", "--json", "--min", min]);
        assert!(
            strict.len() < loose.len(),
            "{} vs {}",
            strict.len(),
            loose.len()
        );
        let m: f64 = min.parse().unwrap_or(1.0);
        let expected: Vec<&Value> = loose
            .iter()
            .filter(|p| score(p, "jaccard").max(score(p, "containment")) >= m)
            .collect();
        assert_eq!(strict.iter().collect::<Vec<_>>(), expected);
    }
    assert!(parallax(&["dups", "--min", "1.5"]).status.code() == Some(2));
}

#[test]
fn scopes_split_the_pairs() {
    let all = json(&["dups", "--json"]);
    let within = json(&["dups", "--json", "--scope", "within"]);
    let across = json(&["dups", "--json", "--scope", "across"]);
    assert_eq!(within.len() + across.len(), all.len());
    assert!(across.iter().all(|p| p["scope"] == "across"));
    assert!(!within.is_empty() && !across.is_empty());
}

#[test]
fn human_output_fits_80_columns_and_ends_with_a_count() {
    let out = parallax(&["dups"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    for line in text.lines() {
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= 80,
            "too wide: {line}"
        );
    }
    let n = json(&["dups", "--json"]).len();
    let last = text.lines().last().unwrap_or_default();
    assert!(last.starts_with(&format!("{n} pairs")), "{last}");
}

#[test]
fn a_pasted_quote_is_found_across_articles_by_containment() {
    let dir = tempfile::tempdir().expect("temp dir");
    let quote = "\"We will not accept any ceasefire that leaves our people without guarantees,\" the minister said.";
    std::fs::write(
        dir.path().join("wire.txt"),
        format!("Wire story\n\nOpening paragraph of the wire story about the talks.\n\n{quote}\n"),
    )
    .expect("write");
    std::fs::write(
        dir.path().join("outlet.txt"),
        format!(
            "Outlet story\n\nOur correspondent, who followed the talks for three days in the capital, \
             reported a tense mood among the delegations. {quote} Officials from both sides declined \
             to say when the next round of negotiations would begin or where it would be held.\n"
        ),
    )
    .expect("write");
    let c = corpus::load_paths(&[dir.path().to_path_buf()]).expect("load");
    let pairs = find_duplicates(&c, &DupOptions::default());
    assert_eq!(pairs.len(), 1, "{pairs:?}");
    let p = &pairs[0];
    assert_eq!(p.scope, Scope::Across);
    assert_eq!(p.containment, 1.0);
    assert!(p.jaccard < 0.5);
    assert!(
        c.get(p.a).is_some_and(|b| b.text == quote) || c.get(p.b).is_some_and(|b| b.text == quote)
    );
}

/// A generated corpus, loaded back through the real loader.
fn generated(dir: &Path, articles: usize, seed: u64) -> (Corpus, Vec<synth::TruthPair>) {
    let (summary, c) = synth::write_corpus(dir, articles, seed).expect("generate");
    assert_eq!(summary.articles, articles);
    assert_eq!(c.articles.len(), articles);
    let truth = synth::read_truth(dir).expect("truth");
    assert_eq!(truth.len(), summary.truth_pairs);
    (c, truth)
}

#[test]
fn generated_articles_segment_one_block_per_paragraph() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (c, _) = generated(dir.path(), 40, 3);
    for (a, g) in c.articles.iter().zip(synth::generate(40, 3)) {
        let parts: Vec<&str> = g.text.trim_end().split("\n\n").collect();
        let blocks: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(blocks, parts, "{}", a.id);
    }
}

#[test]
fn engine_meets_recall_and_precision_on_a_generated_corpus() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (c, truth) = generated(dir.path(), 200, 11);
    // Planted reuse of every kind makes pairs in both scopes.
    assert!(truth.len() > 200);
    assert!(truth.iter().any(|p| p.scope() == Scope::Within));
    let found = find_duplicates(&c, &DupOptions::default());
    let named: Vec<synth::TruthPair> = found.iter().map(|p| synth::to_truth(&c, p)).collect();
    let acc = synth::accuracy(&named, &truth);
    assert!(acc.recall() >= 0.99, "{acc:?}");
    assert_eq!(acc.precision(), 1.0, "{acc:?}");
    assert_eq!(acc.score_mismatches, 0);

    // Every reported score equals a recomputation from the two texts.
    for p in &found {
        let text = |r| c.get(r).map_or("", |b| b.text.as_str());
        let s = shingle::scores(&shingle::shingles(text(p.a)), &shingle::shingles(text(p.b)));
        assert_eq!((p.jaccard, p.containment), (s.jaccard, s.containment));
        assert!(p.a < p.b);
        assert_eq!(p.scope == Scope::Within, p.a.article == p.b.article);
    }
    assert!(
        found
            .windows(2)
            .all(|w| (w[0].a, w[0].b) < (w[1].a, w[1].b))
    );

    // Scope options select exactly their share; a higher threshold a subset.
    let within = find_duplicates(
        &c,
        &DupOptions {
            across: false,
            ..DupOptions::default()
        },
    );
    let expected: Vec<_> = found
        .iter()
        .filter(|p| p.scope == Scope::Within)
        .cloned()
        .collect();
    assert_eq!(within, expected);
    let strict = find_duplicates(
        &c,
        &DupOptions {
            min_score: 0.8,
            ..DupOptions::default()
        },
    );
    let expected: Vec<_> = found
        .iter()
        .filter(|p| p.jaccard.max(p.containment) >= 0.8)
        .cloned()
        .collect();
    assert_eq!(strict, expected);
}

#[test]
fn engine_equals_brute_force_at_a_low_threshold() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (c, _) = generated(dir.path(), 60, 5);
    for min in [0.1, 0.3] {
        let opts = DupOptions {
            min_score: min,
            ..DupOptions::default()
        };
        assert_eq!(
            find_duplicates(&c, &opts),
            synth::brute_force(&c, min),
            "min {min}"
        );
    }
}

#[test]
fn a_paragraph_copied_by_many_articles_pairs_every_copy() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wire = "The two delegations met for four hours behind closed doors and agreed to meet again next month in the same city.";
    for i in 0..30 {
        // Words of its own: no 5-gram in common with any other article.
        let own: Vec<String> = (0..12).map(|k| format!("w{i}x{k}")).collect();
        let own = format!("{}.", own.join(" "));
        // Article 0 carries the wire paragraph twice.
        let extra = if i == 0 {
            format!("\n\n{wire}")
        } else {
            String::new()
        };
        std::fs::write(
            dir.path().join(format!("a{i:02}.txt")),
            format!("Headline {i}\n\n{own}\n\n{wire}{extra}\n"),
        )
        .expect("write");
    }
    let c = corpus::load_paths(&[dir.path().to_path_buf()]).expect("load");
    let pairs = find_duplicates(&c, &DupOptions::default());
    // 31 copies: every pair of them, and nothing else.
    assert_eq!(pairs.len(), 31 * 30 / 2);
    assert!(
        pairs
            .iter()
            .all(|p| p.jaccard == 1.0 && p.containment == 1.0)
    );
    assert_eq!(pairs.iter().filter(|p| p.scope == Scope::Within).count(), 1);
    let across_only = DupOptions {
        within: false,
        ..DupOptions::default()
    };
    assert_eq!(find_duplicates(&c, &across_only).len(), 31 * 30 / 2 - 1);
}

/// Copy detection survives the same-point alignment: every paragraph copied
/// across two articles (the brute-force truth) is paired in their compare
/// alignment with one of its copies, as `identical` or `near` — unless each
/// of its copies is already paired as a copy with another block (a block
/// pairs once; an article that repeats a paragraph has two blocks for one
/// copy).
#[test]
fn every_copied_paragraph_pairs_with_a_copy_in_the_alignment() {
    use parallax::analysis::align::RowKind;
    use parallax::analysis::pair::{PairComparison, Threshold};
    use parallax::analysis::related::RelatedIndex;
    use std::collections::BTreeMap;
    let dir = tempfile::tempdir().expect("temp dir");
    let (c, truth) = generated(dir.path(), 60, 11);
    let related = RelatedIndex::build(&c);
    // Copies per (article pair, left block), by article index.
    let mut copies: BTreeMap<(usize, usize), BTreeMap<usize, BTreeSet<usize>>> = BTreeMap::new();
    for t in truth.iter().filter(|t| t.a_article != t.b_article) {
        if t.jaccard.max(t.containment) < 0.5 {
            continue;
        }
        let (a, b) = (
            c.resolve(&t.a_article).unwrap(),
            c.resolve(&t.b_article).unwrap(),
        );
        let (a, ab, b, bb) = if a < b {
            (a, t.a_block, b, t.b_block)
        } else {
            (b, t.b_block, a, t.a_block)
        };
        copies
            .entry((a, b))
            .or_default()
            .entry(ab)
            .or_default()
            .insert(bb);
    }
    assert!(
        copies.len() >= 5,
        "the generator plants copies across articles"
    );
    let mut checked = 0;
    for (&(a, b), blocks) in &copies {
        let alignment = PairComparison::new(&c, &related, a, b).align(Threshold::DEFAULT);
        let copied_right: BTreeSet<usize> = alignment
            .rows
            .iter()
            .filter(|r| matches!(r.kind, RowKind::Identical | RowKind::Near))
            .filter_map(|r| r.right)
            .collect();
        for (&left, partners) in blocks {
            let row = alignment
                .rows
                .iter()
                .find(|r| r.left == Some(left))
                .expect("every block has a row");
            let paired_with_copy = matches!(row.kind, RowKind::Identical | RowKind::Near)
                && row.right.is_some_and(|r| partners.contains(&r));
            let copies_taken = partners.iter().all(|p| copied_right.contains(p));
            // A repeat whose copy went to its first occurrence is not
            // paired with some paraphrase instead.
            let left_unpaired = !row.kind.is_paired();
            assert!(
                paired_with_copy || (copies_taken && left_unpaired),
                "{} block {left} copies {partners:?} of {} but its row is {row:?}",
                c.articles[a].id,
                c.articles[b].id
            );
            checked += 1;
        }
    }
    println!(
        "{checked} copied paragraphs in {} article pairs",
        copies.len()
    );
}
