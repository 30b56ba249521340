//! The compare view's status line names the alignment row on top, also
//! when the top line is the blank line between two rows (it belongs to the
//! row above it, as a bookmark or a resumed session counts it): never
//! "row 0". Keys typed into `App`, the status row read off the frame.

use crate::support::app::{builtin, status_line as status};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use parallax::ui::app::{App, ScreenId};
use parallax::ui::run::key_message;

/// Keys as typed: every character is a key press.
fn keys(app: &mut App, typed: &str) {
    for c in typed.chars() {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        if let Some(msg) = key_message(app, &key) {
            app.update(msg);
        }
    }
}

/// The row (from 1) the status line should name: the drawn row the top
/// line of the left pane belongs to.
fn row_on_top(app: &App) -> usize {
    let compare = app.compare();
    let layout = compare.layout().expect("the pair laid out");
    let row = layout.drawn_row_at(compare.scroll()[0]);
    row.expect("a line of a row") + 1
}

/// What the report did: mark 000 and 004 in the library, compare them.
fn compare_000_and_004() -> App {
    let mut app = builtin((100, 30), false);
    keys(&mut app, " jjj c");
    assert_eq!(app.screen(), ScreenId::Compare);
    let ids = &app.shared().short_ids;
    let pair = (app.compare().left(), app.compare().right());
    assert_eq!((ids[pair.0].as_str(), ids[pair.1].as_str()), ("000", "004"));
    app
}

#[test]
fn stepping_from_a_row_onto_the_gap_below_it_keeps_naming_the_row() {
    let mut app = compare_000_and_004();
    keys(&mut app, "40G");
    assert!(status(&app).starts_with(" row 40/"), "{}", status(&app));
    // Down row 40 line by line, onto the gap below it.
    let mut gap = false;
    for _ in 0..40 {
        keys(&mut app, "j");
        let top = app.compare().scroll()[0];
        let layout = app.compare().layout().unwrap();
        gap = layout.lines[top].row.is_none();
        let want = format!(" row {}/", row_on_top(&app));
        assert!(status(&app).starts_with(&want), "{}", status(&app));
        if gap {
            assert!(status(&app).starts_with(" row 40/"), "{}", status(&app));
            break;
        }
    }
    assert!(gap, "40G then j puts the gap after row 40 on top");
}

#[test]
fn every_line_of_the_pair_names_a_real_row() {
    let mut app = compare_000_and_004();
    let lines = app.compare().layout().unwrap().lines.len();
    let mut gaps = 0;
    for _ in 0..lines {
        let top = app.compare().scroll()[0];
        let layout = app.compare().layout().unwrap();
        gaps += usize::from(layout.lines[top].row.is_none());
        let said = status(&app);
        assert!(!said.starts_with(" row 0/"), "line {top}: {said}");
        let want = format!(" row {}/", row_on_top(&app));
        assert!(said.starts_with(&want), "line {top}: {said}");
        keys(&mut app, "j");
        if app.compare().scroll()[0] == top {
            break; // the last page
        }
    }
    assert!(gaps > 10, "{gaps} gaps between rows passed over");
}

/// less and vim's ctrl-d / ctrl-u move half a page in every list, not
/// only in the reading views.
#[test]
fn ctrl_d_and_ctrl_u_move_half_a_page_in_the_lists() {
    let ctrl = |app: &mut App, c: char| {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        let msg = key_message(app, &key).expect("bound");
        app.update(msg);
    };
    let mut app = builtin((80, 24), false);
    ctrl(&mut app, 'd');
    let down = app.library().selected();
    assert_eq!(down, 4, "half of ~20 rows, stopped at the last of 5");
    ctrl(&mut app, 'u');
    assert_eq!(app.library().selected(), 0);
    // Elsewhere from the reader: the same keys.
    app.open_reader(0, Some(24));
    app.refresh_layouts();
    keys(&mut app, "e");
    assert_eq!(app.screen(), ScreenId::Elsewhere);
    ctrl(&mut app, 'd');
    assert!(app.elsewhere().selected() > 0, "{}", status(&app));
}

/// A count repeats the threshold keys though each says where it landed:
/// `3-` is three steps down, as `-` three times.
#[test]
fn a_count_steps_the_threshold() {
    let mut one_by_one = compare_000_and_004();
    keys(&mut one_by_one, "---");
    let mut counted = compare_000_and_004();
    let before = counted.compare().threshold();
    keys(&mut counted, "3-");
    assert_eq!(
        counted.compare().threshold(),
        one_by_one.compare().threshold()
    );
    assert_ne!(counted.compare().threshold(), before);
    assert!(
        status(&counted).contains("threshold"),
        "{}",
        status(&counted)
    );
}

/// At 80 columns the threshold is whole on every row of every pair (it
/// was cut to "threshold 0…" behind a long row description): the row's
/// description and the count of pairs give way first.
#[test]
fn at_80_columns_the_threshold_is_never_cut() {
    let mut narrow = builtin((80, 24), false);
    let mut wide = builtin((200, 50), false);
    let n = narrow.corpus().articles.len();
    let mut shortened = 0;
    for (l, r) in (0..n)
        .flat_map(|l| (0..n).map(move |r| (l, r)))
        .filter(|(l, r)| l != r)
    {
        for app in [&mut narrow, &mut wide] {
            app.open_compare(l, r);
            app.refresh_layouts();
            keys(app, "9-");
        }
        let threshold = format!("threshold {}", narrow.compare().threshold());
        assert!(threshold.ends_with("0.05"), "{threshold}");
        let rows = narrow.compare().layout().unwrap().drawn_rows();
        for row in 1..=rows {
            for app in [&mut narrow, &mut wide] {
                keys(app, &format!("{row}G"));
            }
            let (said, whole) = (status(&narrow), status(&wide));
            assert!(said.contains(&threshold), "{said}");
            let whole = whole.split("  ").next().unwrap_or_default().trim_end();
            if !said.contains(whole) {
                shortened += 1;
                assert!(whole.contains(&threshold), "{whole}");
            }
        }
    }
    assert!(
        shortened > 0,
        "some row's status was too long for 80 columns"
    );
}

/// `z` says what it did, and the status line keeps saying it, as the
/// reader's does.
#[test]
fn z_says_whether_the_chrome_is_folded() {
    let mut app = compare_000_and_004();
    keys(&mut app, "z");
    assert!(status(&app).starts_with("Site chrome and metadata unfolded · z folds"));
    keys(&mut app, "j");
    assert!(status(&app).contains(" · unfolded"), "{}", status(&app));
    keys(&mut app, "z");
    assert!(status(&app).starts_with("Site chrome and metadata folded"));
    keys(&mut app, "j");
    assert!(!status(&app).contains("unfolded"), "{}", status(&app));
}
