//! The interactive reader opened from the command line: everything that
//! can fail on bad input (keymap, config, session, paths, no terminal)
//! fails here, before the terminal is touched; then the reader's hooks
//! (persistence, reports, the clipboard file, the analysis cache).

use super::{InputError, args, config, load, reader_files, report};
use crate::analysis::pair::Threshold;
use crate::cache::Cache;
use crate::corpus;
use crate::corpus::sanitize::Clean;
use std::cell::RefCell;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// Open the interactive reader. Everything that can fail on bad input
/// (keymap, session name, paths, no terminal) fails here, before the
/// terminal is touched.
pub(super) fn open_reader(
    paths: &[PathBuf],
    reader: &args::ReaderArgs,
    threshold: Option<Threshold>,
    max_bytes: Option<u64>,
    input: &corpus::InputOptions,
    cache_on: bool,
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
            } else if loaded.session.is_none() && reader.resume && reader.session.is_some() {
                // A mistyped name would start a new, empty session and
                // leave the one meant untouched and unseen.
                return Err(InputError(no_session_to_resume(&store, name.as_str())).into());
            }
            loaded.session
        }
        Err(e) => {
            crate::diag::warn(&crate::clean!("session {}: {e}", name.as_str()));
            None
        }
    };
    // `--resume` without paths reopens the session's own corpus.
    // What the session keeps is every path it had, gone or not: a drive
    // unmounted today is back tomorrow, and saving only what loaded would
    // forget it for good.
    let (paths, kept_paths): (Vec<PathBuf>, Vec<PathBuf>) =
        match (&saved, paths.is_empty() && reader.resume) {
            (Some(s), true) => (still_there(&s.corpus), s.corpus.clone()),
            _ => (paths.to_vec(), paths.to_vec()),
        };
    let on_terminal = std::io::stdout().is_terminal() && std::io::stdin().is_terminal();
    let unfit = crate::ui::terminal::unfit(std::env::var_os("TERM").as_deref());
    // Without a terminal the files are read first, so a bad path is said
    // before the missing terminal; the built-in corpus is read at once.
    // One cache loads the corpus and binds it for the analysis.
    let cache = Cache::from_env(cache_on).for_inputs(&paths);
    let loaded = if !on_terminal || unfit.is_some() || paths.is_empty() {
        let corpus = load(&paths, max_bytes, input, &cache)?;
        cache.warn();
        Some(corpus)
    } else {
        None
    };
    if !on_terminal {
        return Err(InputError(
            "the reader needs a terminal; for output to a pipe use `parallax list`, `show`, `diff`, `dups`, `topics` or `events`".into(),
        )
        .into());
    }
    if let Some(why) = unfit {
        return Err(InputError(format!(
            "the reader needs a terminal that can draw ({why}); set TERM (e.g. TERM=xterm-256color), or use `parallax list`, `show`, `diff`, `dups` or `topics` for plain output"
        ))
        .into());
    }
    let mut hooks = reader_hooks(store, name, kept_paths, saved, reader.resume, &config);
    hooks.cache = cache;
    hooks.options = crate::ui::run::Options {
        mouse: reader.mouse || config.mouse == Some(true),
        osc52: reader.osc52 || config.clipboard == Some(config::ClipboardChoice::Osc52),
        threshold,
    };
    let theme = crate::ui::theme::Theme::from_env();
    let ending = match loaded {
        Some(corpus) => crate::ui::run::run(corpus, keymap, theme, hooks)?,
        None => {
            // What the load has to say waits until the terminal is given
            // back: a line on stderr would be drawn over the reader.
            let said: Said = Arc::default();
            let load = reading(paths, max_bytes, input.clone(), Arc::clone(&said));
            let ending = crate::ui::run::run_loading(load, keymap, theme, hooks);
            for w in said.lock().unwrap_or_else(|e| e.into_inner()).drain(..) {
                crate::diag::warn(&w);
            }
            ending?
        }
    };
    // Killed by a signal: exit as shells expect (128 + signal number).
    Ok(match ending {
        crate::ui::run::Ending::Quit => None,
        crate::ui::run::Ending::Signal(sig) => Some(128u8.saturating_add(sig as u8)),
    })
}

/// Warnings of a load in the reader, said once it ends.
type Said = Arc<Mutex<Vec<Clean>>>;

/// The load the reader runs while showing its progress: as [`load`], but
/// silent (its warnings kept in `said`) and reporting to the reader.
fn reading(
    paths: Vec<PathBuf>,
    max_bytes: Option<u64>,
    input: corpus::InputOptions,
    said: Said,
) -> crate::ui::run::Load {
    Box::new(move |cache, report| {
        use crate::ui::run::LoadEvent;
        let report = RefCell::new(report);
        // Written once the reader has shown the analysis (`Bound::keep`).
        cache.write_corpus_later();
        let loaded = cache.load(
            &paths,
            corpus::LoadOptions {
                max_bytes,
                input: &input,
                on_listing: &mut |_| {},
                progress: &mut |n, total| (report.borrow_mut())(LoadEvent::Reading(n, total)),
                fetching: &mut |n, total, _| (report.borrow_mut())(LoadEvent::Fetching(n, total)),
            },
        );
        let mut said = said.lock().unwrap_or_else(|e| e.into_inner());
        let warnings = match &loaded {
            Ok(c) => &c.warnings,
            Err(e) => e.warnings(),
        };
        said.extend(warnings.iter().map(|w| crate::clean!("{w}")));
        said.extend(cache.take_warning());
        loaded.map_err(|e| InputError(super::load_error_line(&e)).into())
    })
}

/// The session's paths that are still there, each one gone said in a
/// line: a path the user typed that is not there stops the load (a typo),
/// but one a session remembers may have been moved or deleted since, and
/// the rest of the session is still worth coming back to. Links are kept.
fn still_there(paths: &[PathBuf]) -> Vec<PathBuf> {
    // As the loader judges a path.
    let (missing, kept): (Vec<&PathBuf>, Vec<&PathBuf>) =
        paths.iter().partition(|p| corpus::is_missing(p));
    // None left: the load says which were missing, as for typed paths.
    if kept.is_empty() {
        return paths.to_vec();
    }
    for p in &missing {
        crate::diag::warn(&crate::clean!(
            "{}: not there now; the session opens without it (and keeps it for next time)",
            p.display()
        ));
    }
    kept.into_iter().cloned().collect()
}

/// "no saved session 'x' to resume (saved: default, talks); …".
fn no_session_to_resume(store: &crate::session::Store, name: &str) -> String {
    let saved: Vec<String> = crate::session::list_sessions(store.dir())
        .map(|list| list.into_iter().map(|s| s.name).collect())
        .unwrap_or_default();
    let saved = if saved.is_empty() {
        "none saved yet".to_string()
    } else {
        format!("saved: {}", saved.join(", "))
    };
    format!(
        "no saved session '{name}' to resume ({saved}); `--session {name}` without --resume starts it"
    )
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
        save_bookmarks: Box::new(move |edits| {
            s1.update(&n1, |s| {
                for edit in edits {
                    crate::session::apply_edit(&mut s.bookmarks, edit);
                }
            })
            .map(|(stored, _)| stored.bookmarks)
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
        report: Box::new(
            move |corpus, related, (left, right, threshold), bookmarks| {
                // Named by the ids the library shows (unique prefixes), so the
                // path the status line says fits in 80 columns.
                let ids = corpus.short_ids();
                let file = format!("parallax-report-{}-{}.md", ids[left], ids[right]);
                // Said in full: the reader may have been started anywhere.
                let path = report_folder.join(&file);
                // The folder itself is made, as `mkdir` would, never the
                // folders above it: a typo in report_dir fails, where
                // making every folder of it would hide the report.
                if !report_folder.is_dir() {
                    std::fs::create_dir(&report_folder)
                        .map_err(|e| format!("report_dir {}: {e}", report_folder.display()))?;
                }
                // Said when it replaces a report (of this pair, perhaps at
                // another threshold): nothing is lost unannounced.
                let replaced = path.exists();
                report::write_pair_markdown(
                    corpus,
                    related,
                    (left, right, threshold),
                    bookmarks,
                    Some(session_name.clone()),
                    &path,
                )
                .map(|()| {
                    let replaced = if replaced {
                        "; the earlier one replaced"
                    } else {
                        ""
                    };
                    let shown = reader_files::shown(&path);
                    format!("to {shown} (threshold {threshold}{replaced})")
                })
                .map_err(|e| format!("{e:#}"))
            },
        ),
        copy: Box::new(move |text| reader_files::write_clipboard(&clipboard_file, text)),
        options: crate::ui::run::Options::default(),
        cache: Cache::off(),
    }
}
