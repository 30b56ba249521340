//! What a page says about itself in its markup: the publication date in
//! meta tags and JSON-LD, the canonical URL, the declared language, the
//! `<h1>` headlines; and a `<title>` cleared of the site name after it.

use super::walk::{collapse, first_line};
use scraper::{Html, Selector};

/// Meta tags naming the publication date, most trusted first.
const DATE_SELECTORS: &[&str] = &[
    r#"meta[property="article:published_time"]"#,
    r#"meta[itemprop="datePublished"]"#,
    r#"meta[name="pubdate"]"#,
    r#"meta[name="publishdate"]"#,
    r#"meta[name="publish-date"]"#,
    r#"meta[name="DC.date.issued"]"#,
    r#"meta[name="dcterms.created"]"#,
    r#"meta[name="sailthru.date"]"#,
    r#"meta[name="date"]"#,
    r#"meta[property="og:pubdate"]"#,
];

/// Facts read from the markup; each one optional.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PageMeta {
    /// Publication date as written in the markup.
    pub published: Option<String>,
    pub canonical_url: Option<String>,
    pub language: Option<String>,
    /// Each `<h1>`'s own line (see `walk::first_line`).
    pub headlines: Vec<String>,
    /// An `<h1>` whose text runs on past its line (one never closed holds
    /// the paragraphs after it): all its text, loosely, and its line.
    pub run_on: Vec<(String, String)>,
}

impl PageMeta {
    /// The line of the `<h1>` whose whole text `title` is, when that text
    /// runs on past it: an extractor takes a lone `<h1>`'s whole text as
    /// the title.
    pub fn headline_of_whole(&self, title: &str) -> Option<&str> {
        let title = loose(title);
        self.run_on
            .iter()
            .find(|(whole, _)| *whole == title)
            .map(|(_, line)| line.as_str())
    }
}

/// A page's JSON-LD scripts (its date here, its article text in
/// `json_text`).
pub(super) const JSON_LD: &str = r#"script[type="application/ld+json"]"#;

/// The elements `css` selects (none when it does not parse).
pub(super) fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    match Selector::parse(css) {
        Ok(s) => doc.select(&s).collect(),
        Err(_) => Vec::new(),
    }
}

fn attr(doc: &Html, css: &str, name: &str) -> Option<String> {
    select(doc, css)
        .into_iter()
        .filter_map(|e| e.value().attr(name))
        .map(|v| v.trim().to_string())
        .find(|v| !v.is_empty())
}

pub fn read(doc: &Html) -> PageMeta {
    let published = DATE_SELECTORS
        .iter()
        .find_map(|css| attr(doc, css, "content"))
        .or_else(|| json_ld_date(doc))
        .or_else(|| attr(doc, "time[itemprop=datePublished]", "datetime"))
        .or_else(|| attr(doc, "time[pubdate]", "datetime"));
    let absolute = |u: String| {
        let lower = u.to_ascii_lowercase();
        (lower.starts_with("http://") || lower.starts_with("https://")).then_some(u)
    };
    let canonical_url = attr(doc, r#"link[rel="canonical"]"#, "href")
        .and_then(absolute)
        .or_else(|| attr(doc, r#"meta[property="og:url"]"#, "content").and_then(absolute));
    let language = attr(doc, "html", "lang")
        .or_else(|| attr(doc, r#"meta[http-equiv="content-language"]"#, "content"));
    let mut headlines = Vec::new();
    let mut run_on = Vec::new();
    for h in select(doc, "h1") {
        let line = first_line(*h);
        if line.is_empty() {
            continue;
        }
        let whole = loose(&h.text().collect::<String>());
        if whole != loose(&line) {
            run_on.push((whole, line.clone()));
        }
        headlines.push(line);
        if headlines.len() == 8 {
            break;
        }
    }
    PageMeta {
        published,
        canonical_url,
        language,
        headlines,
        run_on,
    }
}

/// `"datePublished": "…"` in a JSON-LD script (found as text: the script
/// may be a list, a graph, or not quite JSON).
fn json_ld_date(doc: &Html) -> Option<String> {
    for script in select(doc, JSON_LD) {
        let text: String = script.text().collect();
        if let Some(at) = text.find("\"datePublished\"") {
            let rest = &text[at + "\"datePublished\"".len()..];
            let rest = rest.trim_start().strip_prefix(':')?.trim_start();
            let value = rest.strip_prefix('"')?;
            let end = value.find('"')?;
            return Some(value[..end].to_string());
        }
    }
    None
}

/// Text compared loosely: case, quotes and spacing ignored.
pub fn loose(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Separators between a headline and the site name in `<title>`.
const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " // "];

/// The headline in a `<title>`-like text: an `<h1>` that the title starts
/// or ends with, or the title without a site name (or other words the page
/// does not show as its headline) after or before a separator.
pub fn clean_title(title: &str, site: Option<&str>, headlines: &[String]) -> String {
    let title = collapse(title);
    let t = loose(&title);
    if headlines.iter().any(|h| loose(h) == t) {
        return title;
    }
    // "Headline（Agency） - Site": the page's own headline starts the
    // title and is most of it.
    if let Some(h) = headlines.iter().find(|h| {
        let h = loose(h);
        !h.is_empty() && t.starts_with(&h) && h.chars().count() * 10 >= t.chars().count() * 6
    }) {
        return h.clone();
    }
    let is_site = |part: &str| {
        let p = loose(part);
        !p.is_empty()
            && site.is_some_and(|s| {
                let s = loose(s);
                !s.is_empty() && (p == s || p.contains(&s) || s.contains(&p))
            })
    };
    for sep in SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(sep)
            && (is_site(tail) || headlines.iter().any(|h| loose(h) == loose(head)))
        {
            return head.trim().to_string();
        }
        if let Some((head, tail)) = title.split_once(sep)
            && (is_site(head) || headlines.iter().any(|h| loose(h) == loose(tail)))
        {
            return tail.trim().to_string();
        }
    }
    title
}

/// A site name as a reader would say it: without a tagline after a
/// separator ("Aktuálně.cz - Víte, co se právě děje") or a company form
/// ("WebMD, LLC").
pub fn clean_site_name(name: &str) -> String {
    let mut name = collapse(name);
    for sep in SEPARATORS {
        if let Some((head, _)) = name.split_once(sep)
            && !head.trim().is_empty()
        {
            name = head.trim().to_string();
        }
    }
    for suffix in [
        ", LLC", " LLC", ", Inc.", ", Inc", " Inc.", ", Ltd.", " Ltd.", " Ltd", " GmbH",
    ] {
        if let Some(head) = name.strip_suffix(suffix)
            && !head.trim().is_empty()
        {
            name = head.trim().to_string();
        }
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_names_leave_the_title() {
        let none: Vec<String> = Vec::new();
        assert_eq!(
            clean_title("Obama speaks - BBC News", Some("BBC News"), &none),
            "Obama speaks"
        );
        assert_eq!(
            clean_title("Le Monde.fr | Loi votée", Some("Le Monde"), &none),
            "Loi votée"
        );
        let h1 = vec!["Whales strand".to_string()];
        assert_eq!(
            clean_title("Whales strand | Eleanor Roy", Some("the Guardian"), &h1),
            "Whales strand"
        );
        let h1 = vec!["公衆無線LANを安全に使うためのアプリ「Wi-Fi」".to_string()];
        assert_eq!(
            clean_title(
                "公衆無線LANを安全に使うためのアプリ「Wi-Fi」（CNET） - Yahoo!ニュース",
                None,
                &h1
            ),
            h1[0]
        );
        assert_eq!(
            clean_site_name("Aktuálně.cz - Víte, co se děje"),
            "Aktuálně.cz"
        );
        assert_eq!(clean_site_name("WebMD, LLC"), "WebMD");
        // A dash inside a headline stays when nothing says it is a site.
        assert_eq!(
            clean_title("Trump - Putin talks end", Some("Daily"), &none),
            "Trump - Putin talks end"
        );
    }

    #[test]
    fn dates_from_meta_tags_and_json_ld() {
        let doc = Html::parse_document(
            r#"<html lang="fr"><head><link rel="canonical" href="https://ex.fr/a">
            <script type="application/ld+json">{"@type":"NewsArticle","datePublished": "2019-01-03T07:00:02Z"}</script>
            </head><body><h1> Big  news </h1></body></html>"#,
        );
        let m = read(&doc);
        assert_eq!(m.published.as_deref(), Some("2019-01-03T07:00:02Z"));
        assert_eq!(m.canonical_url.as_deref(), Some("https://ex.fr/a"));
        assert_eq!(m.language.as_deref(), Some("fr"));
        assert_eq!(m.headlines, ["Big news"]);
        assert!(m.run_on.is_empty());
    }

    #[test]
    fn a_heading_never_closed_is_its_own_line() {
        let doc = Html::parse_document("<body><h1>Talks stall<p>First paragraph.<p>Second.</body>");
        let m = read(&doc);
        assert_eq!(m.headlines, ["Talks stall"]);
        let whole = "Talks stallFirst paragraph.Second.";
        assert_eq!(m.headline_of_whole(whole), Some("Talks stall"));
        assert_eq!(m.headline_of_whole("Talks stall"), None);
    }
}
