//! Terminal set-up and restoration. The terminal is restored on every exit
//! path: normal return (guard drop), panic (hook), and signals (the event
//! loop sees the flag and returns normally). Suspend leaves the screen as
//! it was before parallax, stops the process, and takes it back on resume.

use crossterm::{cursor, event, execute, terminal};
use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

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

/// Set to the signal number when SIGTERM, SIGHUP (an SSH connection
/// dropping) or SIGINT arrives; 0 until then.
pub fn termination_signal() -> io::Result<Arc<AtomicUsize>> {
    let flag = Arc::new(AtomicUsize::new(0));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register_usize(sig, Arc::clone(&flag), sig as usize)?;
    }
    Ok(flag)
}

/// Leave the screen, stop like any job (Ctrl-Z), and come back on `fg`.
pub fn suspend() -> io::Result<()> {
    restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    enter()
}

/// Block until the terminal has input, hangs up, a signal arrives or
/// `timeout` passes; the caller looks at which afterwards.
pub fn wait_for_input(timeout: std::time::Duration) {
    let mut fds = [libc::pollfd {
        fd: 0,
        events: libc::POLLIN,
        revents: 0,
    }];
    let ms = i32::try_from(timeout.as_millis()).unwrap_or(i32::MAX);
    // SAFETY: one valid pollfd; poll only writes `revents`.
    unsafe { libc::poll(fds.as_mut_ptr(), 1, ms) };
}

/// Whether the terminal went away (an SSH connection or terminal window
/// closed without a SIGHUP reaching us): the tty then reports a hang-up,
/// and reading it returns at once forever, so the loop must stop.
pub fn hung_up() -> bool {
    let mut fds = [libc::pollfd {
        fd: 0,
        events: libc::POLLIN,
        revents: 0,
    }];
    // SAFETY: one valid pollfd, zero timeout; poll only writes `revents`.
    let n = unsafe { libc::poll(fds.as_mut_ptr(), 1, 0) };
    if n <= 0 {
        return false;
    }
    if fds[0].revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
        return true;
    }
    // Readable with nothing to read is a closed terminal too (not every
    // pty reports POLLHUP when its other side goes away).
    let mut pending: libc::c_int = 0;
    // SAFETY: FIONREAD writes one c_int through the pointer.
    let rc = unsafe { libc::ioctl(0, libc::FIONREAD, &mut pending) };
    rc != 0 || pending == 0
}
