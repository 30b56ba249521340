//! The command line: argument parsing and the headless commands, which print
//! what `corpus` and `analysis` return. Errors become one line on stderr and
//! exit code 2.

pub mod args;
mod cache;
pub mod config;
mod diff;
mod dup_groups;
mod dups;
mod elsewhere;
mod events;
mod fetch_progress;
mod grep;
mod list;
mod open_reader;
mod output;
mod paint;
mod quotes;
mod reader_files;
pub mod report;
mod sessions;
mod show;
mod topics;
mod topics_json;
mod usage_error;

use crate::analysis::pair::Threshold;
use crate::cache::Cache;
use crate::corpus::sanitize::Clean;
use crate::corpus::{self, Corpus};
pub use crate::out::CleanOut;
pub use args::Cli;
use args::{Command, ReportFormat};
use fetch_progress::FetchProgress;
pub use paint::{Paint, Tone, output_width};
use std::path::PathBuf;
use std::process::ExitCode;
pub use usage_error::parse;

/// An error the user can act on: printed as one line, exit code 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct InputError(pub String);

/// A search that ran and found nothing (`grep`): exit code 1 with no
/// error line, as grep(1) says it, so a script can tell "no hit" from
/// success and from bad input (2).
#[derive(Debug, thiserror::Error)]
#[error("nothing found")]
pub struct NothingFound;

/// Run a parsed command line.
pub fn run(cli: Cli) -> ExitCode {
    // Before any thread is started: a thread heap's pad is fixed when it
    // is made.
    crate::heap::grow_in_large_steps();
    let paint = Paint::detect(cli.color);
    let max_bytes = args::byte_limit(cli.max_bytes);
    let input = cli.input_options();
    let threshold = cli.threshold.unwrap_or(Threshold::DEFAULT);
    let cache_on = !cli.no_cache;
    // A keymap named on the command line is checked whatever the command:
    // only the reader uses it, but a broken file the user asked for is bad
    // input all the same, as git refuses a broken config for every command.
    if cli.command.is_some()
        && let Some(path) = cli.reader.keymap.as_deref()
        && let Err(e) = crate::ui::keymap::Keymap::load(Some(path))
    {
        crate::diag::error(&crate::clean!("{e}"));
        return ExitCode::from(2);
    }
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
            groups: false,
        }) => analysed(&paths, &|c, cache| {
            emit(|out| dups::print(c, &cache.bind(c), json, min, scope, paint, out))
        }),
        Some(Command::Dups {
            paths,
            json,
            min,
            scope,
            groups: true,
        }) => analysed(&paths, &|c, _| {
            emit(|out| dup_groups::print(c, json, min, scope, paint, out))
        }),
        Some(Command::Diff {
            left,
            right,
            paths,
            json,
            partners,
        }) => diff::sides(left, right, paths).and_then(|(sides, paths)| {
            analysed(&paths, &|c, cache| {
                let pair = sides.resolve(c)?;
                let related = || cache.bind(c).related();
                let shown = diff::Shown {
                    threshold,
                    json,
                    partners: partners.map(usize::from),
                };
                emit(|out| diff::print(c, &related, pair, shown, paint, out))
            })
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
        Some(Command::Elsewhere {
            article,
            block,
            paths,
            json,
        }) => analysed(&paths, &|c, cache| {
            let at = (article.as_str(), block);
            emit(|out| elsewhere::print(c, &cache.bind(c), at, threshold, json, paint, out))
        }),
        Some(Command::Events { paths, json }) => analysed(&paths, &|c, cache| {
            emit(|out| events::print(c, &cache.bind(c), json, paint, out))
        }),
        Some(Command::Report {
            items,
            all,
            format,
            json,
            output,
        }) => report::run(&report::Request {
            items,
            all,
            format: if json { ReportFormat::Json } else { format },
            output,
            session: cli.reader.session.clone(),
            max_bytes,
            input: input.clone(),
            threshold,
            cache: cache_on,
        }),
        Some(Command::Sessions { json }) => emit(|out| sessions::print(json, paint, out)),
        Some(Command::Grep {
            phrase,
            paths,
            json,
        }) => analysed(&paths, &|c, _| {
            emit(|out| grep::print(c, &phrase, json, paint, out))
        }),
        Some(Command::Quotes { paths, json }) => analysed(&paths, &|c, cache| {
            emit(|out| quotes::print(c, &cache.bind(c), json, paint, out))
        }),
        Some(Command::Cache { action }) => emit(|out| cache::run(action, out)),
        None => match open_reader::open_reader(
            &cli.paths,
            &cli.reader,
            cli.threshold,
            max_bytes,
            &input,
            cache_on,
        ) {
            Ok(Some(code)) => return ExitCode::from(code),
            Ok(None) => Ok(()),
            Err(e) => Err(e),
        },
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.is::<NothingFound>() => ExitCode::from(1),
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
        let mut fetching = FetchProgress::new();
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
                fetching: &mut |n, total, link| fetching.show(n, total, link),
            },
        );
        progress.finish();
        fetching.finish();
        match loaded {
            Ok(c) => c,
            Err(e) => {
                // Every file's reason first, then the one error line.
                for w in e.warnings() {
                    crate::diag::warn(&crate::clean!("{w}"));
                }
                return Err(InputError(load_error_line(&e)).into());
            }
        }
    };
    for w in &corpus.warnings {
        crate::diag::warn(&crate::clean!("{w}"));
    }
    Ok(corpus)
}

/// A load error's one line, with the command a missing path was likely
/// meant to be.
pub(crate) fn load_error_line(e: &corpus::LoadError) -> String {
    match e {
        corpus::LoadError::Missing { paths } => {
            format!("{e}{}", usage_error::command_hint(paths))
        }
        _ => e.to_string(),
    }
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
    // Flushed whatever `f` says: a search with no hit (`NothingFound`)
    // still wrote its count, and a full disk must show as an error.
    let result = f(&mut out);
    let flushed = out.flush().map_err(anyhow::Error::from);
    let result = match (result, flushed) {
        (Err(e), Ok(())) => Err(e),
        (_, Err(e)) => Err(e),
        (Ok(()), Ok(())) => Ok(()),
    };
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

/// Resolve an article id or prefix, as an input error when it fails.
pub fn resolve(corpus: &Corpus, query: &str) -> anyhow::Result<usize> {
    corpus.resolve(query).map_err(|e| {
        // `parallax diff led spill`: the folder took RIGHT's place and the
        // ids were looked up in the built-in corpus.
        let path_hint = if std::path::Path::new(query).exists() {
            format!("; '{query}' is a file or folder: article ids come first, then the paths")
        } else {
            String::new()
        };
        InputError(format!("{e}{path_hint}")).into()
    })
}

/// Short unique id prefixes for table columns (see `Corpus::short_ids`).
pub fn short_ids(corpus: &Corpus) -> Vec<String> {
    corpus.short_ids()
}
