//! `parallax report`: a report to share, in Markdown, HTML or JSON.
//!
//! - `report LEFT RIGHT [PATH]...`: the two articles' metadata, every
//!   aligned row with its word diff, and the notes of bookmarks anchored in
//!   either article;
//! - `report --all [PATH]...`: the articles, near-duplicates across and
//!   within articles, topic coverage, and every note.
//!
//! Notes come from the session named by `--session` (else `default`, when
//! it exists). A missing or unusable session never fails a report: it is
//! reported in one warning line and the report has no notes. With `-o` the
//! report goes where `output` decides (a regular file is replaced
//! atomically, so a reader never sees half a report).

mod corpus_model;
mod escape;
mod html_corpus;
mod html_page;
mod html_pair;
mod json;
mod md_corpus;
mod md_pair;
mod model;
mod pair_model;
mod text;

use super::CleanOut;
use super::InputError;
use super::args::ReportFormat;
use crate::analysis::pair::Threshold;
use crate::analysis::related::RelatedIndex;
use crate::cache::Cache;
use crate::session::{Bookmark, SessionName, Store};
pub use model::Provenance;
use model::{CorpusReport, PairReport};
use std::path::PathBuf;

/// What the command line asked for.
#[derive(Debug, Clone)]
pub struct Request {
    /// LEFT RIGHT then paths; with `all`, paths only.
    pub items: Vec<PathBuf>,
    pub all: bool,
    pub format: ReportFormat,
    pub output: Option<PathBuf>,
    pub session: Option<String>,
    /// Text read in all at most (`None`: no limit).
    pub max_bytes: Option<u64>,
    /// How inputs are read (`--field`, `--outlet-from`).
    pub input: crate::corpus::InputOptions,
    /// Pairing threshold of a pair report.
    pub threshold: Threshold,
    /// Read and keep the analysis cache (`--no-cache` turns it off).
    pub cache: bool,
}

pub fn run(req: &Request) -> anyhow::Result<()> {
    // Everything that can be refused is refused before the corpus loads.
    let session = match &req.session {
        Some(n) => SessionName::parse(n).map_err(|e| InputError(e.to_string()))?,
        None => SessionName::default_name(),
    };
    let (pair, paths) = split_items(req)?;
    if let Some(out) = &req.output {
        // Refused before the corpus loads; looked at again when written.
        super::output::destination(out).map_err(|e| InputError(e.to_string()))?;
    }
    let cache = Cache::from_env(req.cache).for_inputs(&paths);
    let corpus = super::load(&paths, req.max_bytes, &req.input, &cache)?;
    let pair = match pair {
        Some((l, r)) => Some((super::resolve(&corpus, &l)?, super::resolve(&corpus, &r)?)),
        None => None,
    };
    let (bookmarks, used) = session_notes(&session, req.session.is_some());
    let provenance = Provenance {
        generated: text::report_time(),
        session: used,
    };
    let render = |out: &mut CleanOut| -> anyhow::Result<()> {
        let what = pair.map(|(l, r)| (l, r, req.threshold));
        let done = render_to(
            &corpus,
            &cache,
            what,
            &bookmarks,
            req.format,
            &provenance,
            out,
        );
        cache.warn();
        done
    };
    let to_stdout = match &req.output {
        None => true,
        Some(path) => matches!(
            super::output::destination(path).map_err(|e| InputError(e.to_string()))?,
            super::output::Destination::Stdout
        ),
    };
    if to_stdout {
        return super::emit(render);
    }
    let path = req.output.as_deref().unwrap_or(std::path::Path::new("-"));
    let mut buf = Vec::new();
    render(&mut CleanOut::new(&mut buf))?;
    match super::output::write(path, &buf) {
        Ok(true) => Ok(()),
        Ok(false) => Err(InputError(format!(
            "-o {}: changed while the report was made",
            path.display()
        ))
        .into()),
        Err(e) => Err(InputError(e.to_string()).into()),
    }
}

/// A report of the pair (or, with `None`, of the whole corpus) with these
/// bookmarks' notes, as `report` prints it: what the fuzz target for
/// report rendering drives.
pub fn render(
    corpus: &crate::corpus::Corpus,
    pair: Option<(usize, usize)>,
    bookmarks: &[Bookmark],
    format: ReportFormat,
    provenance: &Provenance,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    render_to(
        corpus,
        &Cache::off(),
        pair.map(|(l, r)| (l, r, Threshold::DEFAULT)),
        bookmarks,
        format,
        provenance,
        &mut CleanOut::new(out),
    )
}

fn render_to(
    corpus: &crate::corpus::Corpus,
    cache: &Cache,
    pair: Option<(usize, usize, Threshold)>,
    bookmarks: &[Bookmark],
    format: ReportFormat,
    provenance: &Provenance,
    out: &mut CleanOut,
) -> anyhow::Result<()> {
    match pair {
        Some((l, r, threshold)) => {
            let related = cache.bind(corpus).related();
            let pair = (l, r, threshold);
            let report = PairReport::build(corpus, &related, pair, bookmarks, provenance.clone());
            match format {
                ReportFormat::Md => md_pair::write(&report, out),
                ReportFormat::Html => html_pair::write(&report, out),
                ReportFormat::Json => json::pair(&report, out),
            }
        }
        None => {
            let report =
                CorpusReport::build(corpus, &cache.bind(corpus), bookmarks, provenance.clone());
            match format {
                ReportFormat::Md => md_corpus::write(&report, out),
                ReportFormat::Html => html_corpus::write(&report, out),
                ReportFormat::Json => json::corpus(&report, out),
            }
        }
    }
}

/// The article pair (unless `--all`) and the corpus paths.
type Items = (Option<(String, String)>, Vec<PathBuf>);

fn split_items(req: &Request) -> anyhow::Result<Items> {
    if req.all {
        return Ok((None, req.items.clone()));
    }
    match req.items.as_slice() {
        [l, r, paths @ ..] => Ok((
            Some((
                l.to_string_lossy().into_owned(),
                r.to_string_lossy().into_owned(),
            )),
            paths.to_vec(),
        )),
        _ => Err(InputError(
            "report needs two articles (parallax report LEFT RIGHT [PATH]...) or --all".into(),
        )
        .into()),
    }
}

/// The bookmarks of the named session and its name, or none (with a
/// warning when the user asked for that session, or it is unusable).
fn session_notes(name: &SessionName, explicit: bool) -> (Vec<Bookmark>, Option<String>) {
    let store = match Store::from_env() {
        Ok(s) => s,
        Err(e) => {
            if explicit {
                warn(&format!("{e}; the report has no notes"));
            }
            return (Vec::new(), None);
        }
    };
    match store.read(name) {
        Ok(Some(s)) => (s.bookmarks, Some(name.to_string())),
        Ok(None) => {
            if explicit {
                warn(&format!(
                    "no saved session '{name}' in {}; the report has no notes",
                    store.dir().display()
                ));
            }
            (Vec::new(), None)
        }
        Err(e) => {
            warn(&format!("session '{name}': {e}; the report has no notes"));
            (Vec::new(), None)
        }
    }
}

fn warn(message: &str) {
    crate::diag::warn(&crate::clean!("{message}"));
}

/// A Markdown report of one pair written to `path` (atomically): what the
/// reader's report key produces.
pub fn write_pair_markdown(
    corpus: &crate::corpus::Corpus,
    related: Option<&RelatedIndex>,
    pair: (usize, usize, Threshold),
    bookmarks: &[Bookmark],
    session: Option<String>,
    path: &std::path::Path,
) -> anyhow::Result<()> {
    let provenance = Provenance {
        generated: text::report_time(),
        session,
    };
    // The reader's own index when its analysis is done: no corpus-wide
    // work for one pair.
    let built;
    let related = match related {
        Some(r) => r,
        None => {
            built = RelatedIndex::build(corpus);
            &built
        }
    };
    let report = PairReport::build(corpus, related, pair, bookmarks, provenance);
    let mut buf = Vec::new();
    md_pair::write(&report, &mut CleanOut::new(&mut buf))?;
    // As `-o`: a link or special file at the name is never replaced.
    match super::output::write(path, &buf)? {
        true => Ok(()),
        false => anyhow::bail!("{} is standard output", path.display()),
    }
}
