//! The reader: `Action` (the one declaration of every action), the keymap,
//! `App` state with a pure `update`, views that only read state, and the
//! event loop with terminal handling.

pub mod action;
pub mod keymap;
