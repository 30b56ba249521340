//! The help overlay scrolls inside its lines: past the last page (`G`,
//! or `j` held down) the keys that go up move at once, where they once
//! moved an offset no one could see until `g`. Its descriptions wrap in
//! their column, so every line of it can be read at 80 columns.

use crate::support::app::{builtin, screen_text};
use crate::typed::{keys, send};
use crossterm::event::KeyCode;
use parallax::ui::action::ViewId;
use parallax::ui::app::App;
use parallax::ui::geometry::Geometry;
use parallax::ui::keymap::Keymap;

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

/// Every row of the help over the library, from the top to the end.
fn all_help_rows(size: (u16, u16)) -> Vec<String> {
    let mut app = builtin(size, false);
    keys(&mut app, "?");
    let mut page = help_rows(&app);
    let mut seen = page.clone();
    loop {
        keys(&mut app, "j");
        let next = help_rows(&app);
        if next == page {
            return seen;
        }
        seen.push(next.last().cloned().unwrap_or_default());
        page = next;
    }
}

#[test]
fn descriptions_wrap_under_their_column_never_cut() {
    let keymap = Keymap::default_keymap();
    for size in [(80, 24), (200, 50)] {
        let rows: Vec<Vec<char>> = all_help_rows(size)
            .iter()
            .map(|r| r.chars().collect())
            .collect();
        let text: String = rows
            .iter()
            .flat_map(|r| r.iter().chain(['\n'].iter()))
            .collect();
        assert!(!text.contains('…'), "a cut line at {size:?}:\n{text}");
        for view in [ViewId::Library, ViewId::Global] {
            let section = rows
                .iter()
                .position(|r| r.iter().collect::<String>().trim() == view.title())
                .expect("the view's keys");
            for (action, _) in keymap.bindings(view) {
                let doc = action.doc();
                let first_word = doc.split(' ').next().unwrap_or(doc);
                // The row where the description starts: from its first
                // word on, a beginning of it that ends between words.
                let (k, col) = rows[section..]
                    .iter()
                    .enumerate()
                    .find_map(|(k, r)| {
                        let r: String = r.iter().collect();
                        let at = r.find(&format!(" {first_word}"))? + 1;
                        let rest = r[at..].trim_end();
                        let whole = doc.starts_with(rest) && doc[rest.len()..].starts_with([' ']);
                        (rest == doc || whole).then(|| (section + k, r[..at].chars().count()))
                    })
                    .unwrap_or_else(|| panic!("{action} at {size:?}:\n{text}"));
                // The rest of the description below, in the same column.
                let mut read: String = rows[k][col..].iter().collect::<String>().trim().into();
                for row in &rows[k + 1..] {
                    if read.len() >= doc.len() {
                        break;
                    }
                    let lead = row.iter().take_while(|c| **c == ' ').count();
                    assert_eq!(lead, col, "{action} at {size:?}:\n{text}");
                    read = format!("{read} {}", row.iter().collect::<String>().trim());
                }
                assert_eq!(read, doc, "at {size:?}");
            }
        }
    }
}
