//! The command line: argument parsing and the headless commands, which print
//! what `corpus` and `analysis` return. Errors become one line on stderr and
//! exit code 2.

pub mod args;
mod cache;
mod diff;
mod dups;
mod list;
pub mod out;
mod output;
mod paint;
pub mod report;
mod sessions;
mod show;
mod topics;

use crate::cache::Cache;
use crate::corpus::sanitize::Clean;
use crate::corpus::{self, Corpus};
pub use args::Cli;
use args::Command;
pub use out::CleanOut;
pub use paint::{Paint, Tone, output_width};
use std::path::PathBuf;
use std::process::ExitCode;

/// An error the user can act on: printed as one line, exit code 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct InputError(pub String);

/// Run a parsed command line.
pub fn run(cli: Cli) -> ExitCode {
    let paint = Paint::detect(cli.color);
    let max_bytes = args::byte_limit(cli.max_bytes);
    let input = cli.input_options();
    let cache_on = !cli.no_cache;
    // The corpus read from `paths` and its analysis cache; the cache's one
    // warning (a damaged file made again) is printed once the command is
    // done.
    let analysed = |paths: &[PathBuf], f: &dyn Fn(&Corpus, &Cache) -> anyhow::Result<()>| {
        let cache = Cache::from_env(cache_on).for_inputs(paths);
        let result = load(paths, max_bytes, &input, &cache).and_then(|corpus| f(&corpus, &cache));
        cache.warn();
        result
    };
    let result = match cli.command {
        Some(Command::List { paths, json }) => {
            analysed(&paths, &|c, _| emit(|out| list::print(c, json, paint, out)))
        }
        Some(Command::Show {
            article,
            paths,
            json,
        }) => analysed(&paths, &|c, _| {
            emit(|out| show::print(c, &article, json, paint, out))
        }),
        Some(Command::Dups {
            paths,
            json,
            min,
            scope,
        }) => analysed(&paths, &|c, cache| {
            emit(|out| dups::print(c, &cache.bind(c), json, min, scope, paint, out))
        }),
        Some(Command::Diff {
            left,
            right,
            paths,
            json,
            threshold,
        }) => analysed(&paths, &|c, cache| {
            let related = || cache.bind(c).related();
            emit(|out| diff::print(c, &related, (&left, &right), threshold, json, paint, out))
        }),
        Some(Command::Topics {
            paths,
            json,
            jsonl,
            limit,
        }) => analysed(&paths, &|c, cache| {
            let form = topics::Form::of(json, jsonl, limit);
            emit(|out| topics::print(c, &cache.bind(c), form, paint, out))
        }),
        Some(Command::Report {
            items,
            all,
            format,
            output,
            session,
            threshold,
        }) => report::run(&report::Request {
            items,
            all,
            format,
            output,
            session,
            max_bytes,
            input: input.clone(),
            threshold,
            cache: cache_on,
        }),
        Some(Command::Sessions { json }) => emit(|out| sessions::print(json, paint, out)),
        Some(Command::Cache { action }) => emit(|out| cache::run(action, out)),
        None => match open_reader(&cli.paths, &cli.reader, max_bytes, &input, cache_on) {
            Ok(Some(code)) => return ExitCode::from(code),
            Ok(None) => Ok(()),
            Err(e) => Err(e),
        },
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            crate::diag::error(&crate::clean!("{e:#}"));
            ExitCode::from(2)
        }
    }
}

/// Load the named paths, or the built-in corpus when there are none, reading
/// at most `max_bytes` of text in all (`None`: no limit). A large load is
/// announced (size and files) before anything is read. Warnings go to
/// stderr, one line per skipped file.
pub fn load(
    paths: &[PathBuf],
    max_bytes: Option<u64>,
    input: &corpus::InputOptions,
    cache: &Cache,
) -> anyhow::Result<Corpus> {
    let corpus = if paths.is_empty() {
        corpus::load_builtin()
    } else {
        let mut progress = Progress::new("reading files");
        let loaded = cache.load(
            paths,
            corpus::LoadOptions {
                max_bytes,
                input,
                on_listing: &mut |listing| {
                    if listing.bytes >= corpus::NOTICE_BYTES {
                        crate::diag::note(&crate::clean!("reading {listing}"));
                    }
                },
                progress: &mut |n, total| progress.show(n, total),
            },
        );
        progress.finish();
        match loaded {
            Ok(c) => c,
            Err(e) => {
                // Every file's reason first, then the one error line.
                if let corpus::LoadError::Empty { warnings, .. } = &e {
                    for w in warnings {
                        crate::diag::warn(&crate::clean!("{w}"));
                    }
                }
                return Err(InputError(e.to_string()).into());
            }
        }
    };
    for w in &corpus.warnings {
        crate::diag::warn(&crate::clean!("{w}"));
    }
    Ok(corpus)
}

/// A one-line progress counter on stderr, shown only on a terminal and only
/// for work big enough to notice.
pub struct Progress {
    label: &'static str,
    enabled: bool,
    shown: bool,
}

impl Progress {
    pub fn new(label: &'static str) -> Progress {
        use std::io::IsTerminal;
        Progress {
            label,
            enabled: std::io::stderr().is_terminal(),
            shown: false,
        }
    }

    pub fn show(&mut self, done: usize, total: usize) {
        if self.enabled && total >= 1000 {
            crate::diag::raw(
                &(Clean::lit("\r") + crate::clean!("parallax: {} {done}/{total}", self.label)),
            );
            self.shown = true;
        }
    }

    /// Erase the progress line.
    pub fn finish(&mut self) {
        if self.shown {
            crate::diag::raw(&Clean::lit("\r\x1b[2K"));
            self.shown = false;
        }
    }
}

/// Write a command's output to stdout, through [`CleanOut`]; a closed pipe
/// (`| head`) is not an error.
fn emit(f: impl FnOnce(&mut CleanOut) -> anyhow::Result<()>) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut buffered = std::io::BufWriter::new(stdout.lock());
    let mut out = CleanOut::new(&mut buffered);
    let result = f(&mut out).and_then(|()| out.flush().map_err(Into::into));
    match result {
        Err(e) if is_broken_pipe(&e) => Ok(()),
        other => other,
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    // serde_json wraps the io error, so look through the whole chain.
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
                == Some(std::io::ErrorKind::BrokenPipe)
    })
}

/// Open the interactive reader. Everything that can fail on bad input
/// (keymap, session name, paths, no terminal) fails here, before the
/// terminal is touched.
fn open_reader(
    paths: &[PathBuf],
    reader: &args::ReaderArgs,
    max_bytes: Option<u64>,
    input: &corpus::InputOptions,
    cache_on: bool,
) -> anyhow::Result<Option<u8>> {
    use crate::session::{SessionName, Store};
    use std::io::IsTerminal;
    let (keymap, _) = crate::ui::keymap::Keymap::load(reader.keymap.as_deref())
        .map_err(|e| InputError(e.to_string()))?;
    let name = match &reader.session {
        Some(n) => SessionName::parse(n).map_err(|e| InputError(e.to_string()))?,
        None => SessionName::default_name(),
    };
    let store = Store::from_env().map_err(|e| InputError(e.to_string()))?;
    let saved = match store.load(&name) {
        Ok(loaded) => {
            if let Some(aside) = &loaded.set_aside {
                crate::diag::warn(&crate::clean!("{aside}"));
            }
            loaded.session
        }
        Err(e) => {
            crate::diag::warn(&crate::clean!("session {}: {e}", name.as_str()));
            None
        }
    };
    // `--resume` without paths reopens the session's own corpus.
    let paths: Vec<PathBuf> = match (&saved, paths.is_empty() && reader.resume) {
        (Some(s), true) => s.corpus.clone(),
        _ => paths.to_vec(),
    };
    let cache = Cache::from_env(cache_on).for_inputs(&paths);
    let corpus = load(&paths, max_bytes, input, &cache)?;
    cache.warn();
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(InputError(
            "the reader needs a terminal; for output to a pipe use `parallax list`, `show`, `diff`, `dups` or `topics`".into(),
        )
        .into());
    }
    let mut hooks = reader_hooks(store, name, paths.clone(), saved, reader.resume);
    hooks.cache = cache;
    let ending = crate::ui::run::run(corpus, keymap, crate::ui::theme::Theme::from_env(), hooks)?;
    // Killed by a signal: exit as shells expect (128 + signal number).
    Ok(match ending {
        crate::ui::run::Ending::Quit => None,
        crate::ui::run::Ending::Signal(sig) => Some(128u8.saturating_add(sig as u8)),
    })
}

/// Persistence and reports for the reader, bound to one named session.
fn reader_hooks(
    store: crate::session::Store,
    name: crate::session::SessionName,
    paths: Vec<PathBuf>,
    saved: Option<crate::session::Session>,
    resume: bool,
) -> crate::ui::run::Hooks {
    use std::rc::Rc;
    let store = Rc::new(store);
    let name = Rc::new(name);
    let (s1, n1) = (Rc::clone(&store), Rc::clone(&name));
    let (s2, n2) = (Rc::clone(&store), Rc::clone(&name));
    let session_name = name.as_str().to_string();
    crate::ui::run::Hooks {
        bookmarks: saved
            .as_ref()
            .map(|s| s.bookmarks.clone())
            .unwrap_or_default(),
        restore: if resume { saved } else { None },
        save_bookmarks: Box::new(move |new| {
            s1.update(&n1, |s| {
                for b in new {
                    s.add_bookmark(b.clone());
                }
            })
            .map(|_| ())
            .map_err(|e| e.to_string())
        }),
        save_state: Box::new(move |apply| {
            s2.update(&n2, |s| {
                apply(s);
                s.corpus = crate::session::corpus_key(&paths);
            })
            .map(|_| ())
            .map_err(|e| e.to_string())
        }),
        cache: Cache::off(),
        report: Box::new(
            move |corpus, related, (left, right, threshold), bookmarks| {
                let a = &corpus.articles;
                let file = format!("parallax-report-{}-{}.md", a[left].id, a[right].id);
                // Said in full: the reader may have been started anywhere.
                let path = std::env::current_dir()
                    .map(|d| d.join(&file))
                    .unwrap_or_else(|_| std::path::PathBuf::from(&file));
                report::write_pair_markdown(
                    corpus,
                    related,
                    (left, right, threshold),
                    bookmarks,
                    Some(session_name.clone()),
                    &path,
                )
                .map(|()| format!("at threshold {threshold} to {}", path.display()))
                .map_err(|e| format!("{e:#}"))
            },
        ),
    }
}

/// Resolve an article id or prefix, as an input error when it fails.
pub fn resolve(corpus: &Corpus, query: &str) -> anyhow::Result<usize> {
    corpus
        .resolve(query)
        .map_err(|e| InputError(e.to_string()).into())
}

/// Short unique id prefixes for table columns (see `Corpus::short_ids`).
pub fn short_ids(corpus: &Corpus) -> Vec<String> {
    corpus.short_ids()
}
