//! Saved web pages: the article found in the page with its structure and
//! metadata, the rest kept as boilerplate with the reason; hostile pages
//! (escapes in entities, deep nesting, gzip bombs) stay harmless.

use crate::support::run;

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(120);

fn pages() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/inputs/pages")
}

fn json(args: &[&str]) -> (Value, String) {
    let ran = run::parallax(args, TIMEOUT);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr_text());
    (
        serde_json::from_slice(&ran.stdout).unwrap(),
        ran.stderr_text(),
    )
}

fn blocks(doc: &Value) -> Vec<(String, String)> {
    doc["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["kind"].as_str().unwrap().to_string(),
                b["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_saved_page_gives_its_article_and_metadata() {
    let dir = pages();
    let (doc, _) = json(&["show", "harbour", dir.to_str().unwrap(), "--json"]);
    assert_eq!(doc["title"], "Harbour reopens after storm repairs");
    assert_eq!(doc["outlet"], "The Coastal Courier");
    assert_eq!(doc["outlet_source"], "site_name");
    assert_eq!(doc["date"], "2025-03-14");
    assert_eq!(doc["byline"], "Maria Lopes");
    assert_eq!(doc["language"], "en-GB");
    assert_eq!(
        doc["url"],
        "https://www.coastal-courier.example/news/harbour-reopens"
    );
    let bs = blocks(&doc);
    let kind_of = |start: &str| {
        bs.iter()
            .find(|(_, t)| t.starts_with(start))
            .map(|(k, _)| k.as_str())
            .unwrap_or_else(|| panic!("no block starting {start:?} in {bs:#?}"))
    };
    assert_eq!(kind_of("Harbour reopens"), "heading");
    assert_eq!(kind_of("What changed"), "heading");
    assert_eq!(kind_of("The harbour at Port Ellery"), "paragraph");
    assert_eq!(kind_of("The outer breakwater"), "list_item");
    assert_eq!(kind_of("The rebuilt breakwater at low tide"), "caption");
    assert_eq!(kind_of("Breakwater | £4.2m"), "table_row");
    assert_eq!(kind_of("“We lost a whole season,”"), "quote");
    // The chrome is kept, as boilerplate with the reason.
    assert_eq!(kind_of("Subscribe to our newsletter"), "boilerplate");
    assert_eq!(kind_of("Lifeboat crew honoured"), "boilerplate");
    let reason = doc["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["text"] == "Lifeboat crew honoured")
        .unwrap()["reason"]
        .clone();
    assert_eq!(reason, "left out by the main-content extractor");
    // Nothing of scripts or styles.
    assert!(
        bs.iter()
            .all(|(_, t)| !t.contains("tracking") && !t.contains("color: red"))
    );
    // Entities are decoded, then sanitised: the bidi override and the
    // escape are placeholders, counted.
    assert_eq!(doc["hidden_chars"], 2);
    let master = bs
        .iter()
        .find(|(_, t)| t.starts_with("Harbour master"))
        .unwrap();
    assert!(
        !master.1.contains('\u{202E}') && !master.1.contains('\u{1b}'),
        "{master:?}"
    );
}

#[test]
fn without_a_site_name_the_url_host_names_the_outlet() {
    let dir = pages();
    let (rows, _) = json(&["list", "--json", dir.to_str().unwrap()]);
    let row = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "no-site-name")
        .unwrap();
    assert_eq!(row["outlet"], "island-news.example");
    assert_eq!(row["outlet_source"], "url_host");
    assert_eq!(row["title"], "Ferry timetable changes for spring");
}

#[test]
fn a_folder_mixing_text_markdown_pages_and_collections_opens() {
    let dir = tempfile::tempdir().unwrap();
    let page = std::fs::read(pages().join("harbour.html")).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&page).unwrap();
    std::fs::write(dir.path().join("harbour.html.gz"), gz.finish().unwrap()).unwrap();
    std::fs::copy(
        pages().join("no-site-name.htm"),
        dir.path().join("ferry.htm"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("notes.txt"),
        "Plain notes\n\nThe committee met on Tuesday and agreed on the budget.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("brief.md"), "# Brief\n\nSome text here.\n").unwrap();
    std::fs::write(
        dir.path().join("wire.jsonl"),
        "{\"id\":\"w1\",\"title\":\"Wire copy\",\"text\":\"A wire story.\"}\n",
    )
    .unwrap();
    let (rows, stderr) = json(&["list", "--json", dir.path().to_str().unwrap()]);
    let ids: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        ["brief", "ferry", "harbour", "notes", "w1"],
        "{stderr}"
    );
    let harbour = &rows[2];
    assert_eq!(harbour["title"], "Harbour reopens after storm repairs");
}

#[test]
fn hostile_pages_stay_harmless() {
    let dir = tempfile::tempdir().unwrap();
    // 200,000 nested elements around real text.
    let deep = format!(
        "<html><body>{}<p>Deep text survives the nesting cap and is read as the article body here.</p>{}</body></html>",
        "<div>".repeat(200_000),
        "</div>".repeat(200_000)
    );
    std::fs::write(dir.path().join("deep.html"), deep).unwrap();
    // A gzip bomb: 256 MiB of zeros in a few hundred KiB.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..256 {
        gz.write_all(&zeros).unwrap();
    }
    std::fs::write(dir.path().join("bomb.html.gz"), gz.finish().unwrap()).unwrap();
    let started = std::time::Instant::now();
    let ran = run::parallax(&["list", "--json", dir.path().to_str().unwrap()], TIMEOUT);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr_text());
    assert!(started.elapsed() < Duration::from_secs(60));
    let rows: Value = serde_json::from_slice(&ran.stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 1);
    assert!(rows[0]["words"].as_u64().unwrap() >= 10);
    let stderr = ran.stderr_text();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("bomb.html.gz"), "{stderr}");
}

#[test]
fn a_copyright_year_is_no_publication_date() {
    // A page that states no date: its footer's year is not the day the
    // article came out. Its markup's date, when it has one, still is.
    let dir = tempfile::tempdir().unwrap();
    let body = "<p>The harbour council voted on Tuesday to reopen the old bridge to \
                cyclists after a year of repairs, officials said at the meeting.</p>\
                <p>Residents had asked for the reopening in a petition signed by more \
                than two thousand people, the council's chair told reporters.</p>\
                <p>Work on the approach roads will start next month and last until the \
                end of the summer, according to the city's engineers.</p>";
    let page = |head: &str, footer: &str| {
        format!(
            "<!doctype html><html><head><title>Bridge reopens</title>{head}</head><body>\
             <article><h1>Bridge reopens</h1>{body}</article><footer>{footer}</footer></body></html>"
        )
    };
    let write = |name: &str, text: String| std::fs::write(dir.path().join(name), text).unwrap();
    write("plain.html", page("", "© 2019 The Harbour Times"));
    write(
        "words.html",
        page("", "Copyright 2024 The Harbour Times. All rights reserved."),
    );
    write(
        "dated.html",
        page(
            r#"<meta property="article:published_time" content="2024-03-05T10:00:00Z">"#,
            "© 2024 The Harbour Times",
        ),
    );
    let (doc, _) = json(&["list", "--json", dir.path().to_str().unwrap()]);
    let date = |id: &str| {
        doc.as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == id)
            .map(|a| a["date_iso"].clone())
            .unwrap()
    };
    assert_eq!(date("plain"), Value::Null, "{doc:#}");
    assert_eq!(date("words"), Value::Null, "{doc:#}");
    assert_eq!(date("dated"), "2024-03-05", "{doc:#}");
}
