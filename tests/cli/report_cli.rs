//! `parallax report`: the JSON contract (pair: `diff --json` plus metadata
//! and bookmarks; corpus: articles, pairs, topics), `-o` writing, and the
//! ways a report must not fail (no session, an unusable session) or must
//! fail in one line with exit 2 (bad arguments).

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output};

fn parallax(args: &[&str], data: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .env("PARALLAX_DATA_DIR", data)
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", "1755284400")
        .output()
        .expect("run parallax")
}

fn json(args: &[&str], data: &Path) -> Value {
    let out = parallax(args, data);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

fn keys(v: &Value) -> BTreeSet<&str> {
    v.as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect()
}

fn set<'a>(k: &[&'a str]) -> BTreeSet<&'a str> {
    k.iter().copied().collect()
}

/// One error line on stderr, nothing on stdout, exit code 2.
fn assert_input_error(out: &Output, mentions: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(out.stdout.is_empty());
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("parallax: error: "), "{err}");
    assert!(err.contains(mentions), "{err}");
}

#[test]
fn the_pair_json_is_diff_json_plus_metadata_and_bookmarks() {
    let data = tempfile::tempdir().unwrap();
    let report = json(&["report", "000", "004", "--format", "json"], data.path());
    assert_eq!(
        keys(&report),
        set(&[
            "left",
            "right",
            "options",
            "rows",
            "metadata",
            "bookmarks",
            "session",
            "generated"
        ])
    );
    let diff = json(&["diff", "000", "004", "--json"], data.path());
    for k in ["left", "right", "options", "rows"] {
        assert_eq!(report[k], diff[k], "{k} as in diff --json");
    }
    let list = json(&["list", "--json"], data.path());
    assert_eq!(report["metadata"]["left"], list[0]);
    assert_eq!(report["metadata"]["right"], list[4]);
    assert_eq!(report["bookmarks"], Value::Array(Vec::new()));
    assert_eq!(report["session"], Value::Null);
    assert_eq!(report["generated"], 1_755_284_400);
}

#[test]
fn the_corpus_json_lists_articles_pairs_and_capped_topics() {
    let data = tempfile::tempdir().unwrap();
    let report = json(&["report", "--all", "--format", "json"], data.path());
    assert_eq!(
        keys(&report),
        set(&[
            "articles",
            "across",
            "within",
            "topics",
            "quotes",
            "events",
            "bookmarks",
            "bookmarks_elsewhere",
            "session",
            "generated"
        ])
    );
    let articles = report["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 5);
    let list = json(&["list", "--json"], data.path());
    for (a, l) in articles.iter().zip(list.as_array().unwrap()) {
        for (k, v) in l.as_object().unwrap() {
            assert_eq!(&a[k], v, "article key {k} as in list --json");
        }
        assert!(a["shared"].is_u64() && a["repeats"].is_u64());
    }
    let dups = json(&["dups", "--json"], data.path());
    let scoped = |scope: &str| -> Vec<Value> {
        dups.as_array()
            .unwrap()
            .iter()
            .filter(|d| d["scope"] == scope && d["heading_echo"] == false)
            .cloned()
            .collect()
    };
    assert_eq!(report["across"], Value::Array(scoped("across")));
    // The report's repeats leave heading echoes out, as its Repeats column.
    assert_eq!(report["within"], Value::Array(scoped("within")));
    assert_eq!(report["within"].as_array().map(Vec::len), Some(2));
    let topics = &report["topics"];
    let shown = topics["shown"].as_u64().unwrap();
    assert!(shown > 0 && shown <= 50);
    assert!(topics["total"].as_u64().unwrap() >= shown);
    let rows = topics["rows"].as_array().unwrap();
    assert_eq!(rows.len() as u64, shown);
    assert_eq!(
        keys(&rows[0]),
        set(&["label", "kind", "covering", "weights"])
    );
    let covering: Vec<u64> = rows
        .iter()
        .map(|r| r["covering"].as_u64().unwrap())
        .collect();
    assert!(
        covering.windows(2).all(|w| w[0] >= w[1]),
        "most covered first"
    );
}

#[test]
fn output_to_a_file_matches_stdout() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.md");
    std::fs::write(&file, "an older report").unwrap();
    let out = parallax(
        &["report", "000", "002", "-o", file.to_str().unwrap()],
        data.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty(), "nothing on stdout with -o");
    let to_stdout = parallax(&["report", "000", "002"], data.path());
    assert_eq!(std::fs::read(&file).unwrap(), to_stdout.stdout);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["report.md"], "no temporary left behind");
}

#[test]
fn bad_input_is_one_line_and_exit_2() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    assert_input_error(&parallax(&["report", "000"], d), "needs two articles");
    assert_input_error(&parallax(&["report"], d), "--all");
    assert_input_error(&parallax(&["report", "000", "zzz"], d), "zzz");
    assert_input_error(
        &parallax(&["report", "000", "004", "--session", "../etc"], d),
        "bad session name",
    );
    assert_input_error(
        &parallax(&["report", "000", "004", "-o", "/nonexistent/dir/r.md"], d),
        "no such folder",
    );
    assert_input_error(
        &parallax(&["report", "000", "004", "-o", d.to_str().unwrap()], d),
        "is a folder",
    );
    let bad_format = parallax(&["report", "000", "004", "--format", "pdf"], d);
    assert_eq!(bad_format.status.code(), Some(2));
    // Two formats at once: the one line names the report's help, not its
    // second usage line.
    let both = parallax(&["report", "000", "004", "--json", "--format", "md"], d);
    assert_input_error(&both, "cannot be used with");
    let err = String::from_utf8_lossy(&both.stderr);
    assert!(err.ends_with("(see 'parallax report --help')\n"), "{err}");
    let unknown = parallax(&["report", "--all", "--bogus"], d);
    assert_eq!(
        String::from_utf8_lossy(&unknown.stderr),
        "parallax: error: unexpected argument '--bogus' found (see 'parallax report --help')\n"
    );
}

#[test]
fn json_is_the_json_format() {
    // As every other command takes it.
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    for items in [&["000", "004"][..], &["--all"][..]] {
        let args = |extra: &[&'static str]| [&["report"][..], items, extra].concat();
        assert_eq!(
            parallax(&args(&["--json"]), d).stdout,
            parallax(&args(&["--format", "json"]), d).stdout
        );
    }
}

#[test]
fn a_missing_session_never_fails_a_report() {
    let data = tempfile::tempdir().unwrap();
    let missing = data.path().join("nowhere");
    let quiet = parallax(&["report", "000", "004"], &missing);
    assert!(quiet.status.success());
    assert!(
        !String::from_utf8_lossy(&quiet.stderr).contains("warning"),
        "no default session is not worth a warning"
    );
    let named = parallax(&["report", "000", "004", "--session", "alaska"], &missing);
    assert!(named.status.success());
    let err = String::from_utf8_lossy(&named.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no saved session 'alaska'"), "{err}");
    assert!(!missing.exists(), "a report creates no data folder");
}

#[test]
fn an_unusable_session_is_one_warning_and_is_left_in_place() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("default.json");
    std::fs::write(&file, "{\"version\": 1, \"view\": ").unwrap();
    let out = parallax(&["report", "000", "004", "--format", "json"], data.path());
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("not a readable session"), "{err}");
    assert!(err.contains("the report has no notes"), "{err}");
    assert!(file.exists(), "a report only reads the store");
    let future = data.path().join("next.json");
    std::fs::write(&future, "{\"version\": 99}").unwrap();
    let out = parallax(&["report", "000", "004", "--session", "next"], data.path());
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("newer parallax (format 99"));
}
