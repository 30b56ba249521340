//! Links as inputs: a command-line argument that is an http(s) URL, and a
//! file listing such URLs one per line. Only http and https are links;
//! nothing else a user types is ever fetched.

use url::Url;

/// Whether an argument is a link to fetch rather than a path: it starts
/// with `http://` or `https://` (any case). A folder really named
/// `http:` can still be opened as `./http:/…`.
pub fn is_link(arg: &str) -> bool {
    let lower = arg.get(..8).unwrap_or(arg).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// A link parsed and checked: http or https with a host.
pub fn parse_link(text: &str) -> Option<Url> {
    let url = Url::parse(text.trim()).ok()?;
    (matches!(url.scheme(), "http" | "https") && url.host_str().is_some_and(|h| !h.is_empty()))
        .then_some(url)
}

/// What a list of links held: the links in order (each once), and the
/// lines that were not links.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct LinkList {
    pub links: Vec<String>,
    /// (1-based line, the line as written).
    pub bad: Vec<(usize, String)>,
}

/// Read a list of links: one per line; blank lines and lines starting
/// with `#` are skipped.
pub fn read_link_list(text: &str) -> LinkList {
    let mut out = LinkList::default();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match parse_link(line) {
            Some(url) => {
                let url = url.to_string();
                if !out.links.contains(&url) {
                    out.links.push(url);
                }
            }
            None => out.bad.push((i + 1, line.to_string())),
        }
    }
    out
}

/// Whether a text file is a list of links: at least one link, and every
/// line that is neither blank nor a `#` comment is one.
pub fn is_link_list(text: &str) -> bool {
    let list = read_link_list(text);
    !list.links.is_empty() && list.bad.is_empty()
}

/// `host:port` of a link (the scheme's port when none is written),
/// lower-cased: what "the same server" means for redirects and for links
/// found in a feed.
pub fn authority(url: &Url) -> Option<String> {
    let host = url.host_str()?.to_ascii_lowercase();
    let port = url.port_or_known_default()?;
    Some(format!("{host}:{port}"))
}

/// The name an article from this link starts its id from: the last part
/// of the path without its extension (`…/news/harbour-reopens.html` →
/// `harbour-reopens`), else the host.
pub fn link_stem(url: &str) -> String {
    let Ok(url) = Url::parse(url) else {
        return "link".to_string();
    };
    let last = url
        .path_segments()
        .and_then(|mut segs| segs.rfind(|s| !s.is_empty()).map(str::to_string));
    let decoded = last.map(|s| percent_decode(&s));
    match decoded {
        Some(seg) if !seg.is_empty() => super::super::prepared::stem_of(&seg),
        _ => url.host_str().map_or("link".to_string(), |h| {
            h.trim_start_matches("www.").to_string()
        }),
    }
}

/// `%XX` escapes decoded (invalid UTF-8 replaced), the rest as written.
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%'
            && let (Some(h), Some(l)) = (
                b.get(i + 1).copied().and_then(hex),
                b.get(i + 2).copied().and_then(hex),
            )
        {
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_http_and_https_only() {
        assert!(is_link("https://example.org/a"));
        assert!(is_link("HTTP://example.org"));
        assert!(!is_link("file:///etc/passwd"));
        assert!(!is_link("./http:/x"));
        assert!(!is_link("ftp://example.org/"));
        assert!(parse_link("https://").is_none());
        assert!(parse_link("javascript:alert(1)").is_none());
    }

    #[test]
    fn a_link_list_is_links_comments_and_blanks() {
        let text = "# coverage of the summit\n\nhttps://a.example/x.html\n  http://b.example/y  \nhttps://a.example/x.html\n";
        assert!(is_link_list(text));
        assert_eq!(
            read_link_list(text).links,
            ["https://a.example/x.html", "http://b.example/y"]
        );
        let prose = "Summit ends\nhttps://a.example/x.html\n";
        assert!(!is_link_list(prose));
        assert_eq!(read_link_list(prose).bad, [(1, "Summit ends".to_string())]);
        assert!(!is_link_list("# only a comment\n"));
    }

    #[test]
    fn stems_and_authorities() {
        assert_eq!(
            link_stem("https://n.example/news/harbour.html?x=1"),
            "harbour"
        );
        assert_eq!(
            link_stem("https://n.example/news/story-slug/"),
            "story-slug"
        );
        assert_eq!(link_stem("https://www.n.example/"), "n.example");
        assert_eq!(link_stem("https://n.example/caf%C3%A9.html"), "café");
        let u = Url::parse("HTTPS://Example.ORG/a").unwrap();
        assert_eq!(authority(&u).as_deref(), Some("example.org:443"));
    }
}
