//! `parallax dups --groups`: near-duplicates as shared passages, one line
//! per group. On the built-in corpus, 004's repeated intro and 003's
//! repeated caption are groups within one article; on a corpus where one
//! paragraph stands in 2,000 articles it is one line (and one JSON group
//! of 2,000 members), not 1,999,000 pair lines.

use serde_json::Value;
use std::process::{Command, Output};

fn parallax(args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .output()
        .expect("run parallax");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn text(args: &[&str]) -> String {
    String::from_utf8(parallax(args).stdout).expect("UTF-8")
}

#[test]
fn builtin_groups_one_line_each_with_scope_and_scores() {
    let out = text(&["dups", "--groups"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 9, "{out}");
    assert_eq!(lines[7], "");
    assert_eq!(
        lines[8],
        "7 groups (4 within, 3 across, 0 both); score ≥ 0.50"
    );
    assert!(
        out.contains(
            "within   2 blocks   1 article   min 1.00  004 #4, 004 #6  Putin Trump meeting"
        ),
        "{out}"
    );
    assert!(
        out.contains("within   2 blocks   1 article   min 1.00  003 #8, 003 #9  The President"),
        "{out}"
    );
    // Widest spread first.
    assert!(lines[..3].iter().all(|l| l.starts_with("across")), "{out}");
    let within = text(&["dups", "--groups", "--scope", "within"]);
    assert!(within.lines().filter(|l| l.starts_with("within")).count() == 4);
    assert!(!within.contains("across "), "{within}");
}

#[test]
fn builtin_groups_as_json() {
    let v: Value =
        serde_json::from_slice(&parallax(&["dups", "--groups", "--json"]).stdout).unwrap();
    let groups = v.as_array().unwrap();
    assert_eq!(groups.len(), 7);
    for g in groups {
        for key in ["members", "scope", "min_score"] {
            assert!(g.get(key).is_some(), "{key} in {g}");
        }
        for m in g["members"].as_array().unwrap() {
            assert!(m["article"].is_string() && m["block"].is_u64(), "{m}");
        }
        assert!(["within", "across", "both"].contains(&g["scope"].as_str().unwrap()));
    }
    let intro = groups
        .iter()
        .find(|g| {
            g["members"][0]["article"]
                .as_str()
                .unwrap()
                .starts_with("004")
        })
        .expect("004's intro");
    assert_eq!(intro["scope"], "within");
    let blocks: Vec<u64> = intro["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["block"].as_u64().unwrap())
        .collect();
    assert_eq!(blocks, [4, 6]);
    // The pair output is unchanged by the new flag's existence.
    let pairs = text(&["dups"]);
    assert!(
        pairs.ends_with("7 pairs (4 within, 3 across); score ≥ 0.50, within and across articles\n")
    );
}

#[test]
fn a_paragraph_in_two_thousand_articles_is_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let shared = "The regional assembly approved the coastal defence budget after a \
                  marathon session that ran past midnight on Thursday.";
    for n in 0..2000 {
        // A title and a paragraph of this article's own (every five-word
        // window holds words unique to it), then the shared paragraph.
        let own: Vec<String> = (0..12).map(|k| format!("w{n}x{k}")).collect();
        let body = format!("Report {n}\n\n{}\n\n{shared}\n", own.join(" "));
        std::fs::write(dir.path().join(format!("a{n:04}.txt")), body).unwrap();
    }
    let path = dir.path().to_str().unwrap();
    let out = text(&["dups", "--groups", path]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines.len(),
        3,
        "one group line, a blank line, the summary:\n{out}"
    );
    assert!(
        lines[0].starts_with("across 2000 blocks 2000 articles  min 1.00"),
        "{out}"
    );
    assert!(lines[0].contains("The regional assembly"), "{out}");
    assert_eq!(
        lines[2],
        "1 group (0 within, 1 across, 0 both); score ≥ 0.50"
    );
    let v: Value =
        serde_json::from_slice(&parallax(&["dups", "--groups", "--json", path]).stdout).unwrap();
    let groups = v.as_array().unwrap();
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0]["members"].as_array().unwrap().len(), 2000);
    assert_eq!(groups[0]["scope"], "across");
    assert_eq!(groups[0]["min_score"], 1.0);
}

#[test]
fn at_eighty_columns_every_member_is_shown_whole_on_indented_lines() {
    let dir = tempfile::tempdir().unwrap();
    let shared = "The regional assembly approved the coastal defence budget after a \
                  marathon session that ran past midnight on Thursday.";
    // Each copy after words of its own: scores below 1, said per member.
    for (name, own) in [
        ("courier", "Harbour fees rise again."),
        ("gazette", "The mayor spoke at length."),
        ("herald", "Ferries ran late all week."),
        ("wire", "Markets closed slightly lower."),
    ] {
        let body = format!("Report of the {name}\n\n{own} {shared}\n");
        std::fs::write(dir.path().join(format!("{name}_2025_08_15.txt")), body).unwrap();
    }
    let path = dir.path().to_str().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["dups", "--groups", path])
        .env("NO_COLOR", "1")
        .env("COLUMNS", "80")
        .output()
        .expect("run parallax");
    let out = String::from_utf8(out.stdout).expect("UTF-8");
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].starts_with("across   4 blocks   4 articles"),
        "{out}"
    );
    let column = lines[0].find("cou #").expect("the members' column");
    let below = lines[1..].iter().take_while(|l| l.starts_with(' '));
    let group: Vec<&str> = lines[..1].iter().chain(below).copied().collect();
    assert!(
        group.len() > 1,
        "members past the first line go below:\n{out}"
    );
    for line in &group[1..] {
        let (indent, members) = line.split_at(column);
        assert!(
            indent.trim().is_empty() && !members.starts_with(' '),
            "{out}"
        );
    }
    // Whole members, each once, and nothing past 80 columns.
    let members = group.join("\n");
    for id in ["cou #1", "gaz #1", "her #1", "wir #1"] {
        assert_eq!(members.matches(id).count(), 1, "{id}:\n{out}");
    }
    assert!(group[1..].iter().all(|l| !l.contains('…')), "{out}");
    assert!(lines.iter().all(|l| l.chars().count() <= 80), "{out}");
}

/// A heading that its own article's caption or first paragraph echoes is
/// marked as such in `dups` (text and JSON): on the built-in corpus 001's
/// title caption and section lede are echoes, 003's doubled caption and
/// 004's doubled intro are repeats.
#[test]
fn heading_echoes_are_marked() {
    let pairs: Value =
        serde_json::from_slice(&parallax(&["dups", "--scope", "within", "--json"]).stdout).unwrap();
    let marks: Vec<(String, bool)> = pairs
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let id = p["a"]["article"].as_str().unwrap()[..3].to_string();
            (id, p["heading_echo"].as_bool().unwrap())
        })
        .collect();
    let want = [("001", true), ("001", true), ("003", false), ("004", false)];
    let want: Vec<(String, bool)> = want.iter().map(|(a, e)| (a.to_string(), *e)).collect();
    assert_eq!(marks, want);
    let out = text(&["dups", "--scope", "within"]);
    assert_eq!(out.matches("  heading echo").count(), 2, "{out}");
    assert!(out.contains(
        "2 of the within pairs are heading echoes (layout, not repeats)\n4 pairs (4 within, 0 across)"
    ));
}
