//! The lookup rule and merging a user keymap over the default.

use super::{key, press, shown, user};
use parallax::ui::action::{Action, ViewId};
use parallax::ui::keymap::Keymap;

#[test]
fn palette_keeps_typed_characters_out_of_global() {
    let keymap = Keymap::default_keymap();
    for text in ["q", "?", "/", "t", "L", "M", "space", "j"] {
        assert_eq!(
            keymap.action_for(ViewId::Palette, &press(text)),
            None,
            "{text}"
        );
        assert!(key(text).is_text_input(), "{text}");
    }
    // Keys that do not type text still reach [global].
    assert_eq!(
        keymap.action_for(ViewId::Palette, &press("ctrl-z")),
        Some(Action::Suspend)
    );
    // ctrl-c cancels the palette (its own binding) instead of quitting.
    assert_eq!(
        keymap.action_for(ViewId::Palette, &press("ctrl-c")),
        Some(Action::Back)
    );
    assert_eq!(
        keymap.action_for(ViewId::Palette, &press("f1")),
        Some(Action::Help)
    );
    // The same printable keys do fall through elsewhere.
    assert_eq!(
        keymap.action_for(ViewId::Topic, &press("q")),
        Some(Action::Quit)
    );
    assert_eq!(
        keymap.action_for(ViewId::Topic, &press("/")),
        Some(Action::Search)
    );
    assert_eq!(
        keymap.action_for(ViewId::Topic, &press("t")),
        Some(Action::Topics)
    );
}

#[test]
fn keys_for_lists_the_keys_that_reach_an_action_in_a_view() {
    let keymap = Keymap::default_keymap();
    assert_eq!(
        shown(&keymap.keys_for(ViewId::Reader, Action::Help)),
        ["?", "f1"]
    );
    assert_eq!(
        shown(&keymap.keys_for(ViewId::Palette, Action::Help)),
        ["f1"]
    );
    assert_eq!(
        shown(&keymap.keys_for(ViewId::Reader, Action::ScrollDown)),
        ["j", "↓"]
    );
    assert!(
        keymap
            .keys_for(ViewId::Reader, Action::SwapPanes)
            .is_empty()
    );
}

#[test]
fn bindings_are_grouped_by_action_in_declaration_order() {
    let bindings = Keymap::default_keymap().bindings(ViewId::Library);
    let order: Vec<usize> = bindings
        .iter()
        .map(|(a, _)| {
            Action::ALL
                .iter()
                .position(|x| x == a)
                .unwrap_or(usize::MAX)
        })
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    let page_up = bindings.iter().find(|(a, _)| *a == Action::PageUp);
    let page_up_keys = page_up.map(|(_, keys)| shown(keys)).unwrap_or_default();
    assert_eq!(page_up_keys, ["PgUp", "ctrl-b", "b"]);
}

#[test]
fn user_key_replaces_that_key_only() {
    let keymap = user("[reader]\n\"x\" = \"quit\"\n\"j\" = \"scroll_up\"\n");
    assert_eq!(
        keymap.action_for(ViewId::Reader, &press("x")),
        Some(Action::Quit)
    );
    assert_eq!(
        keymap.action_for(ViewId::Reader, &press("j")),
        Some(Action::ScrollUp)
    );
    // Other default keys stay, in this view and others.
    assert_eq!(
        keymap.action_for(ViewId::Reader, &press("down")),
        Some(Action::ScrollDown)
    );
    assert_eq!(
        keymap.action_for(ViewId::Reader, &press("k")),
        Some(Action::ScrollUp)
    );
    assert_eq!(
        keymap.action_for(ViewId::Library, &press("j")),
        Some(Action::ScrollDown)
    );
    assert_eq!(keymap.action_for(ViewId::Library, &press("x")), None);
    // Help shows what is in effect.
    assert_eq!(
        shown(&keymap.keys_for(ViewId::Reader, Action::ScrollDown)),
        ["↓"]
    );
    assert_eq!(
        shown(&keymap.keys_for(ViewId::Reader, Action::Quit)),
        ["x", "q", "ctrl-c"]
    );
}

#[test]
fn noop_unbinds_a_key() {
    let keymap = user("[global]\n\"q\" = \"noop\"\n");
    assert_eq!(keymap.action_for(ViewId::Reader, &press("q")), None);
    assert_eq!(keymap.action_for(ViewId::Global, &press("q")), None);
    assert_eq!(
        keymap.action_for(ViewId::Reader, &press("ctrl-c")),
        Some(Action::Quit)
    );
    assert_eq!(
        shown(&keymap.keys_for(ViewId::Global, Action::Quit)),
        ["ctrl-c"]
    );
}

#[test]
fn noop_in_a_view_hides_the_global_key_there_only() {
    let keymap = user("[reader]\n\"q\" = \"noop\"\n");
    assert_eq!(keymap.action_for(ViewId::Reader, &press("q")), None);
    assert_eq!(
        keymap.action_for(ViewId::Library, &press("q")),
        Some(Action::Quit)
    );
}

#[test]
fn user_key_spelt_differently_still_replaces_the_default() {
    let keymap = user("[reader]\n\"C-d\" = \"page_down\"\n\"PageDown\" = \"noop\"\n");
    assert_eq!(
        keymap.action_for(ViewId::Reader, &press("ctrl-d")),
        Some(Action::PageDown)
    );
    assert_eq!(keymap.action_for(ViewId::Reader, &press("pagedown")), None);
}
