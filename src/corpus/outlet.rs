//! Where an article's outlet came from, so that every outlet shown can be
//! explained (`outlet_source` in JSON).

use super::input::OutletFrom;
use super::sanitize::sanitize_line;
use serde::Serialize;
use std::path::Path;

/// The signal that named the outlet, strongest first: the resolution
/// order (see the README) takes the first one present.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OutletSource {
    /// A Markdown file's front matter (`outlet:`, `publisher:`, `source:`…).
    FrontMatter,
    /// A collection record's field (`outlet`, `source`, `domain`…).
    Record,
    /// The page's own site name (`og:site_name`, JSON-LD publisher).
    SiteName,
    /// The title of the feed an item came from.
    Feed,
    /// The host of the article's URL, without `www.`.
    UrlHost,
    /// What the text itself shows (a dash label in the header, a
    /// copyright line).
    Text,
    /// The folder holding the file (`--outlet-from parent`).
    Parent,
    /// The last part of the file name (`--outlet-from suffix`).
    Suffix,
    /// Chrome lines shared with pages of an outlet named by one of the
    /// signals above: fills a gap only, never overrides.
    SharedChrome,
}

/// The host of an `http(s)://` URL, lower-cased, without `www.` and port:
/// `https://www.bbc.co.uk/news/x` → "bbc.co.uk". `None` for anything else.
pub fn url_host(url: &str) -> Option<String> {
    let rest = url.trim();
    let scheme_end = rest.find("://")?;
    if !rest[..scheme_end].eq_ignore_ascii_case("http")
        && !rest[..scheme_end].eq_ignore_ascii_case("https")
    {
        return None;
    }
    let rest = &rest[scheme_end + 3..];
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?;
    let host = host
        .split(':')
        .next()?
        .trim_end_matches('.')
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let ok = host.contains('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    ok.then(|| host.to_string())
}

/// The outlet a file's path names, when the user opted in with
/// `--outlet-from`: the folder holding it, or the last `_`/`-` part of its
/// stem (`summit_reuters.txt` → "reuters"). Sanitised like any shown text.
pub fn outlet_from_path(path: &Path, from: OutletFrom) -> Option<String> {
    let name = match from {
        OutletFrom::Parent => {
            let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
            let parent = match parent {
                Some(p) => p.to_path_buf(),
                None => std::env::current_dir().ok()?,
            };
            parent.file_name()?.to_string_lossy().into_owned()
        }
        OutletFrom::Suffix => {
            let stem = super::prepared::stem_of(&path.file_name()?.to_string_lossy());
            let (_, last) = stem.rsplit_once(['_', '-'])?;
            last.to_string()
        }
    };
    let name = sanitize_line(name.trim());
    (!name.is_empty()).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlets_from_the_path_only_where_asked() {
        let p = Path::new("coverage/bbc/2025-08-15_summit_reuters.html.gz");
        assert_eq!(
            outlet_from_path(p, OutletFrom::Parent).as_deref(),
            Some("bbc")
        );
        assert_eq!(
            outlet_from_path(p, OutletFrom::Suffix).as_deref(),
            Some("reuters")
        );
        assert_eq!(
            outlet_from_path(Path::new("x/plain.txt"), OutletFrom::Suffix),
            None
        );
    }

    #[test]
    fn url_hosts_lose_www_and_port() {
        assert_eq!(
            url_host("https://www.bbc.co.uk/news/x?y").as_deref(),
            Some("bbc.co.uk")
        );
        assert_eq!(
            url_host("HTTP://user@Example.COM:8080").as_deref(),
            Some("example.com")
        );
        assert_eq!(url_host("file:///etc/passwd"), None);
        assert_eq!(url_host("not a url"), None);
        assert_eq!(url_host("http://localhost/"), None);
    }
}
