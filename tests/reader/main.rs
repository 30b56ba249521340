//! Tests of the reader, one binary: each module is one subject.

#[allow(dead_code)]
#[path = "../support/mod.rs"]
mod support;

mod compare;
mod config;
mod end_to_end;
mod hangup;
mod input;
mod keymap;
mod keys;
mod places;
mod progressive;
mod pty_budgets;
mod render_replay;
mod session;
mod signals;
mod sizes;
mod suspend;
mod terminal;
mod window;
