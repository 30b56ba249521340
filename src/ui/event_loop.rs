//! The event loop: answer signals, take in background results, read every
//! key waiting and apply it, draw once, then wait in one `poll` on the
//! terminal and the signal pipe (`signals`) until something happens.
//!
//! A burst of input (a paste, key repeat over SSH) is read and applied
//! whole before the next frame, so thousands of scroll keys cost one frame;
//! a stream that never pauses still gets a frame every [`FRAME_EVERY`].
//! Any failure to read or write the terminal means it is gone: the
//! session is saved and the reader ends as on a hang-up.

use super::app::{App, Effect};
use super::hooks::{Ending, Hooks};
use super::input::{Input, Readout};
use super::overlays::palette::MatchIndex;
use super::render::FrameWriter;
use super::screens::compare::work::{PairWorker, Stage};
use super::scroll_hint::{ScrollState, hint, scroll_state};
use super::signals::Signals;
use super::terminal;
use super::update::Msg;
use super::view;
use crate::analysis::dups::DupPair;
use crate::analysis::{Analysis, ArticleStats};
use crate::corpus::BlockRef;
use crate::corpus::sanitize::Clean;
use crate::session::Session;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use std::collections::BTreeMap;
use std::io;
use std::sync::Arc;
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

/// During a long burst of input, or while the palette scores a long list,
/// a frame is drawn at least this often.
const FRAME_EVERY: Duration = Duration::from_millis(40);
/// How long the rest of a sequence cut by a read may take to arrive
/// before what came is taken as keys of its own.
const PARTIAL_WAIT: Duration = Duration::from_millis(30);
/// A pair to compare that is done this soon after it was asked for is
/// drawn without a progress frame first.
const COMPARE_SETTLE: Duration = Duration::from_millis(30);
/// While a pair is being compared, its progress is redrawn this often.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);
/// The longest wait with nothing to do: a safety net only, every event
/// wakes the loop itself.
const IDLE_WAIT: Duration = Duration::from_secs(5);

/// What the background analysis sends, part by part.
pub enum Analysed {
    /// The near-duplicates, first: the library's reuse columns fill in
    /// while the rest is made.
    Reuse(Reuse),
    /// Everything, once, with the analysis cache's warning if a cache file
    /// had to be made again.
    Done(Arc<Analysis>, Arc<MatchIndex>, Option<Clean>),
    /// The palette's one-character tables, after the analysis (see
    /// `MatchIndex::build`).
    PaletteTables(Arc<MatchIndex>),
}

/// The near-duplicate part of an analysis.
pub struct Reuse {
    pub dups: Vec<DupPair>,
    pub stats: Vec<ArticleStats>,
    pub repeat_of: BTreeMap<BlockRef, usize>,
}

/// The background analysis.
pub type AnalysisResult = Receiver<Analysed>;

pub struct Loop<'h> {
    pub app: App,
    pub hooks: &'h mut Hooks,
    pub signals: Signals,
    pub analysis: AnalysisResult,
    screen: FrameWriter<io::Stdout>,
    input: Input,
    /// Something changed since the last frame.
    dirty: bool,
    /// The scrollable body as last drawn, to send scrolls as scrolls.
    shown: Option<ScrollState>,
    last_draw: Instant,
    /// When the unfinished sequence in `input` started waiting.
    partial_since: Option<Instant>,
    /// The compare work's progress as last drawn.
    stage_shown: Option<Stage>,
    debug_panic: bool,
}

/// The loop stops with this.
type Turn = Result<(), Ending>;

impl<'h> Loop<'h> {
    pub fn new(
        mut app: App,
        hooks: &'h mut Hooks,
        signals: Signals,
        analysis: AnalysisResult,
        input: Input,
    ) -> io::Result<Loop<'h>> {
        let (w, h) = app.size();
        // Comparing a pair runs on a worker thread, which wakes this loop.
        app.compare_on(PairWorker::new(signals.waker()));
        Ok(Loop {
            app,
            hooks,
            signals,
            analysis,
            screen: FrameWriter::new(io::stdout(), w, h)?,
            input,
            dirty: true,
            shown: None,
            last_draw: Instant::now(),
            partial_since: None,
            stage_shown: None,
            debug_panic: std::env::var_os("PARALLAX_DEBUG_PANIC").is_some(),
        })
    }

    /// Run until the user quits, a signal ends the reader, or the terminal
    /// goes away. Errors are only those the user must hear about.
    pub fn run(mut self) -> anyhow::Result<Ending> {
        loop {
            match self.turn() {
                Ok(()) => {}
                Err(Ending::Quit) => return self.quit(),
                Err(ending) => return Ok(ending),
            }
        }
    }

    fn turn(&mut self) -> Turn {
        self.answer_signals()?;
        self.receive_background();
        self.read_input()?;
        if self.app.settle_compare(COMPARE_SETTLE) {
            self.dirty = true;
        }
        if self.dirty || self.app.compare_stage() != self.stage_shown {
            self.draw()?;
        }
        if self.app.is_busy() {
            // Keys first, then the next step of background work: typing
            // stays answered while a long topic list is being scored.
            self.app.update(Msg::Tick);
            self.dirty |= !self.app.is_busy() || self.last_draw.elapsed() >= FRAME_EVERY;
            return Ok(());
        }
        let mut timeout = match self.partial_since {
            Some(since) => PARTIAL_WAIT.saturating_sub(since.elapsed()),
            None => IDLE_WAIT,
        };
        if self.stage_shown.is_some() {
            timeout = timeout.min(PROGRESS_EVERY);
        }
        self.signals.wait(Some(timeout));
        Ok(())
    }

    /// Save where the reader is and end with `ending`; a failed save
    /// cannot be reported to a terminal that is gone, so it is dropped.
    fn end(&mut self, ending: Ending) -> Ending {
        let app = &self.app;
        let _ = (self.hooks.save_state)(&|s: &mut Session| app.save_into(s));
        ending
    }

    /// The terminal is gone: end as on SIGHUP (or the signal that came).
    fn hung_up(&mut self) -> Ending {
        let sig = self.signals.termination().unwrap_or(libc::SIGHUP);
        self.end(Ending::Signal(sig))
    }

    fn quit(&mut self) -> anyhow::Result<Ending> {
        let app = &self.app;
        if let Err(e) = (self.hooks.save_state)(&|s: &mut Session| app.save_into(s)) {
            // The terminal is restored by the guard; say it after.
            return Err(anyhow::anyhow!("session not saved: {e}"));
        }
        Ok(Ending::Quit)
    }

    fn answer_signals(&mut self) -> Turn {
        if let Some(sig) = self.signals.termination() {
            return Err(self.end(Ending::Signal(sig)));
        }
        if self.signals.take_stop() {
            self.suspend()?;
        }
        if self.signals.take_resumed() {
            // Stopped from outside (SIGSTOP cannot be caught) and
            // continued: the shell may have put the terminal back in
            // cooked mode and drawn over the screen.
            self.take_terminal_back()?;
        }
        if self.signals.take_resized() {
            self.resize_to_window();
        }
        Ok(())
    }

    /// Stop like any job (ctrl-z, or SIGTSTP from outside); on resume take the terminal back, unless a
    /// signal asked us to end meanwhile (an SSH connection that dropped
    /// while stopped: the shell sends HUP, TERM and CONT). A terminal that
    /// cannot be taken back is gone: saved and ended as a hang-up, never
    /// an error written to a standard error that is gone too.
    fn suspend(&mut self) -> Turn {
        terminal::suspend();
        // The continue that woke us needs no second redraw.
        self.signals.take_resumed();
        if let Some(sig) = self.signals.termination() {
            return Err(self.end(Ending::Signal(sig)));
        }
        self.take_terminal_back()
    }

    fn take_terminal_back(&mut self) -> Turn {
        if terminal::reenter().is_err() {
            return Err(self.hung_up());
        }
        self.resize_to_window();
        self.screen.invalidate();
        self.shown = None;
        self.dirty = true;
        Ok(())
    }

    fn resize_to_window(&mut self) {
        if let Ok((w, h)) = crossterm::terminal::size() {
            self.apply(Msg::Resize(w, h));
        }
    }

    fn receive_background(&mut self) {
        while let Ok(part) = self.analysis.try_recv() {
            match part {
                Analysed::Reuse(r) => self.app.set_reuse(r.dups, r.stats, r.repeat_of),
                Analysed::Done(analysis, index, warning) => {
                    self.app.set_analysis(analysis, index);
                    if let Some(w) = warning {
                        self.app.notify(w);
                    }
                }
                Analysed::PaletteTables(index) => self.app.set_palette_tables(index),
            }
            self.dirty = true;
        }
        if self.app.poll_compare() {
            self.dirty = true;
        }
    }

    /// Read and apply every key waiting, in bursts; a burst that goes on
    /// and on is cut every [`FRAME_EVERY`] for a frame.
    fn read_input(&mut self) -> Turn {
        let start = Instant::now();
        loop {
            match self.input.read() {
                Readout::HungUp => return Err(self.hung_up()),
                Readout::Nothing => break,
                Readout::Keys(keys) => self.apply_keys(keys)?,
            }
            if self.signals.termination().is_some() || start.elapsed() >= FRAME_EVERY {
                break;
            }
        }
        self.partial_since = match (self.input.has_partial(), self.partial_since) {
            (false, _) => None,
            (true, Some(since)) if since.elapsed() >= PARTIAL_WAIT => {
                let keys = self.input.flush();
                self.apply_keys(keys)?;
                None
            }
            (true, since) => Some(since.unwrap_or_else(Instant::now)),
        };
        Ok(())
    }

    fn apply_keys(&mut self, events: Vec<Event>) -> Turn {
        for event in events {
            let key = match event {
                Event::Key(key) => key,
                Event::Mouse(mouse) if self.hooks.options.mouse => {
                    if let Some(msg) = super::pointer::message(&mouse) {
                        let effect = self.apply(msg);
                        self.perform(effect)?;
                    }
                    continue;
                }
                _ => continue,
            };
            // A hidden trigger so tests can prove a panic restores the terminal.
            if self.debug_panic && key.code == KeyCode::F(12) {
                panic!("debug panic (F12)");
            }
            if key.kind == KeyEventKind::Release {
                continue;
            }
            if let Some(msg) = key_message(&self.app, &key) {
                let effect = self.apply(msg);
                self.perform(effect)?;
            }
        }
        Ok(())
    }

    fn apply(&mut self, msg: Msg) -> Effect {
        let effect = self.app.update(msg);
        self.dirty = true;
        if let Msg::Resize(..) = msg {
            // Buffers for the drawn (capped) size, never the window's. A
            // failed resize leaves the old ones: drawn wrongly at worst.
            let (w, h) = self.app.size();
            let _ = self.screen.resize(w, h);
            self.shown = None;
        }
        self.save_bookmark_edits();
        effect
    }

    fn save_bookmark_edits(&mut self) {
        let edits = self.app.take_bookmark_edits();
        if !edits.is_empty() {
            let stored = (self.hooks.save_bookmarks)(&edits);
            self.app.bookmarks_stored(stored);
        }
    }

    fn perform(&mut self, effect: Effect) -> Turn {
        match effect {
            Effect::None => {}
            Effect::Quit => return Err(Ending::Quit),
            Effect::Report(left, right, threshold) => {
                let app = &self.app;
                let pair = (left, right, threshold);
                let related = (!app.is_analysing()).then(|| &app.analysis().related);
                let written =
                    (self.hooks.report)(app.corpus(), related, pair, app.bookmarks().list());
                self.app.notify(match written {
                    Ok(place) => crate::clean!("Report written {place}"),
                    Err(e) => crate::clean!("Report failed: {e}"),
                });
            }
            Effect::Redraw => {
                self.screen.invalidate();
                self.shown = None;
            }
            Effect::Copy => {
                let Some(copied) = self.app.take_copied() else {
                    return Ok(());
                };
                let osc52 = self.hooks.options.osc52;
                let keep = &mut self.hooks.copy;
                match super::clipboard::deliver(&copied, osc52, self.screen.writer(), keep) {
                    Ok(said) => self.app.notify(said),
                    Err(_) => return Err(self.hung_up()),
                }
            }
            Effect::Suspend => self.suspend()?,
        }
        Ok(())
    }

    /// Draw what changed since the last frame; a body that only moved is
    /// sent as a terminal scroll.
    pub(super) fn draw(&mut self) -> Turn {
        let now = scroll_state(&self.app);
        let scroll = hint(self.shown.as_ref(), now.as_ref());
        let app = &self.app;
        if self.screen.frame(scroll, |f| view::draw(f, app)).is_err() {
            return Err(self.hung_up());
        }
        self.shown = now;
        self.stage_shown = self.app.compare_stage();
        self.last_draw = Instant::now();
        self.dirty = false;
        Ok(())
    }
}

/// A key becomes an action through the keymap; in the palette an unbound
/// printable character is typed into the query; elsewhere an unbound digit
/// is part of a count, and any other unbound key is said to do nothing.
pub fn key_message(app: &App, key: &KeyEvent) -> Option<Msg> {
    if let Some(action) = app.keymap().action_for(app.view_id(), key) {
        return Some(Msg::Action(action));
    }
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    let text = super::keymap::takes_text_input(app.view_id());
    match key.code {
        KeyCode::Char(c) if plain && app.overlay().is_some() && text => Some(Msg::Input(c)),
        KeyCode::Char(c @ '0'..='9') if plain && !text => Some(Msg::Digit(c as u8 - b'0')),
        _ => super::keymap::Key::from_event(key).map(Msg::Unbound),
    }
}
