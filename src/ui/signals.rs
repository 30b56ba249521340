//! Signals the reader answers, and the one wait of the event loop.
//!
//! Handlers only set flags and write a byte to a pipe (`wake`); the event
//! loop waits in `poll` on the terminal and that pipe together, so a
//! signal, a key, or a background thread's result (through a [`Waker`])
//! ends the wait at once, and an idle reader uses no CPU at all.

use std::io::{Read, Write};
use std::os::unix::io::AsRawFd;
use std::os::unix::net::UnixStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

/// The signals that end the reader (restoring the terminal and saving):
/// SIGTERM, SIGHUP (an SSH connection dropping) and SIGINT.
pub fn termination_signals() -> Vec<libc::c_int> {
    vec![libc::SIGHUP, libc::SIGINT, libc::SIGTERM]
}

/// Wakes the event loop from another thread (a result is ready).
#[derive(Clone)]
pub struct Waker(Arc<UnixStream>);

impl Waker {
    pub fn wake(&self) {
        // A full pipe already holds a wake-up; nothing is lost.
        let _ = (&*self.0).write(&[1]);
    }
}

/// What woke the loop.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Woken {
    /// The terminal has input (or hung up).
    pub input: bool,
}

/// The flags the handlers set, and the pipe they write to.
pub struct Signals {
    /// The last termination signal's number; 0 until one arrives.
    termination: Arc<AtomicUsize>,
    /// SIGWINCH: the window changed size.
    resized: Arc<AtomicBool>,
    wake_read: UnixStream,
    wake_write: Arc<UnixStream>,
}

impl Signals {
    pub fn install() -> std::io::Result<Signals> {
        let (wake_read, wake_write) = UnixStream::pair()?;
        wake_read.set_nonblocking(true)?;
        wake_write.set_nonblocking(true)?;
        let signals = Signals {
            termination: Arc::new(AtomicUsize::new(0)),
            resized: Arc::new(AtomicBool::new(false)),
            wake_read,
            wake_write: Arc::new(wake_write),
        };
        for sig in termination_signals() {
            signal_hook::flag::register_usize(sig, Arc::clone(&signals.termination), sig as usize)?;
            signals.pipe(sig)?;
        }
        signal_hook::flag::register(libc::SIGWINCH, Arc::clone(&signals.resized))?;
        signals.pipe(libc::SIGWINCH)?;
        Ok(signals)
    }

    /// After the flag: a wake-up byte for the loop's wait.
    fn pipe(&self, sig: libc::c_int) -> std::io::Result<()> {
        signal_hook::low_level::pipe::register(sig, self.wake_write.try_clone()?)?;
        Ok(())
    }

    pub fn waker(&self) -> Waker {
        Waker(Arc::clone(&self.wake_write))
    }

    /// The termination signal that arrived, if any.
    pub fn termination(&self) -> Option<i32> {
        match self.termination.load(Ordering::SeqCst) {
            0 => None,
            sig => Some(sig as i32),
        }
    }

    /// Whether a SIGWINCH arrived since the last call.
    pub fn take_resized(&self) -> bool {
        self.resized.swap(false, Ordering::SeqCst)
    }

    /// Wait until the terminal has input, a signal or a [`Waker`] wakes
    /// us, or `timeout` passes (`None`: no limit). Wake-ups are used up.
    pub fn wait(&self, timeout: Option<Duration>) -> Woken {
        let mut fds = [
            libc::pollfd {
                fd: 0,
                events: libc::POLLIN,
                revents: 0,
            },
            libc::pollfd {
                fd: self.wake_read.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            },
        ];
        let ms = timeout.map_or(-1, |t| i32::try_from(t.as_millis()).unwrap_or(i32::MAX));
        // SAFETY: two valid pollfds; poll only writes `revents`. EINTR (a
        // signal) simply ends the wait.
        let n = unsafe { libc::poll(fds.as_mut_ptr(), 2, ms) };
        if n > 0 && fds[1].revents != 0 {
            let mut sink = [0u8; 256];
            while matches!((&self.wake_read).read(&mut sink), Ok(k) if k > 0) {}
        }
        Woken {
            input: n > 0 && fds[0].revents != 0,
        }
    }
}
