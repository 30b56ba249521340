//! The reader: `Action` (the one declaration of every action), the keymap,
//! `App` state with a pure `update`, views that only read state, and the
//! event loop with terminal handling.

pub mod action;
pub mod app;
pub mod bookmarks;
pub mod compare;
mod compare_keys;
mod compare_refresh;
pub mod compare_work;
pub mod event_loop;
pub mod geometry;
pub mod input;
pub mod keymap;
pub mod layouts;
mod overlay_keys;
pub mod palette;
pub mod place;
pub mod reader;
pub mod render;
pub mod run;
pub mod scroll_hint;
pub mod session_glue;
pub mod signals;
pub mod styled;
pub mod terminal;
pub mod theme;
pub mod topic_match;
pub mod topic_view;
pub mod update;
pub mod view;
