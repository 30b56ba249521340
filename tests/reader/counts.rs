//! Nothing silently ignored: counts before keys work as in vim and less
//! (`5j`, `3n`, `10G`), shown while typed and cancelled by esc; a key bound
//! to nothing says so; messages name keys, not action names.

use crate::typed::{keys, send};
use crossterm::event::KeyCode;
use parallax::analysis::Analysis;
use parallax::corpus;
use parallax::ui::app::{App, Overlay, ScreenId};
use parallax::ui::keymap::Keymap;
use parallax::ui::theme::Theme;
use parallax::ui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;

fn app_with(keymap: Keymap) -> App {
    let corpus = corpus::load_builtin();
    let analysis = Analysis::build(&corpus);
    let mut app = App::new(corpus, analysis, keymap, Theme { color: false }, (100, 30));
    app.refresh_layouts();
    app
}

fn app() -> App {
    app_with(Keymap::default_keymap())
}

fn status(app: &App) -> String {
    let (w, h) = app.size();
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| view::draw(f, app)).unwrap();
    let buf = term.backend().buffer().clone();
    (0..w).map(|x| buf[(x, h - 1)].symbol()).collect()
}

fn reader() -> App {
    let mut app = app();
    send(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), ScreenId::Reader);
    app
}

#[test]
fn a_count_repeats_a_motion() {
    let mut app = reader();
    keys(&mut app, "5j");
    assert_eq!(app.reader().scroll(), 5);
    keys(&mut app, "12j");
    assert_eq!(app.reader().scroll(), 17);
    keys(&mut app, "3k");
    assert_eq!(app.reader().scroll(), 14);
}

#[test]
fn a_count_before_g_goes_to_that_line_and_g_alone_to_the_bottom() {
    let mut app = reader();
    keys(&mut app, "10G");
    assert_eq!(app.reader().scroll(), 9, "line 10 at the top");
    assert!(status(&app).contains("line 10/"), "{}", status(&app));
    keys(&mut app, "G");
    let bottom = app.reader().scroll();
    assert!(bottom > 9);
    keys(&mut app, "1G");
    assert_eq!(app.reader().scroll(), 0);
    let mut lib = self::app();
    keys(&mut lib, "3G");
    assert_eq!(lib.library().selected(), 2, "row 3 of the library");
}

#[test]
fn a_count_repeats_a_jump_between_paired_rows() {
    let mut once = app();
    once.open_compare(0, 2);
    once.refresh_layouts();
    keys(&mut once, "nnn");
    let mut counted = app();
    counted.open_compare(0, 2);
    counted.refresh_layouts();
    keys(&mut counted, "3n");
    assert_eq!(counted.compare().scroll(), once.compare().scroll());
    assert!(counted.compare().scroll()[0] > 0);
}

#[test]
fn digits_show_while_typed_and_esc_cancels_them() {
    let mut app = reader();
    keys(&mut app, "4");
    assert!(status(&app).starts_with("4 · a count"), "{}", status(&app));
    keys(&mut app, "2");
    assert_eq!(app.count(), Some(42));
    assert!(status(&app).starts_with("42 · a count"), "{}", status(&app));
    send(&mut app, KeyCode::Esc);
    assert_eq!(app.count(), None);
    assert_eq!(
        app.screen(),
        ScreenId::Reader,
        "esc cancelled the count only"
    );
    keys(&mut app, "j");
    assert_eq!(app.reader().scroll(), 1);
}

#[test]
fn digits_in_the_palette_are_text() {
    let mut app = app();
    keys(&mut app, "t2025");
    assert_eq!(app.overlay(), Some(Overlay::Palette));
    assert_eq!(app.palette().query, "2025");
    assert_eq!(app.count(), None);
}

#[test]
fn an_unbound_key_says_it_does_nothing() {
    let mut app = reader();
    keys(&mut app, "x");
    assert!(
        status(&app).contains("`x` does nothing here — ? for help"),
        "{}",
        status(&app)
    );
    keys(&mut app, "j");
    assert!(!status(&app).contains("does nothing"), "said once");
    send(&mut app, KeyCode::F(5));
    assert!(status(&app).contains("`f5` does nothing here"));
    keys(&mut app, "0");
    assert!(status(&app).contains("`0` does nothing here"));
    // A count is dropped by a key that does nothing.
    keys(&mut app, "5x");
    assert_eq!(app.count(), None);
}

#[test]
fn messages_name_keys_not_actions() {
    let mut app = app();
    app.open_compare(0, 2);
    app.refresh_layouts();
    keys(&mut app, "l");
    let said = status(&app);
    assert!(said.contains("press tab to switch panes"), "{said}");
    assert!(!said.contains("switch_pane"), "{said}");
    let user = "[compare]\n\"w\" = \"switch_pane\"\n\"tab\" = \"noop\"\n";
    let keymap = Keymap::from_user_str(user, Path::new("user.toml")).unwrap();
    let mut app = app_with(keymap);
    app.open_compare(0, 2);
    app.refresh_layouts();
    keys(&mut app, "l");
    assert!(
        status(&app).contains("press w to switch panes"),
        "{}",
        status(&app)
    );
}

#[test]
fn a_count_before_g_in_compare_names_a_row() {
    let mut app = app();
    app.open_compare(0, 2);
    app.refresh_layouts();
    // Rows as drawn, unpaired blocks of both sides sharing one
    // (`compare_rows` has more).
    let n = 20;
    let line = app.compare().layout().unwrap().line_of_drawn_row(n - 1);
    keys(&mut app, &format!("{n}G"));
    assert_eq!(Some(app.compare().scroll()[0]), line);
    assert!(
        status(&app).starts_with(&format!(" row {n}/")),
        "{}",
        status(&app)
    );
}

#[test]
fn a_message_too_long_for_the_hint_takes_the_whole_status_row() {
    let corpus = corpus::load_builtin();
    let analysis = Analysis::build(&corpus);
    let mut app = App::new(
        corpus,
        analysis,
        Keymap::default_keymap(),
        Theme { color: false },
        (52, 20),
    );
    app.open_compare(0, 2);
    app.refresh_layouts();
    keys(&mut app, "l");
    let said = status(&app);
    assert_eq!(
        said.trim_end(),
        "Panes scroll separately: press tab to switch panes"
    );
}

#[test]
fn help_says_how_counts_work() {
    let mut app = app();
    keys(&mut app, "?G");
    let (w, h) = app.size();
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    // Up from the bottom of the help, page by page, as a reader looks.
    let mut text = String::new();
    for _ in 0..4 {
        term.draw(|f| view::draw(f, &app)).unwrap();
        let buf = term.backend().buffer().clone();
        text.extend(
            (0..h).map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n"),
        );
        keys(&mut app, "b");
    }
    assert!(
        text.contains("Digits before a key repeat it: 5j, 3n;"),
        "{text}"
    );
}

/// A count typed with the key that opens the pair (`c5j` in one go, as a
/// quick typist or a paste sends it) reaches the pair once it is laid
/// out, off the UI thread: the real binary, where the pairing runs on the
/// worker, lands where `5j` typed afterwards does.
#[test]
fn a_count_typed_before_the_pair_is_laid_out_is_kept() {
    use crate::support::pty::{Pty, analysed_library};
    use std::time::Duration;
    const WAIT: Duration = Duration::from_secs(30);
    let row = |s: &str| {
        let last = s.lines().last().unwrap_or_default();
        let rest = last.strip_prefix(" row ")?;
        Some(rest.split('/').next()?.to_string())
    };
    let dir = tempfile::tempdir().unwrap();
    let mut p = Pty::spawn::<&str>(&[], 80, 24, dir.path().as_os_str());
    assert!(p.wait_screen(WAIT, analysed_library), "{}", p.screen());
    // One write: the keys are read together, before the pair is made.
    p.key(b"c5j");
    assert!(p.wait_screen(WAIT, |s| row(s).is_some()), "{}", p.screen());
    let at_once = row(&p.screen()).unwrap();
    assert_ne!(at_once, "1", "the count was lost:\n{}", p.screen());
    p.key(b"\x1b");
    assert!(p.wait_screen(WAIT, |s| s.contains("Library ·")));
    p.key(b"c");
    assert!(p.wait_screen(WAIT, |s| row(s).as_deref() == Some("1")));
    p.key(b"5j");
    let then = |s: &str| row(s).is_some_and(|r| r != "1");
    assert!(p.wait_screen(WAIT, then), "{}", p.screen());
    assert_eq!(row(&p.screen()).unwrap(), at_once);
    p.key(b"q");
    assert_eq!(p.wait_exit(WAIT), Some(0));
}

/// What a move typed before the pair is laid out says (here `n` past the
/// last paired row) reaches the status line once the move is made, as it
/// does for the same keys typed afterwards.
#[test]
fn a_move_typed_before_the_pair_is_laid_out_says_what_it_says_after() {
    use crate::support::pty::{Pty, analysed_library};
    use std::time::Duration;
    const WAIT: Duration = Duration::from_secs(30);
    const PAST: &str = "No further paired paragraph";
    let dir = tempfile::tempdir().unwrap();
    let mut p = Pty::spawn::<&str>(&[], 80, 24, dir.path().as_os_str());
    assert!(p.wait_screen(WAIT, analysed_library), "{}", p.screen());
    // One write: more steps than 000 ⇄ 001 has paired rows.
    p.key(b"c99n");
    assert!(p.wait_screen(WAIT, |s| s.contains(PAST)), "{}", p.screen());
    p.key(b"gg");
    assert!(p.wait_screen(WAIT, |s| !s.contains(PAST)), "{}", p.screen());
    p.key(b"99n");
    assert!(p.wait_screen(WAIT, |s| s.contains(PAST)), "{}", p.screen());
    p.key(b"q");
    assert_eq!(p.wait_exit(WAIT), Some(0));
}
