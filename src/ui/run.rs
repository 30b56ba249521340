//! Starting the reader: its state, the background analysis, signals and
//! the terminal, then the event loop (`event_loop`). What the reader asks
//! of its caller is in [`Hooks`].

pub use super::event_loop::key_message;
pub use super::hooks::{Ending, Hooks, Options, ReportPair};

use super::app::App;
use super::event_loop::{Analysed, Loop, Reuse};
use super::input::Input;
use super::keymap::Keymap;
pub use super::loading::LoadEvent;
use super::loading::{Loaded, wait_for_corpus};
use super::overlays::palette::MatchIndex;
use super::signals::Signals;
use super::terminal;
use super::theme::Theme;
use crate::analysis::Landed;
use crate::cache::Cache;
use crate::corpus::Corpus;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Loads quicker than this show no loading frame.
const QUIET_FOR: Duration = Duration::from_millis(50);

/// Run the reader until the user quits, a signal asks us to stop, or the
/// terminal goes away.
pub fn run(
    corpus: Corpus,
    keymap: Keymap,
    theme: Theme,
    mut hooks: Hooks,
) -> anyhow::Result<Ending> {
    let cache = take_cache(&mut hooks);
    run_loaded(corpus, cache, keymap, theme, hooks)
}

/// [`run`], the cache taken out of the hooks.
fn run_loaded(
    corpus: Corpus,
    cache: Arc<Cache>,
    keymap: Keymap,
    theme: Theme,
    hooks: Hooks,
) -> anyhow::Result<Ending> {
    let signals = Signals::install()?;
    // Mouse mode is set before the terminal is entered.
    terminal::use_mouse(hooks.options.mouse);
    let guard = terminal::Guard::new()?;
    start(
        guard,
        corpus,
        cache,
        keymap,
        theme,
        hooks,
        signals,
        Input::new(),
    )
}

/// The files as `load` reads them through the given cache (the hooks'
/// one, which then binds the corpus for the analysis: what the load
/// learnt of the corpus is not worked out again), on a thread of its own:
/// what the loading thread reports as it goes.
pub type Load = Box<dyn FnOnce(&Cache, &mut dyn FnMut(LoadEvent)) -> anyhow::Result<Corpus> + Send>;

/// [`run`], reading the files meanwhile: the reader shows the reading
/// progress until the corpus is in (see `loading`). A load that fails
/// ends the reader with its error, the terminal restored first.
pub fn run_loading(
    load: Load,
    keymap: Keymap,
    theme: Theme,
    mut hooks: Hooks,
) -> anyhow::Result<Ending> {
    let signals = Signals::install()?;
    let waker = signals.waker();
    let (tx, rx) = mpsc::channel();
    let cache = take_cache(&mut hooks);
    let loading_cache = Arc::clone(&cache);
    std::thread::spawn(move || {
        let mut report = |event: LoadEvent| {
            let _ = tx.send(event);
            waker.wake();
        };
        let result = load(&loading_cache, &mut report);
        report(LoadEvent::Done(result));
    });
    terminal::use_mouse(hooks.options.mouse);
    // A quick load opens straight on the library: no loading frame, and a
    // load that fails says so without the terminal ever being taken.
    let mut last = None;
    let deadline = Instant::now() + QUIET_FOR;
    while let Some(wait) = deadline.checked_duration_since(Instant::now()) {
        match rx.recv_timeout(wait) {
            Ok(LoadEvent::Done(Ok(corpus))) => {
                return run_loaded(corpus, cache, keymap, theme, hooks);
            }
            Ok(LoadEvent::Done(Err(e))) => return Err(e),
            Ok(progress) => last = Some(progress),
            Err(_) => break,
        }
    }
    let guard = terminal::Guard::new()?;
    match wait_for_corpus(&rx, last, &signals, &keymap, theme) {
        Loaded::Corpus(corpus, input) => {
            start(guard, corpus, cache, keymap, theme, hooks, signals, input)
        }
        Loaded::Ended(ending) => Ok(ending),
        Loaded::Failed(e) => {
            drop(guard);
            Err(e)
        }
    }
}

/// The hooks' cache, shared by the load and the analysis.
fn take_cache(hooks: &mut Hooks) -> Arc<Cache> {
    Arc::new(std::mem::replace(&mut hooks.cache, Cache::off()))
}

/// The reader on a loaded corpus, the terminal taken (`guard`, given
/// back before a quit waits for the cache to be written).
#[allow(clippy::too_many_arguments)]
fn start(
    guard: terminal::Guard,
    corpus: Corpus,
    cache: Arc<Cache>,
    keymap: Keymap,
    theme: Theme,
    mut hooks: Hooks,
    signals: Signals,
    input: Input,
) -> anyhow::Result<Ending> {
    let size = crossterm::terminal::size().unwrap_or((80, 24));
    // The first frame does not wait for analysis: the library shows at
    // once and the analysis fills in when the background thread is done.
    let corpus = Arc::new(corpus);
    let mut app = App::analysing(Arc::clone(&corpus), keymap, theme, size);
    app.set_saved_bookmarks(std::mem::take(&mut hooks.bookmarks));
    if let Some(session) = hooks.restore.take() {
        app.restore_from(&session);
    }
    if let Some(threshold) = hooks.options.threshold {
        app.set_threshold(threshold);
    }
    let waker = signals.waker();
    let (done_tx, done_rx) = mpsc::channel();
    app.refresh_layouts();
    let mut reader = Loop::new(app, &mut hooks, signals, done_rx, input)?;
    // The first frame is drawn before the analysis starts: on two cores it
    // would otherwise share them with the analysis's threads.
    if let Err(ending) = reader.draw() {
        return Ok(ending);
    }
    let keeping = Arc::new(AtomicBool::new(false));
    let writing = Arc::clone(&keeping);
    let loaded = (Arc::clone(&cache), Arc::clone(&corpus));
    let background = std::thread::spawn(move || {
        background_priority();
        let bound = cache.bind(&corpus);
        let analysis = bound.analysis_unkept(&mut |part| {
            if let Landed::Dups {
                dups,
                stats,
                repeat_of,
            } = part
            {
                let _ = done_tx.send(Analysed::Reuse(Reuse {
                    dups: dups.to_vec(),
                    stats: stats.to_vec(),
                    repeat_of: repeat_of.clone(),
                }));
                waker.wake();
            }
        });
        // The analysis goes in first, with a palette that scores every
        // query (correct, a little slower on the first keystroke); the
        // palette's one-character tables, which cost a second or two on a
        // very large index and most of a cached launch, follow. Made here,
        // not on the first keystroke.
        let analysis = Arc::new(analysis);
        let masks = MatchIndex::masks_only(&analysis.topics);
        let warning = cache.take_warning();
        // What is left (the tables, the cache written) is what a quit
        // from here on waits for (`CacheWrites::finish`). Said before the
        // analysis is sent: a quit the moment it shows must find the flag
        // set, or it exits as a quit during the analysis would, while this
        // thread (at a lower priority) has yet to write a thing.
        writing.store(true, Ordering::Release);
        let _ = done_tx.send(Analysed::Done(analysis.clone(), Arc::new(masks), warning));
        waker.wake();
        let tables = MatchIndex::build(&analysis.topics);
        let _ = done_tx.send(Analysed::PaletteTables(Arc::new(tables)));
        waker.wake();
        // The indexes made are written to the cache last, once the reader
        // has all it needs and is no longer building on it: their copies
        // for writing then sit on the least memory.
        bound.keep(&analysis);
    });
    let ending = reader.run();
    drop(guard);
    let writes = CacheWrites {
        keeping,
        background,
        loaded,
    };
    writes.finish(&ending);
    ending
}

/// The background thread's writing of the cache, which a quit lets end.
struct CacheWrites {
    /// Set once the analysis is shown: the palette's tables and the
    /// cache's entries are then what the background thread has left.
    keeping: Arc<AtomicBool>,
    background: std::thread::JoinHandle<()>,
    /// The cache the corpus was loaded through, and that corpus.
    loaded: (Arc<Cache>, Arc<Corpus>),
}

impl CacheWrites {
    /// Most a quit waits for the cache to be written (about half a second
    /// on 10,000 articles).
    const AT_MOST: Duration = Duration::from_secs(5);

    /// After the terminal is given back: when the user quit while the
    /// analysis was being written to the cache, wait for it (a bounded
    /// time), so that the next launch finds it. A quit during the
    /// analysis does not wait for the analysis, but writes the corpus
    /// entry its load left (what the next launch reads first). An ending
    /// by a signal (the terminal gone, a kill) waits for nothing.
    fn finish(self, ending: &anyhow::Result<Ending>) {
        let Ok(Ending::Quit) = ending else {
            return;
        };
        if !self.keeping.load(Ordering::Acquire) {
            let (cache, corpus) = &self.loaded;
            cache.keep_corpus(corpus);
            return;
        }
        let started = Instant::now();
        while self.keeping.load(Ordering::Acquire)
            && !self.background.is_finished()
            && started.elapsed() < Self::AT_MOST
        {
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

/// The analysis runs below the reader's own priority (nice 10 for its
/// thread; Linux sets it per thread): on two cores the first frame and
/// every key are answered first, and the analysis takes what is left.
fn background_priority() {
    // SAFETY: gettid and setpriority take and return plain integers.
    unsafe {
        let tid = libc::syscall(libc::SYS_gettid);
        let _ = libc::setpriority(libc::PRIO_PROCESS, tid as libc::id_t, 10);
    }
}
