//! Which pane the compare view's `e` (elsewhere) and `p` (partners) take
//! is always on screen: the focus marker heads the focused pane whether
//! the panes scroll together or not, and `tab` says which pane it
//! focused, where it once changed the pane they take without a sign.

use crate::support::app::{builtin, screen_text, status_line, title_line as title};
use crate::typed::{keys, send};
use crossterm::event::KeyCode;
use parallax::ui::app::{App, ScreenId};

/// The row naming the two articles, under the title.
fn heads(app: &App) -> String {
    screen_text(app)
        .lines()
        .nth(1)
        .unwrap_or_default()
        .to_string()
}

#[test]
fn tab_with_the_panes_locked_shows_and_says_which_pane_e_takes() {
    let mut app = builtin((100, 30), false);
    keys(&mut app, "c");
    assert!(title(&app).contains("Compare 000 ⇄ 001"), "{}", title(&app));
    assert!(app.compare().locked());
    assert!(heads(&app).starts_with("▶ 000 · "), "{}", heads(&app));
    keys(&mut app, "e");
    assert!(title(&app).contains("Elsewhere · 000 "), "{}", title(&app));
    send(&mut app, KeyCode::Esc);
    send(&mut app, KeyCode::Tab);
    assert!(app.compare().locked(), "tab leaves the lock as it is");
    let heads = heads(&app);
    assert!(
        heads.contains("▶ 001 · ") && !heads.contains("▶ 000"),
        "{heads}"
    );
    let said = status_line(&app);
    assert!(
        said.starts_with("Right pane (001) focused: e and p take"),
        "{said}"
    );
    keys(&mut app, "e");
    assert_eq!(app.screen(), ScreenId::Elsewhere);
    assert!(title(&app).contains("Elsewhere · 001 "), "{}", title(&app));
}

#[test]
fn tab_with_the_panes_unlocked_says_the_focused_pane_scrolls() {
    let mut app = builtin((100, 30), false);
    keys(&mut app, "c l");
    send(&mut app, KeyCode::Tab);
    let said = status_line(&app);
    assert!(said.contains("Right pane (001) focused"), "{said}");
    assert!(said.contains("it scrolls alone"), "{said}");
    send(&mut app, KeyCode::Tab);
    assert!(heads(&app).starts_with("▶ 000 · "), "{}", heads(&app));
    assert!(status_line(&app).starts_with("Left pane (000) focused"));
}

/// `s` swaps the articles, and the focus goes with its article: the
/// paragraph `e` and `p` take stays the one it was.
#[test]
fn swapping_the_panes_keeps_the_focus_on_its_article() {
    let mut app = builtin((100, 30), false);
    keys(&mut app, "c");
    send(&mut app, KeyCode::Tab);
    assert!(heads(&app).contains("▶ 001 · "), "{}", heads(&app));
    keys(&mut app, "s");
    assert!(title(&app).contains("Compare 001 ⇄ 000"), "{}", title(&app));
    let heads = heads(&app);
    assert!(
        heads.starts_with("▶ 001 · ") && !heads.contains("▶ 000"),
        "{heads}"
    );
}

/// The reader's `c` compares the two articles marked in the library, as
/// its help line says and the library's `c` does (it compared the article
/// read with the next, marks or not); with none marked, this one and the
/// next of its event.
#[test]
fn c_in_the_reader_compares_the_marked_pair() {
    let mut app = builtin((100, 30), false);
    keys(&mut app, "j");
    send(&mut app, KeyCode::Char(' '));
    send(&mut app, KeyCode::Char(' '));
    keys(&mut app, "g");
    send(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), ScreenId::Reader);
    keys(&mut app, "c");
    assert!(title(&app).contains("Compare 001 ⇄ 002"), "{}", title(&app));
    // Unmarked, the reader's article and the next.
    let mut app = builtin((100, 30), false);
    send(&mut app, KeyCode::Enter);
    keys(&mut app, "c");
    assert!(title(&app).contains("Compare 000 ⇄ 001"), "{}", title(&app));
}
