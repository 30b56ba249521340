//! The reader while its files are still being read: the library frame with
//! the reading progress in the status line, answering quit, signals,
//! suspend and resize, until the corpus arrives (or cannot be loaded).
//!
//! `run::run_loading` comes here only when the load takes a while: a small
//! corpus opens straight on its library, as it always did.

use super::action::{Action, ViewId};
use super::app::App;
use super::hooks::Ending;
use super::input::{Input, Readout};
use super::keymap::Keymap;
use super::render::FrameWriter;
use super::signals::Signals;
use super::terminal;
use super::theme::Theme;
use super::update::Msg;
use super::view;
use crate::corpus::Corpus;
use crate::display::plural::counted;
use crossterm::event::Event;
use std::io;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

/// Progress is redrawn at most this often.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

/// What the loading thread says.
pub enum LoadEvent {
    /// Files read so far, of all listed.
    Reading(usize, usize),
    /// Links fetched so far, of all to fetch.
    Fetching(usize, usize),
    /// The corpus, or why there is none.
    Done(anyhow::Result<Corpus>),
}

/// How the wait for the corpus ended.
pub enum Loaded {
    /// The corpus, and the terminal's input with the keys typed meanwhile.
    Corpus(Corpus, Input),
    /// Ended before the corpus came (nothing to save: no position yet).
    Ended(Ending),
    Failed(anyhow::Error),
}

/// Wait for the corpus, showing the reading progress once it takes a while.
pub fn wait_for_corpus(
    events: &Receiver<LoadEvent>,
    last: Option<LoadEvent>,
    signals: &Signals,
    keymap: &Keymap,
    theme: Theme,
) -> Loaded {
    let size = crossterm::terminal::size().unwrap_or((80, 24));
    let mut app = App::analysing(Arc::new(Corpus::default()), keymap.clone(), theme, size);
    let quit = app.shared().key_for(ViewId::Library, Action::Quit);
    let mut screen: Option<FrameWriter<io::Stdout>> = None;
    let mut input = Input::new();
    let mut said = match last {
        Some(event) => progress(&event),
        None => None,
    }
    .unwrap_or_else(|| "reading files".to_string());
    // Said once a key other than quit is pressed, beside the progress.
    let mut note: Option<String> = None;
    // Keys for the library, handed to the input when the corpus is in (not
    // before: the input gives held keys out first, and q must still be read).
    let mut typeahead: Vec<Event> = Vec::new();
    let mut dirty = true;
    let mut last_draw = Instant::now();
    loop {
        if let Some(sig) = signals.termination() {
            return Loaded::Ended(Ending::Signal(sig));
        }
        let stopped = signals.take_stop();
        if stopped {
            terminal::suspend();
        }
        if (signals.take_resumed() || stopped) && !come_back(signals, &mut app) {
            return Loaded::Ended(Ending::Signal(
                signals.termination().unwrap_or(libc::SIGHUP),
            ));
        }
        if signals.take_resized()
            && let Ok((w, h)) = crossterm::terminal::size()
        {
            app.update(Msg::Resize(w, h));
            screen = None;
        }
        if stopped {
            screen = None;
        }
        loop {
            match events.try_recv() {
                Ok(event @ (LoadEvent::Reading(..) | LoadEvent::Fetching(..))) => {
                    said = progress(&event).unwrap_or(said);
                }
                Ok(LoadEvent::Done(Ok(corpus))) => {
                    typeahead.drain(..).for_each(|e| input.hold(e));
                    return Loaded::Corpus(corpus, input);
                }
                Ok(LoadEvent::Done(Err(e))) => return Loaded::Failed(e),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    return Loaded::Failed(anyhow::anyhow!("the files could not be read"));
                }
            }
            dirty = true;
        }
        match input.read() {
            Readout::HungUp => return Loaded::Ended(Ending::Signal(libc::SIGHUP)),
            Readout::Nothing => {}
            Readout::Keys(keys) => {
                for event in keys {
                    let Event::Key(key) = event else { continue };
                    match super::event_loop::key_message(&app, &key) {
                        Some(Msg::Action(Action::Quit)) => return Loaded::Ended(Ending::Quit),
                        Some(Msg::Action(Action::Suspend)) => {
                            terminal::suspend();
                            if !come_back(signals, &mut app) {
                                return Loaded::Ended(Ending::Signal(
                                    signals.termination().unwrap_or(libc::SIGHUP),
                                ));
                            }
                            screen = None;
                        }
                        _ => {
                            // Kept for the library, as a shell keeps typeahead.
                            typeahead.push(event);
                            note = Some(format!("Keys wait for the files ({quit} quits) · "));
                        }
                    }
                    dirty = true;
                }
            }
        }
        if screen.is_none() || dirty && last_draw.elapsed() >= PROGRESS_EVERY {
            app.notify(crate::clean!(" {}{said}", note.as_deref().unwrap_or("")));
            let (w, h) = app.size();
            let writer = match screen.take() {
                Some(s) => s,
                None => match FrameWriter::new(io::stdout(), w, h) {
                    Ok(s) => s,
                    Err(_) => return Loaded::Ended(Ending::Signal(libc::SIGHUP)),
                },
            };
            let writer = screen.insert(writer);
            if writer.frame(None, |f| view::draw(f, &app)).is_err() {
                return Loaded::Ended(Ending::Signal(libc::SIGHUP));
            }
            last_draw = Instant::now();
            dirty = false;
        }
        signals.wait(Some(PROGRESS_EVERY));
    }
}

/// What the status line says of a progress event.
fn progress(event: &LoadEvent) -> Option<String> {
    match *event {
        LoadEvent::Reading(done, total) => {
            Some(format!("read {done} of {}", counted(total, "file")))
        }
        LoadEvent::Fetching(done, total) => {
            Some(format!("fetched {done} of {}", counted(total, "link")))
        }
        LoadEvent::Done(_) => None,
    }
}

/// Continued after a stop: take the terminal back at the window's size;
/// false when it is gone or a signal asked us to end meanwhile.
fn come_back(signals: &Signals, app: &mut App) -> bool {
    if signals.termination().is_some() || terminal::reenter().is_err() {
        return false;
    }
    if let Ok((w, h)) = crossterm::terminal::size() {
        app.update(Msg::Resize(w, h));
    }
    true
}
