//! The keymap as the app sees it: the default keymap, user keymaps merged
//! over it, the lookup rule, error locations, the config lookup and the
//! README key table. One file per topic under tests/keymap/; the helpers
//! below are shared.

#[path = "keymap/defaults.rs"]
mod defaults;
#[path = "keymap/errors.rs"]
mod errors;
#[path = "keymap/lookup_and_merge.rs"]
mod lookup_and_merge;
#[path = "keymap/markdown.rs"]
mod markdown;
#[path = "keymap/user_file.rs"]
mod user_file;

use crossterm::event::KeyEvent;
use parallax::ui::keymap::{Key, Keymap, KeymapError};
use std::path::Path;

/// A key written as in keymap.toml.
fn key(text: &str) -> Key {
    text.parse()
        .unwrap_or_else(|err| panic!("{text:?} should parse: {err}"))
}

/// The key event a terminal sends for a key written as in keymap.toml.
fn press(text: &str) -> KeyEvent {
    key(text).to_event()
}

/// The default keymap with `text` merged over it.
fn user(text: &str) -> Keymap {
    Keymap::from_user_str(text, Path::new("keymap.toml"))
        .unwrap_or_else(|err| panic!("user keymap should load: {err}"))
}

/// The error for a user keymap that must not load.
fn user_error(text: &str) -> KeymapError {
    match Keymap::from_user_str(text, Path::new("keymap.toml")) {
        Ok(_) => panic!("expected an error for:\n{text}"),
        Err(err) => err,
    }
}

/// Keys as the help overlay shows them.
fn shown(keys: &[Key]) -> Vec<String> {
    keys.iter().map(Key::to_string).collect()
}
