//! The built-in keymap: complete, unambiguous, and doing what the spec says.

use super::{key, press};
use crossterm::event::{KeyCode as TermCode, KeyEvent, KeyModifiers};
use parallax::ui::action::{Action, ViewId};
use parallax::ui::keymap::{DEFAULT_KEYMAP_TOML, Key, Keymap, takes_text_input};
use std::collections::BTreeMap;

#[test]
fn default_keymap_binds_every_action_in_a_view_where_it_works() {
    let keymap = Keymap::default_keymap();
    for &action in Action::ALL {
        if action == Action::Noop {
            continue;
        }
        let bound_in: Vec<ViewId> = ViewId::ALL
            .into_iter()
            .filter(|&view| keymap.bindings(view).iter().any(|(a, _)| *a == action))
            .collect();
        assert!(!bound_in.is_empty(), "{action} has no key");
        for view in bound_in {
            let sensible =
                action.views().contains(&view) || action.views().contains(&ViewId::Global);
            assert!(sensible, "{action} is bound in [{}]", view.name());
        }
    }
}

#[test]
fn default_global_table_holds_only_global_actions() {
    for (action, _) in Keymap::default_keymap().bindings(ViewId::Global) {
        assert!(action.views().contains(&ViewId::Global), "{action}");
    }
}

/// Scans the raw file on its own (not through the keymap parser) so that a
/// careless edit adding a key twice, in any spelling, fails here too.
#[test]
fn default_file_has_no_key_twice_in_a_table() {
    let mut tables: BTreeMap<String, Vec<Key>> = BTreeMap::new();
    let mut current = String::new();
    for line in DEFAULT_KEYMAP_TOML.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            assert!(!tables.contains_key(name), "table [{name}] written twice");
            current = name.to_string();
            tables.insert(current.clone(), Vec::new());
            continue;
        }
        let (raw_key, _) = line
            .split_once(" = ")
            .unwrap_or_else(|| panic!("not a binding: {line}"));
        let parsed = key(raw_key.trim_matches('"'));
        let keys = tables.entry(current.clone()).or_default();
        assert!(!keys.contains(&parsed), "{raw_key} twice in [{current}]");
        keys.push(parsed);
    }
    let names: Vec<&str> = tables.keys().map(String::as_str).collect();
    let mut expected: Vec<&str> = ViewId::ALL.iter().map(|v| v.name()).collect();
    expected.sort();
    assert_eq!(names, expected, "one table per view");
}

/// The palette, the prompts and the bookmark list take typed text: a key
/// there that types (`d` to delete a bookmark) could not be typed.
#[test]
fn default_text_views_bind_only_keys_that_do_not_type_text() {
    let keymap = Keymap::default_keymap();
    let text_views = ViewId::ALL.into_iter().filter(|&v| takes_text_input(v));
    let names: Vec<&str> = text_views.clone().map(ViewId::name).collect();
    assert_eq!(names, ["palette", "prompt", "bookmarks", "search"]);
    for view in text_views {
        for (action, keys) in keymap.bindings(view) {
            for k in keys {
                assert!(
                    !k.is_text_input(),
                    "{k} ({action}) in [{}] would steal a typed character",
                    view.name()
                );
            }
        }
    }
}

#[test]
fn default_keys_do_what_the_spec_says() {
    let keymap = Keymap::default_keymap();
    let cases = [
        (ViewId::Reader, "q", Action::Quit),
        (ViewId::Reader, "ctrl-c", Action::Quit),
        (ViewId::Library, "?", Action::Help),
        (ViewId::Compare, "f1", Action::Help),
        (ViewId::Reader, "esc", Action::Back),
        (ViewId::Reader, "j", Action::ScrollDown),
        (ViewId::Reader, "down", Action::ScrollDown),
        (ViewId::Reader, "pagedown", Action::PageDown),
        (ViewId::Reader, "G", Action::Bottom),
        (ViewId::Reader, "end", Action::Bottom),
        (ViewId::Reader, "g", Action::Top),
        (ViewId::Library, "space", Action::ToggleMark),
        (ViewId::Compare, ")", Action::NextLeft),
        (ViewId::Compare, "(", Action::PrevLeft),
        (ViewId::Compare, "]", Action::NextRight),
        (ViewId::Compare, "[", Action::PrevRight),
        (ViewId::Matrix, "l", Action::Right),
        (ViewId::Matrix, "L", Action::Library),
        (ViewId::Help, "q", Action::Back),
        (ViewId::Bookmarks, "delete", Action::DeleteBookmark),
        (ViewId::Bookmarks, "ctrl-x", Action::DeleteBookmark),
    ];
    for (view, text, action) in cases {
        assert_eq!(
            keymap.action_for(view, &press(text)),
            Some(action),
            "{text} in [{}]",
            view.name()
        );
    }
}

#[test]
fn uppercase_letter_matches_whether_or_not_shift_is_reported() {
    let keymap = Keymap::default_keymap();
    let with_shift = KeyEvent::new(TermCode::Char('G'), KeyModifiers::SHIFT);
    let without_shift = KeyEvent::new(TermCode::Char('G'), KeyModifiers::NONE);
    let lowercase = KeyEvent::new(TermCode::Char('g'), KeyModifiers::NONE);
    assert_eq!(
        keymap.action_for(ViewId::Reader, &with_shift),
        Some(Action::Bottom)
    );
    assert_eq!(
        keymap.action_for(ViewId::Reader, &without_shift),
        Some(Action::Bottom)
    );
    assert_eq!(
        keymap.action_for(ViewId::Reader, &lowercase),
        Some(Action::Top)
    );
}
