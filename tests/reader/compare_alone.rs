//! The compare view's panes unlocked: the focused pane scrolls through
//! its own article's text (not through the blank rows where only the
//! other side has text). Keys typed into `App`, the frame read off a
//! TestBackend.

use crate::support::app::{act, builtin, screen_text};
use crate::typed::{keys, send};
use crossterm::event::KeyCode;
use parallax::ui::action::Action;
use parallax::ui::app::App;

fn id_of(app: &App, prefix: &str) -> usize {
    app.corpus().resolve(prefix).unwrap()
}

/// The first line under the headers of the right pane, as drawn.
fn right_top(app: &App) -> String {
    let (w, _) = app.size();
    let from = (usize::from(w) - 3) / 2 + 3;
    let row = screen_text(app)
        .lines()
        .nth(2)
        .unwrap_or_default()
        .to_string();
    row.chars()
        .skip(from)
        .collect::<String>()
        .trim()
        .to_string()
}

#[test]
fn unlocked_the_focused_pane_scrolls_through_its_own_text() {
    // 001 opens with a long run of its own unpaired paragraphs: beside
    // them the right pane (002) is blank for screens on end.
    let mut app = builtin((80, 24), false);
    app.open_compare(id_of(&app, "001"), id_of(&app, "002"));
    app.refresh_layouts();
    keys(&mut app, "l");
    send(&mut app, KeyCode::Tab);
    assert!(!app.compare().locked());
    let left = app.compare().scroll()[0];
    let mut last = app.compare().scroll()[1];
    for press in 1..=80 {
        keys(&mut app, "j");
        let now = app.compare().scroll()[1];
        if now == last {
            break;
        }
        assert!(now > last, "j moves down");
        let top = right_top(&app);
        assert!(
            !top.is_empty(),
            "j {press}: the right pane's top line is blank"
        );
        last = now;
    }
    assert!(last > 0, "the right pane moved");
    assert_eq!(app.compare().scroll()[0], left, "the left pane stays");
    // Paging and back up: always a line of 002's on top.
    for action in [Action::PageDown, Action::HalfPageDown, Action::PageUp] {
        act(&mut app, &[action]);
        assert!(!right_top(&app).is_empty(), "{action:?}");
    }
    for _ in 0..200 {
        act(&mut app, &[Action::ScrollUp]);
        assert!(!right_top(&app).is_empty());
    }
    act(&mut app, &[Action::Bottom]);
    assert!(!right_top(&app).is_empty(), "G");
    act(&mut app, &[Action::Top]);
    assert!(right_top(&app).starts_with("Trump Putin Alaska"), "g");
}
