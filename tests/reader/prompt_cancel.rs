//! `ctrl-c` in a prompt, the palette, the bookmark list or help cancels it
//! as `esc` does (vim, less, fzf), and quits only from a view; `ctrl-o`
//! goes back through the jump list as in vim, leaving a search on.

use crate::support::app::builtin;
use crate::typed::{keys, send};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use parallax::ui::app::{App, Effect, Overlay, ScreenId};
use parallax::ui::run::key_message;
use parallax::ui::screens::Screen;

/// `ctrl-` and `c`, as the terminal sends it: what the update answered.
fn ctrl(app: &mut App, c: char) -> Effect {
    let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    let msg = key_message(app, &key).expect("bound");
    app.update(msg)
}

/// The reader on the first article.
fn reading() -> App {
    let mut app = builtin((80, 24), false);
    send(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), ScreenId::Reader);
    app
}

#[test]
fn ctrl_c_cancels_the_search_prompt_and_what_was_typed() {
    let mut app = reading();
    keys(&mut app, "/ab");
    assert_eq!(app.overlay(), Some(Overlay::Search));
    assert_eq!(ctrl(&mut app, 'c'), Effect::None, "not a quit");
    assert_eq!(app.overlay(), None);
    assert_eq!(app.screen(), ScreenId::Reader);
    let find = app.current().find().expect("the reader searches");
    assert!(!find.is_active(), "the phrase typed is dropped, as by esc");
    // F's prompt too.
    keys(&mut app, "F ab");
    assert_eq!(ctrl(&mut app, 'c'), Effect::None);
    assert_eq!((app.overlay(), app.screen()), (None, ScreenId::Reader));
}

#[test]
fn ctrl_c_cancels_the_bookmark_note_and_keeps_no_bookmark() {
    let mut app = reading();
    keys(&mut app, "m abc");
    assert_eq!(app.overlay(), Some(Overlay::Prompt));
    assert_eq!(ctrl(&mut app, 'c'), Effect::None);
    assert_eq!(app.overlay(), None);
    assert!(app.take_bookmark_edits().is_empty(), "nothing bookmarked");
    assert!(
        app.message().is_some(),
        "the cancel is said, as esc says it"
    );
}

#[test]
fn ctrl_c_closes_the_palette_the_bookmark_list_and_help() {
    let mut app = reading();
    for (open, overlay) in [
        ("t ab", Overlay::Palette),
        ("' ab", Overlay::Bookmarks),
        ("?", Overlay::Help),
    ] {
        keys(&mut app, open);
        assert_eq!(app.overlay(), Some(overlay), "{open}");
        assert_eq!(ctrl(&mut app, 'c'), Effect::None, "{open}: not a quit");
        assert_eq!(app.overlay(), None, "{open}");
        assert_eq!(app.screen(), ScreenId::Reader, "{open}");
    }
}

#[test]
fn ctrl_c_still_quits_from_a_view() {
    let mut app = reading();
    assert_eq!(ctrl(&mut app, 'c'), Effect::Quit);
    let mut app = builtin((80, 24), false);
    assert_eq!(ctrl(&mut app, 'c'), Effect::Quit, "from the library");
}

#[test]
fn ctrl_o_goes_back_leaving_the_search_on_where_esc_clears_it_first() {
    let mut app = reading();
    keys(&mut app, "/Key");
    send(&mut app, KeyCode::Enter);
    assert!(app.current().find().is_some_and(|f| f.is_active()));
    assert_eq!(ctrl(&mut app, 'o'), Effect::None);
    assert_eq!(app.screen(), ScreenId::Library, "back at once");
    assert!(
        app.reader().find().is_some_and(|f| f.is_active()),
        "the reader's search stays"
    );
    // esc in the reader clears the search first, and stays.
    let mut app = reading();
    keys(&mut app, "/Key");
    send(&mut app, KeyCode::Enter);
    send(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), ScreenId::Reader);
    // Over an overlay, ctrl-o closes it.
    keys(&mut app, "?");
    ctrl(&mut app, 'o');
    assert_eq!((app.overlay(), app.screen()), (None, ScreenId::Reader));
}
