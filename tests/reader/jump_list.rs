//! `esc` steps back through where the reader was, as a browser's back
//! button or vim's jump list do: a view opened again elsewhere (a second
//! compare over the first) comes back as it was left, its place and lock
//! included. A compare opened afresh starts with its rows lined up; the
//! threshold is the session's, kept from pair to pair and shown.

use crate::support::app::{builtin, screen_text, status_line, title_line as title};
use crate::typed::{keys, send};
use crossterm::event::KeyCode;
use parallax::ui::app::{App, ScreenId};

fn pair(app: &App) -> (String, String) {
    let c = app.compare();
    let id = |i: usize| app.corpus().articles[i].id.clone();
    (id(c.left()), id(c.right()))
}

#[test]
fn esc_after_a_jump_from_elsewhere_steps_back_through_each_view() {
    let mut app = builtin((100, 30), false);
    keys(&mut app, "c");
    let first = pair(&app);
    // A place in the pair to come back to, not its top.
    keys(&mut app, "3j");
    let place = app.compare().scroll();
    assert_eq!(place, [3, 3]);
    keys(&mut app, "e j");
    let chosen = app.elsewhere().selected();
    send(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), ScreenId::Compare);
    let second = pair(&app);
    assert_ne!(second, first, "another pair: {}", title(&app));
    send(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), ScreenId::Elsewhere);
    assert_eq!(app.elsewhere().selected(), chosen, "the row chosen");
    send(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), ScreenId::Compare, "{}", title(&app));
    assert_eq!(pair(&app), first, "{}", title(&app));
    assert_eq!(app.compare().scroll(), place);
    assert!(app.compare().locked(), "as it was left");
    send(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), ScreenId::Library);
}

#[test]
fn esc_comes_back_to_an_unlocked_pair_as_it_was() {
    let mut app = builtin((100, 30), false);
    keys(&mut app, "c n l");
    send(&mut app, KeyCode::Tab);
    keys(&mut app, "5j");
    let (place, first) = (app.compare().scroll(), pair(&app));
    assert_ne!(place[0], place[1]);
    keys(&mut app, "e");
    send(&mut app, KeyCode::Enter);
    assert_ne!(pair(&app), first);
    send(&mut app, KeyCode::Esc);
    send(&mut app, KeyCode::Esc);
    assert_eq!(pair(&app), first);
    assert!(!app.compare().locked());
    assert_eq!(app.compare().scroll(), place);
    assert!(screen_text(&app).lines().nth(1).unwrap().contains("▶ 001"));
}

#[test]
fn a_jump_inside_the_reader_is_a_step_back_too() {
    let mut app = builtin((100, 30), false);
    send(&mut app, KeyCode::Enter);
    keys(&mut app, "12j");
    keys(&mut app, "t");
    for c in "media framing".chars() {
        app.update(parallax::ui::update::Msg::Input(c));
    }
    send(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), ScreenId::Reader);
    assert_ne!(app.reader().scroll(), 12, "the palette jumped");
    send(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), ScreenId::Reader);
    assert_eq!(app.reader().article(), 0);
    assert_eq!(app.reader().scroll(), 12);
    send(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), ScreenId::Library);
}

#[test]
fn a_fresh_compare_starts_locked_at_the_sessions_threshold() {
    let mut app = builtin((100, 30), false);
    keys(&mut app, "c - - -");
    assert!(status_line(&app).contains("threshold 0.20"));
    keys(&mut app, "l");
    assert!(!app.compare().locked());
    send(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), ScreenId::Library);
    keys(&mut app, "j c");
    let c = app.compare();
    assert_eq!(pair(&app).0, app.corpus().articles[1].id);
    assert!(c.locked(), "rows lined up, as every pair starts");
    assert_eq!(c.scroll(), [0, 0]);
    let status = status_line(&app);
    assert!(status.contains("threshold 0.20"), "{status}");
    assert!(!status.contains("unlocked"), "{status}");
}

#[test]
fn a_resumed_pair_comes_back_unlocked_as_it_was_left() {
    let mut app = builtin((100, 30), false);
    keys(&mut app, "c - l");
    let mut session = parallax::session::Session::new(Vec::new());
    app.save_into(&mut session);
    let mut again = builtin((100, 30), false);
    again.restore_from(&session);
    assert_eq!(again.screen(), ScreenId::Compare);
    assert_eq!(pair(&again), pair(&app));
    assert!(
        !again.compare().locked(),
        "the session's lock, not a fresh one"
    );
    assert!(status_line(&again).contains("threshold 0.30 · unlocked"));
}
