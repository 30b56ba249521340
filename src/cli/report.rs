//! `parallax report`: the command around [`crate::report`]. It refuses bad
//! arguments before anything loads, reads the notes of a session, and puts
//! the rendered report where `-o` says.
//!
//! - `report LEFT RIGHT [PATH]...`: a pair report;
//! - `report --all [PATH]...`: a corpus report.
//!
//! Notes come from the session named by `--session` (else `default`, when
//! it exists). A missing or unusable session never fails a report: it is
//! reported in one warning line and the report has no notes. With `-o` the
//! report goes where `output` decides (a regular file is replaced
//! atomically, so a reader never sees half a report).

use super::CleanOut;
use super::InputError;
use super::args::ReportFormat;
use crate::analysis::pair::Threshold;
use crate::analysis::related::RelatedIndex;
use crate::cache::Cache;
use crate::report::{Format, Provenance, Subject};
use crate::session::{Bookmark, SessionName, Store};
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

impl From<ReportFormat> for Format {
    fn from(f: ReportFormat) -> Format {
        match f {
            ReportFormat::Md => Format::Markdown,
            ReportFormat::Html => Format::Html,
            ReportFormat::Json => Format::Json,
        }
    }
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
    let subject = match pair {
        Some((l, r)) => Subject::Pair {
            left: super::resolve(&corpus, &l)?,
            right: super::resolve(&corpus, &r)?,
            threshold: req.threshold,
        },
        None => Subject::Corpus,
    };
    let (bookmarks, used) = session_notes(&session, req.session.is_some());
    let provenance = Provenance::now(used);
    let render = |out: &mut CleanOut| -> anyhow::Result<()> {
        let done = crate::report::render(
            &corpus,
            &cache.bind(&corpus),
            subject,
            &bookmarks,
            req.format.into(),
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
    let provenance = Provenance::now(session);
    let bytes = crate::report::pair_markdown(corpus, related, pair, bookmarks, provenance)?;
    // As `-o`: a link or special file at the name is never replaced.
    match super::output::write(path, &bytes)? {
        true => Ok(()),
        false => anyhow::bail!("{} is standard output", path.display()),
    }
}
