//! Links among the inputs: arguments that are links and lists of links
//! named on the command line, fetched (from the cache when it has them)
//! into sources the loader takes apart like files; and the pages of feed
//! items that carry no full text. Every link that gives nothing is one
//! warning naming it and why.

use super::budget::Listing;
use super::compress::decompress;
use super::decode::{content_type_charset, drop_cut_character, to_utf8_by_outer_declaration};
use super::feed::looks_like_feed;
use super::fetch::links::{
    authority, is_link, is_link_list, link_stem, parse_link, read_link_list,
};
use super::fetch::{FetchError, Fetched, Fetcher};
use super::input::{Compression, Format, InputOptions, format_of, format_of_named};
use super::model::LoadWarning;
use super::prepare::prepare;
use super::prepared::{Outcome, Source, warn};
use super::read::{MAX_FILE_BYTES, looks_binary, read_capped};
use super::sanitize::sanitize_line;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// A list of links is read when it is at most this large.
const MAX_LIST_BYTES: u64 = 1024 * 1024;

/// One command-line argument: a file or folder, or the links it stands
/// for (a link, or a list of links: `list` is then its file).
pub enum Arg {
    Path(PathBuf),
    Links {
        links: Vec<String>,
        list: Option<PathBuf>,
    },
}

impl Arg {
    fn links(&self) -> &[String] {
        match self {
            Arg::Links { links, .. } => links,
            Arg::Path(_) => &[],
        }
    }
}

/// Sort the arguments into paths and links; each link once, in the order
/// first given.
pub fn sort_args(paths: &[PathBuf], warnings: &mut Vec<LoadWarning>) -> Vec<Arg> {
    let mut seen = HashSet::new();
    let mut args = Vec::with_capacity(paths.len());
    for p in paths {
        let text = p.to_string_lossy();
        let (links, list) = if is_link(&text) {
            match parse_link(&text) {
                Some(url) => (vec![url.to_string()], None),
                None => {
                    warnings.push(warn(p, "not a usable link".into()));
                    continue;
                }
            }
        } else if let Some(links) = link_list(p, warnings) {
            (links, Some(p.clone()))
        } else {
            args.push(Arg::Path(p.clone()));
            continue;
        };
        let links = links
            .into_iter()
            .filter(|l| seen.insert(l.clone()))
            .collect();
        args.push(Arg::Links { links, list });
    }
    args
}

/// The links in a file named on the command line that is a list of links:
/// a `.urls` file, or a small text file whose every line (blank lines and
/// `#` comments aside) is an http(s) link. Files inside folders are never
/// read as lists: opening a folder fetches nothing.
fn link_list(path: &Path, warnings: &mut Vec<LoadWarning>) -> Option<Vec<String>> {
    let meta = std::fs::metadata(path).ok()?;
    let urls_ext = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("urls"));
    let texty = format_of_named(path) == (Format::Text, Compression::None);
    if !meta.is_file() || meta.len() > MAX_LIST_BYTES || !(urls_ext || texty) {
        return None;
    }
    // Opened like any input file (non-blocking, checked regular once
    // open): a FIFO swapped in after the check above must not hang.
    let (bytes, cut) = read_capped(path, MAX_LIST_BYTES).ok()?;
    if cut {
        return None;
    }
    let text = String::from_utf8(bytes).ok()?;
    if urls_ext {
        let list = read_link_list(&text);
        for (line, _) in &list.bad {
            warnings.push(warn(
                path,
                format!("line {line}: not an http(s) link; skipped"),
            ));
        }
        return Some(list.links);
    }
    is_link_list(&text).then(|| read_link_list(&text).links)
}

/// `host:port` of every link the user named: the only places a private
/// or loopback address may be reached.
pub fn trusted(args: &[Arg]) -> HashSet<String> {
    args.iter()
        .flat_map(Arg::links)
        .filter_map(|l| parse_link(l).as_ref().and_then(authority))
        .collect()
}

/// Every link of the arguments, in order: what is fetched.
pub fn links_of(args: &[Arg]) -> Vec<String> {
    args.iter().flat_map(Arg::links).cloned().collect()
}

/// A list of links none of which could be had: said in one line that
/// counts them, instead of a warning per link.
#[derive(Debug, PartialEq, Eq)]
pub struct Unfetched {
    pub list: PathBuf,
    pub count: usize,
    /// The reason all of them gave, else "first: " the first one's.
    pub why: String,
}

impl Unfetched {
    /// The line as a warning about the list, when something else loads:
    /// "none of its 2 links could be fetched (host not found)".
    pub fn warning(&self) -> LoadWarning {
        warn(&self.list, self.said("its", ""))
    }

    /// The line as the error, when nothing else was named: "none of the
    /// 2 links in links.urls could be fetched (host not found)".
    pub fn error(&self) -> String {
        let list = sanitize_line(&self.list.display().to_string());
        self.said("the", &format!(" in {list}"))
    }

    /// "none of {det} 2 links{place} could be fetched (why)", or for one
    /// link "{det} one link{place} could not be fetched (why)".
    fn said(&self, det: &str, place: &str) -> String {
        let why = &self.why;
        match self.count {
            1 => format!("{det} one link{place} could not be fetched ({why})"),
            n => format!("none of {det} {n} links{place} could be fetched ({why})"),
        }
    }
}

/// The fetched links (`fetched`, in the order of `links_of`) as sources
/// taken apart, with the argument each belongs to; counted into
/// `listing`. A link that gives nothing is a warning naming it, but a
/// list none of whose links gave anything is one line (`Unfetched`,
/// also among the warnings).
pub fn take_apart(
    args: &[Arg],
    fetched: Vec<Result<Fetched, FetchError>>,
    input: &InputOptions,
    listing: &mut Listing,
    warnings: &mut Vec<LoadWarning>,
) -> (Vec<(usize, Vec<Outcome>)>, Vec<Unfetched>) {
    let mut fetched = fetched.into_iter();
    let mut sources = Vec::new();
    let mut unfetched = Vec::new();
    for (i, arg) in args.iter().enumerate() {
        let Arg::Links { links, list } = arg else {
            continue;
        };
        let mut failed = Vec::new();
        for link in links {
            let got = fetched
                .next()
                .unwrap_or_else(|| Err(FetchError::Other("not fetched".into())));
            let (source, note) = source_of(link, got);
            warnings.extend(note);
            match source {
                Ok(s) => {
                    listing.files += 1;
                    listing.bytes += s.bytes.len() as u64;
                    sources.push((i, prepare(s, input)));
                }
                Err(w) => failed.push(w),
            }
        }
        match list {
            Some(list) if !links.is_empty() && failed.len() == links.len() => {
                let first = &failed[0].message;
                let same = failed.iter().all(|w| w.message == *first);
                let why = if same {
                    first.clone()
                } else {
                    format!("first: {first}")
                };
                let one = Unfetched {
                    list: list.clone(),
                    count: links.len(),
                    why,
                };
                warnings.push(one.warning());
                unfetched.push(one);
            }
            _ => warnings.append(&mut failed),
        }
    }
    (sources, unfetched)
}

/// A fetched link as a source to take apart, or why it is not one; and a
/// note to give even when it loads.
pub fn source_of(
    link: &str,
    fetched: Result<Fetched, FetchError>,
) -> (Result<Source, LoadWarning>, Option<LoadWarning>) {
    let shown = PathBuf::from(sanitize_line(link));
    let f = match fetched {
        Ok(f) => f,
        Err(e) => return (Err(warn(&shown, e.to_string())), None),
    };
    let note = f.note.as_ref().map(|n| warn(&shown, n.clone()));
    let made = (|| {
        let (format, compression) = kind_of(&f)?;
        let (mut bytes, cut) =
            decompress(f.body.clone(), compression, MAX_FILE_BYTES).map_err(|e| e.to_string())?;
        if cut {
            drop_cut_character(&mut bytes);
        }
        let header_charset = f
            .meta
            .content_type
            .as_deref()
            .and_then(content_type_charset);
        if let Some(utf8) = to_utf8_by_outer_declaration(&bytes, header_charset) {
            bytes = utf8;
        }
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Err("empty response".to_string());
        }
        if looks_binary(&bytes) {
            return Err("binary response (NUL bytes)".to_string());
        }
        Ok(Source {
            name: link_stem(&f.meta.final_url),
            path: Some(shown.clone()),
            bytes,
            format,
            cut_at: cut.then_some(MAX_FILE_BYTES),
            fetched_from: Some(f.meta.final_url.clone()),
            stem: Some(link_stem(link)),
        })
    })();
    (made.map_err(|e| warn(&shown, e)), note)
}

/// What a response is, by its content (feeds), its content type, and the
/// name at the end of its address.
fn kind_of(f: &Fetched) -> Result<(Format, Compression), String> {
    if looks_like_feed(&f.body) {
        return Ok((Format::Feed, Compression::None));
    }
    let by_name = url::Url::parse(&f.meta.final_url)
        .ok()
        .and_then(|u| u.path_segments()?.next_back().map(str::to_string))
        .and_then(|last| format_of(Path::new(&last)));
    let ct = f
        .meta
        .content_type
        .as_deref()
        .unwrap_or("")
        .to_ascii_lowercase();
    let essence = ct.split(';').next().unwrap_or("").trim();
    Ok(match essence {
        "text/html" | "application/xhtml+xml" => (Format::Html, Compression::None),
        "text/markdown" | "text/x-markdown" => (Format::Markdown, Compression::None),
        "text/csv" => (Format::Csv, Compression::None),
        "application/x-ndjson" | "application/jsonl" | "application/x-jsonlines" => {
            (Format::JsonLines, Compression::None)
        }
        "text/plain" => by_name.unwrap_or((Format::Text, Compression::None)),
        ""
        | "application/octet-stream"
        | "application/gzip"
        | "application/x-gzip"
        | "application/zstd" => match by_name {
            Some(k) => k,
            None if f.body.trim_ascii_start().starts_with(b"<") => {
                (Format::Html, Compression::None)
            }
            None if essence.is_empty() => (Format::Text, Compression::None),
            None => return Err(format!("not a kind of page parallax reads ({essence})")),
        },
        other if other.contains("xml") || other.contains("json") => {
            return Err(format!("not a feed ({other})"));
        }
        other => return Err(format!("not a kind of page parallax reads ({other})")),
    })
}

/// Fetch each followed feed item's page and take it apart, the item's
/// fields filling its gaps; an item whose page cannot be had falls back
/// on its summary, if it has one. Other outcomes pass unchanged.
pub fn follow(
    outcomes: Vec<Outcome>,
    fetcher: &Fetcher,
    input: &InputOptions,
    progress: &mut dyn FnMut(usize, usize, &str),
) -> Vec<Outcome> {
    let links: Vec<String> = outcomes
        .iter()
        .filter_map(|o| match o {
            Outcome::Follow(f) => Some(f.link.clone()),
            _ => None,
        })
        .collect();
    if links.is_empty() {
        return outcomes;
    }
    let mut fetched = fetcher.fetch_all(&links, progress).into_iter();
    let mut out = Vec::with_capacity(outcomes.len());
    for o in outcomes {
        let Outcome::Follow(f) = o else {
            out.push(o);
            continue;
        };
        let got = fetched
            .next()
            .unwrap_or_else(|| Err(FetchError::Other("not fetched".into())));
        let (source, note) = source_of(&f.link, got);
        out.extend(note.map(Outcome::Skipped));
        let pages = match source {
            Ok(s) if s.format == Format::Feed => {
                vec![Outcome::Skipped(warn(
                    Path::new(&f.link),
                    "a feed, not an article page; not followed".into(),
                ))]
            }
            Ok(s) => prepare(s, input),
            Err(w) => vec![Outcome::Skipped(w)],
        };
        let mut loaded = false;
        for page in pages {
            match page {
                Outcome::Loaded(mut p, w) => {
                    f.merge_into(&mut p);
                    loaded = true;
                    out.push(Outcome::Loaded(p, w));
                }
                // A link that is itself a feed is not followed further.
                Outcome::Follow(_) => {}
                other => out.push(other),
            }
        }
        if !loaded && let Some(p) = f.fallback {
            out.push(Outcome::Loaded(p, None));
        }
    }
    out
}
