//! A list view's title too long for the title row cuts what the view is
//! about (an event's label, a paragraph), or says its counts in fewer
//! words, and keeps the counts and the `/` filter note whole. Keys typed
//! into `App` through the keymap, the frame read as text at 80 columns.

use crate::support::app::{builtin, title_line};
use crate::typed::{keys, send};
use crossterm::event::KeyCode;
use parallax::ui::app::ScreenId;

/// The filter note the title ends with, read back: ("va", 2) from
/// "… · filter “va”: 2".
fn note(title: &str) -> (&str, &str) {
    let (_, note) = title.rsplit_once(" · filter “").expect(title);
    let (phrase, count) = note.split_once("”: ").expect(title);
    assert!(count.chars().all(|c| c.is_ascii_digit()), "{title}");
    (phrase, count)
}

#[test]
fn at_80_columns_the_passages_title_keeps_its_filter_and_counts() {
    let mut app = builtin((80, 24), false);
    keys(&mut app, "P/va");
    send(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), ScreenId::Passages);
    let title = title_line(&app);
    assert_eq!(note(&title).0, "va", "{title}");
    assert!(!title.contains('…'), "{title}");
    let groups = &app.analysis().passages.groups;
    let counts = format!(" parallax │ Shared passages · {} · ", groups.len());
    assert!(title.starts_with(&counts), "{title}");
    assert!(
        title.contains(" across · ") && title.contains(" within · "),
        "{title}"
    );
    // With the room, said in full.
    let mut wide = builtin((200, 50), false);
    keys(&mut wide, "P/va");
    send(&mut wide, KeyCode::Enter);
    let title = title_line(&wide);
    assert!(
        title.contains(" across articles · ") && title.contains(" within one · "),
        "{title}"
    );
}

#[test]
fn at_80_columns_a_matrix_group_title_cuts_the_label_not_the_filter() {
    let mut app = builtin((80, 24), false);
    // e: the selected article's event.
    keys(&mut app, "Me");
    let whole = title_line(&app);
    let (head, label) = whole
        .split_once("(5 articles): ")
        .expect("narrowed to an event");
    assert!(head.ends_with("Coverage · event 1 "), "{whole}");
    keys(&mut app, "/va");
    send(&mut app, KeyCode::Enter);
    let title = title_line(&app);
    assert_eq!(note(&title).0, "va", "{title}");
    let (_, said) = title.split_once("(5 articles): ").expect(&title);
    let (said, _) = said.rsplit_once(" · filter “").unwrap();
    let kept = said.strip_suffix('…').expect(&title);
    assert!(
        !kept.is_empty() && label.starts_with(kept),
        "{title} / {label}"
    );
    assert!(title.chars().count() <= 80, "{title}");
}
