//! Every paragraph can be brought to the top of the reader, where `e`
//! (elsewhere), `m` (bookmark) and `y` (copy) take it: the last lines
//! scroll up past the end, the rows below left empty, as vim lets them.
//! `G` still shows the end. Where a key cannot move, the status line says
//! why.

use crate::support::app::{builtin, screen_text, status_line};
use crate::typed::keys;
use parallax::corpus::BlockKind;
use parallax::ui::app::{App, ScreenId};
use parallax::ui::geometry::Geometry;

/// The reader on 003 (the shortest article) in a window it fits in.
fn short_article() -> App {
    let mut app = builtin((100, 160), false);
    keys(&mut app, "jjj");
    crate::typed::send(&mut app, crossterm::event::KeyCode::Enter);
    let id = &app.corpus().articles[app.reader().article()].id;
    assert!(id.starts_with("003"), "{id}");
    let lines = app.reader().layout().unwrap().lines.len();
    assert!(lines < 150, "003 fits the window: {lines} lines");
    app
}

#[test]
fn in_an_article_that_fits_the_window_j_and_a_count_move_the_top() {
    let mut app = short_article();
    keys(&mut app, "j");
    assert_eq!(app.reader().scroll(), 1);
    // The last paragraph's first line, by `{line}G`.
    let (block, line) = {
        let a = app.reader().article();
        let layout = app.reader().layout().unwrap();
        let blocks = &app.corpus().articles[a].blocks;
        let block = (0..blocks.len())
            .rev()
            .find(|&b| blocks[b].kind == BlockKind::Paragraph)
            .unwrap();
        (block, layout.line_of(block, 0).unwrap())
    };
    keys(&mut app, &format!("{}G", line + 1));
    assert_eq!(app.reader().scroll(), line);
    let text = screen_text(&app);
    let body: Vec<&str> = text.lines().skip(1).collect();
    assert!(!body[0].trim().is_empty(), "the paragraph on top: {text}");
    assert!(body[body.len() - 2].trim().is_empty(), "empty rows below");
    keys(&mut app, "e");
    assert_eq!(app.screen(), ScreenId::Elsewhere);
    let title = screen_text(&app).lines().next().unwrap().to_string();
    assert!(
        title.contains(&format!("Elsewhere · 003 #{block}:")),
        "{title}"
    );
}

#[test]
fn g_shows_the_end_and_a_key_that_cannot_move_says_why() {
    let mut app = short_article();
    keys(&mut app, "k");
    assert!(status_line(&app).starts_with("Already at the top"));
    keys(&mut app, "G");
    assert_eq!(app.reader().scroll(), 0, "the end is on screen already");
    keys(&mut app, "99999j");
    let last = app.reader().scroll();
    assert!(last > 0);
    assert!(
        status_line(&app).starts_with("The last paragraph is at the top"),
        "{}",
        status_line(&app)
    );
    keys(&mut app, "k");
    assert_eq!(app.reader().scroll(), last - 1, "k moves at once");
}

#[test]
fn in_a_long_article_g_is_the_last_full_page_and_j_goes_on_past_it() {
    let mut app = builtin((100, 30), false);
    crate::typed::send(&mut app, crossterm::event::KeyCode::Enter);
    let lines = app.reader().layout().unwrap().lines.len();
    let page = Geometry::new(app.size()).page(false);
    keys(&mut app, "G");
    let end = app.reader().scroll();
    assert_eq!(end, lines - page, "a full last page");
    keys(&mut app, "j");
    assert_eq!(app.reader().scroll(), end + 1);
    keys(&mut app, "G");
    assert_eq!(app.reader().scroll(), end + 1, "G keeps the end on screen");
}

/// Keys with nowhere to go say so, never nothing: `]` below the last
/// heading and `[` above the first, esc with no view to go back to, `h`
/// at the matrix's first column.
#[test]
fn keys_at_an_end_say_why_they_did_nothing() {
    let mut app = short_article();
    keys(&mut app, "[");
    assert!(
        status_line(&app).contains("No heading above"),
        "{}",
        status_line(&app)
    );
    keys(&mut app, "99999j]");
    assert!(
        status_line(&app).contains("No heading below"),
        "{}",
        status_line(&app)
    );

    let mut app = builtin((80, 24), false);
    crate::typed::send(&mut app, crossterm::event::KeyCode::Esc);
    assert_eq!(app.screen(), ScreenId::Library);
    assert!(
        status_line(&app).contains("Nothing to go back to"),
        "{}",
        status_line(&app)
    );

    keys(&mut app, "M");
    assert_eq!(app.screen(), ScreenId::Matrix);
    keys(&mut app, "h");
    assert!(
        status_line(&app).contains("Already at the first column"),
        "{}",
        status_line(&app)
    );
}
