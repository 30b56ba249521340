//! Feeds (RSS, Atom, JSON Feed) → one article per item. An item's full
//! content (`content:encoded`, Atom `content`, JSON `content_html`) is its
//! text, read as an HTML fragment through the page walk; else its summary
//! when that is long enough to be the article; else its page is fetched —
//! for a feed that came from a link, or with `--follow-links` — and the
//! summary, if any, stands in when it is not. The feed's title names the
//! outlet of its items.

mod charset;
mod item;

use super::html::clean_site_name;
use super::input::InputOptions;
use super::model::OutletSource;
use super::outlet::url_host;
use super::prepared::{Outcome, Source, cut_warning, not_utf8_warning, warn};
use super::sanitize::sanitize_line_counted;
use item::ItemText;
use std::path::PathBuf;

/// A summary of at least this many words is read as the article itself.
const SUMMARY_MIN_WORDS: usize = 100;
/// Item pages fetched for one feed at most.
const MAX_FOLLOWED: usize = 100;

/// Whether bytes are a feed: an XML document whose first element is
/// `<rss>`, `<feed>` or `<rdf:RDF>`, or a JSON object naming a JSON Feed
/// version. Only the start is looked at.
pub fn looks_like_feed(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    if opens_with_other_ascii(head) {
        return false;
    }
    // Valid UTF-8 (nearly every text) is checked at `from_utf8`'s speed;
    // `from_utf8_lossy` walks it a byte at a time even when nothing is
    // to be replaced.
    let text = match std::str::from_utf8(head) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(head),
    };
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if text.starts_with('{') {
        return text.contains("jsonfeed.org/version");
    }
    first_element(text).is_some_and(|name| {
        let name = name.to_ascii_lowercase();
        name == "rss" || name == "feed" || name == "rdf:rdf"
    })
}

/// Past byte order marks and ASCII whitespace, the first byte is ASCII and
/// neither `<` nor `{`: no feed, told without decoding the head (every text
/// file is asked). A first byte outside ASCII may start Unicode whitespace,
/// which `looks_like_feed` skips, so it is decided there.
fn opens_with_other_ascii(head: &[u8]) -> bool {
    let mut rest = head;
    while let Some(after) = rest.strip_prefix(b"\xEF\xBB\xBF") {
        rest = after;
    }
    // ASCII whitespace as `char::is_whitespace` has it: 0x09..=0x0D, space.
    let first = rest
        .iter()
        .find(|&&b| !(b == b' ' || (b'\t'..=b'\r').contains(&b)));
    first.is_some_and(|&b| b.is_ascii() && b != b'<' && b != b'{')
}

/// The name of the first element of an XML text, past the declaration,
/// comments, processing instructions and a doctype.
fn first_element(mut text: &str) -> Option<&str> {
    loop {
        text = text.trim_start();
        let rest = text.strip_prefix('<')?;
        if let Some(r) = rest.strip_prefix("!--") {
            text = &r[r.find("-->")? + 3..];
        } else if rest.starts_with('?') || rest.starts_with('!') {
            text = &rest[rest.find('>')? + 1..];
        } else {
            let end = rest
                .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .unwrap_or(rest.len());
            return Some(&rest[..end]);
        }
    }
}

/// What every item of one feed shares.
pub(super) struct FeedInfo {
    /// The feed's title as an outlet, else its site's host.
    outlet: Option<(String, OutletSource)>,
    language: Option<String>,
    /// Characters sanitising hid in the outlet (a title's) and the
    /// language, counted by each item that shows them.
    outlet_hidden: usize,
    language_hidden: usize,
    /// The feed's path or link: where its items were read from.
    path: PathBuf,
}

pub fn prepare_feed(s: Source, opts: &InputOptions) -> Vec<Outcome> {
    let path = s.path.clone().unwrap_or_else(|| PathBuf::from(&s.name));
    if !looks_like_feed(&s.bytes) {
        let what = "not a feed (RSS, Atom or JSON Feed)".to_string();
        return vec![Outcome::Skipped(warn(&path, what))];
    }
    let parser = feed_rs::parser::Builder::new()
        .base_uri(s.fetched_from.as_deref())
        .build();
    let (bytes, encoding) = charset::feed_bytes(&s.bytes);
    let feed = match parser.parse(&*bytes) {
        Ok(f) => f,
        Err(e) => return vec![Outcome::Skipped(warn(&path, format!("{e}")))],
    };
    let info = feed_info(&feed, s.fetched_from.as_deref(), path.clone());
    let follow = s.fetched_from.is_some() || opts.follow_links;
    let stem = s.stem();
    let width = feed.entries.len().to_string().len();
    let mut out = Vec::with_capacity(feed.entries.len() + 2);
    let (mut followed, mut from_summary, mut empty) = (0, 0, 0);
    for (n, entry) in feed.entries.iter().enumerate() {
        let fallback_stem = format!("{stem}-{:0width$}", n + 1);
        match item::read(entry, &info, fallback_stem, SUMMARY_MIN_WORDS) {
            ItemText::Full(p) => out.push(Outcome::Loaded(*p, None)),
            ItemText::Partial(f) if follow && followed < MAX_FOLLOWED => {
                followed += 1;
                out.push(Outcome::Follow(f));
            }
            ItemText::Partial(f) => match f.fallback {
                Some(p) => {
                    from_summary += 1;
                    out.push(Outcome::Loaded(p, None));
                }
                None => empty += 1,
            },
            ItemText::Nothing => empty += 1,
        }
    }
    if feed.entries.is_empty() {
        out.push(Outcome::Skipped(warn(&path, "a feed with no items".into())));
    }
    if from_summary > 0 {
        let hint = if follow {
            format!("past the first {MAX_FOLLOWED} pages fetched")
        } else {
            "--follow-links fetches their pages".to_string()
        };
        out.push(Outcome::Skipped(warn(
            &path,
            format!("{} read from a short summary ({hint})", items(from_summary)),
        )));
    }
    if empty > 0 {
        out.push(Outcome::Skipped(warn(
            &path,
            format!("{} with no text skipped", items(empty)),
        )));
    }
    out.extend(cut_warning(&path, s.cut_at).map(Outcome::Skipped));
    out.extend(not_utf8_warning(&path, encoding).map(Outcome::Skipped));
    out
}

fn items(n: usize) -> String {
    format!("{n} item{}", if n == 1 { "" } else { "s" })
}

fn feed_info(feed: &feed_rs::model::Feed, fetched_from: Option<&str>, path: PathBuf) -> FeedInfo {
    let title = feed
        .title
        .as_ref()
        .map(|t| sanitize_line_counted(&clean_site_name(&item::field_text(t))))
        .filter(|t| !t.text.trim().is_empty());
    let site = feed
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .map(|l| l.href.as_str())
        .or(fetched_from)
        .and_then(url_host);
    let outlet_hidden = title.as_ref().map_or(0, |t| t.hidden);
    let outlet = match (title, site) {
        (Some(t), _) => Some((t.text, OutletSource::Feed)),
        (None, Some(h)) => Some((h, OutletSource::UrlHost)),
        (None, None) => None,
    };
    let language = feed.language.as_deref().map(sanitize_line_counted);
    FeedInfo {
        outlet,
        outlet_hidden,
        language_hidden: language.as_ref().map_or(0, |l| l.hidden),
        language: language.map(|l| l.text),
        path,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy;

    /// `looks_like_feed` as it was, decoding every head.
    fn looks_like_feed_plain(bytes: &[u8]) -> bool {
        let head = &bytes[..bytes.len().min(64 * 1024)];
        let text = String::from_utf8_lossy(head);
        let text = text.trim_start_matches('\u{feff}').trim_start();
        if text.starts_with('{') {
            return text.contains("jsonfeed.org/version");
        }
        first_element(text).is_some_and(|name| {
            let name = name.to_ascii_lowercase();
            name == "rss" || name == "feed" || name == "rdf:rdf"
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn feeds_are_told_as_the_decoding_check_tells_them(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    6 => proptest::sample::select(vec![
                        "\u{feff}", " ", "\t", "\n", "\r", "\u{b}", "\u{c}", "\u{1c}", "\u{85}",
                        "\u{a0}", "\u{2028}", "\u{3000}", "<", "{", "rss", "RSS", "feed",
                        "rdf:RDF", ">", "<?xml?>", "<!-- c -->", "<!doctype html>",
                        "\"jsonfeed.org/version\"", "a", "é",
                    ]).prop_map(|p| p.as_bytes().to_vec()),
                    1 => proptest::sample::select(vec![
                        &b"\xEF\xBB"[..], b"\xFF", b"\x80", b"\xE2\x80",
                    ]).prop_map(<[u8]>::to_vec),
                    1 => proptest::arbitrary::any::<u8>().prop_map(|b| vec![b]),
                ],
                0..10,
            ),
        ) {
            let bytes = parts.concat();
            proptest::prop_assert_eq!(looks_like_feed(&bytes), looks_like_feed_plain(&bytes));
        }
    }

    #[test]
    fn feeds_are_known_by_their_first_element() {
        assert!(looks_like_feed(
            b"<?xml version=\"1.0\"?>\n<!-- hi -->\n<rss version=\"2.0\">"
        ));
        assert!(looks_like_feed(
            b"\xef\xbb\xbf<feed xmlns=\"http://www.w3.org/2005/Atom\">"
        ));
        assert!(looks_like_feed(
            b"<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"x\">"
        ));
        assert!(looks_like_feed(
            br#"{"version": "https://jsonfeed.org/version/1.1", "items": []}"#
        ));
        assert!(!looks_like_feed(
            b"<!doctype html><html><body>rss</body></html>"
        ));
        assert!(!looks_like_feed(b"{\"title\": \"a record\"}"));
        assert!(!looks_like_feed(b"Summit ends\n\n<rss> is a tag"));
    }

    /// A feed file's bytes as a source to load.
    fn feed_source(feed: &str) -> Source {
        Source {
            name: "f.xml".into(),
            path: None,
            bytes: feed.as_bytes().to_vec(),
            format: crate::corpus::input::Format::Feed,
            cut_at: None,
            fetched_from: None,
            stem: None,
        }
    }

    /// Each item's title and byline, read from a feed file's bytes.
    fn titles(feed: &str) -> Vec<(String, Option<String>)> {
        prepare_feed(feed_source(feed), &InputOptions::default())
            .into_iter()
            .filter_map(|o| match o {
                Outcome::Loaded(p, _) => Some((p.meta.title?, p.meta.byline)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_line_break_or_a_block_in_a_title_is_a_space() {
        let item = |title: &str| {
            format!(
                "<item><title>{title}</title><description>The strike ended.</description></item>"
            )
        };
        let rss = format!(
            "<rss version=\"2.0\"><channel><title>Coastal&lt;br&gt;Courier</title>{}{}{}</channel></rss>",
            item("Port strike&lt;br&gt;ends"),
            item("<![CDATA[Ferry<br/>back <b>on</b> time]]>"),
            item("<![CDATA[<p>Quay shut</p><p>for repairs</p>]]>"),
        );
        let got: Vec<(String, String)> = prepare_feed(feed_source(&rss), &InputOptions::default())
            .into_iter()
            .filter_map(|o| match o {
                Outcome::Loaded(p, _) => Some((p.meta.title?, p.meta.outlet?)),
                _ => None,
            })
            .collect();
        let want = [
            "Port strike ends",
            "Ferry back on time",
            "Quay shut for repairs",
        ];
        assert_eq!(
            got,
            want.map(|t| (t.to_string(), "Coastal Courier".to_string()))
        );
    }

    #[test]
    fn escaped_text_in_a_title_stays_text_and_markup_is_taken_off() {
        let item = |title: &str| {
            format!(
                "<item><title>{title}</title><description>The lighthouse was restored.</description></item>"
            )
        };
        let rss = format!(
            "<rss version=\"2.0\"><channel><title>Gazette</title>{}{}{}</channel></rss>",
            item("Lighthouse &lt;restored&gt;"),
            item("<![CDATA[Ferry <b>strike</b> over]]>"),
            item("AT&amp;amp;T &amp; harbour"),
        );
        let got: Vec<String> = titles(&rss).into_iter().map(|(t, _)| t).collect();
        assert_eq!(
            got,
            [
                "Lighthouse <restored>",
                "Ferry strike over",
                "AT&T & harbour"
            ]
        );
        let entry = |title: &str| {
            format!(
                "<entry><title {title}</title><author><name>Ane &lt;Moe&gt;</name></author><summary>The lighthouse was restored.</summary></entry>"
            )
        };
        let atom = format!(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Wire</title>{}{}</feed>",
            entry("type=\"text\">Lighthouse &lt;restored&gt;"),
            entry("type=\"html\">Ferry strike &lt;em&gt;over&lt;/em&gt;"),
        );
        let got = titles(&atom);
        assert_eq!(
            got[0],
            ("Lighthouse <restored>".into(), Some("Ane <Moe>".into()))
        );
        assert_eq!(got[1].0, "Ferry strike over");
        // An author name that plainly holds markup loses it.
        let atom = atom.replace("Ane &lt;Moe&gt;", "&lt;b&gt;Ane&lt;/b&gt; Moe");
        assert_eq!(titles(&atom)[0].1.as_deref(), Some("Ane Moe"));
    }
}
