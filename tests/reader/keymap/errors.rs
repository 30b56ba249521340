//! Every kind of keymap error names file, line and column.

use super::{press, user, user_error};
use parallax::ui::action::{Action, ViewId};
use parallax::ui::keymap::{
    DEFAULT_KEYMAP_TOML, Keymap, KeymapError, KeymapProblem, action_belongs_in,
};
use std::path::Path;

fn located(err: &KeymapError) -> (usize, usize) {
    match err {
        KeymapError::Invalid { position, .. } => (position.line, position.column),
        other => panic!("expected a located error, got {other}"),
    }
}

#[test]
fn unknown_action_is_reported_at_the_value_with_a_suggestion() {
    let err = user_error("[reader]\n\"j\" = \"scroll_down\"\n\"k\" = \"scrol_down\"\n");
    assert_eq!(located(&err), (3, 7));
    assert_eq!(
        err.to_string(),
        "keymap.toml:3:7: unknown action \"scrol_down\" (did you mean \"scroll_down\"?)"
    );
}

#[test]
fn unknown_view_is_reported_at_the_table_name() {
    let err = user_error("[global]\n\"q\" = \"quit\"\n\n[reder]\n\"j\" = \"scroll_down\"\n");
    assert_eq!(located(&err), (4, 2));
    assert_eq!(
        err.to_string(),
        "keymap.toml:4:2: unknown view \"reder\" (did you mean \"reader\"?)"
    );
    let err = user_error("[keys]\n");
    assert_eq!(
        err.to_string(),
        "keymap.toml:1:2: unknown view \"keys\" (views are [global], [library], [reader], \
         [compare], [palette], [topic], [matrix], [help], [prompt], [bookmarks], [search], \
         [results], [quotes], [passages], [variants], [elsewhere])"
    );
}

#[test]
fn bad_key_is_reported_at_the_key() {
    let err = user_error("[reader]\n  \"ctl-d\" = \"half_page_down\"\n");
    assert_eq!(located(&err), (2, 3));
    assert_eq!(
        err.to_string(),
        "keymap.toml:2:3: bad key \"ctl-d\": unknown modifier \"ctl\" (use ctrl-, alt- or shift-)"
    );
}

#[test]
fn duplicate_key_in_two_spellings_is_reported_at_the_second() {
    let err = user_error("[reader]\n\"ctrl-d\" = \"half_page_down\"\n\"C-d\" = \"page_down\"\n");
    assert_eq!(located(&err), (3, 1));
    assert_eq!(
        err.to_string(),
        "keymap.toml:3:1: duplicate key \"C-d\" in this table \
         (already bound as \"ctrl-d\" on line 2)"
    );
    let err = user_error("[compare]\n\"pagedown\" = \"page_down\"\n\"PageDown\" = \"page_up\"\n");
    assert_eq!(located(&err), (3, 1));
}

#[test]
fn duplicate_key_written_the_same_way_is_reported_at_the_second() {
    let err = user_error("[reader]\n\"j\" = \"scroll_down\"\n\"j\" = \"scroll_up\"\n");
    assert_eq!(located(&err), (3, 1));
    assert_eq!(
        err.to_string(),
        "keymap.toml:3:1: duplicate key \"j\" in this table"
    );
}

#[test]
fn same_key_in_two_tables_is_not_a_duplicate() {
    let keymap = user("[reader]\n\"x\" = \"quit\"\n[library]\n\"x\" = \"quit\"\n");
    assert_eq!(
        keymap.action_for(ViewId::Library, &press("x")),
        Some(Action::Quit)
    );
}

#[test]
fn toml_syntax_error_is_reported_where_the_parser_stopped() {
    let err = user_error("[reader]\n\"j\" = scroll_down\n");
    assert_eq!(located(&err), (2, 7));
    assert!(
        err.to_string()
            .starts_with("keymap.toml:2:7: TOML syntax error: "),
        "{err}"
    );
    let err = user_error("[reader\n");
    assert_eq!(located(&err).0, 1);
    let err = user_error("[reader]\n[reader]\n");
    assert_eq!(
        err.to_string(),
        "keymap.toml:2:2: table [reader] is written twice"
    );
}

#[test]
fn action_outside_its_views_and_wrong_types_are_errors() {
    let err = user_error("[palette]\n\"ctrl-s\" = \"swap_panes\"\n");
    assert_eq!(located(&err), (2, 12));
    assert!(matches!(
        err,
        KeymapError::Invalid {
            problem: KeymapProblem::ActionNotInView {
                action: Action::SwapPanes,
                view: ViewId::Palette
            },
            ..
        }
    ));
    let err = user_error("reader = \"quit\"\n");
    assert_eq!(located(&err), (1, 10));
    let err = user_error("[reader]\n\"j\" = 3\n");
    assert_eq!(located(&err), (2, 7));
}

#[test]
fn every_binding_the_parser_accepts_is_allowed_in_its_view() {
    assert!(action_belongs_in(Action::Quit, ViewId::Reader));
    assert!(action_belongs_in(Action::ScrollDown, ViewId::Global));
    assert!(action_belongs_in(Action::Noop, ViewId::Palette));
    assert!(!action_belongs_in(Action::SwapPanes, ViewId::Reader));
}

/// Cutting the default file anywhere, or feeding odd text, gives a keymap
/// or a one-line error, never a panic.
#[test]
fn any_text_gives_a_keymap_or_a_one_line_error() {
    let text = DEFAULT_KEYMAP_TOML;
    let cuts = (0..text.len())
        .step_by(5)
        .filter(|&i| text.is_char_boundary(i));
    let odd = [
        "\u{0}",
        "[",
        "]",
        "=",
        "\"\" = \"quit\"",
        "[reader]\n\"\" = \"quit\"",
        "[reader]\n\"ctrl-\" = \"quit\"",
        "[reader]\n\"é\" = \"quit\"",
        "[[reader]]\n\"j\" = \"quit\"",
        "[reader]\nj.k = \"quit\"",
        "global = []",
        "[reader]\n\"j\" = { a = 1 }",
        "[reader]\n\"j\" = \"\"",
        "\u{feff}[reader]",
    ];
    let inputs = cuts.map(|i| &text[..i]).chain(odd);
    for input in inputs {
        if let Err(err) = Keymap::from_user_str(input, Path::new("k.toml")) {
            let line = err.to_string();
            assert!(line.starts_with("k.toml:"), "{line}");
            assert!(!line.contains('\n'), "{line}");
        }
    }
}

#[test]
fn a_keymap_that_leaves_no_way_to_quit_is_refused() {
    let err = user_error("[global]\n\"q\" = \"noop\"\n\"ctrl-c\" = \"noop\"\n");
    assert!(matches!(err, KeymapError::NoQuit { .. }), "{err}");
    let line = err.to_string();
    assert!(line.starts_with("keymap.toml: no key quits"), "{line}");
    assert_eq!(line.lines().count(), 1);
    // Quit moved to another key, or kept in the library's own table, is
    // a way out.
    for moved in [
        "[global]\n\"q\" = \"noop\"\n\"ctrl-c\" = \"noop\"\n\"ctrl-q\" = \"quit\"\n",
        "[global]\n\"q\" = \"noop\"\n\"ctrl-c\" = \"noop\"\n[library]\n\"x\" = \"quit\"\n",
    ] {
        assert!(
            Keymap::from_user_str(moved, Path::new("k.toml")).is_ok(),
            "{moved}"
        );
    }
}
