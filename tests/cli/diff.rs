//! Related paragraphs, two-article alignment, word diff and `parallax diff`:
//! the JSON contract, exact ops over every built-in pair and hostile
//! strings, row invariants, moved paragraphs and within-article repeats.

use parallax::dev::rng::Rng;

use parallax::analysis::align::{
    AlignOptions, Alignment, PairScores, RowKind, align, align_scores,
};
use parallax::analysis::diff::{DiffOp, OpTag, sides, word_diff};
use parallax::analysis::evidence::PairEvidence;
use parallax::analysis::related::RelatedIndex;
use parallax::corpus::{self, BlockKind, Corpus};
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

const DEADLINE: Duration = Duration::from_millis(200);

fn parallax(args: &[&str], dir: Option<&Path>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_parallax"));
    cmd.args(args).env("NO_COLOR", "1").env("COLUMNS", "80");
    if let Some(d) = dir {
        cmd.arg(d);
    }
    cmd.output().expect("run parallax")
}

fn json(args: &[&str], dir: Option<&Path>) -> Value {
    let out = parallax(args, dir);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

fn block_index(c: &Corpus, article: usize, text: &str) -> usize {
    c.articles[article]
        .blocks
        .iter()
        .position(|b| b.text == text)
        .unwrap_or_else(|| panic!("no block {text:?} in article {article}"))
}

/// The ops of a diff are exact, merged and never empty.
fn assert_exact(ops: &[DiffOp], left: &str, right: &str) {
    assert_eq!(sides(ops), (left.to_string(), right.to_string()));
    assert!(ops.iter().all(|o| !o.text.is_empty()), "{ops:?}");
    assert!(ops.windows(2).all(|w| w[0].tag != w[1].tag), "{ops:?}");
}

/// Every block once per side; left order kept; right order kept except on
/// moved rows; kinds consistent with the sides present and the thresholds
/// (near rows are copies by the shingle signal; every paired row's
/// similarity, on the one same-point scale, is 1 for identical text and
/// reaches the pairing threshold for paraphrase).
fn assert_invariants(c: &Corpus, a: &Alignment, opts: &AlignOptions) {
    let (la, ra) = (&c.articles[a.left], &c.articles[a.right]);
    let evidence = PairEvidence::build(c, &RelatedIndex::build(c), a.left, a.right);
    let mut lefts: Vec<usize> = a.rows.iter().filter_map(|r| r.left).collect();
    assert!(lefts.windows(2).all(|w| w[0] < w[1]), "left order");
    lefts.dedup();
    assert_eq!(lefts, (0..la.blocks.len()).collect::<Vec<_>>());
    let in_order: Vec<usize> = a
        .rows
        .iter()
        .filter(|r| !r.moved)
        .filter_map(|r| r.right)
        .collect();
    assert!(in_order.windows(2).all(|w| w[0] < w[1]), "right order");
    let mut rights: Vec<usize> = a.rows.iter().filter_map(|r| r.right).collect();
    rights.sort_unstable();
    assert_eq!(rights, (0..ra.blocks.len()).collect::<Vec<_>>());
    for r in &a.rows {
        assert!((0.0..=1.0).contains(&r.similarity), "{r:?}");
        match (r.left, r.right) {
            (Some(i), Some(j)) => {
                let (lb, rb) = (&la.blocks[i], &ra.blocks[j]);
                assert!(r.kind.is_paired(), "{r:?}");
                assert!(lb.kind.is_content() && rb.kind.is_content(), "{r:?}");
                assert_eq!(lb.kind == BlockKind::Heading, rb.kind == BlockKind::Heading);
                match r.kind {
                    RowKind::Identical => assert_eq!(lb.text, rb.text),
                    RowKind::Near => {
                        let s = evidence.signals(i, j);
                        assert!(s.jaccard.max(s.containment) >= opts.near_min, "{r:?} {s:?}");
                    }
                    _ => assert!(r.similarity >= opts.related_min),
                }
            }
            (Some(_), None) => assert!(r.kind == RowKind::LeftOnly && !r.moved),
            (None, Some(_)) => assert!(r.kind == RowKind::RightOnly && !r.moved),
            (None, None) => panic!("empty row"),
        }
    }
}

#[test]
fn media_framing_headings_pair_in_one_row() {
    let c = corpus::load_builtin();
    let left = block_index(&c, 0, "Media Framing and Public Opinion");
    let right = block_index(&c, 2, "Media framing and public opinion");
    let doc = json(&["diff", "000", "002", "--json"], None);
    assert_eq!(doc["left"], c.articles[0].id.as_str());
    assert_eq!(doc["right"], c.articles[2].id.as_str());
    let rows = doc["rows"].as_array().expect("rows");
    let row = rows
        .iter()
        .find(|r| r["left"] == left)
        .expect("row for the heading");
    assert_eq!(row["right"], right);
    assert_eq!(row["kind"], "near");
    assert_eq!(row["moved"], false);
    let ops: Vec<(String, String)> = row["ops"]
        .as_array()
        .expect("ops")
        .iter()
        .map(|o| {
            (
                o["tag"].as_str().unwrap_or("").into(),
                o["text"].as_str().unwrap_or("").into(),
            )
        })
        .collect();
    assert!(
        ops.contains(&("delete".into(), "Framing".into())),
        "{ops:?}"
    );
    assert!(
        ops.contains(&("insert".into(), "framing".into())),
        "{ops:?}"
    );
}

#[test]
fn cli_ops_reproduce_every_paired_row_of_every_builtin_pair() {
    let c = corpus::load_builtin();
    let n = c.articles.len();
    let mut paired = 0;
    for l in 0..n {
        for r in (0..n).filter(|&r| r != l) {
            let (lid, rid) = (&c.articles[l].id, &c.articles[r].id);
            let doc = json(&["diff", lid, rid, "--json"], None);
            for row in doc["rows"].as_array().expect("rows") {
                let ops: Vec<DiffOp> = row["ops"]
                    .as_array()
                    .expect("ops")
                    .iter()
                    .map(|o| DiffOp {
                        tag: match o["tag"].as_str() {
                            Some("equal") => OpTag::Equal,
                            Some("delete") => OpTag::Delete,
                            Some("insert") => OpTag::Insert,
                            other => panic!("bad tag {other:?}"),
                        },
                        text: o["text"].as_str().expect("text").to_string(),
                    })
                    .collect();
                match (row["left"].as_u64(), row["right"].as_u64()) {
                    (Some(i), Some(j)) => {
                        paired += 1;
                        let lt = &c.articles[l].blocks[i as usize].text;
                        let rt = &c.articles[r].blocks[j as usize].text;
                        assert_exact(&ops, lt, rt);
                    }
                    _ => assert!(ops.is_empty(), "unpaired rows carry no ops"),
                }
            }
        }
    }
    assert!(paired >= 20, "only {paired} paired rows over 20 pairs");
}

#[test]
fn row_invariants_hold_for_all_builtin_pairs_and_thresholds() {
    let c = corpus::load_builtin();
    let related = RelatedIndex::build(&c);
    let n = c.articles.len();
    for l in 0..n {
        for r in 0..n {
            let scores = PairScores::compute(&c, &related, l, r);
            for related_min in [0.0, 0.05, 0.1, 0.2, 0.4, 1.0] {
                for near_min in [0.3, 0.5, 0.9] {
                    let opts = AlignOptions {
                        near_min,
                        related_min,
                    };
                    assert_invariants(&c, &align_scores(&scores, &opts), &opts);
                }
            }
        }
    }
}

#[test]
fn self_alignment_is_the_diagonal() {
    let c = corpus::load_builtin();
    let related = RelatedIndex::build(&c);
    for k in 0..c.articles.len() {
        let a = align(&c, &related, k, k, &AlignOptions::default());
        for row in a.rows.iter().filter(|r| r.kind.is_paired()) {
            assert_eq!(row.left, row.right);
            assert_eq!(row.kind, RowKind::Identical);
        }
        let content = c.articles[k].content_blocks().count();
        assert_eq!(a.count(RowKind::Identical), content);
    }
}

#[test]
fn the_repeated_intro_of_004_shows_with_itself_and_with_others() {
    let c = corpus::load_builtin();
    let k = c.resolve("004").expect("004");
    let blocks = &c.articles[k].blocks;
    // The intro paragraph printed twice: find it rather than trust indices.
    let (first, again) = (0..blocks.len())
        .flat_map(|a| (a + 1..blocks.len()).map(move |b| (a, b)))
        .find(|&(a, b)| blocks[a].kind.is_content() && blocks[a].text == blocks[b].text)
        .expect("004 repeats a block");
    let own = json(&["diff", "004", "004", "--json"], None);
    let row = own["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["left"] == again)
        .expect("row");
    assert_eq!(row["repeat_of"]["left"], first);
    assert_eq!(row["repeat_of"]["right"], first);
    let other = json(&["diff", "004", "001", "--json"], None);
    let row = other["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["left"] == again)
        .expect("row");
    assert_eq!(row["repeat_of"]["left"], first);
    let mirrored = json(&["diff", "002", "004", "--json"], None);
    let row = mirrored["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["right"] == again)
        .expect("row");
    assert_eq!(row["repeat_of"]["right"], first);
}

const MOVED_FIXTURE: [&str; 5] = [
    "Negotiators met for three hours at the air base and agreed to keep a military hotline open between the two sides, officials said afterwards.",
    "Energy officials discussed pipeline tariffs, liquefied gas exports and the price cap that was imposed by European buyers last winter.",
    "Prisoner exchanges were raised by both delegations, with lists of names to be swapped within weeks under the supervision of a neutral country.",
    "European allies asked for written guarantees before any ceasefire line is drawn on a map, and Kyiv repeated that it must be at the table.",
    "Markets barely moved on the news, with oil futures ending the session flat and the rouble slightly weaker against the dollar.",
];

#[test]
fn a_moved_paragraph_is_found_in_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = MOVED_FIXTURE;
    let left = [p[0], p[1], p[2], p[3], p[4]].join("\n\n");
    // The energy paragraph moves to the end, lightly edited.
    let edited = p[1].replace("last winter", "in December");
    let right = [p[0], p[2], p[3], p[4], &edited].join("\n\n");
    std::fs::write(dir.path().join("left.txt"), left).expect("write");
    std::fs::write(dir.path().join("right.txt"), right).expect("write");
    let doc = json(&["diff", "left", "right", "--json"], Some(dir.path()));
    let rows: Vec<(Value, Value, String, bool)> = doc["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            (
                r["left"].clone(),
                r["right"].clone(),
                r["kind"].as_str().unwrap_or("").to_string(),
                r["moved"].as_bool().unwrap_or(false),
            )
        })
        .collect();
    let moved: Vec<_> = rows.iter().filter(|r| r.3).collect();
    assert_eq!(moved.len(), 1, "{rows:?}");
    assert_eq!(
        (moved[0].0.clone(), moved[0].1.clone()),
        (Value::from(1), Value::from(4))
    );
    assert_eq!(moved[0].2, "near");
    let identical = rows.iter().filter(|r| r.2 == "identical" && !r.3).count();
    assert_eq!(identical, 4, "{rows:?}");
}

#[test]
fn human_output_fits_80_columns_and_marks_changes_without_colour() {
    let out = parallax(&["diff", "000", "002"], None);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(!text.contains('\x1b'), "no escape codes with NO_COLOR");
    for line in text.lines() {
        assert!(
            parallax::display::wrap::width(line) <= 80,
            "too wide: {line:?}"
        );
        // A header too long to leave room for the text ends the line.
        assert!(!line.ends_with(' '), "trailing blank: {line:?}");
    }
    assert!(text.contains("[-Framing-]{+framing+}"), "{text}");
    let last = text.lines().last().unwrap_or("");
    assert!(last.contains("identical") && last.contains("left only") && last.contains("moved"));
    // Metadata is folded, not printed block by block.
    assert!(text.contains("3 metadata blocks 1–3 folded"), "{text}");
}

#[test]
fn colour_is_used_on_request() {
    let out = parallax(&["diff", "000", "002", "--color", "always"], None);
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.contains("\x1b["));
    assert!(!text.contains("[-Framing-]"));
}

#[test]
fn unknown_articles_are_an_input_error() {
    let out = parallax(&["diff", "000", "nope"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nope"));
}

const PIECES: [&str; 22] = [
    "word",
    "Word",
    "the",
    " ",
    "  ",
    "\t",
    ",",
    ".",
    "—",
    "é",
    "e\u{301}",
    "日本語",
    "👩‍👩‍👧",
    "\u{200f}",
    "İ",
    "ß",
    "\n",
    "'s",
    "3.5",
    "can't",
    "",
    "ﬁ",
];

fn hostile(rng: &mut Rng, len: usize) -> String {
    (0..len).map(|_| PIECES[rng.below(PIECES.len())]).collect()
}

/// `text` with a few pieces replaced, inserted or removed.
fn edited(rng: &mut Rng, text: &str) -> String {
    let mut parts: Vec<String> = text.split_inclusive(' ').map(String::from).collect();
    for _ in 0..(rng.next_u64() % 5) {
        let at = (rng.next_u64() % (parts.len() as u64 + 1)) as usize;
        match rng.next_u64() % 3 {
            0 => parts.insert(at, PIECES[rng.below(PIECES.len())].to_string()),
            1 if at < parts.len() => {
                parts.remove(at);
            }
            _ if at < parts.len() => parts[at] = PIECES[rng.below(PIECES.len())].to_string(),
            _ => {}
        }
    }
    parts.concat()
}

#[test]
fn word_diff_is_exact_on_hostile_strings() {
    let mut rng = Rng::new(0x9e37_79b9_7f4a_7c15);
    let fixed = [
        ("", ""),
        ("", "   "),
        ("   ", ""),
        ("\n\n", " \t "),
        ("a", "a "),
        ("e\u{301}", "é"),
        ("👩‍👩‍👧 family", "👩‍👩‍👦 family"),
    ];
    for (l, r) in fixed {
        assert_exact(&word_diff(l, r, DEADLINE), l, r);
    }
    for round in 0..400 {
        let left = hostile(&mut rng, (round % 40) as usize);
        let right = if round % 3 == 0 {
            hostile(&mut rng, (round % 37) as usize)
        } else {
            edited(&mut rng, &left)
        };
        assert_exact(&word_diff(&left, &right, DEADLINE), &left, &right);
        assert_exact(&word_diff(&right, &left, Duration::ZERO), &right, &left);
    }
    let long_left = hostile(&mut rng, 20_000);
    let long_right = edited(&mut rng, &long_left) + &hostile(&mut rng, 5_000);
    assert_exact(
        &word_diff(&long_left, &long_right, DEADLINE),
        &long_left,
        &long_right,
    );
    assert_exact(
        &word_diff(&long_left, &long_right, Duration::ZERO),
        &long_left,
        &long_right,
    );
}

#[test]
fn a_zero_deadline_gives_exact_ops_on_every_builtin_pair() {
    let c = corpus::load_builtin();
    let related = RelatedIndex::build(&c);
    let loose = AlignOptions {
        related_min: 0.05,
        ..AlignOptions::default()
    };
    for l in 0..c.articles.len() {
        for r in 0..c.articles.len() {
            for row in align(&c, &related, l, r, &loose).rows {
                if let (Some(i), Some(j)) = (row.left, row.right) {
                    let (lt, rt) = (&c.articles[l].blocks[i].text, &c.articles[r].blocks[j].text);
                    assert_exact(&word_diff(lt, rt, Duration::ZERO), lt, rt);
                }
            }
        }
    }
}

/// A synthetic corpus: the built-in paragraphs with words swapped for
/// numbered variants, so the vocabulary grows like a real one.
fn synthetic(articles: usize, blocks_per_article: usize) -> Corpus {
    let base = corpus::load_builtin();
    let texts: Vec<&str> = base
        .articles
        .iter()
        .flat_map(|a| a.content_blocks().map(|(_, b)| b.text.as_str()))
        .collect();
    let mut rng = Rng::new(42);
    let mut c = Corpus::default();
    for a in 0..articles {
        let mut art = base.articles[a % base.articles.len()].clone();
        art.id = format!("syn{a:06}");
        art.blocks.clear();
        for _ in 0..blocks_per_article {
            let mut block = base.articles[0].blocks[4].clone();
            let text = texts[rng.below(texts.len())];
            block.text = text
                .split(' ')
                .map(|w| {
                    if rng.next_u64().is_multiple_of(8) {
                        format!("{w}{}", rng.next_u64() % 5000)
                    } else {
                        w.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join(" ");
            art.blocks.push(block);
        }
        c.articles.push(art);
    }
    c
}

/// CPU time of this thread, where Linux reports it: wall time on a shared
/// machine says more about the neighbours than about the code.
fn thread_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

fn cpu_since(start: Option<Duration>) -> String {
    match (start, thread_cpu()) {
        (Some(a), Some(b)) => format!("{:?} CPU", b.saturating_sub(a)),
        _ => "CPU time unavailable".into(),
    }
}

/// Scale check, run with
/// `cargo test --release --test cli -- diff:: --ignored --nocapture scale`.
/// Prints timings; asserts only the counts.
#[test]
#[ignore]
fn scale_related_index_and_alignment() {
    let c = synthetic(10_000, 20);
    let (start, cpu) = (std::time::Instant::now(), thread_cpu());
    let related = RelatedIndex::build(&c);
    let (built, built_cpu) = (start.elapsed(), cpu_since(cpu));
    assert_eq!(related.content_blocks(), 200_000);
    eprintln!(
        "RelatedIndex::build: 10,000 articles, 200,000 blocks, {} terms: {built:?} wall, {built_cpu}",
        related.vocabulary_size()
    );
    let wide = synthetic(2, 100);
    let related = RelatedIndex::build(&wide);
    let start = std::time::Instant::now();
    let scores = PairScores::compute(&wide, &related, 0, 1);
    let scored = start.elapsed();
    let start = std::time::Instant::now();
    let runs = 50;
    for k in 0..runs {
        let opts = AlignOptions {
            related_min: f64::from(k) / f64::from(runs),
            ..AlignOptions::default()
        };
        assert_eq!(
            align_scores(&scores, &opts)
                .rows
                .iter()
                .filter_map(|r| r.left)
                .count(),
            100
        );
    }
    let realigned = start.elapsed() / runs;
    let start = std::time::Instant::now();
    let mut full = align(&wide, &related, 0, 1, &AlignOptions::default());
    for _ in 1..runs {
        full = align(&wide, &related, 0, 1, &AlignOptions::default());
    }
    let once = start.elapsed() / runs;
    assert_invariants(&wide, &full, &AlignOptions::default());
    eprintln!(
        "100×100 blocks: score {scored:?}, re-align {realigned:?}, align {once:?} (wall, mean of {runs})"
    );
}

/// A paragraph that states a fact and then quotes someone at length makes
/// the point of a paragraph stating the fact alone: the quote's length
/// once made the fact's sentence count as its attribution and dropped it
/// from the evidence ("none shares a word").
#[test]
fn a_fact_followed_by_a_long_quote_pairs_with_the_fact_alone() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("g.txt"),
        "Alpha title\n\nSandoval meets the unions on Thursday.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("e.txt"),
        "Beta heading\n\nSandoval meets the unions on Thursday. \"I am sure they do and I am sure they mean it.\"\n",
    )
    .unwrap();
    let doc = json(
        &["diff", "g", "e", "--no-cache", "--json"],
        Some(dir.path()),
    );
    let paired: Vec<(u64, u64)> = doc["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| Some((r["left"].as_u64()?, r["right"].as_u64()?)))
        .collect();
    assert_eq!(paired, [(1, 1)], "{doc}");
}

/// Chrome is never compared, so an article's byline block against the same
/// block is one folded line naming both sides, never "left only" beside
/// "right only" (which read as though the two differed there).
#[test]
fn an_article_against_itself_has_no_one_sided_row() {
    for id in ["000", "004"] {
        let out = parallax(&["diff", id, id], None);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success());
        assert!(
            !text
                .lines()
                .any(|l| l.contains("left only ·") || l.contains("right only ·")),
            "{id}:\n{text}"
        );
        assert!(text.contains("folded · left "), "{id}:\n{text}");
    }
}
