//! The command line: argument parsing and the headless commands, which print
//! what `corpus` and `analysis` return. Errors become one line on stderr and
//! exit code 2.

pub mod args;
pub mod config;
mod diff;
mod dup_groups;
mod dups;
mod events;
mod fetch_progress;
mod grep;
mod list;
pub mod out;
mod output;
mod paint;
mod quotes;
mod reader_files;
pub mod report;
mod sessions;
mod show;
mod topics;

use crate::analysis::pair::Threshold;
use crate::corpus::sanitize::Clean;
use crate::corpus::{self, Corpus};
pub use args::Cli;
use args::Command;
use fetch_progress::FetchProgress;
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
    let load = |paths: &[PathBuf]| load(paths, max_bytes, &input);
    let threshold = cli.threshold.unwrap_or(Threshold::DEFAULT);
    let result = match cli.command {
        Some(Command::List { paths, json }) => {
            load(&paths).and_then(|c| emit(|out| list::print(&c, json, paint, out)))
        }
        Some(Command::Show {
            article,
            paths,
            json,
        }) => load(&paths).and_then(|c| emit(|out| show::print(&c, &article, json, paint, out))),
        Some(Command::Dups {
            paths,
            json,
            min,
            scope,
            groups: false,
        }) => load(&paths).and_then(|c| emit(|out| dups::print(&c, json, min, scope, paint, out))),
        Some(Command::Dups {
            paths,
            json,
            min,
            scope,
            groups: true,
        }) => load(&paths)
            .and_then(|c| emit(|out| dup_groups::print(&c, json, min, scope, paint, out))),
        Some(Command::Diff {
            left,
            right,
            paths,
            json,
        }) => load(&paths)
            .and_then(|c| emit(|out| diff::print(&c, &left, &right, threshold, json, paint, out))),
        Some(Command::Topics { paths, json }) => {
            load(&paths).and_then(|c| emit(|out| topics::print(&c, json, paint, out)))
        }
        Some(Command::Events { paths, json }) => {
            load(&paths).and_then(|c| emit(|out| events::print(&c, json, paint, out)))
        }
        Some(Command::Report {
            items,
            all,
            format,
            output,
        }) => report::run(&report::Request {
            items,
            all,
            format,
            output,
            session: cli.reader.session.clone(),
            max_bytes,
            input: input.clone(),
            threshold,
        }),
        Some(Command::Sessions { json }) => emit(|out| sessions::print(json, paint, out)),
        Some(Command::Grep {
            phrase,
            paths,
            json,
        }) => load(&paths).and_then(|c| emit(|out| grep::print(&c, &phrase, json, paint, out))),
        Some(Command::Quotes { paths, json }) => {
            load(&paths).and_then(|c| emit(|out| quotes::print(&c, json, paint, out)))
        }
        None => match open_reader(&cli.paths, &cli.reader, cli.threshold, max_bytes, &input) {
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
) -> anyhow::Result<Corpus> {
    let corpus = if paths.is_empty() {
        corpus::load_builtin()
    } else {
        let mut progress = Progress::new("reading files");
        let mut fetching = FetchProgress::new();
        let loaded = corpus::load_paths_with(
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
    threshold: Option<Threshold>,
    max_bytes: Option<u64>,
    input: &corpus::InputOptions,
) -> anyhow::Result<Option<u8>> {
    use crate::session::{SessionName, Store};
    use std::io::IsTerminal;
    let (keymap, _) = crate::ui::keymap::Keymap::load(reader.keymap.as_deref())
        .map_err(|e| InputError(e.to_string()))?;
    let config = config::Config::load().map_err(|e| InputError(e.to_string()))?;
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
    let corpus = load(&paths, max_bytes, input)?;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(InputError(
            "the reader needs a terminal; for output to a pipe use `parallax list`, `show`, `diff`, `dups`, `topics` or `events`".into(),
        )
        .into());
    }
    if let Some(why) = crate::ui::terminal::unfit(std::env::var_os("TERM").as_deref()) {
        return Err(InputError(format!(
            "the reader needs a terminal that can draw ({why}); set TERM (e.g. TERM=xterm-256color), or use `parallax list`, `show`, `diff`, `dups` or `topics` for plain output"
        ))
        .into());
    }
    let mut hooks = reader_hooks(store, name, paths, saved, reader.resume, &config);
    hooks.options = crate::ui::run::Options {
        mouse: reader.mouse || config.mouse == Some(true),
        osc52: reader.osc52 || config.clipboard == Some(config::ClipboardChoice::Osc52),
        threshold,
    };
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
    config: &config::Config,
) -> crate::ui::run::Hooks {
    use std::rc::Rc;
    let report_folder = config.report_folder();
    let clipboard_file = store.dir().join(reader_files::CLIPBOARD_FILE_NAME);
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
        report: Box::new(move |corpus, (left, right, threshold), bookmarks| {
            // Named by the ids the library shows (unique prefixes), so the
            // path the status line says fits in 80 columns.
            let ids = corpus.short_ids();
            let file = format!("parallax-report-{}-{}.md", ids[left], ids[right]);
            // Said in full: the reader may have been started anywhere.
            let path = report_folder.join(&file);
            std::fs::create_dir_all(&report_folder)
                .map_err(|e| format!("{}: {e}", report_folder.display()))?;
            report::write_pair_markdown(
                corpus,
                left,
                right,
                threshold,
                bookmarks,
                Some(session_name.clone()),
                &path,
            )
            .map(|()| format!("to {} (threshold {threshold})", reader_files::shown(&path)))
            .map_err(|e| format!("{e:#}"))
        }),
        copy: Box::new(move |text| reader_files::write_clipboard(&clipboard_file, text)),
        options: crate::ui::run::Options::default(),
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
