//! Keys as a user types them, through the keymap (`key_message`), for the
//! key-sequence tests: `keys(&mut app, "c e")` is `c`, then `e`.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use parallax::ui::app::App;
use parallax::ui::run::key_message;

/// One key press, without modifiers.
pub fn send(app: &mut App, code: KeyCode) {
    let key = KeyEvent::new(code, KeyModifiers::NONE);
    if let Some(msg) = key_message(app, &key) {
        app.update(msg);
    }
}

/// Every character typed is a key press; spaces between keys are only
/// for reading (`space` itself is `send(app, KeyCode::Char(' '))`).
pub fn keys(app: &mut App, typed: &str) {
    for c in typed.chars().filter(|c| *c != ' ') {
        send(app, KeyCode::Char(c));
    }
}
