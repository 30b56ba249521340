//! The help overlay scrolls inside its lines: past the last page (`G`,
//! or `j` held down) the keys that go up move at once, where they once
//! moved an offset no one could see until `g`.

use crate::support::app::{builtin, screen_text};
use crate::typed::{keys, send};
use crossterm::event::KeyCode;
use parallax::ui::app::App;
use parallax::ui::geometry::Geometry;

/// The text inside the help box's border, row by row.
fn help_rows(app: &App) -> Vec<String> {
    let b = Geometry::new(app.size()).help_box();
    let (x, w) = (usize::from(b.x) + 1, usize::from(b.width) - 2);
    screen_text(app)
        .lines()
        .skip(usize::from(b.y) + 1)
        .take(usize::from(b.height) - 2)
        .map(|row| row.chars().skip(x).take(w).collect::<String>())
        .collect()
}

fn help_at_the_end() -> (App, Vec<String>) {
    let mut app = builtin((80, 24), false);
    keys(&mut app, "?");
    let first = help_rows(&app);
    keys(&mut app, "G");
    let end = help_rows(&app);
    assert_ne!(first, end, "the keys run past the box at 80×24");
    (app, end)
}

#[test]
fn after_g_the_keys_up_move_at_once() {
    let (mut app, end) = help_at_the_end();
    keys(&mut app, "k");
    let up = help_rows(&app);
    assert_eq!(up[1..], end[..end.len() - 1], "k: one line up");
    for page_up in ["b", "pgup"] {
        keys(&mut app, "G");
        match page_up {
            "b" => keys(&mut app, "b"),
            _ => send(&mut app, KeyCode::PageUp),
        }
        let rows = help_rows(&app);
        assert!(!rows.contains(&end[0]), "{page_up}: a page up\n{rows:#?}");
    }
}

#[test]
fn past_the_end_by_j_the_keys_up_move_at_once() {
    let (mut app, end) = help_at_the_end();
    keys(&mut app, "g");
    keys(&mut app, &"j".repeat(300));
    assert_eq!(help_rows(&app), end, "j stops at the last page");
    keys(&mut app, "k");
    assert_eq!(help_rows(&app)[1..], end[..end.len() - 1]);
}
