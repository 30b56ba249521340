use super::*;
use crate::ui::screens::compare::CompareLine;
use crate::ui::styled::Tag;

/// A layout whose lines hold text in the right pane where `right` says
/// so (the left pane everywhere).
fn layout(right: &str) -> CompareLayout {
    let text = |on: bool| {
        if on {
            vec![("words".to_string(), Tag::Text)]
        } else {
            Vec::new()
        }
    };
    let lines = right
        .chars()
        .map(|c| CompareLine {
            left: text(true),
            right: text(c == '#'),
            mark: Vec::new(),
            row: Some(0),
        })
        .collect();
    CompareLayout {
        lines,
        ..Default::default()
    }
}

#[test]
fn a_pane_scrolled_alone_skips_the_lines_where_only_the_other_side_has_text() {
    // The right pane: a title, forty blank lines, a paragraph, a blank
    // line, a last paragraph.
    let shape = format!("#.{}###.##", ".".repeat(40));
    let l = layout(&shape);
    let step = |top, action| l.moved_alone(1, top, action, 10);
    assert_eq!(step(0, Action::ScrollDown), Some(42), "past the blank run");
    assert_eq!(step(42, Action::ScrollDown), Some(43));
    assert_eq!(
        step(44, Action::ScrollDown),
        Some(46),
        "past the blank line"
    );
    assert_eq!(
        step(46, Action::ScrollDown),
        Some(46),
        "the last paragraph on top"
    );
    assert_eq!(step(46, Action::ScrollUp), Some(44));
    assert_eq!(
        step(42, Action::ScrollUp),
        Some(0),
        "back over the blank run"
    );
    assert_eq!(
        step(0, Action::PageDown),
        Some(42),
        "the first line not shown"
    );
    assert_eq!(step(46, Action::PageUp), Some(42));
    assert_eq!(step(42, Action::PageUp), Some(0));
    assert_eq!(step(46, Action::Top), Some(0));
    assert_eq!(step(0, Action::Bottom), Some(42), "its last page");
    // The left pane has text on every line (one long paragraph): as the
    // rows go, to its last page.
    assert_eq!(l.moved_alone(0, 0, Action::ScrollDown, 10), Some(1));
    assert_eq!(l.moved_alone(0, 0, Action::PageDown, 100), Some(0));
    assert_eq!(l.moved_alone(0, 37, Action::PageDown, 10), Some(38));
    assert_eq!(step(3, Action::Confirm), None);
}

#[test]
fn a_pane_with_no_text_is_left_to_the_rows() {
    let l = layout("....");
    assert_eq!(l.moved_alone(1, 0, Action::ScrollDown, 10), None);
}
