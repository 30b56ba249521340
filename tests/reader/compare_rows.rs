//! A count before `G` in the compare view goes to the row the status line
//! numbers so, as `43G` goes to line 43 in vim: rows as drawn side by
//! side, where unpaired blocks of both sides share one row and a fold of
//! chrome is one row. Scrolling down counts them one by one, and `NG`
//! puts row N on top with the status saying "row N/". Keys typed into
//! `App`, the status row read off the frame.

use crate::support::app::{builtin, status_line as status};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use parallax::ui::app::{App, ScreenId};
use parallax::ui::run::key_message;

fn keys(app: &mut App, typed: &str) {
    for c in typed.chars() {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        if let Some(msg) = key_message(app, &key) {
            app.update(msg);
        }
    }
}

/// Mark 000 and 004 in the library and compare them, as the report did.
fn compare_000_and_004(size: (u16, u16)) -> App {
    let mut app = builtin(size, false);
    keys(&mut app, " jjjj c");
    assert_eq!(app.screen(), ScreenId::Compare);
    app
}

/// "row 43/71 …" → (43, 71).
fn row_said(app: &App) -> (usize, usize) {
    let said = status(app);
    let rest = said.trim_start().strip_prefix("row ").expect(&said);
    let (n, rest) = rest.split_once('/').expect(&said);
    let total: String = rest.chars().take_while(char::is_ascii_digit).collect();
    (n.parse().unwrap(), total.parse().unwrap())
}

#[test]
fn rows_are_numbered_one_by_one_down_the_pair() {
    let mut app = compare_000_and_004((100, 30));
    let (first, total) = row_said(&app);
    assert_eq!(first, 1);
    let mut last = 1;
    loop {
        let top = app.compare().scroll()[0];
        keys(&mut app, "j");
        if app.compare().scroll()[0] == top {
            break;
        }
        let (n, t) = row_said(&app);
        assert_eq!(t, total);
        assert!(n == last || n == last + 1, "row {last} then row {n}");
        last = n;
    }
    assert!(last > 40, "{last} rows passed");
}

#[test]
fn a_count_before_g_lands_on_the_row_so_numbered() {
    let mut app = compare_000_and_004((100, 30));
    // Scrolled to, each row's first line names it; `NG` goes there.
    let mut first_line = Vec::new();
    loop {
        let top = app.compare().scroll()[0];
        let (n, _) = row_said(&app);
        if first_line.len() < n {
            first_line.push(top);
        }
        keys(&mut app, "j");
        if app.compare().scroll()[0] == top {
            break;
        }
    }
    assert!(first_line.len() > 43);
    for n in [43, 19, 1, first_line.len()] {
        keys(&mut app, &format!("{n}G"));
        assert_eq!(app.compare().scroll()[0], first_line[n - 1], "{n}G");
        assert_eq!(row_said(&app).0, n, "{n}G: {}", status(&app));
    }
    // Past the last row: the last, as vim's 9999G.
    keys(&mut app, "9999G");
    assert_eq!(row_said(&app).0, first_line.len());
}

#[test]
fn a_row_with_blocks_of_both_sides_says_both() {
    let mut app = compare_000_and_004((100, 30));
    let beside = (1..60).find(|n| {
        keys(&mut app, &format!("{n}G"));
        status(&app).contains("left only · right only")
    });
    let n = beside.expect("a row with an unpaired block on each side");
    let compare = app.compare();
    let layout = compare.layout().unwrap();
    let line = &layout.lines[compare.scroll()[0]];
    assert!(!line.left.is_empty() && !line.right.is_empty(), "row {n}");
}

#[test]
fn a_count_before_g_keeps_to_the_focused_pane_when_unlocked() {
    let mut app = compare_000_and_004((100, 30));
    keys(&mut app, "l");
    app.update(key_message(&app, &KeyEvent::from(KeyCode::Tab)).unwrap());
    keys(&mut app, "12G");
    let [left, right] = app.compare().scroll();
    assert_eq!(left, 0, "the left pane stayed");
    let layout = app.compare().layout().unwrap();
    assert_eq!(Some(right), layout.line_of_drawn_row(11));
    assert_eq!(row_said(&app).0, 12, "{}", status(&app));
}
