//! The reader opens every kind of input: a folder mixing plain text,
//! Markdown, a saved web page and a JSON Lines collection; and links
//! served on 127.0.0.1, again with the server gone (from the cache).

use crate::support::http_server;
use crate::support::pty;

use http_server::{Reply, Server};
use pty::{ENTER, Pty};
use std::collections::HashMap;
use std::ffi::OsStr;
use std::path::Path;
use std::time::Duration;

const HANG: Duration = Duration::from_secs(120);

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/inputs")
        .join(name)
}

#[test]
fn a_folder_of_text_markdown_html_and_jsonl_opens_in_the_reader() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("a-notes.txt"),
        "Notes from the quayside\n\nFishermen gathered on the quay at dawn to watch the first boats leave the harbour since the storm.\n",
    )
    .unwrap();
    std::fs::write(
        d.join("b-report.md"),
        "---\ntitle: Council report on repairs\noutlet: Ellery Post\n---\n\nThe council says the repairs came in under budget and on time.\n\n> \"A good day for the town,\" the mayor said.\n",
    )
    .unwrap();
    std::fs::copy(fixture("pages/harbour.html"), d.join("c-harbour.html")).unwrap();
    std::fs::copy(fixture("summit.jsonl"), d.join("d-summit.jsonl")).unwrap();
    let mut p = Pty::spawn(&[d.as_os_str()], 140, 30, home.path().as_os_str());
    let titles = [
        "Notes from the quayside",
        "Council report on repairs",
        "Harbour reopens after storm repairs",
        "Leaders meet in Anchorage",
        "Summit ends without a deal",
    ];
    assert!(
        p.wait_screen(HANG, |s| s.contains("Library · 6 articles")
            && titles.iter().all(|t| s.contains(t))),
        "the library lists every input:\n{}",
        p.screen()
    );
    // The Markdown article, with its quote marked.
    p.key(b"j");
    p.key(ENTER);
    assert!(
        p.wait_screen(HANG, |s| s
            .contains("▌ \"A good day for the town,\" the mayor said.")),
        "the quote is shown with its mark:\n{}",
        p.screen()
    );
    p.key(b"q");
    assert_eq!(p.wait_exit(HANG), Some(0), "quits cleanly");
}

fn page(site: &str, title: &str) -> String {
    format!(
        "<html><head><meta property=\"og:site_name\" content=\"{site}\"><title>{title}</title></head>\
         <body><article><h1>{title}</h1><p>The harbour reopened on Friday after months of repairs to the breakwater.</p>\
         <p>Boats left at dawn, and the fish market opens again next week.</p></article></body></html>"
    )
}

#[test]
fn links_open_in_the_reader_and_again_offline() {
    let mut server = Server::start(|_| {
        let mut r = HashMap::new();
        r.insert(
            "/a.html".to_string(),
            Reply::html(&page("Harbour Gazette", "Harbour reopens")),
        );
        r.insert(
            "/b.html".to_string(),
            Reply::html(&page("Coast Daily", "Boats back at sea")),
        );
        r
    });
    let home = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let args = [server.url("/a.html"), server.url("/b.html")];
    let env: [(&str, &OsStr); 1] = [("PARALLAX_CACHE_DIR", cache.path().as_os_str())];
    let open = |server_up: bool| {
        let mut p = Pty::spawn_with_env(&args, 120, 30, home.path().as_os_str(), &env);
        assert!(
            p.wait_screen(HANG, |s| s.contains("Library · 2 articles")
                && s.contains("Harbour reopens")
                && s.contains("Coast Daily")),
            "server up: {server_up}; the library lists both links:\n{}",
            p.screen()
        );
        p.key(b"q");
        assert_eq!(p.wait_exit(HANG), Some(0));
    };
    open(true);
    server.stop();
    open(false);
}
