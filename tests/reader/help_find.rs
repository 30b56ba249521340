//! `/` in help searches the help, as in less: the phrase is typed on the
//! status line with help still open, the hits are marked and brought on
//! screen, n and N step through them, esc ends the search and then
//! closes help.

use crate::support::app::{builtin, screen_text, status_line};
use crate::typed::{keys, send};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use parallax::ui::action::ViewId;
use parallax::ui::app::{App, Overlay, ScreenId};
use parallax::ui::run::key_message;
use parallax::ui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;

/// The reader on the first article, help open over it, in colour.
fn help_over_reader() -> App {
    let mut app = builtin((80, 24), true);
    send(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), ScreenId::Reader);
    keys(&mut app, "?");
    assert_eq!(app.overlay(), Some(Overlay::Help));
    app
}

/// The text of the cells drawn as search hits.
fn marked(app: &App) -> Vec<String> {
    let (w, h) = app.size();
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| view::draw(f, app)).unwrap();
    let buf = term.backend().buffer();
    let mut runs = Vec::new();
    for y in 0..h {
        let mut run = String::new();
        for x in 0..w {
            if matches!(buf[(x, y)].bg, Color::Yellow | Color::Cyan) {
                run.push_str(buf[(x, y)].symbol());
            } else if !run.is_empty() {
                runs.push(std::mem::take(&mut run));
            }
        }
        if !run.is_empty() {
            runs.push(run);
        }
    }
    runs
}

#[test]
fn slash_in_help_searches_the_help_and_keeps_it_open() {
    let mut app = help_over_reader();
    keys(&mut app, "/");
    assert_eq!(app.overlay(), Some(Overlay::Help), "help stays");
    assert_eq!(app.view_id(), ViewId::Search, "the keys type the phrase");
    // q and ? are text here, not quit and help.
    keys(&mut app, "digits");
    assert_eq!(app.overlay(), Some(Overlay::Help));
    let status = status_line(&app);
    assert!(status.starts_with("/digits"), "{status}");
    send(&mut app, KeyCode::Enter);
    assert_eq!(
        (app.overlay(), app.view_id()),
        (Some(Overlay::Help), ViewId::Help)
    );
    // The hit is brought on screen and marked; the help scrolled to it.
    let screen = screen_text(&app);
    assert!(screen.contains("Digits before a key"), "{screen}");
    assert_eq!(marked(&app), vec!["Digits".to_string()], "{screen}");
    let status = status_line(&app);
    assert!(status.contains("/digits 1/1"), "{status}");
    // n wraps, and says so.
    keys(&mut app, "n");
    let status = status_line(&app);
    assert!(status.contains("search hit BOTTOM"), "{status}");
    // esc ends the search, help stays; esc again closes it.
    send(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay(), Some(Overlay::Help));
    assert!(marked(&app).is_empty());
    send(&mut app, KeyCode::Esc);
    assert_eq!((app.overlay(), app.screen()), (None, ScreenId::Reader));
    // The reader's own search was not touched.
    assert!(!status_line(&app).contains("digits"));
}

#[test]
fn n_steps_through_several_hits_and_a_missing_phrase_is_said() {
    let mut app = help_over_reader();
    keys(&mut app, "/paragraph");
    send(&mut app, KeyCode::Enter);
    let status = status_line(&app);
    assert!(status.contains("/paragraph 1/"), "{status}");
    keys(&mut app, "n");
    let status = status_line(&app);
    assert!(status.contains("/paragraph 2/"), "{status}");
    keys(&mut app, "N");
    assert!(status_line(&app).contains("/paragraph 1/"));
    // A phrase the help lacks.
    send(&mut app, KeyCode::Esc);
    keys(&mut app, "/zqzq");
    assert!(status_line(&app).contains("not found"));
    send(&mut app, KeyCode::Enter);
    assert!(status_line(&app).contains("Pattern not found: zqzq"));
    assert_eq!(app.overlay(), Some(Overlay::Help));
}

#[test]
fn ctrl_c_or_esc_in_the_help_prompt_cancel_the_search_only() {
    let mut app = help_over_reader();
    keys(&mut app, "/digits");
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    let msg = key_message(&app, &ctrl_c).unwrap();
    app.update(msg);
    assert_eq!(
        (app.overlay(), app.view_id()),
        (Some(Overlay::Help), ViewId::Help)
    );
    assert!(marked(&app).is_empty(), "the phrase is dropped");
    keys(&mut app, "/digits");
    send(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay(), Some(Overlay::Help));
    assert!(marked(&app).is_empty());
    // n with no search says how to search.
    keys(&mut app, "n");
    assert!(status_line(&app).contains("No search: / searches this help"));
}
