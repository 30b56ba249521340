//! A palette or filtered list that nothing matches says so in its list
//! ("no topic matches “2016”"), and enter or tab there say in the status
//! line why nothing opened: nothing is silently ignored.

use crate::support::app::{builtin, screen_text, status_line};
use crate::typed::{keys, send};
use crossterm::event::KeyCode;
use parallax::ui::app::{App, Overlay};
use parallax::ui::update::Msg;

/// Let the palette finish matching.
fn settle(app: &mut App) {
    while app.is_busy() {
        app.update(Msg::Tick);
    }
}

#[test]
fn the_topic_palette_says_no_topic_matches_and_enter_and_tab_say_why() {
    let mut app = builtin((80, 24), false);
    keys(&mut app, "t zqzq");
    settle(&mut app);
    assert_eq!(app.overlay(), Some(Overlay::Palette));
    assert!(app.palette().hits.is_empty());
    let screen = screen_text(&app);
    assert!(screen.contains("no topic matches “zqzq”"), "{screen}");
    for key in [KeyCode::Enter, KeyCode::Tab] {
        send(&mut app, key);
        assert_eq!(
            app.overlay(),
            Some(Overlay::Palette),
            "{key:?} keeps it open"
        );
        let status = status_line(&app);
        assert!(
            status.contains("No topic matches “zqzq”") && status.contains("backspace"),
            "{key:?}: {status}"
        );
    }
    // A query that matches lists topics, and no such line.
    send(&mut app, KeyCode::Backspace);
    send(&mut app, KeyCode::Backspace);
    send(&mut app, KeyCode::Backspace);
    settle(&mut app);
    let screen = screen_text(&app);
    if !app.palette().hits.is_empty() {
        assert!(!screen.contains("no topic matches"), "{screen}");
    }
}

#[test]
fn the_bookmark_list_says_no_bookmark_matches_and_enter_says_why() {
    let mut app = builtin((80, 24), false);
    send(&mut app, KeyCode::Enter);
    // A bookmark without a note.
    keys(&mut app, "m");
    send(&mut app, KeyCode::Enter);
    keys(&mut app, "' zqzq");
    assert_eq!(app.overlay(), Some(Overlay::Bookmarks));
    let screen = screen_text(&app);
    assert!(screen.contains("no bookmark matches “zqzq”"), "{screen}");
    send(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay(), Some(Overlay::Bookmarks));
    let status = status_line(&app);
    assert!(status.contains("No bookmark matches “zqzq”"), "{status}");
}
