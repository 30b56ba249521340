//! Starting the reader: its state, the background analysis, signals and
//! the terminal, then the event loop (`event_loop`). What the reader asks
//! of its caller is in [`Hooks`].

use super::app::App;
use super::event_loop::Loop;
use super::keymap::Keymap;
use super::signals::Signals;
use super::terminal;
use super::theme::Theme;
use super::topic_match::MatchIndex;
use super::update::Msg;
use crate::analysis::Analysis;
use crate::corpus::Corpus;
use crate::session::{Bookmark, Session};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::sync::Arc;
use std::sync::mpsc;

/// How the reader ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The user quit.
    Quit,
    /// A signal asked us to stop (any termination signal; SIGHUP too
    /// when the terminal went away); its number.
    Signal(i32),
}

/// A pair report's subject: left and right article, pairing threshold.
pub type ReportPair = (usize, usize, crate::analysis::pair::Threshold);

/// What the reader asks of its caller: persistence and reports. The
/// reader decides when; the caller decides where and how (the store, file
/// names), so the reader itself does no file I/O.
pub struct Hooks {
    /// A session to come back to (`--resume`), or `None` for a fresh start.
    pub restore: Option<Session>,
    /// Bookmarks already saved in the session (shown and filterable even
    /// without `--resume`).
    pub bookmarks: Vec<Bookmark>,
    /// Store newly made bookmarks; an error is shown in the status line.
    pub save_bookmarks: Box<dyn FnMut(&[Bookmark]) -> Result<(), String>>,
    /// On quit, on a termination signal and when the terminal goes away:
    /// store where the reader is.
    pub save_state: Box<dyn FnMut(&dyn Fn(&mut Session)) -> Result<(), String>>,
    /// Write a report of a pair (left, right, pairing threshold); returns
    /// where it went.
    pub report: Box<dyn FnMut(&Corpus, ReportPair, &[Bookmark]) -> Result<String, String>>,
}

impl Hooks {
    /// No persistence, no reports (tests, or a store that cannot be used).
    pub fn none() -> Hooks {
        Hooks {
            restore: None,
            bookmarks: Vec::new(),
            save_bookmarks: Box::new(|_| Ok(())),
            save_state: Box::new(|_| Ok(())),
            report: Box::new(|_, _, _| Err("reports are not available here".into())),
        }
    }
}

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
    let pending = Analysis::pending(&corpus);
    let mut app = App::new(Arc::clone(&corpus), pending, keymap, theme, size);
    app.analysing = true;
    app.bookmarks.list = std::mem::take(&mut hooks.bookmarks);
    if let Some(session) = hooks.restore.take() {
        app.restore_from(&session);
    }
    let signals = Signals::install()?;
    let waker = signals.waker();
    let (done_tx, done_rx) = mpsc::channel();
    std::thread::spawn(move || {
        let analysis = Analysis::build(&corpus);
        // The palette's one-character tables cost a second or two on a
        // very large index: made here, not on the first keystroke.
        let index = MatchIndex::build(&analysis.topics);
        let _ = done_tx.send((analysis, Arc::new(index)));
        waker.wake();
    });
    app.refresh_layouts();
    let _guard = terminal::Guard::new()?;
    Loop::new(app, &mut hooks, signals, done_rx)?.run()
}

/// A key becomes an action through the keymap; in the palette an unbound
/// printable character is typed into the query.
pub fn key_message(app: &App, key: &KeyEvent) -> Option<Msg> {
    if let Some(action) = app.keymap.action_for(app.view_id(), key) {
        return Some(Msg::Action(action));
    }
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match key.code {
        KeyCode::Char(c)
            if plain && app.overlay.is_some() && super::keymap::takes_text_input(app.view_id()) =>
        {
            Some(Msg::Input(c))
        }
        _ => None,
    }
}
