//! Feeds (RSS, Atom, JSON Feed) open their items as articles: the item's
//! full content when the feed has it, a long summary, else the item's page
//! — fetched for a feed that came from a link, or with --follow-links —
//! with its summary standing in when the page cannot be had. Pages are
//! served by this test on 127.0.0.1; nothing reaches the internet.

use crate::support::http_server;
use crate::support::run;

use http_server::{Reply, Server};
use serde_json::Value;
use std::collections::HashMap;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(120);

fn feeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/inputs/feeds")
}

fn run_in(cache: &Path, args: &[impl AsRef<OsStr>]) -> run::Ran {
    run::parallax_env(args, &[("PARALLAX_CACHE_DIR", cache.as_os_str())], TIMEOUT)
}

fn json(ran: &run::Ran) -> Value {
    assert_eq!(ran.code, Some(0), "{}", ran.stderr_text());
    serde_json::from_slice(&ran.stdout).unwrap()
}

fn column<'a>(articles: &'a Value, key: &str) -> Vec<&'a str> {
    articles
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a[key].as_str().unwrap_or("-"))
        .collect()
}

#[test]
fn feed_items_are_articles_with_the_items_metadata() {
    let cache = tempfile::tempdir().unwrap();
    let dir = feeds();
    // The folder: the RSS and Atom feeds (a .json file only when named).
    let ran = run_in(cache.path(), &["list", "--json", dir.to_str().unwrap()]);
    let all = json(&ran);
    assert_eq!(
        column(&all, "id"),
        [
            "harbour-reopens",
            "ferry-timetable",
            "lifeboat-crew",
            "leaders-meet",
            "left-open"
        ]
    );
    assert_eq!(
        column(&all, "outlet"),
        [
            "The Coastal Courier",
            "The Coastal Courier",
            "The Coastal Courier",
            "Northern Times",
            "Northern Times"
        ]
    );
    assert_eq!(column(&all, "outlet_source"), ["feed"; 5]);
    assert_eq!(
        column(&all, "date"),
        [
            "2025-03-14",
            "2025-03-15",
            "2025-03-16",
            "2025-08-15",
            "2025-08-16"
        ]
    );
    assert_eq!(
        column(&all, "byline"),
        ["Maria Lopes", "-", "-", "Ann Berg", "-"]
    );
    assert_eq!(
        all[0]["url"],
        "https://www.coastal-courier.example/news/harbour-reopens"
    );
    assert_eq!(all[0]["language"], "en-gb");
    // The one item with only a short summary is read from it, said once.
    let rss = dir.join("harbour.rss");
    assert_eq!(
        ran.stderr_text(),
        format!(
            "parallax: warning: {}: 1 item read from a short summary (--follow-links fetches their pages)\n",
            rss.display()
        )
    );
    // Full content keeps its structure, the block quote included.
    let ran = run_in(
        cache.path(),
        &["show", "--json", "harbour-reopens", rss.to_str().unwrap()],
    );
    let kinds: Vec<String> = json(&ran)["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["kind"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        kinds,
        [
            "heading",
            "paragraph",
            "heading",
            "list_item",
            "quote",
            "paragraph"
        ]
    );
    // A JSON Feed named explicitly; an item without a link gets the feed's
    // name and its number.
    let wire = dir.join("wire.json");
    let ran = run_in(cache.path(), &["list", "--json", wire.to_str().unwrap()]);
    let items = json(&ran);
    assert_eq!(column(&items, "id"), ["summit-ends", "wire-2"]);
    assert_eq!(column(&items, "outlet"), ["Example Wire"; 2]);
    assert_eq!(ran.stderr_text(), "");
}

fn item_page(title: &str) -> String {
    let para = "The lifeboat crew of Port Ellery was honoured at a ceremony in the town hall on Sunday for a rescue in the December storm.";
    format!(
        "<html><head><title>{title}</title></head><body><article><h1>{title}</h1>\
         <p>{para}</p><p>{para} The mayor thanked each of the six volunteers.</p></article></body></html>"
    )
}

fn rss_linking_to(port: u16) -> String {
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour Wire</title>\
         <link>http://127.0.0.1:{port}/</link>\
         <item><title>Lifeboat crew honoured</title><link>http://127.0.0.1:{port}/lifeboat.html</link>\
         <pubDate>Sun, 16 Mar 2025 10:00:00 +0000</pubDate><description>A medal for the crew.</description></item>\
         <item><title>Pier closed</title><link>http://127.0.0.1:{port}/gone.html</link>\
         <pubDate>Mon, 17 Mar 2025 10:00:00 +0000</pubDate><description>The pier is closed for repairs.</description></item>\
         </channel></rss>"
    )
}

#[test]
fn a_feed_from_a_link_fetches_the_pages_of_short_items() {
    let server = Server::start(|port| {
        let mut r = HashMap::new();
        r.insert(
            "/feed.xml".to_string(),
            Reply::ok("application/rss+xml", rss_linking_to(port)),
        );
        r.insert(
            "/lifeboat.html".to_string(),
            Reply::html(&item_page("Lifeboat crew honoured for storm rescue")),
        );
        r
    });
    let cache = tempfile::tempdir().unwrap();
    let feed = server.url("/feed.xml");
    let ran = run_in(cache.path(), &["list", "--json", &feed]);
    let items = json(&ran);
    assert_eq!(column(&items, "id"), ["lifeboat", "gone"]);
    // The page's text, the item's title and date, the feed's name.
    assert_eq!(
        column(&items, "title"),
        ["Lifeboat crew honoured", "Pier closed"]
    );
    assert_eq!(column(&items, "date"), ["2025-03-16", "2025-03-17"]);
    assert_eq!(column(&items, "outlet"), ["Harbour Wire"; 2]);
    assert!(items[0]["words"].as_u64().unwrap() > 40, "{}", items[0]);
    assert_eq!(items[0]["url"], server.url("/lifeboat.html"));
    // The page that is gone: one warning, and its summary stands in.
    assert_eq!(
        ran.stderr_text(),
        format!(
            "parallax: warning: {}: HTTP 404 Not Found\n",
            server.url("/gone.html")
        )
    );
    assert_eq!(server.hits("/lifeboat.html"), 1);
    // A feed file read with --follow-links: its links lead to a loopback
    // address nobody named, so they are refused and the summaries stand in.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("local.rss");
    std::fs::write(&file, rss_linking_to(server.port)).unwrap();
    let fresh = tempfile::tempdir().unwrap();
    let ran = run_in(
        fresh.path(),
        &["list", "--json", "--follow-links", file.to_str().unwrap()],
    );
    assert_eq!(column(&json(&ran), "id"), ["lifeboat", "gone"]);
    let err = ran.stderr_text();
    assert_eq!(err.lines().count(), 2, "{err}");
    assert!(
        err.lines()
            .all(|l| l
                .contains("refused: 127.0.0.1 is at a private, loopback or link-local address")),
        "{err}"
    );
    assert_eq!(server.hits("/lifeboat.html"), 1, "nothing fetched");
}

/// A feed whose own title and language each hide one character (a
/// zero-width space, a right-to-left override), with one item whose text
/// is `item`.
fn feed_hiding_two(item: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour\u{200B} Wire</title>\
         <language>en\u{202E}</language>{item}</channel></rss>"
    )
}

#[test]
fn a_feed_s_title_and_language_count_their_hidden_characters() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("wire.rss");
    let body = "The pier reopened on Monday. ".repeat(30);
    std::fs::write(
        &file,
        feed_hiding_two(&format!(
            "<item><title>Pier open</title><description>{body}</description></item>\
             <item><title>Quay\u{200B} shut</title><description>{body}</description>\
             <language>fr\u{200B}</language></item>"
        )),
    )
    .unwrap();
    let cache = tempfile::tempdir().unwrap();
    let items = json(&run_in(
        cache.path(),
        &["list", "--json", file.to_str().unwrap()],
    ));
    let hidden: Vec<u64> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["hidden_chars"].as_u64().unwrap())
        .collect();
    // The feed's title and language; the item's title, the feed's title
    // and the item's own language.
    assert_eq!(hidden, [2, 3]);
}

#[test]
fn a_followed_item_counts_the_feed_s_fields_it_shows() {
    let server = Server::start(|port| {
        let mut r = HashMap::new();
        let item = format!(
            "<item><title>Lifeboat crew honoured</title>\
             <link>http://127.0.0.1:{port}/lifeboat.html</link></item>"
        );
        r.insert(
            "/feed.xml".to_string(),
            Reply::ok("application/rss+xml", feed_hiding_two(&item)),
        );
        r.insert(
            "/lifeboat.html".to_string(),
            Reply::html(&item_page("Lifeboat crew honoured for storm rescue")),
        );
        r
    });
    let cache = tempfile::tempdir().unwrap();
    let items = json(&run_in(
        cache.path(),
        &["list", "--json", &server.url("/feed.xml")],
    ));
    // The page names no site: the feed's title is its outlet; the page's
    // language (the extractor's) wins over the feed's.
    assert_eq!(items[0]["language"], "en", "{}", items[0]);
    assert_eq!(items[0]["hidden_chars"], 1, "{}", items[0]);
}
