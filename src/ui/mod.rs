//! The reader: `Action` (the one declaration of every action), the keymap,
//! `App` state changed only by `update`, one unit per screen and overlay,
//! the frame drawn from the state, and the event loop with terminal
//! handling. ARCHITECTURE.md maps it.

pub mod action;
pub mod app;
pub mod clipboard;
pub mod count;
pub mod event_loop;
pub mod find;
pub mod geometry;
pub mod group;
pub mod hooks;
pub mod input;
pub mod keymap;
pub mod loading;
pub mod outcome;
pub mod overlays;
pub mod place;
pub mod pointer;
pub mod render;
pub mod run;
pub mod screens;
pub mod scroll_hint;
pub mod shared;
pub mod signals;
pub mod styled;
pub mod terminal;
pub mod theme;
pub mod view;

pub use app::update;
