//! Moved pairs do not pull the right article's top into the middle of its
//! pane: on the built-in corpus 000 ⇄ 002 pairs two late paragraphs of
//! 000 with 002's out of order, and the alignment puts 002's title and
//! opening paragraphs after them. The compare view shows each article's
//! title on its pane's first line, and every right block no pair took
//! above the moved rows that follow the pair in order before it.

use crate::support::app::{builtin, screen_text};
use crate::typed::keys;
use parallax::ui::app::App;

/// 000 ⇄ 002 at 80×24, laid out.
fn pair_000_002() -> App {
    let mut app = builtin((80, 24), false);
    let id = |app: &App, short: &str| app.corpus().resolve(short).unwrap();
    let (a000, a002) = (id(&app, "000"), id(&app, "002"));
    app.open_compare(a000, a002);
    app.refresh_layouts();
    app
}

/// The first line each pane draws a block on, and that block.
fn first_blocks(app: &App) -> [(usize, usize); 2] {
    let layout = app.compare().layout().expect("the pair laid out");
    [0, 1].map(|pane| {
        let (block, lines) = layout.blocks[pane].first().expect("a block drawn");
        (*block, lines.start)
    })
}

#[test]
fn each_pane_starts_with_its_articles_title() {
    let mut app = pair_000_002();
    let data = app.compare().data().expect("the pair compared");
    let moved = data.alignment.rows.iter().filter(|r| r.moved).count();
    assert!(moved > 0, "the pair has moved rows to test against");
    assert_eq!(first_blocks(&app), [(0, 0), (0, 0)]);
    // On screen: under the pane heads, 002's title beside 000's.
    let right = &app.corpus().articles[app.compare().right()].blocks[0].text;
    let first_words: String = right
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    let text = screen_text(&app);
    let body_top = text.lines().nth(2).unwrap_or_default();
    assert!(body_top.contains(&first_words), "{first_words}: {text}");
    // Swapped, the same holds with the sides the other way.
    keys(&mut app, "s");
    app.refresh_layouts();
    assert_eq!(first_blocks(&app), [(0, 0), (0, 0)]);
}

/// In the rows as shown, a right block no pair took never sits below a
/// moved row that comes after the last pair in order before it: the right
/// pane reads its article in order but for the moved paragraphs.
#[test]
fn unpaired_right_blocks_come_before_the_moved_rows_after_their_pair() {
    let app = pair_000_002();
    let rows = &app.compare().data().unwrap().alignment.rows;
    let mut moved_since_pair = false;
    for (k, r) in rows.iter().enumerate() {
        match (r.left, r.right) {
            (Some(_), Some(_)) if !r.moved => moved_since_pair = false,
            (Some(_), Some(_)) => moved_since_pair = true,
            (None, Some(b)) => assert!(
                !moved_since_pair,
                "row {k}: right block {b} below a moved row of the same gap"
            ),
            _ => {}
        }
    }
}
