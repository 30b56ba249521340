//! The terminal's input, read by the reader itself: everything waiting is
//! read in one go (64 KiB at a time) and parsed into keys (`parse`).
//!
//! Why not crossterm's event reader: it waits on an edge-triggered epoll
//! and reads 1 KiB per wake-up, so after a burst of more than that (a
//! paste, key repeat over SSH) the rest of the bytes sat in the terminal
//! with no wake-up to announce them. The keys stopped, and the event loop,
//! which polled the terminal itself for hang-ups, saw input waiting and
//! spun at full speed. Here the loop's one `poll` is the only wait, and it
//! is level-triggered: input waiting is input read.
//!
//! A read may end anywhere in a burst, even just after the ESC that starts
//! a cursor key, so an unfinished sequence (a lone ESC too) waits for the
//! next read; if none comes soon it is taken as it is (the event loop
//! calls [`Input::flush`]), so the Escape key works with a short delay.

mod mouse;
pub mod parse;

use crossterm::event::Event;

/// Bytes read per `read` call; a burst larger than this is read over a few
/// turns of the loop.
const CHUNK: usize = 64 * 1024;
const ESC: u8 = 0x1b;

/// What a read found.
#[derive(Debug, PartialEq, Eq)]
pub enum Readout {
    /// Keys (and, in mouse mode, mouse reports), in order (possibly
    /// none: only part of a sequence came).
    Keys(Vec<Event>),
    /// Nothing to read now.
    Nothing,
    /// The terminal is gone (end of file or an error: a hang-up).
    HungUp,
}

/// Standard input, which is the terminal.
pub struct Input {
    /// Bytes of a sequence or character cut by a read, kept for the next.
    partial: Vec<u8>,
    buf: Vec<u8>,
    /// Keys typed before the reader could take them (while the files were
    /// read), given out first.
    held: Vec<Event>,
}

/// Most keys held for later; a longer burst (a paste) keeps its start.
const MAX_HELD: usize = 1024;

impl Default for Input {
    fn default() -> Self {
        Input::new()
    }
}

impl Input {
    pub fn new() -> Input {
        Input {
            partial: Vec::new(),
            buf: vec![0; CHUNK],
            held: Vec::new(),
        }
    }

    /// Keep `event` for the next [`Input::read`] (typeahead, as a shell
    /// or vim keeps keys typed while it is busy).
    pub fn hold(&mut self, event: Event) {
        if self.held.len() < MAX_HELD {
            self.held.push(event);
        }
    }

    /// Read what the terminal holds now, without waiting. A hang-up shows
    /// as readable with nothing to read (end of file) or as an error.
    pub fn read(&mut self) -> Readout {
        if !self.held.is_empty() {
            return Readout::Keys(std::mem::take(&mut self.held));
        }
        if !readable(0) {
            return Readout::Nothing;
        }
        // SAFETY: `buf` is valid for `buf.len()` bytes.
        let n = unsafe { libc::read(0, self.buf.as_mut_ptr().cast(), self.buf.len()) };
        if n == 0 {
            return Readout::HungUp;
        }
        if n < 0 {
            let err = std::io::Error::last_os_error();
            return match err.kind() {
                std::io::ErrorKind::Interrupted | std::io::ErrorKind::WouldBlock => {
                    Readout::Nothing
                }
                _ => Readout::HungUp,
            };
        }
        let new = &self.buf[..n as usize];
        // An ESC left alone by the last read was the Escape key unless
        // this read goes on with a sequence: Alt and a key arrive in one
        // write, so an ESC and a later key are two keys.
        let mut keys = Vec::new();
        if self.partial == [ESC] && !matches!(new.first(), Some(b'[' | b'O')) {
            keys = take(&mut self.partial, true);
        }
        self.partial.extend_from_slice(new);
        keys.extend(take(&mut self.partial, false));
        Readout::Keys(keys)
    }

    /// Whether part of a sequence is waiting for the rest.
    pub fn has_partial(&self) -> bool {
        !self.partial.is_empty()
    }

    /// No more came: an unfinished sequence becomes keys of its own.
    pub fn flush(&mut self) -> Vec<Event> {
        take(&mut self.partial, true)
    }
}

/// The keys at the start of `partial`, taken out of it.
fn take(partial: &mut Vec<u8>, at_end: bool) -> Vec<Event> {
    let (keys, used) = parse::parse(partial, at_end);
    partial.drain(..used);
    keys
}

/// Whether `fd` can be read (or has hung up) right now.
pub fn readable(fd: libc::c_int) -> bool {
    let mut fds = [libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    }];
    // SAFETY: one valid pollfd, zero timeout; poll only writes `revents`.
    unsafe { libc::poll(fds.as_mut_ptr(), 1, 0) > 0 }
}
