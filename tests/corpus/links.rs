//! Links as inputs, against a server this test starts on 127.0.0.1 (never
//! the internet): pages are fetched once and kept in the cache, a second
//! run works with the server gone, a failed link is one warning and the
//! rest load, and the network rules hold (no redirect to another scheme or
//! to a loopback host the user did not name; size capped, also after
//! decompression).

use crate::support::http_server;
use crate::support::run;

use http_server::{Reply, Server};
use serde_json::Value;
use std::collections::HashMap;
use std::ffi::OsStr;
use std::io::Write;
use std::path::Path;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(120);

fn page(site: &str, title: &str, body: &str) -> String {
    let paras: String = (0..4)
        .map(|i| format!("<p>{body} This is paragraph {i} of the story, long enough to be prose and read as the article itself.</p>"))
        .collect();
    format!(
        "<!doctype html><html lang=\"en\"><head><title>{title} | {site}</title>\
         <meta property=\"og:site_name\" content=\"{site}\">\
         <meta property=\"article:published_time\" content=\"2025-08-15T10:00:00Z\"></head>\
         <body><nav><a href=\"/\">Home</a></nav><article><h1>{title}</h1>{paras}</article>\
         <footer>Copyright {site}</footer></body></html>"
    )
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn routes(port: u16) -> HashMap<String, Reply> {
    let mut r = HashMap::new();
    r.insert(
        "/a.html".to_string(),
        Reply::html(&page(
            "Harbour Gazette",
            "Harbour reopens after the storm",
            "Boats returned to the harbour.",
        )),
    );
    r.insert(
        "/b.html".to_string(),
        Reply::html(&page(
            "Coast Daily",
            "Fishing fleet back at sea",
            "The fleet sailed at dawn.",
        )),
    );
    r.insert("/moved".to_string(), Reply::redirect("/b.html"));
    r.insert(
        "/to-file".to_string(),
        Reply::redirect("file:///etc/passwd"),
    );
    // A redirect to a loopback host the user did not name (127.0.0.2 is
    // loopback, but not the 127.0.0.1 typed on the command line).
    r.insert(
        "/to-other-loopback".to_string(),
        Reply::redirect(&format!("http://127.0.0.2:{port}/a.html")),
    );
    // Cyrillic in windows-1251, said only by the header (the page has no
    // <meta charset>); and a UTF-8 page under a header that says
    // otherwise, as a misconfigured server sends it.
    let ru = page(
        "Vesti Aljaski",
        "Путин прибыл на Аляску",
        "Саммит начался утром.",
    );
    r.insert(
        "/ru.html".to_string(),
        Reply::ok(
            "text/html; charset=windows-1251",
            encoding_rs::WINDOWS_1251.encode(&ru).0.into_owned(),
        ),
    );
    r.insert(
        "/ru-utf8.html".to_string(),
        Reply::ok("text/html; charset=windows-1251", ru.into_bytes()),
    );
    r.insert("/big.html".to_string(), Reply::html(&"x".repeat(17 << 20)));
    // 64 MiB of spaces packed into about 64 KiB, sent as gzip.
    r.insert(
        "/bomb.html".to_string(),
        Reply::ok("text/html", gzip(&vec![b' '; 64 << 20])).with_header("Content-Encoding", "gzip"),
    );
    r
}

struct Setup {
    server: Server,
    cache: tempfile::TempDir,
}

fn setup() -> Setup {
    Setup {
        server: Server::start(routes),
        cache: tempfile::tempdir().unwrap(),
    }
}

impl Setup {
    fn run<S: AsRef<OsStr>>(&self, args: &[S]) -> run::Ran {
        run::parallax_env(
            args,
            &[("PARALLAX_CACHE_DIR", self.cache.path().as_os_str())],
            TIMEOUT,
        )
    }
}

fn list(ran: &run::Ran) -> Vec<Value> {
    assert_eq!(ran.code, Some(0), "{}", ran.stderr_text());
    serde_json::from_slice::<Value>(&ran.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn field<'a>(articles: &'a [Value], key: &str) -> Vec<&'a str> {
    articles
        .iter()
        .map(|a| a[key].as_str().unwrap_or("-"))
        .collect()
}

#[test]
fn links_load_once_and_again_offline_from_the_cache() {
    let mut s = setup();
    let (a, b) = (s.server.url("/a.html"), s.server.url("/b.html"));
    let first = s.run(&["list", "--json", &a, &b]);
    let articles = list(&first);
    assert_eq!(field(&articles, "id"), ["a", "b"]);
    assert_eq!(
        field(&articles, "title"),
        [
            "Harbour reopens after the storm",
            "Fishing fleet back at sea"
        ]
    );
    assert_eq!(
        field(&articles, "outlet"),
        ["Harbour Gazette", "Coast Daily"]
    );
    assert_eq!(field(&articles, "date"), ["2025-08-15", "2025-08-15"]);
    // The link is the article's address.
    assert_eq!(field(&articles, "url"), [a.as_str(), b.as_str()]);
    assert_eq!(first.stderr_text(), "", "no warning expected");
    assert_eq!((s.server.hits("/a.html"), s.server.hits("/b.html")), (1, 1));
    let agents = s.server.user_agents();
    assert!(
        agents.iter().all(|ua| ua.starts_with("parallax/")),
        "{agents:?}"
    );
    // The same links again: from the cache, nothing fetched.
    let again = s.run(&["list", "--json", &a, &b]);
    assert_eq!(again.stdout, first.stdout);
    assert_eq!((s.server.hits("/a.html"), s.server.hits("/b.html")), (1, 1));
    // Each cached page has its description beside it.
    let meta: Vec<Value> = std::fs::read_dir(s.cache.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension() == Some(OsStr::new("json")))
        .map(|p| serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap())
        .collect();
    assert_eq!(meta.len(), 2);
    for m in &meta {
        assert!(m["content_type"].as_str().unwrap().starts_with("text/html"));
        assert!(m["fetched"].as_str().unwrap().ends_with('Z'));
        assert_eq!(m["url"], m["final_url"]);
    }
    // The server gone: the same output, offline.
    s.server.stop();
    let offline = s.run(&["list", "--json", &a, &b]);
    assert_eq!(offline.stdout, first.stdout, "{}", offline.stderr_text());
    assert_eq!(offline.stderr_text(), "");
    // --refresh tries the network, and falls back on the cached copy.
    let refresh = s.run(&["list", "--json", "--refresh", &a]);
    assert_eq!(field(&list(&refresh), "id"), ["a"]);
    let err = refresh.stderr_text();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(&format!(
            "parallax: warning: {a}: connection refused; using the copy fetched 20"
        )),
        "{err}"
    );
}

#[test]
fn a_failed_link_is_one_warning_and_the_rest_load() {
    let s = setup();
    let good = s.server.url("/a.html");
    let dead = s.server.url("/dead.html");
    let moved = s.server.url("/moved");
    let ran = s.run(&["list", "--json", &dead, &good, &moved]);
    let articles = list(&ran);
    // A redirect on the same server is followed; the article keeps the
    // address it ended at.
    assert_eq!(field(&articles, "id"), ["a", "moved"]);
    assert_eq!(articles[1]["url"], s.server.url("/b.html"));
    assert_eq!(
        ran.stderr_text(),
        format!("parallax: warning: {dead}: HTTP 404 Not Found\n")
    );
    // Nothing loads: the warning, then the one error line, exit 2.
    let ran = s.run(&["list", &dead]);
    assert_eq!(ran.code, Some(2));
    let err = ran.stderr_text();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert_eq!(
        lines[0],
        format!("parallax: warning: {dead}: HTTP 404 Not Found")
    );
    assert!(
        lines[1].starts_with("parallax: error: no readable article in "),
        "{err}"
    );
}

#[test]
fn redirects_elsewhere_and_oversized_bodies_are_refused() {
    let s = setup();
    let good = s.server.url("/a.html");
    let cases = [
        (
            "/to-file",
            "redirect to a file: link refused (only http and https are followed)",
        ),
        (
            "/to-other-loopback",
            "refused: 127.0.0.2 is at a private, loopback or link-local address (127.0.0.2); only a host you name yourself may be private",
        ),
        ("/big.html", "larger than 16 MiB; not read"),
        ("/bomb.html", "larger than 16 MiB; not read"),
    ];
    let mut args = vec!["list".to_string(), "--json".to_string(), good.clone()];
    args.extend(cases.iter().map(|(p, _)| s.server.url(p)));
    let ran = s.run(&args);
    assert_eq!(field(&list(&ran), "id"), ["a"]);
    let err = ran.stderr_text();
    let want: Vec<String> = cases
        .iter()
        .map(|(p, why)| format!("parallax: warning: {}: {why}", s.server.url(p)))
        .collect();
    let got: Vec<&str> = err.lines().collect();
    assert_eq!(got, want);
    // Nothing was fetched from the address the redirect pointed at.
    assert_eq!(s.server.hits("/a.html"), 1);
}

#[test]
fn a_file_listing_links_opens_them() {
    let s = setup();
    let dir = tempfile::tempdir().unwrap();
    let list_file = dir.path().join("coverage.urls");
    let text = format!(
        "# two pages on the harbour\n\n{}\n{}\nnot a link\n",
        s.server.url("/a.html"),
        s.server.url("/b.html")
    );
    std::fs::write(&list_file, &text).unwrap();
    let ran = s.run(&["list", "--json", list_file.to_str().unwrap()]);
    assert_eq!(field(&list(&ran), "id"), ["a", "b"]);
    assert_eq!(
        ran.stderr_text(),
        format!(
            "parallax: warning: {}: line 5: not an http(s) link; skipped\n",
            list_file.display()
        )
    );
    // A .txt of links only is a list too; named inside a folder, never.
    let txt = dir.path().join("links.txt");
    std::fs::write(&txt, text.replace("not a link\n", "")).unwrap();
    let ran = s.run(&["list", "--json", txt.to_str().unwrap()]);
    assert_eq!(field(&list(&ran), "id"), ["a", "b"]);
    std::fs::remove_file(&list_file).unwrap();
    let ran = s.run(&["list", "--json", dir.path().to_str().unwrap()]);
    let articles = list(&ran);
    assert_eq!(
        field(&articles, "id"),
        ["links"],
        "read as text, not fetched"
    );
    assert!(Path::new(articles[0]["path"].as_str().unwrap()).ends_with("links.txt"));
}

#[test]
fn a_list_whose_every_link_fails_is_one_line() {
    let s = setup();
    let dir = tempfile::tempdir().unwrap();
    let list_file = dir.path().join("links.urls");
    let (dead, gone) = (s.server.url("/dead.html"), s.server.url("/gone.html"));
    let shown = list_file.display();
    // The list named alone, holding `text`: its exit 2 and what it said.
    let alone = |text: String| {
        std::fs::write(&list_file, text).unwrap();
        let ran = s.run(&["list", list_file.to_str().unwrap()]);
        assert_eq!(ran.code, Some(2));
        ran.stderr_text()
    };
    // The one error line counts the links (each once) and gives their
    // reason; no warning per link.
    assert_eq!(
        alone(format!("# coverage\n{dead}\n{gone}\n{dead}\n")),
        format!(
            "parallax: error: none of the 2 links in {shown} could be fetched (HTTP 404 Not Found)\n"
        )
    );
    // Reasons that differ: the first one's.
    let refused = s.server.url("/to-file");
    assert_eq!(
        alone(format!("{dead}\n{refused}\n")),
        format!(
            "parallax: error: none of the 2 links in {shown} could be fetched (first: HTTP 404 Not Found)\n"
        )
    );
    // Beside another path: that one loads, and the list is one warning.
    let file = dir.path().join("note.txt");
    std::fs::write(
        &file,
        "Harbour reopens\n\nBoats returned to the harbour at dawn.\n",
    )
    .unwrap();
    let ran = s.run(&[
        "list",
        "--json",
        list_file.to_str().unwrap(),
        file.to_str().unwrap(),
    ]);
    assert_eq!(field(&list(&ran), "id"), ["note"]);
    assert_eq!(
        ran.stderr_text(),
        format!(
            "parallax: warning: {shown}: none of its 2 links could be fetched (first: HTTP 404 Not Found)\n"
        )
    );
    // One link of a list loads: each failed link is its own warning.
    let good = s.server.url("/a.html");
    std::fs::write(&list_file, format!("{dead}\n{good}\n")).unwrap();
    let ran = s.run(&["list", "--json", list_file.to_str().unwrap()]);
    assert_eq!(field(&list(&ran), "id"), ["a"]);
    assert_eq!(
        ran.stderr_text(),
        format!("parallax: warning: {dead}: HTTP 404 Not Found\n")
    );
}

#[test]
fn a_charset_only_the_header_names_is_read() {
    let s = setup();
    let (header, utf8) = (s.server.url("/ru.html"), s.server.url("/ru-utf8.html"));
    let ran = s.run(&["list", "--json", &header, &utf8]);
    let articles = list(&ran);
    assert_eq!(
        field(&articles, "title"),
        ["Путин прибыл на Аляску", "Путин прибыл на Аляску"]
    );
    assert_eq!(ran.stderr_text(), "", "no warning expected");
}
