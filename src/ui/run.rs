//! The event loop: read keys and signals, turn them into messages for
//! `update`, perform the returned effects, and draw only when something
//! changed.

use super::app::{App, Effect};
use super::keymap::Keymap;
use super::render::FrameWriter;
use super::scroll_hint::{hint, scroll_state};
use super::terminal;
use super::theme::Theme;
use super::topic_match::MatchIndex;
use super::update::Msg;
use super::view;
use crate::analysis::Analysis;
use crate::corpus::Corpus;
use crate::session::{Bookmark, Session};
use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use std::io;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How often the loop wakes to look at signal flags when no key arrives.
const POLL: Duration = Duration::from_millis(200);
/// While the palette scores a long list, partial results are drawn at
/// most this often.
const PARTIAL_FRAME_EVERY: Duration = Duration::from_millis(40);

/// How the reader ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The user quit.
    Quit,
    /// A signal (SIGTERM, SIGHUP, SIGINT) asked us to stop; its number.
    Signal(i32),
}

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
    /// On quit and on SIGTERM/SIGHUP/SIGINT: store where the reader is.
    pub save_state: Box<dyn FnMut(&dyn Fn(&mut Session)) -> Result<(), String>>,
    /// Write a report of a pair; returns where it went.
    pub report: Box<dyn FnMut(&Corpus, usize, usize, &[Bookmark]) -> Result<String, String>>,
}

impl Hooks {
    /// No persistence, no reports (tests, or a store that cannot be used).
    pub fn none() -> Hooks {
        Hooks {
            restore: None,
            bookmarks: Vec::new(),
            save_bookmarks: Box::new(|_| Ok(())),
            save_state: Box::new(|_| Ok(())),
            report: Box::new(|_, _, _, _| Err("reports are not available here".into())),
        }
    }
}

/// Run the reader until the user quits or a signal asks us to stop.
pub fn run(
    corpus: Corpus,
    keymap: Keymap,
    theme: Theme,
    mut hooks: Hooks,
) -> anyhow::Result<Ending> {
    let ending = event_loop(corpus, keymap, theme, &mut hooks);
    ending
}

fn event_loop(
    corpus: Corpus,
    keymap: Keymap,
    theme: Theme,
    hooks: &mut Hooks,
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
    let (done_tx, done_rx) = mpsc::channel();
    std::thread::spawn(move || {
        let analysis = Analysis::build(&corpus);
        // The palette's one-character tables cost a second or two on a
        // very large index: made here, not on the first keystroke.
        let index = MatchIndex::build(&analysis.topics);
        let _ = done_tx.send((analysis, Arc::new(index)));
    });
    app.refresh_layouts();
    let stop = terminal::termination_signal()?;
    let _guard = terminal::Guard::new()?;
    let mut screen = FrameWriter::new(io::stdout(), size.0, size.1)?;
    let mut dirty = true;
    let mut last_draw = Instant::now();
    let mut scroll = None;
    let debug_panic = std::env::var_os("PARALLAX_DEBUG_PANIC").is_some();
    loop {
        let mut signal = stop.load(Ordering::Relaxed);
        if signal == 0 && terminal::hung_up() {
            signal = signal_hook::consts::SIGHUP as usize;
        }
        if signal != 0 {
            let _ = (hooks.save_state)(&|s: &mut Session| app.save_into(s));
            return Ok(Ending::Signal(signal as i32));
        }
        if dirty {
            screen.frame(scroll.take(), |f| view::draw(f, &app))?;
            last_draw = Instant::now();
            dirty = false;
        }
        if app.analysing {
            if let Ok((analysis, index)) = done_rx.try_recv() {
                app.set_analysis(analysis, index);
                scroll = None;
                dirty = true;
                continue;
            }
        }
        // Poll briefly while analysis runs so its result shows promptly.
        let wait = if app.analysing {
            Duration::from_millis(20)
        } else {
            POLL
        };
        // Wait on the terminal ourselves: crossterm's own wait never
        // returns once the tty has hung up, so it is only asked (with a
        // zero timeout) after the hang-up check at the top of the loop.
        if !event::poll(Duration::ZERO)? {
            // Keys first, then the next step of background work: typing
            // stays answered while a long topic list is being scored.
            if app.is_busy() {
                app.update(Msg::Tick);
                scroll = None;
                // Partial results are shown now and then, not after every
                // step: frames are bytes on a slow link, and time.
                dirty |= !app.is_busy() || last_draw.elapsed() >= PARTIAL_FRAME_EVERY;
                continue;
            }
            terminal::wait_for_input(wait);
            continue;
        }
        let msg = match event::read()? {
            // A hidden trigger so tests can prove a panic restores the terminal.
            Event::Key(key) if debug_panic && key.code == KeyCode::F(12) => {
                panic!("debug panic (F12)")
            }
            Event::Key(key) if key.kind != KeyEventKind::Release => key_message(&app, &key),
            Event::Resize(w, h) => Some(Msg::Resize(w, h)),
            _ => None,
        };
        let Some(msg) = msg else { continue };
        dirty = true;
        let before = scroll_state(&app);
        let effect = app.update(msg);
        scroll = hint(before.as_ref(), scroll_state(&app).as_ref());
        if let Msg::Resize(w, h) = msg {
            screen.resize(w, h)?;
        }
        if !app.outbox.is_empty() {
            let new = std::mem::take(&mut app.outbox);
            if let Err(e) = (hooks.save_bookmarks)(&new) {
                app.message = Some(crate::clean!("Bookmark not saved: {e}"));
            }
        }
        match effect {
            Effect::None => {}
            Effect::Quit => {
                if let Err(e) = (hooks.save_state)(&|s: &mut Session| app.save_into(s)) {
                    // The terminal is restored by the guard; say it after.
                    return Err(anyhow::anyhow!("session not saved: {e}"));
                }
                return Ok(Ending::Quit);
            }
            Effect::Report(left, right) => {
                app.message = Some(
                    match (hooks.report)(&app.corpus, left, right, &app.bookmarks.list) {
                        Ok(place) => crate::clean!("Report written to {place}"),
                        Err(e) => crate::clean!("Report failed: {e}"),
                    },
                );
            }
            Effect::Redraw => screen.invalidate(),
            Effect::Suspend => {
                terminal::suspend()?;
                if let Ok((w, h)) = crossterm::terminal::size() {
                    app.update(Msg::Resize(w, h));
                    screen.resize(w, h)?;
                }
                screen.invalidate();
            }
        }
    }
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
