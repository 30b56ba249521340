//! The compare view's panes unlocked: the focused pane scrolls through
//! its own article's text (not through the blank rows where only the
//! other side has text), and a resize keeps the block on top of each pane,
//! as the partner key or the elsewhere view put them there. Keys typed
//! into `App`, the frame read off a TestBackend.

use crate::support::app::{act, builtin, screen_text, title_line};
use crate::typed::{keys, send};
use crossterm::event::KeyCode;
use parallax::corpus::BlockKind;
use parallax::ui::action::Action;
use parallax::ui::app::{App, ScreenId};
use parallax::ui::update::Msg;

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

/// The block on the top line of each pane.
fn tops(app: &App) -> [Option<usize>; 2] {
    let c = app.compare();
    let layout = c.layout().expect("the pair laid out");
    [0, 1].map(|pane| layout.block_on(pane, c.scroll()[pane]))
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

#[test]
fn a_resize_keeps_the_partner_beside_the_paragraph() {
    let mut app = builtin((120, 40), false);
    let (left, right) = (id_of(&app, "000"), id_of(&app, "002"));
    app.open_compare(left, right);
    app.refresh_layouts();
    // An unpaired left paragraph, on top, beside its likeliest partner.
    let line = {
        let c = app.compare();
        let (data, layout) = (c.data().unwrap(), c.layout().unwrap());
        let row = data
            .alignment
            .rows
            .iter()
            .position(|r| {
                r.right.is_none()
                    && r.left.is_some_and(|b| {
                        app.corpus().articles[left].blocks[b].kind == BlockKind::Paragraph
                    })
            })
            .expect("an unpaired left paragraph");
        layout.drawn_row_at(layout.row_line[row]).unwrap() + 1
    };
    keys(&mut app, &format!("{line}G"));
    keys(&mut app, "p");
    let shown = tops(&app);
    let said = app.message().unwrap().as_str().to_string();
    assert!(said.starts_with("Partner 1/"), "{said}");
    let why = title_line(&app);
    assert!(shown[0].is_some() && shown[1].is_some(), "{shown:?}");
    for size in [(80, 24), (200, 50), (120, 40)] {
        app.update(Msg::Resize(size.0, size.1));
        assert_eq!(tops(&app), shown, "at {size:?}");
        if size == (120, 40) {
            assert_eq!(title_line(&app), why, "the partner's evidence stays");
        }
    }
    // `p` again still steps on to the next partner.
    keys(&mut app, "p");
    let said = app.message().unwrap().as_str().to_string();
    assert!(said.starts_with("Partner 2/"), "{said}");
}

#[test]
fn a_resize_keeps_the_two_paragraphs_elsewhere_put_beside() {
    let mut app = builtin((80, 24), false);
    app.open_reader(id_of(&app, "001"), Some(12));
    app.refresh_layouts();
    keys(&mut app, "e");
    assert_eq!(app.screen(), ScreenId::Elsewhere);
    send(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), ScreenId::Compare);
    assert!(!app.compare().locked());
    let shown = tops(&app);
    assert!(shown[0].is_some() && shown[1].is_some(), "{shown:?}");
    for size in [(60, 20), (80, 24), (200, 50)] {
        app.update(Msg::Resize(size.0, size.1));
        assert_eq!(tops(&app), shown, "at {size:?}");
    }
}
