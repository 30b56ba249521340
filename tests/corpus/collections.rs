//! Collections: JSON Lines and CSV files with one article per record,
//! plain or compressed, read through the real binary.

use crate::support::run;

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(60);

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/inputs")
        .join(name)
}

fn list_json(args: &[&str]) -> (Vec<Value>, String) {
    let mut all = vec!["list", "--json"];
    all.extend_from_slice(args);
    let ran = run::parallax(&all, TIMEOUT);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr_text());
    let rows: Vec<Value> = serde_json::from_slice(&ran.stdout).unwrap();
    (rows, ran.stderr_text())
}

fn field<'a>(row: &'a Value, key: &str) -> Option<&'a str> {
    row.get(key).and_then(Value::as_str)
}

#[test]
fn json_lines_records_become_articles_and_a_bad_line_is_one_warning() {
    let path = fixture("summit.jsonl");
    let (rows, stderr) = list_json(&[path.to_str().unwrap()]);
    assert_eq!(rows.len(), 3, "{rows:#?}");
    let first = &rows[0];
    assert_eq!(field(first, "id"), Some("wire-001"));
    assert_eq!(
        field(first, "title"),
        Some("Leaders meet in Anchorage for first summit in years")
    );
    assert_eq!(field(first, "outlet"), Some("Example Wire"));
    assert_eq!(field(first, "outlet_source"), Some("record"));
    assert_eq!(field(first, "date"), Some("2025-08-15"));
    assert_eq!(field(first, "byline"), Some("Jane Doe"));
    assert_eq!(
        field(first, "url"),
        Some("https://www.example-wire.com/world/anchorage-summit")
    );
    // No outlet field: the URL's host names it.
    assert_eq!(field(&rows[1], "id"), Some("summit-2"));
    assert_eq!(field(&rows[1], "outlet"), Some("news.example.org"));
    assert_eq!(field(&rows[1], "outlet_source"), Some("url_host"));
    assert_eq!(field(&rows[1], "date"), Some("2025-08-16"));
    // A list of paragraphs is the body; `headline`, `domain` are known names.
    assert_eq!(
        field(&rows[2], "title"),
        Some("What the Alaska talks mean for Europe")
    );
    assert_eq!(field(&rows[2], "outlet"), Some("europe-daily.example"));
    assert_eq!(field(&rows[2], "date"), Some("2025-08-17"));
    let warnings: Vec<&str> = stderr.lines().collect();
    assert_eq!(warnings.len(), 1, "{stderr}");
    assert!(
        warnings[0].contains("summit.jsonl: line 3:") && warnings[0].contains("record skipped"),
        "{stderr}"
    );
}

#[test]
fn show_keeps_the_record_paragraphs_under_its_title() {
    let path = fixture("summit.jsonl");
    let ran = run::parallax(&["show", "wire", path.to_str().unwrap(), "--json"], TIMEOUT);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr_text());
    let doc: Value = serde_json::from_slice(&ran.stdout).unwrap();
    let blocks: Vec<(&str, &str)> = doc["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| (b["kind"].as_str().unwrap(), b["text"].as_str().unwrap()))
        .collect();
    assert_eq!(blocks[0].0, "heading");
    assert_eq!(blocks.len(), 4, "{blocks:?}");
    assert!(
        blocks[1..].iter().all(|(k, _)| *k == "paragraph"),
        "{blocks:?}"
    );
}

#[test]
fn csv_needs_the_field_named_when_its_key_is_unusual() {
    let path = fixture("summit.csv");
    let ran = run::parallax(&["list", "--json", path.to_str().unwrap()], TIMEOUT);
    assert_eq!(ran.code, Some(2));
    let stderr = ran.stderr_text();
    assert!(
        stderr.contains("2 records with no text") && stderr.contains("--field text=KEY"),
        "{stderr}"
    );
    assert!(
        stderr.contains("story"),
        "the keys it has are named: {stderr}"
    );

    let (rows, stderr) = list_json(&["--field", "text=story", path.to_str().unwrap()]);
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert_eq!(field(&rows[0], "title"), Some("Talks in Alaska"));
    assert_eq!(field(&rows[0], "outlet"), Some("Northern Times"));
    assert_eq!(field(&rows[0], "date"), Some("2025-08-15"));
    // The story field is there, empty: no key to name.
    assert!(
        stderr.contains("1 record with empty text skipped (line 5)"),
        "{stderr}"
    );
    assert!(!stderr.contains("--field"), "{stderr}");
}

#[test]
fn a_bad_field_option_is_refused() {
    let ran = run::parallax(&["list", "--field", "body=story"], TIMEOUT);
    assert_eq!(ran.code, Some(2));
    assert!(
        ran.stderr_text().contains("not a field"),
        "{}",
        ran.stderr_text()
    );
}

#[test]
fn compressed_collections_and_a_mixed_folder_load() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = std::fs::read(fixture("summit.jsonl")).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&jsonl).unwrap();
    std::fs::write(dir.path().join("a.jsonl.gz"), gz.finish().unwrap()).unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "A plain article\n\nThe committee met on Tuesday and agreed on the budget.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("c.md"),
        "# Markdown one\n\nSome text here.\n",
    )
    .unwrap();
    let (rows, _) = list_json(&[dir.path().to_str().unwrap()]);
    let ids: Vec<&str> = rows.iter().filter_map(|r| field(r, "id")).collect();
    assert_eq!(ids, ["wire-001", "a-2", "a-3", "b", "c"]);
}

#[test]
fn a_zstd_collection_loads() {
    let dir = tempfile::tempdir().unwrap();
    // A zstd frame holding one raw block (no compression needed to test
    // the reading side): magic, frame header with single-segment flag
    // and a 1-byte content size, then a last raw block.
    let body = b"{\"title\":\"Z\",\"text\":\"Zstd text of the article.\"}\n";
    let mut frame = vec![0x28, 0xB5, 0x2F, 0xFD, 0x20, body.len() as u8];
    let header = ((body.len() as u32) << 3) | 1; // last block, raw
    frame.extend_from_slice(&header.to_le_bytes()[..3]);
    frame.extend_from_slice(body);
    std::fs::write(dir.path().join("z.jsonl.zst"), frame).unwrap();
    let (rows, stderr) = list_json(&[dir.path().to_str().unwrap()]);
    assert_eq!(rows.len(), 1, "{stderr}");
    assert_eq!(field(&rows[0], "title"), Some("Z"));
}

#[test]
fn a_record_id_taken_before_is_renamed_with_one_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dams.jsonl");
    let record = |id: &str| {
        format!(
            "{{\"id\":\"{id}\",\"title\":\"Dam\",\"text\":\"Inspectors found cracks in the spillway.\"}}\n"
        )
    };
    let text = [
        record("dam-1"),
        record("dam-2"),
        record("dam-1"),
        record("dam-2"),
    ]
    .concat();
    std::fs::write(&path, text).unwrap();
    let (rows, stderr) = list_json(&[path.to_str().unwrap()]);
    let ids: Vec<&str> = rows.iter().filter_map(|r| field(r, "id")).collect();
    assert_eq!(ids, ["dam-1", "dam-2", "dam-1-2", "dam-2-2"]);
    let said: Vec<&str> = stderr.lines().filter(|l| l.contains("taken")).collect();
    assert_eq!(said.len(), 1, "{stderr}");
    assert!(
        said[0].ends_with(
            "dams.jsonl: line 3: record id dam-1 is taken; loaded as dam-1-2 \
             (1 more taken id renamed the same way)"
        ),
        "{stderr}"
    );
}
