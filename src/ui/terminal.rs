//! Terminal set-up and restoration. The terminal is restored on every exit
//! path: normal return (guard drop), panic (hook), and signals (the event
//! loop sees the flag and returns normally). Suspend leaves the screen as
//! it was before parallax, stops the process, and takes it back on resume.

use crossterm::{cursor, event, execute, terminal};
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether the terminal is in the reader's mode. Restoring twice would
/// leave the alternate screen twice, and the second time moves the cursor
/// back to where the reader started, so output after it lands mid-screen.
static ENTERED: AtomicBool = AtomicBool::new(false);

/// Put the terminal in the reader's mode: raw, alternate screen, hidden
/// cursor. Mouse capture stays off so text remains selectable.
pub fn enter() -> io::Result<()> {
    ENTERED.store(true, Ordering::SeqCst);
    terminal::enable_raw_mode()?;
    execute!(io::stdout(), terminal::EnterAlternateScreen, cursor::Hide)
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

/// Take the terminal back after a stop. The caller redraws everything.
pub fn reenter() -> io::Result<()> {
    enter()
}

/// Leave the screen and stop like any job (ctrl-z); returns when continued
/// (`fg`). The caller takes the terminal back with [`reenter`], unless a
/// signal asked it to end meanwhile.
pub fn suspend() {
    restore();
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGTSTP);
}
