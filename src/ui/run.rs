//! Starting the reader: its state, the background analysis, signals and
//! the terminal, then the event loop (`event_loop`). What the reader asks
//! of its caller is in [`Hooks`].

pub use super::event_loop::key_message;
pub use super::hooks::{Ending, Hooks, Options, ReportPair};

use super::app::App;
use super::event_loop::{Analysed, Loop, Reuse};
use super::keymap::Keymap;
use super::overlays::palette::MatchIndex;
use super::signals::Signals;
use super::terminal;
use super::theme::Theme;
use crate::analysis::Landed;
use crate::cache::Cache;
use crate::corpus::Corpus;
use std::sync::Arc;
use std::sync::mpsc;

/// Run the reader until the user quits, a signal asks us to stop, or the
/// terminal goes away.
pub fn run(
    corpus: Corpus,
    keymap: Keymap,
    theme: Theme,
    mut hooks: Hooks,
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
    terminal::use_mouse(hooks.options.mouse);
    let signals = Signals::install()?;
    let waker = signals.waker();
    let (done_tx, done_rx) = mpsc::channel();
    let cache = std::mem::replace(&mut hooks.cache, Cache::off());
    std::thread::spawn(move || {
        let analysis = cache.bind(&corpus).analysis(&mut |part| {
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
        // The palette's one-character tables cost a second or two on a
        // very large index: made here, not on the first keystroke.
        let index = MatchIndex::build(&analysis.topics);
        let warning = cache.take_warning();
        let _ = done_tx.send(Analysed::Done(Box::new(analysis), Arc::new(index), warning));
        waker.wake();
    });
    app.refresh_layouts();
    let _guard = terminal::Guard::new()?;
    Loop::new(app, &mut hooks, signals, done_rx)?.run()
}
