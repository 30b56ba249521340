//! The event loop: read keys and signals, turn them into messages for
//! `update`, perform the returned effects, and draw only when something
//! changed.

use super::action::ViewId;
use super::app::{App, Effect, Overlay};
use super::keymap::Keymap;
use super::terminal;
use super::theme::Theme;
use super::update::Msg;
use super::view;
use crate::analysis::Analysis;
use crate::corpus::Corpus;
use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io;
use std::sync::atomic::Ordering;
use std::time::Duration;

/// How often the loop wakes to look at signal flags when no key arrives.
const POLL: Duration = Duration::from_millis(200);

/// Run the reader until the user quits or a signal asks us to stop.
pub fn run(corpus: Corpus, keymap: Keymap, theme: Theme) -> anyhow::Result<()> {
    let size = crossterm::terminal::size().unwrap_or((80, 24));
    let analysis = Analysis::build(&corpus);
    let mut app = App::new(corpus, analysis, keymap, theme, size);
    app.refresh_layouts();
    let stop = terminal::termination_flag()?;
    let _guard = terminal::Guard::new()?;
    let mut term = Terminal::new(CrosstermBackend::new(io::BufWriter::new(io::stdout())))?;
    term.clear()?;
    let mut dirty = true;
    while !stop.load(Ordering::Relaxed) {
        if dirty {
            term.draw(|f| view::draw(f, &app))?;
            dirty = false;
        }
        // A read error means the terminal is gone (e.g. SSH dropped): leave.
        if !event::poll(POLL)? {
            continue;
        }
        let msg = match event::read()? {
            Event::Key(key) if key.kind != KeyEventKind::Release => key_message(&app, &key),
            Event::Resize(w, h) => Some(Msg::Resize(w, h)),
            _ => None,
        };
        let Some(msg) = msg else { continue };
        dirty = true;
        match app.update(msg) {
            Effect::None => {}
            Effect::Quit => break,
            Effect::Redraw => term.clear()?,
            Effect::Suspend => {
                terminal::suspend()?;
                if let Ok((w, h)) = crossterm::terminal::size() {
                    app.update(Msg::Resize(w, h));
                }
                term.clear()?;
            }
        }
    }
    Ok(())
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
            if plain
                && app.overlay == Some(Overlay::Palette)
                && app.view_id() == ViewId::Palette =>
        {
            Some(Msg::Input(c))
        }
        _ => None,
    }
}
