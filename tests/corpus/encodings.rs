//! Text that is not all UTF-8: a UTF-8 file with a few Windows-1252 bytes
//! keeps its UTF-8 and reads only those bytes as Windows-1252, with one
//! warning naming the file; a file wholly in Windows-1252 reads as it
//! always did, without one.

use parallax::corpus;
use std::path::Path;
use std::process::Command;

/// UTF-8 quotes, dashes and accents, and one "café" whose "é" is the
/// single Windows-1252 byte 0xE9.
fn mostly_utf8() -> Vec<u8> {
    let mut bytes = "Harbour “reopens” — at last\n\n\
        The café on the quay — shut since March — opened on Friday.\n\n"
        .as_bytes()
        .to_vec();
    bytes.extend_from_slice(b"The new caf\xe9 opens next week, its owner said.\n");
    bytes
}

const EXPECTED: [&str; 3] = [
    "Harbour “reopens” — at last",
    "The café on the quay — shut since March — opened on Friday.",
    "The new café opens next week, its owner said.",
];

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

#[test]
fn a_mostly_utf8_file_keeps_its_utf8_and_warns_once() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "mixed.txt", &mostly_utf8());
    // Wholly Windows-1252: curly quotes 0x93/0x94, a dash 0x96, "é" 0xE9.
    write(
        dir.path(),
        "latin.txt",
        b"\x93Caf\xe9\x94 owners speak\n\nThe season was lost \x96 again.\n",
    );
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["list".as_ref(), dir.path().as_os_str()])
        .env("NO_COLOR", "1")
        .output()
        .expect("run parallax");
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    let warning = format!(
        "parallax: warning: {}: not valid UTF-8 in 1 place; those bytes read as Windows-1252",
        dir.path().join("mixed.txt").display()
    );
    assert_eq!(err.lines().collect::<Vec<_>>(), [warning.as_str()], "{err}");

    let c = corpus::load_paths(&[dir.path().to_path_buf()]).unwrap();
    let text = |id: &str| -> Vec<String> {
        let a = c.articles.iter().find(|a| a.id == id).unwrap();
        a.blocks.iter().map(|b| b.text.clone()).collect()
    };
    assert_eq!(text("mixed"), EXPECTED);
    assert_eq!(
        text("latin"),
        [
            "\u{201C}Café\u{201D} owners speak",
            "The season was lost \u{2013} again."
        ]
    );
}

#[test]
fn pages_and_collections_read_stray_bytes_alike() {
    let dir = tempfile::tempdir().unwrap();
    let text = mostly_utf8();
    let mut page =
        b"<!doctype html><html><head><meta charset=\"utf-8\"><title>Harbour</title></head>\
        <body><article>"
            .to_vec();
    for line in text.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        page.extend_from_slice(b"<p>");
        page.extend_from_slice(line);
        page.extend_from_slice(b"</p>");
    }
    page.extend_from_slice(b"</article></body></html>");
    write(dir.path(), "page.html", &page);
    write(
        dir.path(),
        "records.jsonl",
        b"{\"title\":\"Harbour \xe2\x80\x9creopens\xe2\x80\x9d\",\
          \"text\":\"The new caf\xe9 opens next week, its owner said.\"}\n",
    );
    let c = corpus::load_paths(&[dir.path().to_path_buf()]).unwrap();
    let warnings: Vec<String> = c.warnings.iter().map(|w| w.to_string()).collect();
    for name in ["page.html", "records.jsonl"] {
        let said = format!(
            "{}: not valid UTF-8 in 1 place; those bytes read as Windows-1252",
            dir.path().join(name).display()
        );
        assert_eq!(
            warnings.iter().filter(|w| **w == said).count(),
            1,
            "{warnings:#?}"
        );
    }
    assert_eq!(warnings.len(), 2, "{warnings:#?}");
    let all: String = c
        .articles
        .iter()
        .flat_map(|a| a.blocks.iter().map(|b| b.text.as_str()))
        .collect();
    for line in EXPECTED {
        assert!(all.contains(line), "{line:?} in {all}");
    }
    assert!(!all.contains('â'), "{all}");
}

#[test]
fn a_page_declaring_latin1_but_written_in_utf8_keeps_its_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let mut page =
        b"<!doctype html><html><head><meta charset=\"iso-8859-1\"><title>Harbour</title></head>\
        <body><article>"
            .to_vec();
    for line in mostly_utf8()
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
    {
        page.extend_from_slice(b"<p>");
        page.extend_from_slice(line);
        page.extend_from_slice(b"</p>");
    }
    page.extend_from_slice(b"</article></body></html>");
    write(dir.path(), "page.html", &page);
    let c = corpus::load_paths(&[dir.path().to_path_buf()]).unwrap();
    let warnings: Vec<String> = c.warnings.iter().map(|w| w.to_string()).collect();
    let said = format!(
        "{}: not valid UTF-8 in 1 place; those bytes read as Windows-1252",
        dir.path().join("page.html").display()
    );
    assert_eq!(warnings, [said]);
    let texts: Vec<&str> = c.articles[0]
        .blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect();
    for line in EXPECTED {
        assert!(texts.contains(&line), "{line:?} in {texts:#?}");
    }
}

/// A feed of one item whose text is `mostly_utf8`'s, its lines as
/// paragraphs, with `declaration` before the root element.
fn feed(declaration: &str, json: bool) -> Vec<u8> {
    let text = mostly_utf8();
    let lines: Vec<&[u8]> = text
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .collect();
    let mut out = Vec::new();
    if json {
        out.extend_from_slice(
            b"{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Courier\", \
              \"items\": [{\"id\": \"1\", \"title\": \"",
        );
        out.extend_from_slice(lines[0]);
        out.extend_from_slice(b"\", \"content_text\": \"");
        out.extend_from_slice(&lines[1..].join(&b"\\n\\n"[..]));
        out.extend_from_slice(b"\"}]}");
        return out;
    }
    out.extend_from_slice(declaration.as_bytes());
    out.extend_from_slice(
        b"<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\
          <channel><title>Courier</title><item><title>",
    );
    out.extend_from_slice(lines[0]);
    out.extend_from_slice(b"</title><content:encoded><![CDATA[");
    for line in &lines[1..] {
        out.extend_from_slice(b"<p>");
        out.extend_from_slice(line);
        out.extend_from_slice(b"</p>");
    }
    out.extend_from_slice(b"]]></content:encoded></item></channel></rss>");
    out
}

#[test]
fn feeds_read_stray_bytes_as_files_do() {
    let dir = tempfile::tempdir().unwrap();
    let feeds = [
        ("plain.rss", feed("", false)),
        (
            "utf8.rss",
            feed("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", false),
        ),
        // A declaration the bytes plainly belie.
        (
            "latin.rss",
            feed("<?xml version='1.0' encoding='ISO-8859-1' ?>\n", false),
        ),
        ("feed.json", feed("", true)),
    ];
    for (name, bytes) in &feeds {
        write(dir.path(), name, bytes);
    }
    let paths: Vec<_> = feeds.iter().map(|(n, _)| dir.path().join(n)).collect();
    let c = corpus::load_paths(&paths).unwrap();
    let warnings: Vec<String> = c.warnings.iter().map(|w| w.to_string()).collect();
    let said: Vec<String> = paths
        .iter()
        .map(|p| {
            format!(
                "{}: not valid UTF-8 in 1 place; those bytes read as Windows-1252",
                p.display()
            )
        })
        .collect();
    assert_eq!(warnings, said);
    assert_eq!(c.articles.len(), feeds.len());
    for a in &c.articles {
        let texts: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, EXPECTED, "{}", a.id);
    }
}

#[test]
fn a_feed_in_the_charset_it_declares_or_wholly_in_1252_reads_as_it() {
    let dir = tempfile::tempdir().unwrap();
    let item = b"<rss version=\"2.0\"><channel><title>Courier</title><item>\
        <title>\x93Caf\xe9\x94 owners speak</title>\
        <description>The season was lost \x96 again.</description></item></channel></rss>";
    let declared = [
        &b"<?xml version=\"1.0\" encoding=\"windows-1252\"?>"[..],
        item,
    ]
    .concat();
    write(dir.path(), "declared.rss", &declared);
    write(dir.path(), "undeclared.rss", item);
    let c = corpus::load_paths(&[dir.path().to_path_buf()]).unwrap();
    let warnings: Vec<String> = c.warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        warnings.iter().all(|w| !w.contains("UTF-8")),
        "{warnings:#?}"
    );
    assert_eq!(c.articles.len(), 2, "{warnings:#?}");
    for a in &c.articles {
        let texts: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "\u{201C}Café\u{201D} owners speak",
                "The season was lost \u{2013} again."
            ],
            "{}",
            a.id
        );
    }
}

/// A feed wholly in UTF-8 under an old template's "ISO-8859-1" reads as
/// UTF-8, as a page does: its declaration would garble every accent.
#[test]
fn a_feed_in_utf8_declaring_latin1_keeps_its_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let latin = b"<?xml version='1.0' encoding='ISO-8859-1' ?>\n";
    let utf8 = feed(std::str::from_utf8(latin).unwrap(), false);
    // The one stray byte of the shared text put right: wholly UTF-8.
    let whole = String::from_utf8_lossy(&utf8).replace('\u{FFFD}', "é");
    write(dir.path(), "latin.rss", whole.as_bytes());
    let c = corpus::load_paths(&[dir.path().join("latin.rss")]).unwrap();
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    let texts: Vec<&str> = c.articles[0]
        .blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(texts, EXPECTED);
}
