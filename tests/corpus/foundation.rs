//! The corpus model and the headless `list` / `show` commands, on the
//! built-in corpus and on user folders with odd files.

use parallax::corpus::{self, BlockKind};
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn parallax(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run parallax")
}

fn json(args: &[&str]) -> Value {
    let out = parallax(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

#[test]
fn builtin_metadata_matches_the_table() {
    let rows = json(&["list", "--json"]);
    let expected = [
        (
            "000",
            "US Russia Anchorage talks: Diplomatic Signals from the Alaska Summit",
            Some("THE MAG POST"),
            Some("Sep 5"),
            Some(4),
        ),
        (
            "001",
            "US-Russia Alaska Summit: Prospects and Pitfalls",
            Some("THE MAG POST"),
            None,
            None,
        ),
        (
            "002",
            "Trump Putin Alaska meeting: What It Means for Ukraine and Global Diplomacy",
            Some("THE MAG POST"),
            Some("Sep 5"),
            Some(4),
        ),
        (
            "003",
            "What Was Agreed Behind Closed Doors in Anchorage?",
            Some("MoneyOval"),
            None,
            Some(3),
        ),
        (
            "004",
            "Putin Trump meeting in Alaska: When diplomacy takes the stage",
            Some("THE MAG POST"),
            Some("Aug 24"),
            Some(10),
        ),
    ];
    let rows = rows.as_array().expect("array");
    assert_eq!(rows.len(), expected.len());
    for (row, (id, title, outlet, date, minutes)) in rows.iter().zip(expected) {
        assert!(row["id"].as_str().unwrap().starts_with(id));
        assert_eq!(row["title"], title, "{id}");
        assert_eq!(row["outlet"].as_str(), outlet, "{id}");
        assert_eq!(row["date"].as_str(), date, "{id}");
        assert_eq!(
            row["read_minutes"].as_u64(),
            minutes.map(|m: u64| m),
            "{id}"
        );
        for key in ["words", "blocks", "path"] {
            assert!(row.get(key).is_some(), "{id} lacks {key}");
        }
        assert!(row["words"].as_u64().unwrap() > 300);
    }
}

/// `show --json` once wrote `"blocks": 42` beside `"blocks": [...]`: a
/// reader that keeps the first key (or rejects repeats) lost the list.
#[test]
fn show_json_names_each_key_once_and_counts_its_blocks() {
    let out = parallax(&["show", "004", "--json"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let top_level_keys: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("  \"") && !l.starts_with("   "))
        .filter_map(|l| l.trim().split('"').nth(1))
        .collect();
    let mut unique = top_level_keys.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), top_level_keys.len(), "{top_level_keys:?}");
    let doc: Value = serde_json::from_str(&text).unwrap();
    let listed = doc["blocks"].as_array().unwrap().len();
    assert_eq!(doc["block_count"].as_u64(), Some(listed as u64));
}

#[test]
fn show_004_has_the_repeated_intro_chrome_and_table() {
    let doc = json(&["show", "004", "--json"]);
    let blocks = doc["blocks"].as_array().unwrap();
    let paragraphs: Vec<&str> = blocks
        .iter()
        .filter(|b| b["kind"] == "paragraph")
        .map(|b| b["text"].as_str().unwrap())
        .collect();
    let intro = paragraphs[0];
    assert!(intro.starts_with("Putin Trump meeting momentum"));
    assert_eq!(
        paragraphs.iter().filter(|p| **p == intro).count(),
        2,
        "intro appears twice as paragraph"
    );

    let network = blocks
        .iter()
        .position(|b| b["text"] == "From our network :")
        .expect("network heading");
    for b in &blocks[network..] {
        assert_eq!(b["kind"], "boilerplate", "{b}");
        assert!(b["reason"].as_str().is_some_and(|r| !r.is_empty()), "{b}");
    }
    assert!(
        network + 5 < blocks.len(),
        "the links under it are kept as blocks"
    );
    let rows: Vec<&Value> = blocks.iter().filter(|b| b["kind"] == "table_row").collect();
    assert_eq!(rows.len(), 7);
    assert!(
        rows[0]["text"]
            .as_str()
            .unwrap()
            .starts_with("Aspect | Highlights")
    );
    for (i, b) in blocks.iter().enumerate() {
        assert_eq!(b["index"], i);
        assert_eq!(b["reason"].is_null(), b["kind"] != "boilerplate");
    }
}

#[test]
fn model_kinds_across_the_builtin_shapes() {
    let c = corpus::load_builtin();
    let kinds = |id: &str| {
        let a = &c.articles[c.resolve(id).unwrap()];
        a.blocks
            .iter()
            .map(|b| (b.kind, b.text.clone()))
            .collect::<Vec<_>>()
    };
    // 000: one paragraph per line, header metadata, a pipe table, trailing chrome.
    let k = kinds("000");
    assert_eq!(k[0].0, BlockKind::Heading);
    assert_eq!(
        &k[1..4].iter().map(|x| x.0).collect::<Vec<_>>(),
        &[BlockKind::Metadata; 3]
    );
    assert!(k.iter().any(|(kind, t)| *kind == BlockKind::Heading && t == "Media Framing and Public Opinion"));
    assert_eq!(k.iter().filter(|x| x.0 == BlockKind::TableRow).count(), 5);
    assert_eq!(k.last().unwrap().0, BlockKind::Boilerplate);
    // 001: two-column table with one cell per blank-separated line.
    let k = kinds("001");
    assert!(
        k.iter().any(|(kind, t)| *kind == BlockKind::TableRow
            && t.starts_with("Key players | Putin and Trump"))
    );
    assert!(
        k.iter()
            .any(|(kind, t)| *kind == BlockKind::Caption && t.contains("representative image"))
    );
    assert_eq!(k[0].0, BlockKind::Boilerplate);
    // 003: navigation and a loading indicator before the real title.
    let k = kinds("003");
    assert!(k[..3].iter().all(|x| x.0 == BlockKind::Boilerplate));
    assert_eq!(
        k[3],
        (
            BlockKind::Heading,
            "What Was Agreed Behind Closed Doors in Anchorage?".into()
        )
    );
    assert!(
        k.iter()
            .any(|(kind, t)| *kind == BlockKind::Metadata && t == "By MoneyOval Bureau")
    );
    assert!(
        k.iter().any(|(kind, t)| *kind == BlockKind::Boilerplate
            && t.starts_with("What is the most credible"))
    );
    let a = &c.articles[c.resolve("003").unwrap()];
    assert_eq!(a.meta.byline.as_deref(), Some("MoneyOval Bureau"));
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

#[test]
fn windows_1252_crlf_folder_loads_with_correct_text() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "one.txt",
        b"Caf\xe9 talks end\r\n\r\nThe minister said \x93we are close\x94 and left \x96 quickly.\r\n\r\nIt\x92s over.\r\n",
    );
    write(
        dir.path(),
        "two.txt",
        b"Second story\r\n\r\nPlain text here.\r\n",
    );
    let c = corpus::load_paths(&[dir.path().to_path_buf()]).unwrap();
    assert_eq!(c.articles.len(), 2);
    let a = &c.articles[0];
    assert_eq!(a.meta.title.as_deref(), Some("Café talks end"));
    assert_eq!(
        a.blocks[1].text,
        "The minister said \u{201C}we are close\u{201D} and left \u{2013} quickly."
    );
    assert_eq!(a.blocks[2].text, "It\u{2019}s over.");
    assert!(a.blocks.iter().all(|b| !b.text.contains('\r')));
    assert_eq!(a.blocks[1].kind, BlockKind::Paragraph);
}

#[test]
fn unreadable_files_are_skipped_with_one_warning_each() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "good.txt",
        b"A good title\n\nSome text that is fine.\n",
    );
    write(dir.path(), "empty.txt", b"");
    write(dir.path(), "binary.txt", b"\x00\x01\x02binary");
    std::os::unix::fs::symlink(dir.path().join("missing"), dir.path().join("dangling.txt"))
        .unwrap();
    let fifo = dir.path().join("pipe.txt");
    let made_fifo = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    let out = parallax(&["list", "--json", dir.path().to_str().unwrap()]);
    assert!(out.status.success());
    let rows: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    for name in ["empty.txt", "binary.txt", "dangling.txt"] {
        assert_eq!(
            stderr.lines().filter(|l| l.contains(name)).count(),
            1,
            "{name}: {stderr}"
        );
    }
    if made_fifo {
        assert!(
            stderr
                .lines()
                .any(|l| l.contains("pipe.txt") && l.contains("not a regular file")),
            "{stderr}"
        );
    }
}

#[test]
fn no_readable_article_is_exit_2_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "notes.bin", b"\x00\x00");
    let out = parallax(&["list", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.lines().filter(|l| l.contains("error")).count(),
        1,
        "{stderr}"
    );
    let missing = parallax(&["show", "999"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no article matches '999'"));
}

#[test]
fn human_list_fits_80_columns_without_colour() {
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["list"])
        .env("COLUMNS", "80")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\x1b'));
    assert_eq!(text.lines().count(), 6);
    for line in text.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 80, "{line}");
    }
}

#[test]
fn markdown_files_use_the_markup() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.md",
        b"# A headline\n\nBy Jane Roe\n\nFirst *paragraph* of text.\n\n- a point\n- another\n",
    );
    let c = corpus::load_paths(&[dir.path().to_path_buf()]).unwrap();
    let a = &c.articles[0];
    assert_eq!(a.meta.title.as_deref(), Some("A headline"));
    let kinds: Vec<BlockKind> = a.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            BlockKind::Heading,
            BlockKind::Metadata,
            BlockKind::Paragraph,
            BlockKind::ListItem,
            BlockKind::ListItem
        ]
    );
    assert_eq!(a.meta.byline.as_deref(), Some("Jane Roe"));
}

#[test]
fn dates_are_kept_as_written_and_given_as_iso_when_they_name_a_day() {
    let dir = tempfile::tempdir().unwrap();
    for (name, date) in [
        ("a.md", "March 3, 2025"),
        ("b.md", "2025-03-04T10:00:00Z"),
        ("c.md", "Tuesday"),
    ] {
        let text =
            format!("---\ntitle: {name}\ndate: {date}\n---\n\nThe council met on the budget.\n");
        write(dir.path(), name, text.as_bytes());
    }
    let rows = json(&["list", "--json", dir.path().to_str().unwrap()]);
    let got: Vec<(Option<&str>, Option<&str>)> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["date"].as_str(), r["date_iso"].as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (Some("March 3, 2025"), Some("2025-03-03")),
            (Some("2025-03-04T10:00:00Z"), Some("2025-03-04")),
            (Some("Tuesday"), None),
        ]
    );
}

#[test]
fn a_dateline_with_its_source_and_a_byline_with_its_date_come_apart() {
    let dir = tempfile::tempdir().unwrap();
    let lede = "A fire broke out at the Millbrook ferry terminal on Monday night, officials said, and crews fought it for hours.";
    write(
        dir.path(),
        "a.txt",
        format!("Fire at Millbrook terminal\n\nBy Dana Whitfield, Millbrook Courier\nMarch 3, 2025\n\n{lede}\n").as_bytes(),
    );
    write(
        dir.path(),
        "b.txt",
        format!("Fire at Millbrook terminal\n\nNorthern Wire Service - 3 March 2025\n\n{lede}\n")
            .as_bytes(),
    );
    let rows = json(&["list", "--json", dir.path().to_str().unwrap()]);
    let field = |i: usize, k: &str| rows[i][k].as_str().map(str::to_string);
    assert_eq!(
        field(0, "byline").as_deref(),
        Some("Dana Whitfield, Millbrook Courier")
    );
    assert_eq!(field(0, "date_iso").as_deref(), Some("2025-03-03"));
    assert_eq!(field(1, "outlet").as_deref(), Some("Northern Wire Service"));
    assert_eq!(field(1, "date_iso").as_deref(), Some("2025-03-03"));
    // The dateline is metadata, not a heading of the text.
    let shown = json(&["show", "b", dir.path().to_str().unwrap(), "--json"]);
    let kinds: Vec<&str> = shown["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|b| b["kind"].as_str())
        .collect();
    assert_eq!(kinds, ["heading", "metadata", "paragraph"], "{shown}");
}
