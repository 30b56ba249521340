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

/// Every signal whose default action ends the process and that can be
/// caught without harm: the reader restores the terminal, saves and exits
/// on any of them. Left out: SIGKILL and SIGSTOP (cannot be caught),
/// faults raised by the code itself (SIGSEGV, SIGBUS, SIGILL, SIGFPE,
/// SIGTRAP, SIGSYS, SIGABRT: returning from a handler would repeat them),
/// and SIGPIPE (ignored by Rust programs; writes report the error).
pub fn termination_signals() -> Vec<libc::c_int> {
    let mut all = vec![
        libc::SIGHUP,
        libc::SIGINT,
        libc::SIGQUIT,
        libc::SIGTERM,
        libc::SIGUSR1,
        libc::SIGUSR2,
        libc::SIGALRM,
        libc::SIGVTALRM,
        libc::SIGPROF,
        libc::SIGXCPU,
        libc::SIGXFSZ,
        libc::SIGIO,
    ];
    #[cfg(target_os = "linux")]
    {
        all.extend([libc::SIGPWR, libc::SIGSTKFLT]);
        all.extend(libc::SIGRTMIN()..=libc::SIGRTMAX());
    }
    all
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
    /// SIGTSTP from outside (`kill -TSTP`): suspend like ctrl-z.
    stop: Arc<AtomicBool>,
    /// SIGCONT: resumed after a stop; the terminal may have been reset.
    resumed: Arc<AtomicBool>,
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
            stop: Arc::new(AtomicBool::new(false)),
            resumed: Arc::new(AtomicBool::new(false)),
            resized: Arc::new(AtomicBool::new(false)),
            wake_read,
            wake_write: Arc::new(wake_write),
        };
        for sig in termination_signals() {
            signal_hook::flag::register_usize(sig, Arc::clone(&signals.termination), sig as usize)?;
            signals.pipe(sig)?;
        }
        for (sig, flag) in [
            (libc::SIGTSTP, &signals.stop),
            (libc::SIGCONT, &signals.resumed),
            (libc::SIGWINCH, &signals.resized),
        ] {
            signal_hook::flag::register(sig, Arc::clone(flag))?;
            signals.pipe(sig)?;
        }
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

    /// Whether a SIGTSTP arrived since the last call.
    pub fn take_stop(&self) -> bool {
        self.stop.swap(false, Ordering::SeqCst)
    }

    /// Whether a SIGCONT arrived since the last call.
    pub fn take_resumed(&self) -> bool {
        self.resumed.swap(false, Ordering::SeqCst)
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

/// Stop like any job, as SIGTSTP's default action does, and return when
/// continued. The default action is used (not SIGSTOP) so the kernel's
/// rule holds: a process group with no shell to resume it is not stopped.
pub fn stop_process() {
    // SAFETY: plain sigaction and raise calls on valid structures. The
    // handler installed before is put back as it was.
    unsafe {
        let mut default: libc::sigaction = std::mem::zeroed();
        default.sa_sigaction = libc::SIG_DFL;
        let mut previous: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(libc::SIGTSTP, &default, &mut previous) != 0 {
            return;
        }
        // Thread-directed: the stop takes effect before raise returns.
        libc::raise(libc::SIGTSTP);
        libc::sigaction(libc::SIGTSTP, &previous, std::ptr::null_mut());
    }
}
