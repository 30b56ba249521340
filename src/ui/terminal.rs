//! Terminal set-up and restoration. The terminal is restored on every exit
//! path: normal return (guard drop), panic (hook), and signals (the event
//! loop sees the flag and returns normally). Suspend leaves the screen as
//! it was before parallax, stops the process, and takes it back on resume
//! (as does any SIGCONT, since a stop from outside gives no warning).

use crossterm::{cursor, event, execute, terminal};
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether the terminal is in the reader's mode. Restoring twice would
/// leave the alternate screen twice, and the second time moves the cursor
/// back to where the reader started, so output after it lands mid-screen.
static ENTERED: AtomicBool = AtomicBool::new(false);
/// Mouse mode (`--mouse`): set once before the terminal is entered, and
/// kept for every later entry (after a suspend).
static MOUSE: AtomicBool = AtomicBool::new(false);

/// Turn mouse mode on or off for the next entries into the reader's mode.
pub fn use_mouse(on: bool) {
    MOUSE.store(on, Ordering::SeqCst);
}

/// Button presses and the wheel (1000), reported as SGR (1006): no motion
/// reports (1003), which would send a sequence for every pointer move.
const MOUSE_ON: &str = "\x1b[?1000h\x1b[?1006h";

/// Why the terminal named by `TERM` cannot show the reader, if it cannot:
/// a `dumb` terminal (Emacs shell buffers, some CI logs) or none named
/// would print the escape sequences as text. The caller says so in one
/// line and exits, before anything is written to the terminal.
pub fn unfit(term: Option<&std::ffi::OsStr>) -> Option<String> {
    match term.map(|t| t.to_string_lossy()) {
        None => Some("TERM is not set".into()),
        Some(t) if t.trim().is_empty() => Some("TERM is empty".into()),
        Some(t) if t == "dumb" => Some("TERM=dumb".into()),
        Some(_) => None,
    }
}

/// Put the terminal in the reader's mode: raw, alternate screen, hidden
/// cursor. Mouse capture stays off so text remains selectable, unless
/// mouse mode was asked for.
pub fn enter() -> io::Result<()> {
    ENTERED.store(true, Ordering::SeqCst);
    terminal::enable_raw_mode()?;
    let mut out = io::stdout();
    execute!(out, terminal::EnterAlternateScreen, cursor::Hide)?;
    if MOUSE.load(Ordering::SeqCst) {
        out.write_all(MOUSE_ON.as_bytes())?;
        out.flush()?;
    }
    Ok(())
}

/// Give the terminal back as it was. Safe to call more than once; errors
/// are ignored because there is nothing better to do on the way out.
pub fn restore() {
    if !ENTERED.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout();
    let _ = execute!(
        out,
        event::DisableMouseCapture,
        event::DisableBracketedPaste,
        terminal::LeaveAlternateScreen,
        cursor::Show
    );
    let _ = terminal::disable_raw_mode();
    let _ = out.flush();
}

/// Restores the terminal when dropped.
pub struct Guard;

impl Guard {
    pub fn new() -> io::Result<Guard> {
        install_panic_hook();
        enter()?;
        Ok(Guard)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Take the terminal back after a stop: whatever the shell did to it
/// meanwhile (a job stopped from outside is not restored first, and the
/// shell puts the terminal back in cooked mode), raw mode and the
/// alternate screen are set again. The caller redraws everything.
pub fn reenter() -> io::Result<()> {
    // crossterm skips enabling raw mode when it believes it is on already.
    let _ = terminal::disable_raw_mode();
    enter()
}

/// Leave the screen and stop like any job (ctrl-z, or SIGTSTP from
/// outside); returns when continued (`fg`). The caller takes the terminal
/// back with [`reenter`], unless a signal asked it to end meanwhile.
pub fn suspend() {
    restore();
    super::signals::stop_process();
}
